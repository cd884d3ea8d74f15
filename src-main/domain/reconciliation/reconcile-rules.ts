// What reconciliation does with one unsettled donation, as pure decisions
// (the reconciler carries them out). Razorpay is the authority on money:
// whatever the donor was shown, a captured payment on the donation's own
// order, for its own amount, makes it paid (razorpay.md §8.4); a failed
// payment is not final until the late-authorisation window has passed (§2).
import type { Donation } from '../ledger/ledger.ts';
import type { DonationState } from '../ledger/donation-states.ts';
import type { GatewayPayment } from '../gateway/razorpay-gateway.ts';

export interface ReconcileRuleOptions {
  /** How long Razorpay may still turn a failed payment into a captured one. Default 5 days. */
  lateAuthorisationWindowMs: number;
  /** A donation with no order at Razorpay after this long never got one. Default 30 minutes. */
  orderGraceMs: number;
  /** Leave donations alone while the donor may still be paying in Checkout. */
  checkoutGraceMs: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export function defaultRuleOptions(checkoutTimeoutSeconds: number): ReconcileRuleOptions {
  return {
    lateAuthorisationWindowMs: 5 * DAY_MS,
    orderGraceMs: 30 * 60 * 1000,
    // Checkout's own timeout, plus a margin for the bank page and the callback.
    checkoutGraceMs: (checkoutTimeoutSeconds + 5 * 60) * 1000,
  };
}

/** States in which the donor was shown something other than success. */
export const DONOR_SAW_FAILURE: readonly DonationState[] = ['payment_failed', 'closed_by_donor', 'checkout_expired', 'verification_failed', 'order_failed'];

/**
 * How often a donation is worth asking about, by age: Razorpay keeps a failed
 * payment open for days (§8.4 "background polling with backoff for 3-5 days"),
 * but almost every late authorisation lands within the first hour, and a
 * kiosk should not ask about a week's abandoned attempts every minute.
 */
export function checkIntervalMs(donation: Donation, now: number): number {
  const age = now - donation.createdAt;
  if (age < 60 * 60 * 1000) return 0; // every pass
  if (age < DAY_MS) return 10 * 60 * 1000;
  return 60 * 60 * 1000;
}

/** Whether a donation last checked at `lastCheckedAt` (undefined: not since start-up) is due again. */
export function isDue(donation: Donation, lastCheckedAt: number | undefined, now: number): boolean {
  return lastCheckedAt === undefined || now - lastCheckedAt >= checkIntervalMs(donation, now);
}

export type Plan =
  | { kind: 'skip'; why: string }
  /** No order id on record: ask Razorpay for the order by its receipt. */
  | { kind: 'find_order' }
  /** Ask Razorpay for the order's payments. */
  | { kind: 'check_payments'; orderId: string };

export function planFor(donation: Donation, now: number, options: ReconcileRuleOptions): Plan {
  const donorMayBePaying = donation.state === 'order_created' || donation.state === 'checkout_open';
  if (donorMayBePaying && now - donation.updatedAt < options.checkoutGraceMs) return { kind: 'skip', why: 'the donor may still be paying' };
  if (!donation.orderId) return { kind: 'find_order' };
  return { kind: 'check_payments', orderId: donation.orderId };
}

export type OrderLookupDecision =
  | { kind: 'record_order'; orderId: string }
  | { kind: 'expire'; why: string }
  | { kind: 'leave' };

/** After looking the order up by receipt. */
export function decideOnOrderLookup(donation: Donation, orderId: string | null, now: number, options: ReconcileRuleOptions): OrderLookupDecision {
  if (orderId) return { kind: 'record_order', orderId };
  if (now - donation.createdAt > options.orderGraceMs) return { kind: 'expire', why: 'no order exists at Razorpay for this receipt' };
  return { kind: 'leave' };
}

export type PaymentsDecision =
  | { kind: 'mark_paid'; payment: GatewayPayment; recovered: boolean }
  | { kind: 'capture'; payment: GatewayPayment; recovered: boolean }
  | { kind: 'expire'; why: string }
  | { kind: 'leave' };

/**
 * Only payments of this donation's order, for its exact amount in INR, count:
 * anything else (another order's payment, a different amount) can never make
 * it paid, whatever state it is in.
 */
export function paymentsThatCount(donation: Donation, payments: readonly GatewayPayment[]): GatewayPayment[] {
  return payments.filter((p) => p.order_id === donation.orderId && p.amount === donation.amountPaise && p.currency === 'INR');
}

/** After fetching the order's payments. */
export function decideOnPayments(donation: Donation, payments: readonly GatewayPayment[], now: number, options: ReconcileRuleOptions): PaymentsDecision {
  const mine = paymentsThatCount(donation, payments);
  const recovered = DONOR_SAW_FAILURE.includes(donation.state);
  const captured = mine.find((p) => p.status === 'captured');
  if (captured) return { kind: 'mark_paid', payment: captured, recovered };
  const authorized = mine.find((p) => p.status === 'authorized');
  if (authorized) return { kind: 'capture', payment: authorized, recovered };
  // `authorized` in the ledger means Checkout's signature proved an authorisation: never expire that on silence.
  if (donation.state === 'authorized') return { kind: 'leave' };
  if (now - donation.createdAt > options.lateAuthorisationWindowMs) {
    return { kind: 'expire', why: mine.length === 0 ? 'no payment within the late-authorisation window' : 'only failed payments after the late-authorisation window' };
  }
  return { kind: 'leave' };
}
