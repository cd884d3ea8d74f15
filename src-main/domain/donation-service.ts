// A donation, step by step, as main sees it: record the attempt, create the
// order, follow Checkout, verify and capture the payment. Every step is a
// ledger transition before anything else happens, and every outcome is a Result.
//
// Once Checkout's signature proves Razorpay authorised a payment, the donation
// is never offered a second one: if the payment cannot be captured yet (a
// manual-capture account answering slowly, a capture answered 5xx, a full
// disk) the donor hears "being confirmed" (payment_confirming), their screen
// keeps asking (getDonationProgress, each time trying the capture again), and
// reconciliation finishes it if they leave.
import type {
  CancelDonationRequest,
  CheckoutDisplayConfig,
  CheckoutSession,
  ConfirmPaymentRequest,
  DonationProgress,
  PaymentActivity,
  DonationReceipt,
  DonationRef,
  KioskError,
  KioskErrorCode,
  RecordPaymentFailureRequest,
  Result,
  StartDonationRequest,
} from '../contract/kiosk-api.ts';
import type { KioskConfig } from './kiosk-config.ts';
import { processingFeeRupees } from '../../src-shared/amounts.ts';
import type { Donation, Ledger } from './ledger/ledger.ts';
import { MONEY_ARRIVED, type DonationState } from './ledger/donation-states.ts';
import { describeGatewayError, isOutcomeUnknown, type GatewayError, type GatewayResult } from './gateway/gateway-error.ts';
import type { CreateOrderInput, GatewayOrder, GatewayPayment, PaymentGateway } from './gateway/razorpay-gateway.ts';
import { decideOrderAmount } from './amount-policy.ts';
import { newDonationId, receiptFor } from './donation-ids.ts';
import { isLedgerFaultError } from './ledger/ledger-fault.ts';
import { DonorScreens } from './donor-screens.ts';
import { CONFIRM_WAIT_MS, PROGRESS_WAIT_MS } from './donor-wait.ts';
import { killPoint } from './kill-points.ts';
import { paidMove, paymentMethodOf } from './reconciliation/reconcile-rules.ts';
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
  /** Which donations a donor's screen is following (shared with reconciliation). */
  donorScreens?: DonorScreens;
  /** Tests shorten the donor's waits. */
  confirmWaitMs?: number;
  progressWaitMs?: number;
  now?: () => number;
}

/** How one attempt to settle a verified payment ended. */
type Settled =
  | { kind: 'paid'; donation: Donation }
  /** Razorpay holds the payment; it is not captured (or recorded) yet. */
  | { kind: 'confirming'; why: string }
  | { kind: 'not_completed'; message: string; retryable: boolean }
  | { kind: 'rejected'; message: string };

/**
 * How many ledger events the page may add to one donation (Checkout opened,
 * failures reported, cancels): a real donor needs a handful; a script on the
 * page must not be able to grow the ledger without end (issue 14, item 10).
 */
export const MAX_PAGE_EVENTS_PER_DONATION = 40;

/** After a failed create: whether the order was looked for by its receipt, and what came of it. */
type ReceiptLookup = 'not_needed' | 'no_order' | 'failed';

const PAYABLE_STATES: readonly DonationState[] = ['order_created', 'checkout_open', 'payment_failed', 'closed_by_donor', 'checkout_expired'];
/** A genuine Checkout confirmation is accepted in any of these: `expired` and `verification_failed` included, never final for money. */
const CONFIRMABLE_STATES: readonly DonationState[] = [...PAYABLE_STATES, 'authorized', 'expired', 'verification_failed'];

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
  private readonly screens: DonorScreens;
  /** One settle in flight per donation: a repeated confirmation or a progress check joins it. */
  private readonly settling = new Map<string, Promise<Settled>>();
  /**
   * Payments whose Checkout signature was verified and whose outcome the
   * ledger does not show yet (it could not be written: a full disk), by
   * donation: the donor's screen hears "being confirmed" for them, and each
   * progress check tries to settle them again, as for an `authorized` row.
   */
  private readonly verifiedPayments = new Map<string, string>();

  constructor(deps: DonationServiceDeps) {
    this.deps = deps;
    this.screens = deps.donorScreens ?? new DonorScreens();
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
    const fault = ledger.checkFile() ?? ledger.fault();
    if (fault) return fail('kiosk_unavailable', fault.operatorMessage);

    const id = newDonationId();
    const receipt = receiptFor(config.kioskId, id);
    const donorName = request.donor.anonymous ? null : (request.donor.name ?? null);
    // The attempt is on record before Razorpay hears of it.
    const recorded = this.write(() =>
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
      ),
    );
    if (!recorded.ok) return recorded;
    this.screens.touched(id);

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
      this.write(() => this.transitionOrLog(id, 'order_failed', 'gateway', { failureCode: error.code, failureReason: error.message }, { gatewayError: order.error, receiptLookup: order.receiptLookup }));
      this.deps.log(`donation ${id}: order creation failed: ${error.message}`);
      return { ok: false, error };
    }
    killPoint('after_order_created');
    const orderCreatedAt = order.value.created_at === undefined ? null : order.value.created_at * 1000;
    if (order.value.amount !== orderPaise || order.value.currency !== 'INR') {
      const message = `order ${order.value.id} came back with ${order.value.amount} ${order.value.currency}`;
      this.write(() => this.transitionOrLog(id, 'order_failed', 'gateway', { orderId: order.value.id, orderCreatedAt, failureCode: 'order_mismatch', failureReason: message }));
      return fail('gateway_rejected', message);
    }
    // If this write fails, the order exists at Razorpay without the ledger knowing its id: reconciliation finds it by the receipt.
    const opened = this.write(() =>
      this.transitionOrLog(id, 'order_created', 'gateway', { orderId: order.value.id, orderCreatedAt }, { receipt, ...(order.foundByReceipt ? { foundByReceipt: true } : {}) }),
    );
    if (!opened.ok) return opened;

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

  async checkoutOpened(request: DonationRef): Promise<Result<null>> {
    const asked = this.deps.ledger.get(request.donationId);
    if (!asked) return fail('unknown_donation', `no donation ${request.donationId}`);
    this.screens.touched(asked.id);
    if (!PAYABLE_STATES.includes(asked.state)) return fail('illegal_state', `donation is ${asked.state}`);
    if (asked.state !== 'order_created' && asked.orderId) {
      // A reopen ("Try again"): a Checkout the kiosk lost sight of may have taken
      // the payment. One Razorpay already holds is followed, never offered again.
      const held = await this.paymentHeldFor(asked.orderId);
      if (held !== null) {
        this.deps.log(`donation ${asked.id}: Razorpay holds payment ${held} for its order; followed instead of reopening Checkout`);
        this.settle(asked.id, held).catch((error: unknown) => this.deps.log(`donation ${asked.id}: settling ${held} failed: ${String(error)}`));
        return fail('illegal_state', `donation ${asked.id} already has payment ${held} at Razorpay`);
      }
    }
    // Read again: the donation may have moved while Razorpay was asked.
    const donation = this.deps.ledger.get(asked.id) ?? asked;
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
    this.screens.touched(donation.id);
    const full = this.pageEventsFull(donation);
    if (full) return full;
    // Checkout's words come from Razorpay through the page: credentials are taken out before they are kept.
    const failure = redactFailure(request.failure);
    const detail = { failure };
    if (donation.state === 'payment_failed' || MONEY_ARRIVED.includes(donation.state)) {
      // A late report about an attempt whose money is already known changes nothing.
      return this.write(() => {
        ledger.note(donation.id, 'checkout', detail);
        return null;
      });
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
    if (MONEY_ARRIVED.includes(donation.state)) {
      // The donor leaves a payment that is paid or still being confirmed: nothing to cancel.
      // From now on reconciliation finishes it, and tells the operator.
      this.screens.left(donation.id);
      if (donation.state !== 'authorized') return { ok: true, value: null };
      return this.write(() => {
        ledger.note(donation.id, 'donor', { leftWhileConfirming: true, reason: request.reason });
        return null;
      });
    }
    this.screens.touched(donation.id);
    const full = this.pageEventsFull(donation);
    if (full) return full;
    if (request.reason === 'checkout_unavailable') {
      // Checkout never showed: the order stays open for another try, and the
      // ledger keeps why.
      return this.write(() => {
        ledger.note(donation.id, 'kiosk', { checkoutUnavailable: true });
        return null;
      });
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

  /** The id of a payment Razorpay has authorised or captured on `orderId`; null when none, or when Razorpay cannot be asked. */
  private async paymentHeldFor(orderId: string): Promise<string | null> {
    const payments = await this.deps.gateway.fetchOrderPayments(orderId);
    if (!payments.ok) return null;
    return payments.value.find((p) => p.status === 'authorized' || p.status === 'captured')?.id ?? null;
  }

  async confirmPayment(request: ConfirmPaymentRequest): Promise<Result<DonationReceipt>> {
    const { ledger } = this.deps;
    const donation = ledger.get(request.donationId);
    if (!donation) return fail('unknown_donation', `no donation ${request.donationId}`);
    this.screens.following(donation.id);
    if (donation.state === 'paid') {
      // A repeated confirmation (e.g. a reply lost on the way) gets the same answer.
      return donation.paymentId === request.razorpayPaymentId ? { ok: true, value: this.receipt(donation) } : fail('illegal_state', 'donation already paid by another payment');
    }
    if (!CONFIRMABLE_STATES.includes(donation.state) || !donation.orderId) return fail('illegal_state', `donation is ${donation.state}`);

    const claimed = { paymentId: request.razorpayPaymentId, orderId: request.razorpayOrderId };
    if (request.razorpayOrderId !== donation.orderId) {
      return this.refuseClaim(donation, 'order_mismatch', `Checkout reported order ${request.razorpayOrderId}, the kiosk created ${donation.orderId}`, claimed);
    }
    // Signed over the order id the kiosk stored, never the one echoed back.
    if (!this.deps.verifySignature(donation.orderId, request.razorpayPaymentId, request.razorpaySignature)) {
      return this.refuseClaim(donation, 'signature_mismatch', 'the payment signature does not match', claimed);
    }
    // From here Razorpay has authorised this payment: never a second one for this donation.
    this.verifiedPayments.set(donation.id, request.razorpayPaymentId);
    return this.answer(donation.id, await this.within(this.settle(donation.id, request.razorpayPaymentId), this.deps.confirmWaitMs ?? CONFIRM_WAIT_MS));
  }

  /**
   * Where a donation's payment stands, for a donor's screen following one
   * that is being confirmed: each call (the renderer backs off) tries the
   * capture again, at most one at a time per donation.
   */
  async getDonationProgress(request: DonationRef): Promise<Result<DonationProgress>> {
    const donation = this.deps.ledger.get(request.donationId);
    if (!donation) return fail('unknown_donation', `no donation ${request.donationId}`);
    this.screens.following(donation.id);
    const inFlight = this.settling.get(donation.id);
    const held = donation.state === 'authorized' ? donation.paymentId : donation.state === 'paid' ? null : this.verifiedPayments.get(donation.id);
    let outcome: Settled | null = null;
    if (inFlight) outcome = await this.within(inFlight, this.deps.progressWaitMs ?? PROGRESS_WAIT_MS);
    else if (held) outcome = await this.within(this.settle(donation.id, held), this.deps.progressWaitMs ?? PROGRESS_WAIT_MS);
    if (outcome?.kind === 'paid') return { ok: true, value: { status: 'paid', receipt: this.receipt(outcome.donation) } };
    if (outcome?.kind === 'confirming') return { ok: true, value: { status: 'confirming' } };
    const current = this.deps.ledger.get(donation.id) ?? donation;
    if (current.state === 'paid') {
      // Recorded by reconciliation meanwhile.
      this.verifiedPayments.delete(current.id);
      return { ok: true, value: { status: 'paid', receipt: this.receipt(current) } };
    }
    if (current.state === 'authorized' || this.verifiedPayments.has(current.id)) return { ok: true, value: { status: 'confirming' } };
    return { ok: true, value: { status: 'not_paid' } };
  }

  /** Settles a verified payment; a second caller for the same donation joins the first. */
  private settle(donationId: string, paymentId: string): Promise<Settled> {
    const running = this.settling.get(donationId);
    if (running) return running;
    const work = this.settleNow(donationId, paymentId)
      .catch((error: unknown): Settled => {
        // A ledger that cannot be written (full disk): the money is at Razorpay, and reconciliation records it once the ledger is back.
        if (isLedgerFaultError(error)) return { kind: 'confirming', why: error.operatorMessage };
        throw error;
      })
      .then((outcome) => {
        // Settled either way: the ledger now shows what became of the payment.
        if (outcome.kind !== 'confirming') this.verifiedPayments.delete(donationId);
        return outcome;
      })
      .finally(() => this.settling.delete(donationId));
    this.settling.set(donationId, work);
    return work;
  }

  private async settleNow(donationId: string, paymentId: string): Promise<Settled> {
    const { ledger, gateway } = this.deps;
    const fetched = await gateway.fetchPayment(paymentId);
    if (!fetched.ok) {
      // The signature proves Razorpay authorised it: keep that, and say we are still checking.
      this.recordAuthorized(donationId, paymentId, { fetchError: fetched.error });
      return { kind: 'confirming', why: describeGatewayError(fetched.error) };
    }
    const payment = fetched.value;
    const donation = ledger.get(donationId);
    if (!donation) return { kind: 'rejected', message: `donation ${donationId} vanished` };
    if (donation.state === 'paid') return donation.paymentId === payment.id ? { kind: 'paid', donation } : { kind: 'rejected', message: 'donation already paid by another payment' };
    if (payment.order_id !== donation.orderId) {
      return this.rejectPayment(donation, 'payment_order_mismatch', `payment ${payment.id} belongs to order ${payment.order_id ?? 'none'}`, { paymentId: payment.id, orderId: payment.order_id });
    }
    if (payment.amount !== donation.amountPaise || payment.currency !== 'INR') {
      return this.rejectPayment(donation, 'amount_mismatch', `payment is ${payment.amount} ${payment.currency}, donation is ${donation.amountPaise} INR`, { paymentId: payment.id, orderId: payment.order_id });
    }
    switch (payment.status) {
      case 'captured':
        return this.markPaid(donation, payment);
      case 'authorized': {
        this.recordAuthorized(donation.id, payment.id, { method: paymentMethodOf(payment.method) });
        killPoint('before_capture');
        const captured = await gateway.capturePayment(payment.id, donation.amountPaise);
        killPoint('after_capture');
        if (captured.ok && captured.value.status === 'captured') return this.markPaid(ledger.get(donation.id) ?? donation, payment);
        const detail = captured.ok ? `capture left the payment ${captured.value.status}` : describeGatewayError(captured.error);
        ledger.note(donation.id, 'gateway', { captureFailed: detail });
        this.deps.log(`donation ${donation.id}: payment ${payment.id} is authorised, capture not done yet: ${detail}`);
        return { kind: 'confirming', why: detail };
      }
      case 'failed':
        this.transitionOrLog(donation.id, 'payment_failed', 'gateway', { paymentId: payment.id, failureCode: payment.error_reason ?? 'payment_failed', failureReason: payment.error_description ?? null });
        return { kind: 'not_completed', message: `payment ${payment.id} failed: ${payment.error_description ?? 'no reason given'}`, retryable: false };
      case 'refunded':
        // An authorisation nobody captured in time, refunded by Razorpay: the money went back.
        this.transitionOrLog(donation.id, 'refunded', 'gateway', { paymentId: payment.id }, { refundedUncaptured: payment.captured !== true });
        return { kind: 'not_completed', message: `payment ${payment.id} was refunded`, retryable: false };
      default:
        ledger.note(donation.id, 'gateway', { paymentStatus: payment.status, paymentId: payment.id });
        return { kind: 'confirming', why: `payment ${payment.id} is ${payment.status}` };
    }
  }

  /** Waits for `work` at most `ms`; past that the donor hears "being confirmed" and the work goes on. */
  private async within(work: Promise<Settled>, ms: number): Promise<Settled> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<Settled>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'confirming', why: `still confirming after ${ms} ms` }), ms);
    });
    try {
      return await Promise.race([work, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  private answer(donationId: string, outcome: Settled): Result<DonationReceipt> {
    switch (outcome.kind) {
      case 'paid':
        return { ok: true, value: this.receipt(outcome.donation) };
      case 'confirming':
        return fail('payment_confirming', `donation ${donationId}: the payment is authorised at Razorpay and is being confirmed (${outcome.why})`);
      case 'not_completed':
        return fail('payment_not_completed', outcome.message, outcome.retryable);
      case 'rejected':
        return fail('verification_failed', outcome.message);
    }
  }

  private markPaid(donation: Donation, payment: GatewayPayment): Settled {
    // The donor sees it on screen only while their screen is still asking; a capture that lands after they left is "recovered" for the operator.
    const { patch, detail } = paidMove(donation, payment, { donorWatching: this.screens.isWatching(donation.id) });
    const moved = this.transitionOrLog(donation.id, 'paid', 'gateway', patch, detail);
    if (!moved.ok) {
      const current = this.deps.ledger.get(donation.id);
      if (current?.state === 'paid' && current.paymentId === payment.id) return { kind: 'paid', donation: current };
      return { kind: 'rejected', message: `cannot mark ${donation.id} paid` };
    }
    this.deps.log(`donation ${donation.id}: paid by ${payment.id}`);
    return { kind: 'paid', donation: moved.donation };
  }

  private recordAuthorized(donationId: string, paymentId: string, detail: Record<string, unknown>): void {
    const current = this.deps.ledger.get(donationId);
    if (current && current.state !== 'authorized') this.transitionOrLog(donationId, 'authorized', 'checkout', { paymentId }, detail);
  }

  /** Razorpay's own record of the payment disagrees with the donation: never success. */
  private rejectPayment(donation: Donation, reason: string, message: string, claimed: Record<string, unknown>): Settled {
    this.transitionOrLog(donation.id, 'verification_failed', 'kiosk', { failureCode: reason, failureReason: message }, { claimed });
    this.deps.log(`donation ${donation.id}: verification failed (${reason}): ${message}`);
    return { kind: 'rejected', message };
  }

  /**
   * A confirmation the kiosk cannot verify (a wrong signature, another order):
   * refused and kept in the ledger, but the donation's state does not change,
   * so one forged call cannot block the donor's genuine confirmation.
   */
  private refuseClaim(donation: Donation, reason: string, message: string, claimed: Record<string, unknown>): Result<never> {
    this.deps.log(`donation ${donation.id}: confirmation refused (${reason}): ${message}`);
    this.write(() => this.deps.ledger.note(donation.id, 'kiosk', { refusedConfirmation: { reason, message, claimed } }));
    return fail('verification_failed', message);
  }

  private move(donation: Donation, to: DonationState, source: 'donor' | 'checkout' | 'gateway', patch: Parameters<Ledger['transition']>[3] = {}, detail: Record<string, unknown> = {}): Result<null> {
    const moved = this.write(() => this.transitionOrLog(donation.id, to, source, patch, detail));
    if (!moved.ok) return moved;
    if (moved.value.ok) return { ok: true, value: null };
    return fail(moved.value.reason === 'unknown_donation' ? 'unknown_donation' : 'illegal_state', `cannot move donation ${donation.id} from ${donation.state} to ${to}`);
  }

  /** A ledger write the donor's call depends on: a ledger that cannot be written answers kiosk_unavailable, with the operator's reason. */
  private write<T>(work: () => T): Result<T> {
    try {
      return { ok: true, value: work() };
    } catch (error) {
      if (!isLedgerFaultError(error)) throw error;
      this.deps.log(`ledger: ${error.operatorMessage}`);
      return fail('kiosk_unavailable', error.operatorMessage);
    }
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
      method: paymentMethodOf(donation.paymentMethod),
      paidAt: new Date(donation.paidAt ?? donation.updatedAt).toISOString(),
      ...(donation.donorName ? { donorName: donation.donorName } : {}),
      taxReceipt: donation.tax !== null,
      ...(donation.feePaise > 0 ? { feeRupees: donation.feePaise / 100 } : {}),
      causeName: donation.cause,
    };
  }
}
