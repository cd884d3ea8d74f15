// When and how a gateway call is tried again.
//
// Reads (fetch a payment, an order's payments, an order by receipt) change
// nothing at Razorpay, so a failure that may be temporary is retried with
// exponential backoff and full jitter (razorpay.md §8: back off with jitter on
// 429). Creating an order is never retried here: an unanswered create may have
// created the order, and a blind second create either duplicates it or fails
// with "Order receipt should be unique." (the donation service looks the
// order up by its receipt instead).
//
// A donor may be waiting on any of these calls, so the whole sequence has a
// time budget: a further attempt only starts if it could finish inside it.
import type { GatewayError, GatewayResult } from './gateway-error.ts';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Backoff before retry n (1-based) is random in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))]. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** No attempt starts unless elapsed + delay + attemptTimeoutMs fits in this. */
  maxTotalMs: number;
  /** The longest one attempt can take (the gateway's request timeout). */
  attemptTimeoutMs: number;
}

export interface RetryEnvironment {
  /** In [0, 1); Math.random in production, fixed in tests. */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

export const realRetryEnvironment: RetryEnvironment = {
  random: () => Math.random(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: () => Date.now(),
};

/** Reads the kiosk makes while a donor waits: a few quick tries, ~15 s at most. */
export function readRetryPolicy(attemptTimeoutMs: number): RetryPolicy {
  return { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 2_000, maxTotalMs: Math.max(15_000, attemptTimeoutMs), attemptTimeoutMs };
}

/**
 * Whether trying the same read again may give a different answer: no answer
 * at all, a 5xx or non-JSON page (a load balancer), or 429. A 4xx is
 * Razorpay's considered answer (bad key, unknown id) and will not change.
 */
export function isWorthRetrying(error: GatewayError): boolean {
  switch (error.kind) {
    case 'network':
      return true;
    case 'bad_response':
      return error.status === 0 || error.status >= 500 || error.status === 200;
    case 'http':
      return error.status === 429 || error.status >= 500;
  }
}

/** The jittered backoff before retry number `retry` (1 = the first retry). */
export function backoffDelayMs(policy: RetryPolicy, retry: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

/** Runs `attempt` until it succeeds, fails for good, or the policy's attempts or time run out. */
export async function withRetries<T>(attempt: () => Promise<GatewayResult<T>>, policy: RetryPolicy, env: RetryEnvironment = realRetryEnvironment): Promise<GatewayResult<T>> {
  const started = env.now();
  let result = await attempt();
  for (let retry = 1; retry < policy.maxAttempts; retry++) {
    if (result.ok || !isWorthRetrying(result.error)) return result;
    const delay = backoffDelayMs(policy, retry, env.random);
    if (env.now() - started + delay + policy.attemptTimeoutMs > policy.maxTotalMs) return result;
    await env.sleep(delay);
    result = await attempt();
  }
  return result;
}
