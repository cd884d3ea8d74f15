// The simulator's state: API keys, orders and payments, and the order/payment
// state machines (razorpay.md §1.2, §2):
//   order   created -> attempted (attempts++ per payment, failed ones too) -> paid (on capture)
//   payment created (the donor submitted a method) -> authorized -> captured (auto, after the
//           account's capture delay, or manual), or failed; failed -> authorized later (late
//           authorisation); created -> failed when nothing happens for 10 minutes;
//           authorized -> refunded when nobody captures it within 3 days of its creation.
// Time-driven changes are worked out from the simulator's clock whenever the
// state is read or changed, so they are deterministic under an injected clock.
// Every object belongs to the key that created it: another key gets
// "The id provided does not exist", as test and live objects are invisible to each other.
// Callers get copies, so nobody can change state behind the state machine's back.
import { timingSafeEqual, randomInt } from 'node:crypto';
import type { SimulatorClock } from './clock.ts';
import type { Collection, Notes, OrderEntity, PaymentEntity, PaymentMethod, RazorpayError } from './entities.ts';
import { SimulatorApiError, badRequest, idDoesNotExist, invalidId } from './errors.ts';
import { isValidKeyId, isWellFormedId, newId, newTestKey } from './ids.ts';
import { listQuery, type ListQuery } from './list-query.ts';
import { validateAmount, validateOrderRequest } from './order-validation.ts';
import { failureDetails } from './payment-failures.ts';
import type { SimulatorSettings } from './settings.ts';
import { checkoutSignature } from './signature.ts';

/** A payment attempt as Checkout starts it, when the donor submits a method. */
export interface AttemptInput {
  keyId: string;
  orderId: string;
  method: PaymentMethod;
  /** Optional details Checkout would have collected; defaults mimic test mode. */
  email?: string;
  contact?: string;
  bank?: string;
  wallet?: string;
  /** UPI collect: the VPA the donor typed. A QR payment learns the payer's VPA when it is paid. */
  vpa?: string;
  cardLast4?: string;
  cardNetwork?: string;
  /** Checkout's `notes` and `description` options, stored on the payment (razorpay.md §2). */
  notes?: Record<string, string>;
  description?: string;
}

/** How an attempt ends: the bank's answer. */
export interface AttemptOutcome {
  outcome: 'success' | 'failure';
  failureReason?: string;
}

/** A whole payment in one step (tests, and the one-shot /_checkout/pay). */
export type PayInput = AttemptInput & AttemptOutcome;

export type PayError = RazorpayError & { metadata: { payment_id?: string; order_id: string } };
export type PayResult = { ok: true; paymentId: string; signature: string } | { ok: false; error: PayError };
export type AttemptResult = { ok: true; paymentId: string } | { ok: false; error: PayError };

interface StoredOrder {
  owner: string;
  /** Creation order; `created_at` has one-second resolution, lists need a stable newest-first. */
  seq: number;
  capture: 'automatic' | 'manual';
  entity: OrderEntity;
}

interface StoredPayment {
  owner: string;
  seq: number;
  createdAtMs: number;
  /** When an automatic capture is due; null when none is (manual capture, or not authorized). */
  captureDueAtMs: number | null;
  entity: PaymentEntity;
}

/** Razorpay marks a payment failed when the bank has not answered for 10 minutes (late-authorisation docs). */
export const ATTEMPT_TIMEOUT_MS = 10 * 60 * 1000;
/** Authorised payments not captured within 3 days of creation are refunded automatically (payments docs). */
export const AUTO_REFUND_AFTER_MS = 3 * 24 * 60 * 60 * 1000;

/** Razorpay's fee for the simulated payments: 2 % plus 18 % GST on it. */
const FEE_RATE = 0.02;
const GST_RATE = 0.18;

function digits(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String(randomInt(10));
  return out;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** What an HTTP caller sees: the card object only when asked for with expand[]=card. */
export function paymentView(payment: PaymentEntity, expandCard: boolean): PaymentEntity {
  const copy = structuredClone(payment);
  if (!expandCard) delete copy.card;
  return copy;
}

export class SimulatorStore {
  readonly #keys = new Map<string, string>();
  readonly #orders = new Map<string, StoredOrder>();
  readonly #payments = new Map<string, StoredPayment>();
  /** Payments whose state can still change with time alone (created or authorized). */
  readonly #timed = new Set<StoredPayment>();
  readonly #settings: SimulatorSettings;
  readonly #clock: SimulatorClock;
  readonly #maxAmountPaise: number;
  #seq = 0;

  constructor(options: { settings: SimulatorSettings; clock: SimulatorClock; maxAmountPaise: number }) {
    this.#settings = options.settings;
    this.#clock = options.clock;
    this.#maxAmountPaise = options.maxAmountPaise;
  }

  // ---- keys -------------------------------------------------------------

  addKey(keyId: string, keySecret: string): void {
    if (!isValidKeyId(keyId)) {
      throw new Error(`Invalid key id ${JSON.stringify(keyId)}: expected e.g. rzp_test_ + 14 letters/digits (length 8, 14, 23, 31 or 33)`);
    }
    if (keySecret.length === 0) throw new Error('The key secret must not be empty');
    this.#keys.set(keyId, keySecret);
  }

  createTestKey(): { keyId: string; keySecret: string } {
    const key = newTestKey();
    this.addKey(key.keyId, key.keySecret);
    return key;
  }

  authenticate(keyId: string, keySecret: string): boolean {
    const known = this.#keys.get(keyId);
    return known !== undefined && sameSecret(known, keySecret);
  }

  isKnownKey(keyId: string): boolean {
    return this.#keys.has(keyId);
  }

  // ---- orders -----------------------------------------------------------

  createOrder(keyId: string, body: unknown): OrderEntity {
    this.#advanceTime();
    const request = validateOrderRequest(body, this.#maxAmountPaise);
    if (request.receipt !== null) {
      for (const order of this.#orders.values()) {
        if (order.owner === keyId && order.entity.receipt === request.receipt) {
          throw badRequest('Order receipt should be unique.', { field: 'receipt' });
        }
      }
    }
    const entity: OrderEntity = {
      id: newId('order'),
      entity: 'order',
      amount: request.amount,
      amount_paid: 0,
      amount_due: request.amount,
      currency: request.currency,
      receipt: request.receipt,
      offer_id: null,
      status: 'created',
      attempts: 0,
      notes: request.notes,
      created_at: this.#clock.unixSeconds(),
    };
    const capture = request.capture ?? (this.#settings.autoCapture ? 'automatic' : 'manual');
    this.#orders.set(entity.id, { owner: keyId, seq: ++this.#seq, capture, entity });
    return structuredClone(entity);
  }

  fetchOrder(keyId: string, orderId: string): OrderEntity {
    this.#advanceTime();
    return structuredClone(this.#ownOrder(keyId, orderId).entity);
  }

  /** GET /v1/orders (razorpay.md §1.3): newest first, with Razorpay's filters and paging. */
  listOrdersFor(keyId: string, query: URLSearchParams): Collection<OrderEntity> {
    this.#advanceTime();
    const page = listQuery(query);
    const receipt = query.get('receipt');
    const authorized = boolParam(query, 'authorized');
    const items = this.#page(
      [...this.#orders.values()]
        .filter((o) => o.owner === keyId && inRange(o.entity.created_at, page))
        .filter((o) => receipt === null || o.entity.receipt === receipt)
        .filter((o) => authorized === null || this.#hasAuthorizedPayment(o.entity.id) === authorized),
      page,
    ).map((o) => structuredClone(o.entity));
    return { entity: 'collection', count: items.length, items };
  }

  /** Every attempt on the order, newest first: `created` ones too, while the donor is still paying. */
  orderPayments(keyId: string, orderId: string, expandCard = false): Collection<PaymentEntity> {
    this.#advanceTime();
    this.#ownOrder(keyId, orderId);
    const items = this.#paymentsOf(orderId).map((p) => paymentView(p.entity, expandCard));
    return { entity: 'collection', count: items.length, items };
  }

  // ---- payments ---------------------------------------------------------

  fetchPayment(keyId: string, paymentId: string, expandCard = false): PaymentEntity {
    this.#advanceTime();
    return paymentView(this.#ownPayment(keyId, paymentId).entity, expandCard);
  }

  /** GET /v1/payments: the key's payments, newest first, with from/to/count/skip. */
  listPaymentsFor(keyId: string, query: URLSearchParams, expandCard = false): Collection<PaymentEntity> {
    this.#advanceTime();
    const page = listQuery(query);
    const items = this.#page(
      [...this.#payments.values()].filter((p) => p.owner === keyId && inRange(p.entity.created_at, page)),
      page,
    ).map((p) => paymentView(p.entity, expandCard));
    return { entity: 'collection', count: items.length, items };
  }

  /** POST /v1/payments/:id/capture (razorpay.md §2 "Capture"). */
  capturePayment(keyId: string, paymentId: string, body: unknown): PaymentEntity {
    this.#advanceTime();
    const payment = this.#ownPayment(keyId, paymentId);
    const input = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    const extra = Object.keys(input).filter((k) => k !== 'amount' && k !== 'currency');
    if (extra.length > 0) {
      throw badRequest(`${extra.join(', ')} is/are not required and should not be sent`, { reason: 'extra_field_sent' });
    }
    // Any integer is acceptable here; only equality with the authorized amount matters.
    const amount = validateAmount(input.amount, Number.MAX_SAFE_INTEGER);
    const p = payment.entity;
    if (p.status === 'captured') throw badRequest('This payment has already been captured');
    if (p.status !== 'authorized') {
      throw badRequest('Only payments which have been authorized and not yet captured can be captured');
    }
    if (amount !== p.amount) throw badRequest('Capture amount must be equal to the amount authorized.', { field: 'amount' });
    if (input.currency !== undefined && input.currency !== p.currency) {
      throw badRequest('Currency should be same as payment currency', { field: 'currency' });
    }
    if (this.#orderOf(payment).entity.status === 'paid') {
      throw badRequest('Your payment has been declined as the order is already paid. Please initiate the payment with a new order.');
    }
    this.#capture(payment);
    return paymentView(payment.entity, false);
  }

  /**
   * The donor submitted a method in Checkout: the payment exists, `created`,
   * until the bank answers (completePayment) or the attempt times out.
   * Failures are returned, not thrown, in the shape Checkout hands to `payment.failed` (§5.3).
   */
  startAttempt(input: AttemptInput): AttemptResult {
    this.#advanceTime();
    const refuse = (error: RazorpayError): AttemptResult => ({
      ok: false,
      error: { ...error, metadata: { order_id: input.orderId } },
    });
    if (!this.#keys.has(input.keyId)) {
      return refuse({ code: 'BAD_REQUEST_ERROR', description: 'Authentication failed', source: 'NA', step: 'NA', reason: 'NA', metadata: {} });
    }
    let order: StoredOrder;
    try {
      order = this.#ownOrder(input.keyId, input.orderId);
    } catch (err) {
      if (err instanceof SimulatorApiError) return refuse(err.body.error);
      throw err;
    }
    if (order.entity.status === 'paid' || this.#hasAuthorizedPayment(order.entity.id)) {
      return refuse(badRequest('Payment already done for this order.').body.error);
    }
    const payment = this.#newPayment(order, input);
    order.entity.attempts += 1;
    if (order.entity.status === 'created') order.entity.status = 'attempted';
    return { ok: true, paymentId: payment.entity.id };
  }

  /**
   * The bank's answer to a `created` attempt. Success authorizes it (and captures it
   * now or after the capture delay when the order is on automatic capture) and
   * returns Checkout's signature. A `late_authorisation` fault makes a success look
   * like a plain bank failure to Checkout (§2).
   */
  completeAttempt(keyId: string, paymentId: string, outcome: AttemptOutcome, options: { lateAuthorisation?: boolean } = {}): PayResult {
    this.#advanceTime();
    let payment: StoredPayment;
    try {
      payment = this.#ownPayment(keyId, paymentId);
    } catch (err) {
      if (err instanceof SimulatorApiError) return { ok: false, error: { ...err.body.error, metadata: { order_id: '' } } };
      throw err;
    }
    const order = this.#orderOf(payment);
    const p = payment.entity;
    if (p.status !== 'created') {
      const error = badRequest(`The payment is ${p.status}; only a payment in progress can be completed`).body.error;
      return { ok: false, error: { ...error, metadata: { payment_id: p.id, order_id: order.entity.id } } };
    }
    if (p.method === 'upi' && p.vpa === null) this.#setVpa(payment, outcome.outcome === 'success' ? 'success@razorpay' : 'failure@razorpay');

    if (outcome.outcome === 'failure' || options.lateAuthorisation) {
      const reason = options.lateAuthorisation ? 'payment_failed' : (outcome.failureReason ?? 'payment_failed');
      this.#fail(payment, reason);
      return { ok: false, error: { ...failureDetails(reason), metadata: { payment_id: p.id, order_id: order.entity.id } } };
    }
    this.#authorize(payment);
    const secret = this.#keys.get(keyId) ?? '';
    return { ok: true, paymentId: p.id, signature: checkoutSignature(order.entity.id, p.id, secret) };
  }

  /** startAttempt and completeAttempt in one step. */
  pay(input: PayInput, options: { lateAuthorisation?: boolean } = {}): PayResult {
    const started = this.startAttempt(input);
    if (!started.ok) return started;
    return this.completeAttempt(input.keyId, started.paymentId, input, options);
  }

  /** The bank confirms a payment Razorpay had marked failed (§2 "Late authorisation"). */
  lateAuthorise(paymentId: string): void {
    this.#advanceTime();
    const payment = this.#payments.get(paymentId);
    if (!payment) throw new Error(`No payment ${paymentId}`);
    if (payment.entity.status !== 'failed') {
      throw new Error(`Payment ${paymentId} is ${payment.entity.status}; only failed payments can be late-authorised`);
    }
    this.#authorize(payment);
  }

  /** The order Checkout is opened for, as Checkout's preferences call checks it; throws Razorpay's error otherwise. */
  checkoutOrder(keyId: string, orderId: string): OrderEntity {
    this.#advanceTime();
    if (!this.#keys.has(keyId)) throw new SimulatorApiError(401, { code: 'BAD_REQUEST_ERROR', description: 'Authentication failed', source: 'NA', step: 'NA', reason: 'NA', metadata: {} });
    return structuredClone(this.#ownOrder(keyId, orderId).entity);
  }

  // ---- whole-state views for tests and the embedding app -------------------

  getOrder(id: string): OrderEntity | undefined {
    this.#advanceTime();
    const order = this.#orders.get(id);
    return order && structuredClone(order.entity);
  }

  getPayment(id: string): PaymentEntity | undefined {
    this.#advanceTime();
    const payment = this.#payments.get(id);
    return payment && structuredClone(payment.entity);
  }

  allOrders(): OrderEntity[] {
    this.#advanceTime();
    return [...this.#orders.values()].sort((a, b) => a.seq - b.seq).map((o) => structuredClone(o.entity));
  }

  allPayments(): PaymentEntity[] {
    this.#advanceTime();
    return [...this.#payments.values()].sort((a, b) => a.seq - b.seq).map((p) => structuredClone(p.entity));
  }

  // ---- time ----------------------------------------------------------------

  /**
   * Applies everything that has fallen due by now, in the order it fell due:
   * automatic captures, attempts that timed out, and refunds of authorisations
   * nobody captured.
   */
  #advanceTime(): void {
    const now = this.#clock.now();
    for (const payment of [...this.#timed]) {
      const p = payment.entity;
      if (p.status === 'created') {
        if (now >= payment.createdAtMs + ATTEMPT_TIMEOUT_MS) this.#fail(payment, 'payment_timed_out');
        continue;
      }
      if (p.status !== 'authorized') {
        this.#timed.delete(payment);
        continue;
      }
      const refundDue = payment.createdAtMs + AUTO_REFUND_AFTER_MS;
      const captureDue = payment.captureDueAtMs;
      if (captureDue !== null && captureDue <= now && captureDue <= refundDue) {
        // Another payment paid the order meanwhile: this one waits for its refund.
        if (this.#orderOf(payment).entity.status === 'paid') payment.captureDueAtMs = null;
        else this.#capture(payment);
      }
      if (p.status === 'authorized' && now >= refundDue) this.#refund(payment);
    }
  }

  // ---- internals ---------------------------------------------------------

  #page<T extends { seq: number }>(items: T[], page: ListQuery): T[] {
    return items.sort((a, b) => b.seq - a.seq).slice(page.skip, page.skip + page.count);
  }

  #ownOrder(keyId: string, orderId: string): StoredOrder {
    if (!isWellFormedId('order', orderId)) throw invalidId(orderId);
    const order = this.#orders.get(orderId);
    if (!order || order.owner !== keyId) throw idDoesNotExist();
    return order;
  }

  #ownPayment(keyId: string, paymentId: string): StoredPayment {
    if (!isWellFormedId('pay', paymentId)) throw invalidId(paymentId);
    const payment = this.#payments.get(paymentId);
    if (!payment || payment.owner !== keyId) throw idDoesNotExist();
    return payment;
  }

  #orderOf(payment: StoredPayment): StoredOrder {
    const order = this.#orders.get(payment.entity.order_id);
    if (!order) throw new Error(`Payment ${payment.entity.id} has no order`);
    return order;
  }

  #paymentsOf(orderId: string): StoredPayment[] {
    return [...this.#payments.values()].filter((p) => p.entity.order_id === orderId).sort((a, b) => b.seq - a.seq);
  }

  #hasAuthorizedPayment(orderId: string): boolean {
    return this.#paymentsOf(orderId).some((p) => p.entity.status === 'authorized' || p.entity.status === 'captured');
  }

  #newPayment(order: StoredOrder, input: AttemptInput): StoredPayment {
    const method = input.method;
    const createdAtMs = this.#clock.now();
    const notes: Notes = input.notes && Object.keys(input.notes).length > 0 ? { ...input.notes } : [];
    const entity: PaymentEntity = {
      id: newId('pay'),
      entity: 'payment',
      amount: order.entity.amount_due,
      currency: order.entity.currency,
      status: 'created',
      order_id: order.entity.id,
      invoice_id: null,
      international: false,
      method,
      amount_refunded: 0,
      refund_status: null,
      captured: false,
      description: input.description ?? null,
      card_id: null,
      bank: method === 'netbanking' ? (input.bank ?? 'HDFC') : null,
      wallet: method === 'wallet' ? (input.wallet ?? 'mobikwik') : null,
      vpa: null,
      email: input.email ?? 'void@razorpay.com',
      contact: input.contact ?? '+919000090000',
      notes,
      fee: null,
      tax: null,
      error_code: null,
      error_description: null,
      error_source: null,
      error_step: null,
      error_reason: null,
      acquirer_data: {},
      created_at: Math.floor(createdAtMs / 1000),
    };
    if (method === 'card') {
      const cardId = newId('card');
      entity.card_id = cardId;
      entity.card = {
        id: cardId,
        entity: 'card',
        name: '',
        last4: input.cardLast4 ?? '1007',
        network: input.cardNetwork ?? 'Visa',
        type: 'credit',
        issuer: null,
        international: false,
        emi: false,
        sub_type: 'consumer',
      };
    }
    const stored: StoredPayment = { owner: order.owner, seq: ++this.#seq, createdAtMs, captureDueAtMs: null, entity };
    if (method === 'upi') this.#setVpa(stored, input.vpa ?? null);
    this.#payments.set(entity.id, stored);
    this.#timed.add(stored);
    return stored;
  }

  #setVpa(payment: StoredPayment, vpa: string | null): void {
    payment.entity.vpa = vpa;
    payment.entity.upi = { vpa };
  }

  #fail(payment: StoredPayment, reason: string): void {
    const details = failureDetails(reason);
    this.#timed.delete(payment);
    Object.assign(payment.entity, {
      status: 'failed',
      error_code: details.code,
      error_description: details.description,
      error_source: details.source,
      error_step: details.step,
      error_reason: details.reason,
    } satisfies Partial<PaymentEntity>);
  }

  /** Authorized; an automatic capture follows at once or after the capture delay. */
  #authorize(payment: StoredPayment): void {
    const p = payment.entity;
    p.status = 'authorized';
    p.error_code = p.error_description = p.error_source = p.error_step = p.error_reason = null;
    if (p.method === 'upi') p.acquirer_data = { rrn: digits(12) };
    else if (p.method === 'card') p.acquirer_data = { auth_code: digits(6) };
    else if (p.method === 'netbanking') p.acquirer_data = { bank_transaction_id: digits(7) };
    else p.acquirer_data = { transaction_id: null };
    this.#timed.add(payment);
    const order = this.#orderOf(payment);
    if (order.capture !== 'automatic') return;
    // If another payment already paid the order, this one is never captured: Razorpay refunds it.
    if (order.entity.status === 'paid') return;
    if (this.#settings.captureDelayMs === 0) this.#capture(payment);
    else payment.captureDueAtMs = this.#clock.now() + this.#settings.captureDelayMs;
  }

  #capture(payment: StoredPayment): void {
    const p = payment.entity;
    const base = Math.round(p.amount * FEE_RATE);
    const tax = Math.round(base * GST_RATE);
    p.status = 'captured';
    p.captured = true;
    p.fee = base + tax;
    p.tax = tax;
    payment.captureDueAtMs = null;
    this.#timed.delete(payment);
    const order = this.#orderOf(payment).entity;
    order.status = 'paid';
    order.amount_paid = p.amount;
    order.amount_due = 0;
  }

  /** Nobody captured it in time: the money goes back to the donor, and the order stays unpaid. */
  #refund(payment: StoredPayment): void {
    const p = payment.entity;
    p.status = 'refunded';
    p.captured = false;
    p.amount_refunded = p.amount;
    p.refund_status = 'full';
    payment.captureDueAtMs = null;
    this.#timed.delete(payment);
  }
}

function inRange(createdAt: number, page: ListQuery): boolean {
  return (page.from === null || createdAt >= page.from) && (page.to === null || createdAt <= page.to);
}

function boolParam(query: URLSearchParams, name: string): boolean | null {
  const raw = query.get(name);
  if (raw === null || raw === '') return null;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw badRequest(`The selected ${name} is invalid.`, { field: name });
}
