// The donation state machine. Each transition is one ledger transaction with
// an append-only event row; anything not listed here is refused.
//
// Only `paid` (captured) is final in practice: Razorpay can turn a failed
// payment into an authorised and captured one days later (late
// authorisation), and a donor who closed Checkout may still have paid, so
// those states can still move to `paid` when the gateway says so.

export const DONATION_STATES = [
  'started', // written before the order is created: the attempt is on record first
  'order_created',
  'order_failed', // order creation failed or its outcome is unknown
  'checkout_open',
  'payment_failed', // Checkout reported a failure (not final: late authorisation)
  'closed_by_donor', // the donor closed Checkout or left before paying
  'checkout_expired', // Checkout's own timeout closed it
  'authorized', // paid at the bank, capture still pending
  'paid', // captured
  'verification_failed', // signature, order or amount mismatch: never success
  'expired', // reconciliation found no captured payment within Razorpay's late-authorisation window
  'refunded',
] as const;

export type DonationState = (typeof DONATION_STATES)[number];

export type EventSource = 'donor' | 'checkout' | 'gateway' | 'kiosk' | 'reconciliation' | 'operator';

const RECOVERABLE_TO_PAID: DonationState[] = ['authorized', 'paid'];

export const ALLOWED_TRANSITIONS: Record<DonationState, readonly DonationState[]> = {
  started: ['order_created', 'order_failed', 'expired'],
  order_created: ['checkout_open', 'closed_by_donor', 'checkout_expired', 'expired'],
  order_failed: ['order_created', 'expired'],
  checkout_open: ['payment_failed', 'closed_by_donor', 'checkout_expired', 'verification_failed', 'expired', ...RECOVERABLE_TO_PAID],
  payment_failed: ['checkout_open', 'closed_by_donor', 'checkout_expired', 'verification_failed', 'expired', ...RECOVERABLE_TO_PAID],
  closed_by_donor: ['checkout_open', 'verification_failed', 'expired', ...RECOVERABLE_TO_PAID],
  checkout_expired: ['checkout_open', 'closed_by_donor', 'expired', ...RECOVERABLE_TO_PAID],
  authorized: ['paid', 'refunded', 'verification_failed'],
  paid: ['refunded'],
  verification_failed: [...RECOVERABLE_TO_PAID, 'expired'],
  expired: [],
  refunded: [],
};

/** States reconciliation no longer needs to check with the gateway. */
export const SETTLED_STATES: readonly DonationState[] = ['paid', 'expired', 'refunded'];

export function canTransition(from: DonationState, to: DonationState): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}
