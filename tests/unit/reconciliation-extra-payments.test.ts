// A donor sees a failure, pays again, and the first attempt is authorised
// late: the order then holds a payment the paid row does not name. The ledger
// must still know it, and the operator report must list it for refund.
import { describe, expect, it } from 'vitest';
import type { CheckoutSession, Result } from '../../src-main/contract/kiosk-api.ts';
import { buildDayReport, formatDayReport } from '../../src-main/domain/reports/day-report.ts';
import { kioskPerTest, openCheckout, UNIT_KEY_ID } from './support/kiosk-under-test.ts';

const harness = kioskPerTest();
const { call } = harness;

describe('a second payment on an already-paid order', () => {
  it('is recorded once against the donation and listed in the operator report', async () => {
    const kiosk = await harness.start();
    const { simulator, services } = kiosk;
    const started = (await call('startDonation', { amountRupees: 500, donor: { anonymous: false, name: 'Ravi Kumar' } })) as Result<CheckoutSession>;
    if (!started.ok) throw new Error(started.error.message);
    const { donationId, options } = started.value;
    await call('checkoutOpened', { donationId });

    // First attempt: the bank does not answer in time, Checkout reports a failure.
    simulator.faults.inject('checkout.pay', { kind: 'late_authorisation' }, { times: 1 });
    const first = simulator.pay({ keyId: UNIT_KEY_ID, orderId: options.order_id, method: 'card', outcome: 'success' });
    if (first.ok) throw new Error('expected a failure');
    const firstPaymentId = first.error.metadata.payment_id ?? '';
    await call('recordPaymentFailure', { donationId, failure: { reason: first.error.reason, paymentId: firstPaymentId } });

    // The donor tries again on the same order and pays.
    await call('checkoutOpened', { donationId });
    const second = simulator.pay({ keyId: UNIT_KEY_ID, orderId: options.order_id, method: 'upi', outcome: 'success' });
    if (!second.ok) throw new Error('expected success');
    const confirmed = await call('confirmPayment', { donationId, razorpayPaymentId: second.paymentId, razorpayOrderId: options.order_id, razorpaySignature: second.signature });
    expect(confirmed.ok).toBe(true);

    // Days later the bank authorises the first attempt too.
    simulator.lateAuthorise(firstPaymentId);
    expect(simulator.getPayment(firstPaymentId)?.status).toBe('authorized');

    expect(await services.reconciler.runOnce()).toMatchObject({ extraPayments: 1 });
    const notes = services.ledger.events(donationId).filter((e) => e.detail.extraPayment !== undefined);
    expect(notes.map((e) => e.detail.extraPayment)).toEqual([{ id: firstPaymentId, status: 'authorized', amountPaise: 50_000 }]);
    expect(services.ledger.get(donationId)).toMatchObject({ state: 'paid', paymentId: second.paymentId });
    expect(kiosk.logLines.some((line) => line.includes(`second payment ${firstPaymentId}`))).toBe(true);

    // Idempotent: a later pass records nothing new.
    expect(await services.reconciler.runOnce()).toMatchObject({ extraPayments: 0 });

    const report = formatDayReport(buildDayReport(services.ledger, 0, Date.now() + 1_000));
    expect(report).toContain('Second payments on donations already paid');
    expect(report).toContain(firstPaymentId);
    expect(report).toContain('Razorpay refunds it by itself');
  });

  it('leaves a donation paid at the first try alone', async () => {
    const kiosk = await harness.start();
    const started = (await call('startDonation', { amountRupees: 100, donor: { anonymous: true } })) as Result<CheckoutSession>;
    if (!started.ok) throw new Error(started.error.message);
    await call('checkoutOpened', { donationId: started.value.donationId });
    const paid = kiosk.simulator.pay({ keyId: UNIT_KEY_ID, orderId: started.value.options.order_id, method: 'upi', outcome: 'success' });
    if (!paid.ok) throw new Error('expected success');
    await call('confirmPayment', { donationId: started.value.donationId, razorpayPaymentId: paid.paymentId, razorpayOrderId: started.value.options.order_id, razorpaySignature: paid.signature });
    const ordersCallsBefore = kiosk.simulator.listPayments().length;
    expect(await kiosk.services.reconciler.runOnce()).toMatchObject({ checked: 0, extraPayments: 0 });
    expect(kiosk.simulator.listPayments()).toHaveLength(ordersCallsBefore);
  });
});

describe('two authorised payments on one order', () => {
  it('reconciliation captures one and notes the other for the operator in the same step', async () => {
    const kiosk = await harness.start({}, { autoCapture: false });
    const { simulator, services } = kiosk;
    const { donationId, options } = await openCheckout(call, 300);
    // The first attempt fails at Checkout (the bank is slow), the kiosk dies; on the donor's phone the second goes through.
    simulator.faults.inject('checkout.pay', { kind: 'late_authorisation' }, { times: 1 });
    const first = simulator.pay({ keyId: UNIT_KEY_ID, orderId: options.order_id, method: 'card', outcome: 'success' });
    if (first.ok) throw new Error('expected a failure');
    const second = simulator.pay({ keyId: UNIT_KEY_ID, orderId: options.order_id, method: 'upi', outcome: 'success' });
    if (!second.ok) throw new Error('expected the second payment to go through');
    // Then the bank authorises the first one too: two authorised payments, neither captured (a manual-capture account).
    simulator.lateAuthorise(first.error.metadata.payment_id ?? '');
    expect(simulator.listPayments().filter((p) => p.order_id === options.order_id).map((p) => p.status)).toEqual(['authorized', 'authorized']);

    await call('cancelDonation', { donationId, reason: 'donor_left' });
    await services.reconciler.runOnce();
    const paid = services.ledger.get(donationId);
    expect(paid?.state).toBe('paid');
    const other = simulator.listPayments().find((p) => p.order_id === options.order_id && p.id !== paid?.paymentId);
    expect(other?.status).toBe('authorized');
    expect(services.ledger.events(donationId).map((e) => (e.detail.extraPayment as { id?: string } | undefined)?.id).filter(Boolean)).toEqual([other?.id]);
  });
});
