// Payments in the simulator: the order/payment state machines (razorpay.md §1.2, §2),
// capture rules, late authorisation, key scoping, and real checkout signatures (§3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import Razorpay from 'razorpay';
import type { AxiosInstance } from 'axios';
import { validatePaymentVerification } from 'razorpay/dist/utils/razorpay-utils.js';
import { z } from 'zod';
import { startRazorpaySimulator } from '../../src-main/simulator/index.ts';
import type { RazorpaySimulator, SimulatorOptions } from '../../src-main/simulator/index.ts';

type Key = { keyId: string; keySecret: string };

const simulators: RazorpaySimulator[] = [];
let sim: RazorpaySimulator;
let key: Key;

async function newSimulator(options: SimulatorOptions = {}): Promise<RazorpaySimulator> {
  const s = await startRazorpaySimulator(options);
  simulators.push(s);
  return s;
}

beforeAll(async () => {
  sim = await newSimulator();
  key = sim.createTestKey();
});
afterAll(async () => {
  await Promise.all(simulators.map((s) => s.close()));
});

function sdk(s: RazorpaySimulator, k: Key): Razorpay {
  const rz = new Razorpay({ key_id: k.keyId, key_secret: k.keySecret });
  (rz.api as unknown as { rq: AxiosInstance }).rq.defaults.baseURL = s.baseUrl;
  return rz;
}

async function rejection(promise: Promise<unknown>): Promise<{ statusCode: number; error: Record<string, unknown> }> {
  try {
    await promise;
  } catch (err) {
    return err as { statusCode: number; error: Record<string, unknown> };
  }
  throw new Error('expected a rejection');
}

async function newOrder(s: RazorpaySimulator, k: Key, extra: Record<string, unknown> = {}) {
  return sdk(s, k).orders.create({ amount: 50_000, currency: 'INR', ...extra } as never);
}

function expectedSignature(orderId: string, paymentId: string, secret: string): string {
  return createHmac('sha256', secret).update(`${orderId}|${paymentId}`).digest('hex');
}

const paymentSchema = z
  .object({
    id: z.string().regex(/^pay_[A-Za-z0-9]{14}$/),
    entity: z.literal('payment'),
    amount: z.number().int(),
    currency: z.string(),
    status: z.enum(['created', 'authorized', 'captured', 'refunded', 'failed']),
    order_id: z.string().regex(/^order_/),
    invoice_id: z.null(),
    international: z.boolean(),
    method: z.enum(['upi', 'card', 'netbanking', 'wallet']),
    amount_refunded: z.number().int(),
    refund_status: z.enum(['full']).nullable(),
    captured: z.boolean(),
    description: z.string().nullable(),
    card_id: z.string().nullable(),
    card: z.object({ id: z.string(), entity: z.literal('card'), last4: z.string(), network: z.string() }).loose().optional(),
    bank: z.string().nullable(),
    wallet: z.string().nullable(),
    vpa: z.string().nullable(),
    upi: z.object({ vpa: z.string().nullable() }).strict().optional(),
    email: z.string(),
    contact: z.string(),
    notes: z.union([z.tuple([]), z.record(z.string(), z.string())]),
    fee: z.number().int().nullable(),
    tax: z.number().int().nullable(),
    error_code: z.string().nullable(),
    error_description: z.string().nullable(),
    error_source: z.string().nullable(),
    error_step: z.string().nullable(),
    error_reason: z.string().nullable(),
    acquirer_data: z.record(z.string(), z.string().nullable()),
    created_at: z.number().int(),
  })
  .strict();

describe('a successful payment (auto-capture, the default)', () => {
  it('is signed with HMAC-SHA256 of order_id|payment_id under the key secret', async () => {
    const order = await newOrder(sim, key);
    const result = sim.pay({ keyId: key.keyId, orderId: order.id, method: 'upi', outcome: 'success' });
    if (!result.ok) throw new Error('payment should succeed');
    expect(result.paymentId).toMatch(/^pay_[A-Za-z0-9]{14}$/);
    expect(result.signature).toBe(expectedSignature(order.id, result.paymentId, key.keySecret));
    expect(result.signature).toMatch(/^[0-9a-f]{64}$/);
    // The SDK's own helper agrees.
    expect(validatePaymentVerification({ order_id: order.id, payment_id: result.paymentId }, result.signature, key.keySecret)).toBe(true);
    expect(validatePaymentVerification({ order_id: order.id, payment_id: result.paymentId }, result.signature, 'other-secret')).toBe(false);
  });

  it('captures the payment and marks the order paid', async () => {
    const order = await newOrder(sim, key);
    const result = sim.pay({ keyId: key.keyId, orderId: order.id, method: 'card', outcome: 'success', cardLast4: '1007' });
    if (!result.ok) throw new Error('payment should succeed');
    const payment = await sdk(sim, key).payments.fetch(result.paymentId);
    expect(paymentSchema.parse(payment)).toBeTruthy();
    expect(payment).toMatchObject({
      status: 'captured',
      captured: true,
      amount: 50_000,
      currency: 'INR',
      order_id: order.id,
      method: 'card',
      error_code: null,
      error_description: null,
      error_source: null,
      error_step: null,
      error_reason: null,
    });
    // The card object only with expand[]=card (razorpay.md §9); card_id always.
    expect(payment.card).toBeUndefined();
    expect(payment.card_id).toMatch(/^card_[A-Za-z0-9]{14}$/);
    const expanded = await sdk(sim, key).payments.fetch(result.paymentId, { 'expand[]': 'card' } as never);
    expect(expanded.card).toMatchObject({ id: payment.card_id, last4: '1007', entity: 'card' });
    expect(payment.fee).toBeGreaterThan(0);
    expect(await sdk(sim, key).orders.fetch(order.id)).toMatchObject({ status: 'paid', attempts: 1, amount_paid: 50_000, amount_due: 0 });
  });
});

describe('the order state machine', () => {
  it('goes created -> attempted (attempts count failures too) -> paid', async () => {
    const order = await newOrder(sim, key);
    const rz = sdk(sim, key);
    expect((await rz.orders.fetch(order.id)).status).toBe('created');

    const first = sim.pay({ keyId: key.keyId, orderId: order.id, method: 'upi', outcome: 'failure' });
    expect(first.ok).toBe(false);
    expect(await rz.orders.fetch(order.id)).toMatchObject({ status: 'attempted', attempts: 1, amount_paid: 0 });

    sim.pay({ keyId: key.keyId, orderId: order.id, method: 'card', outcome: 'failure', failureReason: 'card_declined' });
    expect(await rz.orders.fetch(order.id)).toMatchObject({ status: 'attempted', attempts: 2 });

    const third = sim.pay({ keyId: key.keyId, orderId: order.id, method: 'netbanking', outcome: 'success', bank: 'SBIN' });
    expect(third.ok).toBe(true);
    expect(await rz.orders.fetch(order.id)).toMatchObject({ status: 'paid', attempts: 3 });

    const payments = await rz.orders.fetchPayments(order.id);
    expect(payments.entity).toBe('collection');
    expect(payments.count).toBe(3);
    expect(payments.items.map((p) => [p.method, p.status])).toEqual([
      ['netbanking', 'captured'],
      ['card', 'failed'],
      ['upi', 'failed'],
    ]);
    for (const p of payments.items) paymentSchema.parse(p);
    expect(payments.items[0]?.bank).toBe('SBIN');
  });

  it('records the failure reason on the payment and hands Checkout the §5.3 error', async () => {
    const order = await newOrder(sim, key);
    const result = sim.pay({ keyId: key.keyId, orderId: order.id, method: 'card', outcome: 'failure', failureReason: 'insufficient_funds' });
    if (result.ok) throw new Error('payment should fail');
    const paymentId = result.error.metadata.payment_id ?? '';
    expect(result.error).toEqual({
      code: 'BAD_REQUEST_ERROR',
      description: expect.stringContaining('insufficient'),
      source: 'customer',
      step: 'payment_authorization',
      reason: 'insufficient_funds',
      metadata: { payment_id: paymentId, order_id: order.id },
    });
    expect(await sdk(sim, key).payments.fetch(paymentId)).toMatchObject({
      status: 'failed',
      captured: false,
      error_code: 'BAD_REQUEST_ERROR',
      error_reason: 'insufficient_funds',
      error_source: 'customer',
      error_step: 'payment_authorization',
      error_description: result.error.description,
    });
  });

  it('gives the documented failure@razorpay error for a plain UPI failure', async () => {
    const order = await newOrder(sim, key);
    const result = sim.pay({ keyId: key.keyId, orderId: order.id, method: 'upi', outcome: 'failure' });
    if (result.ok) throw new Error('payment should fail');
    expect(result.error).toMatchObject({
      code: 'BAD_REQUEST_ERROR',
      description: 'Payment was unsuccessful due to a temporary issue. If amount got deducted, it will be refunded within 5-7 working days.',
      source: 'gateway',
      step: 'payment_response',
      reason: 'payment_failed',
    });
  });

  it('refuses a payment on a paid order: "Payment already done for this order."', async () => {
    const order = await newOrder(sim, key);
    expect(sim.pay({ keyId: key.keyId, orderId: order.id, method: 'upi', outcome: 'success' }).ok).toBe(true);
    const again = sim.pay({ keyId: key.keyId, orderId: order.id, method: 'upi', outcome: 'success' });
    expect(again).toEqual({
      ok: false,
      error: {
        code: 'BAD_REQUEST_ERROR',
        description: 'Payment already done for this order.',
        source: 'business',
        step: 'payment_initiation',
        reason: 'input_validation_failed',
        metadata: { order_id: order.id },
      },
    });
    expect(sim.getOrder(order.id)).toMatchObject({ attempts: 1, status: 'paid' });
    expect(sim.listPayments().filter((p) => p.order_id === order.id)).toHaveLength(1);
  });

  it('refuses payments for unknown orders, other keys\' orders and unknown keys', async () => {
    const order = await newOrder(sim, key);
    const other = sim.createTestKey();
    expect(sim.pay({ keyId: other.keyId, orderId: order.id, method: 'upi', outcome: 'success' })).toMatchObject({
      ok: false,
      error: { description: 'The id provided does not exist', metadata: { order_id: order.id } },
    });
    expect(sim.pay({ keyId: key.keyId, orderId: 'order_nope', method: 'upi', outcome: 'success' })).toMatchObject({
      ok: false,
      error: { description: 'order_nope is not a valid id' },
    });
    expect(sim.pay({ keyId: 'rzp_test_NotRegistered01', orderId: order.id, method: 'upi', outcome: 'success' })).toMatchObject({
      ok: false,
      error: { description: 'Authentication failed' },
    });
    expect(sim.getOrder(order.id)).toMatchObject({ status: 'created', attempts: 0 });
  });
});

describe('manual capture (autoCapture: false)', () => {
  let manual: RazorpaySimulator;
  let mkey: Key;

  beforeAll(async () => {
    manual = await newSimulator({ autoCapture: false });
    mkey = manual.createTestKey();
  });

  async function authorized() {
    const order = await newOrder(manual, mkey);
    const result = manual.pay({ keyId: mkey.keyId, orderId: order.id, method: 'upi', outcome: 'success' });
    if (!result.ok) throw new Error('payment should succeed');
    return { order, paymentId: result.paymentId };
  }

  it('leaves the payment authorized and the order attempted, and refuses another payment', async () => {
    const { order, paymentId } = await authorized();
    expect(await sdk(manual, mkey).payments.fetch(paymentId)).toMatchObject({ status: 'authorized', captured: false, fee: null });
    expect(await sdk(manual, mkey).orders.fetch(order.id)).toMatchObject({ status: 'attempted', amount_paid: 0 });
    const again = manual.pay({ keyId: mkey.keyId, orderId: order.id, method: 'card', outcome: 'success' });
    expect(again).toMatchObject({ ok: false, error: { description: 'Payment already done for this order.' } });
  });

  it('captures only the authorized amount, once', async () => {
    const { order, paymentId } = await authorized();
    const rz = sdk(manual, mkey);
    expect(await rejection(rz.payments.capture(paymentId, 49_999, 'INR'))).toMatchObject({
      statusCode: 400,
      error: { code: 'BAD_REQUEST_ERROR', description: 'Capture amount must be equal to the amount authorized.', field: 'amount' },
    });
    expect(await rejection(rz.payments.capture(paymentId, 50_000, 'USD'))).toMatchObject({ statusCode: 400 });
    const captured = await rz.payments.capture(paymentId, 50_000, 'INR');
    expect(captured).toMatchObject({ id: paymentId, status: 'captured', captured: true });
    expect(await rz.orders.fetch(order.id)).toMatchObject({ status: 'paid', amount_paid: 50_000, amount_due: 0 });
    expect(await rejection(rz.payments.capture(paymentId, 50_000, 'INR'))).toMatchObject({
      statusCode: 400,
      error: { description: 'This payment has already been captured' },
    });
  });

  it('refuses to capture failed payments, unknown ids and malformed ids', async () => {
    const order = await newOrder(manual, mkey);
    const failed = manual.pay({ keyId: mkey.keyId, orderId: order.id, method: 'upi', outcome: 'failure' });
    if (failed.ok) throw new Error('payment should fail');
    const rz = sdk(manual, mkey);
    expect(await rejection(rz.payments.capture(failed.error.metadata.payment_id ?? '', 50_000, 'INR'))).toMatchObject({
      statusCode: 400,
      error: { description: 'Only payments which have been authorized and not yet captured can be captured' },
    });
    expect(await rejection(rz.payments.capture('pay_ABCDEFGHIJKLMN', 50_000, 'INR'))).toMatchObject({
      statusCode: 400,
      error: { description: 'The id provided does not exist' },
    });
    expect(await rejection(rz.payments.capture('pay_x', 50_000, 'INR'))).toMatchObject({
      statusCode: 400,
      error: { description: 'pay_x is not a valid id' },
    });
    expect(await rejection(rz.payments.fetch('pay_x'))).toMatchObject({ statusCode: 400, error: { description: 'pay_x is not a valid id' } });
  });

  it('hides payments from other keys', async () => {
    const { paymentId } = await authorized();
    const other = manual.createTestKey();
    expect(await rejection(sdk(manual, other).payments.fetch(paymentId))).toMatchObject({
      statusCode: 400,
      error: { description: 'The id provided does not exist' },
    });
    expect(await rejection(sdk(manual, other).payments.capture(paymentId, 50_000, 'INR'))).toMatchObject({
      statusCode: 400,
      error: { description: 'The id provided does not exist' },
    });
  });

  it('lets an order ask for automatic capture (payment.capture) against the simulator default', async () => {
    const order = await newOrder(manual, mkey, { payment: { capture: 'automatic' } });
    const result = manual.pay({ keyId: mkey.keyId, orderId: order.id, method: 'upi', outcome: 'success' });
    if (!result.ok) throw new Error('payment should succeed');
    expect(manual.getPayment(result.paymentId)?.status).toBe('captured');
  });

  it('lets an order ask for manual capture on an auto-capture simulator', async () => {
    const order = await newOrder(sim, key, { payment: { capture: 'manual' } });
    const result = sim.pay({ keyId: key.keyId, orderId: order.id, method: 'upi', outcome: 'success' });
    if (!result.ok) throw new Error('payment should succeed');
    expect(sim.getPayment(result.paymentId)?.status).toBe('authorized');
  });
});

describe('late authorisation', () => {
  it('reports a late_authorisation payment as failed, then turns it captured and the order paid', async () => {
    const order = await newOrder(sim, key);
    sim.faults.inject('checkout.pay', { kind: 'late_authorisation' }, { times: 1 });
    const result = sim.pay({ keyId: key.keyId, orderId: order.id, method: 'upi', outcome: 'success' });
    if (result.ok) throw new Error('Checkout should hear of a failure');
    const paymentId = result.error.metadata.payment_id ?? '';
    expect(result.error).toMatchObject({ reason: 'payment_failed', source: 'gateway', metadata: { order_id: order.id, payment_id: paymentId } });
    expect(sim.faults.list()).toEqual([]);
    expect(sim.getPayment(paymentId)).toMatchObject({ status: 'failed', error_reason: 'payment_failed' });
    expect(sim.getOrder(order.id)).toMatchObject({ status: 'attempted', attempts: 1 });

    sim.lateAuthorise(paymentId);
    const payment = await sdk(sim, key).payments.fetch(paymentId);
    expect(payment).toMatchObject({ status: 'captured', captured: true, error_code: null, error_reason: null, error_description: null });
    expect(await sdk(sim, key).orders.fetch(order.id)).toMatchObject({ status: 'paid', amount_paid: 50_000 });
  });

  it('stops at authorized without auto-capture', async () => {
    const manual = await newSimulator({ autoCapture: false });
    const k = manual.createTestKey();
    const order = await newOrder(manual, k);
    const failed = manual.pay({ keyId: k.keyId, orderId: order.id, method: 'card', outcome: 'failure', failureReason: 'payment_timed_out' });
    if (failed.ok) throw new Error('payment should fail');
    manual.lateAuthorise(failed.error.metadata.payment_id ?? '');
    expect(manual.getPayment(failed.error.metadata.payment_id ?? '')).toMatchObject({ status: 'authorized', captured: false });
    expect(manual.getOrder(order.id)).toMatchObject({ status: 'attempted' });
  });

  it('only applies to failed payments', async () => {
    const order = await newOrder(sim, key);
    const ok = sim.pay({ keyId: key.keyId, orderId: order.id, method: 'upi', outcome: 'success' });
    if (!ok.ok) throw new Error('payment should succeed');
    expect(() => sim.lateAuthorise(ok.paymentId)).toThrow(/only failed payments/);
    expect(() => sim.lateAuthorise('pay_ABCDEFGHIJKLMN')).toThrow(/No payment/);
  });
});

describe('whole-state views', () => {
  it('hand out copies, so callers cannot change the simulator\'s state', async () => {
    const order = await newOrder(sim, key);
    const copy = sim.getOrder(order.id);
    if (!copy) throw new Error('order should exist');
    copy.status = 'paid';
    sim.listOrders().forEach((o) => (o.amount = 1));
    expect(sim.getOrder(order.id)).toMatchObject({ status: 'created', amount: 50_000 });
    expect(sim.getOrder('order_ABCDEFGHIJKLMN')).toBeUndefined();
    expect(sim.getPayment('pay_ABCDEFGHIJKLMN')).toBeUndefined();
  });

  it('list orders and payments of every key, oldest first', async () => {
    const s = await newSimulator();
    const [a, b] = [s.createTestKey(), s.createTestKey()];
    const first = await newOrder(s, a);
    const second = await newOrder(s, b);
    expect(s.listOrders().map((o) => o.id)).toEqual([first.id, second.id]);
    s.pay({ keyId: a.keyId, orderId: first.id, method: 'upi', outcome: 'failure' });
    s.pay({ keyId: b.keyId, orderId: second.id, method: 'upi', outcome: 'success' });
    expect(s.listPayments().map((p) => p.order_id)).toEqual([first.id, second.id]);
  });
});
