// The donor's tax identity for an 80G receipt and Form 10BD: a PAN or an
// Aadhaar number. Main checks it (authoritative); the renderer runs the same
// checks for instant feedback through the contract-free copy in
// src-renderer/src/screens/tax-id-check.ts.

export type TaxIdType = 'pan' | 'aadhaar';

export type TaxIdProblem = 'empty' | 'pan_format' | 'pan_holder_type' | 'aadhaar_format' | 'aadhaar_checksum';

export type TaxIdCheck = { ok: true; normalised: string } | { ok: false; problem: TaxIdProblem };

/**
 * The fourth character of a PAN says who holds it: P person, C company,
 * H Hindu undivided family, F firm, A association of persons, T trust,
 * B body of individuals, L local authority, J artificial juridical person,
 * G government. Any other letter is not a PAN the department issues.
 */
const PAN_HOLDER_TYPES = 'PCHFATBLJG';
const PAN_SHAPE = /^[A-Z]{5}[0-9]{4}[A-Z]$/;

/** Upper case, without the spaces people type between groups. */
export function normalisePan(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

export function checkPan(input: string): TaxIdCheck {
  const pan = normalisePan(input);
  if (pan === '') return { ok: false, problem: 'empty' };
  if (!PAN_SHAPE.test(pan)) return { ok: false, problem: 'pan_format' };
  if (!PAN_HOLDER_TYPES.includes(pan.charAt(3))) return { ok: false, problem: 'pan_holder_type' };
  return { ok: true, normalised: pan };
}

// Verhoeff's dihedral-group check digit, which UIDAI uses for the last digit
// of every Aadhaar number: it catches every single-digit error and every
// swap of adjacent digits.
const MULTIPLY: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const PERMUTE: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const INVERSE = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9] as const;

function verhoeffState(digits: string, offset: number): number {
  let check = 0;
  const reversed = [...digits].reverse();
  reversed.forEach((char, index) => {
    // The tables are total over 0-9 and 0-7, so the fallbacks never apply.
    check = MULTIPLY[check]?.[PERMUTE[(index + offset) % 8]?.[Number(char)] ?? 0] ?? 0;
  });
  return check;
}

export function isValidVerhoeff(digits: string): boolean {
  return /^\d+$/.test(digits) && verhoeffState(digits, 0) === 0;
}

/** The digit that makes `digits` + it pass the Verhoeff check. */
export function verhoeffCheckDigit(digits: string): number {
  return INVERSE[verhoeffState(digits, 1)] ?? 0;
}

/** Digits only: people type Aadhaar in groups of four. */
export function normaliseAadhaar(input: string): string {
  return input.replace(/[\s-]+/g, '');
}

/** 12 digits, not starting with 0 or 1 (UIDAI never issues those), with a valid Verhoeff check digit. */
export function checkAadhaar(input: string): TaxIdCheck {
  const aadhaar = normaliseAadhaar(input);
  if (aadhaar === '') return { ok: false, problem: 'empty' };
  if (!/^[2-9]\d{11}$/.test(aadhaar)) return { ok: false, problem: 'aadhaar_format' };
  if (!isValidVerhoeff(aadhaar)) return { ok: false, problem: 'aadhaar_checksum' };
  return { ok: true, normalised: aadhaar };
}

export function checkTaxId(type: TaxIdType, input: string): TaxIdCheck {
  return type === 'pan' ? checkPan(input) : checkAadhaar(input);
}

/** What each problem means, in plain words (main's messages; the renderer has its own strings). */
export const TAX_ID_PROBLEM_TEXT: Record<TaxIdProblem, string> = {
  empty: 'Enter the number',
  pan_format: 'A PAN is 10 characters: 5 letters, 4 digits, 1 letter (like ABCPE1234F)',
  pan_holder_type: 'This is not a valid PAN: check the fourth letter',
  aadhaar_format: 'An Aadhaar number is 12 digits and does not start with 0 or 1',
  aadhaar_checksum: 'This Aadhaar number is not valid: please check the digits',
};

/**
 * On screen and on paper only the last four characters show (the rest as
 * "X"), so a receipt left at the kiosk does not give away the donor's id.
 */
export function maskTaxId(id: string): string {
  if (id.length <= 4) return id;
  return `${'X'.repeat(id.length - 4)}${id.slice(-4)}`;
}
