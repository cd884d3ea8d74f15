// Issue 13, defects 2 and 3: the kiosk's wall clock jumping forward or back
// never loses a payment, never freezes reconciliation, and never dates a
// receipt before the last one issued.
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckoutSession, Result } from '../../src-main/contract/kiosk-api.ts';
import { Ledger, type NewDonation } from '../../src-main/domain/ledger/ledger.ts';
import { Reconciler } from '../../src-main/domain/reconciliation/reconciler.ts';
import { DAY_MS, defaultRuleOptions } from '../../src-main/domain/reconciliation/reconcile-rules.ts';
import { createRazorpayGateway, type GatewayPayment } from '../../src-main/domain/gateway/razorpay-gateway.ts';
import { attractInfo } from '../../src-main/domain/attract.ts';
import { indianDayRangeAt, isoIndianDay } from '../../src-shared/india-time.ts';
import { kioskPerTest, UNIT_KEY_ID, UNIT_KEY_SECRET } from './support/kiosk-under-test.ts';
import { scriptedGateway } from './support/scripted-gateway.ts';

const harness = kioskPerTest();
const { call, running } = harness;
const ledgers: Ledger[] = [];
afterEach(() => {
  ledgers.splice(0).forEach((l) => l.close());
});

async function openCheckout(amountRupees = 500): Promise<CheckoutSession> {
  const started = (await call('startDonation', { amountRupees, donor: { anonymous: true } })) as Result<CheckoutSession>;
  if (!started.ok) throw new Error(started.error.message);
  expect(await call('checkoutOpened', { donationId: started.value.donationId })).toEqual({ ok: true, value: null });
  return started.value;
}

/** A second reconciler over the running kiosk's ledger, whose wall clock the test moves (monotonic time does not jump). */
function reconcilerWithWallClock(wallNow: () => number, monotonicNow: () => number = () => performance.now()) {
  const kiosk = running();
  const gateway = createRazorpayGateway({ keyId: UNIT_KEY_ID, keySecret: UNIT_KEY_SECRET, baseUrl: kiosk.simulator.baseUrl, timeoutMs: 2_000 });
  const log: string[] = [];
  const reconciler = new Reconciler({
    ledger: kiosk.services.ledger,
    gateway,
    options: { ...defaultRuleOptions(300), checkoutGraceMs: 0, maxCallsPerPass: 60, minGapMs: 0 },
    log: (line) => log.push(line),
    now: wallNow,
    monotonicNow,
    sleep: async () => undefined,
  });
  return { reconciler, log };
}

describe('the clock jumps forward (defect 2)', () => {
  it('a clock corrected forward by a week while Checkout is open does not expire the donation, and the payment is recorded', async () => {
    await harness.start();
    const session = await openCheckout();
    const { reconciler } = reconcilerWithWallClock(() => Date.now() + 7 * DAY_MS);
    await reconciler.runOnce();
    expect(running().services.ledger.get(session.donationId)?.state).not.toBe('expired');

    const paid = running().simulator.pay({ keyId: UNIT_KEY_ID, orderId: session.options.order_id, method: 'upi', outcome: 'success' });
    if (!paid.ok) throw new Error('payment refused');
    const reply = await call('confirmPayment', { donationId: session.donationId, razorpayPaymentId: paid.paymentId, razorpayOrderId: session.options.order_id, razorpaySignature: paid.signature });
    expect(reply).toMatchObject({ ok: true, value: { paymentId: paid.paymentId } });
  });

  it('expired means "asked less often", not "forgotten": a late confirmation is accepted and a captured payment is found', async () => {
    const kiosk = await harness.start();
    const first = await openCheckout(400);
    const second = await openCheckout(600);
    // However they came to be expired (an old kiosk version, a clock that was far off).
    for (const s of [first, second]) expect(kiosk.services.ledger.transition(s.donationId, 'expired', 'reconciliation', {}, { why: 'test' }).ok).toBe(true);

    // The donor in front of the kiosk pays in the Checkout still open: the confirmation is accepted.
    const paidFirst = kiosk.simulator.pay({ keyId: UNIT_KEY_ID, orderId: first.options.order_id, method: 'card', outcome: 'success' });
    if (!paidFirst.ok) throw new Error('payment refused');
    const reply = await call('confirmPayment', { donationId: first.donationId, razorpayPaymentId: paidFirst.paymentId, razorpayOrderId: first.options.order_id, razorpaySignature: paidFirst.signature });
    expect(reply).toMatchObject({ ok: true, value: { paymentId: paidFirst.paymentId } });

    // The other donor paid and walked away: reconciliation's sweep finds the money and flags it.
    const paidSecond = kiosk.simulator.pay({ keyId: UNIT_KEY_ID, orderId: second.options.order_id, method: 'upi', outcome: 'success' });
    if (!paidSecond.ok) throw new Error('payment refused');
    await kiosk.services.reconciler.runOnce();
    expect(kiosk.services.ledger.get(second.donationId)).toMatchObject({ state: 'paid', paymentId: paidSecond.paymentId });
    expect(kiosk.services.ledger.recoveredDonationIds().has(second.donationId)).toBe(true);
  });
});

describe("what ends a donation is judged on Razorpay's clock", () => {
  it("a failed attempt expires once Razorpay's clock is past the late-authorisation window, not the kiosk's", async () => {
    const kiosk = await harness.start();
    const session = await openCheckout();
    const failed = kiosk.simulator.pay({ keyId: UNIT_KEY_ID, orderId: session.options.order_id, method: 'card', outcome: 'failure' });
    if (failed.ok) throw new Error('expected a failure');
    expect(await call('recordPaymentFailure', { donationId: session.donationId, failure: { code: failed.error.code, paymentId: failed.error.metadata.payment_id } })).toEqual({ ok: true, value: null });

    // The kiosk's own clock a week ahead changes nothing.
    const { reconciler } = reconcilerWithWallClock(() => Date.now() + 7 * DAY_MS);
    await reconciler.runOnce();
    expect(kiosk.services.ledger.get(session.donationId)?.state).toBe('payment_failed');

    // Razorpay's clock six days on (its answers' Date say so): the window has passed.
    kiosk.simulator.advanceClock(6 * DAY_MS);
    await kiosk.services.connectivity.probeNow();
    await kiosk.services.reconciler.runOnce();
    expect(kiosk.services.ledger.get(session.donationId)).toMatchObject({ state: 'expired' });
  });
});

// ---- the clock jumps back (defect 3) ----------------------------------------

const IST = 5.5 * 60 * 60 * 1000;
/** 1 April 2027, 10:00 IST: the first day of financial year 2027-28. */
const FY_START = Date.UTC(2027, 3, 1, 10, 0, 0) - IST;

function newDonation(id: string, amountPaise = 10_000): NewDonation {
  return { id, receipt: `K1-${id}`, kioskId: 'K1', cause: 'General', amountPaise, anonymous: true, donorName: null, phone: null, email: null };
}

function payThrough(ledger: Ledger, id: string, paidAt: number) {
  ledger.createDonation(newDonation(id), 'donor');
  ledger.transition(id, 'order_created', 'gateway', { orderId: `order_${id.padStart(14, '0')}` });
  ledger.transition(id, 'checkout_open', 'donor');
  // As the donation service and reconciliation record it: paid "now", by the wall clock.
  const moved = ledger.transition(id, 'paid', 'gateway', { paymentId: `pay_${id}`, paymentMethod: 'upi', paidAt });
  if (!moved.ok) throw new Error('not paid');
  return moved.donation;
}

describe('the clock jumps back (defect 3)', () => {
  it('a receipt issued after the clock was set back a day keeps the financial year and date of the last one', () => {
    const clock = { now: FY_START };
    const ledger = Ledger.open(':memory:', () => clock.now);
    ledgers.push(ledger);
    const first = payThrough(ledger, 'd1', clock.now);
    expect(first.receiptNo).toBe('K1/2027-28/000001');

    clock.now = FY_START - DAY_MS; // 31 March 2027: a financial year already closed
    const second = payThrough(ledger, 'd2', clock.now);
    expect(second.receiptNo).toBe('K1/2027-28/000002');
    expect(second.paidAt ?? 0).toBeGreaterThanOrEqual(first.paidAt ?? Infinity);
  });

  it("the welcome goal still counts today's money after the clock is set back", () => {
    const clock = { now: FY_START };
    const ledger = Ledger.open(':memory:', () => clock.now);
    ledgers.push(ledger);
    payThrough(ledger, 'd1', clock.now);
    clock.now = FY_START - DAY_MS;
    payThrough(ledger, 'd2', clock.now);
    const today = new Date(FY_START);
    const config = { eventStartDate: isoIndianDay(FY_START), goalRupees: 1_000, showDonorWall: false };
    expect(indianDayRangeAt(FY_START).from).toBeLessThanOrEqual(FY_START);
    expect(attractInfo(ledger, config, today).raisedRupees).toBe(200);
  });

  it('reconciliation keeps running when the wall clock goes back a day', async () => {
    let wall = FY_START;
    let monotonic = 0;
    const ledger = Ledger.open(':memory:', () => wall - 2 * 60 * 60 * 1000);
    ledgers.push(ledger);
    ledger.createDonation(newDonation('d1'), 'donor');
    ledger.transition('d1', 'order_created', 'gateway', { orderId: 'order_0000000000000d1' });
    ledger.transition('d1', 'checkout_open', 'donor');
    ledger.transition('d1', 'payment_failed', 'checkout');
    const asked: string[] = [];
    const failed: GatewayPayment = { id: 'pay_1', order_id: 'order_0000000000000d1', amount: 10_000, currency: 'INR', status: 'failed', created_at: Math.floor(FY_START / 1000) };
    const gateway = scriptedGateway({
      fetchOrderPayments: async (orderId) => {
        asked.push(orderId);
        return { ok: true, value: [failed] };
      },
    });
    const reconciler = new Reconciler({
      ledger,
      gateway,
      options: { ...defaultRuleOptions(300), maxCallsPerPass: 60, minGapMs: 0 },
      log: () => undefined,
      now: () => wall,
      monotonicNow: () => monotonic,
      sleep: async () => undefined,
    });
    expect(await reconciler.runOnce()).toMatchObject({ checked: 1 });
    // An hour later by every clock that counts, but the wall clock was set back a day.
    wall = FY_START - DAY_MS + 60 * 60 * 1000;
    monotonic += 60 * 60 * 1000;
    expect(await reconciler.runOnce()).toMatchObject({ checked: 1 });
    expect(asked).toHaveLength(2);
  });
});
