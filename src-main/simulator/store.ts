// The simulator's state: API keys, orders and payments, and the order/payment
// state machines (razorpay.md §1.2, §2):
//   order   created -> attempted (attempts++ per payment, failed ones too) -> paid (on capture)
//   payment created -> authorized -> captured (auto or manual), or failed;
//           failed -> authorized later (late authorisation).
// Every object belongs to the key that created it: another key gets
// "The id provided does not exist", as test and live objects are invisible to each other.
// Callers get copies, so nobody can change state behind the state machine's back.
import { timingSafeEqual, randomInt } from 'node:crypto';
import type { Collection, OrderEntity, PaymentEntity, PaymentMethod, RazorpayError } from './entities.ts';
import { SimulatorApiError, badRequest, idDoesNotExist, invalidId } from './errors.ts';
import { isValidKeyId, isWellFormedId, newId, newTestKey } from './ids.ts';
import { validateAmount, validateOrderRequest } from './order-validation.ts';
import { failureDetails } from './payment-failures.ts';
import { checkoutSignature } from './signature.ts';

export interface PayInput {
  keyId: string;
  orderId: string;
  method: PaymentMethod;
  outcome: 'success' | 'failure';
  failureReason?: string;
  /** Optional details Checkout would have collected; defaults mimic test mode. */
  email?: string;
  contact?: string;
  bank?: string;
  wallet?: string;
  cardLast4?: string;
  cardNetwork?: string;
}

export type PayError = RazorpayError & { metadata: { payment_id?: string; order_id: string } };
export type PayResult = { ok: true; paymentId: string; signature: string } | { ok: false; error: PayError };

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
  entity: PaymentEntity;
}

const MAX_LIST_COUNT = 100;
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

export class SimulatorStore {
  readonly #keys = new Map<string, string>();
  readonly #orders = new Map<string, StoredOrder>();
  readonly #payments = new Map<string, StoredPayment>();
  readonly #autoCapture: boolean;
  readonly #maxAmountPaise: number;
  readonly #now: () => number;
  #seq = 0;

  constructor(options: { autoCapture: boolean; maxAmountPaise: number; now?: () => number }) {
    this.#autoCapture = options.autoCapture;
    this.#maxAmountPaise = options.maxAmountPaise;
    this.#now = options.now ?? Date.now;
  }

  /** created_at: Unix seconds on the simulator's clock. */
  #unixNow(): number {
    return Math.floor(this.#now() / 1000);
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

  // ---- orders -----------------------------------------------------------

  createOrder(keyId: string, body: unknown): OrderEntity {
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
      created_at: this.#unixNow(),
    };
    const capture = request.capture ?? (this.#autoCapture ? 'automatic' : 'manual');
    this.#orders.set(entity.id, { owner: keyId, seq: ++this.#seq, capture, entity });
    return structuredClone(entity);
  }

  fetchOrder(keyId: string, orderId: string): OrderEntity {
    return structuredClone(this.#ownOrder(keyId, orderId).entity);
  }

  listOrdersFor(keyId: string, query: URLSearchParams): Collection<OrderEntity> {
    const { count, skip, from, to } = listWindow(query);
    const receipt = query.get('receipt');
    const authorized = boolParam(query, 'authorized');

    const items = [...this.#orders.values()]
      .filter((o) => o.owner === keyId)
      .filter((o) => from === null || o.entity.created_at >= from)
      .filter((o) => to === null || o.entity.created_at <= to)
      .filter((o) => receipt === null || o.entity.receipt === receipt)
      .filter((o) => authorized === null || this.#hasAuthorizedPayment(o.entity.id) === authorized)
      .sort((a, b) => b.seq - a.seq)
      .slice(skip, skip + count)
      .map((o) => structuredClone(o.entity));
    return { entity: 'collection', count: items.length, items };
  }

  orderPayments(keyId: string, orderId: string): Collection<PaymentEntity> {
    this.#ownOrder(keyId, orderId);
    const items = this.#paymentsOf(orderId).map((p) => structuredClone(p.entity));
    return { entity: 'collection', count: items.length, items };
  }

  // ---- payments ---------------------------------------------------------

  /** GET /v1/payments: the key's payments, newest first, with from/to (created_at, Unix s), count (≤ 100) and skip. */
  listPaymentsFor(keyId: string, query: URLSearchParams): Collection<PaymentEntity> {
    const { count, skip, from, to } = listWindow(query);
    const items = [...this.#payments.values()]
      .filter((p) => p.owner === keyId)
      .filter((p) => from === null || p.entity.created_at >= from)
      .filter((p) => to === null || p.entity.created_at <= to)
      .sort((a, b) => b.seq - a.seq)
      .slice(skip, skip + count)
      .map((p) => structuredClone(p.entity));
    return { entity: 'collection', count: items.length, items };
  }

  fetchPayment(keyId: string, paymentId: string): PaymentEntity {
    return structuredClone(this.#ownPayment(keyId, paymentId).entity);
  }

  /** POST /v1/payments/:id/capture (razorpay.md §2 "Capture"). */
  capturePayment(keyId: string, paymentId: string, body: unknown): PaymentEntity {
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
    return structuredClone(payment.entity);
  }

  /**
   * A payment attempt as Checkout makes it. Failures are returned, not thrown,
   * in the shape Checkout hands to `payment.failed` (§5.3).
   */
  pay(input: PayInput, options: { lateAuthorisation?: boolean } = {}): PayResult {
    const refuse = (error: RazorpayError): PayResult => ({
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

    if (input.outcome === 'failure' || options.lateAuthorisation) {
      // A late authorisation looks like a plain bank failure to Checkout (§2).
      const reason = options.lateAuthorisation ? 'payment_failed' : (input.failureReason ?? 'payment_failed');
      this.#fail(payment, reason);
      const details = failureDetails(reason);
      return {
        ok: false,
        error: { ...details, metadata: { payment_id: payment.entity.id, order_id: order.entity.id } },
      };
    }

    this.#authorize(payment);
    if (order.capture === 'automatic') this.#capture(payment);
    const secret = this.#keys.get(input.keyId) ?? '';
    return { ok: true, paymentId: payment.entity.id, signature: checkoutSignature(order.entity.id, payment.entity.id, secret) };
  }

  /** The bank confirms a payment Razorpay had marked failed (§2 "Late authorisation"). */
  lateAuthorise(paymentId: string): void {
    const payment = this.#payments.get(paymentId);
    if (!payment) throw new Error(`No payment ${paymentId}`);
    if (payment.entity.status !== 'failed') {
      throw new Error(`Payment ${paymentId} is ${payment.entity.status}; only failed payments can be late-authorised`);
    }
    this.#authorize(payment);
    const order = this.#orderOf(payment);
    // If another payment already paid the order, Razorpay would refund this one; it stays authorized here.
    if (order.capture === 'automatic' && order.entity.status !== 'paid') this.#capture(payment);
  }

  // ---- whole-state views for tests and the embedding app -------------------

  getOrder(id: string): OrderEntity | undefined {
    const order = this.#orders.get(id);
    return order && structuredClone(order.entity);
  }

  getPayment(id: string): PaymentEntity | undefined {
    const payment = this.#payments.get(id);
    return payment && structuredClone(payment.entity);
  }

  allOrders(): OrderEntity[] {
    return [...this.#orders.values()].sort((a, b) => a.seq - b.seq).map((o) => structuredClone(o.entity));
  }

  allPayments(): PaymentEntity[] {
    return [...this.#payments.values()].sort((a, b) => a.seq - b.seq).map((p) => structuredClone(p.entity));
  }

  // ---- internals ---------------------------------------------------------

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

  #newPayment(order: StoredOrder, input: PayInput): StoredPayment {
    const method = input.method;
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
      description: null,
      card_id: null,
      bank: method === 'netbanking' ? (input.bank ?? 'HDFC') : null,
      wallet: method === 'wallet' ? (input.wallet ?? 'mobikwik') : null,
      vpa: method === 'upi' ? (input.outcome === 'success' ? 'success@razorpay' : 'failure@razorpay') : null,
      email: input.email ?? 'void@razorpay.com',
      contact: input.contact ?? '+919000090000',
      notes: [],
      fee: null,
      tax: null,
      error_code: null,
      error_description: null,
      error_source: null,
      error_step: null,
      error_reason: null,
      acquirer_data: {},
      created_at: this.#unixNow(),
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
    const stored: StoredPayment = { owner: order.owner, seq: ++this.#seq, entity };
    this.#payments.set(entity.id, stored);
    return stored;
  }

  #fail(payment: StoredPayment, reason: string): void {
    const details = failureDetails(reason);
    Object.assign(payment.entity, {
      status: 'failed',
      error_code: details.code,
      error_description: details.description,
      error_source: details.source,
      error_step: details.step,
      error_reason: details.reason,
    } satisfies Partial<PaymentEntity>);
  }

  #authorize(payment: StoredPayment): void {
    const p = payment.entity;
    p.status = 'authorized';
    p.error_code = p.error_description = p.error_source = p.error_step = p.error_reason = null;
    if (p.method === 'upi') p.acquirer_data = { rrn: digits(12) };
    else if (p.method === 'card') p.acquirer_data = { auth_code: digits(6) };
    else if (p.method === 'netbanking') p.acquirer_data = { bank_transaction_id: digits(7) };
    else p.acquirer_data = { transaction_id: null };
  }

  #capture(payment: StoredPayment): void {
    const p = payment.entity;
    const base = Math.round(p.amount * FEE_RATE);
    const tax = Math.round(base * GST_RATE);
    p.status = 'captured';
    p.captured = true;
    p.fee = base + tax;
    p.tax = tax;
    const order = this.#orderOf(payment).entity;
    order.status = 'paid';
    order.amount_paid = p.amount;
    order.amount_due = 0;
  }
}

/** A list's paging and time window, with Razorpay's limits and wording (razorpay.md §1.3). */
function listWindow(query: URLSearchParams): { count: number; skip: number; from: number | null; to: number | null } {
  const count = intParam(query, 'count', 10);
  if (count > MAX_LIST_COUNT) throw badRequest(`The count may not be greater than ${MAX_LIST_COUNT}.`, { field: 'count' });
  if (count < 1) throw badRequest('The count must be at least 1.', { field: 'count' });
  const skip = intParam(query, 'skip', 0);
  if (skip < 0) throw badRequest('The skip must be at least 0.', { field: 'skip' });
  return { count, skip, from: intParam(query, 'from', null), to: intParam(query, 'to', null) };
}

/** Integer query parameters with Razorpay's validation wording. */
function intParam<T extends number | null>(query: URLSearchParams, name: string, fallback: T): number | T {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw)) throw badRequest(`The ${name} must be an integer.`, { field: name });
  return Number(raw);
}

function boolParam(query: URLSearchParams, name: string): boolean | null {
  const raw = query.get(name);
  if (raw === null || raw === '') return null;
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw badRequest(`The selected ${name} is invalid.`, { field: name });
}
