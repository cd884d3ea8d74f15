import { describe, expect, it } from 'vitest';
import { checkAadhaar, checkPan, isValidVerhoeff, maskTaxId, verhoeffCheckDigit } from '../../src-main/domain/receipts/tax-id.ts';
import { checkTaxDetails } from '../../src-main/domain/receipts/tax-details.ts';

/** A valid Aadhaar-shaped number: 11 digits plus their Verhoeff check digit. */
const aadhaarFrom = (first11: string) => `${first11}${verhoeffCheckDigit(first11)}`;

describe('PAN', () => {
  it('accepts five letters, four digits, a letter, with a holder type the department issues', () => {
    expect(checkPan('ABCPE1234F')).toEqual({ ok: true, normalised: 'ABCPE1234F' });
    // Trusts (T), companies (C), HUFs (H) give too.
    expect(checkPan('AAATA1234F').ok).toBe(true);
    expect(checkPan('AAACR5055K').ok).toBe(true);
  });

  it('normalises what people type: lower case and spaces', () => {
    expect(checkPan(' abcpe 1234 f ')).toEqual({ ok: true, normalised: 'ABCPE1234F' });
  });

  it('refuses the wrong shape, with a reason', () => {
    expect(checkPan('')).toEqual({ ok: false, problem: 'empty' });
    expect(checkPan('ABCPE1234')).toEqual({ ok: false, problem: 'pan_format' });
    expect(checkPan('ABCPE12345')).toEqual({ ok: false, problem: 'pan_format' });
    expect(checkPan('ABCPE1234FF')).toEqual({ ok: false, problem: 'pan_format' });
    expect(checkPan('1BCPE1234F')).toEqual({ ok: false, problem: 'pan_format' });
    expect(checkPan('ABCPEI234F')).toEqual({ ok: false, problem: 'pan_format' });
    expect(checkPan('ABC-E1234F')).toEqual({ ok: false, problem: 'pan_format' });
  });

  it('refuses a fourth letter that is no holder type (X, Z, ...)', () => {
    expect(checkPan('ABCXE1234F')).toEqual({ ok: false, problem: 'pan_holder_type' });
    expect(checkPan('ABCZE1234F')).toEqual({ ok: false, problem: 'pan_holder_type' });
  });
});

describe('Aadhaar', () => {
  it('knows the Verhoeff check digit (the published example 236 → 3)', () => {
    expect(verhoeffCheckDigit('236')).toBe(3);
    expect(isValidVerhoeff('2363')).toBe(true);
    expect(isValidVerhoeff('2364')).toBe(false);
  });

  it('accepts 12 digits with a valid check digit, with or without spaces', () => {
    const valid = aadhaarFrom('23412341234');
    expect(checkAadhaar(valid)).toEqual({ ok: true, normalised: valid });
    const spaced = `${valid.slice(0, 4)} ${valid.slice(4, 8)} ${valid.slice(8)}`;
    expect(checkAadhaar(spaced)).toEqual({ ok: true, normalised: valid });
  });

  it('catches every single wrong digit and every swap of neighbours', () => {
    const valid = aadhaarFrom('98765432109');
    for (let i = 0; i < 12; i += 1) {
      const wrong = `${valid.slice(0, i)}${(Number(valid[i]) + 1) % 10}${valid.slice(i + 1)}`;
      if (/^[2-9]/.test(wrong)) expect(checkAadhaar(wrong)).toEqual({ ok: false, problem: 'aadhaar_checksum' });
    }
    for (let i = 0; i < 11; i += 1) {
      if (valid[i] === valid[i + 1]) continue;
      const swapped = `${valid.slice(0, i)}${valid[i + 1]}${valid[i]}${valid.slice(i + 2)}`;
      if (/^[2-9]/.test(swapped)) expect(checkAadhaar(swapped).ok).toBe(false);
    }
  });

  it('refuses the wrong length, letters, and numbers starting 0 or 1 (never issued)', () => {
    expect(checkAadhaar('')).toEqual({ ok: false, problem: 'empty' });
    expect(checkAadhaar('23412341234')).toEqual({ ok: false, problem: 'aadhaar_format' });
    expect(checkAadhaar('2341234123456')).toEqual({ ok: false, problem: 'aadhaar_format' });
    expect(checkAadhaar('2341234123A4')).toEqual({ ok: false, problem: 'aadhaar_format' });
    expect(checkAadhaar(aadhaarFrom('03412341234'))).toEqual({ ok: false, problem: 'aadhaar_format' });
    expect(checkAadhaar(aadhaarFrom('13412341234'))).toEqual({ ok: false, problem: 'aadhaar_format' });
  });
});

describe('masking', () => {
  it('shows only the last four characters', () => {
    expect(maskTaxId('ABCPE1234F')).toBe('XXXXXX234F');
    expect(maskTaxId('234123412346')).toBe('XXXXXXXX2346');
    expect(maskTaxId('AB1')).toBe('AB1');
  });
});

describe('80G details', () => {
  it('gives one problem per field', () => {
    expect(checkTaxDetails({ nameOnPan: ' ', idType: 'pan', idNumber: 'ABC', address: 'Pune' })).toEqual({
      ok: false,
      problems: { nameOnPan: 'name_missing', idNumber: 'pan_format', address: 'address_short' },
    });
    expect(checkTaxDetails({ nameOnPan: '=HYPERLINK()', idType: 'aadhaar', idNumber: '234123412345', address: '' })).toMatchObject({
      ok: false,
      problems: { nameOnPan: 'name_characters', address: 'address_missing' },
    });
  });

  it('passes on the details trimmed and normalised', () => {
    expect(checkTaxDetails({ nameOnPan: '  Asha   Rao ', idType: 'pan', idNumber: 'abcpe1234f', address: ' 12 MG Road,  Pune 411001 ' })).toEqual({
      ok: true,
      details: { nameOnPan: 'Asha Rao', idType: 'pan', idNumber: 'ABCPE1234F', address: '12 MG Road, Pune 411001' },
    });
  });
});
