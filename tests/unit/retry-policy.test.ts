// The retry policy per gateway call, with a scripted gateway and a fake clock:
// reads retry with jittered backoff inside a time budget, order creation never
// retries, capture re-fetches before it captures again.
import { describe, expect, it } from 'vitest';
import type { GatewayError, GatewayResult } from '../../src-main/domain/gateway/gateway-error.ts';
import type { GatewayPayment, PaymentGateway } from '../../src-main/domain/gateway/razorpay-gateway.ts';
import { backoffDelayMs, isWorthRetrying, readRetryPolicy, withRetries, type RetryEnvironment, type RetryPolicy } from '../../src-main/domain/gateway/retry-policy.ts';
import { withOutcomeObserver, withRetryPolicy } from '../../src-main/domain/gateway/resilient-gateway.ts';

const RESET: GatewayError = { kind: 'network', cause: 'reset', detail: 'ECONNRESET' };
const TIMEOUT: GatewayError = { kind: 'network', cause: 'timeout', detail: 'ECONNABORTED' };
const HTML_502: GatewayError = { kind: 'bad_response', status: 502, detail: 'non-JSON' };
const BUSY: GatewayError = { kind: 'http', status: 429, code: 'BAD_REQUEST_ERROR', description: 'Request failed. Please try after sometime.' };
const SERVER_500: GatewayError = { kind: 'http', status: 500, code: 'SERVER_ERROR', description: 'The server encountered an error.' };
const NOT_FOUND: GatewayError = { kind: 'http', status: 400, code: 'BAD_REQUEST_ERROR', description: 'The id provided does not exist' };
const BAD_KEY: GatewayError = { kind: 'http', status: 401, code: 'BAD_REQUEST_ERROR', description: 'Authentication failed' };

const policy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, maxTotalMs: 10_000, attemptTimeoutMs: 1_000 };

/** A clock that only moves when the code under test sleeps (or an attempt says it took time). */
function fakeEnvironment(random = 0.5) {
  const sleeps: number[] = [];
  let now = 0;
  const env: RetryEnvironment = {
    random: () => random,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
  return { env, sleeps, advance: (ms: number) => (now += ms) };
}

function scripted<T>(answers: GatewayResult<T>[]) {
  let calls = 0;
  const attempt = async (): Promise<GatewayResult<T>> => answers[Math.min(calls++, answers.length - 1)] as GatewayResult<T>;
  return { attempt, calls: () => calls };
}

const failure = (error: GatewayError): GatewayResult<never> => ({ ok: false, error });
const payment = (status: GatewayPayment['status']): GatewayPayment => ({ id: 'pay_RETRYTEST0001', order_id: 'order_RETRYTEST001', amount: 50_000, currency: 'INR', status, method: 'upi' });

describe('retry policy', () => {
  it.each([
    ['reset', RESET, true],
    ['timeout', TIMEOUT, true],
    ['502 HTML', HTML_502, true],
    ['429', BUSY, true],
    ['500 JSON', SERVER_500, true],
    ['400 unknown id', NOT_FOUND, false],
    ['401 bad key', BAD_KEY, false],
  ] as const)('%s is worth retrying: %s', (_label, error, expected) => {
    expect(isWorthRetrying(error)).toBe(expected);
  });

  it('backs off exponentially with full jitter, capped', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelayMs(policy, n, () => 0.999))).toEqual([99, 199, 399, 799, 999]);
    expect(backoffDelayMs(policy, 3, () => 0)).toBe(0);
    expect(backoffDelayMs(policy, 2, () => 0.5)).toBe(100);
  });

  it('retries a read after a reset and returns the answer that came', async () => {
    const { env, sleeps } = fakeEnvironment();
    const read = scripted<string>([failure(RESET), failure(HTML_502), { ok: true, value: 'answer' }]);
    expect(await withRetries(read.attempt, policy, env)).toEqual({ ok: true, value: 'answer' });
    expect(read.calls()).toBe(3);
    expect(sleeps).toEqual([50, 100]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const { env } = fakeEnvironment();
    const read = scripted<string>([failure(RESET), failure(RESET), failure(TIMEOUT), { ok: true, value: 'too late' }]);
    expect(await withRetries(read.attempt, policy, env)).toEqual(failure(TIMEOUT));
    expect(read.calls()).toBe(3);
  });

  it('never retries a 4xx: the answer will not change', async () => {
    const { env, sleeps } = fakeEnvironment();
    const read = scripted<string>([failure(NOT_FOUND), { ok: true, value: 'never asked' }]);
    expect(await withRetries(read.attempt, policy, env)).toEqual(failure(NOT_FOUND));
    expect(read.calls()).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('does not start an attempt that could not finish inside the time budget', async () => {
    const { env, advance } = fakeEnvironment();
    let calls = 0;
    // Each attempt hangs until the request timeout.
    const hanging = async (): Promise<GatewayResult<string>> => {
      calls++;
      advance(policy.attemptTimeoutMs);
      return failure(TIMEOUT);
    };
    const tight: RetryPolicy = { ...policy, maxAttempts: 10, maxTotalMs: 2_500 };
    await withRetries(hanging, tight, env);
    // 1000 + 50 + 1000 = 2050; a third would end at ~3150 > 2500.
    expect(calls).toBe(2);
  });

  it('the read policy allows a hung first attempt plus retries only when they fit', () => {
    expect(readRetryPolicy(800)).toMatchObject({ maxAttempts: 3, attemptTimeoutMs: 800, maxTotalMs: 15_000 });
    expect(readRetryPolicy(20_000).maxTotalMs).toBe(20_000);
  });
});

function fakeGateway(overrides: Partial<PaymentGateway>): PaymentGateway & { calls: string[] } {
  const calls: string[] = [];
  const unexpected = (name: string) => async () => {
    calls.push(name);
    return failure(NOT_FOUND);
  };
  const wrap = <A extends unknown[], R>(name: string, fn: ((...args: A) => Promise<R>) | undefined, fallback: (...args: A) => Promise<R>) =>
    (...args: A) => {
      if (fn) calls.push(name);
      return (fn ?? fallback)(...args);
    };
  return {
    calls,
    createOrder: wrap('createOrder', overrides.createOrder, unexpected('createOrder')),
    findOrderByReceipt: wrap('findOrderByReceipt', overrides.findOrderByReceipt, unexpected('findOrderByReceipt')),
    fetchOrder: wrap('fetchOrder', overrides.fetchOrder, unexpected('fetchOrder')),
    listOrders: wrap('listOrders', overrides.listOrders, unexpected('listOrders')),
    listPayments: wrap('listPayments', overrides.listPayments, unexpected('listPayments')),
    fetchOrderPayments: wrap('fetchOrderPayments', overrides.fetchOrderPayments, unexpected('fetchOrderPayments')),
    fetchPayment: wrap('fetchPayment', overrides.fetchPayment, unexpected('fetchPayment')),
    capturePayment: wrap('capturePayment', overrides.capturePayment, unexpected('capturePayment')),
  };
}

describe('gateway with its retry policy', () => {
  it('never retries creating an order, whatever the failure', async () => {
    const { env } = fakeEnvironment();
    for (const error of [RESET, TIMEOUT, HTML_502, BUSY, SERVER_500]) {
      const inner = fakeGateway({ createOrder: async () => failure(error) });
      const gateway = withRetryPolicy(inner, policy, env);
      expect(await gateway.createOrder({ amountPaise: 100, receipt: 'r', notes: {} })).toEqual(failure(error));
      expect(inner.calls).toEqual(['createOrder']);
    }
  });

  it.each(['fetchPayment', 'fetchOrderPayments', 'findOrderByReceipt'] as const)('retries %s after a 429', async (method) => {
    const { env } = fakeEnvironment();
    let n = 0;
    const impl = async (): Promise<GatewayResult<never>> => (n++ === 0 ? failure(BUSY) : ({ ok: true, value: null } as GatewayResult<never>));
    const inner = fakeGateway({ [method]: impl });
    const gateway = withRetryPolicy(inner, policy, env);
    const result = await (gateway[method] as (id: string) => Promise<GatewayResult<unknown>>)('x');
    expect(result.ok).toBe(true);
    expect(inner.calls).toEqual([method, method]);
  });

  it('after a capture whose answer was lost, re-fetches and reports the capture instead of capturing twice', async () => {
    const { env } = fakeEnvironment();
    const inner = fakeGateway({ capturePayment: async () => failure(RESET), fetchPayment: async () => ({ ok: true, value: payment('captured') }) });
    const result = await withRetryPolicy(inner, policy, env).capturePayment('pay_RETRYTEST0001', 50_000);
    expect(result).toEqual({ ok: true, value: payment('captured') });
    expect(inner.calls).toEqual(['capturePayment', 'fetchPayment']);
  });

  it('captures again while the payment is still authorised and the failure was temporary', async () => {
    const { env } = fakeEnvironment();
    let captures = 0;
    const inner = fakeGateway({
      capturePayment: async () => (++captures < 2 ? failure(SERVER_500) : { ok: true, value: payment('captured') }),
      fetchPayment: async () => ({ ok: true, value: payment('authorized') }),
    });
    const result = await withRetryPolicy(inner, policy, env).capturePayment('pay_RETRYTEST0001', 50_000);
    expect(result.ok).toBe(true);
    expect(inner.calls).toEqual(['capturePayment', 'fetchPayment', 'capturePayment']);
  });

  it('does not capture again after a considered refusal', async () => {
    const { env } = fakeEnvironment();
    const refusal: GatewayError = { kind: 'http', status: 400, code: 'BAD_REQUEST_ERROR', description: 'Capture amount must be equal to the amount authorized.' };
    const inner = fakeGateway({ capturePayment: async () => failure(refusal), fetchPayment: async () => ({ ok: true, value: payment('authorized') }) });
    expect(await withRetryPolicy(inner, policy, env).capturePayment('pay_RETRYTEST0001', 1)).toEqual(failure(refusal));
    expect(inner.calls).toEqual(['capturePayment', 'fetchPayment']);
  });

  it('reports every final outcome to the observer, once per call', async () => {
    const seen: GatewayResult<unknown>[] = [];
    const inner = fakeGateway({ fetchPayment: async () => failure(RESET) });
    await withOutcomeObserver(inner, (r) => seen.push(r)).fetchPayment('pay_RETRYTEST0001');
    expect(seen).toEqual([failure(RESET)]);
  });
});
