// The Razorpay REST endpoints the kiosk uses (razorpay.md §1, §2), behind Basic auth.
// Bodies may be JSON or form-encoded, as Razorpay accepts both.
import { authenticationFailed } from '../errors.ts';
import { expands } from '../list-query.ts';
import type { SimulatorStore } from '../store.ts';
import { jsonReply, parseBasicAuth, parseRequestBody } from './http-io.ts';
import { param } from './route.ts';
import type { RequestContext, Route } from './route.ts';

/** The key the request authenticates as; every object lookup is scoped to it. */
function authenticatedKey(store: SimulatorStore, ctx: RequestContext): string {
  const credentials = parseBasicAuth(ctx.headers.authorization);
  if (!credentials || !store.authenticate(credentials.keyId, credentials.keySecret)) throw authenticationFailed();
  return credentials.keyId;
}

function body(ctx: RequestContext, integers: readonly string[], booleans: readonly string[] = []): unknown {
  return parseRequestBody(ctx.body, ctx.headers['content-type'], { integers, booleans });
}

export function apiRoutes(store: SimulatorStore): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^\/v1\/orders$/,
      faultRoute: 'orders.create',
      handle: (ctx) => {
        const key = authenticatedKey(store, ctx);
        return jsonReply(200, store.createOrder(key, body(ctx, ['amount', 'first_payment_min_amount'], ['partial_payment'])));
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/orders$/,
      faultRoute: 'orders.list',
      handle: (ctx) => jsonReply(200, store.listOrdersFor(authenticatedKey(store, ctx), ctx.query)),
    },
    {
      method: 'GET',
      pattern: /^\/v1\/orders\/([^/]+)$/,
      faultRoute: 'orders.fetch',
      handle: (ctx) => jsonReply(200, store.fetchOrder(authenticatedKey(store, ctx), param(ctx, 0))),
    },
    {
      method: 'GET',
      pattern: /^\/v1\/orders\/([^/]+)\/payments$/,
      faultRoute: 'orders.payments',
      handle: (ctx) => jsonReply(200, store.orderPayments(authenticatedKey(store, ctx), param(ctx, 0), expands(ctx.query, 'card'))),
    },
    {
      method: 'GET',
      pattern: /^\/v1\/payments$/,
      faultRoute: 'payments.list',
      handle: (ctx) => jsonReply(200, store.listPaymentsFor(authenticatedKey(store, ctx), ctx.query, expands(ctx.query, 'card'))),
    },
    {
      method: 'GET',
      pattern: /^\/v1\/payments\/([^/]+)$/,
      faultRoute: 'payments.fetch',
      handle: (ctx) => jsonReply(200, store.fetchPayment(authenticatedKey(store, ctx), param(ctx, 0), expands(ctx.query, 'card'))),
    },
    {
      method: 'POST',
      pattern: /^\/v1\/payments\/([^/]+)\/capture$/,
      faultRoute: 'payments.capture',
      handle: (ctx) => {
        const key = authenticatedKey(store, ctx);
        return jsonReply(200, store.capturePayment(key, param(ctx, 0), body(ctx, ['amount'])));
      },
    },
  ];
}
