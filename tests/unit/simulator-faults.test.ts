// Injected faults (razorpay.md §1.4, §4.2, §9): what the real SDK sees for each
// kind, per route, with `times`, queues, clearing, and the HTTP control endpoint.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Razorpay from 'razorpay';
import type { AxiosInstance } from 'axios';
import { startRazorpaySimulator, FAULT_ROUTES } from '../../src-main/simulator/index.ts';
import type { Fault, FaultRoute, RazorpaySimulator } from '../../src-main/simulator/index.ts';

type Key = { keyId: string; keySecret: string };

let sim: RazorpaySimulator;
let key: Key;
let receiptCounter = 0;
const nextReceipt = () => `faults-test-${++receiptCounter}`;

beforeAll(async () => {
  sim = await startRazorpaySimulator();
  key = sim.createTestKey();
});
afterAll(() => sim.close());
beforeEach(() => sim.faults.clear());

function sdk(timeoutMs?: number, s: RazorpaySimulator = sim, k: Key = key): Razorpay {
  const rz = new Razorpay({ key_id: k.keyId, key_secret: k.keySecret });
  const rq = (rz.api as unknown as { rq: AxiosInstance }).rq;
  rq.defaults.baseURL = s.baseUrl;
  if (timeoutMs !== undefined) rq.defaults.timeout = timeoutMs;
  return rz;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

const NETWORK_ERROR = "Cannot read properties of undefined (reading 'status')";

function auth(k: Key = key): string {
  return `Basic ${Buffer.from(`${k.keyId}:${k.keySecret}`).toString('base64')}`;
}

async function paidOrder(capture: 'automatic' | 'manual' = 'automatic') {
  const order = await sdk().orders.create({ amount: 1000, currency: 'INR', receipt: nextReceipt(), payment: { capture } } as never);
  const paid = sim.pay({ keyId: key.keyId, orderId: order.id, method: 'upi', outcome: 'success' });
  if (!paid.ok) throw new Error('payment should succeed');
  return { orderId: order.id, paymentId: paid.paymentId };
}

/**
 * One request per route, as the kiosk (or Checkout) would make it. Setup (orders,
 * payments) happens here, before any fault is injected; the returned function sends it.
 */
async function prepare(route: FaultRoute): Promise<() => Promise<Response>> {
  const headers = { Authorization: auth(), 'Content-Type': 'application/json' };
  // Manual capture keeps the payment capturable for payments.capture.
  const { orderId, paymentId } = await paidOrder(route === 'payments.capture' ? 'manual' : 'automatic');
  const unpaid = await sdk().orders.create({ amount: 1000, currency: 'INR' });
  switch (route) {
    case 'orders.create':
      return () => fetch(`${sim.baseUrl}/v1/orders`, { method: 'POST', headers, body: JSON.stringify({ amount: 100, currency: 'INR' }) });
    case 'orders.fetch':
      return () => fetch(`${sim.baseUrl}/v1/orders/${orderId}`, { headers });
    case 'orders.list':
      return () => fetch(`${sim.baseUrl}/v1/orders?count=10&skip=0`, { headers });
    case 'orders.payments':
      return () => fetch(`${sim.baseUrl}/v1/orders/${orderId}/payments`, { headers });
    case 'payments.list':
      return () => fetch(`${sim.baseUrl}/v1/payments?count=10&skip=0`, { headers });
    case 'payments.fetch':
      return () => fetch(`${sim.baseUrl}/v1/payments/${paymentId}`, { headers });
    case 'payments.capture':
      return () =>
        fetch(`${sim.baseUrl}/v1/payments/${paymentId}/capture`, { method: 'POST', headers, body: JSON.stringify({ amount: 1000, currency: 'INR' }) });
    case 'checkout.script':
      return () => fetch(sim.checkoutScriptUrl);
    case 'checkout.frame':
      return () => fetch(`${sim.baseUrl}/v1/checkout/public`);
    case 'checkout.preferences':
      return () => fetch(`${sim.baseUrl}/v1/preferences?key_id=${key.keyId}&order_id=${unpaid.id}`);
    case 'checkout.pay':
      return () =>
        fetch(`${sim.baseUrl}/_checkout/pay`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: sim.baseUrl },
          body: JSON.stringify({ key_id: key.keyId, order_id: unpaid.id, method: 'upi', outcome: 'success' }),
        });
  }
}

describe('status faults', () => {
  it.each([
    [500, 'SERVER_ERROR', 'The server encountered an error. The incident has been reported to admins.'],
    [502, 'GATEWAY_ERROR', expect.any(String)],
    [504, 'GATEWAY_ERROR', expect.any(String)],
    [429, 'BAD_REQUEST_ERROR', 'Request failed. Please try after sometime.'],
  ] as const)('%i json reaches the SDK as {statusCode, error:{code:%s}}', async (status, code, description) => {
    sim.faults.inject('orders.create', { kind: 'status', status, body: 'json' });
    const err = await rejection(sdk().orders.create({ amount: 100, currency: 'INR' }));
    expect(err).toEqual({ statusCode: status, error: { code, description, source: 'NA', step: 'NA', reason: 'NA', metadata: {} } });
  });

  it.each([500, 502, 504, 429] as const)('%i html reaches the SDK without an error object', async (status) => {
    sim.faults.inject('orders.fetch', { kind: 'status', status, body: 'html' });
    const err = await rejection(sdk().orders.fetch('order_ABCDEFGHIJKLMN'));
    expect(err).toEqual({ statusCode: status, error: undefined });
    const res = await fetch(`${sim.baseUrl}/v1/orders/order_ABCDEFGHIJKLMN`, { headers: { Authorization: auth() } });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(await res.text()).toMatch(new RegExp(`<h1>${status} `));
  });

  it('happen before authentication, as at a load balancer', async () => {
    sim.faults.inject('orders.list', { kind: 'status', status: 502, body: 'html' });
    const res = await fetch(`${sim.baseUrl}/v1/orders`);
    expect(res.status).toBe(502);
  });
});

describe('connection faults', () => {
  it('reset: the SDK fails with its network TypeError and nothing is created', async () => {
    const before = sim.listOrders().length;
    sim.faults.inject('orders.create', { kind: 'reset' });
    const err = await rejection(sdk().orders.create({ amount: 100, currency: 'INR', receipt: nextReceipt() }));
    expect(err).toBeInstanceOf(TypeError);
    expect((err as Error).message).toBe(NETWORK_ERROR);
    expect(sim.listOrders()).toHaveLength(before);
  });

  it('hang: never answers; with an axios timeout the SDK fails with the same TypeError', async () => {
    sim.faults.inject('orders.fetch', { kind: 'hang' });
    const started = Date.now();
    const err = await rejection(sdk(200).orders.fetch('order_ABCDEFGHIJKLMN'));
    expect(err).toBeInstanceOf(TypeError);
    expect((err as Error).message).toBe(NETWORK_ERROR);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('hang: does not keep the simulator from closing', async () => {
    const other = await startRazorpaySimulator();
    const k = other.createTestKey();
    other.faults.inject('orders.create', { kind: 'hang' }, { times: 1 });
    const pending = rejection(sdk(undefined, other, k).orders.create({ amount: 100, currency: 'INR' }));
    // The fault is used up once the request has reached the simulator.
    await expect.poll(() => other.faults.list().length).toBe(0);
    await other.close();
    const err = await pending;
    expect((err as Error).message).toBe(NETWORK_ERROR);
  });

  it('response_lost: commits the order, drops the answer; the order is then found by receipt', async () => {
    const receipt = nextReceipt();
    sim.faults.inject('orders.create', { kind: 'response_lost' }, { times: 1 });
    const err = await rejection(sdk().orders.create({ amount: 4200, currency: 'INR', receipt }));
    expect((err as Error).message).toBe(NETWORK_ERROR);

    const found = await sdk().orders.all({ receipt });
    expect(found.count).toBe(1);
    expect(found.items[0]).toMatchObject({ receipt, amount: 4200, status: 'created' });
    // A blind retry would be refused: the receipt is the idempotency handle (razorpay.md §8).
    expect(await rejection(sdk().orders.create({ amount: 4200, currency: 'INR', receipt }))).toMatchObject({
      statusCode: 400,
      error: { description: 'Order receipt should be unique.' },
    });
  });

  it('response_lost on capture: the payment is captured although the client saw no answer', async () => {
    const manual = await startRazorpaySimulator({ autoCapture: false });
    try {
      const k = manual.createTestKey();
      const order = await sdk(undefined, manual, k).orders.create({ amount: 1000, currency: 'INR' });
      const paid = manual.pay({ keyId: k.keyId, orderId: order.id, method: 'upi', outcome: 'success' });
      if (!paid.ok) throw new Error('payment should succeed');
      manual.faults.inject('payments.capture', { kind: 'response_lost' });
      const err = await rejection(sdk(undefined, manual, k).payments.capture(paid.paymentId, 1000, 'INR'));
      expect((err as Error).message).toBe(NETWORK_ERROR);
      expect(manual.getPayment(paid.paymentId)?.status).toBe('captured');
    } finally {
      await manual.close();
    }
  });

  it('latency: answers normally, later', async () => {
    sim.faults.inject('orders.list', { kind: 'latency', ms: 150 });
    const started = Date.now();
    const list = await sdk().orders.all();
    expect(list.entity).toBe('collection');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });
});

describe('fault routes', () => {
  it.each(FAULT_ROUTES.map((r) => [r]))('%s can be disturbed, and only that route', async (route) => {
    const requests = new Map<FaultRoute, () => Promise<Response>>();
    for (const r of FAULT_ROUTES) requests.set(r, await prepare(r));
    sim.faults.inject(route, { kind: 'status', status: 500, body: 'json' });
    for (const [r, send] of requests) {
      const res = await send();
      expect([r, res.status]).toEqual([r, r === route ? 500 : 200]);
      if (r === route) expect(await res.json()).toMatchObject({ error: { code: 'SERVER_ERROR' } });
    }
  });

  it('checkout.script can answer 404, as a missing script would', async () => {
    sim.faults.inject('checkout.script', { kind: 'status', status: 404, body: 'html' });
    const res = await fetch(sim.checkoutScriptUrl);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('404 Not Found');
  });

  it('checkout.pay reset leaves no payment behind; response_lost leaves one', async () => {
    const reset = await prepare('checkout.pay');
    const lost = await prepare('checkout.pay');
    const before = sim.listPayments().length;
    sim.faults.inject('checkout.pay', { kind: 'reset' }, { times: 1 });
    await expect(reset()).rejects.toThrow();
    expect(sim.listPayments()).toHaveLength(before);
    sim.faults.inject('checkout.pay', { kind: 'response_lost' }, { times: 1 });
    await expect(lost()).rejects.toThrow();
    expect(sim.listPayments()).toHaveLength(before + 1);
    expect(sim.listPayments().at(-1)?.status).toBe('captured');
  });
});

describe('the fault controller', () => {
  it('applies a fault `times` times, then the next queued fault, then none', async () => {
    sim.faults.inject('orders.list', { kind: 'status', status: 500, body: 'json' }, { times: 2 });
    sim.faults.inject('orders.list', { kind: 'status', status: 429, body: 'json' }, { times: 1 });
    expect(sim.faults.list()).toEqual([
      { route: 'orders.list', fault: { kind: 'status', status: 500, body: 'json' }, remaining: 2 },
      { route: 'orders.list', fault: { kind: 'status', status: 429, body: 'json' }, remaining: 1 },
    ]);
    const statuses: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(await sdk().orders.all().then(() => 200, (err: { statusCode: number }) => err.statusCode));
    }
    expect(statuses).toEqual([500, 500, 429, 200]);
    expect(sim.faults.list()).toEqual([]);
  });

  it('keeps a fault without `times` until cleared, per route or all at once', async () => {
    sim.faults.inject('orders.list', { kind: 'status', status: 500, body: 'json' });
    sim.faults.inject('orders.fetch', { kind: 'status', status: 500, body: 'json' });
    for (let i = 0; i < 3; i++) expect(await rejection(sdk().orders.all())).toMatchObject({ statusCode: 500 });
    sim.faults.clear('orders.list');
    expect((await sdk().orders.all()).entity).toBe('collection');
    expect(sim.faults.list().map((f) => f.route)).toEqual(['orders.fetch']);
    sim.faults.clear();
    expect(sim.faults.list()).toEqual([]);
  });

  it.each([
    ['late_authorisation outside checkout.pay', 'orders.create', { kind: 'late_authorisation' }, {}],
    ['an unknown status', 'orders.create', { kind: 'status', status: 418, body: 'json' }, {}],
    ['negative latency', 'orders.create', { kind: 'latency', ms: -1 }, {}],
    ['zero times', 'orders.create', { kind: 'reset' }, { times: 0 }],
    ['an unknown route', 'orders.delete', { kind: 'reset' }, {}],
    ['an unknown kind', 'orders.create', { kind: 'explode' }, {}],
  ])('refuses %s', (_name, route, fault, options) => {
    expect(() => sim.faults.inject(route as FaultRoute, fault as Fault, options)).toThrow(TypeError);
    expect(sim.faults.list()).toEqual([]);
  });
});

describe('the HTTP control endpoint', () => {
  const TOKEN = 'control-token-for-tests';
  let controlled: RazorpaySimulator;
  let k: Key;

  beforeAll(async () => {
    controlled = await startRazorpaySimulator({ controlToken: TOKEN });
    k = controlled.createTestKey();
  });
  afterAll(() => controlled.close());

  const control = (method: string, path: string, body?: unknown, token: string | null = TOKEN) =>
    fetch(`${controlled.baseUrl}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token === null ? {} : { 'X-Simulator-Control': token }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('does not exist without a control token', async () => {
    const res = await fetch(`${sim.baseUrl}/_simulator/faults`, {
      method: 'POST',
      headers: { 'X-Simulator-Control': '' },
      body: JSON.stringify({ route: 'orders.create', fault: { kind: 'reset' } }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { description: 'The requested URL was not found on the server.' } });
    expect(sim.faults.list()).toEqual([]);
  });

  it('refuses requests without the right token', async () => {
    for (const token of [null, 'wrong', `${TOKEN}x`]) {
      const res = await control('POST', '/_simulator/faults', { route: 'orders.create', fault: { kind: 'reset' } }, token);
      expect(res.status).toBe(403);
    }
    expect(controlled.faults.list()).toEqual([]);
  });

  it('injects, lists and clears faults', async () => {
    const injected = await control('POST', '/_simulator/faults', { route: 'orders.create', fault: { kind: 'status', status: 429, body: 'json' }, times: 1 });
    expect(injected.status).toBe(200);
    expect(await (await control('GET', '/_simulator/faults')).json()).toEqual({
      faults: [{ route: 'orders.create', fault: { kind: 'status', status: 429, body: 'json' }, remaining: 1 }],
    });
    expect(await rejection(sdk(undefined, controlled, k).orders.create({ amount: 100, currency: 'INR' }))).toMatchObject({ statusCode: 429 });

    await control('POST', '/_simulator/faults', { route: 'orders.list', fault: { kind: 'reset' } });
    await control('POST', '/_simulator/faults', { route: 'orders.fetch', fault: { kind: 'reset' } });
    expect((await control('DELETE', '/_simulator/faults?route=orders.list')).status).toBe(200);
    expect(controlled.faults.list().map((f) => f.route)).toEqual(['orders.fetch']);
    expect((await control('DELETE', '/_simulator/faults')).status).toBe(200);
    expect(controlled.faults.list()).toEqual([]);
  });

  it('rejects malformed faults with 400', async () => {
    const res = await control('POST', '/_simulator/faults', { route: 'orders.create', fault: { kind: 'late_authorisation' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { description: expect.stringContaining('late_authorisation') } });
  });

  it('late-authorises a payment', async () => {
    const order = await sdk(undefined, controlled, k).orders.create({ amount: 1000, currency: 'INR' });
    const failed = controlled.pay({ keyId: k.keyId, orderId: order.id, method: 'upi', outcome: 'failure' });
    if (failed.ok) throw new Error('payment should fail');
    const paymentId = failed.error.metadata.payment_id;
    const res = await control('POST', '/_simulator/late-authorise', { paymentId });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ payment: { id: paymentId, status: 'captured' } });
    expect(controlled.getOrder(order.id)?.status).toBe('paid');
    const again = await control('POST', '/_simulator/late-authorise', { paymentId });
    expect(again.status).toBe(400);
  });
});
