// The donation state machine. Each transition is one ledger transaction with
// an append-only event row; anything not listed here is refused.
//
// Only `paid` (captured) is final in practice: Razorpay can turn a failed
// payment into an authorised and captured one days later (late
// authorisation), and a donor who closed Checkout may still have paid, so
// those states can still move to `paid` when the gateway says so.
//
// `expired` means "reconciliation stopped asking often", not "forgotten": a
// payment Razorpay holds for an expired donation's order (a Checkout left open
// while the clock jumped, a late confirmation, reconciliation's slow sweep)
// still takes it to `authorized` or `paid`. `refunded` also ends an
// authorisation nobody captured, which Razorpay refunds after a few days.

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
  'expired', // reconciliation found no captured payment within Razorpay's late-authorisation window (not final: see above)
  'refunded', // the money went back: refunded after capture, or an authorisation Razorpay refunded uncaptured
] as const;

export type DonationState = (typeof DONATION_STATES)[number];

export type EventSource = 'donor' | 'checkout' | 'gateway' | 'kiosk' | 'reconciliation' | 'operator';

/**
 * Where a payment Razorpay reports can take a donation, whatever the donor was
 * shown: Razorpay holds (or gave back) money for these, so nothing the donor's
 * page reports changes them.
 */
export const MONEY_ARRIVED: readonly DonationState[] = ['authorized', 'paid', 'refunded'];

export const ALLOWED_TRANSITIONS: Record<DonationState, readonly DonationState[]> = {
  started: ['order_created', 'order_failed', 'expired'],
  order_created: ['checkout_open', 'closed_by_donor', 'checkout_expired', 'expired'],
  order_failed: ['order_created', 'expired'],
  checkout_open: ['payment_failed', 'closed_by_donor', 'checkout_expired', 'verification_failed', 'expired', ...MONEY_ARRIVED],
  payment_failed: ['checkout_open', 'closed_by_donor', 'checkout_expired', 'verification_failed', 'expired', ...MONEY_ARRIVED],
  closed_by_donor: ['checkout_open', 'verification_failed', 'expired', ...MONEY_ARRIVED],
  checkout_expired: ['checkout_open', 'closed_by_donor', 'expired', ...MONEY_ARRIVED],
  authorized: ['paid', 'refunded', 'verification_failed'],
  paid: ['refunded'],
  verification_failed: [...MONEY_ARRIVED, 'expired'],
  expired: ['verification_failed', ...MONEY_ARRIVED],
  refunded: [],
};

/** States reconciliation's regular passes no longer check (its slow sweep still finds money on an expired donation's order). */
export const SETTLED_STATES: readonly DonationState[] = ['paid', 'expired', 'refunded'];

/** Reconciliation's regular work: every other state. */
export const UNSETTLED_STATES: readonly DonationState[] = DONATION_STATES.filter((state) => !SETTLED_STATES.includes(state));

export function canTransition(from: DonationState, to: DonationState): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}
