// The hourly sweep of Razorpay's payments shares one Razorpay account with
// other kiosks (an event's fleet) and with the charity's own website: every
// payment on an order the ledger does not know costs one look at that order.
// A pass has only a share of its calls for the sweep, so the sweep must carry
// on from the payment it reached, not from the top of the page: otherwise a
// page holding more of other kiosks' payments than one share can look at is
// read again every pass, and money further down (an expired donation paid
// after all) is never found.
import { afterEach, describe, expect, it } from 'vitest';
import { Ledger } from '../../src-main/domain/ledger/ledger.ts';
import type { GatewayOrder, GatewayPayment } from '../../src-main/domain/gateway/razorpay-gateway.ts';
import { Reconciler } from '../../src-main/domain/reconciliation/reconciler.ts';
import { DAY_MS, defaultRuleOptions } from '../../src-main/domain/reconciliation/reconcile-rules.ts';
import { scriptedGateway } from './support/scripted-gateway.ts';

const NOW = Date.UTC(2026, 10, 30, 10, 0, 0);
const ORDER = 'order_0000000000mine';
const FOREIGN_PAYMENTS = 40;
const ledgers: Ledger[] = [];
afterEach(() => ledgers.splice(0).forEach((l) => l.close()));

/** A donation the kiosk expired (the donor saw a failure long ago) whose order Razorpay later captured a payment on. */
function ledgerWithExpiredDonation(): Ledger {
  let now = NOW - 3 * DAY_MS;
  const ledger = Ledger.open(':memory:', () => now);
  ledgers.push(ledger);
  ledger.createDonation({ id: 'dmine', receipt: 'K1-dmine', kioskId: 'K1', cause: 'c', amountPaise: 10_000, anonymous: true, donorName: null, phone: null, email: null }, 'donor');
  ledger.transition('dmine', 'order_created', 'gateway', { orderId: ORDER, orderCreatedAt: now });
  ledger.transition('dmine', 'checkout_open', 'donor');
  ledger.transition('dmine', 'payment_failed', 'checkout');
  ledger.transition('dmine', 'expired', 'reconciliation');
  now = NOW;
  return ledger;
}

const payment = (id: string, orderId: string): GatewayPayment => ({ id, order_id: orderId, amount: 10_000, currency: 'INR', status: 'captured', method: 'upi', created_at: Math.floor(NOW / 1000) - 600 });

describe("the sweep of Razorpay's payments", () => {
  it("gets past a page of other kiosks' payments bigger than its share of a pass, and finds the money below them", async () => {
    const ledger = ledgerWithExpiredDonation();
    // Newest first: other kiosks' payments, then the one on this kiosk's expired donation.
    const page = [...Array.from({ length: FOREIGN_PAYMENTS }, (_, i) => payment(`pay_other${i}`, `order_other${i}`)), payment('pay_mine', ORDER)];
    const fetchedOrders: string[] = [];
    const gateway = scriptedGateway({
      listPayments: async (query) => ({ ok: true, value: page.slice(query.skip, query.skip + query.count) }),
      fetchOrder: async (orderId) => {
        fetchedOrders.push(orderId);
        const order: GatewayOrder = { id: orderId, amount: 10_000, currency: 'INR', receipt: `K9-${orderId}`, status: 'paid', created_at: Math.floor(NOW / 1000) - 700, notes: { kiosk_id: 'K9', donation_id: 'dother0000000' } };
        return { ok: true, value: order };
      },
      fetchOrderPayments: async (orderId) => ({ ok: true, value: orderId === ORDER ? [payment('pay_mine', ORDER)] : [] }),
    });
    const monotonic = { now: 0 };
    const reconciler = new Reconciler({
      ledger,
      gateway,
      options: { ...defaultRuleOptions(300), maxCallsPerPass: 60, minGapMs: 0 },
      log: () => undefined,
      now: () => NOW + monotonic.now,
      monotonicNow: () => monotonic.now,
      gatewayNow: () => NOW + monotonic.now,
      kioskId: () => 'K1',
      sleep: async () => undefined,
    });

    // A pass a minute: well within the hour the sweep has before the next one starts.
    for (let pass = 0; pass < 10 && ledger.get('dmine')?.state !== 'paid'; pass++) {
      await reconciler.runOnce();
      monotonic.now += 60_000;
    }

    expect(ledger.get('dmine')).toMatchObject({ state: 'paid', paymentId: 'pay_mine' });
    // Each other kiosk's order was looked at once, not once a pass.
    expect(fetchedOrders).toHaveLength(FOREIGN_PAYMENTS);
    expect(new Set(fetchedOrders).size).toBe(FOREIGN_PAYMENTS);
  });
});
