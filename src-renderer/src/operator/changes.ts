// What a save changed, in the operator's words: the settings before and after
// (as main answered them, so a value main tidied, such as trimmed spaces, is
// no change), field by field; causes by name, and what about them changed.
import type { CauseInfo, EditableSettings, LocalizedText, ReceiptSettings } from '../../../src-main/contract/kiosk-api.ts';
import { en } from '../i18n/en.ts';
import { t, type MessageKey } from '../i18n/t.ts';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** "Hindi" for "hi", in the console's language. */
export function languageName(code: string): string {
  const key = `language.${code}`;
  return Object.hasOwn(en, key) ? t(key as MessageKey) : code;
}

/** "Welcome message", or "Welcome message (Hindi)" for a translation. */
function inLanguage(label: string, code: string): string {
  return code === 'en' ? label : t('operator.changed.inLanguage', { field: label, language: languageName(code) });
}

function localizedChanges(label: string, before: LocalizedText | undefined, after: LocalizedText | undefined): string[] {
  const codes = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
  return codes.filter((code) => (before?.[code] ?? '') !== (after?.[code] ?? '')).map((code) => inLanguage(label, code));
}

function causeChanges(before: readonly CauseInfo[], after: readonly CauseInfo[]): string[] {
  const out: string[] = [];
  for (const cause of after) {
    const old = before.find((c) => c.id === cause.id);
    if (!old) {
      out.push(t('operator.changed.causeAdded', { name: cause.name.en }));
      continue;
    }
    const what = [
      ...localizedChanges(t('operator.changed.causeName'), old.name, cause.name),
      ...localizedChanges(t('operator.changed.causeDescription'), old.description, cause.description),
      ...(same(old.presetAmountsRupees, cause.presetAmountsRupees) ? [] : [t('operator.changed.causeAmounts')]),
      ...(same(old.imageDataUri, cause.imageDataUri) ? [] : [t('operator.changed.causePicture')]),
    ];
    if (what.length > 0) out.push(t('operator.changed.cause', { name: cause.name.en, what: what.join(', ') }));
  }
  for (const cause of before) if (!after.some((c) => c.id === cause.id)) out.push(t('operator.changed.causeRemoved', { name: cause.name.en }));
  const kept = (list: readonly CauseInfo[]) => list.filter((c) => before.some((b) => b.id === c.id) && after.some((a) => a.id === c.id)).map((c) => c.id);
  if (!same(kept(before), kept(after))) out.push(t('operator.changed.causeOrder'));
  return out;
}

const SETTING_LABELS: Partial<Record<keyof EditableSettings, MessageKey>> = {
  organisationName: 'operator.settings.organisationName',
  eventName: 'operator.settings.eventName',
  eventStartDate: 'operator.settings.eventStartDate',
  kioskId: 'operator.settings.kioskId',
  minAmountRupees: 'operator.settings.min',
  maxAmountRupees: 'operator.settings.max',
  idleResetSeconds: 'operator.settings.idle',
  language: 'operator.settings.language',
  logoDataUri: 'operator.logo.heading',
  goalRupees: 'operator.look.goal',
  showDonorWall: 'operator.look.wall',
  feeCoverPercent: 'operator.look.fee',
  themeColor: 'operator.look.primary',
  accentColor: 'operator.look.accent',
  backgroundDataUri: 'operator.look.background',
  updateInstallHour: 'operator.updates.hourLabel',
};

/** Everything that differs between two answers of main's settings. */
export function settingsChanges(before: EditableSettings, after: EditableSettings): string[] {
  const out: string[] = [];
  for (const [key, label] of Object.entries(SETTING_LABELS) as [keyof EditableSettings, MessageKey][]) {
    if (!same(before[key], after[key])) out.push(t(label));
  }
  out.push(...localizedChanges(t('operator.look.message'), before.attractMessage, after.attractMessage));
  out.push(...causeChanges(before.causes, after.causes));
  return out;
}

const RECEIPT_LABELS: Record<keyof ReceiptSettings, MessageKey> = {
  organisationAddress: 'operator.receipts.address',
  organisationPan: 'operator.receipts.pan',
  registration80G: 'operator.receipts.registration',
  registration80GValidFrom: 'operator.receipts.validFrom',
  registration80GValidTo: 'operator.receipts.validTo',
  printerName: 'operator.receipts.printer',
  receiptLayout: 'operator.receipts.layout',
  acceptForeignContributions: 'operator.receipts.foreign',
};

export function receiptSettingsChanges(before: ReceiptSettings, after: ReceiptSettings): string[] {
  return (Object.entries(RECEIPT_LABELS) as [keyof ReceiptSettings, MessageKey][]).filter(([key]) => !same(before[key], after[key])).map(([, label]) => t(label));
}
