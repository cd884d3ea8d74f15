// Checks on what the donor types. Messages are catalogue keys, never text.
import type { DonorDetails } from '../../../src-main/contract/kiosk-api.ts';
import { formatRupees, type MessageKey, type MessageParams } from '../i18n/t.ts';
import { taxReceiptRequest, type TaxReceiptDraft } from '../screens/tax-receipt-draft.ts';

export interface FieldError {
  key: MessageKey;
  params?: MessageParams;
}

export type AmountCheck = { ok: true; amount: number } | { ok: false; error: FieldError };

export const NAME_MAX_LENGTH = 80;

export function rangeError(min: number, max: number): FieldError {
  return { key: 'amount.error.range', params: { min: formatRupees(min), max: formatRupees(max) } };
}

/** The typed "Other amount": whole rupees (spaces and Indian digit grouping allowed). */
export function parseOtherAmount(text: string, min: number, max: number): AmountCheck | null {
  const cleaned = text.replace(/[\s,₹]/g, '');
  if (cleaned === '') return null;
  if (/^\d+\.\d*$/.test(cleaned) || /^\.\d+$/.test(cleaned)) {
    // "250.00" is still whole rupees.
    if (/^\d+\.0*$/.test(cleaned)) return checkRange(Number.parseInt(cleaned, 10), min, max);
    return { ok: false, error: { key: 'amount.error.whole' } };
  }
  if (!/^\d+$/.test(cleaned)) return { ok: false, error: { key: 'amount.error.digits' } };
  return checkRange(Number.parseInt(cleaned, 10), min, max);
}

function checkRange(amount: number, min: number, max: number): AmountCheck {
  if (!Number.isSafeInteger(amount) || amount < min || amount > max) return { ok: false, error: rangeError(min, max) };
  return { ok: true, amount };
}

export interface DetailsInput {
  name: string;
  anonymous: boolean;
  phone: string;
  email: string;
  /** The 80G opt-in and what the donor typed for it (checked by main). */
  taxReceipt: TaxReceiptDraft;
}

export type DetailsField = 'name' | 'phone' | 'email';
export type DetailsErrors = Partial<Record<DetailsField, FieldError>>;

/** 10-digit Indian mobile (starts 6-9), optionally written with +91 / 91 / 0 and spaces or dashes. */
export function normalisePhone(text: string): string | null {
  const compact = text.replace(/[\s\-().]/g, '');
  const m = /^(?:\+91|0091|91|0)?([6-9]\d{9})$/.exec(compact);
  return m?.[1] ?? null;
}

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

export function checkDetails(input: DetailsInput): { ok: true; donor: DonorDetails } | { ok: false; errors: DetailsErrors } {
  const errors: DetailsErrors = {};
  const donor: DonorDetails = { anonymous: input.anonymous };

  if (!input.anonymous) {
    const name = input.name.trim().replace(/\s+/g, ' ');
    if (name === '') errors.name = { key: 'details.error.name' };
    else if (name.length > NAME_MAX_LENGTH) errors.name = { key: 'details.error.nameLong', params: { max: NAME_MAX_LENGTH } };
    else donor.name = name;
  }

  if (input.phone.trim() !== '') {
    const phone = normalisePhone(input.phone);
    if (phone === null) errors.phone = { key: 'details.error.phone' };
    else donor.phone = phone;
  }

  const email = input.email.trim();
  if (email !== '') {
    if (email.length > 254 || !EMAIL.test(email)) errors.email = { key: 'details.error.email' };
    else donor.email = email;
  }

  const taxReceipt = taxReceiptRequest(input.taxReceipt, input.anonymous);
  if (taxReceipt) donor.taxReceipt = taxReceipt;

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, donor };
}
