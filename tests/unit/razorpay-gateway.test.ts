// The gateway over the real SDK and real HTTP: every failure becomes a typed error.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { startRazorpaySimulator, type RazorpaySimulator } from '../../src-main/simulator/index.ts';
import { createRazorpayGateway, classifySdkRejection, type PaymentGateway } from '../../src-main/domain/gateway/razorpay-gateway.ts';
import { createRazorpayClient } from '../../src-main/domain/gateway/razorpay-client.ts';

let simulator: RazorpaySimulator;
let gateway: PaymentGateway;
let keyId: string;
let keySecret: string;
let receiptCounter = 0;
const nextReceipt = () => `gw-test-${Date.now()}-${++receiptCounter}`;

beforeAll(async () => {
  simulator = await startRazorpaySimulator({ port: 0 });
  ({ keyId, keySecret } = simulator.createTestKey());
  gateway = createRazorpayGateway({ keyId, keySecret, baseUrl: simulator.baseUrl, timeoutMs: 400 });
});
afterAll(() => simulator.close());
beforeEach(() => simulator.faults.clear());

const order = () => gateway.createOrder({ amountPaise: 10_000, receipt: nextReceipt(), notes: { kiosk_id: 'K1' } });

describe('razorpay gateway', () => {
  it('creates an order through the real SDK', async () => {
    const created = await order();
    expect(created).toMatchObject({ ok: true, value: { amount: 10_000, currency: 'INR', status: 'created' } });
  });

  it('maps Razorpay validation errors to http errors with the description', async () => {
    const result = await gateway.createOrder({ amountPaise: 99, receipt: nextReceipt(), notes: {} });
    expect(result).toMatchObject({ ok: false, error: { kind: 'http', status: 400, code: 'BAD_REQUEST_ERROR' } });
  });

  it('maps bad keys to a 401 http error', async () => {
    const wrong = createRazorpayGateway({ keyId, keySecret: 'wrong', baseUrl: simulator.baseUrl, timeoutMs: 400 });
    expect(await wrong.fetchPayment('pay_ABCDEFGHIJKLMN')).toMatchObject({ ok: false, error: { kind: 'http', status: 401, description: 'Authentication failed' } });
  });

  it.each([
    ['500 JSON', { kind: 'status', status: 500, body: 'json' }, { kind: 'http', status: 500, code: 'SERVER_ERROR' }],
    ['502 JSON', { kind: 'status', status: 502, body: 'json' }, { kind: 'http', status: 502, code: 'GATEWAY_ERROR' }],
    ['502 HTML', { kind: 'status', status: 502, body: 'html' }, { kind: 'bad_response', status: 502 }],
    ['504 HTML', { kind: 'status', status: 504, body: 'html' }, { kind: 'bad_response', status: 504 }],
    ['429', { kind: 'status', status: 429, body: 'json' }, { kind: 'http', status: 429 }],
    ['reset', { kind: 'reset' }, { kind: 'network', cause: 'reset' }],
    ['hang', { kind: 'hang' }, { kind: 'network', cause: 'timeout' }],
    ['response lost', { kind: 'response_lost' }, { kind: 'network', cause: 'reset' }],
  ] as const)('%s on order create → %o', async (_label, fault, expected) => {
    simulator.faults.inject('orders.create', fault, { times: 1 });
    const result = await order();
    expect(result).toMatchObject({ ok: false, error: expected });
  });

  it('finds an order whose create response was lost, by its receipt', async () => {
    const receipt = nextReceipt();
    simulator.faults.inject('orders.create', { kind: 'response_lost' }, { times: 1 });
    expect((await gateway.createOrder({ amountPaise: 10_000, receipt, notes: {} })).ok).toBe(false);
    expect(await gateway.findOrderByReceipt(receipt)).toMatchObject({ ok: true, value: { receipt, amount: 10_000 } });
  });

  it('maps a refused connection to a network error', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const nowhere = createRazorpayGateway({ keyId, keySecret, baseUrl: `http://127.0.0.1:${closedPort}`, timeoutMs: 400 });
    expect(await nowhere.fetchPayment('pay_ABCDEFGHIJKLMN')).toMatchObject({ ok: false, error: { kind: 'network', cause: 'refused' } });
  });

  it('classifies what the bare SDK rejects with', () => {
    expect(classifySdkRejection(new TypeError("Cannot read properties of undefined (reading 'status')"))).toMatchObject({ kind: 'network' });
    expect(classifySdkRejection({ statusCode: 502 })).toMatchObject({ kind: 'bad_response', status: 502 });
    expect(classifySdkRejection(undefined)).toMatchObject({ kind: 'network' });
  });

  it('refuses to run if the SDK internals it relies on are gone', () => {
    expect(() => createRazorpayClient({ keyId, keySecret, timeoutMs: 100 })).not.toThrow();
  });
});
