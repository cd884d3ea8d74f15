// The reconciler's decisions as pure functions: what one unsettled donation
// becomes, given what Razorpay reports and how old it is.
import { describe, expect, it } from 'vitest';
import type { Donation } from '../../src-main/domain/ledger/ledger.ts';
import type { DonationState } from '../../src-main/domain/ledger/donation-states.ts';
import type { GatewayPayment } from '../../src-main/domain/gateway/razorpay-gateway.ts';
import { checkIntervalMs, DAY_MS, decideOnOrderLookup, decideOnPayments, defaultRuleOptions, isDue, planFor } from '../../src-main/domain/reconciliation/reconcile-rules.ts';

const options = defaultRuleOptions(300);
const NOW = 1_800_000_000_000;
const MIN = 60_000;

function donation(state: DonationState, overrides: Partial<Donation> = {}): Donation {
  return {
    id: 'don_1', receipt: 'K1-don_1', kioskId: 'K1', cause: 'c', amountPaise: 50_000, feePaise: 0, currency: 'INR', anonymous: true,
    donorName: null, phone: null, email: null, state, orderId: 'order_RULES000000001', paymentId: null, paymentMethod: null,
    failureCode: null, failureReason: null, createdAt: NOW - 60 * MIN, updatedAt: NOW - 60 * MIN, paidAt: null, receiptNo: null, tax: null, ...overrides,
  };
}

function payment(status: GatewayPayment['status'], overrides: Partial<GatewayPayment> = {}): GatewayPayment {
  return { id: `pay_${status}`, order_id: 'order_RULES000000001', amount: 50_000, currency: 'INR', status, method: 'card', ...overrides };
}

describe('reconciliation rules: what to ask Razorpay', () => {
  it('leaves a donation alone while the donor may still be paying in Checkout', () => {
    expect(planFor(donation('checkout_open', { updatedAt: NOW - 2 * MIN }), NOW, options)).toMatchObject({ kind: 'skip' });
    expect(planFor(donation('order_created', { updatedAt: NOW - 9 * MIN }), NOW, options)).toMatchObject({ kind: 'skip' });
    // Checkout timeout (5 min) + margin (5 min) has passed.
    expect(planFor(donation('checkout_open', { updatedAt: NOW - 11 * MIN }), NOW, options)).toEqual({ kind: 'check_payments', orderId: 'order_RULES000000001' });
  });

  it('a donation the donor was shown a failure for is checked at once', () => {
    expect(planFor(donation('payment_failed', { updatedAt: NOW - 1000 }), NOW, options)).toMatchObject({ kind: 'check_payments' });
  });

  it('without an order id, the order is looked for by receipt', () => {
    expect(planFor(donation('started', { orderId: null }), NOW, options)).toEqual({ kind: 'find_order' });
    expect(planFor(donation('order_failed', { orderId: null }), NOW, options)).toEqual({ kind: 'find_order' });
  });

  it('an order found by receipt is recorded; none after the grace period expires the attempt', () => {
    expect(decideOnOrderLookup(donation('order_failed', { orderId: null }), 'order_FOUND', NOW, options)).toEqual({ kind: 'record_order', orderId: 'order_FOUND' });
    expect(decideOnOrderLookup(donation('order_failed', { orderId: null, createdAt: NOW - 10 * MIN }), null, NOW, options)).toEqual({ kind: 'leave' });
    expect(decideOnOrderLookup(donation('order_failed', { orderId: null, createdAt: NOW - 31 * MIN }), null, NOW, options)).toMatchObject({ kind: 'expire' });
  });
});

describe('reconciliation rules: what the payments mean', () => {
  it.each(['payment_failed', 'closed_by_donor', 'checkout_expired', 'verification_failed', 'order_failed'] as const)(
    'a captured payment after the donor saw %s is paid and recovered',
    (state) => {
      expect(decideOnPayments(donation(state), [payment('failed'), payment('captured')], NOW, options)).toEqual({ kind: 'mark_paid', payment: payment('captured'), recovered: true });
    },
  );

  it('a captured payment for a donation still in Checkout or authorised is paid, not recovered', () => {
    expect(decideOnPayments(donation('checkout_open'), [payment('captured')], NOW, options)).toMatchObject({ kind: 'mark_paid', recovered: false });
    expect(decideOnPayments(donation('authorized'), [payment('captured')], NOW, options)).toMatchObject({ kind: 'mark_paid', recovered: false });
  });

  it('an authorised payment is captured', () => {
    expect(decideOnPayments(donation('payment_failed'), [payment('authorized')], NOW, options)).toEqual({ kind: 'capture', payment: payment('authorized'), recovered: true });
  });

  it('a failed payment is not final inside the late-authorisation window', () => {
    expect(decideOnPayments(donation('payment_failed', { createdAt: NOW - 4 * DAY_MS }), [payment('failed')], NOW, options)).toEqual({ kind: 'leave' });
    expect(decideOnPayments(donation('payment_failed', { createdAt: NOW - 5 * DAY_MS - 1 }), [payment('failed')], NOW, options)).toMatchObject({ kind: 'expire' });
    expect(decideOnPayments(donation('closed_by_donor', { createdAt: NOW - 6 * DAY_MS }), [], NOW, options)).toMatchObject({ kind: 'expire' });
  });

  it('the window is configurable', () => {
    const short = { ...options, lateAuthorisationWindowMs: DAY_MS };
    expect(decideOnPayments(donation('payment_failed', { createdAt: NOW - 2 * DAY_MS }), [payment('failed')], NOW, short)).toMatchObject({ kind: 'expire' });
  });

  it('an authorised donation is never expired on silence', () => {
    expect(decideOnPayments(donation('authorized', { createdAt: NOW - 30 * DAY_MS }), [], NOW, options)).toEqual({ kind: 'leave' });
  });

  it('a verification_failed donation never becomes paid from another order or another amount', () => {
    const foreign = payment('captured', { order_id: 'order_SOMEONEELSE01' });
    const cheaper = payment('captured', { amount: 100 });
    const dollars = payment('captured', { currency: 'USD' });
    for (const p of [foreign, cheaper, dollars]) {
      expect(decideOnPayments(donation('verification_failed'), [p], NOW, options)).toEqual({ kind: 'leave' });
    }
    expect(decideOnPayments(donation('verification_failed', { createdAt: NOW - 6 * DAY_MS }), [foreign], NOW, options)).toMatchObject({ kind: 'expire' });
  });
});

describe('reconciliation rules: how often to ask', () => {
  it('asks about young donations every pass and backs off as they age', () => {
    expect(checkIntervalMs(donation('payment_failed', { createdAt: NOW - 59 * MIN }), NOW)).toBe(0);
    expect(checkIntervalMs(donation('payment_failed', { createdAt: NOW - 2 * 60 * MIN }), NOW)).toBe(10 * MIN);
    expect(checkIntervalMs(donation('payment_failed', { createdAt: NOW - 2 * DAY_MS }), NOW)).toBe(60 * MIN);
  });

  it('is due when never asked since start-up, or when its interval has passed', () => {
    const old = donation('payment_failed', { createdAt: NOW - 2 * DAY_MS });
    expect(isDue(old, undefined, NOW)).toBe(true);
    expect(isDue(old, NOW - 59 * MIN, NOW)).toBe(false);
    expect(isDue(old, NOW - 60 * MIN, NOW)).toBe(true);
  });
});
