// Issue 13, defect 1: a payment Razorpay has authorised but the kiosk could
// not capture (a manual-capture account, or a capture answered 5xx) must
// never be offered a second payment. The donor is told the truth ("being
// confirmed"), the kiosk keeps capturing, and the operator sees it.
import { describe, expect, it } from 'vitest';
import type { CheckoutSession } from '../../src-main/contract/kiosk-api.ts';
import { buildDayReport, formatDayReport } from '../../src-main/domain/reports/day-report.ts';
import { kioskPerTest, openCheckout as donorOpensCheckout, payInCheckout as donorPays } from './support/kiosk-under-test.ts';

const harness = kioskPerTest();
const { call, running } = harness;

const openCheckout = (amountRupees = 500) => donorOpensCheckout(call, amountRupees, { anonymous: false, name: 'Asha Rao', phone: '9876543210' });
const payInCheckout = (session: CheckoutSession) => donorPays(running().simulator, session);

describe('an authorised payment whose capture fails', () => {
  it('is answered "being confirmed", is never offered a second payment, and is captured later and flagged for the operator', async () => {
    const kiosk = await harness.start({}, { autoCapture: false });
    const session = await openCheckout();
    kiosk.simulator.faults.inject('payments.capture', { kind: 'status', status: 502, body: 'json' });
    const confirmation = payInCheckout(session);

    const reply = await call('confirmPayment', confirmation);
    // Not "your bank has not completed this payment": Razorpay holds the money.
    expect(reply).toMatchObject({ ok: false, error: { code: 'payment_confirming', retryable: false } });
    expect(kiosk.services.ledger.get(session.donationId)).toMatchObject({ state: 'authorized', paymentId: confirmation.razorpayPaymentId });
    expect(kiosk.simulator.getPayment(confirmation.razorpayPaymentId)?.status).toBe('authorized');

    // The same order cannot be reopened for a second payment.
    expect(await call('checkoutOpened', { donationId: session.donationId })).toMatchObject({ ok: false, error: { code: 'illegal_state' } });

    // The operator sees it as being confirmed, with the donor's contact.
    const report = buildDayReport(kiosk.services.ledger, 0, Date.now() + 60_000);
    expect(report.beingConfirmed.map((d) => [d.id, d.paymentId])).toEqual([[session.donationId, confirmation.razorpayPaymentId]]);
    expect(formatDayReport(report)).toMatch(/Being confirmed \(authorised at Razorpay, not captured yet\)\n {2}.*9876543210/);

    // While the donor's screen follows it, each check tries the capture again.
    expect(await call('getDonationProgress', { donationId: session.donationId })).toMatchObject({ ok: true, value: { status: 'confirming' } });

    // Razorpay recovers: the kiosk's next check captures it, and the donor's screen sees it paid.
    kiosk.simulator.faults.clear('payments.capture');
    const progress = await call('getDonationProgress', { donationId: session.donationId });
    expect(progress).toMatchObject({ ok: true, value: { status: 'paid', receipt: { paymentId: confirmation.razorpayPaymentId, amountRupees: 500 } } });
    expect(kiosk.simulator.getPayment(confirmation.razorpayPaymentId)?.status).toBe('captured');
    expect(kiosk.simulator.listPayments().filter((p) => p.order_id === session.options.order_id)).toHaveLength(1);
    // The donor saw Thank you on the kiosk: not a recovered payment.
    expect(kiosk.services.ledger.recoveredDonationIds().has(session.donationId)).toBe(false);
  });

  it('if the donor has left before the capture succeeds, reconciliation captures it and flags it recovered', async () => {
    const kiosk = await harness.start({}, { autoCapture: false });
    const session = await openCheckout(750);
    kiosk.simulator.faults.inject('payments.capture', { kind: 'status', status: 500, body: 'json' });
    const confirmation = payInCheckout(session);
    expect(await call('confirmPayment', confirmation)).toMatchObject({ ok: false, error: { code: 'payment_confirming' } });

    // The donor taps Done on the "being confirmed" screen: the kiosk hears it, and nothing changes state.
    expect(await call('cancelDonation', { donationId: session.donationId, reason: 'donor_left' })).toEqual({ ok: true, value: null });
    expect(kiosk.services.ledger.get(session.donationId)?.state).toBe('authorized');

    kiosk.simulator.faults.clear('payments.capture');
    await kiosk.services.reconciler.runOnce();
    expect(kiosk.services.ledger.get(session.donationId)).toMatchObject({ state: 'paid', paymentId: confirmation.razorpayPaymentId });
    expect(kiosk.services.ledger.recoveredDonationIds().has(session.donationId)).toBe(true);
    expect(kiosk.simulator.getPayment(confirmation.razorpayPaymentId)?.status).toBe('captured');
  });

  it('on a manual-capture account the kiosk captures the payment itself, at once', async () => {
    const kiosk = await harness.start({}, { autoCapture: false });
    const session = await openCheckout(300);
    const confirmation = payInCheckout(session);
    expect(kiosk.simulator.getPayment(confirmation.razorpayPaymentId)?.status).toBe('authorized');
    expect(await call('confirmPayment', confirmation)).toMatchObject({ ok: true, value: { paymentId: confirmation.razorpayPaymentId } });
    expect(kiosk.simulator.getPayment(confirmation.razorpayPaymentId)?.status).toBe('captured');
    expect(kiosk.services.ledger.recoveredDonationIds().has(session.donationId)).toBe(false);
  });
});

describe('an authorisation nobody could capture', () => {
  it('is refunded by Razorpay after its window, and the donation settles as refunded (no receipt) instead of "being confirmed" for ever', async () => {
    const kiosk = await harness.start({}, { autoCapture: false });
    const session = await openCheckout(400);
    kiosk.simulator.faults.inject('payments.capture', { kind: 'status', status: 502, body: 'json' });
    const confirmation = payInCheckout(session);
    expect(await call('confirmPayment', confirmation)).toMatchObject({ ok: false, error: { code: 'payment_confirming' } });
    await call('cancelDonation', { donationId: session.donationId, reason: 'donor_left' });

    // Days pass at Razorpay with every capture failing: it refunds the authorisation by itself.
    kiosk.simulator.advanceClock(3 * 24 * 60 * 60 * 1000 + 60 * 60 * 1000);
    expect(kiosk.simulator.getPayment(confirmation.razorpayPaymentId)).toMatchObject({ status: 'refunded', captured: false });
    kiosk.simulator.faults.clear();
    await kiosk.services.reconciler.runOnce();
    expect(kiosk.services.ledger.get(session.donationId)).toMatchObject({ state: 'refunded', receiptNo: null });
    expect(buildDayReport(kiosk.services.ledger, 0, Date.now() + 60_000).beingConfirmed).toEqual([]);
  });
});

describe('a payment authorised in a Checkout the kiosk lost sight of', () => {
  it('"Try again" is not a second payment window: the kiosk finds the payment at Razorpay and follows it instead', async () => {
    const kiosk = await harness.start({}, { autoCapture: false });
    const session = await openCheckout(600);
    // The donor pays, but the handler never reaches the kiosk (the window was closed by the guard).
    const confirmation = payInCheckout(session);
    expect(kiosk.services.ledger.get(session.donationId)?.state).toBe('checkout_open');

    expect(await call('checkoutOpened', { donationId: session.donationId })).toMatchObject({ ok: false, error: { code: 'illegal_state' } });
    // The donor's screen follows it (the renderer asks for progress after a refused reopen): captured and paid.
    expect(await call('getDonationProgress', { donationId: session.donationId })).toMatchObject({ ok: true, value: { status: 'paid' } });
    expect(kiosk.services.ledger.get(session.donationId)).toMatchObject({ state: 'paid', paymentId: confirmation.razorpayPaymentId });
    expect(kiosk.simulator.listPayments().filter((p) => p.order_id === session.options.order_id)).toHaveLength(1);
  });

  it('with Razorpay unreachable the window reopens (Razorpay itself refuses a second payment on that order)', async () => {
    const kiosk = await harness.start({}, { autoCapture: false });
    const session = await openCheckout(600);
    kiosk.simulator.faults.inject('orders.payments', { kind: 'status', status: 502, body: 'json' });
    expect(await call('checkoutOpened', { donationId: session.donationId })).toEqual({ ok: true, value: null });
  });
});
