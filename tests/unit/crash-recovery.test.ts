// Crash recovery: the kiosk's services run as a separate process that is
// SIGKILLed at random points of donations and restarted; afterwards the ledger
// must agree with the simulator's own record of every order and payment.
// A smaller run than `npm run crash-test` (200 donations), with a fixed seed.
import { describe, expect, it } from 'vitest';
import type { Donation } from '../../src-main/domain/ledger/ledger.ts';
import type { OrderEntity, PaymentEntity } from '../../src-main/simulator/index.ts';
import { compareLedgerWithSimulator, viewOfDonations } from '../crash/compare.ts';
import { formatReport, runCrashRecovery, seededRandom, TIMED_KILLS } from '../crash/harness.ts';

const order = (id: string, amount: number, receipt: string, status: OrderEntity['status']): OrderEntity =>
  ({ id, entity: 'order', amount, amount_paid: status === 'paid' ? amount : 0, amount_due: status === 'paid' ? 0 : amount, currency: 'INR', receipt, offer_id: null, status, attempts: 1, notes: {}, created_at: 1 }) as OrderEntity;
const payment = (id: string, orderId: string, amount: number, status: PaymentEntity['status']): PaymentEntity =>
  ({ id, entity: 'payment', amount, currency: 'INR', status, order_id: orderId, captured: status === 'captured', method: 'upi' }) as PaymentEntity;
const donation = (id: string, state: Donation['state'], amountPaise: number, orderId: string | null, paymentId: string | null = null): Donation => ({
  id,
  receipt: `K1-${id}`,
  kioskId: 'K1',
  cause: 'Education',
  amountPaise,
  feePaise: 0,
  currency: 'INR',
  anonymous: true,
  donorName: null,
  phone: null,
  email: null,
  state,
  orderId,
  orderCreatedAt: null,
  paymentId,
  paymentMethod: null,
  failureCode: null,
  failureReason: null,
  createdAt: 1,
  updatedAt: 1,
  paidAt: null,
  // Each fixture has at most one paid donation: it holds the year's first number.
  receiptNo: state === 'paid' ? 'K1/2026-27/000001' : null,
  tax: null,
});

describe('ledger vs simulator comparison', () => {
  const orders = [order('order_A', 10_000, 'K1-d1', 'paid'), order('order_B', 20_000, 'K1-d2', 'attempted')];
  const payments = [payment('pay_A', 'order_A', 10_000, 'captured'), payment('pay_B', 'order_B', 20_000, 'failed')];
  const seen = [{ donationId: 'd1', orderId: 'order_A', receiptPaymentId: 'pay_A' }];

  it('finds no difference when every order and payment is in the ledger as it is at the gateway', () => {
    const result = compareLedgerWithSimulator(
      viewOfDonations([donation('d1', 'paid', 10_000, 'order_A', 'pay_A'), donation('d2', 'payment_failed', 20_000, 'order_B', 'pay_B'), donation('d3', 'started', 5_000, null)]),
      orders,
      payments,
      seen,
    );
    expect(result.differences).toEqual([]);
    expect(result).toMatchObject({ simulatorOrders: 2, ledgerWithOrder: 2, capturedPayments: 1, paidDonations: 1, capturedPaise: 10_000, paidPaise: 10_000 });
  });

  it('reports a captured payment the ledger does not show as paid', () => {
    const result = compareLedgerWithSimulator(viewOfDonations([donation('d1', 'checkout_open', 10_000, 'order_A'), donation('d2', 'payment_failed', 20_000, 'order_B')]), orders, payments);
    expect(result.differences.some((d) => d.includes('pay_A captured'))).toBe(true);
    expect(result.differences).toContain('count: 1 captured payments, 0 paid donations');
  });

  it('reports an order the ledger lost, a paid donation without a capture, and a lost receipt', () => {
    const result = compareLedgerWithSimulator(viewOfDonations([donation('d1', 'started', 10_000, null), donation('d2', 'paid', 20_000, 'order_B', 'pay_B')]), orders, payments, [
      { donationId: 'd9', orderId: 'order_Z' },
    ]);
    expect(result.differences.join('\n')).toMatch(/order order_A .*0 ledger donations/);
    expect(result.differences.join('\n')).toMatch(/d1 \(started\) has no order id, but the gateway has order order_A/);
    expect(result.differences.join('\n')).toMatch(/d2 is paid but order order_B has no captured payment/);
    expect(result.differences.join('\n')).toMatch(/d9 was acknowledged to the donor but is not in the ledger/);
  });

  it('reports an amount that differs', () => {
    const result = compareLedgerWithSimulator(viewOfDonations([donation('d1', 'paid', 10_100, 'order_A', 'pay_A'), donation('d2', 'payment_failed', 20_000, 'order_B', 'pay_B')]), orders, payments, seen);
    expect(result.differences.some((d) => d.includes('amount 10000 at the gateway, 10100 in the ledger'))).toBe(true);
  });

  it('reports a donation not final once the window has passed, an authorised payment nobody captured or noted, and a payment recovered without the flag', () => {
    const held = [payment('pay_A', 'order_A', 10_000, 'captured'), payment('pay_B', 'order_B', 20_000, 'authorized')];
    const result = compareLedgerWithSimulator(
      viewOfDonations([donation('d1', 'paid', 10_000, 'order_A', 'pay_A'), donation('d2', 'payment_failed', 20_000, 'order_B')]),
      orders,
      held,
      [],
      { requireFinal: true },
    );
    const text = result.differences.join('\n');
    expect(text).toMatch(/d2 is still payment_failed after the final reconciliation/);
    expect(text).toMatch(/pay_B is authorised and left uncaptured, and the operator was not told/);
    expect(text).toMatch(/d1 was paid .* without the donor seeing "Thank you", and is not flagged recovered/);
  });

  it('reports a "Thank you" without a paid row', () => {
    const result = compareLedgerWithSimulator(viewOfDonations([donation('d1', 'checkout_open', 10_000, 'order_A'), donation('d2', 'payment_failed', 20_000, 'order_B', 'pay_B')]), orders, [payment('pay_B', 'order_B', 20_000, 'failed')], seen);
    expect(result.differences.join('\n')).toMatch(/d1: the donor saw "Thank you" for pay_A, the ledger has checkout_open/);
  });

  it('the seeded random numbers are reproducible', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(43)()).not.toBe(first[0]);
  });
});

describe('crash recovery (separate kiosk process, SIGKILL, restart, reconciliation)', () => {
  it('after 24 donations with kills at named points and around the calls, faults and clock jumps, the ledger agrees with the simulator', { timeout: 300_000 }, async () => {
    const report = await runCrashRecovery({ donations: 24, seed: 20261126, killRate: 0.7, capture: 'manual' });
    // The figures, for the test log.
    console.log(formatReport(report));
    expect(report.reconciliationSeen).toBe(true);
    expect(report.totalKills).toBeGreaterThanOrEqual(10);
    const pointsHit = Object.values(report.killPoints).filter((n) => n > 0).length;
    const timedHit = TIMED_KILLS.filter((kind) => (report.timedKills[kind] ?? 0) > 0).length;
    expect(pointsHit + timedHit).toBeGreaterThanOrEqual(5);
    expect(report.ledgerQuickCheck).toEqual(['ok']);
    expect(report.outOfService).toEqual([]);
    expect(report.comparison.simulatorOrders).toBeGreaterThan(0);
    expect(report.comparison.capturedPayments).toBeGreaterThan(0);
    expect(report.differences).toEqual([]);
  });
});
