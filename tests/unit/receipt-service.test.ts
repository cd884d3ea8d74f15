// The receipt service through the real dispatcher: printing to the operator's
// printer, the PDF when there is none or it fails, the donor's window for
// printing, reprint, test print, settings, 80G details, domestic-only Checkout.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { CheckoutSession, DonationReceipt, KioskState, PrintReceiptResult, ReceiptAdmin, Result } from '../../src-main/contract/kiosk-api.ts';
import type { ReceiptPrinter } from '../../src-main/domain/receipts/receipt-printer.ts';
import { buildReceiptModel } from '../../src-main/domain/receipts/receipt-model.ts';
import { renderReceiptHtml } from '../../src-main/domain/receipts/receipt-html.ts';
import { DONOR_PRINT_WINDOW_MS } from '../../src-main/services/receipt-service.ts';
import { taxReceiptsOffered } from '../../src-main/domain/receipts/tax-receipts-offered.ts';
import { DEFAULT_KIOSK_CONFIG } from '../../src-main/domain/kiosk-config.ts';
import { startOperatorKiosk, OP_KEY_ID, RECEIPT_SETTINGS, type OperatorKiosk } from './support/operator-kiosk.ts';

interface FakePrinter extends ReceiptPrinter {
  printed: { deviceName: string; html: string }[];
  pdfs: { path: string; html: string }[];
  printerWorks: boolean;
}

function fakePrinter(): FakePrinter {
  const fake: FakePrinter = {
    printed: [],
    pdfs: [],
    printerWorks: true,
    listPrinters: async () => ['TM-T82', 'Office A4'],
    print: async ({ deviceName, html }) => {
      if (!fake.printerWorks) return { ok: false, reason: 'Print job failed' };
      fake.printed.push({ deviceName, html });
      return { ok: true };
    },
    savePdf: async ({ path, html }) => {
      writeFileSync(path, '%PDF-fake');
      fake.pdfs.push({ path, html });
      return { ok: true };
    },
  };
  return fake;
}

let kiosk: OperatorKiosk | undefined;
afterEach(async () => {
  await kiosk?.stop();
  kiosk = undefined;
});

async function paidDonation(k: OperatorKiosk, taxReceipt = true): Promise<DonationReceipt> {
  const donor = { anonymous: false, name: 'Asha Rao', ...(taxReceipt ? { taxReceipt: { nameOnPan: 'Asha Rao', idType: 'pan' as const, idNumber: 'ABCPE1234F', address: '12 MG Road, Pune 411001' } } : {}) };
  const started = (await k.call('startDonation', { amountRupees: 1234, donor })) as Result<CheckoutSession>;
  if (!started.ok) throw new Error(started.error.message);
  await k.call('checkoutOpened', { donationId: started.value.donationId });
  const paid = k.simulator.pay({ keyId: OP_KEY_ID, orderId: started.value.options.order_id, method: 'upi', outcome: 'success' });
  if (!paid.ok) throw new Error('refused');
  const reply = await k.call('confirmPayment', { donationId: started.value.donationId, razorpayPaymentId: paid.paymentId, razorpayOrderId: started.value.options.order_id, razorpaySignature: paid.signature });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

describe('receipt HTML', () => {
  const issuer = { organisationName: 'Asha <Trust>', ...RECEIPT_SETTINGS };
  const donation = { receiptNumber: 'KIOSK-1/2026-27/000007', paidAt: Date.parse('2026-11-26T10:00:00+05:30'), amountPaise: 1234_00, paymentMethod: 'upi', paymentId: 'pay_ABCDEFGHIJKLMN', causeName: 'Education', donorName: 'Asha', tax: { nameOnPan: '<b>Asha</b> Rao', idType: 'pan' as const, idNumberMasked: 'XXXXXX234F', address: '12 MG Road' } };

  it('holds every 80G field, the id masked, everything escaped', () => {
    for (const layout of ['thermal-80mm', 'a4'] as const) {
      const html = renderReceiptHtml(buildReceiptModel(issuer, donation), layout);
      for (const text of ['Asha &lt;Trust&gt;', '14 Lake Road, Pune 411001', 'AAATA1234F', 'AAATA1234FF20214', 'valid from 28/05/2021 to 31/03/2030', 'KIOSK-1/2026-27/000007', '26/11/2026', '&lt;b&gt;Asha&lt;/b&gt; Rao', 'XXXXXX234F', '12 MG Road', '₹1,234', 'Rupees One Thousand Two Hundred Thirty-Four Only', 'UPI', 'pay_ABCDEFGHIJKLMN', 'section 80G']) {
        expect(html).toContain(text);
      }
      expect(html).not.toContain('ABCPE1234F');
      expect(html).not.toContain('<b>');
      expect(html).not.toMatch(/<script/i);
    }
  });

  it('a plain receipt carries no 80G statement and no id', () => {
    const html = renderReceiptHtml(buildReceiptModel(issuer, { ...donation, tax: null }), 'a4');
    expect(html).toContain('Donation receipt');
    expect(html).not.toContain('section 80G');
    expect(html).not.toContain('XXXXXX234F');
  });
});

describe('receipt service', () => {
  it('stops offering 80G receipts outside the approval\'s validity', () => {
    const config = { ...DEFAULT_KIOSK_CONFIG, ...RECEIPT_SETTINGS, registration80GValidTo: '2027-03-31' };
    expect(taxReceiptsOffered(config, Date.parse('2027-03-31T23:59:00+05:30'))).toBe(true);
    expect(taxReceiptsOffered(config, Date.parse('2027-04-01T00:01:00+05:30'))).toBe(false);
    expect(taxReceiptsOffered({ ...config, registration80GValidFrom: '2026-12-01' }, Date.parse('2026-11-30T12:00:00+05:30'))).toBe(false);
    expect(taxReceiptsOffered({ ...config, organisationPan: '' }, Date.parse('2026-11-30T12:00:00+05:30'))).toBe(false);
  });

  it('offers 80G receipts and domestic-only Checkout only as configured', async () => {
    kiosk = await startOperatorKiosk({ config: {}, withPin: true });
    const plain = (await kiosk.call('getKioskState')) as Result<KioskState>;
    expect(plain).toMatchObject({ ok: true, value: { taxReceiptsOffered: false, acceptsForeignContributions: false } });
    const started = (await kiosk.call('startDonation', { amountRupees: 100, donor: { anonymous: true } })) as Result<CheckoutSession>;
    expect(started.ok && started.value.options.config?.display.preferences.show_default_blocks).toBe(false);
    expect(started.ok && started.value.options.config?.display.blocks['india']?.instruments.map((i) => i.method)).toEqual(['upi', 'card', 'netbanking', 'wallet']);

    await kiosk.unlocked();
    expect(await kiosk.call('updateReceiptSettings', { settings: { ...RECEIPT_SETTINGS, acceptForeignContributions: true } })).toMatchObject({ ok: true });
    expect(await kiosk.call('getKioskState')).toMatchObject({ ok: true, value: { taxReceiptsOffered: true, acceptsForeignContributions: true } });
    const fcra = (await kiosk.call('startDonation', { amountRupees: 100, donor: { anonymous: true } })) as Result<CheckoutSession>;
    expect(fcra.ok && fcra.value.options.config).toBeUndefined();
    // Saved to the file, so it survives a restart.
    expect(JSON.parse(readFileSync(`${kiosk.dataDir}/kiosk-config.json`, 'utf8'))).toMatchObject({ registration80G: 'AAATA1234FF20214', acceptForeignContributions: true });
  });

  it('refuses bad receipt settings and changes nothing', async () => {
    kiosk = await startOperatorKiosk({ config: RECEIPT_SETTINGS });
    await kiosk.unlocked();
    expect(await kiosk.call('updateReceiptSettings', { settings: { organisationPan: 'NOTAPAN' } })).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('must be a PAN') } });
    expect(await kiosk.call('updateReceiptSettings', { settings: { registration80GValidFrom: '2027-01-01', registration80GValidTo: '2026-01-01' } })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(JSON.parse(readFileSync(`${kiosk.dataDir}/kiosk-config.json`, 'utf8'))).toEqual(RECEIPT_SETTINGS);
  });

  it('checks 80G details per field, and startDonation refuses what the check refuses', async () => {
    kiosk = await startOperatorKiosk({ config: RECEIPT_SETTINGS });
    expect(await kiosk.call('checkTaxDetails', { nameOnPan: 'Asha', idType: 'aadhaar', idNumber: '234123412345', address: '' })).toEqual({
      ok: true,
      value: { ok: false, problems: { idNumber: 'aadhaar_checksum', address: 'address_missing' } },
    });
    const refused = await kiosk.call('startDonation', { amountRupees: 100, donor: { anonymous: false, name: 'Asha', taxReceipt: { nameOnPan: 'Asha', idType: 'pan', idNumber: 'ABCXE1234F', address: '12 MG Road, Pune' } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('donor.taxReceipt.idNumber') } });
    expect(kiosk.services.ledger.list()).toEqual([]);
  });

  it('with no printer set, saves the PDF under receipts/<FY>/ and tells the donor', async () => {
    const printer = fakePrinter();
    kiosk = await startOperatorKiosk({ config: RECEIPT_SETTINGS, extra: { receiptPrinter: printer } });
    const receipt = await paidDonation(kiosk);
    expect(receipt).toMatchObject({ taxReceipt: true, receiptNumber: expect.stringMatching(/^KIOSK-1\/20\d\d-\d\d\/000001$/) });
    const reply = (await kiosk.call('printReceipt', { donationId: receipt.donationId })) as Result<PrintReceiptResult>;
    expect(reply).toMatchObject({ ok: true, value: { printed: false, problem: 'no_printer', receiptNumber: receipt.receiptNumber } });
    const path = reply.ok ? reply.value.pdfPath : null;
    expect(path).toMatch(/receipts\/20\d\d-\d\d\/KIOSK-1_20\d\d-\d\d_000001\.pdf$/);
    expect(existsSync(path ?? '')).toBe(true);
    expect(printer.pdfs[0]?.html).toContain('XXXXXX234F');
    expect(kiosk.services.ledger.events(receipt.donationId).at(-1)?.detail).toMatchObject({ receiptOutput: { pdfPath: path, printed: false } });
  });

  it('prints silently to the chosen printer; when it fails, the PDF is saved and the donor told', async () => {
    const printer = fakePrinter();
    kiosk = await startOperatorKiosk({ config: { ...RECEIPT_SETTINGS, printerName: 'TM-T82', receiptLayout: 'thermal-80mm' }, extra: { receiptPrinter: printer } });
    const receipt = await paidDonation(kiosk);
    expect(await kiosk.call('printReceipt', { donationId: receipt.donationId })).toEqual({ ok: true, value: { receiptNumber: receipt.receiptNumber, printed: true, problem: null, pdfPath: null } });
    expect(printer.printed.map((p) => p.deviceName)).toEqual(['TM-T82']);
    expect(printer.printed[0]?.html).toContain('receipt-thermal-80mm');
    printer.printerWorks = false;
    const next = await paidDonation(kiosk);
    expect(await kiosk.call('printReceipt', { donationId: next.donationId })).toMatchObject({ ok: true, value: { printed: false, problem: 'printer_failed', pdfPath: expect.stringContaining('.pdf') } });
  });

  it('prints a donor their receipt once: a second tap, or the next person at the screen, gets a plain refusal (issue 14, item 10)', async () => {
    const printer = fakePrinter();
    kiosk = await startOperatorKiosk({ config: { ...RECEIPT_SETTINGS, printerName: 'TM-T82' }, extra: { receiptPrinter: printer }, withPin: true });
    const receipt = await paidDonation(kiosk);
    const [first, second] = await Promise.all([
      kiosk.call('printReceipt', { donationId: receipt.donationId }),
      kiosk.call('printReceipt', { donationId: receipt.donationId }),
    ]);
    expect(first).toMatchObject({ ok: true, value: { printed: true } });
    expect(second).toMatchObject({ ok: false, error: { code: 'illegal_state', message: expect.stringContaining('already printed') } });
    for (let i = 0; i < 5; i++) expect(await kiosk.call('printReceipt', { donationId: receipt.donationId })).toMatchObject({ ok: false, error: { code: 'illegal_state' } });
    expect(printer.printed).toHaveLength(1);
    // The operator can still reprint it.
    await kiosk.unlocked();
    expect(await kiosk.call('reprintReceipt', { receiptNumber: receipt.receiptNumber })).toMatchObject({ ok: true, value: { printed: true } });
    expect(printer.printed).toHaveLength(2);
  });

  it('a donor can print only just after paying; the operator can reprint any receipt, and test print', async () => {
    const printer = fakePrinter();
    kiosk = await startOperatorKiosk({ config: RECEIPT_SETTINGS, extra: { receiptPrinter: printer }, withPin: true });
    const receipt = await paidDonation(kiosk, false);
    expect(receipt.taxReceipt).toBe(false);
    kiosk.clock.now += DONOR_PRINT_WINDOW_MS + 1000;
    expect(await kiosk.call('printReceipt', { donationId: receipt.donationId })).toMatchObject({ ok: false, error: { code: 'illegal_state' } });
    expect(await kiosk.call('reprintReceipt', { receiptNumber: receipt.receiptNumber })).toMatchObject({ ok: false, error: { code: 'operator_required' } });
    await kiosk.unlocked();
    expect(await kiosk.call('reprintReceipt', { receiptNumber: receipt.receiptNumber })).toMatchObject({ ok: true, value: { receiptNumber: receipt.receiptNumber, pdfPath: expect.any(String) } });
    expect(await kiosk.call('reprintReceipt', { receiptNumber: 'KIOSK-1/2026-27/999999' })).toMatchObject({ ok: false, error: { code: 'unknown_donation' } });
    const admin = (await kiosk.call('getReceiptAdmin', { search: 'Asha' })) as Result<ReceiptAdmin>;
    expect(admin).toMatchObject({ ok: true, value: { printers: ['TM-T82', 'Office A4'], receipts: [{ receiptNumber: receipt.receiptNumber, amountRupees: 1234, method: 'upi', taxReceipt: false }] } });
    expect(await kiosk.call('testPrint')).toMatchObject({ ok: true, value: { receiptNumber: 'TEST PRINT', printed: false, problem: 'no_printer' } });
    expect(printer.pdfs.at(-1)?.html).toContain('TEST PRINT');
  });

  it('never puts the key secret in a receipt or a reply', async () => {
    const printer = fakePrinter();
    kiosk = await startOperatorKiosk({ config: RECEIPT_SETTINGS, extra: { receiptPrinter: printer } });
    const receipt = await paidDonation(kiosk);
    await kiosk.call('printReceipt', { donationId: receipt.donationId });
    const secret = 'OpSecretNeverShown0123456789';
    expect(JSON.stringify(kiosk.replies)).not.toContain(secret);
    expect(printer.pdfs.map((p) => p.html).join('')).not.toContain(secret);
  });
});

describe('cash gifts', () => {
  it('records a cash gift with its receipt number; above ₹2,000 it takes no 80G details and is not eligible', async () => {
    const printer = fakePrinter();
    kiosk = await startOperatorKiosk({ config: RECEIPT_SETTINGS, extra: { receiptPrinter: printer } });
    await kiosk.unlocked();
    const tax = { nameOnPan: 'Meera Iyer', idType: 'pan' as const, idNumber: 'AFZPI4321K', address: '7 Temple Street, Chennai' };
    const small = await kiosk.call('recordCashGift', { amountRupees: 2000, donorName: 'Meera Iyer', taxReceipt: tax, print: false });
    expect(small).toMatchObject({ ok: true, value: { eligibleFor80G: true, print: null, receiptNumber: expect.stringMatching(/000001$/) } });
    // s.80G(5D): 80G details for cash above ₹2,000 are refused (they would give no deduction), and nothing is recorded.
    expect(await kiosk.call('recordCashGift', { amountRupees: 2001, donorName: 'Meera Iyer', taxReceipt: tax, print: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', fields: [{ path: 'taxReceipt', problem: 'cash_above_80g_limit' }] },
    });
    expect(kiosk.services.ledger.list()).toHaveLength(1);
    const large = await kiosk.call('recordCashGift', { amountRupees: 2001, donorName: 'Meera Iyer', print: true });
    expect(large).toMatchObject({ ok: true, value: { eligibleFor80G: false, receiptNumber: expect.stringMatching(/000002$/), print: { printed: false, problem: 'no_printer' } } });
    expect(printer.pdfs[0]?.html).toContain('Cash');
    expect(printer.pdfs[0]?.html).not.toContain('eligible for deduction');
    const id = large.ok ? large.value.donationId : '';
    expect(kiosk.services.ledger.get(id)).toMatchObject({ state: 'paid', paymentMethod: 'cash', orderId: null, amountPaise: 2001_00 });
    // Reconciliation has nothing to ask Razorpay about a cash gift.
    expect(kiosk.services.ledger.listUnsettled().map((d) => d.id)).not.toContain(id);
    expect(await kiosk.call('recordCashGift', { amountRupees: 0, donorName: 'X', print: false })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});
