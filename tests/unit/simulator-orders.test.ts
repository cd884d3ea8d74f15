// The simulator's Orders API, driven through the real razorpay SDK over HTTP
// (base-URL seam, razorpay.md §4.3) and plain fetch: auth, every §1.1 rule with
// its exact message, fetch, list filters, unknown routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Razorpay from 'razorpay';
import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import { startRazorpaySimulator } from '../../src-main/simulator/index.ts';
import type { RazorpaySimulator } from '../../src-main/simulator/index.ts';

type Key = { keyId: string; keySecret: string };

let sim: RazorpaySimulator;
let key: Key;
let otherKey: Key;
let receiptCounter = 0;
const nextReceipt = () => `orders-test-${++receiptCounter}`;

beforeAll(async () => {
  sim = await startRazorpaySimulator({ port: 0 });
  key = sim.createTestKey();
  otherKey = sim.createTestKey();
});
afterAll(() => sim.close());

function sdk(k: Key): Razorpay {
  const rz = new Razorpay({ key_id: k.keyId, key_secret: k.keySecret });
  (rz.api as unknown as { rq: AxiosInstance }).rq.defaults.baseURL = sim.baseUrl;
  return rz;
}

function basic(k: Key): string {
  return `Basic ${Buffer.from(`${k.keyId}:${k.keySecret}`).toString('base64')}`;
}

async function call(method: string, path: string, options: { body?: unknown; rawBody?: string; auth?: string | null } = {}) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const auth = options.auth === undefined ? basic(key) : options.auth;
  if (auth !== null) headers.Authorization = auth;
  const res = await fetch(`${sim.baseUrl}${path}`, {
    method,
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await res.text();
  return { status: res.status, contentType: res.headers.get('content-type'), json: JSON.parse(text) as Record<string, unknown> };
}

/** The SDK rejects with a plain `{statusCode, error}` object (razorpay.md §4.2). */
async function rejection(promise: Promise<unknown>): Promise<{ statusCode: number; error: Record<string, unknown> | undefined }> {
  try {
    await promise;
  } catch (err) {
    return err as { statusCode: number; error: Record<string, unknown> | undefined };
  }
  throw new Error('expected a rejection');
}

function validationError(description: string, extra: Record<string, unknown> = {}) {
  return {
    error: {
      code: 'BAD_REQUEST_ERROR',
      description,
      source: 'business',
      step: 'payment_initiation',
      reason: 'input_validation_failed',
      metadata: {},
      ...extra,
    },
  };
}

const AUTH_FAILED = {
  error: { code: 'BAD_REQUEST_ERROR', description: 'Authentication failed', source: 'NA', step: 'NA', reason: 'NA', metadata: {} },
};
const NOT_FOUND = {
  error: {
    code: 'BAD_REQUEST_ERROR',
    description: 'The requested URL was not found on the server.',
    source: 'NA',
    step: 'NA',
    reason: 'NA',
    metadata: {},
  },
};

const orderSchema = z
  .object({
    id: z.string().regex(/^order_[A-Za-z0-9]{14}$/),
    entity: z.literal('order'),
    amount: z.number().int(),
    amount_paid: z.number().int(),
    amount_due: z.number().int(),
    currency: z.string().length(3),
    receipt: z.string().nullable(),
    offer_id: z.null(),
    status: z.enum(['created', 'attempted', 'paid']),
    attempts: z.number().int(),
    notes: z.union([z.tuple([]), z.record(z.string(), z.string())]),
    created_at: z.number().int(),
  })
  .strict();

describe('authentication', () => {
  it.each([
    ['no Authorization header', null],
    ['a wrong secret', `Basic ${Buffer.from('x:y').toString('base64')}`],
    ['lowercase scheme', () => basic(key).replace('Basic', 'basic')],
    ['uppercase scheme', () => basic(key).replace('Basic', 'BASIC')],
    ['a quoted token', () => `Basic "${basic(key).slice(6)}"`],
    ['a Bearer token', 'Bearer abc'],
  ] as const)('answers 401 Authentication failed for %s', async (_name, auth) => {
    const header = typeof auth === 'function' ? auth() : auth;
    const res = await call('POST', '/v1/orders', { body: { amount: 100, currency: 'INR' }, auth: header });
    expect(res.status).toBe(401);
    expect(res.contentType).toMatch(/^application\/json/);
    expect(res.json).toEqual(AUTH_FAILED);
  });

  it('rejects a known key with the wrong secret through the SDK', async () => {
    const err = await rejection(sdk({ keyId: key.keyId, keySecret: 'not-the-secret' }).orders.create({ amount: 100, currency: 'INR' }));
    expect(err).toEqual({ statusCode: 401, error: AUTH_FAILED.error });
  });

  it('accepts registered keys of any length Razorpay accepts, and refuses others', async () => {
    sim.addKey('rzp_test_UnitKioskKey01', 's3cret');
    const res = await call('GET', '/v1/orders', { auth: basic({ keyId: 'rzp_test_UnitKioskKey01', keySecret: 's3cret' }) });
    expect(res.status).toBe(200);
    expect(() => sim.addKey('rzp_test_short', 's')).toThrow(/Invalid key id/);
    expect(() => sim.addKey('rzp_test_AAAAAAAAAAAAAA', '')).toThrow(/secret/);
  });

  it('creates rzp_test_ keys with 14 base62 characters', () => {
    const k = sim.createTestKey();
    expect(k.keyId).toMatch(/^rzp_test_[A-Za-z0-9]{14}$/);
    expect(k.keySecret.length).toBeGreaterThanOrEqual(20);
  });
});

describe('POST /v1/orders', () => {
  it('creates an order with the documented entity shape', async () => {
    const before = Math.floor(Date.now() / 1000);
    const order = await sdk(key).orders.create({ amount: 29900, currency: 'INR', receipt: nextReceipt() });
    expect(orderSchema.parse(order)).toBeTruthy();
    expect(order).toMatchObject({ amount: 29900, amount_due: 29900, amount_paid: 0, attempts: 0, status: 'created', notes: [], offer_id: null });
    expect(order.created_at).toBeGreaterThanOrEqual(before);
    expect(order.created_at).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it('returns notes as an object when there are some, and defaults currency to INR through the SDK', async () => {
    const order = await sdk(key).orders.create({ amount: 100, receipt: nextReceipt(), notes: { kiosk: 'K1', n: 5 } } as never);
    expect(order.currency).toBe('INR');
    expect(order.notes).toEqual({ kiosk: 'K1', n: '5' });
  });

  it('accepts an order without a receipt (receipt null)', async () => {
    const res = await call('POST', '/v1/orders', { body: { amount: 100, currency: 'INR' } });
    expect(res.status).toBe(200);
    expect(res.json.receipt).toBeNull();
  });

  const long = (n: number) => 'x'.repeat(n);
  const manyNotes = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));

  it.each([
    ['fractional amount', { amount: 100.5, currency: 'INR' }, 'The amount must be an integer.', 'amount'],
    ['amount as a string', { amount: '100', currency: 'INR' }, 'The amount must be an integer.', 'amount'],
    ['missing amount', { currency: 'INR' }, 'The amount field is required.', 'amount'],
    ['amount below ₹1', { amount: 99, currency: 'INR' }, 'The amount must be at least INR 1.00', 'amount'],
    ['amount above the maximum', { amount: 50_000_001, currency: 'INR' }, 'Amount exceeds maximum amount allowed.', 'amount'],
    ['numeric currency', { amount: 100, currency: 1 }, 'expected string but provided 1', 'currency'],
    ['long currency', { amount: 100, currency: 'RUPEE' }, 'The currency must be 3 characters.', 'currency'],
    ['missing currency', { amount: 100 }, 'The currency field is required.', 'currency'],
    ['receipt over 40 characters', { amount: 100, currency: 'INR', receipt: long(41) }, 'The receipt may not be greater than 40 characters.', 'receipt'],
    ['non-string receipt', { amount: 100, currency: 'INR', receipt: 42 }, 'The receipt must be a string.', 'receipt'],
    ['16 notes', { amount: 100, currency: 'INR', notes: manyNotes(16) }, 'Number of fields in notes should be less than or equal to 15', 'notes'],
    ['note key over 255', { amount: 100, currency: 'INR', notes: { [long(256)]: 'v' } }, 'Notes key cannot be greater than 255 characters', 'notes'],
    ['note value over 512', { amount: 100, currency: 'INR', notes: { k: long(513) } }, 'Notes value cannot be greater than 512 characters', 'notes'],
    ['array note value', { amount: 100, currency: 'INR', notes: { k: ['a'] } }, 'Notes values themselves should not be an array', 'notes'],
    ['object note value', { amount: 100, currency: 'INR', notes: { k: { a: 1 } } }, 'Notes values themselves should not be an array', 'notes'],
    ['notes as a string', { amount: 100, currency: 'INR', notes: 'hello' }, 'The notes must be an array.', 'notes'],
  ])('rejects %s with 400 "%s"', async (_name, body, description, field) => {
    const ordersBefore = sim.listOrders().length;
    const res = await call('POST', '/v1/orders', { body });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(validationError(description, { field }));
    expect(sim.listOrders()).toHaveLength(ordersBefore);
  });

  it.each([
    ['amount of exactly ₹1', { amount: 100, currency: 'INR' }],
    ['receipt of exactly 40 characters', { amount: 100, currency: 'INR', receipt: `r-${'y'.repeat(38)}` }],
    ['15 notes', { amount: 100, currency: 'INR', notes: manyNotes(15) }],
    ['note key of 255 and value of 512', { amount: 100, currency: 'INR', notes: { [long(255)]: long(512) } }],
    ['empty notes array', { amount: 100, currency: 'INR', notes: [] }],
    ['amount of exactly the maximum', { amount: 50_000_000, currency: 'INR' }],
  ])('accepts %s', async (_name, body) => {
    const res = await call('POST', '/v1/orders', { body });
    expect(res.status).toBe(200);
  });

  it('rejects unknown fields with reason extra_field_sent', async () => {
    const res = await call('POST', '/v1/orders', { body: { amount: 100, currency: 'INR', callback_url: 'https://x' } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(validationError('callback_url is/are not required and should not be sent', { reason: 'extra_field_sent' }));
  });

  it('rejects a body that is not JSON', async () => {
    const res = await call('POST', '/v1/orders', { rawBody: '{"amount":' });
    expect(res.status).toBe(400);
    expect((res.json.error as { code: string }).code).toBe('BAD_REQUEST_ERROR');
  });

  it('honours a configured maximum amount', async () => {
    const small = await startRazorpaySimulator({ maxAmountPaise: 1000 });
    try {
      const k = small.createTestKey();
      const rz = new Razorpay({ key_id: k.keyId, key_secret: k.keySecret });
      (rz.api as unknown as { rq: AxiosInstance }).rq.defaults.baseURL = small.baseUrl;
      expect((await rz.orders.create({ amount: 1000, currency: 'INR' })).amount).toBe(1000);
      expect(await rejection(rz.orders.create({ amount: 1001, currency: 'INR' }))).toEqual({
        statusCode: 400,
        error: validationError('Amount exceeds maximum amount allowed.', { field: 'amount' }).error,
      });
    } finally {
      await small.close();
    }
  });

  it('requires receipts to be unique per key, not across keys', async () => {
    const receipt = nextReceipt();
    await sdk(key).orders.create({ amount: 100, currency: 'INR', receipt });
    const err = await rejection(sdk(key).orders.create({ amount: 100, currency: 'INR', receipt }));
    expect(err).toEqual({ statusCode: 400, error: validationError('Order receipt should be unique.', { field: 'receipt' }).error });
    await expect(sdk(otherKey).orders.create({ amount: 100, currency: 'INR', receipt })).resolves.toMatchObject({ receipt });
  });
});

describe('GET /v1/orders/:id', () => {
  it('fetches an order of the same key', async () => {
    const created = await sdk(key).orders.create({ amount: 500, currency: 'INR', receipt: nextReceipt() });
    expect(await sdk(key).orders.fetch(created.id)).toEqual(created);
  });

  it('answers "<id> is not a valid id" for malformed ids', async () => {
    const err = await rejection(sdk(key).orders.fetch('order_123'));
    expect(err).toEqual({ statusCode: 400, error: validationError('order_123 is not a valid id').error });
  });

  it('answers "The id provided does not exist" for unknown ids and for other keys\' orders', async () => {
    const mine = await sdk(key).orders.create({ amount: 500, currency: 'INR', receipt: nextReceipt() });
    for (const [k, id] of [
      [key, 'order_ABCDEFGHIJKLMN'],
      [otherKey, mine.id],
    ] as const) {
      expect(await rejection(sdk(k).orders.fetch(id))).toEqual({
        statusCode: 400,
        error: validationError('The id provided does not exist').error,
      });
    }
  });

  it('lists an order\'s payments as a collection', async () => {
    const order = await sdk(key).orders.create({ amount: 500, currency: 'INR', receipt: nextReceipt() });
    expect(await sdk(key).orders.fetchPayments(order.id)).toEqual({ entity: 'collection', count: 0, items: [] });
    const err = await rejection(sdk(otherKey).orders.fetchPayments(order.id));
    expect(err.error?.description).toBe('The id provided does not exist');
  });
});

describe('GET /v1/orders', () => {
  let listKey: Key;
  const ids: string[] = [];

  beforeAll(async () => {
    listKey = sim.createTestKey();
    for (let i = 0; i < 5; i++) ids.push((await sdk(listKey).orders.create({ amount: 100 + i, currency: 'INR', receipt: `list-${i}` })).id);
  });

  it('lists the key\'s own orders, newest first, 10 by default', async () => {
    const list = await sdk(listKey).orders.all();
    expect(list.entity).toBe('collection');
    expect(list.items.map((o) => o.id)).toEqual([...ids].reverse());
    expect(list.count).toBe(5);
  });

  it('filters by receipt (the reconciliation handle)', async () => {
    const list = await sdk(listKey).orders.all({ receipt: 'list-2' });
    expect(list.items.map((o) => o.id)).toEqual([ids[2]]);
    expect((await sdk(key).orders.all({ receipt: 'list-2' })).items).toEqual([]);
  });

  it('pages with count and skip', async () => {
    const page = await sdk(listKey).orders.all({ count: 2, skip: 1 });
    expect(page.items.map((o) => o.id)).toEqual([ids[3], ids[2]]);
  });

  it('refuses more than 100 per page', async () => {
    const err = await rejection(sdk(listKey).orders.all({ count: 101 }));
    expect(err).toEqual({ statusCode: 400, error: validationError('The count may not be greater than 100.', { field: 'count' }).error });
    expect((await sdk(listKey).orders.all({ count: 100 })).count).toBe(5);
  });

  it('rejects non-integer paging parameters', async () => {
    const res = await call('GET', '/v1/orders?count=abc', { auth: basic(listKey) });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(validationError('The count must be an integer.', { field: 'count' }));
  });

  it('filters by from/to (Unix seconds, inclusive)', async () => {
    const createdAt = (await sdk(listKey).orders.fetch(ids[0] ?? '')).created_at;
    expect((await sdk(listKey).orders.all({ from: createdAt - 100 })).count).toBe(5);
    expect((await sdk(listKey).orders.all({ from: createdAt + 100 })).count).toBe(0);
    expect((await sdk(listKey).orders.all({ to: createdAt - 100 })).count).toBe(0);
    expect((await sdk(listKey).orders.all({ to: createdAt + 100 })).count).toBe(5);
  });

  it('filters by authorized=1/0', async () => {
    const paidId = ids[1] ?? '';
    expect(sim.pay({ keyId: listKey.keyId, orderId: paidId, method: 'upi', outcome: 'success' }).ok).toBe(true);
    const failedId = ids[3] ?? '';
    expect(sim.pay({ keyId: listKey.keyId, orderId: failedId, method: 'upi', outcome: 'failure' }).ok).toBe(false);
    const authorized = await call('GET', '/v1/orders?authorized=1', { auth: basic(listKey) });
    expect((authorized.json.items as Array<{ id: string }>).map((o) => o.id)).toEqual([paidId]);
    const notAuthorized = await call('GET', '/v1/orders?authorized=0', { auth: basic(listKey) });
    expect((notAuthorized.json.items as Array<{ id: string }>).map((o) => o.id)).not.toContain(paidId);
    expect(notAuthorized.json.count).toBe(4);
  });
});

describe('unknown routes', () => {
  it.each([
    ['GET', '/v1/nothing-here'],
    ['GET', '/v2/orders'],
    ['DELETE', '/v1/orders'],
    ['POST', '/v1/orders/order_ABCDEFGHIJKLMN'],
    ['GET', '/'],
  ])('%s %s answers 400 "The requested URL was not found on the server."', async (method, path) => {
    const res = await call(method, path);
    expect(res.status).toBe(400);
    expect(res.json).toEqual(NOT_FOUND);
  });

  it('answers the same without credentials', async () => {
    const res = await call('GET', '/v1/nothing-here', { auth: null });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(NOT_FOUND);
  });

  it('listens on 127.0.0.1 only', () => {
    expect(sim.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.checkoutScriptUrl).toBe(`${sim.baseUrl}/v1/checkout.js`);
  });
});
