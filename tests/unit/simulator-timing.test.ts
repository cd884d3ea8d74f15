// Time in the simulator, where production differs from a kind stand-in
// (razorpay.md §2, §9 "Timing and configuration"): capture follows authorisation
// after a delay on auto-capture accounts and never on manual-capture ones; an
// attempt is a `created` payment while the donor is paying and fails after 10
// minutes without an answer; an authorisation nobody captures is refunded after
// 3 days. All over HTTP, with an injected clock that the tests move.
import { afterAll, describe, expect, it } from 'vitest';
import Razorpay from 'razorpay';
import type { AxiosInstance } from 'axios';
import { ATTEMPT_TIMEOUT_MS, AUTO_REFUND_AFTER_MS, DEMO_CAPTURE_DELAY_MS, startRazorpaySimulator } from '../../src-main/simulator/index.ts';
import type { RazorpaySimulator, SimulatorOptions } from '../../src-main/simulator/index.ts';

const simulators: RazorpaySimulator[] = [];
afterAll(async () => {
  await Promise.all(simulators.map((s) => s.close()));
});

/** A simulator on a clock that only moves when the test says so. */
async function frozen(options: SimulatorOptions = {}) {
  let now = Date.UTC(2026, 0, 15, 10, 0, 0);
  const sim = await startRazorpaySimulator({ now: () => now, controlToken: 'timing-token', ...options });
  simulators.push(sim);
  const key = sim.createTestKey();
  const rz = new Razorpay({ key_id: key.keyId, key_secret: key.keySecret });
  (rz.api as unknown as { rq: AxiosInstance }).rq.defaults.baseURL = sim.baseUrl;
  return { sim, key, rz, tick: (ms: number) => (now += ms) };
}

function control(sim: RazorpaySimulator, method: string, path: string, body?: unknown) {
  return fetch(`${sim.baseUrl}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', 'X-Simulator-Control': 'timing-token' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

function frame(sim: RazorpaySimulator, path: string, body: unknown) {
  return fetch(`${sim.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: sim.baseUrl },
    body: JSON.stringify(body),
  }).then((r) => r.json() as Promise<Record<string, unknown>>);
}

async function paid(env: Awaited<ReturnType<typeof frozen>>, orderExtra: Record<string, unknown> = {}) {
  const order = await env.rz.orders.create({ amount: 50_000, currency: 'INR', ...orderExtra } as never);
  const result = env.sim.pay({ keyId: env.key.keyId, orderId: order.id, method: 'upi', outcome: 'success' });
  if (!result.ok) throw new Error('payment should succeed');
  return { orderId: order.id, paymentId: result.paymentId };
}

describe('capture timing (item 1)', () => {
  it('without a delay (the default), captures before Checkout hears of the payment', async () => {
    const env = await frozen();
    expect(env.sim.settings()).toEqual({ autoCapture: true, captureDelayMs: 0, checkoutNeverCallsBack: false });
    const { paymentId } = await paid(env);
    expect(await env.rz.payments.fetch(paymentId)).toMatchObject({ status: 'captured', captured: true });
  });

  it('with a delay, the payment is still authorized when Checkout calls back, and captured once the delay has passed', async () => {
    const env = await frozen({ captureDelayMs: 5_000 });
    const { orderId, paymentId } = await paid(env);
    // What the kiosk sees when handler() fires: authorized, the order not yet paid.
    expect(await env.rz.payments.fetch(paymentId)).toMatchObject({ status: 'authorized', captured: false, fee: null });
    expect(await env.rz.orders.fetch(orderId)).toMatchObject({ status: 'attempted', amount_paid: 0 });
    env.tick(4_999);
    expect((await env.rz.payments.fetch(paymentId)).status).toBe('authorized');
    env.tick(1);
    expect(await env.rz.payments.fetch(paymentId)).toMatchObject({ status: 'captured', captured: true });
    expect(await env.rz.orders.fetch(orderId)).toMatchObject({ status: 'paid', amount_paid: 50_000, amount_due: 0 });
  });

  it('a merchant capture inside the delay wins; the automatic one then does nothing', async () => {
    const env = await frozen({ captureDelayMs: 5_000 });
    const { paymentId } = await paid(env);
    expect(await env.rz.payments.capture(paymentId, 50_000, 'INR')).toMatchObject({ status: 'captured' });
    env.tick(10_000);
    expect(await env.rz.payments.fetch(paymentId)).toMatchObject({ status: 'captured', captured: true });
  });

  it('a merchant capture after the delay finds it already captured', async () => {
    const env = await frozen({ captureDelayMs: 5_000 });
    const { paymentId } = await paid(env);
    env.tick(5_000);
    await expect(env.rz.payments.capture(paymentId, 50_000, 'INR')).rejects.toMatchObject({
      statusCode: 400,
      error: { description: 'This payment has already been captured' },
    });
  });

  it('never captures on a manual-capture account, whatever the delay', async () => {
    const env = await frozen({ autoCapture: false, captureDelayMs: 1_000 });
    const { paymentId } = await paid(env);
    env.tick(60 * 60 * 1000);
    expect(await env.rz.payments.fetch(paymentId)).toMatchObject({ status: 'authorized', captured: false });
  });

  it.each([
    ['payment.capture: manual', { payment: { capture: 'manual' } }, 'authorized'],
    ['payment_capture: 0', { payment_capture: 0 }, 'authorized'],
    ['payment_capture: false', { payment_capture: false }, 'authorized'],
    ['payment_capture: 1', { payment_capture: 1 }, 'captured'],
  ])('lets the order decide on an auto-capture account (%s)', async (_name, extra, status) => {
    const env = await frozen({ captureDelayMs: 1_000 });
    const { paymentId } = await paid(env, extra);
    env.tick(60_000);
    expect((await env.rz.payments.fetch(paymentId)).status).toBe(status);
  });

  it('lets an order ask for automatic capture on a manual account (payment_capture: 1), after the delay', async () => {
    const env = await frozen({ autoCapture: false, captureDelayMs: 1_000 });
    const { paymentId } = await paid(env, { payment_capture: 1 });
    expect((await env.rz.payments.fetch(paymentId)).status).toBe('authorized');
    env.tick(1_000);
    expect((await env.rz.payments.fetch(paymentId)).status).toBe('captured');
  });

  it('applies the account default when the order is created', async () => {
    const env = await frozen();
    const before = await env.rz.orders.create({ amount: 50_000, currency: 'INR' });
    env.sim.configure({ autoCapture: false });
    const after = await env.rz.orders.create({ amount: 50_000, currency: 'INR' });
    const a = env.sim.pay({ keyId: env.key.keyId, orderId: before.id, method: 'upi', outcome: 'success' });
    const b = env.sim.pay({ keyId: env.key.keyId, orderId: after.id, method: 'upi', outcome: 'success' });
    if (!a.ok || !b.ok) throw new Error('payments should succeed');
    expect(env.sim.getPayment(a.paymentId)?.status).toBe('captured');
    expect(env.sim.getPayment(b.paymentId)?.status).toBe('authorized');
  });

  it('is configurable over HTTP with the control token, and rejects bad values', async () => {
    const env = await frozen();
    const res = await control(env.sim, 'POST', '/_simulator/settings', { captureDelayMs: 2_500 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ settings: { autoCapture: true, captureDelayMs: 2_500, checkoutNeverCallsBack: false } });
    expect(await (await control(env.sim, 'GET', '/_simulator/settings')).json()).toMatchObject({ settings: { captureDelayMs: 2_500 } });
    for (const bad of [{ captureDelayMs: -1 }, { captureDelayMs: 1.5 }, { autoCapture: 'yes' }, { colour: 'red' }]) {
      const refused = await control(env.sim, 'POST', '/_simulator/settings', bad);
      expect([bad, refused.status]).toEqual([bad, 400]);
    }
    expect(env.sim.settings().captureDelayMs).toBe(2_500);
    const { paymentId } = await paid(env);
    expect((await env.rz.payments.fetch(paymentId)).status).toBe('authorized');
    expect(() => env.sim.configure({ captureDelayMs: -5 })).toThrow(TypeError);
  });

  it('demo mode waits a few seconds, so a donor sees the kiosk confirming', () => {
    expect(DEMO_CAPTURE_DELAY_MS).toBeGreaterThanOrEqual(2_000);
    expect(DEMO_CAPTURE_DELAY_MS).toBeLessThanOrEqual(5_000);
  });
});

describe('the clock', () => {
  it('stamps created_at from the simulator clock and moves on through the control route', async () => {
    const env = await frozen();
    const order = await env.rz.orders.create({ amount: 100, currency: 'INR' });
    expect(order.created_at).toBe(Date.UTC(2026, 0, 15, 10, 0, 0) / 1000);
    const res = await control(env.sim, 'POST', '/_simulator/clock', { advanceMs: 86_400_000 });
    expect(await res.json()).toEqual({ now: Date.UTC(2026, 0, 16, 10, 0, 0) });
    expect((await env.rz.orders.create({ amount: 100, currency: 'INR' })).created_at).toBe(Date.UTC(2026, 0, 16, 10, 0, 0) / 1000);
    expect((await control(env.sim, 'POST', '/_simulator/clock', { advanceMs: -1 })).status).toBe(400);
    expect(() => env.sim.advanceClock(-1)).toThrow(RangeError);
  });

  it('runs on real time by default', async () => {
    const sim = await startRazorpaySimulator();
    simulators.push(sim);
    const before = Date.now();
    expect(sim.now()).toBeGreaterThanOrEqual(before);
    sim.advanceClock(60_000);
    expect(sim.now()).toBeGreaterThanOrEqual(before + 60_000);
  });
});

describe('uncaptured authorisations are refunded after 3 days (item 7)', () => {
  it('refunds in full: status refunded, captured false, amount_refunded, refund_status full; the order stays unpaid', async () => {
    const env = await frozen({ autoCapture: false });
    const { orderId, paymentId } = await paid(env);
    env.tick(AUTO_REFUND_AFTER_MS - 1);
    expect((await env.rz.payments.fetch(paymentId)).status).toBe('authorized');
    env.tick(1);
    expect(await env.rz.payments.fetch(paymentId)).toMatchObject({
      status: 'refunded',
      captured: false,
      amount_refunded: 50_000,
      refund_status: 'full',
    });
    expect(await env.rz.orders.fetch(orderId)).toMatchObject({ status: 'attempted', amount_paid: 0 });
    await expect(env.rz.payments.capture(paymentId, 50_000, 'INR')).rejects.toMatchObject({ statusCode: 400 });
    expect(AUTO_REFUND_AFTER_MS).toBe(3 * 24 * 60 * 60 * 1000);
  });

  it('counts the 3 days from the payment\'s creation, and a capture in time prevents it', async () => {
    const env = await frozen({ autoCapture: false });
    const { paymentId } = await paid(env);
    env.tick(AUTO_REFUND_AFTER_MS - 60_000);
    await env.rz.payments.capture(paymentId, 50_000, 'INR');
    env.tick(AUTO_REFUND_AFTER_MS);
    expect(await env.rz.payments.fetch(paymentId)).toMatchObject({ status: 'captured', amount_refunded: 0, refund_status: null });
  });

  it('also refunds a second authorisation on an order another payment already paid', async () => {
    const env = await frozen();
    const order = await env.rz.orders.create({ amount: 50_000, currency: 'INR' });
    // Two attempts in flight at once (e.g. a QR scanned while a card was also paid).
    const first = env.sim.pay({ keyId: env.key.keyId, orderId: order.id, method: 'upi', outcome: 'failure' });
    if (first.ok) throw new Error('first attempt should fail');
    expect(env.sim.pay({ keyId: env.key.keyId, orderId: order.id, method: 'card', outcome: 'success' }).ok).toBe(true);
    env.sim.lateAuthorise(first.error.metadata.payment_id ?? '');
    expect(env.sim.getPayment(first.error.metadata.payment_id ?? '')?.status).toBe('authorized');
    env.tick(AUTO_REFUND_AFTER_MS);
    expect(env.sim.getPayment(first.error.metadata.payment_id ?? '')).toMatchObject({ status: 'refunded', refund_status: 'full' });
    expect(env.sim.getOrder(order.id)).toMatchObject({ status: 'paid', amount_paid: 50_000 });
  });
});

describe('a payment in progress is `created` (item 9)', () => {
  async function attempt(env: Awaited<ReturnType<typeof frozen>>, orderId: string, extra: Record<string, unknown> = {}) {
    const started = await frame(env.sim, '/_checkout/payments', { key_id: env.key.keyId, order_id: orderId, method: 'upi', ...extra });
    expect(started).toMatchObject({ ok: true, payment_id: expect.stringMatching(/^pay_/) });
    return String(started.payment_id);
  }

  it('from the moment the donor submits a method until the bank answers', async () => {
    const env = await frozen();
    const order = await env.rz.orders.create({ amount: 50_000, currency: 'INR' });
    const paymentId = await attempt(env, order.id);
    const during = await env.rz.orders.fetchPayments(order.id);
    expect(during.items).toEqual([expect.objectContaining({ id: paymentId, status: 'created', captured: false, error_code: null })]);
    expect(await env.rz.orders.fetch(order.id)).toMatchObject({ status: 'attempted', attempts: 1 });
    const done = await frame(env.sim, `/_checkout/payments/${paymentId}/complete`, { key_id: env.key.keyId, outcome: 'success' });
    expect(done).toMatchObject({ ok: true, payment: { razorpay_payment_id: paymentId, razorpay_order_id: order.id } });
    expect((await env.rz.orders.fetchPayments(order.id)).items).toEqual([expect.objectContaining({ id: paymentId, status: 'captured' })]);
  });

  it('a bank failure turns it failed with the reason', async () => {
    const env = await frozen();
    const order = await env.rz.orders.create({ amount: 50_000, currency: 'INR' });
    const paymentId = await attempt(env, order.id, { method: 'netbanking', bank: 'SBIN' });
    const done = await frame(env.sim, `/_checkout/payments/${paymentId}/complete`, { key_id: env.key.keyId, outcome: 'failure', reason: 'payment_cancelled' });
    expect(done).toMatchObject({ ok: false, error: { reason: 'payment_cancelled', metadata: { payment_id: paymentId, order_id: order.id } } });
    expect(await env.rz.payments.fetch(paymentId)).toMatchObject({ status: 'failed', bank: 'SBIN', error_reason: 'payment_cancelled' });
  });

  it('an abandoned attempt stays created, then fails as timed out after 10 minutes', async () => {
    const env = await frozen();
    const order = await env.rz.orders.create({ amount: 50_000, currency: 'INR' });
    const abandoned = await attempt(env, order.id);
    env.tick(ATTEMPT_TIMEOUT_MS - 1);
    expect((await env.rz.payments.fetch(abandoned)).status).toBe('created');
    env.tick(1);
    expect(await env.rz.payments.fetch(abandoned)).toMatchObject({
      status: 'failed',
      error_code: 'BAD_REQUEST_ERROR',
      error_reason: 'payment_timed_out',
      error_source: 'customer',
    });
    expect(ATTEMPT_TIMEOUT_MS).toBe(10 * 60 * 1000);
    // The bank cannot answer an attempt that has timed out; the order can still be paid.
    const late = await frame(env.sim, `/_checkout/payments/${abandoned}/complete`, { key_id: env.key.keyId, outcome: 'success' });
    expect(late).toMatchObject({ ok: false });
    const next = await attempt(env, order.id);
    expect(await frame(env.sim, `/_checkout/payments/${next}/complete`, { key_id: env.key.keyId, outcome: 'success' })).toMatchObject({ ok: true });
    expect((await env.rz.orders.fetchPayments(order.id)).items.map((p) => [p.id, p.status])).toEqual([
      [next, 'captured'],
      [abandoned, 'failed'],
    ]);
  });

  it('another attempt on an order with an authorised payment is refused', async () => {
    const env = await frozen({ captureDelayMs: 5_000 });
    const { orderId } = await paid(env);
    const refused = await frame(env.sim, '/_checkout/payments', { key_id: env.key.keyId, order_id: orderId, method: 'card' });
    expect(refused).toMatchObject({ ok: false, error: { description: 'Payment already done for this order.' } });
  });

  it('only the simulator\'s own frame may start or complete one', async () => {
    const env = await frozen();
    const order = await env.rz.orders.create({ amount: 50_000, currency: 'INR' });
    const res = await fetch(`${env.sim.baseUrl}/_checkout/payments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://127.0.0.1:1' },
      body: JSON.stringify({ key_id: env.key.keyId, order_id: order.id, method: 'upi' }),
    });
    expect(res.status).toBe(403);
    expect(env.sim.getOrder(order.id)?.attempts).toBe(0);
  });
});
