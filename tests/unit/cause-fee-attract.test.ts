// Causes, "cover the fee" and the welcome screen's goal and donor wall, through
// the real dispatcher, ledger and simulator.
import { describe, expect, it } from 'vitest';
import type { AttractInfo, CheckoutSession, DonationReceipt, KioskState, Result } from '../../src-main/contract/kiosk-api.ts';
import { processingFeeRupees } from '../../src-shared/amounts.ts';
import { donationsCsv } from '../../src-main/domain/exports/donations-csv.ts';
import { buildDayReport, formatDayReport } from '../../src-main/domain/reports/day-report.ts';
import { loadKioskConfig } from '../../src-main/domain/kiosk-config.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kioskPerTest, UNIT_KEY_ID } from './support/kiosk-under-test.ts';

const harness = kioskPerTest();
const { call, running } = harness;

const CAUSES = [
  { id: 'meals', name: 'Mid-day meals', description: 'A hot meal for a child at school', presetAmountsRupees: [100, 250] },
  { id: 'books', name: 'Library books', description: 'Books for a village library', presetAmountsRupees: [300, 600, 900] },
  { id: 'scholarships', name: 'Scholarships', description: 'A year of school fees', presetAmountsRupees: [1000] },
];

async function donate(request: Record<string, unknown>): Promise<{ session: CheckoutSession; receipt: DonationReceipt }> {
  const started = (await call('startDonation', request)) as Result<CheckoutSession>;
  if (!started.ok) throw new Error(started.error.message);
  const session = started.value;
  await call('checkoutOpened', { donationId: session.donationId });
  const paid = running().simulator.pay({ keyId: UNIT_KEY_ID, orderId: session.options.order_id, method: 'upi', outcome: 'success' });
  if (!paid.ok) throw new Error('simulator refused the payment');
  const confirmed = (await call('confirmPayment', {
    donationId: session.donationId,
    razorpayPaymentId: paid.paymentId,
    razorpayOrderId: session.options.order_id,
    razorpaySignature: paid.signature,
  })) as Result<DonationReceipt>;
  if (!confirmed.ok) throw new Error(confirmed.error.message);
  return { session, receipt: confirmed.value };
}

describe('processing fee rule', () => {
  it('rounds up to whole rupees and is 0 when off', () => {
    expect(processingFeeRupees(750, 2)).toBe(15);
    expect(processingFeeRupees(333, 2.5)).toBe(9); // 8.325 -> 9: the charity never gets less than the gift
    expect(processingFeeRupees(1234, 1.1)).toBe(14); // 13.574, with no floating-point surprise
    expect(processingFeeRupees(500, 0)).toBe(0);
  });
});

describe('causes', () => {
  it('an older settings file with only causeName still gives one cause, with its presets', async () => {
    await harness.start({ causeName: 'Clean water', presetAmountsRupees: [50, 150] });
    const state = (await call('getKioskState', null)) as Result<KioskState>;
    expect(state.ok && state.value.causes).toEqual([{ id: 'main', name: { en: 'Clean water' }, description: { en: '' }, presetAmountsRupees: [50, 150] }]);
  });

  it('the chosen cause travels in the order notes, Checkout, the ledger, the receipt, the day report and the CSV', async () => {
    const kiosk = await harness.start({ causes: CAUSES, feeCoverPercent: 0 });
    const { session, receipt } = await donate({ amountRupees: 600, donor: { anonymous: false, name: 'Asha Rao' }, causeId: 'books' });
    expect(session.options.description).toBe('Donation: Library books');
    const order = kiosk.simulator.getOrder(session.options.order_id);
    expect(order?.notes).toMatchObject({ cause: 'Library books', cause_id: 'books' });
    expect(kiosk.services.ledger.get(session.donationId)).toMatchObject({ cause: 'Library books', amountPaise: 60_000, feePaise: 0, state: 'paid' });
    expect(receipt).toMatchObject({ causeName: 'Library books', amountRupees: 600 });
    expect(receipt).not.toHaveProperty('feeRupees');

    const report = buildDayReport(kiosk.services.ledger, 0, Date.now() + 1000);
    expect(report.byCause).toEqual([{ cause: 'Library books', paidCount: 1, receivedPaise: 60_000, feePaise: 0 }]);
    expect(formatDayReport(report)).toContain('Library books');
    const csv = donationsCsv(kiosk.services.ledger.list(), new Set());
    expect(csv).toContain('Library books');
  });

  it('an unknown cause id is refused and nothing is recorded', async () => {
    const kiosk = await harness.start({ causes: CAUSES });
    expect(await call('startDonation', { amountRupees: 600, donor: { anonymous: true }, causeId: 'unknown' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await call('startDonation', { amountRupees: 600, donor: { anonymous: true }, causeId: 'Not An Id!' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(kiosk.services.ledger.list()).toEqual([]);
  });

  it('a settings file with a cause preset outside the limits, or two causes with one id, does not load', async () => {
    const kiosk = await harness.start();
    const file = join(kiosk.dataDir, 'kiosk-config.json');
    writeFileSync(file, JSON.stringify({ causes: [{ ...CAUSES[0], presetAmountsRupees: [5] }] }));
    expect(loadKioskConfig(kiosk.dataDir)).toMatchObject({ ok: false, message: expect.stringContaining('causes') });
    writeFileSync(file, JSON.stringify({ causes: [CAUSES[0], { ...CAUSES[1], id: 'meals' }] }));
    expect(loadKioskConfig(kiosk.dataDir)).toMatchObject({ ok: false, message: expect.stringContaining('same id') });
  });
});

describe('cover the fee', () => {
  it('main adds its own fee to the order, keeps it in the ledger and the receipt', async () => {
    const kiosk = await harness.start({ feeCoverPercent: 2.5 });
    const { session, receipt } = await donate({ amountRupees: 333, donor: { anonymous: true }, coverFee: true });
    expect(session.options.amount).toBe(34_200); // 333 + 9
    expect(kiosk.services.ledger.get(session.donationId)).toMatchObject({ amountPaise: 34_200, feePaise: 900 });
    expect(receipt).toMatchObject({ amountRupees: 342, feeRupees: 9 });
    const order = kiosk.simulator.getOrder(session.options.order_id);
    expect(order?.notes).toMatchObject({ fee_covered_inr: '9' });
  });

  it('adds nothing when the operator turned the offer off, whatever the renderer asks', async () => {
    const kiosk = await harness.start({ feeCoverPercent: 0 });
    const { session } = await donate({ amountRupees: 500, donor: { anonymous: true }, coverFee: true });
    expect(session.options.amount).toBe(50_000);
    expect(kiosk.services.ledger.get(session.donationId)).toMatchObject({ feePaise: 0 });
  });

  it('refuses a gift whose fee would take the order over the maximum, recording nothing', async () => {
    const kiosk = await harness.start({ feeCoverPercent: 2, maxAmountRupees: 1000 });
    expect(await call('startDonation', { amountRupees: 1000, donor: { anonymous: true }, coverFee: true })).toMatchObject({ ok: false, error: { code: 'amount_out_of_range' } });
    expect(kiosk.services.ledger.list()).toEqual([]);
  });
});

describe('attract screen: goal and donor wall', () => {
  it('counts captured money only (fees included), and the wall shows first names or null for anonymous, newest first', async () => {
    await harness.start({ goalRupees: 50_000, showDonorWall: true, feeCoverPercent: 2 });
    expect(await call('getAttractInfo', null)).toEqual({ ok: true, value: { goalRupees: 50_000, raisedRupees: 0, recentDonors: [] } });

    await donate({ amountRupees: 500, donor: { anonymous: false, name: 'Asha Rao' }, coverFee: true });
    await donate({ amountRupees: 250, donor: { anonymous: true } });
    // Started but never paid: not counted.
    await call('startDonation', { amountRupees: 9000, donor: { anonymous: false, name: 'Unpaid Person' } });

    const info = (await call('getAttractInfo', null)) as Result<AttractInfo>;
    expect(info).toEqual({ ok: true, value: { goalRupees: 50_000, raisedRupees: 760, recentDonors: [null, 'Asha'] } });
    expect(JSON.stringify(info)).not.toContain('Rao');
  });

  it('shows no names when the wall is off', async () => {
    await harness.start({ showDonorWall: false });
    await donate({ amountRupees: 500, donor: { anonymous: false, name: 'Asha Rao' } });
    expect(await call('getAttractInfo', null)).toMatchObject({ ok: true, value: { raisedRupees: 500, recentDonors: [] } });
  });
});
