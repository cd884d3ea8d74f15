// What reconciliation does with one unsettled donation, as pure decisions
// (the reconciler carries them out). Razorpay is the authority on money:
// whatever the donor was shown, a captured payment on the donation's own
// order, for its own amount, makes it paid (razorpay.md §8.4); a failed
// payment is not final until the late-authorisation window has passed (§2).
//
// Time (issue 13): nothing here reads the kiosk's wall clock for a decision
// that ends a donation. "The window has passed" is judged on Razorpay's clock
// (its answers' Date, GatewayClock in ../clock.ts) against Razorpay's own
// created_at of the order and its payments; how long the donor has been away,
// and how long since a donation was first looked at, on the monotonic clock.
// Without Razorpay's time nothing is expired: leaving a donation open costs a
// few calls, expiring a paid one loses money.
import type { PaymentMethod } from '../../contract/kiosk-api.ts';
import type { Donation, DonationPatch } from '../ledger/ledger.ts';
import type { GatewayPayment } from '../gateway/razorpay-gateway.ts';

export interface ReconcileRuleOptions {
  /** How long Razorpay may still turn a failed payment into a captured one. Default 5 days. */
  lateAuthorisationWindowMs: number;
  /** A donation of this run with no order at Razorpay this long after the donor's last call never got one. Default 30 minutes. */
  orderGraceMs: number;
  /** Leave donations alone while the donor may still be paying in Checkout (since the donor's screen last called). */
  checkoutGraceMs: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export function defaultRuleOptions(checkoutTimeoutSeconds: number): ReconcileRuleOptions {
  return {
    lateAuthorisationWindowMs: 5 * DAY_MS,
    orderGraceMs: 30 * 60 * 1000,
    // Checkout's own timeout, plus a margin for the bank page and the callback.
    checkoutGraceMs: (checkoutTimeoutSeconds + 5 * 60) * 1000,
  };
}

/** What the reconciler knows when it decides, besides the donation itself. */
export interface DecisionFacts {
  /** Razorpay's "now" (ms), or null before its first answer. */
  gatewayNow: number | null;
  /** A donor's screen is following this donation's payment right now (it will show them the outcome). */
  donorWatching: boolean;
  /** The donor may still be paying in Checkout (their screen called within the checkout grace, on the monotonic clock, and handed no payment over). */
  donorMayBePaying: boolean;
  /**
   * Monotonic ms since the donor's screen last called about it in this run;
   * undefined for a donation from an earlier run (its order was created, or
   * not, before that run ended).
   */
  sinceDonorCall: number | undefined;
}

/**
 * How often a donation is worth asking about, by age: Razorpay keeps a failed
 * payment open for days (§8.4 "background polling with backoff for 3-5 days"),
 * but almost every late authorisation lands within the first hour, and a
 * kiosk should not ask about a week's abandoned attempts every minute (an
 * authorised payment not yet captured backs off the same way). Age here only
 * sets a pace: a wrong clock makes it ask more or less often, never decide.
 */
export function checkIntervalMs(ageMs: number): number {
  if (ageMs < HOUR_MS) return 0; // every pass
  if (ageMs < DAY_MS) return 10 * 60 * 1000;
  return HOUR_MS;
}

/** Whether a donation last checked `sinceChecked` monotonic ms ago (undefined: not in this run) is due again. */
export function isDue(ageMs: number, sinceChecked: number | undefined): boolean {
  return sinceChecked === undefined || sinceChecked >= checkIntervalMs(ageMs);
}

export type Plan =
  | { kind: 'skip'; why: string }
  /** No order id on record: ask Razorpay for the order by its receipt. */
  | { kind: 'find_order' }
  /** Ask Razorpay for the order's payments. */
  | { kind: 'check_payments'; orderId: string };

export function planFor(donation: Donation, facts: DecisionFacts): Plan {
  const inCheckout = donation.state === 'order_created' || donation.state === 'checkout_open';
  if (inCheckout && facts.donorMayBePaying) return { kind: 'skip', why: 'the donor may still be paying' };
  if (!donation.orderId) return { kind: 'find_order' };
  return { kind: 'check_payments', orderId: donation.orderId };
}

export type OrderLookupDecision =
  | { kind: 'record_order'; orderId: string; orderCreatedAt: number | null }
  | { kind: 'expire'; why: string }
  | { kind: 'leave' };

/** After looking the order up by receipt. */
export function decideOnOrderLookup(order: { id: string; created_at?: number | undefined } | null, facts: DecisionFacts, options: ReconcileRuleOptions): OrderLookupDecision {
  if (order) return { kind: 'record_order', orderId: order.id, orderCreatedAt: order.created_at === undefined ? null : order.created_at * 1000 };
  // The create call is over: it belonged to an earlier run of the kiosk, or the donor's last call was long ago. No order will appear now.
  if (facts.sinceDonorCall === undefined || facts.sinceDonorCall > options.orderGraceMs) return { kind: 'expire', why: 'no order exists at Razorpay for this receipt' };
  return { kind: 'leave' };
}

export type PaymentsDecision =
  | { kind: 'mark_paid'; payment: GatewayPayment; recovered: boolean }
  | { kind: 'capture'; payment: GatewayPayment; recovered: boolean }
  /** Razorpay gave the money back (an authorisation nobody captured in time): settled, no receipt. */
  | { kind: 'refunded'; payment: GatewayPayment }
  | { kind: 'expire'; why: string }
  /** Razorpay's time of the order is needed to decide (a ledger row from before migration 5). */
  | { kind: 'need_order_time' }
  | { kind: 'leave' };

/**
 * Only payments of this donation's order, for its exact amount in INR, count:
 * anything else (another order's payment, a different amount) can never make
 * it paid, whatever state it is in.
 */
export function paymentsThatCount(donation: Donation, payments: readonly GatewayPayment[]): GatewayPayment[] {
  return payments.filter((p) => p.order_id === donation.orderId && p.amount === donation.amountPaise && p.currency === 'INR');
}

/** A payment reconciliation records is one the donor did not see confirmed, unless their screen is following it right now. */
export function isRecovered(facts: Pick<DecisionFacts, 'donorWatching'>): boolean {
  return !facts.donorWatching;
}

/** Razorpay's payment method as the kiosk records it: the ones a receipt names, anything else `other`. */
export function paymentMethodOf(method: string | null | undefined): PaymentMethod {
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
 * The move to `paid`, whichever path records it (the donor's confirmation or
 * reconciliation): the fields it sets and its event's detail, where
 * `recovered` marks a payment the donor did not see confirmed on the kiosk
 * (Ledger.listRecovered and recoveredDonationIds read it).
 */
export function paidMove(
  donation: Donation,
  payment: Pick<GatewayPayment, 'id' | 'method'>,
  facts: Pick<DecisionFacts, 'donorWatching'>,
): { patch: DonationPatch; detail: Record<string, unknown>; recovered: boolean } {
  const recovered = isRecovered(facts);
  return {
    patch: { paymentId: payment.id, paymentMethod: paymentMethodOf(payment.method), failureCode: null, failureReason: null },
    detail: { paymentId: payment.id, ...(recovered ? { recovered: true, donorSaw: donation.state } : {}) },
    recovered,
  };
}

/** After fetching the order's payments. */
export function decideOnPayments(donation: Donation, payments: readonly GatewayPayment[], facts: DecisionFacts, options: ReconcileRuleOptions): PaymentsDecision {
  const mine = paymentsThatCount(donation, payments);
  const recovered = isRecovered(facts);
  const captured = mine.find((p) => p.status === 'captured');
  if (captured) return { kind: 'mark_paid', payment: captured, recovered };
  const authorized = mine.find((p) => p.status === 'authorized');
  if (authorized) return { kind: 'capture', payment: authorized, recovered };
  const refunded = mine.find((p) => p.status === 'refunded');
  if (refunded) return { kind: 'refunded', payment: refunded };
  // Already expired: nothing new. `authorized` in the ledger: Checkout's signature proved an authorisation, never expired on silence.
  if (donation.state === 'expired' || donation.state === 'authorized') return { kind: 'leave' };
  if (facts.gatewayNow === null) return { kind: 'leave' };
  const lastActivity = Math.max(donation.orderCreatedAt ?? Number.NEGATIVE_INFINITY, ...payments.map((p) => (p.created_at ?? Number.NEGATIVE_INFINITY) * 1000));
  if (lastActivity === Number.NEGATIVE_INFINITY) return { kind: 'need_order_time' };
  if (facts.gatewayNow - lastActivity > options.lateAuthorisationWindowMs) {
    return { kind: 'expire', why: mine.length === 0 ? 'no payment within the late-authorisation window' : 'only failed payments after the late-authorisation window' };
  }
  return { kind: 'leave' };
}
