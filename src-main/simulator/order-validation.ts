// The rules of POST /v1/orders (razorpay.md §1.1) with Razorpay's own messages,
// so the kiosk's error handling is exercised against realistic text.
// Receipt uniqueness needs the store and is checked there.
import { badRequest } from './errors.ts';
import type { Notes } from './entities.ts';

export interface ValidOrderRequest {
  amount: number;
  currency: string;
  receipt: string | null;
  notes: Notes;
  /** `payment.capture` (or the older `payment_capture`) overrides the account's capture setting per order. */
  capture: 'automatic' | 'manual' | null;
}

const ALLOWED_FIELDS = new Set(['amount', 'currency', 'receipt', 'notes', 'partial_payment', 'first_payment_min_amount', 'payment', 'payment_capture']);

/**
 * The currencies Razorpay accepts on orders (its list of supported currencies for
 * international payments, plus INR). Anything else, even a well-formed ISO code,
 * is "The selected currency is invalid." (the API's `in:` rule).
 */
export const SUPPORTED_CURRENCIES: ReadonlySet<string> = new Set(
  (
    'AED ALL AMD ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BZD CAD CHF CLP CNY COP CRC CUP CVE CZK ' +
    'DJF DKK DOP DZD EGP ETB EUR FJD GBP GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD ISK JMD JOD JPY KES KGS ' +
    'KHR KMF KRW KWD KYD KZT LAK LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR ' +
    'PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SCR SEK SGD SLL SOS SSP SVC SZL THB TND TRY TTD TWD TZS UAH UGX USD UYU ' +
    'UZS VND VUV XAF XCD XOF XPF YER ZAR ZMW'
  ).split(' '),
);

export const MIN_ORDER_AMOUNT_PAISE = 100;
const MAX_RECEIPT_LENGTH = 40;
const MAX_NOTES = 15;
const MAX_NOTE_KEY_LENGTH = 255;
const MAX_NOTE_VALUE_LENGTH = 512;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function validateOrderRequest(body: unknown, maxAmountPaise: number): ValidOrderRequest {
  if (!isPlainObject(body)) throw badRequest('The amount field is required.', { field: 'amount' });

  // Razorpay rejects unknown fields before looking at the values.
  const extra = Object.keys(body).filter((key) => !ALLOWED_FIELDS.has(key));
  if (extra.length > 0) {
    throw badRequest(`${extra.join(', ')} is/are not required and should not be sent`, { reason: 'extra_field_sent' });
  }

  const amount = validateAmount(body.amount, maxAmountPaise);
  const currency = validateCurrency(body.currency);
  const receipt = validateReceipt(body.receipt);
  const notes = validateNotes(body.notes);
  if (body.partial_payment !== undefined && typeof body.partial_payment !== 'boolean') {
    throw badRequest('The partial payment field must be true or false.', { field: 'partial_payment' });
  }
  // `payment.capture` is the newer way to say it; when both are sent it wins.
  const capture = validatePaymentConfig(body.payment) ?? validatePaymentCapture(body.payment_capture);
  return { amount, currency, receipt, notes, capture };
}

export function validateAmount(amount: unknown, maxAmountPaise: number): number {
  if (amount === undefined || amount === null || amount === '') {
    throw badRequest('The amount field is required.', { field: 'amount' });
  }
  if (typeof amount !== 'number' || !Number.isInteger(amount)) {
    throw badRequest('The amount must be an integer.', { field: 'amount' });
  }
  if (amount < MIN_ORDER_AMOUNT_PAISE) {
    throw badRequest('The amount must be at least INR 1.00', { field: 'amount' });
  }
  if (amount > maxAmountPaise) throw badRequest('Amount exceeds maximum amount allowed.', { field: 'amount' });
  return amount;
}

function validateCurrency(currency: unknown): string {
  if (currency === undefined || currency === null) {
    throw badRequest('The currency field is required.', { field: 'currency' });
  }
  if (typeof currency !== 'string') {
    throw badRequest(`expected string but provided ${JSON.stringify(currency)}`, { field: 'currency' });
  }
  if (currency.length !== 3) throw badRequest('The currency must be 3 characters.', { field: 'currency' });
  if (!SUPPORTED_CURRENCIES.has(currency)) throw badRequest('The selected currency is invalid.', { field: 'currency' });
  return currency;
}

function validateReceipt(receipt: unknown): string | null {
  if (receipt === undefined || receipt === null) return null;
  if (typeof receipt !== 'string') throw badRequest('The receipt must be a string.', { field: 'receipt' });
  if (receipt.length > MAX_RECEIPT_LENGTH) {
    throw badRequest(`The receipt may not be greater than ${MAX_RECEIPT_LENGTH} characters.`, { field: 'receipt' });
  }
  return receipt;
}

function validateNotes(notes: unknown): Notes {
  if (notes === undefined || notes === null) return [];
  // PHP serialises an empty associative array as `[]`, so Razorpay accepts it back.
  if (Array.isArray(notes) && notes.length === 0) return [];
  if (!isPlainObject(notes)) throw badRequest('The notes must be an array.', { field: 'notes' });

  const entries = Object.entries(notes);
  if (entries.length > MAX_NOTES) {
    throw badRequest(`Number of fields in notes should be less than or equal to ${MAX_NOTES}`, { field: 'notes' });
  }
  const out: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (key.length > MAX_NOTE_KEY_LENGTH) {
      throw badRequest(`Notes key cannot be greater than ${MAX_NOTE_KEY_LENGTH} characters`, { field: 'notes' });
    }
    if (typeof value === 'object' && value !== null) {
      throw badRequest('Notes values themselves should not be an array', { field: 'notes' });
    }
    const text = value === null ? '' : String(value);
    if (text.length > MAX_NOTE_VALUE_LENGTH) {
      throw badRequest(`Notes value cannot be greater than ${MAX_NOTE_VALUE_LENGTH} characters`, { field: 'notes' });
    }
    out[key] = text;
  }
  return entries.length === 0 ? [] : out;
}

function validatePaymentConfig(payment: unknown): 'automatic' | 'manual' | null {
  if (payment === undefined || payment === null) return null;
  if (!isPlainObject(payment)) throw badRequest('The payment must be an array.', { field: 'payment' });
  const capture = payment.capture;
  if (capture === undefined) return null;
  if (capture !== 'automatic' && capture !== 'manual') {
    throw badRequest('The selected payment.capture is invalid.', { field: 'payment.capture' });
  }
  return capture;
}

/** The older flag (razorpay.md §9): true/false, 1/0 or "1"/"0" (the API's boolean rule). */
function validatePaymentCapture(value: unknown): 'automatic' | 'manual' | null {
  if (value === undefined || value === null) return null;
  if (value === true || value === 1 || value === '1') return 'automatic';
  if (value === false || value === 0 || value === '0') return 'manual';
  throw badRequest('The payment capture field must be true or false.', { field: 'payment_capture' });
}
