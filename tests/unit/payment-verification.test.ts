// Only a verified, captured payment of the right order and amount is success;
// everything else is recorded in the ledger with the reason.
import { describe, expect, it } from 'vitest';
import type { CheckoutSession, Result } from '../../src-main/contract/kiosk-api.ts';
import { signPayment } from '../../src-main/domain/verification/payment-signature.ts';
import { DonationService } from '../../src-main/domain/donation-service.ts';
import { Ledger } from '../../src-main/domain/ledger/ledger.ts';
import { DEFAULT_KIOSK_CONFIG } from '../../src-main/domain/kiosk-config.ts';
import type { GatewayPayment, PaymentGateway } from '../../src-main/domain/gateway/razorpay-gateway.ts';
import { kioskPerTest, UNIT_KEY_ID, UNIT_KEY_SECRET } from './support/kiosk-under-test.ts';

const harness = kioskPerTest();
const { call, running } = harness;

async function openCheckout(amountRupees = 500): Promise<CheckoutSession> {
  const started = (await call('startDonation', { amountRupees, donor: { anonymous: false, name: 'Priya Sharma' } })) as Result<CheckoutSession>;
  if (!started.ok) throw new Error(started.error.message);
  expect(await call('checkoutOpened', { donationId: started.value.donationId })).toEqual({ ok: true, value: null });
  return started.value;
}

function pay(session: CheckoutSession, outcome: 'success' | 'failure' = 'success') {
  const paid = running().simulator.pay({ keyId: UNIT_KEY_ID, orderId: session.options.order_id, method: 'upi', outcome });
  if (!paid.ok) throw new Error('simulator refused the payment');
  return paid;
}

describe('payment verification', () => {
  it('a genuine payment is verified, captured and recorded as paid', async () => {
    const kiosk = await harness.start();
    const session = await openCheckout();
    const { paymentId, signature } = pay(session);
    const reply = await call('confirmPayment', { donationId: session.donationId, razorpayPaymentId: paymentId, razorpayOrderId: session.options.order_id, razorpaySignature: signature });
    expect(reply).toMatchObject({ ok: true, value: { amountRupees: 500, paymentId, method: 'upi', donorName: 'Priya Sharma' } });
    expect(kiosk.services.ledger.get(session.donationId)).toMatchObject({ state: 'paid', paymentId, paymentMethod: 'upi' });
    // Asking again (a reply lost on the way) gives the same answer, not a second capture.
    const again = await call('confirmPayment', { donationId: session.donationId, razorpayPaymentId: paymentId, razorpayOrderId: session.options.order_id, razorpaySignature: signature });
    expect(again).toEqual(reply);
  });

  it('a tampered signature never shows success, and the ledger says why (without changing the donation: a genuine confirmation can still follow)', async () => {
    const kiosk = await harness.start();
    const session = await openCheckout();
    const { paymentId, signature } = pay(session);
    const tampered = (signature[0] === '0' ? '1' : '0') + signature.slice(1);
    const reply = await call('confirmPayment', { donationId: session.donationId, razorpayPaymentId: paymentId, razorpayOrderId: session.options.order_id, razorpaySignature: tampered });
    expect(reply).toMatchObject({ ok: false, error: { code: 'verification_failed' } });
    expect(kiosk.services.ledger.get(session.donationId)).toMatchObject({ state: 'checkout_open' });
    expect(kiosk.services.ledger.events(session.donationId).at(-1)).toMatchObject({ source: 'kiosk', detail: { refusedConfirmation: { reason: 'signature_mismatch', claimed: { paymentId } } } });
  });

  it('a payment that belongs to another order never shows success', async () => {
    const kiosk = await harness.start();
    const mine = await openCheckout(500);
    const other = await openCheckout(500);
    const otherPayment = pay(other);

    // Echoing the other order's id is caught before anything else.
    const echoed = await call('confirmPayment', { donationId: mine.donationId, razorpayPaymentId: otherPayment.paymentId, razorpayOrderId: other.options.order_id, razorpaySignature: otherPayment.signature });
    expect(echoed).toMatchObject({ ok: false, error: { code: 'verification_failed' } });
    expect(kiosk.services.ledger.get(mine.donationId)).toMatchObject({ state: 'checkout_open' });
    expect(kiosk.services.ledger.events(mine.donationId).at(-1)).toMatchObject({ detail: { refusedConfirmation: { reason: 'order_mismatch' } } });

    // Even with a signature that is valid for this order, the fetched payment's order must match.
    const third = await openCheckout(500);
    const forged = signPayment(third.options.order_id, otherPayment.paymentId, UNIT_KEY_SECRET);
    const reply = await call('confirmPayment', { donationId: third.donationId, razorpayPaymentId: otherPayment.paymentId, razorpayOrderId: third.options.order_id, razorpaySignature: forged });
    expect(reply).toMatchObject({ ok: false, error: { code: 'verification_failed' } });
    expect(kiosk.services.ledger.get(third.donationId)).toMatchObject({ state: 'verification_failed', failureCode: 'payment_order_mismatch' });
  });

  it('an authorised payment is captured by the kiosk before success (manual capture accounts)', async () => {
    const kiosk = await harness.start({}, { autoCapture: false });
    const session = await openCheckout();
    const { paymentId, signature } = pay(session);
    expect(kiosk.simulator.getPayment(paymentId)?.status).toBe('authorized');
    const reply = await call('confirmPayment', { donationId: session.donationId, razorpayPaymentId: paymentId, razorpayOrderId: session.options.order_id, razorpaySignature: signature });
    expect(reply.ok).toBe(true);
    expect(kiosk.simulator.getPayment(paymentId)?.status).toBe('captured');
    expect(kiosk.services.ledger.events(session.donationId).map((e) => e.toState)).toEqual(['started', 'order_created', 'checkout_open', 'authorized', 'paid']);
  });

  it('when the payment cannot be fetched, the donor hears it is being confirmed (not success) and the ledger keeps the authorisation', async () => {
    const kiosk = await harness.start();
    const session = await openCheckout();
    const { paymentId, signature } = pay(session);
    // Reads are retried, so the fault stays until the kiosk has given up on this attempt.
    kiosk.simulator.faults.inject('payments.fetch', { kind: 'status', status: 502, body: 'html' });
    const request = { donationId: session.donationId, razorpayPaymentId: paymentId, razorpayOrderId: session.options.order_id, razorpaySignature: signature };
    expect(await call('confirmPayment', request)).toMatchObject({ ok: false, error: { code: 'payment_confirming', retryable: false } });
    expect(kiosk.services.ledger.get(session.donationId)).toMatchObject({ state: 'authorized', paymentId });
    kiosk.simulator.faults.clear('payments.fetch');
    expect(await call('confirmPayment', request)).toMatchObject({ ok: true });
    expect(kiosk.services.ledger.get(session.donationId)?.state).toBe('paid');
  });

  it('an amount mismatch never shows success', async () => {
    const ledger = Ledger.open(':memory:');
    const orderId = 'order_AMOUNTMISMATCH';
    const payment: GatewayPayment = { id: 'pay_AMOUNTMISMATCH', order_id: orderId, amount: 100, currency: 'INR', status: 'captured', method: 'upi' };
    const gateway: PaymentGateway = {
      createOrder: async (input) => ({ ok: true, value: { id: orderId, amount: input.amountPaise, currency: 'INR', receipt: input.receipt, status: 'created' } }),
      findOrderByReceipt: async () => ({ ok: true, value: null }),
      fetchOrder: async () => ({ ok: true, value: { id: orderId, amount: 50_000, currency: 'INR', status: 'attempted' } }),
      listOrders: async () => ({ ok: true, value: [] }),
      listPayments: async () => ({ ok: true, value: [] }),
      fetchOrderPayments: async () => ({ ok: true, value: [payment] }),
      fetchPayment: async () => ({ ok: true, value: payment }),
      capturePayment: async () => ({ ok: true, value: payment }),
    };
    const service = new DonationService({ ledger, gateway, config: DEFAULT_KIOSK_CONFIG, keyId: UNIT_KEY_ID, verifySignature: () => true, log: () => undefined });
    const started = await service.startDonation({ amountRupees: 500, donor: { anonymous: true } });
    if (!started.ok) throw new Error(started.error.message);
    service.checkoutOpened({ donationId: started.value.donationId });
    const reply = await service.confirmPayment({ donationId: started.value.donationId, razorpayPaymentId: payment.id, razorpayOrderId: orderId, razorpaySignature: 'a'.repeat(64) });
    expect(reply).toMatchObject({ ok: false, error: { code: 'verification_failed' } });
    expect(ledger.get(started.value.donationId)).toMatchObject({ state: 'verification_failed', failureCode: 'amount_mismatch' });
    ledger.close();
  });

  it('a payment that failed at the bank is reported as not completed, never success', async () => {
    const kiosk = await harness.start();
    const session = await openCheckout();
    const failed = kiosk.simulator.pay({ keyId: UNIT_KEY_ID, orderId: session.options.order_id, method: 'card', outcome: 'failure' });
    expect(failed.ok).toBe(false);
    // A forged "success" for the failed payment, signed properly, still is not success.
    const paymentId = failed.ok ? '' : (failed.error.metadata.payment_id ?? '');
    const signature = signPayment(session.options.order_id, paymentId, UNIT_KEY_SECRET);
    const reply = await call('confirmPayment', { donationId: session.donationId, razorpayPaymentId: paymentId, razorpayOrderId: session.options.order_id, razorpaySignature: signature });
    expect(reply).toMatchObject({ ok: false, error: { code: 'payment_not_completed' } });
    expect(kiosk.services.ledger.get(session.donationId)?.state).toBe('payment_failed');
  });
});
