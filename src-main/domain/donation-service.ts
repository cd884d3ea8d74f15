// A donation, step by step, as main sees it: record the attempt, create the
// order, follow Checkout, verify the payment. Every step is a ledger
// transition before anything else happens, and every outcome is a Result.
import type {
  CancelDonationRequest,
  CheckoutDisplayConfig,
  CheckoutSession,
  ConfirmPaymentRequest,
  PaymentActivity,
  DonationReceipt,
  DonationRef,
  KioskError,
  KioskErrorCode,
  PaymentMethod,
  RecordPaymentFailureRequest,
  Result,
  StartDonationRequest,
} from '../contract/kiosk-api.ts';
import type { KioskConfig } from './kiosk-config.ts';
import { processingFeeRupees } from '../../src-shared/amounts.ts';
import type { Donation, Ledger } from './ledger/ledger.ts';
import type { DonationState } from './ledger/donation-states.ts';
import { describeGatewayError, isOutcomeUnknown, type GatewayError, type GatewayResult } from './gateway/gateway-error.ts';
import type { CreateOrderInput, GatewayOrder, GatewayPayment, PaymentGateway } from './gateway/razorpay-gateway.ts';
import { decideOrderAmount } from './amount-policy.ts';
import { newDonationId, receiptFor } from './donation-ids.ts';
import { TAX_RECEIPT_NOT_OFFERED, taxReceiptsOffered } from './receipts/tax-receipts-offered.ts';
import { redactCredentials } from './gateway/redact.ts';
import { eventOrderNotes } from './fleet/event-notes.ts';

export interface DonationServiceDeps {
  ledger: Ledger;
  gateway: PaymentGateway;
  config: KioskConfig;
  /** This installation's id (the ledger's, migration 8): every order carries it, so kiosks can tell each other apart (src-main/domain/fleet). */
  installationId?: string;
  keyId: string;
  /** Checks Checkout's signature; holds key_secret so this service never does. */
  verifySignature: (orderId: string, paymentId: string, signature: string) => boolean;
  log: (line: string) => void;
  /** False while Razorpay cannot be reached: no donation is started that could not be finished. */
  isOnline?: () => boolean;
  now?: () => number;
}

/**
 * How many ledger events the page may add to one donation (Checkout opened,
 * failures reported, cancels): a real donor needs a handful; a script on the
 * page must not be able to grow the ledger without end (issue 14, item 10).
 */
export const MAX_PAGE_EVENTS_PER_DONATION = 40;

/** After a failed create: whether the order was looked for by its receipt, and what came of it. */
type ReceiptLookup = 'not_needed' | 'no_order' | 'failed';

const PAYABLE_STATES: readonly DonationState[] = ['order_created', 'checkout_open', 'payment_failed', 'closed_by_donor', 'checkout_expired'];
const CONFIRMABLE_STATES: readonly DonationState[] = ['checkout_open', 'payment_failed', 'closed_by_donor', 'checkout_expired', 'authorized'];

function fail(code: KioskErrorCode, message: string, retryable = false): { ok: false; error: KioskError } {
  return { ok: false, error: { code, message, retryable } };
}

/**
 * What a gateway failure means for the donor: a code and the kiosk's own
 * words. Razorpay's texts never reach the renderer (issue 14, item 9); the
 * ledger and the log keep them, credentials taken out (gateway/redact.ts).
 */
export function kioskErrorForGateway(error: GatewayError): KioskError {
  if (error.kind === 'network') {
    return error.cause === 'timeout'
      ? { code: 'gateway_timeout', message: 'Razorpay did not answer in time.', retryable: true }
      : { code: 'gateway_unavailable', message: 'Razorpay could not be reached.', retryable: true };
  }
  if (error.kind === 'bad_response') return { code: 'gateway_unavailable', message: `Razorpay answered with something that is not its usual reply (HTTP ${error.status}).`, retryable: true };
  if (error.status === 429) return { code: 'gateway_busy', message: 'Razorpay is busy (HTTP 429).', retryable: true };
  if (error.status >= 500) return { code: 'gateway_unavailable', message: `Razorpay had a problem (HTTP ${error.status}).`, retryable: true };
  return { code: 'gateway_rejected', message: `Razorpay refused the request (HTTP ${error.status}).`, retryable: false };
}

/** Checkout's failure as kept in the ledger: every text with credentials taken out. */
function redactFailure(failure: RecordPaymentFailureRequest['failure']): RecordPaymentFailureRequest['failure'] {
  return Object.fromEntries(Object.entries(failure).map(([key, value]) => [key, typeof value === 'string' ? redactCredentials(value) : value]));
}

function paymentMethod(method: string | null | undefined): PaymentMethod {
  switch (method) {
    case 'upi':
    case 'card':
    case 'netbanking':
    case 'wallet':
    case 'emi':
      return method;
    default:
      return 'other';
  }
}

/**
 * Domestic only (kiosk-domain.md §4.4): without FCRA registration a charity
 * must not take foreign contributions, and Razorpay gives NGOs no
 * international payments, so Checkout shows only the Indian methods.
 */
export const DOMESTIC_CHECKOUT: CheckoutDisplayConfig = {
  display: {
    blocks: {
      india: { name: 'Pay with an Indian account', instruments: [{ method: 'upi' }, { method: 'card' }, { method: 'netbanking' }, { method: 'wallet' }] },
    },
    sequence: ['block.india'],
    preferences: { show_default_blocks: false },
  },
};

export class DonationService {
  private deps: DonationServiceDeps;

  constructor(deps: DonationServiceDeps) {
    this.deps = deps;
  }

  /** New settings from the operator console: limits, names and kiosk id apply to the next donation. */
  setConfig(config: KioskConfig): void {
    this.deps = { ...this.deps, config };
  }

  async startDonation(request: StartDonationRequest): Promise<Result<CheckoutSession>> {
    const { ledger, config } = this.deps;
    const { causes } = config;
    const cause = request.causeId === undefined ? causes[0] : causes.find((c) => c.id === request.causeId);
    if (!cause) return fail('invalid_request', `no cause ${request.causeId ?? ''} on this kiosk`);
    // 80G details only on a day the kiosk offers 80G receipts (issue 14, item 7):
    // otherwise the receipt would claim section 80G without an approval number.
    if (request.donor.taxReceipt !== undefined && !(taxReceiptsOffered(config, (this.deps.now ?? Date.now)()) && ledger.keepsIdentityNumbers)) {
      return fail('invalid_request', TAX_RECEIPT_NOT_OFFERED);
    }
    const amount = decideOrderAmount(request.amountRupees, config);
    if (!amount.ok) return amount;
    // The fee is main's own figure from its own setting; the gift alone is checked against the limits.
    const feeRupees = request.coverFee ? processingFeeRupees(request.amountRupees, config.feeCoverPercent) : 0;
    const feePaise = feeRupees * 100;
    const orderPaise = amount.value.amountPaise + feePaise;
    if (request.amountRupees + feeRupees > config.maxAmountRupees) {
      return fail('amount_out_of_range', `The gift with the processing fee would be more than the maximum of ${config.maxAmountRupees} rupees`);
    }
    // Checked before the ledger row: a donation the kiosk knows it cannot finish is never started.
    if (this.deps.isOnline && !this.deps.isOnline()) return fail('kiosk_unavailable', 'Razorpay cannot be reached; the kiosk is offline', true);

    const id = newDonationId();
    const receipt = receiptFor(config.kioskId, id);
    const donorName = request.donor.anonymous ? null : (request.donor.name ?? null);
    // The attempt is on record before Razorpay hears of it.
    ledger.createDonation(
      {
        id,
        receipt,
        kioskId: config.kioskId,
        cause: cause.name.en,
        amountPaise: orderPaise,
        feePaise,
        anonymous: request.donor.anonymous,
        donorName,
        phone: request.donor.phone ?? null,
        email: request.donor.email ?? null,
        tax: request.donor.taxReceipt ?? null,
        eventId: config.eventId,
      },
      'donor',
    );

    const order = await this.createOrderOnce({
      amountPaise: orderPaise,
      receipt,
      notes: {
        kiosk_id: config.kioskId,
        cause: cause.name.en,
        cause_id: cause.id,
        donor_name: donorName ?? 'Anonymous',
        donation_id: id,
        ...(feePaise > 0 ? { fee_covered_inr: String(feeRupees) } : {}),
        ...eventOrderNotes(config.eventId, this.deps.installationId),
      },
    });
    if (!order.ok) {
      const error = kioskErrorForGateway(order.error);
      this.transitionOrLog(id, 'order_failed', 'gateway', { failureCode: error.code, failureReason: error.message }, { gatewayError: order.error, receiptLookup: order.receiptLookup });
      this.deps.log(`donation ${id}: order creation failed: ${error.message}`);
      return { ok: false, error };
    }
    if (order.value.amount !== orderPaise || order.value.currency !== 'INR') {
      const message = `order ${order.value.id} came back with ${order.value.amount} ${order.value.currency}`;
      this.transitionOrLog(id, 'order_failed', 'gateway', { orderId: order.value.id, failureCode: 'order_mismatch', failureReason: message });
      return fail('gateway_rejected', message);
    }
    this.transitionOrLog(id, 'order_created', 'gateway', { orderId: order.value.id }, { receipt, ...(order.foundByReceipt ? { foundByReceipt: true } : {}) });

    return {
      ok: true,
      value: {
        donationId: id,
        options: {
          key: this.deps.keyId,
          order_id: order.value.id,
          amount: orderPaise,
          currency: 'INR',
          name: config.organisationName,
          description: `Donation: ${cause.name.en}`,
          // razorpay.md §5.2: a base64 data URI, so Checkout loads nothing else for it.
          ...(config.logoDataUri === undefined ? {} : { image: config.logoDataUri }),
          prefill: {
            ...(donorName ? { name: donorName } : {}),
            ...(request.donor.email ? { email: request.donor.email } : {}),
            ...(request.donor.phone ? { contact: request.donor.phone.startsWith('+91') ? request.donor.phone : `+91${request.donor.phone}` } : {}),
          },
          notes: { kiosk_id: config.kioskId, donation_id: id },
          timeout: config.checkoutTimeoutSeconds,
          // A failure ends the Checkout session so the kiosk can explain it in
          // the donor's words; "Try again" reopens Checkout on the same order.
          retry: { enabled: false },
          // A kiosk has no Escape key to spare and no backdrop to miss-tap.
          modal: { escape: false, backdropclose: false, confirm_close: true, animation: true },
          theme: { color: config.themeColor },
          ...(config.acceptForeignContributions ? {} : { config: DOMESTIC_CHECKOUT }),
        },
      },
    };
  }

  /**
   * Creates the order, never twice: when the answer is lost (no response, 5xx,
   * a page that is not Razorpay's), the order may exist all the same, so it is
   * looked up once by its unique receipt (razorpay.md §8.1) before the attempt
   * counts as failed. Reconciliation looks again later if this look-up fails too.
   */
  private async createOrderOnce(input: CreateOrderInput): Promise<GatewayResult<GatewayOrder> & { foundByReceipt?: boolean; receiptLookup?: ReceiptLookup }> {
    const created = await this.deps.gateway.createOrder(input);
    if (created.ok) return created;
    if (!(isOutcomeUnknown(created.error) || (created.error.kind === 'http' && created.error.status >= 500))) return { ...created, receiptLookup: 'not_needed' };
    const found = await this.deps.gateway.findOrderByReceipt(input.receipt);
    if (found.ok && found.value) {
      this.deps.log(`receipt ${input.receipt}: order ${found.value.id} found by receipt after: ${describeGatewayError(created.error)}`);
      return { ok: true, value: found.value, foundByReceipt: true };
    }
    return { ...created, receiptLookup: found.ok ? 'no_order' : 'failed' };
  }

  checkoutOpened(request: DonationRef): Result<null> {
    const donation = this.deps.ledger.get(request.donationId);
    if (!donation) return fail('unknown_donation', `no donation ${request.donationId}`);
    if (!PAYABLE_STATES.includes(donation.state)) return fail('illegal_state', `donation is ${donation.state}`);
    if (donation.state === 'checkout_open') return { ok: true, value: null };
    const full = this.pageEventsFull(donation);
    if (full) return full;
    return this.move(donation, 'checkout_open', 'donor');
  }

  recordPaymentFailure(request: RecordPaymentFailureRequest): Result<null> {
    const { ledger } = this.deps;
    const donation = ledger.get(request.donationId);
    if (!donation) return fail('unknown_donation', `no donation ${request.donationId}`);
    const full = this.pageEventsFull(donation);
    if (full) return full;
    // Checkout's words come from Razorpay through the page: credentials are taken out before they are kept.
    const failure = redactFailure(request.failure);
    const detail = { failure };
    if (donation.state === 'payment_failed') {
      ledger.note(donation.id, 'checkout', detail);
      return { ok: true, value: null };
    }
    return this.move(donation, 'payment_failed', 'checkout', {
      failureCode: failure.reason ?? failure.code ?? 'payment_failed',
      failureReason: failure.description ?? null,
      ...(failure.paymentId ? { paymentId: failure.paymentId } : {}),
    }, detail);
  }

  cancelDonation(request: CancelDonationRequest): Result<null> {
    const { ledger } = this.deps;
    const donation = ledger.get(request.donationId);
    if (!donation) return fail('unknown_donation', `no donation ${request.donationId}`);
    const full = this.pageEventsFull(donation);
    if (full) return full;
    if (request.reason === 'checkout_unavailable') {
      // Checkout never showed: the order stays open for another try, and the
      // ledger keeps why.
      ledger.note(donation.id, 'kiosk', { checkoutUnavailable: true });
      return { ok: true, value: null };
    }
    const target: DonationState = request.reason === 'checkout_timeout' ? 'checkout_expired' : 'closed_by_donor';
    if (donation.state === target) return { ok: true, value: null };
    return this.move(donation, target, 'donor', {}, { reason: request.reason });
  }

  /**
   * Whether the donor is paying right now, as Razorpay sees the order: a
   * payment in `created` (approving in a UPI app, at the bank's page) or one
   * that went through. The kiosk closes a payment window left alone only when
   * this says no: a donor mid-payment is never cut off.
   */
  async paymentActivity(request: DonationRef): Promise<Result<PaymentActivity>> {
    const donation = this.deps.ledger.get(request.donationId);
    if (!donation) return fail('unknown_donation', `no donation ${request.donationId}`);
    if (!donation.orderId) return { ok: true, value: { underway: false } };
    const payments = await this.deps.gateway.fetchOrderPayments(donation.orderId);
    if (!payments.ok) return { ok: true, value: { underway: null } };
    const underway = payments.value.some((p) => p.status === 'created' || p.status === 'authorized' || p.status === 'captured');
    return { ok: true, value: { underway } };
  }

  async confirmPayment(request: ConfirmPaymentRequest): Promise<Result<DonationReceipt>> {
    const { ledger, gateway } = this.deps;
    const donation = ledger.get(request.donationId);
    if (!donation) return fail('unknown_donation', `no donation ${request.donationId}`);
    if (donation.state === 'paid') {
      // A repeated confirmation (e.g. a reply lost on the way) gets the same answer.
      return donation.paymentId === request.razorpayPaymentId ? { ok: true, value: this.receipt(donation) } : fail('illegal_state', 'donation already paid by another payment');
    }
    if (!CONFIRMABLE_STATES.includes(donation.state) || !donation.orderId) return fail('illegal_state', `donation is ${donation.state}`);

    const claimed = { paymentId: request.razorpayPaymentId, orderId: request.razorpayOrderId };
    if (request.razorpayOrderId !== donation.orderId) {
      return this.rejectPayment(donation, 'order_mismatch', `Checkout reported order ${request.razorpayOrderId}, the kiosk created ${donation.orderId}`, claimed);
    }
    // Signed over the order id the kiosk stored, never the one echoed back.
    if (!this.deps.verifySignature(donation.orderId, request.razorpayPaymentId, request.razorpaySignature)) {
      return this.rejectPayment(donation, 'signature_mismatch', 'the payment signature does not match', claimed);
    }

    const fetched = await gateway.fetchPayment(request.razorpayPaymentId);
    if (!fetched.ok) {
      // The signature proves Razorpay authorised it: keep that, and say we are still checking.
      this.moveToAuthorized(donation, request.razorpayPaymentId, { fetchError: fetched.error });
      return { ok: false, error: kioskErrorForGateway(fetched.error) };
    }
    return this.settle(donation, fetched.value);
  }

  private async settle(donation: Donation, payment: GatewayPayment): Promise<Result<DonationReceipt>> {
    const claimed = { paymentId: payment.id, orderId: payment.order_id };
    if (payment.order_id !== donation.orderId) {
      return this.rejectPayment(donation, 'payment_order_mismatch', `payment ${payment.id} belongs to order ${payment.order_id ?? 'none'}`, claimed);
    }
    if (payment.amount !== donation.amountPaise || payment.currency !== 'INR') {
      return this.rejectPayment(donation, 'amount_mismatch', `payment is ${payment.amount} ${payment.currency}, donation is ${donation.amountPaise} INR`, claimed);
    }
    const method = paymentMethod(payment.method);
    switch (payment.status) {
      case 'captured':
        return this.markPaid(donation, payment.id, method);
      case 'authorized': {
        this.moveToAuthorized(donation, payment.id, { method });
        const captured = await this.deps.gateway.capturePayment(payment.id, donation.amountPaise);
        if (captured.ok && captured.value.status === 'captured') return this.markPaid(this.deps.ledger.get(donation.id) ?? donation, payment.id, method);
        const detail = captured.ok ? `capture left the payment ${captured.value.status}` : describeGatewayError(captured.error);
        this.deps.ledger.note(donation.id, 'gateway', { captureFailed: detail });
        return fail('payment_not_completed', `payment ${payment.id} is authorised but not captured yet: ${detail}`, true);
      }
      case 'failed':
        this.move(donation, 'payment_failed', 'gateway', { paymentId: payment.id, failureCode: payment.error_reason ?? 'payment_failed', failureReason: payment.error_description ?? null });
        return fail('payment_not_completed', `payment ${payment.id} failed: ${payment.error_description ?? 'no reason given'}`);
      default:
        this.deps.ledger.note(donation.id, 'gateway', { paymentStatus: payment.status, paymentId: payment.id });
        return fail('payment_not_completed', `payment ${payment.id} is ${payment.status}`, true);
    }
  }

  private markPaid(donation: Donation, paymentId: string, method: PaymentMethod): Result<DonationReceipt> {
    const moved = this.transitionOrLog(donation.id, 'paid', 'gateway', { paymentId, paymentMethod: method, paidAt: Date.now(), failureCode: null, failureReason: null });
    if (!moved.ok) {
      const current = this.deps.ledger.get(donation.id);
      if (current?.state === 'paid' && current.paymentId === paymentId) return { ok: true, value: this.receipt(current) };
      return fail('illegal_state', `cannot mark ${donation.id} paid`);
    }
    this.deps.log(`donation ${donation.id}: paid by ${paymentId}`);
    return { ok: true, value: this.receipt(moved.donation) };
  }

  private moveToAuthorized(donation: Donation, paymentId: string, detail: Record<string, unknown>): void {
    const current = this.deps.ledger.get(donation.id);
    if (current && current.state !== 'authorized') this.transitionOrLog(donation.id, 'authorized', 'checkout', { paymentId }, detail);
  }

  private rejectPayment(donation: Donation, reason: string, message: string, claimed: Record<string, unknown>): Result<never> {
    this.transitionOrLog(donation.id, 'verification_failed', 'kiosk', { failureCode: reason, failureReason: message }, { claimed });
    this.deps.log(`donation ${donation.id}: verification failed (${reason}): ${message}`);
    return fail('verification_failed', message);
  }

  private move(donation: Donation, to: DonationState, source: 'donor' | 'checkout' | 'gateway', patch: Parameters<Ledger['transition']>[3] = {}, detail: Record<string, unknown> = {}): Result<null> {
    const moved = this.transitionOrLog(donation.id, to, source, patch, detail);
    if (moved.ok) return { ok: true, value: null };
    return fail(moved.reason === 'unknown_donation' ? 'unknown_donation' : 'illegal_state', `cannot move donation ${donation.id} from ${donation.state} to ${to}`);
  }

  /** The page has added all the events one donation may have: refused, and logged once. */
  private pageEventsFull(donation: Donation): Result<never> | null {
    const count = this.deps.ledger.countEvents(donation.id);
    if (count < MAX_PAGE_EVENTS_PER_DONATION) return null;
    if (count === MAX_PAGE_EVENTS_PER_DONATION) {
      this.deps.ledger.note(donation.id, 'kiosk', { pageEventsCapped: MAX_PAGE_EVENTS_PER_DONATION });
      this.deps.log(`donation ${donation.id}: the page reached ${MAX_PAGE_EVENTS_PER_DONATION} events; further reports are refused`);
    }
    return fail('illegal_state', 'this donation has recorded as much as one donation may');
  }

  /** Every transition the service asks for; a refusal is also logged, not only kept in the ledger. */
  private transitionOrLog(...args: Parameters<Ledger['transition']>): ReturnType<Ledger['transition']> {
    const moved = this.deps.ledger.transition(...args);
    if (!moved.ok) {
      const [id, to, source] = args;
      const why = moved.reason === 'illegal_transition' ? `${moved.from} -> ${moved.to} is not allowed` : moved.reason;
      this.deps.log(`donation ${id}: refused transition to ${to} (source ${source}): ${why}`);
    }
    return moved;
  }

  private receipt(donation: Donation): DonationReceipt {
    return {
      donationId: donation.id,
      amountRupees: donation.amountPaise / 100,
      paymentId: donation.paymentId ?? '',
      // The numbered receipt (assigned with the move to paid); the order's receipt only for a donation paid before numbering existed.
      receiptNumber: donation.receiptNo ?? donation.receipt,
      method: paymentMethod(donation.paymentMethod),
      paidAt: new Date(donation.paidAt ?? donation.updatedAt).toISOString(),
      ...(donation.donorName ? { donorName: donation.donorName } : {}),
      taxReceipt: donation.tax !== null,
      ...(donation.feePaise > 0 ? { feeRupees: donation.feePaise / 100 } : {}),
      causeName: donation.cause,
    };
  }
}
