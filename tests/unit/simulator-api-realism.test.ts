// REST behaviours of Razorpay the simulator must share (issue 12, items 6-8):
// unknown currencies refused as Razorpay words it, the older `payment_capture`
// flag, form-encoded bodies, GET /v1/payments and GET /v1/orders with their
// filters and paging (newest first), UPI's vpa, the card object only on
// request, and Checkout's notes and description kept on the payment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Razorpay from 'razorpay';
import type { AxiosInstance } from 'axios';
import { startRazorpaySimulator } from '../../src-main/simulator/index.ts';
import type { PaymentEntity, RazorpaySimulator } from '../../src-main/simulator/index.ts';

type Key = { keyId: string; keySecret: string };

let now = Date.UTC(2026, 1, 1, 9, 0, 0);
let sim: RazorpaySimulator;
let key: Key;
let rz: Razorpay;

beforeAll(async () => {
  sim = await startRazorpaySimulator({ now: () => now });
  key = sim.createTestKey();
  rz = new Razorpay({ key_id: key.keyId, key_secret: key.keySecret });
  (rz.api as unknown as { rq: AxiosInstance }).rq.defaults.baseURL = sim.baseUrl;
});
afterAll(() => sim.close());

const seconds = () => Math.floor(now / 1000);

async function call(method: string, path: string, init: { json?: unknown; form?: string; k?: Key } = {}) {
  const k = init.k ?? key;
  const headers: Record<string, string> = { Authorization: `Basic ${Buffer.from(`${k.keyId}:${k.keySecret}`).toString('base64')}` };
  let body: string | undefined;
  if (init.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(init.json);
  } else if (init.form !== undefined) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = init.form;
  }
  const res = await fetch(`${sim.baseUrl}${path}`, { method, headers, body });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

function badRequest(description: string, field: string) {
  return {
    error: { code: 'BAD_REQUEST_ERROR', description, source: 'business', step: 'payment_initiation', reason: 'input_validation_failed', metadata: {}, field },
  };
}

describe('order create: currencies, payment_capture, form bodies (item 7)', () => {
  it.each(['XYZ', 'ABC', 'inr'])('refuses the unknown currency %s with 400 "The selected currency is invalid."', async (currency) => {
    const before = sim.listOrders().length;
    const res = await call('POST', '/v1/orders', { json: { amount: 100, currency } });
    expect(res).toEqual({ status: 400, json: badRequest('The selected currency is invalid.', 'currency') });
    expect(sim.listOrders()).toHaveLength(before);
  });

  it.each(['INR', 'USD', 'EUR', 'SGD', 'AED'])('accepts %s', async (currency) => {
    expect((await call('POST', '/v1/orders', { json: { amount: 100, currency } })).status).toBe(200);
  });

  it('accepts payment_capture (older integrations) and refuses values that are not boolean', async () => {
    for (const value of [1, 0, true, false, '1', '0']) {
      expect([value, (await call('POST', '/v1/orders', { json: { amount: 100, currency: 'INR', payment_capture: value } })).status]).toEqual([value, 200]);
    }
    const res = await call('POST', '/v1/orders', { json: { amount: 100, currency: 'INR', payment_capture: 'yes' } });
    expect(res).toEqual({ status: 400, json: badRequest('The payment capture field must be true or false.', 'payment_capture') });
  });

  it('accepts a form-encoded body like JSON, nested notes and payment included', async () => {
    const res = await call('POST', '/v1/orders', {
      form: 'amount=29900&currency=INR&receipt=form-1&notes%5Bkiosk_id%5D=K1&notes%5Bcause%5D=Meals&payment%5Bcapture%5D=manual',
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ amount: 29900, amount_due: 29900, currency: 'INR', receipt: 'form-1', notes: { kiosk_id: 'K1', cause: 'Meals' } });
    const paid = sim.pay({ keyId: key.keyId, orderId: String(res.json.id), method: 'upi', outcome: 'success' });
    if (!paid.ok) throw new Error('payment should succeed');
    expect(sim.getPayment(paid.paymentId)?.status).toBe('authorized');
  });

  it('applies the same rules to form bodies, with the same messages', async () => {
    expect(await call('POST', '/v1/orders', { form: 'amount=100.5&currency=INR' })).toEqual({ status: 400, json: badRequest('The amount must be an integer.', 'amount') });
    expect(await call('POST', '/v1/orders', { form: 'amount=99&currency=INR' })).toEqual({ status: 400, json: badRequest('The amount must be at least INR 1.00', 'amount') });
    expect(await call('POST', '/v1/orders', { form: 'amount=100&currency=XYZ' })).toEqual({ status: 400, json: badRequest('The selected currency is invalid.', 'currency') });
    expect(await call('POST', '/v1/orders', { form: 'amount=100&currency=INR&notes%5Bk%5D%5B%5D=a' })).toEqual({
      status: 400,
      json: badRequest('Notes values themselves should not be an array', 'notes'),
    });
    const extra = await call('POST', '/v1/orders', { form: 'amount=100&currency=INR&callback_url=x' });
    expect(extra.json).toMatchObject({ error: { reason: 'extra_field_sent' } });
  });

  it('accepts a form-encoded capture', async () => {
    const order = await rz.orders.create({ amount: 1000, currency: 'INR', payment_capture: 0 } as never);
    const paid = sim.pay({ keyId: key.keyId, orderId: order.id, method: 'upi', outcome: 'success' });
    if (!paid.ok) throw new Error('payment should succeed');
    const res = await call('POST', `/v1/payments/${paid.paymentId}/capture`, { form: 'amount=1000&currency=INR' });
    expect(res).toMatchObject({ status: 200, json: { id: paid.paymentId, status: 'captured' } });
  });
});

describe('GET /v1/payments (item 8)', () => {
  let other: Key;
  const ids: string[] = [];
  let start = 0;

  beforeAll(async () => {
    other = sim.createTestKey();
    now += 3_600_000;
    start = seconds();
    // Five payments a minute apart, on five orders.
    for (let i = 0; i < 5; i++) {
      const order = await rz.orders.create({ amount: 10_000 + i, currency: 'INR' });
      const result = sim.pay({ keyId: key.keyId, orderId: order.id, method: 'upi', outcome: i === 2 ? 'failure' : 'success' });
      ids.push(result.ok ? result.paymentId : (result.error.metadata.payment_id ?? ''));
      now += 60_000;
    }
    // Another key's payment in the same minutes: never listed for this key.
    const foreign = await call('POST', '/v1/orders', { json: { amount: 100, currency: 'INR' }, k: other });
    sim.pay({ keyId: other.keyId, orderId: String(foreign.json.id), method: 'upi', outcome: 'success' });
  });

  const list = async (query: string) => {
    const res = await call('GET', `/v1/payments?${query}`);
    expect(res.status).toBe(200);
    return res.json as { entity: string; count: number; items: PaymentEntity[] };
  };

  it('lists the key\'s payments in a time range, newest first', async () => {
    const res = await list(`from=${start}&to=${start + 240}`);
    expect(res.entity).toBe('collection');
    expect(res.items.map((p) => p.id)).toEqual([...ids].reverse());
    expect(res.count).toBe(5);
    expect(res.items.map((p) => p.status)).toEqual(['captured', 'captured', 'failed', 'captured', 'captured']);
  });

  it('honours from and to (Unix seconds, inclusive)', async () => {
    expect((await list(`from=${start + 60}&to=${start + 180}`)).items.map((p) => p.id)).toEqual([ids[3], ids[2], ids[1]]);
  });

  it('pages with count and skip', async () => {
    expect((await list(`from=${start}&count=2`)).items.map((p) => p.id)).toEqual([ids[4], ids[3]]);
    expect((await list(`from=${start}&count=2&skip=2`)).items.map((p) => p.id)).toEqual([ids[2], ids[1]]);
    expect((await list(`from=${start}&count=2&skip=4`)).items.map((p) => p.id)).toEqual([ids[0]]);
  });

  it('works through the SDK, which sends count=10&skip=0', async () => {
    const res = await rz.payments.all({ from: start, to: start + 240 });
    expect(res.items.map((p) => p.id)).toEqual([...ids].reverse());
  });

  it.each([
    ['count=101', 'The count may not be greater than 100.', 'count'],
    ['count=0', 'The count must be at least 1.', 'count'],
    ['skip=-1', 'The skip must be at least 0.', 'skip'],
    ['from=yesterday', 'The from must be an integer.', 'from'],
  ])('refuses %s as Razorpay does', async (query, description, field) => {
    expect(await call('GET', `/v1/payments?${query}`)).toEqual({ status: 400, json: badRequest(description, field) });
  });

  it('accepts count=100', async () => {
    expect((await list('count=100')).count).toBeGreaterThanOrEqual(6);
  });

  it('needs authentication', async () => {
    const res = await fetch(`${sim.baseUrl}/v1/payments`);
    expect(res.status).toBe(401);
  });
});

describe('GET /v1/orders filters, newest first (item 8)', () => {
  let start = 0;
  const orders: string[] = [];

  beforeAll(async () => {
    now += 86_400_000;
    start = seconds();
    for (let i = 0; i < 4; i++) {
      const order = await rz.orders.create({ amount: 5_000, currency: 'INR', receipt: `orders-filter-${i}` });
      orders.push(order.id);
      if (i % 2 === 1) sim.pay({ keyId: key.keyId, orderId: order.id, method: 'card', outcome: 'success' });
      now += 30_000;
    }
  });

  const list = async (query: string) => ((await call('GET', `/v1/orders?${query}`)).json as { items: { id: string }[] }).items.map((o) => o.id);

  it('pages newest first within from/to', async () => {
    expect(await list(`from=${start}&to=${start + 90}`)).toEqual([...orders].reverse());
    expect(await list(`from=${start}&count=1&skip=1`)).toEqual([orders[2]]);
    expect(await list(`from=${start + 30}&to=${start + 60}`)).toEqual([orders[2], orders[1]]);
  });

  it('filters by receipt and by authorized', async () => {
    expect(await list('receipt=orders-filter-2')).toEqual([orders[2]]);
    expect(await list(`from=${start}&authorized=1`)).toEqual([orders[3], orders[1]]);
    expect(await list(`from=${start}&authorized=0`)).toEqual([orders[2], orders[0]]);
  });

  it('refuses count above 100', async () => {
    expect(await call('GET', '/v1/orders?count=101')).toEqual({ status: 400, json: badRequest('The count may not be greater than 100.', 'count') });
  });
});

describe('payment details (item 6)', () => {
  it('a UPI payment carries vpa and upi.vpa', async () => {
    const order = await rz.orders.create({ amount: 1000, currency: 'INR' });
    const paid = sim.pay({ keyId: key.keyId, orderId: order.id, method: 'upi', outcome: 'success' });
    if (!paid.ok) throw new Error('payment should succeed');
    expect(await rz.payments.fetch(paid.paymentId)).toMatchObject({ method: 'upi', vpa: 'success@razorpay', upi: { vpa: 'success@razorpay' } });

    const collect = await rz.orders.create({ amount: 1000, currency: 'INR' });
    const typed = sim.pay({ keyId: key.keyId, orderId: collect.id, method: 'upi', vpa: 'donor.name@okhdfc', outcome: 'success' });
    if (!typed.ok) throw new Error('payment should succeed');
    expect(await rz.payments.fetch(typed.paymentId)).toMatchObject({ vpa: 'donor.name@okhdfc', upi: { vpa: 'donor.name@okhdfc' } });
  });

  it('other methods carry no vpa and no upi object', async () => {
    const order = await rz.orders.create({ amount: 1000, currency: 'INR' });
    const paid = sim.pay({ keyId: key.keyId, orderId: order.id, method: 'wallet', wallet: 'phonepe', outcome: 'success' });
    if (!paid.ok) throw new Error('payment should succeed');
    const payment = await rz.payments.fetch(paid.paymentId);
    expect(payment).toMatchObject({ method: 'wallet', wallet: 'phonepe', vpa: null });
    expect(payment).not.toHaveProperty('upi');
  });

  it('a card payment has card_id always and the card object only with expand[]=card', async () => {
    const order = await rz.orders.create({ amount: 1000, currency: 'INR' });
    const paid = sim.pay({ keyId: key.keyId, orderId: order.id, method: 'card', cardLast4: '1002', cardNetwork: 'MasterCard', outcome: 'success' });
    if (!paid.ok) throw new Error('payment should succeed');
    const plain = await call('GET', `/v1/payments/${paid.paymentId}`);
    expect(plain.json.card_id).toMatch(/^card_/);
    expect(plain.json).not.toHaveProperty('card');
    const expanded = await call('GET', `/v1/payments/${paid.paymentId}?expand[]=card`);
    expect(expanded.json.card).toMatchObject({ id: plain.json.card_id, entity: 'card', last4: '1002', network: 'MasterCard' });
    const listed = await call('GET', `/v1/orders/${order.id}/payments?expand[]=card`);
    expect((listed.json.items as PaymentEntity[])[0]?.card).toMatchObject({ last4: '1002' });
    expect(((await call('GET', `/v1/orders/${order.id}/payments`)).json.items as PaymentEntity[])[0]).not.toHaveProperty('card');
  });

  it('keeps Checkout\'s notes and description on the payment', async () => {
    const order = await rz.orders.create({ amount: 1000, currency: 'INR' });
    const paid = sim.pay({
      keyId: key.keyId,
      orderId: order.id,
      method: 'upi',
      outcome: 'success',
      notes: { kiosk_id: 'K7', donation_id: 'd-1' },
      description: 'Donation: Meals',
    });
    if (!paid.ok) throw new Error('payment should succeed');
    expect(await rz.payments.fetch(paid.paymentId)).toMatchObject({ notes: { kiosk_id: 'K7', donation_id: 'd-1' }, description: 'Donation: Meals' });
  });

  it('takes notes and description from the frame\'s request', async () => {
    const order = await rz.orders.create({ amount: 1000, currency: 'INR' });
    const res = await fetch(`${sim.baseUrl}/_checkout/pay`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: sim.baseUrl },
      body: JSON.stringify({ key_id: key.keyId, order_id: order.id, method: 'upi', outcome: 'success', notes: { kiosk_id: 'K8', n: 5 }, description: 'Donation: Books' }),
    });
    const body = (await res.json()) as { payment: { razorpay_payment_id: string } };
    expect(await rz.payments.fetch(body.payment.razorpay_payment_id)).toMatchObject({ notes: { kiosk_id: 'K8', n: '5' }, description: 'Donation: Books' });
  });
});
