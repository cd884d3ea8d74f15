// The amount rules both sides apply: reading a typed amount, the configured
// limits, and the processing fee a donor may add. Main decides the order
// amount with these (src-main/domain/amount-policy.ts, donation-service.ts);
// the amount screen shows the same figures with the same functions.
import { toAsciiDigits } from './donor-fields.ts';

export type AmountProblem =
  /** Nothing typed. */
  | 'none'
  /** Paise given ("250.50"). */
  | 'whole'
  /** Not a number. */
  | 'digits'
  /** Outside the kiosk's minimum and maximum. */
  | 'range';

export type AmountCheck = { ok: true; amount: number } | { ok: false; problem: AmountProblem };

export interface AmountLimits {
  minAmountRupees: number;
  maxAmountRupees: number;
}

export function checkAmountRange(amount: number, limits: AmountLimits): AmountCheck {
  if (!Number.isSafeInteger(amount) || amount < limits.minAmountRupees || amount > limits.maxAmountRupees) return { ok: false, problem: 'range' };
  return { ok: true, amount };
}

/**
 * A typed amount in whole rupees: ASCII or Devanagari digits, with spaces,
 * commas (Indian or Western grouping) and a ₹ sign allowed; "250.00" is whole
 * rupees, "250.50" is not.
 */
export function parseAmountText(text: string, limits: AmountLimits): AmountCheck {
  const cleaned = toAsciiDigits(text).replace(/[\s,₹]/g, '');
  if (cleaned === '') return { ok: false, problem: 'none' };
  const whole = /^(\d+)(?:\.0*)?$/.exec(cleaned);
  if (whole?.[1]) return checkAmountRange(Number.parseInt(whole[1], 10), limits);
  if (/^\d*\.\d*$/.test(cleaned) && cleaned !== '.') return { ok: false, problem: 'whole' };
  return { ok: false, problem: 'digits' };
}

/** The digits of a typed amount, ASCII, nothing else: what the amount field keeps. */
export function amountDigits(text: string): string {
  return toAsciiDigits(text).replace(/\D/g, '');
}

/**
 * The processing fee in whole rupees for a gift of `giftRupees` at `percent`
 * (0 = off), rounded up so the charity never receives less than the gift.
 * Integer arithmetic on hundredths of a percent, so 1.1% of ₹1,234 is exactly ₹14.
 */
export function processingFeeRupees(giftRupees: number, percent: number): number {
  const hundredths = Math.round(percent * 100);
  if (!(hundredths > 0) || !(giftRupees > 0)) return 0;
  return Math.ceil((giftRupees * hundredths) / 10_000);
}

/**
 * s.80G(5D): a cash gift above ₹2,000 gets no 80G deduction (kiosk-domain.md
 * §4.3). The console asks no 80G details above it and main refuses them
 * (src-main/services/ipc-schemas.ts) and issues no certificate for it
 * (src-main/domain/exports/form-10bd.ts).
 */
export const CASH_80G_LIMIT_RUPEES = 2_000;
