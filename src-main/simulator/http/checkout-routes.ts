// Checkout's side of the simulator: the fake checkout.js, the checkout frame
// page, and the endpoints the frame uses (razorpay.md §5): the order look-up
// when Checkout opens, and a payment attempt in two steps, as in Razorpay: the
// payment exists (`created`) from the moment the donor submits a method, and
// the bank's answer comes later.
import { randomBytes } from 'node:crypto';
import { SimulatorApiError, badRequest } from '../errors.ts';
import type { PaymentMethod } from '../entities.ts';
import { checkoutScript } from '../checkout/checkout-script.ts';
import { framePage, framePageCsp } from '../checkout/frame-page.ts';
import type { SimulatorSettings } from '../settings.ts';
import type { AttemptInput, AttemptOutcome, PayResult, SimulatorStore } from '../store.ts';
import { jsonReply, parseJsonBody } from './http-io.ts';
import type { HttpReply } from './http-io.ts';
import { param } from './route.ts';
import type { RequestContext, Route } from './route.ts';

export const CHECKOUT_SCRIPT_PATH = '/v1/checkout.js';
export const CHECKOUT_FRAME_PATH = '/v1/checkout/public';

/** The methods the simulated account has enabled, in Checkout's default order. */
export const ACCOUNT_METHODS: readonly PaymentMethod[] = ['upi', 'card', 'netbanking', 'wallet'];

type Body = Record<string, unknown>;

function asBody(raw: unknown): Body {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Body) : {};
}

function optionalString(body: Body, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw badRequest(`${name} must be a string`, { field: name });
  return value;
}

function requiredString(body: Body, name: string): string {
  const value = optionalString(body, name);
  if (!value) throw badRequest(`The ${name} field is required.`, { field: name });
  return value;
}

/** Checkout's notes option: at most 15 scalar values, as text (razorpay.md §5.2). */
function checkoutNotes(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest('notes must be an object', { field: 'notes' });
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v));
  if (entries.length > 15) throw badRequest('Invalid notes (At most 15 notes are allowed)', { field: 'notes' });
  return Object.fromEntries(entries.map(([k, v]) => [k, String(v).slice(0, 254)]));
}

/** The frame's "the donor submitted a method" request, checked field by field. */
export function parseAttemptBody(raw: unknown): AttemptInput {
  const body = asBody(raw);
  const keyId = requiredString(body, 'key_id');
  const orderId = requiredString(body, 'order_id');
  const method = body.method;
  if (!ACCOUNT_METHODS.includes(method as PaymentMethod)) throw badRequest('Invalid payment method', { field: 'method' });
  const cardLast4 = optionalString(body, 'card_last4');
  if (cardLast4 !== undefined && !/^\d{4}$/.test(cardLast4)) throw badRequest('card_last4 must be 4 digits', { field: 'card_last4' });
  const vpa = optionalString(body, 'vpa');
  if (vpa !== undefined && !/^[A-Za-z0-9._-]{2,256}@[A-Za-z]{2,64}$/.test(vpa)) throw badRequest('Invalid VPA. Please enter a valid Virtual Payment Address', { field: 'vpa' });
  const notes = checkoutNotes(body.notes);
  const description = optionalString(body, 'description');
  return {
    keyId,
    orderId,
    method: method as PaymentMethod,
    contact: optionalString(body, 'contact'),
    email: optionalString(body, 'email'),
    bank: optionalString(body, 'bank'),
    wallet: optionalString(body, 'wallet'),
    vpa,
    cardLast4,
    cardNetwork: optionalString(body, 'card_network'),
    ...(notes ? { notes } : {}),
    ...(description ? { description } : {}),
  };
}

/** The bank's answer, as the frame reports it. */
export function parseOutcomeBody(raw: unknown): AttemptOutcome {
  const body = asBody(raw);
  const outcome = body.outcome;
  if (outcome !== 'success' && outcome !== 'failure') throw badRequest('outcome must be success or failure', { field: 'outcome' });
  const failureReason = optionalString(body, 'reason');
  return failureReason ? { outcome, failureReason } : { outcome };
}

/** Browsers send Origin on every POST: only the simulator's own frame may pay. */
function fromOwnFrame(ctx: RequestContext, ownOrigin: string): void {
  // Clients without Origin are not browsers, so they cannot be tricked into it.
  const origin = ctx.headers.origin;
  if (origin !== undefined && origin !== ownOrigin) {
    throw new SimulatorApiError(403, {
      code: 'BAD_REQUEST_ERROR',
      description: 'Payments can only be made from the checkout frame.',
      source: 'NA',
      step: 'NA',
      reason: 'NA',
      metadata: {},
    });
  }
}

/** What the frame hears back: Checkout's success payload or its §5.3 error. */
function payReply(result: PayResult, orderId: string): HttpReply {
  if (!result.ok) return jsonReply(200, { ok: false, error: result.error });
  return jsonReply(200, {
    ok: true,
    payment: { razorpay_payment_id: result.paymentId, razorpay_order_id: orderId, razorpay_signature: result.signature },
  });
}

export function checkoutRoutes(store: SimulatorStore, settings: SimulatorSettings, ownOrigin: () => string): Route[] {
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
      faultRoute: 'checkout.frame',
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
      // Checkout looks the order up when it opens (Razorpay's /v1/preferences): an
      // order the API does not know is "The id provided does not exist", and
      // Checkout alerts and closes (§5.3 "Fault").
      method: 'GET',
      pattern: /^\/v1\/preferences$/,
      faultRoute: 'checkout.preferences',
      handle: (ctx) => {
        const keyId = ctx.query.get('key_id') ?? '';
        const orderId = ctx.query.get('order_id') ?? '';
        if (!keyId) throw badRequest('The api key provided is invalid', { field: 'key_id' });
        if (!orderId) throw badRequest('The order_id field is required.', { field: 'order_id' });
        const order = store.checkoutOrder(keyId, orderId);
        return jsonReply(200, {
          order: { id: order.id, amount: order.amount_due, currency: order.currency, status: order.status },
          methods: Object.fromEntries(ACCOUNT_METHODS.map((m) => [m, true])),
          // The simulator's switch, read afresh at every open: see settings.ts.
          simulator: { never_calls_back: settings.checkoutNeverCallsBack },
        });
      },
    },
    {
      method: 'POST',
      pattern: /^\/_checkout\/payments$/,
      handle: (ctx) => {
        fromOwnFrame(ctx, ownOrigin());
        const input = parseAttemptBody(parseJsonBody(ctx.body));
        const result = store.startAttempt(input);
        return jsonReply(200, result.ok ? { ok: true, payment_id: result.paymentId } : { ok: false, error: result.error });
      },
    },
    {
      method: 'POST',
      pattern: /^\/_checkout\/payments\/([^/]+)\/complete$/,
      faultRoute: 'checkout.pay',
      handle: (ctx) => {
        fromOwnFrame(ctx, ownOrigin());
        const body = asBody(parseJsonBody(ctx.body));
        const keyId = requiredString(body, 'key_id');
        const paymentId = param(ctx, 0);
        const result = store.completeAttempt(keyId, paymentId, parseOutcomeBody(body), { lateAuthorisation: ctx.lateAuthorisation });
        return payReply(result, result.ok ? (store.getPayment(paymentId)?.order_id ?? '') : result.error.metadata.order_id);
      },
    },
    {
      // Both steps at once: for tests and tools that pay without the frame.
      method: 'POST',
      pattern: /^\/_checkout\/pay$/,
      faultRoute: 'checkout.pay',
      handle: (ctx) => {
        fromOwnFrame(ctx, ownOrigin());
        const raw = parseJsonBody(ctx.body);
        const input = { ...parseAttemptBody(raw), ...parseOutcomeBody(raw) };
        return payReply(store.pay(input, { lateAuthorisation: ctx.lateAuthorisation }), input.orderId);
      },
    },
  ];
}
