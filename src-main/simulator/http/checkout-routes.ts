// Checkout's side of the simulator: the fake checkout.js, the checkout frame
// page, and the endpoint the frame uses to create payments (razorpay.md §5).
import { randomBytes } from 'node:crypto';
import { SimulatorApiError, badRequest } from '../errors.ts';
import type { PaymentMethod } from '../entities.ts';
import { checkoutScript } from '../checkout/checkout-script.ts';
import { framePage, framePageCsp } from '../checkout/frame-page.ts';
import type { PayInput, SimulatorStore } from '../store.ts';
import { jsonReply, parseJsonBody } from './http-io.ts';
import type { Route } from './route.ts';

export const CHECKOUT_SCRIPT_PATH = '/v1/checkout.js';
export const CHECKOUT_FRAME_PATH = '/v1/checkout/public';

const METHODS: readonly PaymentMethod[] = ['upi', 'card', 'netbanking', 'wallet'];

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw badRequest(`${name} must be a string`, { field: name });
  return value;
}

/** The frame's request, checked field by field; it is the only way in besides pay(). */
export function parseCheckoutPayBody(raw: unknown): PayInput {
  const body = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const keyId = optionalString(body, 'key_id');
  const orderId = optionalString(body, 'order_id');
  if (!keyId) throw badRequest('The key_id field is required.', { field: 'key_id' });
  if (!orderId) throw badRequest('The order_id field is required.', { field: 'order_id' });
  const method = body.method;
  if (!METHODS.includes(method as PaymentMethod)) throw badRequest('Invalid payment method', { field: 'method' });
  const outcome = body.outcome;
  if (outcome !== 'success' && outcome !== 'failure') throw badRequest('outcome must be success or failure', { field: 'outcome' });
  const cardLast4 = optionalString(body, 'card_last4');
  if (cardLast4 !== undefined && !/^\d{4}$/.test(cardLast4)) throw badRequest('card_last4 must be 4 digits', { field: 'card_last4' });

  return {
    keyId,
    orderId,
    method: method as PaymentMethod,
    outcome,
    failureReason: optionalString(body, 'reason'),
    contact: optionalString(body, 'contact'),
    email: optionalString(body, 'email'),
    bank: optionalString(body, 'bank'),
    wallet: optionalString(body, 'wallet'),
    cardLast4,
    cardNetwork: optionalString(body, 'card_network'),
  };
}

export function checkoutRoutes(store: SimulatorStore, ownOrigin: () => string): Route[] {
  return [
    {
      method: 'GET',
      pattern: /^\/v1\/checkout\.js$/,
      faultRoute: 'checkout.script',
      handle: () => {
        const origin = ownOrigin();
        return {
          status: 200,
          headers: { 'Content-Type': 'application/javascript; charset=utf-8', 'Cache-Control': 'no-store' },
          body: checkoutScript({ frameUrl: `${origin}${CHECKOUT_FRAME_PATH}`, frameOrigin: origin }),
        };
      },
    },
    {
      method: 'GET',
      pattern: /^\/v1\/checkout\/public$/,
      handle: () => {
        const nonce = randomBytes(16).toString('base64');
        return {
          status: 200,
          headers: {
            'Content-Type': 'text/html; charset=utf-8',
            'Cache-Control': 'no-store',
            'Content-Security-Policy': framePageCsp(nonce),
            'X-Content-Type-Options': 'nosniff',
          },
          body: framePage(nonce),
        };
      },
    },
    {
      method: 'POST',
      pattern: /^\/_checkout\/pay$/,
      faultRoute: 'checkout.pay',
      handle: (ctx) => {
        // Browsers send Origin on every POST: only the simulator's own frame may pay.
        // (Clients without Origin are not browsers, so they cannot be tricked into it.)
        const origin = ctx.headers.origin;
        if (origin !== undefined && origin !== ownOrigin()) {
          throw new SimulatorApiError(403, {
            code: 'BAD_REQUEST_ERROR',
            description: 'Payments can only be made from the checkout frame.',
            source: 'NA',
            step: 'NA',
            reason: 'NA',
            metadata: {},
          });
        }
        const input = parseCheckoutPayBody(parseJsonBody(ctx.body));
        const result = store.pay(input, { lateAuthorisation: ctx.lateAuthorisation });
        if (!result.ok) return jsonReply(200, { ok: false, error: result.error });
        return jsonReply(200, {
          ok: true,
          payment: {
            razorpay_payment_id: result.paymentId,
            razorpay_order_id: input.orderId,
            razorpay_signature: result.signature,
          },
        });
      },
    },
  ];
}
