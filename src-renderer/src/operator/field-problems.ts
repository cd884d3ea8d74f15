// Main's refusals, field by field (the contract's FieldProblem), in the
// operator's language and next to the field they concern: never an internal
// name such as "settings.eventStartDate".
import type { FieldProblem, KioskError } from '../../../src-main/contract/kiosk-api.ts';
import { formatRupees, t, type MessageKey } from '../i18n/t.ts';

/** Per field path ("causes.1.name.en"), what to say under it. */
export type FieldErrors = Readonly<Record<string, string>>;

/** "causes.1.presetAmountsRupees.0" → "causes.#.presetAmountsRupees.#": the field's kind, for its own wording. */
export function pathKind(path: string): string {
  return path.replace(/\.\d+(?=\.|$)/g, '.#');
}

/** What a field that is "not in the right form" should look like, per kind of field. */
const FORMAT_HINTS: Record<string, MessageKey> = {
  kioskId: 'operator.problem.format.kioskId',
  eventId: 'operator.problem.format.eventId',
  eventStartDate: 'operator.problem.format.day',
  registration80GValidFrom: 'operator.problem.format.day',
  registration80GValidTo: 'operator.problem.format.day',
  from: 'operator.problem.format.day',
  to: 'operator.problem.format.day',
  organisationPan: 'operator.problem.format.pan',
  themeColor: 'operator.problem.format.colour',
  accentColor: 'operator.problem.format.colour',
  feeCoverPercent: 'operator.problem.format.fee',
  donorName: 'operator.problem.format.name',
  phone: 'operator.problem.format.phone',
  'taxReceipt.idNumber': 'operator.problem.format.idNumber',
  'taxReceipt.address': 'operator.problem.format.address',
  'taxReceipt.nameOnPan': 'operator.problem.format.name',
  keyId: 'operator.problem.format.keyId',
  keySecret: 'operator.problem.format.keySecret',
};

const AMOUNT_KINDS = new Set(['minAmountRupees', 'maxAmountRupees', 'goalRupees', 'amountRupees', 'causes.#.presetAmountsRupees.#']);

/** One problem in plain words; `limits` fills "between ₹10 and ₹1,00,000" where a preset is outside them. */
export function problemText(problem: FieldProblem, limits?: { min: number; max: number }): string {
  const kind = pathKind(problem.path);
  const limit = problem.limit ?? 0;
  const amount = AMOUNT_KINDS.has(kind);
  switch (problem.problem) {
    case 'required':
      return t('operator.problem.required');
    case 'too_long':
      return t('operator.problem.tooLong', { n: limit });
    case 'too_small':
      return amount ? t('operator.problem.tooSmallAmount', { amount: formatRupees(limit) }) : t('operator.problem.tooSmall', { n: limit });
    case 'too_big':
      return amount ? t('operator.problem.tooBigAmount', { amount: formatRupees(limit) }) : t('operator.problem.tooBig', { n: limit });
    case 'too_few':
      return t(kind === 'causes' ? 'operator.problem.tooFewCauses' : 'operator.problem.tooFewAmounts');
    case 'too_many':
      return t('operator.problem.tooMany', { n: limit });
    case 'not_whole':
      return t('operator.problem.notWhole');
    case 'unknown_choice':
      return t('operator.problem.unknownChoice');
    case 'picture':
      return t('operator.problem.picture');
    case 'min_above_max':
      return t('operator.problem.minAboveMax');
    case 'outside_limits':
      return limits
        ? t('operator.problem.outsideLimits', { min: formatRupees(limits.min), max: formatRupees(limits.max) })
        : t('operator.problem.outsideLimitsPlain');
    case 'duplicate':
      return t('operator.problem.duplicate');
    case 'ends_before_start':
      return t('operator.problem.endsBeforeStart');
    case 'cash_above_80g_limit':
      return t('operator.cash.warning');
    case 'format':
      return t(FORMAT_HINTS[kind] ?? 'operator.problem.format');
  }
}

/** A refusal's field problems by path, with the request's own prefix ("settings.") taken off. */
export function fieldErrorsOf(error: KioskError, options: { prefix?: string; limits?: { min: number; max: number } } = {}): FieldErrors {
  const errors: Record<string, string> = {};
  for (const problem of error.fields ?? []) {
    const path = options.prefix && problem.path.startsWith(`${options.prefix}.`) ? problem.path.slice(options.prefix.length + 1) : problem.path;
    errors[path] ??= problemText({ ...problem, path }, options.limits);
  }
  return errors;
}

/** Whole rupees or another whole number as typed: digits, with spaces and Indian or Western grouping commas ("2,500", "1,00,000"). */
export function wholeNumber(text: string): number | null {
  const compact = text.replace(/[\s,₹]/g, '');
  if (!/^\d+$/.test(compact)) return null;
  const n = Number(compact);
  return Number.isSafeInteger(n) ? n : null;
}

/** The id of the input for a field path, so an error can take the operator to it. */
export function fieldId(form: string, path: string): string {
  return `${form}-${path.replace(/\./g, '-')}`;
}
