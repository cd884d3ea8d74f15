// The operator changes some of the kiosk's settings from the console.
//
// A change is validated with the same schema the kiosk starts with
// (kiosk-config.ts), merged with the current settings, so a bad value or a
// bad combination (a preset above the new maximum) is refused with a plain
// message and nothing is written. The file keeps whatever else it held, gains
// `"version": 1`, and is replaced atomically. A settings file that cannot be
// read is never overwritten: the kiosk reports it instead.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EditableSettings, FieldProblem, ReceiptSettings } from '../contract/kiosk-api.ts';
import type { z } from 'zod';
import { CausesSchema, CONFIG_FILE_NAME, CONFIG_FILE_VERSION, KioskConfigFields, KioskConfigSchema, logoDataUriSchema, withDefaults, withoutRetiredSettings, type KioskConfig } from './kiosk-config.ts';
import { writeFileAtomic } from './atomic-file.ts';
import { fieldProblemsOf } from './field-problems.ts';

export const EDITABLE_SETTING_KEYS = [
  'organisationName',
  'eventId',
  'eventName',
  'eventStartDate',
  'kioskId',
  'minAmountRupees',
  'maxAmountRupees',
  'idleResetSeconds',
  'language',
  'logoDataUri',
  // The donor experience: causes (with their names and amounts), goal, wall, fee cover, look.
  'causes',
  'goalRupees',
  'attractMessage',
  'showDonorWall',
  'feeCoverPercent',
  'themeColor',
  'accentColor',
  'backgroundDataUri',
  'updateInstallHour',
] as const satisfies readonly (keyof EditableSettings)[];

/** Each editable field with its rule from KioskConfigFields (not a copy of it); every field optional, nothing else allowed. */
export const EditableSettingsPatchSchema = KioskConfigFields.pick({
  organisationName: true,
  eventId: true,
  eventName: true,
  eventStartDate: true,
  kioskId: true,
  minAmountRupees: true,
  maxAmountRupees: true,
  idleResetSeconds: true,
  language: true,
  goalRupees: true,
  attractMessage: true,
  showDonorWall: true,
  feeCoverPercent: true,
  themeColor: true,
  accentColor: true,
  updateInstallHour: true,
})
  // The logo and the background: a PNG/JPEG data URI, or "" to remove it.
  .extend({
    // At least one cause: the list is the one place causes, their names and their amounts are set.
    causes: CausesSchema,
    logoDataUri: logoDataUriSchema({ emptyRemoves: true }),
    backgroundDataUri: logoDataUriSchema({ emptyRemoves: true, what: 'background picture' }),
  })
  .partial()
  .strict();

export type SettingsPatch = z.output<typeof EditableSettingsPatchSchema>;

const LABELS: Record<string, string> = {
  organisationName: 'Organisation name',
  causeName: 'Cause',
  eventId: 'Event id',
  eventName: 'Event name',
  eventStartDate: 'Event start date',
  kioskId: 'Kiosk id',
  presetAmountsRupees: 'Preset amounts',
  minAmountRupees: 'Minimum amount',
  maxAmountRupees: 'Maximum amount',
  idleResetSeconds: 'Idle time',
  language: 'Language',
  logoDataUri: 'Logo',
  causes: 'Causes',
  goalRupees: 'Goal',
  attractMessage: 'Welcome message',
  showDonorWall: 'Donor wall',
  feeCoverPercent: 'Processing fee',
  themeColor: 'Main colour',
  accentColor: 'Accent colour',
  backgroundDataUri: 'Background picture',
  updateInstallHour: 'Install hour',
};

export function editableSettingsOf(config: KioskConfig): EditableSettings {
  return {
    organisationName: config.organisationName,
    eventId: config.eventId,
    eventName: config.eventName,
    eventStartDate: config.eventStartDate,
    kioskId: config.kioskId,
    minAmountRupees: config.minAmountRupees,
    maxAmountRupees: config.maxAmountRupees,
    idleResetSeconds: config.idleResetSeconds,
    language: config.language,
    updateInstallHour: config.updateInstallHour,
    ...(config.logoDataUri === undefined ? {} : { logoDataUri: config.logoDataUri }),
    causes: config.causes,
    goalRupees: config.goalRupees,
    attractMessage: config.attractMessage,
    showDonorWall: config.showDonorWall,
    feeCoverPercent: config.feeCoverPercent,
    themeColor: config.themeColor,
    accentColor: config.accentColor,
    ...(config.backgroundDataUri === undefined ? {} : { backgroundDataUri: config.backgroundDataUri }),
  };
}

/** The settings that steer updates: changing them asks for the PIN again (operator-service.ts). */
export const UPDATE_SETTING_KEYS = ['updateInstallHour'] as const satisfies readonly (keyof EditableSettings)[];

/** Zod issues in the operator's words: "Maximum amount: ...". */
export function describeSettingsIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const [field, ...rest] = issue.path.map(String);
      const label = field === undefined ? 'Settings' : (LABELS[field] ?? field);
      return `${label}${rest.length > 0 ? ` (${rest.join('.')})` : ''}: ${issue.message}`;
    })
    .join('; ');
}

// ---- receipts (80G, printing, FCRA): the console's receipt settings ----
export const RECEIPT_SETTING_KEYS = [
  'organisationAddress',
  'organisationPan',
  'registration80G',
  'registration80GValidFrom',
  'registration80GValidTo',
  'printerName',
  'receiptLayout',
  'acceptForeignContributions',
] as const satisfies readonly (keyof ReceiptSettings)[];

export const ReceiptSettingsPatchSchema = KioskConfigFields.pick({
  organisationAddress: true,
  organisationPan: true,
  registration80G: true,
  registration80GValidFrom: true,
  registration80GValidTo: true,
  printerName: true,
  receiptLayout: true,
  acceptForeignContributions: true,
})
  .partial()
  .strict();

export type ReceiptSettingsPatch = z.output<typeof ReceiptSettingsPatchSchema>;

Object.assign(LABELS, {
  organisationAddress: 'Organisation address',
  organisationPan: 'Organisation PAN',
  registration80G: '80G registration number',
  registration80GValidFrom: '80G valid from',
  registration80GValidTo: '80G valid to',
  printerName: 'Receipt printer',
  receiptLayout: 'Receipt layout',
  acceptForeignContributions: 'Accept foreign contributions (FCRA)',
});

export function receiptSettingsOf(config: KioskConfig): ReceiptSettings {
  const settings = {} as Record<(typeof RECEIPT_SETTING_KEYS)[number], unknown>;
  for (const key of RECEIPT_SETTING_KEYS) settings[key] = config[key];
  return settings as unknown as ReceiptSettings;
}

/** Like updateKioskSettings, for the receipt settings: validated merged with the file, written only if all is well. */
export function updateReceiptSettings(dataDir: string, patch: ReceiptSettingsPatch): SettingsUpdateResult {
  return writeSettingsPatch(dataDir, patch, RECEIPT_SETTING_KEYS);
}

/** Refused: `message` in English for the log, `fields` for the console to say next to each field. */
export type SettingsUpdateResult = { ok: true; config: KioskConfig } | { ok: false; message: string; fields: FieldProblem[] };

/**
 * Validates `patch` merged with the file's settings and, only if all is well,
 * writes the file. `patch` must already have passed EditableSettingsPatchSchema.
 */
export function updateKioskSettings(dataDir: string, patch: SettingsPatch): SettingsUpdateResult {
  return writeSettingsPatch(dataDir, patch, EDITABLE_SETTING_KEYS);
}

function writeSettingsPatch(dataDir: string, patch: SettingsPatch | ReceiptSettingsPatch, keys: readonly (keyof KioskConfig)[]): SettingsUpdateResult {
  const path = join(dataDir, CONFIG_FILE_NAME);
  let onDisk: Record<string, unknown> = {};
  if (existsSync(path)) {
    try {
      const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('it does not hold a JSON object');
      // A retired setting (kiosk-config.ts RETIRED_SETTINGS) is dropped when the file is next written.
      onDisk = withoutRetiredSettings(raw as Record<string, unknown>).settings;
    } catch (error) {
      return { ok: false, message: `The settings file ${path} cannot be read (${(error as Error).message}); it was left as it is and nothing was changed.`, fields: [] };
    }
  }
  // An empty logo removes it.
  const removeLogo = 'logoDataUri' in patch && patch.logoDataUri === '';
  const removeBackground = 'backgroundDataUri' in patch && patch.backgroundDataUri === '';
  const candidate: Record<string, unknown> = { ...withDefaults(onDisk), ...patch, version: CONFIG_FILE_VERSION };
  if (removeLogo) delete candidate['logoDataUri'];
  if (removeBackground) delete candidate['backgroundDataUri'];
  const merged = KioskConfigSchema.safeParse(candidate);
  if (!merged.success) return { ok: false, message: `Nothing was changed. ${describeSettingsIssues(merged.error.issues)}`, fields: fieldProblemsOf(merged.error.issues) };
  const written: Record<string, unknown> = { version: CONFIG_FILE_VERSION, ...onDisk };
  written['version'] = CONFIG_FILE_VERSION;
  for (const key of keys) if (key in patch) written[key] = merged.data[key];
  // Causes saved from the console replace an older file's one cause: its name and amounts now live in `causes` alone.
  if ('causes' in patch) {
    delete written['causeName'];
    delete written['presetAmountsRupees'];
  }
  if (removeLogo) delete written['logoDataUri'];
  if (removeBackground) delete written['backgroundDataUri'];
  writeFileAtomic(path, `${JSON.stringify(written, null, 2)}\n`);
  return { ok: true, config: merged.data };
}
