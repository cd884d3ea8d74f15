// Issue 13, defect 6: a backlog of old unsettled attempts (normal after a busy
// weekend: they stay open for days) must not starve today's payment, every
// unsettled donation is looked at within a bounded number of passes, and the
// second-payment check runs even when a pass uses its whole call budget.
import { afterEach, describe, expect, it } from 'vitest';
import { Ledger } from '../../src-main/domain/ledger/ledger.ts';
import type { GatewayResult } from '../../src-main/domain/gateway/gateway-error.ts';
import type { GatewayPayment, PaymentGateway } from '../../src-main/domain/gateway/razorpay-gateway.ts';
import { Reconciler } from '../../src-main/domain/reconciliation/reconciler.ts';
import { DAY_MS, defaultRuleOptions } from '../../src-main/domain/reconciliation/reconcile-rules.ts';
import { scriptedGateway } from './support/scripted-gateway.ts';

const NOW = Date.UTC(2026, 10, 30, 10, 0, 0);
const BACKLOG = 520;
const ledgers: Ledger[] = [];
afterEach(() => ledgers.splice(0).forEach((l) => l.close()));

const orderOf = (id: string) => `order_${id.replace(/[^A-Za-z0-9]/g, '').padStart(14, '0').slice(-14)}`;

/** 520 failed attempts from two days ago, then today's donation whose payment was captured but never confirmed. */
function busyWeekendLedger() {
  let now = NOW - 2 * DAY_MS;
  const ledger = Ledger.open(':memory:', () => now);
  ledgers.push(ledger);
  const add = (id: string, state: 'payment_failed' | 'checkout_open' | 'paid') => {
    ledger.createDonation({ id, receipt: `K1-${id}`, kioskId: 'K1', cause: 'c', amountPaise: 10_000, anonymous: true, donorName: null, phone: null, email: null }, 'donor');
    ledger.transition(id, 'order_created', 'gateway', { orderId: orderOf(id), orderCreatedAt: now });
    ledger.transition(id, 'checkout_open', 'donor');
    if (state === 'payment_failed') ledger.transition(id, 'payment_failed', 'checkout');
    if (state === 'paid') {
      ledger.transition(id, 'payment_failed', 'checkout');
      ledger.transition(id, 'checkout_open', 'donor');
      ledger.transition(id, 'paid', 'gateway', { paymentId: `pay_${id}`, paymentMethod: 'upi', paidAt: now });
    }
  };
  for (let i = 0; i < BACKLOG; i++) add(`old${i}`, 'payment_failed');
  now = NOW - 10 * 60 * 1000;
  add('paidtwice', 'paid');
  add('today', 'checkout_open');
  now = NOW;
  return ledger;
}

function gateway(): PaymentGateway & { asked: string[] } {
  const asked: string[] = [];
  const payment = (id: string, orderId: string, status: GatewayPayment['status']): GatewayPayment => ({ id, order_id: orderId, amount: 10_000, currency: 'INR', status, method: 'upi', created_at: Math.floor(NOW / 1000) - 600 });
  return {
    asked,
    ...scriptedGateway({}),
    fetchOrderPayments: async (orderId): Promise<GatewayResult<GatewayPayment[]>> => {
      asked.push(orderId);
      if (orderId === orderOf('today')) return { ok: true, value: [payment('pay_today', orderId, 'captured')] };
      // The donor paid again after a failure that was later authorised: two payments on one order.
      if (orderId === orderOf('paidtwice')) return { ok: true, value: [payment('pay_paidtwice', orderId, 'captured'), payment('pay_second', orderId, 'authorized')] };
      return { ok: true, value: [payment(`pay_${orderId}`, orderId, 'failed')] };
    },
  };
}

function reconcilerFor(ledger: Ledger, gw: PaymentGateway, monotonic: { now: number }) {
  return new Reconciler({
    ledger,
    gateway: gw,
    options: { ...defaultRuleOptions(300), maxCallsPerPass: 60, minGapMs: 0 },
    log: () => undefined,
    now: () => NOW + monotonic.now,
    monotonicNow: () => monotonic.now,
    gatewayNow: () => NOW + monotonic.now,
    sleep: async () => undefined,
  });
}

describe('reconciliation with a backlog', () => {
  it("today's captured payment is recorded in the first pass, however many old attempts are in front of it", async () => {
    const ledger = busyWeekendLedger();
    const gw = gateway();
    const reconciler = reconcilerFor(ledger, gw, { now: 0 });
    await reconciler.runOnce();
    expect(ledger.get('today')).toMatchObject({ state: 'paid', paymentId: 'pay_today' });
  });

  it('the second-payment check runs although the pass used its whole budget', async () => {
    const ledger = busyWeekendLedger();
    const reconciler = reconcilerFor(ledger, gateway(), { now: 0 });
    const summary = await reconciler.runOnce();
    expect(summary.stoppedEarly).toBe('call budget used');
    expect(summary.extraPayments).toBe(1);
    expect(ledger.listExtraPayments(0, NOW + DAY_MS).map((e) => e.paymentId)).toEqual(['pay_second']);
  });

  it('every unsettled donation is looked at within a bounded number of passes', async () => {
    const ledger = busyWeekendLedger();
    const gw = gateway();
    const monotonic = { now: 0 };
    const reconciler = reconcilerFor(ledger, gw, monotonic);
    // Passes a minute apart: 60 calls each, so 522 donations need about nine passes of the old ones' share.
    for (let pass = 0; pass < 25; pass++) {
      await reconciler.runOnce();
      monotonic.now += 60_000;
    }
    const asked = new Set(gw.asked);
    const missed = Array.from({ length: BACKLOG }, (_, i) => orderOf(`old${i}`)).filter((order) => !asked.has(order));
    expect(missed).toEqual([]);
  });
});
