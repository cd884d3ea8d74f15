// The rules for what a donor types, written once: the renderer checks each
// field with these before it sends anything, and main checks the same request
// again with the same functions (src-main/services/ipc-schemas.ts). So a value
// main would refuse is refused on screen first, under its field.
//
// Plain TypeScript with no imports: it runs in the renderer's bundle and in
// main alike (eslint.config.js keeps it that way).

/** Names as main stores them and Razorpay's prefill carries them. */
export const DONOR_NAME_MAX_LENGTH = 60;
/** RFC 5321's limit on a whole address. */
export const EMAIL_MAX_LENGTH = 254;
/** The 80G receipt's "Name as on your PAN": the longest name a PAN carries. Main checks it (src-main/domain/receipts/tax-details.ts); the kiosk's keys stop there. */
export const TAX_NAME_MAX_LENGTH = 85;
/** The 80G receipt's address, as main checks it and the receipt prints it. */
export const TAX_ADDRESS_MAX_LENGTH = 200;

export type DonorField = 'name' | 'phone' | 'email';

export type DonorFieldProblem =
  /** No name, and the gift is not anonymous. */
  | 'name_missing'
  | 'name_too_long'
  /** Starts with something other than a letter, or holds characters other than letters, marks, spaces and . ' - */
  | 'name_characters'
  | 'phone_format'
  | 'email_format'
  | 'email_too_long';

export type FieldCheck = { ok: true; value: string } | { ok: false; problem: DonorFieldProblem };

/** Letters of any script (Devanagari included) and their marks first; then also spaces, dots, apostrophes, hyphens. */
const NAME_PATTERN = /^[\p{L}\p{M}][\p{L}\p{M} .'-]*$/u;

/**
 * An address Razorpay and mail servers take: ASCII only, a local part of
 * letters, digits and _ ' + - with single dots between parts, and a domain of
 * letter-or-digit labels (hyphens inside, no underscores) ending in a 2+
 * letter top-level domain. (The rule main applied before it was shared.)
 */
const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** Devanagari digits (०-९) as ASCII digits; everything else unchanged. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0966-\u096F]/g, (d) => String(d.charCodeAt(0) - 0x0966));
}

/** Trimmed, with runs of spaces made one. */
function tidy(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** Letters first, then letters, marks, spaces, dots, apostrophes, hyphens: the donor's name and the 80G name alike. */
export function hasNameCharacters(name: string): boolean {
  return NAME_PATTERN.test(name);
}

export function checkDonorName(text: string): FieldCheck {
  const name = tidy(text);
  if (name === '') return { ok: false, problem: 'name_missing' };
  if (name.length > DONOR_NAME_MAX_LENGTH) return { ok: false, problem: 'name_too_long' };
  if (!hasNameCharacters(name)) return { ok: false, problem: 'name_characters' };
  return { ok: true, value: name };
}

/** A 10-digit Indian mobile number (starts 6-9), written with or without +91 / 91 / 0, spaces, dashes, brackets; ASCII or Devanagari digits. */
export function checkIndianMobile(text: string): FieldCheck {
  const compact = toAsciiDigits(text).replace(/[\s\-().]/g, '');
  const match = /^(?:\+91|0091|91|0)?([6-9]\d{9})$/.exec(compact);
  return match?.[1] ? { ok: true, value: match[1] } : { ok: false, problem: 'phone_format' };
}

export function checkEmail(text: string): FieldCheck {
  const email = text.trim();
  if (email.length > EMAIL_MAX_LENGTH) return { ok: false, problem: 'email_too_long' };
  if (!EMAIL_PATTERN.test(email)) return { ok: false, problem: 'email_format' };
  return { ok: true, value: email };
}

export interface DonorFieldsInput {
  anonymous: boolean;
  name?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
}

/** The donor's fields as main stores them: tidied, the phone as 10 digits, empty ones absent. */
export interface DonorFields {
  anonymous: boolean;
  name?: string;
  phone?: string;
  email?: string;
}

export type DonorFieldsCheck = { ok: true; fields: DonorFields } | { ok: false; problems: Partial<Record<DonorField, DonorFieldProblem>> };

const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

/**
 * Every field at once, so the donor sees each problem under its own field.
 * The name is needed unless the gift is anonymous (and is dropped when it
 * is); the phone and email are optional.
 */
export function checkDonorFields(input: DonorFieldsInput): DonorFieldsCheck {
  const problems: Partial<Record<DonorField, DonorFieldProblem>> = {};
  const fields: DonorFields = { anonymous: input.anonymous };
  if (!input.anonymous) {
    const name = checkDonorName(input.name ?? '');
    if (name.ok) fields.name = name.value;
    else problems.name = name.problem;
  }
  if (!blank(input.phone)) {
    const phone = checkIndianMobile(input.phone ?? '');
    if (phone.ok) fields.phone = phone.value;
    else problems.phone = phone.problem;
  }
  if (!blank(input.email)) {
    const email = checkEmail(input.email ?? '');
    if (email.ok) fields.email = email.value;
    else problems.email = email.problem;
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, fields };
}
