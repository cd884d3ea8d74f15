// The reconciler's decisions as pure functions: what one unsettled donation
// becomes, given what Razorpay reports and what the clocks that count say
// (Razorpay's own for the late-authorisation window, the monotonic one for
// how long the donor has been away; never the kiosk's wall clock).
import { describe, expect, it } from 'vitest';
import type { Donation } from '../../src-main/domain/ledger/ledger.ts';
import type { DonationState } from '../../src-main/domain/ledger/donation-states.ts';
import type { GatewayPayment } from '../../src-main/domain/gateway/razorpay-gateway.ts';
import {
  checkIntervalMs,
  DAY_MS,
  decideOnOrderLookup,
  decideOnPayments,
  defaultRuleOptions,
  isDue,
  planFor,
  type DecisionFacts,
} from '../../src-main/domain/reconciliation/reconcile-rules.ts';

const options = defaultRuleOptions(300);
/** Razorpay's clock. */
const NOW = 1_800_000_000_000;
const MIN = 60_000;

function donation(state: DonationState, overrides: Partial<Donation> = {}): Donation {
  return {
    id: 'don_1', receipt: 'K1-don_1', kioskId: 'K1', cause: 'c', amountPaise: 50_000, feePaise: 0, currency: 'INR', anonymous: true,
    donorName: null, phone: null, email: null, state, orderId: 'order_RULES000000001', orderCreatedAt: NOW - 60 * MIN, paymentId: null, paymentMethod: null,
    failureCode: null, failureReason: null, createdAt: NOW - 60 * MIN, updatedAt: NOW - 60 * MIN, paidAt: null, receiptNo: null, tax: null, ...overrides,
  };
}

function payment(status: GatewayPayment['status'], overrides: Partial<GatewayPayment> = {}): GatewayPayment {
  return { id: `pay_${status}`, order_id: 'order_RULES000000001', amount: 50_000, currency: 'INR', status, method: 'card', created_at: (NOW - 60 * MIN) / 1000, ...overrides };
}

function facts(overrides: Partial<DecisionFacts> = {}): DecisionFacts {
  return { gatewayNow: NOW, donorWatching: false, donorMayBePaying: false, sinceDonorCall: undefined, ...overrides };
}

describe('reconciliation rules: what to ask Razorpay', () => {
  it('leaves a donation alone while the donor may still be paying in Checkout', () => {
    expect(planFor(donation('checkout_open'), facts({ donorMayBePaying: true }))).toMatchObject({ kind: 'skip' });
    expect(planFor(donation('order_created'), facts({ donorMayBePaying: true }))).toMatchObject({ kind: 'skip' });
    expect(planFor(donation('checkout_open'), facts({ donorMayBePaying: false }))).toEqual({ kind: 'check_payments', orderId: 'order_RULES000000001' });
  });

  it('after a restart (no donor screen in this run) a donation in Checkout is checked at once, whatever its timestamps say', () => {
    expect(planFor(donation('checkout_open', { updatedAt: NOW }), facts())).toMatchObject({ kind: 'check_payments' });
  });

  it('a donation the donor was shown a failure for is checked at once', () => {
    expect(planFor(donation('payment_failed'), facts({ donorMayBePaying: true }))).toMatchObject({ kind: 'check_payments' });
  });

  it('without an order id, the order is looked for by receipt', () => {
    expect(planFor(donation('started', { orderId: null }), facts())).toEqual({ kind: 'find_order' });
    expect(planFor(donation('order_failed', { orderId: null }), facts())).toEqual({ kind: 'find_order' });
  });

  it('an order found by receipt is recorded with Razorpay time; none, once the create call is surely over, expires the attempt', () => {
    expect(decideOnOrderLookup({ id: 'order_FOUND', created_at: 1_700_000_000 }, facts(), options)).toEqual({ kind: 'record_order', orderId: 'order_FOUND', orderCreatedAt: 1_700_000_000_000 });
    // This run's donor called 10 minutes ago (monotonic): the create call may still be in flight somewhere.
    expect(decideOnOrderLookup(null, facts({ sinceDonorCall: 10 * MIN }), options)).toEqual({ kind: 'leave' });
    expect(decideOnOrderLookup(null, facts({ sinceDonorCall: 31 * MIN }), options)).toMatchObject({ kind: 'expire' });
    // From an earlier run of the kiosk: the call ended with that run.
    expect(decideOnOrderLookup(null, facts({ sinceDonorCall: undefined }), options)).toMatchObject({ kind: 'expire' });
  });
});

describe('reconciliation rules: what the payments mean', () => {
  it.each(['payment_failed', 'closed_by_donor', 'checkout_expired', 'verification_failed', 'order_failed', 'checkout_open', 'authorized', 'expired'] as const)(
    'a captured payment reconciliation records after the donor saw %s is paid and recovered',
    (state) => {
      expect(decideOnPayments(donation(state), [payment('failed'), payment('captured')], facts(), options)).toEqual({ kind: 'mark_paid', payment: payment('captured'), recovered: true });
    },
  );

  it('a captured payment a donor screen is still following is paid, not recovered (the donor sees Thank you)', () => {
    expect(decideOnPayments(donation('authorized'), [payment('captured')], facts({ donorWatching: true }), options)).toMatchObject({ kind: 'mark_paid', recovered: false });
  });

  it('an authorised payment is captured', () => {
    expect(decideOnPayments(donation('payment_failed'), [payment('authorized')], facts(), options)).toEqual({ kind: 'capture', payment: payment('authorized'), recovered: true });
  });

  it('an authorisation Razorpay refunded (never captured) settles the donation as refunded', () => {
    const refunded = payment('refunded', { captured: false });
    expect(decideOnPayments(donation('authorized'), [refunded], facts(), options)).toEqual({ kind: 'refunded', payment: refunded });
  });

  it("a failed payment is not final inside the late-authorisation window, judged on Razorpay's clock", () => {
    const at = (ms: number) => ms / 1000;
    expect(decideOnPayments(donation('payment_failed', { orderCreatedAt: NOW - 4 * DAY_MS }), [payment('failed', { created_at: at(NOW - 4 * DAY_MS) })], facts(), options)).toEqual({ kind: 'leave' });
    expect(decideOnPayments(donation('payment_failed', { orderCreatedAt: NOW - 6 * DAY_MS }), [payment('failed', { created_at: at(NOW - 5 * DAY_MS - 1000) })], facts(), options)).toMatchObject({ kind: 'expire' });
    expect(decideOnPayments(donation('closed_by_donor', { orderCreatedAt: NOW - 6 * DAY_MS }), [], facts(), options)).toMatchObject({ kind: 'expire' });
  });

  it("the kiosk's own clock never expires anything: a week-old row by the kiosk's clock with a fresh order at Razorpay stays open", () => {
    expect(decideOnPayments(donation('closed_by_donor', { createdAt: NOW - 7 * DAY_MS, orderCreatedAt: NOW - MIN }), [], facts(), options)).toEqual({ kind: 'leave' });
  });

  it("without Razorpay's time nothing is expired", () => {
    expect(decideOnPayments(donation('closed_by_donor', { orderCreatedAt: NOW - 30 * DAY_MS }), [], facts({ gatewayNow: null }), options)).toEqual({ kind: 'leave' });
  });

  it('a row without Razorpay order time asks for it before expiring', () => {
    expect(decideOnPayments(donation('closed_by_donor', { orderCreatedAt: null }), [], facts(), options)).toEqual({ kind: 'need_order_time' });
  });

  it('the window is configurable', () => {
    const short = { ...options, lateAuthorisationWindowMs: DAY_MS };
    expect(decideOnPayments(donation('payment_failed', { orderCreatedAt: NOW - 2 * DAY_MS }), [payment('failed', { created_at: (NOW - 2 * DAY_MS) / 1000 })], facts(), short)).toMatchObject({ kind: 'expire' });
  });

  it('an authorised donation is never expired on silence, and an expired one is not expired again', () => {
    expect(decideOnPayments(donation('authorized', { orderCreatedAt: NOW - 30 * DAY_MS }), [], facts(), options)).toEqual({ kind: 'leave' });
    expect(decideOnPayments(donation('expired', { orderCreatedAt: NOW - 30 * DAY_MS }), [], facts(), options)).toEqual({ kind: 'leave' });
  });

  it('a verification_failed donation never becomes paid from another order or another amount', () => {
    const foreign = payment('captured', { order_id: 'order_SOMEONEELSE01' });
    const cheaper = payment('captured', { amount: 100 });
    const dollars = payment('captured', { currency: 'USD' });
    for (const p of [foreign, cheaper, dollars]) {
      expect(decideOnPayments(donation('verification_failed'), [p], facts(), options)).toEqual({ kind: 'leave' });
    }
    expect(decideOnPayments(donation('verification_failed', { orderCreatedAt: NOW - 6 * DAY_MS }), [{ ...foreign, created_at: (NOW - 6 * DAY_MS) / 1000 }], facts(), options)).toMatchObject({ kind: 'expire' });
  });
});

describe('reconciliation rules: how often to ask', () => {
  it('asks about young donations every pass and backs off as they age', () => {
    expect(checkIntervalMs(59 * MIN)).toBe(0);
    expect(checkIntervalMs(2 * 60 * MIN)).toBe(10 * MIN);
    expect(checkIntervalMs(2 * DAY_MS)).toBe(60 * MIN);
  });

  it('is due when never asked in this run, or when its interval has passed on the monotonic clock', () => {
    expect(isDue(2 * DAY_MS, undefined)).toBe(true);
    expect(isDue(2 * DAY_MS, 59 * MIN)).toBe(false);
    expect(isDue(2 * DAY_MS, 60 * MIN)).toBe(true);
  });
});

describe('donor screens (monotonic)', () => {
  it("a donor still in Checkout may be paying for the checkout grace; once their screen follows a payment, it is watching, not paying", async () => {
    const { DonorScreens } = await import('../../src-main/domain/donor-screens.ts');
    let now = 0;
    const screens = new DonorScreens(() => now, 45_000);
    screens.touched('d1');
    now += 9 * MIN;
    expect(screens.mayBePaying('d1', options.checkoutGraceMs)).toBe(true);
    now += 2 * MIN;
    expect(screens.mayBePaying('d1', options.checkoutGraceMs)).toBe(false);
    screens.following('d1');
    expect(screens.mayBePaying('d1', options.checkoutGraceMs)).toBe(false);
    expect(screens.isWatching('d1')).toBe(true);
    now += 46_000;
    expect(screens.isWatching('d1')).toBe(false);
    screens.following('d1');
    screens.left('d1');
    expect(screens.isWatching('d1')).toBe(false);
  });
});

describe('donor screens: leaving is final', () => {
  it('a progress call still on its way after the donor left does not make the screen watching again', async () => {
    const { DonorScreens } = await import('../../src-main/domain/donor-screens.ts');
    const screens = new DonorScreens(() => 0, 45_000);
    screens.following('d1');
    screens.left('d1');
    screens.following('d1');
    expect(screens.isWatching('d1')).toBe(false);
  });
});
