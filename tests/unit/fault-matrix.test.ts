// The fault matrix, at the service level through the IPC dispatcher: for each
// gateway call and each fault, the Result error code the renderer gets, the
// ledger row that explains it, and that the kiosk takes a donation afterwards.
// No unhandled rejection, and no call left hanging.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CheckoutSession, KioskErrorCode, KioskMethod, Result } from '../../src-main/contract/kiosk-api.ts';
import type { Fault, FaultRoute } from '../../src-main/simulator/index.ts';
import { startRazorpaySimulator } from '../../src-main/simulator/index.ts';
import { startKioskServices, type KioskServices } from '../../src-main/services/kiosk-services.ts';
import { startKioskUnderTest, UNIT_KEY_ID, UNIT_KEY_SECRET, type KioskUnderTest } from './support/kiosk-under-test.ts';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

let kiosk: KioskUnderTest | undefined;
const extraCleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of extraCleanup.splice(0)) await cleanup();
  await kiosk?.stop();
  kiosk = undefined;
  expect(unhandled).toEqual([]);
});

/** A kiosk with short timeouts and a quick probe, so recovery is observable within a test. */
async function startKiosk(options: { autoCapture?: boolean } = {}): Promise<KioskUnderTest> {
  kiosk = await startKioskUnderTest({ gatewayTimeoutMs: 800, connectivityProbeSeconds: 1 }, { autoCapture: options.autoCapture ?? true });
  // The start-up probe must not meet the faults a test injects next.
  await kiosk.services.connectivity.probeNow();
  return kiosk;
}

function running(): KioskUnderTest {
  if (!kiosk) throw new Error('start the kiosk first');
  return kiosk;
}

/** Every call must settle well inside the retry budget: a stuck call fails the test, it does not time it out. */
async function call<T = unknown>(method: KioskMethod, payload: unknown): Promise<Result<T>> {
  let timer: NodeJS.Timeout | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${method} did not settle within 16 s`)), 16_000);
  });
  try {
    return (await Promise.race([running().services.dispatch(method, payload), stuck])) as Result<T>;
  } finally {
    clearTimeout(timer);
  }
}

async function start(amountRupees = 500): Promise<Result<CheckoutSession>> {
  return call<CheckoutSession>('startDonation', { amountRupees, donor: { anonymous: false, name: 'Arjun Rao' } });
}

async function openCheckout(amountRupees = 500): Promise<CheckoutSession> {
  const started = await start(amountRupees);
  if (!started.ok) throw new Error(`startDonation failed: ${started.error.code} ${started.error.message}`);
  expect(await call('checkoutOpened', { donationId: started.value.donationId })).toEqual({ ok: true, value: null });
  return started.value;
}

function pay(session: CheckoutSession) {
  const paid = running().simulator.pay({ keyId: UNIT_KEY_ID, orderId: session.options.order_id, method: 'upi', outcome: 'success' });
  if (!paid.ok) throw new Error('simulator refused the payment');
  return { donationId: session.donationId, razorpayPaymentId: paid.paymentId, razorpayOrderId: session.options.order_id, razorpaySignature: paid.signature };
}

/** After the faults are gone the kiosk finds its own way back, then takes a whole donation. */
async function expectUsableAfterwards(): Promise<void> {
  const { services, simulator } = running();
  simulator.faults.clear();
  await services.connectivity.whenOnline();
  expect(await call('getKioskStatus', null)).toEqual({ ok: true, value: { online: true, acceptingDonations: true } });
  const session = await openCheckout(100);
  const confirmed = await call('confirmPayment', pay(session));
  expect(confirmed).toMatchObject({ ok: true, value: { amountRupees: 100 } });
  expect(services.ledger.get(session.donationId)?.state).toBe('paid');
}

type Case = [label: string, code: KioskErrorCode, fault: Fault];
const FAULTS: Case[] = [
  ['connection reset', 'gateway_unavailable', { kind: 'reset' }],
  ['no answer (timeout)', 'gateway_timeout', { kind: 'hang' }],
  ['500 JSON', 'gateway_unavailable', { kind: 'status', status: 500, body: 'json' }],
  ['502 HTML', 'gateway_unavailable', { kind: 'status', status: 502, body: 'html' }],
  ['504 JSON', 'gateway_unavailable', { kind: 'status', status: 504, body: 'json' }],
  ['504 HTML', 'gateway_unavailable', { kind: 'status', status: 504, body: 'html' }],
  ['429', 'gateway_busy', { kind: 'status', status: 429, body: 'json' }],
  ['response lost', 'gateway_unavailable', { kind: 'response_lost' }],
];
const inject = (route: FaultRoute, fault: Fault, times?: number) => running().simulator.faults.inject(route, fault, times === undefined ? {} : { times });

describe('fault matrix: create the order (startDonation; never retried blindly)', () => {
  it.each(FAULTS.filter(([label]) => label !== 'response lost'))('%s → %s, an order_failed row, one order at most', async (_label, code, fault) => {
    const { services, simulator } = await startKiosk();
    inject('orders.create', fault, 1);
    const reply = await start();
    expect(reply).toMatchObject({ ok: false, error: { code, retryable: true } });
    const [row] = services.ledger.list();
    expect(row).toMatchObject({ state: 'order_failed', failureCode: code, orderId: null });
    // The row says what went wrong, and whether the order was looked for (never after a 429: nothing was created).
    expect(services.ledger.events(row?.id ?? '').at(-1)).toMatchObject({
      toState: 'order_failed',
      detail: { gatewayError: expect.objectContaining({ kind: expect.any(String) }), receiptLookup: code === 'gateway_busy' ? 'not_needed' : 'no_order' },
    });
    expect(simulator.listOrders().filter((o) => o.receipt === row?.receipt).length).toBeLessThanOrEqual(1);
    await expectUsableAfterwards();
  });

  it('response lost → the order is found by its receipt and the donor carries on, with one order only', async () => {
    const { services, simulator } = await startKiosk();
    inject('orders.create', { kind: 'response_lost' }, 1);
    const reply = await start();
    expect(reply).toMatchObject({ ok: true });
    const [row] = services.ledger.list();
    expect(row).toMatchObject({ state: 'order_created', orderId: reply.ok ? reply.value.options.order_id : 'none' });
    expect(services.ledger.events(row?.id ?? '').at(-1)).toMatchObject({ toState: 'order_created', detail: { foundByReceipt: true } });
    expect(simulator.listOrders().filter((o) => o.receipt === row?.receipt)).toHaveLength(1);
    await expectUsableAfterwards();
  });
});

describe('fault matrix: look the order up by receipt after a lost create (orders.list)', () => {
  it.each(FAULTS)('%s on the look-up → gateway_unavailable, order_failed, and reconciliation finds the order later', async (_label, _code, fault) => {
    const { services, simulator } = await startKiosk();
    inject('orders.create', { kind: 'response_lost' }, 1);
    inject('orders.list', fault);
    expect(await start()).toMatchObject({ ok: false, error: { code: 'gateway_unavailable' } });
    const [row] = services.ledger.list();
    expect(row).toMatchObject({ state: 'order_failed', orderId: null });
    expect(services.ledger.events(row?.id ?? '').at(-1)?.detail).toMatchObject({ receiptLookup: 'failed' });
    simulator.faults.clear();
    await services.connectivity.whenOnline();
    await services.reconciler.runOnce();
    const order = simulator.listOrders().find((o) => o.receipt === row?.receipt);
    expect(services.ledger.get(row?.id ?? '')).toMatchObject({ state: 'order_created', orderId: order?.id });
    await expectUsableAfterwards();
  });
});

describe('fault matrix: fetch the payment (confirmPayment; read, retried)', () => {
  it.each(FAULTS)('%s every time → "being confirmed" (not %s: the signature proves Razorpay holds it), the authorisation kept in the ledger', async (_label, _code, fault) => {
    const { services } = await startKiosk();
    const request = pay(await openCheckout());
    inject('payments.fetch', fault);
    expect(await call('confirmPayment', request)).toMatchObject({ ok: false, error: { code: 'payment_confirming', retryable: false } });
    expect(services.ledger.get(request.donationId)).toMatchObject({ state: 'authorized', paymentId: request.razorpayPaymentId });
    expect(services.ledger.events(request.donationId).at(-1)).toMatchObject({ toState: 'authorized', detail: { fetchError: expect.any(Object) } });
    // The donor (or reconciliation) asks again once Razorpay answers: paid, same payment.
    running().simulator.faults.clear();
    await services.connectivity.whenOnline();
    expect(await call('confirmPayment', request)).toMatchObject({ ok: true, value: { paymentId: request.razorpayPaymentId } });
    await expectUsableAfterwards();
  });

  it.each(FAULTS)('%s once → retried, and the donor sees success', async (_label, _code, fault) => {
    const { services } = await startKiosk();
    const request = pay(await openCheckout());
    inject('payments.fetch', fault, 1);
    expect(await call('confirmPayment', request)).toMatchObject({ ok: true });
    expect(services.ledger.get(request.donationId)?.state).toBe('paid');
  });
});

describe('fault matrix: capture (manual-capture account; capture then re-fetch)', () => {
  it.each(FAULTS.filter(([label]) => label !== 'response lost'))('%s every time → "being confirmed" (never a second payment), authorised and explained in the ledger', async (_label, _code, fault) => {
    const { services, simulator } = await startKiosk({ autoCapture: false });
    const request = pay(await openCheckout());
    inject('payments.capture', fault);
    expect(await call('confirmPayment', request)).toMatchObject({ ok: false, error: { code: 'payment_confirming', retryable: false } });
    expect(simulator.getPayment(request.razorpayPaymentId)?.status).toBe('authorized');
    expect(services.ledger.get(request.donationId)?.state).toBe('authorized');
    expect(services.ledger.events(request.donationId).at(-1)).toMatchObject({ detail: { captureFailed: expect.any(String) } });
    simulator.faults.clear();
    await services.connectivity.whenOnline();
    expect(await call('confirmPayment', request)).toMatchObject({ ok: true });
    expect(simulator.getPayment(request.razorpayPaymentId)?.status).toBe('captured');
    await expectUsableAfterwards();
  });

  it('response lost on capture → the re-fetch shows it captured: success, captured once', async () => {
    const { services, simulator } = await startKiosk({ autoCapture: false });
    const request = pay(await openCheckout());
    inject('payments.capture', { kind: 'response_lost' });
    expect(await call('confirmPayment', request)).toMatchObject({ ok: true });
    expect(simulator.getPayment(request.razorpayPaymentId)?.status).toBe('captured');
    expect(services.ledger.get(request.donationId)?.state).toBe('paid');
  });
});

describe("fault matrix: the order's payments (reconciliation)", () => {
  it.each(FAULTS)('%s → the pass ends cleanly, the ledger unchanged; the next pass recovers the payment', async (_label, _code, fault) => {
    const { services, simulator } = await startKiosk();
    const session = await openCheckout();
    simulator.faults.inject('checkout.pay', { kind: 'late_authorisation' }, { times: 1 });
    const failed = simulator.pay({ keyId: UNIT_KEY_ID, orderId: session.options.order_id, method: 'card', outcome: 'success' });
    const paymentId = failed.ok ? '' : (failed.error.metadata.payment_id ?? '');
    await call('recordPaymentFailure', { donationId: session.donationId, failure: { code: 'BAD_REQUEST_ERROR', paymentId } });
    simulator.lateAuthorise(paymentId);
    inject('orders.payments', fault);
    const events = services.ledger.events(session.donationId).length;
    expect(await services.reconciler.runOnce()).toMatchObject({ settled: 0 });
    expect(services.ledger.get(session.donationId)?.state).toBe('payment_failed');
    expect(services.ledger.events(session.donationId)).toHaveLength(events);
    simulator.faults.clear();
    await services.connectivity.whenOnline();
    await services.reconciler.runOnce();
    expect(services.ledger.get(session.donationId)).toMatchObject({ state: 'paid', paymentId });
    await expectUsableAfterwards();
  });
});

describe('fault matrix: Razorpay unreachable (refused, DNS)', () => {
  it('refused → gateway_unavailable and an order_failed row; then offline: no donation starts and none is written; back by itself', async () => {
    const { services, simulator, logLines } = await startKiosk();
    const port = Number(new URL(simulator.baseUrl).port);
    await simulator.close();
    expect(await start()).toMatchObject({ ok: false, error: { code: 'gateway_unavailable' } });
    expect(services.ledger.list()).toHaveLength(1);
    expect(services.ledger.list()[0]).toMatchObject({ state: 'order_failed' });
    expect(await call('getKioskStatus', null)).toEqual({ ok: true, value: { online: false, acceptingDonations: false } });
    // Refused, or reset when the closing server drops a kept-alive connection: no answer either way.
    expect(logLines).toContainEqual(expect.stringMatching(/^connectivity: offline \(network (refused|reset)/));

    expect(await start()).toMatchObject({ ok: false, error: { code: 'kiosk_unavailable' } });
    expect(services.ledger.list()).toHaveLength(1);

    // The network returns (same address, Razorpay answering again): the probe notices.
    const back = await startRazorpaySimulator({ port });
    back.addKey(UNIT_KEY_ID, UNIT_KEY_SECRET);
    extraCleanup.push(() => back.close());
    await services.connectivity.whenOnline();
    // ...and a reconciliation pass follows by itself: it checks the failed attempt against Razorpay.
    const online = logLines.indexOf('connectivity: online');
    expect(online).toBeGreaterThan(0);
    await vi.waitFor(() => expect(logLines.slice(online).some((l) => l.startsWith('reconciliation: pass complete: checked 1'))).toBe(true), { timeout: 5_000, interval: 20 });
    const started = await start();
    expect(started).toMatchObject({ ok: true });
    expect(back.listOrders()).toHaveLength(1);
  });

  it('DNS failure → gateway_unavailable, an order_failed row that says dns, and the kiosk goes offline', async () => {
    await startKiosk();
    const { dataDir, simulator } = running();
    const lines: string[] = [];
    await running().services.close();
    const services: KioskServices = await startKioskServices({
      dataDir,
      env: { KIOSK_RAZORPAY_KEY_ID: UNIT_KEY_ID, KIOSK_RAZORPAY_KEY_SECRET: UNIT_KEY_SECRET, KIOSK_RAZORPAY_API_URL: 'http://api.razorpay-kiosk-test.invalid', KIOSK_CHECKOUT_SCRIPT_URL: simulator.checkoutScriptUrl },
      log: (line) => lines.push(line),
    });
    extraCleanup.push(() => services.close());
    const reply = await services.dispatch('startDonation', { amountRupees: 500, donor: { anonymous: true } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'gateway_unavailable' } });
    const [row] = services.ledger.list();
    expect(row?.state).toBe('order_failed');
    expect(services.ledger.events(row?.id ?? '').at(-1)?.detail).toMatchObject({ gatewayError: { kind: 'network', cause: 'dns' } });
    expect(services.health.status()).toEqual({ online: false, acceptingDonations: false });
    expect(await services.dispatch('startDonation', { amountRupees: 500, donor: { anonymous: true } })).toMatchObject({ ok: false, error: { code: 'kiosk_unavailable' } });
    expect(services.ledger.list()).toHaveLength(1);
    expect(lines.join('\n')).not.toContain(UNIT_KEY_SECRET);
  });
});

describe('refused transitions', () => {
  it('a late "donor closed Checkout" after the payment was captured changes nothing', async () => {
    const { services } = await startKiosk();
    const request = pay(await openCheckout());
    expect(await call('confirmPayment', request)).toMatchObject({ ok: true });
    expect(await call('cancelDonation', { donationId: request.donationId, reason: 'donor_closed' })).toEqual({ ok: true, value: null });
    expect(services.ledger.get(request.donationId)?.state).toBe('paid');
    expect(services.ledger.countRefusedTransitions(request.donationId)).toBe(0);
  });

  it('a step the state machine refuses is answered illegal_state, kept in the ledger and logged', async () => {
    const { services, logLines } = await startKiosk();
    const session = await openCheckout();
    expect(services.ledger.transition(session.donationId, 'expired', 'reconciliation').ok).toBe(true);
    expect(await call('cancelDonation', { donationId: session.donationId, reason: 'donor_closed' })).toMatchObject({ ok: false, error: { code: 'illegal_state' } });
    expect(services.ledger.get(session.donationId)?.state).toBe('expired');
    expect(services.ledger.countRefusedTransitions(session.donationId)).toBe(1);
    expect(logLines).toContain(`donation ${session.donationId}: refused transition to closed_by_donor (source donor): expired -> closed_by_donor is not allowed`);
  });
});
