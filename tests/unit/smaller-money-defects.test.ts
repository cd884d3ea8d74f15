// Issue 13, defect 9: an authorised payment Razorpay refunds (never captured)
// settles the donation; a captive portal's HTTP 200 page is not Razorpay; a
// forged confirmation does not block the genuine one.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckoutSession, Result } from '../../src-main/contract/kiosk-api.ts';
import { Ledger } from '../../src-main/domain/ledger/ledger.ts';
import type { GatewayPayment } from '../../src-main/domain/gateway/razorpay-gateway.ts';
import { createRazorpayGateway } from '../../src-main/domain/gateway/razorpay-gateway.ts';
import { Reconciler } from '../../src-main/domain/reconciliation/reconciler.ts';
import { defaultRuleOptions } from '../../src-main/domain/reconciliation/reconcile-rules.ts';
import { ConnectivityMonitor } from '../../src-main/services/connectivity-monitor.ts';
import { KioskHealth } from '../../src-main/services/kiosk-health.ts';
import { kioskPerTest, UNIT_KEY_ID } from './support/kiosk-under-test.ts';
import { scriptedGateway } from './support/scripted-gateway.ts';

const harness = kioskPerTest();
const { call, running } = harness;
const closers: (() => unknown)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('an authorised payment Razorpay refunds because it was never captured', () => {
  it('settles the donation as refunded instead of leaving it authorised for ever', async () => {
    const ledger = Ledger.open(':memory:');
    closers.push(() => ledger.close());
    ledger.createDonation({ id: 'd1', receipt: 'K1-D1', kioskId: 'K1', cause: 'c', amountPaise: 10_000, anonymous: true, donorName: null, phone: null, email: null }, 'donor');
    ledger.transition('d1', 'order_created', 'gateway', { orderId: 'order_00000000000001' });
    ledger.transition('d1', 'checkout_open', 'donor');
    ledger.transition('d1', 'authorized', 'checkout', { paymentId: 'pay_00000000000001' });
    const refunded: GatewayPayment = { id: 'pay_00000000000001', order_id: 'order_00000000000001', amount: 10_000, currency: 'INR', status: 'refunded', method: 'upi', created_at: Math.floor(Date.now() / 1000) - 6 * 86_400 };
    const gateway = scriptedGateway({ fetchOrderPayments: async () => ({ ok: true, value: [refunded] }) });
    const reconciler = new Reconciler({ ledger, gateway, options: { ...defaultRuleOptions(300), maxCallsPerPass: 10, minGapMs: 0 }, log: () => undefined, sleep: async () => undefined });
    await reconciler.runOnce();
    expect(ledger.get('d1')).toMatchObject({ state: 'refunded', receiptNo: null });
  });
});

describe('a captive portal', () => {
  it('an HTTP 200 HTML page instead of Razorpay counts as offline', async () => {
    const portal: Server = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end('<html><body>Welcome to Airport Wi-Fi. Please log in.</body></html>');
    });
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', () => resolve()));
    closers.push(() => new Promise((resolve) => portal.close(resolve)));
    const baseUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
    const gateway = createRazorpayGateway({ keyId: 'rzp_test_Portal00000001', keySecret: 'x', baseUrl, timeoutMs: 1_000 });
    const health = new KioskHealth();
    const monitor = new ConnectivityMonitor({ health, probe: () => gateway.findOrderByReceipt('probe'), probeIntervalMs: 60_000, onOnline: () => undefined, log: () => undefined });
    closers.push(() => monitor.close());
    await monitor.probeNow();
    expect(health.status()).toMatchObject({ online: false, acceptingDonations: false });
  });
});

describe('a forged confirmation', () => {
  it('is refused without blocking the genuine confirmation that follows', async () => {
    const kiosk = await harness.start();
    const started = (await call('startDonation', { amountRupees: 500, donor: { anonymous: true } })) as Result<CheckoutSession>;
    if (!started.ok) throw new Error(started.error.message);
    const session = started.value;
    await call('checkoutOpened', { donationId: session.donationId });
    const forged = await call('confirmPayment', { donationId: session.donationId, razorpayPaymentId: 'pay_FORGED00000001', razorpayOrderId: session.options.order_id, razorpaySignature: 'f'.repeat(64) });
    expect(forged).toMatchObject({ ok: false, error: { code: 'verification_failed' } });

    const paid = running().simulator.pay({ keyId: UNIT_KEY_ID, orderId: session.options.order_id, method: 'upi', outcome: 'success' });
    if (!paid.ok) throw new Error('payment refused');
    const genuine = await call('confirmPayment', { donationId: session.donationId, razorpayPaymentId: paid.paymentId, razorpayOrderId: session.options.order_id, razorpaySignature: paid.signature });
    expect(genuine).toMatchObject({ ok: true, value: { paymentId: paid.paymentId } });
    expect(kiosk.services.ledger.get(session.donationId)?.state).toBe('paid');
  });
});

describe('the simulator answers garbage when asked to', () => {
  it('an HTTP 200 page that is not JSON: the gateway calls it a bad response, and the kiosk goes offline', async () => {
    const kiosk = await harness.start({ connectivityProbeSeconds: 1 });
    kiosk.simulator.faults.inject('orders.list', { kind: 'garbage' });
    await kiosk.services.connectivity.probeNow();
    expect(kiosk.services.health.status()).toMatchObject({ online: false, acceptingDonations: false });
    kiosk.simulator.faults.clear();
    await kiosk.services.connectivity.whenOnline();
    expect(kiosk.services.health.status()).toMatchObject({ online: true, acceptingDonations: true });
  });
});
