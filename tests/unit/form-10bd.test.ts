// Form 10BD: one row per paid 80G donation, the portal's codes, the same
// donors and amounts as the ledger, and rows missing what the form needs
// listed for the operator instead of dropped.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { CheckoutSession, Form10bdResult, Result, TaxReceiptDetails } from '../../src-main/contract/kiosk-api.ts';
import { buildForm10bd, FORM_10BD_COLUMNS } from '../../src-main/domain/exports/form-10bd.ts';
import { verhoeffCheckDigit } from '../../src-main/domain/receipts/tax-id.ts';
import { isoIndianDay } from '../../src-shared/india-time.ts';
import { startOperatorKiosk, OP_KEY_ID, RECEIPT_SETTINGS, type OperatorKiosk } from './support/operator-kiosk.ts';

const aadhaar = `23412341234${verhoeffCheckDigit('23412341234')}`;

describe('buildForm10bd', () => {
  const issuer = { registration80G: 'AAATA1234FF20214', registrationDate: '2021-05-28' };
  const base = { paymentMethod: 'upi', taxName: 'Asha Rao', taxIdType: 'pan' as const, taxIdNumber: 'ABCPE1234F', taxAddress: '12 MG Road, Pune' };

  it('writes the portal codes: ID code, section 80G, donation type, mode of receipt', () => {
    const built = buildForm10bd(issuer, [
      { donationId: 'd1', receiptNumber: 'K/2026-27/000001', amountPaise: 500_00, ...base },
      { donationId: 'd2', receiptNumber: 'K/2026-27/000002', amountPaise: 1500_50, ...base, paymentMethod: 'cash', taxIdType: 'aadhaar', taxIdNumber: aadhaar },
    ]);
    const rows = parse(built.csv) as string[][];
    expect(rows[0]).toEqual([...FORM_10BD_COLUMNS]);
    expect(rows[1]).toEqual(['1', '', 'Permanent Account Number', 'ABCPE1234F', 'Section 80G', 'AAATA1234FF20214', '28-05-2021', 'Asha Rao', '12 MG Road, Pune', 'Others', 'Electronic modes including account payee cheque/draft', '500']);
    expect(rows[2]).toEqual(['2', '', 'Aadhaar Number', aadhaar, 'Section 80G', 'AAATA1234FF20214', '28-05-2021', 'Asha Rao', '12 MG Road, Pune', 'Others', 'Cash', '1500.50']);
    expect(built).toMatchObject({ rows: 2, totalPaise: 2000_50, refused: [] });
  });

  it('lists rows missing required data, and cash above ₹2,000, instead of writing them', () => {
    const built = buildForm10bd(issuer, [
      { donationId: 'd1', receiptNumber: 'K/1', amountPaise: 500_00, ...base, taxIdNumber: '' },
      { donationId: 'd2', receiptNumber: 'K/2', amountPaise: 500_00, ...base, taxAddress: ' ', taxName: null },
      { donationId: 'd3', receiptNumber: 'K/3', amountPaise: 2001_00, ...base, paymentMethod: 'cash' },
      { donationId: 'd4', receiptNumber: 'K/4', amountPaise: 700_00, ...base },
    ]);
    expect(built.rows).toBe(1);
    expect(built.refused).toEqual([
      { donationId: 'd1', receiptNumber: 'K/1', missing: ['no PAN or Aadhaar number'] },
      { donationId: 'd2', receiptNumber: 'K/2', missing: ['no name as on PAN', 'no address'] },
      { donationId: 'd3', receiptNumber: 'K/3', missing: ['cash above ₹2,000 (no 80G deduction, s.80G(5D))'] },
    ]);
  });

  it('neutralises spreadsheet formulas in names and addresses', () => {
    const built = buildForm10bd(issuer, [{ donationId: 'd1', receiptNumber: 'K/1', amountPaise: 100_00, ...base, taxAddress: '=cmd|calc' }]);
    expect((parse(built.csv) as string[][])[1]?.[8]).toBe("'=cmd|calc");
  });
});

describe('Form 10BD export of a test day', () => {
  let kiosk: OperatorKiosk | undefined;
  afterEach(async () => {
    await kiosk?.stop();
    kiosk = undefined;
  });

  async function donate(k: OperatorKiosk, amountRupees: number, name: string, taxReceipt?: TaxReceiptDetails) {
    const started = (await k.call('startDonation', { amountRupees, donor: { anonymous: false, name, ...(taxReceipt ? { taxReceipt } : {}) } })) as Result<CheckoutSession>;
    if (!started.ok) throw new Error(started.error.message);
    await k.call('checkoutOpened', { donationId: started.value.donationId });
    const paid = k.simulator.pay({ keyId: OP_KEY_ID, orderId: started.value.options.order_id, method: 'card', outcome: 'success' });
    if (!paid.ok) throw new Error('simulator refused');
    const confirmed = await k.call('confirmPayment', { donationId: started.value.donationId, razorpayPaymentId: paid.paymentId, razorpayOrderId: started.value.options.order_id, razorpaySignature: paid.signature });
    if (!confirmed.ok) throw new Error(confirmed.error.message);
    return confirmed.value;
  }

  it('has the same 80G donors and amounts as the ledger; a donation without a PAN is listed, not dropped', async () => {
    kiosk = await startOperatorKiosk({ config: RECEIPT_SETTINGS });
    const k = kiosk;
    await k.unlocked();
    await donate(k, 500, 'Asha Rao', { nameOnPan: 'Asha Rao', idType: 'pan', idNumber: 'abcpe1234f', address: '12 MG Road, Pune 411001' });
    await donate(k, 250, 'Plain Donor');
    await donate(k, 1000, 'Vikram Singh', { nameOnPan: 'Vikram Singh', idType: 'aadhaar', idNumber: aadhaar, address: '3 Civil Lines, Jaipur 302006' });
    const cash = await k.call('recordCashGift', { amountRupees: 1500, donorName: 'Meera Iyer', taxReceipt: { nameOnPan: 'Meera Iyer', idType: 'pan', idNumber: 'AFZPI4321K', address: '7 Temple Street, Chennai 600004' }, print: false });
    expect(cash).toMatchObject({ ok: true, value: { eligibleFor80G: true } });
    // An 80G donation whose PAN never reached the ledger (written by hand, an old import...).
    const ledger = k.services.ledger;
    ledger.createDonation({ id: 'dnopan0000001', receipt: 'KIOSK-1-DNOPAN', kioskId: 'KIOSK-1', cause: 'c', amountPaise: 300_00, anonymous: false, donorName: 'No Pan', phone: null, email: null, tax: { nameOnPan: 'No Pan', idType: 'pan', idNumber: '', address: '1 Some Street, Delhi' } }, 'operator');
    ledger.transition('dnopan0000001', 'order_created', 'gateway', { orderId: 'order_NOPAN000000001' });
    ledger.transition('dnopan0000001', 'checkout_open', 'donor');
    const noPan = ledger.transition('dnopan0000001', 'paid', 'reconciliation', { paymentId: 'pay_NOPAN00000001', paymentMethod: 'upi', paidAt: Date.now() });
    expect(noPan.ok).toBe(true);

    const today = isoIndianDay(Date.now());
    // Identity numbers leave the kiosk: the PIN again.
    await k.confirmPin();
    const reply = (await k.call('exportForm10bd', { from: today, to: today })) as Result<Form10bdResult>;
    if (!reply.ok) throw new Error(reply.error.message);
    const rows = (parse(readFileSync(reply.value.path, 'utf8')) as string[][]).slice(1);

    const ledger80g = ledger.list(100).filter((d) => d.state === 'paid' && d.tax !== null && d.tax.idNumberMasked !== '');
    expect(rows.map((r) => [r[3], r[7], Number(r[11])]).sort()).toEqual(ledger80g.map((d) => [ledger.revealTaxIdNumber(d.id), d.tax?.nameOnPan, d.amountPaise / 100]).sort());
    // The form is the one place the numbers appear in full.
    expect(rows.map((r) => r[3]).sort()).toEqual(['ABCPE1234F', 'AFZPI4321K', aadhaar].sort());
    expect(rows.map((r) => r[7]).sort()).toEqual(['Asha Rao', 'Meera Iyer', 'Vikram Singh']);
    expect(rows.find((r) => r[7] === 'Meera Iyer')?.[10]).toBe('Cash');
    expect(reply.value).toMatchObject({ rows: 3, totalRupees: 3000 });
    expect(reply.value.refused).toEqual([{ donationId: 'dnopan0000001', receiptNumber: noPan.ok ? noPan.donation.receiptNo : null, missing: ['no PAN or Aadhaar number'] }]);
    // The donor who did not opt in is in no row.
    expect(rows.some((r) => r[7] === 'Plain Donor')).toBe(false);
  });

  it('is for the operator only', async () => {
    kiosk = await startOperatorKiosk({ config: RECEIPT_SETTINGS });
    expect(await kiosk.call('exportForm10bd', { from: '2026-04-01', to: '2026-04-30' })).toMatchObject({ ok: false, error: { code: 'operator_required' } });
  });
});
