// The gateway with a retry policy per call (retry-policy.ts):
//   createOrder         never retried (the donation service looks the order up by receipt instead)
//   findOrderByReceipt  read: retried with backoff and jitter
//   fetchOrder, listOrders, listPayments  reads: retried with backoff and jitter
//   fetchOrderPayments  read: retried with backoff and jitter
//   fetchPayment        read: retried with backoff and jitter
//   capturePayment      capture once, then re-fetch the payment to learn what happened;
//                       capture again only while the payment is still `authorized` and
//                       the failure may be temporary.
// Capturing is a write, but it is safe to repeat the way we do it: Razorpay
// refuses a second capture of a captured payment, and the re-fetch tells us
// it was captured, so a lost capture answer never becomes a double charge.
import type { GatewayResult } from './gateway-error.ts';
import type { GatewayPayment, PaymentGateway } from './razorpay-gateway.ts';
import { backoffDelayMs, isWorthRetrying, realRetryEnvironment, withRetries, type RetryEnvironment, type RetryPolicy } from './retry-policy.ts';

export function withRetryPolicy(gateway: PaymentGateway, policy: RetryPolicy, env: RetryEnvironment = realRetryEnvironment): PaymentGateway {
  const read = <T>(attempt: () => Promise<GatewayResult<T>>) => withRetries(attempt, policy, env);

  async function captureThenRefetch(paymentId: string, amountPaise: number): Promise<GatewayResult<GatewayPayment>> {
    const started = env.now();
    for (let attempt = 1; ; attempt++) {
      const captured = await gateway.capturePayment(paymentId, amountPaise);
      if (captured.ok) return captured;
      // The capture may have happened even though we got no answer (or a "already captured" 400).
      const current = await read(() => gateway.fetchPayment(paymentId));
      if (current.ok && current.value.status === 'captured') return current;
      const stillCapturable = current.ok && current.value.status === 'authorized';
      if (!stillCapturable || !isWorthRetrying(captured.error) || attempt >= policy.maxAttempts) return captured;
      const delay = backoffDelayMs(policy, attempt, env.random);
      if (env.now() - started + delay + policy.attemptTimeoutMs > policy.maxTotalMs) return captured;
      await env.sleep(delay);
    }
  }

  return {
    createOrder: (input) => gateway.createOrder(input),
    findOrderByReceipt: (receipt) => read(() => gateway.findOrderByReceipt(receipt)),
    fetchOrder: (orderId) => read(() => gateway.fetchOrder(orderId)),
    listOrders: (query) => read(() => gateway.listOrders(query)),
    listPayments: (query) => read(() => gateway.listPayments(query)),
    fetchOrderPayments: (orderId) => read(() => gateway.fetchOrderPayments(orderId)),
    fetchPayment: (paymentId) => read(() => gateway.fetchPayment(paymentId)),
    capturePayment: captureThenRefetch,
  };
}

/** Tells `observe` how every call ended, so connectivity can follow the gateway's answers. */
export function withOutcomeObserver(gateway: PaymentGateway, observe: (result: GatewayResult<unknown>) => void): PaymentGateway {
  const watched = async <T>(call: Promise<GatewayResult<T>>): Promise<GatewayResult<T>> => {
    const result = await call;
    observe(result);
    return result;
  };
  return {
    createOrder: (input) => watched(gateway.createOrder(input)),
    findOrderByReceipt: (receipt) => watched(gateway.findOrderByReceipt(receipt)),
    fetchOrder: (orderId) => watched(gateway.fetchOrder(orderId)),
    listOrders: (query) => watched(gateway.listOrders(query)),
    listPayments: (query) => watched(gateway.listPayments(query)),
    fetchOrderPayments: (orderId) => watched(gateway.fetchOrderPayments(orderId)),
    fetchPayment: (paymentId) => watched(gateway.fetchPayment(paymentId)),
    capturePayment: (paymentId, amountPaise) => watched(gateway.capturePayment(paymentId, amountPaise)),
  };
}
