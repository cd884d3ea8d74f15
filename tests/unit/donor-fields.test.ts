// One rule, one place: the renderer checks the donor's fields with the very
// rules main applies (src-shared/donor-fields.ts), so no value main refuses
// gets past the screen. Each case is run through the renderer's check and
// through main's IPC schema for startDonation, and the two must agree.
import { describe, expect, it } from 'vitest';
import { IPC_SCHEMAS } from '../../src-main/services/ipc-schemas.ts';
import { checkDetails } from '../../src-renderer/src/flow/validation.ts';
import { EMPTY_TAX_DRAFT, TAX_TYPING } from '../../src-renderer/src/screens/tax-receipt-draft.ts';
import { checkTaxDetails } from '../../src-main/domain/receipts/tax-details.ts';
import { checkAmountRange, parseAmountText, processingFeeRupees } from '../../src-shared/amounts.ts';
import { checkDonorName, checkEmail, checkIndianMobile, toAsciiDigits } from '../../src-shared/donor-fields.ts';

const base = { name: 'Asha Rao', phone: '', email: '', taxReceipt: EMPTY_TAX_DRAFT };

function renderer(patch: Partial<typeof base>): boolean {
  return checkDetails({ ...base, ...patch }, false).ok;
}

function main(patch: Partial<typeof base>): boolean {
  const input = { ...base, ...patch };
  const donor = { anonymous: input.name.trim() === '', ...(input.name.trim() === '' ? {} : { name: input.name }), phone: input.phone, email: input.email };
  return IPC_SCHEMAS.startDonation.safeParse({ amountRupees: 100, donor }).success;
}

/** The examples first: accepted on screen and refused by main before the rules were shared. */
const REFUSED: Partial<typeof base>[] = [
  { name: 'A'.repeat(61) },
  { name: 'Asha '.repeat(16).trim() },
  { name: "'Asha" },
  { name: '.Asha' },
  { name: '-Asha' },
  { email: 'asha@exa_mple.com' },
  { email: 'आशा@example.com' },
  { email: 'asha@example' },
  { email: 'asha..rao@example.com' },
  { email: `${'a'.repeat(250)}@example.com` },
  { phone: '12345' },
  { phone: '5876543210' },
  { name: 'Asha 2' },
];

const ACCEPTED: Partial<typeof base>[] = [
  { name: 'A'.repeat(60) },
  { name: 'आशा राव' },
  { name: "D'Souza" },
  { name: 'Mary-Anne S. Rao' },
  { name: '  Asha   Rao  ' },
  { name: '' },
  { email: 'asha.rao+kiosk@example.co.in' },
  { email: 'a_b@mail-server.example.org' },
  { phone: '+91 98765 43210' },
  { phone: '098765-43210' },
  { phone: '९८७६५४३२१०' },
];

describe('the donor-field rules are the same on screen and in main', () => {
  it.each(REFUSED.map((c) => [JSON.stringify(c), c] as const))('both refuse %s', (_, patch) => {
    expect(renderer(patch)).toBe(false);
    expect(main(patch)).toBe(false);
  });

  it.each(ACCEPTED.map((c) => [JSON.stringify(c), c] as const))('both accept %s', (_, patch) => {
    expect(renderer(patch)).toBe(true);
    expect(main(patch)).toBe(true);
  });

  it('main stores what the screen sends: tidied name, 10-digit phone', () => {
    const parsed = IPC_SCHEMAS.startDonation.parse({ amountRupees: 100, donor: { anonymous: false, name: '  Asha   Rao ', phone: '+91 98765 43210', email: ' asha@example.com ' } });
    expect(parsed.donor).toEqual({ anonymous: false, name: 'Asha Rao', phone: '9876543210', email: 'asha@example.com' });
    const screen = checkDetails({ ...base, name: '  Asha   Rao ', phone: '+91 98765 43210', email: ' asha@example.com ' }, false);
    expect(screen).toEqual({ ok: true, donor: parsed.donor });
  });

  it('says which rule each refusal broke', () => {
    expect(checkDonorName('A'.repeat(61))).toEqual({ ok: false, problem: 'name_too_long' });
    expect(checkDonorName('-Asha')).toEqual({ ok: false, problem: 'name_characters' });
    expect(checkDonorName('   ')).toEqual({ ok: false, problem: 'name_missing' });
    expect(checkEmail('आशा@example.com')).toEqual({ ok: false, problem: 'email_format' });
    expect(checkIndianMobile('९८७६५४३२१०')).toEqual({ ok: true, value: '9876543210' });
  });
});

describe('amounts', () => {
  const limits = { minAmountRupees: 10, maxAmountRupees: 100_000 };

  it('reads ASCII and Devanagari digits, Indian or Western grouping, a ₹ sign, and whole-rupee decimals', () => {
    expect(toAsciiDigits('१२३४५६७८९०')).toBe('1234567890');
    expect(parseAmountText('१,२५०', limits)).toEqual({ ok: true, amount: 1250 });
    expect(parseAmountText('₹ 1,00,000', limits)).toEqual({ ok: true, amount: 100_000 });
    expect(parseAmountText('250.00', limits)).toEqual({ ok: true, amount: 250 });
  });

  it('refuses paise, letters, nothing, and what is outside the limits', () => {
    expect(parseAmountText('250.50', limits)).toEqual({ ok: false, problem: 'whole' });
    expect(parseAmountText('12a', limits)).toEqual({ ok: false, problem: 'digits' });
    expect(parseAmountText('  ', limits)).toEqual({ ok: false, problem: 'none' });
    expect(parseAmountText('5', limits)).toEqual({ ok: false, problem: 'range' });
    expect(checkAmountRange(100_001, limits)).toEqual({ ok: false, problem: 'range' });
  });

  it('rounds the processing fee up to whole rupees, and is 0 when off', () => {
    expect(processingFeeRupees(750, 2)).toBe(15);
    expect(processingFeeRupees(333, 2.5)).toBe(9);
    expect(processingFeeRupees(500, 0)).toBe(0);
  });
});

describe('the 80G fields: the kiosk keys stop where main does', () => {
  const draft = { ...EMPTY_TAX_DRAFT, wanted: true };
  const details = { nameOnPan: 'Asha Rao', idType: 'pan' as const, idNumber: 'ABCPE1234F', address: '12 MG Road, Pune 411001' };

  it('a name or address as long as the on-screen keys allow is one main accepts, and one character more is not', () => {
    const nameMax = TAX_TYPING.taxName(draft).maxLength;
    const addressMax = TAX_TYPING.taxAddress(draft).maxLength;
    expect(checkTaxDetails({ ...details, nameOnPan: 'A'.repeat(nameMax) }).ok).toBe(true);
    expect(checkTaxDetails({ ...details, nameOnPan: 'A'.repeat(nameMax + 1) })).toMatchObject({ ok: false, problems: { nameOnPan: 'too_long' } });
    expect(checkTaxDetails({ ...details, address: 'A'.repeat(addressMax) }).ok).toBe(true);
    expect(checkTaxDetails({ ...details, address: 'A'.repeat(addressMax + 1) })).toMatchObject({ ok: false, problems: { address: 'too_long' } });
  });

  it('the name on the PAN takes the characters a donor name takes', () => {
    for (const name of ['Asha Rao', "D'Souza", 'आशा राव', '1Asha', 'Asha=Rao']) {
      expect(checkTaxDetails({ ...details, nameOnPan: name }).ok, name).toBe(checkDonorName(name).ok);
    }
  });
});
