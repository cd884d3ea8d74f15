// Reconciliation against the simulator through the real SDK: late
// authorisation ends as paid and recovered, a lost order is found by its
// receipt, passes are idempotent, resume after a restart, and are rate-bounded.
import { describe, expect, it, vi } from 'vitest';
import type { CheckoutSession, Result } from '../../src-main/contract/kiosk-api.ts';
import { Ledger } from '../../src-main/domain/ledger/ledger.ts';
import type { GatewayResult } from '../../src-main/domain/gateway/gateway-error.ts';
import type { GatewayPayment, PaymentGateway } from '../../src-main/domain/gateway/razorpay-gateway.ts';
import { Reconciler, type ReconcilerOptions } from '../../src-main/domain/reconciliation/reconciler.ts';
import { DAY_MS, defaultRuleOptions } from '../../src-main/domain/reconciliation/reconcile-rules.ts';
import { buildDayReport, formatDayReport } from '../../src-main/domain/reports/day-report.ts';
import { kioskPerTest, UNIT_KEY_ID, UNIT_KEY_SECRET } from './support/kiosk-under-test.ts';

const harness = kioskPerTest();
const { call, running } = harness;

async function openCheckout(amountRupees = 500): Promise<CheckoutSession> {
  const started = (await call('startDonation', { amountRupees, donor: { anonymous: false, name: 'Meera Iyer' } })) as Result<CheckoutSession>;
  if (!started.ok) throw new Error(started.error.message);
  expect(await call('checkoutOpened', { donationId: started.value.donationId })).toEqual({ ok: true, value: null });
  return started.value;
}

/** The donor pays, the bank does not answer in time: Checkout shows a failure, the kiosk records it. */
async function donorSeesLateAuthorisationFailure(session: CheckoutSession): Promise<string> {
  const { simulator } = running();
  simulator.faults.inject('checkout.pay', { kind: 'late_authorisation' }, { times: 1 });
  const paid = simulator.pay({ keyId: UNIT_KEY_ID, orderId: session.options.order_id, method: 'card', outcome: 'success' });
  if (paid.ok) throw new Error('expected Checkout to report a failure');
  const paymentId = paid.error.metadata.payment_id ?? '';
  const reply = await call('recordPaymentFailure', { donationId: session.donationId, failure: { code: paid.error.code, description: paid.error.description, reason: paid.error.reason, paymentId } });
  expect(reply).toEqual({ ok: true, value: null });
  return paymentId;
}

/** Resolves once a log line matching `pattern` has been written (the kiosk's own event). */
async function logged(lines: string[], pattern: RegExp, count = 1): Promise<void> {
  await vi.waitFor(() => expect(lines.filter((l) => pattern.test(l)).length).toBeGreaterThanOrEqual(count), { timeout: 5_000, interval: 20 });
}

describe('reconciliation against the simulator', () => {
  it('a payment captured after the donor saw a failure ends as paid, recovered, and shown to the operator', async () => {
    const kiosk = await harness.start();
    const session = await openCheckout(750);
    const paymentId = await donorSeesLateAuthorisationFailure(session);
    expect(kiosk.services.ledger.get(session.donationId)?.state).toBe('payment_failed');

    // Nothing to recover yet: the payment is still failed at Razorpay, and failed is not final.
    expect(await kiosk.services.reconciler.runOnce()).toMatchObject({ checked: 1, settled: 0, recovered: 0 });
    expect(kiosk.services.ledger.get(session.donationId)?.state).toBe('payment_failed');

    kiosk.simulator.lateAuthorise(paymentId);
    expect(kiosk.simulator.getPayment(paymentId)?.status).toBe('captured');
    expect(await kiosk.services.reconciler.runOnce()).toMatchObject({ checked: 1, settled: 1, recovered: 1 });

    const donation = kiosk.services.ledger.get(session.donationId);
    expect(donation).toMatchObject({ state: 'paid', paymentId, paymentMethod: 'card', failureCode: null });
    const last = kiosk.services.ledger.events(session.donationId).at(-1);
    expect(last).toMatchObject({ fromState: 'payment_failed', toState: 'paid', source: 'reconciliation', detail: { recovered: true, paymentId } });
    expect(kiosk.logLines).toContain('reconciliation: pass complete: checked 1, settled 1, recovered 1');
    expect(kiosk.logLines.some((l) => l.startsWith(`reconciliation: donation ${session.donationId} recovered: payment ${paymentId}`))).toBe(true);

    // The operator sees it, and it counts toward the day's money.
    const recovered = kiosk.services.ledger.listRecovered(0, Date.now() + 1);
    expect(recovered.map((r) => [r.donation.id, r.donorSawState])).toEqual([[session.donationId, 'payment_failed']]);
    const report = buildDayReport(kiosk.services.ledger, 0, Date.now() + 1);
    expect(report).toMatchObject({ receivedPaise: 75_000, paidCount: 1, recoveredCount: 1 });
    expect(formatDayReport(report)).toMatch(new RegExp(`Recovered after the donor saw a failure\\n  .*${session.donationId}.*${paymentId}.*donor saw payment_failed`));

    // Idempotent: a second pass has nothing to do and writes nothing.
    const events = kiosk.services.ledger.events(session.donationId).length;
    expect(await kiosk.services.reconciler.runOnce()).toMatchObject({ checked: 0, settled: 0, recovered: 0 });
    expect(kiosk.services.ledger.events(session.donationId)).toHaveLength(events);
    expect(kiosk.services.ledger.countRefusedTransitions(session.donationId)).toBe(0);
  });

  it('on a manual-capture account, a late authorisation is captured by reconciliation', async () => {
    const kiosk = await harness.start({}, { autoCapture: false });
    const session = await openCheckout();
    const paymentId = await donorSeesLateAuthorisationFailure(session);
    kiosk.simulator.lateAuthorise(paymentId);
    expect(kiosk.simulator.getPayment(paymentId)?.status).toBe('authorized');
    expect(await kiosk.services.reconciler.runOnce()).toMatchObject({ settled: 1, recovered: 1 });
    expect(kiosk.simulator.getPayment(paymentId)?.status).toBe('captured');
    expect(kiosk.services.ledger.get(session.donationId)).toMatchObject({ state: 'paid', paymentId });
  });

  it('an order whose create response was lost is found again by its receipt, never created twice', async () => {
    const kiosk = await harness.start();
    await kiosk.services.connectivity.probeNow(); // the start-up probe must not take the look-up's faults
    // The create commits but the answer is lost, and the immediate look-up fails too.
    kiosk.simulator.faults.inject('orders.create', { kind: 'response_lost' }, { times: 1 });
    kiosk.simulator.faults.inject('orders.list', { kind: 'status', status: 500, body: 'json' }, { times: 3 });
    const reply = await call('startDonation', { amountRupees: 300, donor: { anonymous: true } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'gateway_unavailable' } });
    const [donation] = kiosk.services.ledger.list();
    expect(donation).toMatchObject({ state: 'order_failed', orderId: null });
    const orders = kiosk.simulator.listOrders().filter((o) => o.receipt === donation?.receipt);
    expect(orders).toHaveLength(1);

    await kiosk.services.reconciler.runOnce();
    const after = kiosk.services.ledger.get(donation?.id ?? '');
    expect(after).toMatchObject({ state: 'order_created', orderId: orders[0]?.id });
    expect(kiosk.services.ledger.events(donation?.id ?? '').at(-1)).toMatchObject({ source: 'reconciliation', detail: { foundByReceipt: donation?.receipt } });
    expect(kiosk.simulator.listOrders().filter((o) => o.receipt === donation?.receipt)).toHaveLength(1);
  });

  it('resumes after a restart: the ledger alone says what is left, and start-up reconciles it', async () => {
    const kiosk = await harness.start();
    const session = await openCheckout();
    const paymentId = await donorSeesLateAuthorisationFailure(session);
    await kiosk.services.close();
    kiosk.simulator.lateAuthorise(paymentId);

    const lines: string[] = [];
    const restarted = await harness.startAgain((line) => lines.push(line));
    // Nobody calls runOnce: the start-up pass does it.
    await logged(lines, /^reconciliation: pass complete: checked 1, settled 1, recovered 1$/);
    expect(restarted.ledger.get(session.donationId)).toMatchObject({ state: 'paid', paymentId });
  });

  it('reconciles on a timer every reconcileIntervalSeconds', async () => {
    const kiosk = await harness.start({ reconcileIntervalSeconds: 1 });
    await logged(kiosk.logLines, /^reconciliation: pass complete/, 1);
    const session = await openCheckout();
    const paymentId = await donorSeesLateAuthorisationFailure(session);
    kiosk.simulator.lateAuthorise(paymentId);
    await logged(kiosk.logLines, /^reconciliation: pass complete: checked 1, settled 1, recovered 1$/);
    expect(kiosk.services.ledger.get(session.donationId)?.state).toBe('paid');
  });

  it('never logs the key secret', async () => {
    const kiosk = await harness.start();
    const session = await openCheckout();
    const paymentId = await donorSeesLateAuthorisationFailure(session);
    kiosk.simulator.lateAuthorise(paymentId);
    await kiosk.services.reconciler.runOnce();
    expect(kiosk.logLines.join('\n')).not.toContain(UNIT_KEY_SECRET);
  });
});

// ---- the reconciler alone, with a scripted gateway and a fake clock -------

const NOW = Date.UTC(2026, 10, 26, 10, 0, 0);

function ledgerWith(states: ('payment_failed' | 'closed_by_donor')[], createdAt: number) {
  let now = createdAt;
  const ledger = Ledger.open(':memory:', () => now);
  states.forEach((state, i) => {
    const id = `don_${i}`;
    ledger.createDonation({ id, receipt: `K1-${id}`, kioskId: 'K1', cause: 'c', amountPaise: 10_000, anonymous: true, donorName: null, phone: null, email: null }, 'donor');
    ledger.transition(id, 'order_created', 'gateway', { orderId: `order_${String(i).padStart(14, '0')}`, orderCreatedAt: createdAt });
    ledger.transition(id, 'checkout_open', 'donor');
    ledger.transition(id, state, 'checkout');
  });
  now = NOW;
  return ledger;
}

function gatewayAnswering(fetchOrderPayments: (orderId: string) => Promise<GatewayResult<GatewayPayment[]>>): PaymentGateway & { asked: string[]; swept: number[] } {
  const asked: string[] = [];
  const swept: number[] = [];
  const refuse = async () => ({ ok: false, error: { kind: 'http', status: 400, code: 'BAD_REQUEST_ERROR', description: 'unexpected' } }) as const;
  return {
    asked,
    swept,
    createOrder: refuse,
    findOrderByReceipt: refuse,
    fetchOrder: refuse,
    // Razorpay's side holds nothing the ledger does not know.
    listOrders: async (query) => {
      swept.push(query.fromSeconds);
      return { ok: true, value: [] };
    },
    listPayments: async (query) => {
      swept.push(query.fromSeconds);
      return { ok: true, value: [] };
    },
    fetchPayment: refuse,
    capturePayment: refuse,
    fetchOrderPayments: (orderId) => {
      asked.push(orderId);
      return fetchOrderPayments(orderId);
    },
  };
}

function reconcilerFor(ledger: Ledger, gateway: PaymentGateway, overrides: Partial<ReconcilerOptions> = {}) {
  const sleeps: number[] = [];
  const log: string[] = [];
  const reconciler = new Reconciler({
    ledger,
    gateway,
    options: { ...defaultRuleOptions(300), maxCallsPerPass: 100, minGapMs: 250, ...overrides },
    log: (line) => log.push(line),
    now: () => NOW,
    gatewayNow: () => NOW,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { reconciler, sleeps, log };
}

describe('reconciler limits', () => {
  it('makes at most maxCallsPerPass calls, spaced by minGapMs, and the next pass carries on with those that waited longest', async () => {
    const ledger = ledgerWith(['payment_failed', 'payment_failed', 'closed_by_donor', 'payment_failed', 'payment_failed'], NOW - 60_000);
    const gateway = gatewayAnswering(async () => ({ ok: true, value: [] }));
    const { reconciler, sleeps, log } = reconcilerFor(ledger, gateway, { maxCallsPerPass: 3 });
    // One call of each pass goes to Razorpay's side (catching up after start-up, then the sweep for money), two to donations.
    expect(await reconciler.runOnce()).toMatchObject({ checked: 2, stoppedEarly: 'call budget used' });
    expect(sleeps).toEqual([250, 250]);
    await reconciler.runOnce();
    await reconciler.runOnce();
    // Newest first among those never asked, then whichever was asked longest ago; the sweep is hourly.
    expect(gateway.asked.map((o) => o.slice(-1))).toEqual(['4', '3', '2', '1', '0', '4', '3']);
    expect(gateway.swept).toHaveLength(2);
    expect(log.find((line) => line.startsWith('reconciliation: pass complete'))).toBe('reconciliation: pass complete: checked 2, settled 0, recovered 0 (stopped early: call budget used)');
    ledger.close();
  });

  it('stops the pass when Razorpay is unreachable, leaving the ledger as it was', async () => {
    const ledger = ledgerWith(['payment_failed', 'payment_failed'], NOW - 60_000);
    const gateway = gatewayAnswering(async () => ({ ok: false, error: { kind: 'network', cause: 'refused', detail: 'ECONNREFUSED' } }));
    const { reconciler } = reconcilerFor(ledger, gateway);
    expect(await reconciler.runOnce()).toMatchObject({ checked: 0, stoppedEarly: expect.stringContaining('unreachable') });
    expect(gateway.asked).toHaveLength(1);
    expect(ledger.listUnsettled().map((d) => d.state)).toEqual(['payment_failed', 'payment_failed']);
    ledger.close();
  });

  it("expires only failed attempts older than the late-authorisation window, on Razorpay's clock", async () => {
    const ledger = ledgerWith(['payment_failed'], NOW - 6 * DAY_MS);
    const failed: GatewayPayment = { id: 'pay_00000000000001', order_id: 'order_00000000000000', amount: 10_000, currency: 'INR', status: 'failed', created_at: (NOW - 6 * DAY_MS) / 1000 };
    const { reconciler } = reconcilerFor(ledger, gatewayAnswering(async () => ({ ok: true, value: [failed] })));
    expect(await reconciler.runOnce()).toMatchObject({ checked: 1, settled: 1, recovered: 0 });
    expect(ledger.get('don_0')?.state).toBe('expired');
    ledger.close();
  });

  it('asks about a days-old failed attempt once an hour, not every pass', async () => {
    const ledger = ledgerWith(['payment_failed'], NOW - 2 * DAY_MS);
    const gateway = gatewayAnswering(async () => ({ ok: true, value: [] }));
    const { reconciler } = reconcilerFor(ledger, gateway);
    expect(await reconciler.runOnce()).toMatchObject({ checked: 1 });
    expect(await reconciler.runOnce()).toMatchObject({ checked: 0 });
    expect(gateway.asked).toHaveLength(1);
    ledger.close();
  });

  it('a days-old donation a pass could not check (offline) is asked about on the next pass', async () => {
    const ledger = ledgerWith(['payment_failed'], NOW - 2 * DAY_MS);
    let calls = 0;
    const gateway = gatewayAnswering(async () =>
      ++calls === 1 ? { ok: false, error: { kind: 'network', cause: 'reset', detail: 'ECONNRESET' } } : { ok: true, value: [] },
    );
    const { reconciler } = reconcilerFor(ledger, gateway);
    expect(await reconciler.runOnce()).toMatchObject({ checked: 0, stoppedEarly: expect.any(String) });
    expect(await reconciler.runOnce()).toMatchObject({ checked: 1, stoppedEarly: null });
    expect(gateway.asked).toHaveLength(2);
    ledger.close();
  });

  it('concurrent triggers share one pass', async () => {
    const ledger = ledgerWith(['payment_failed'], NOW - 60_000);
    const gateway = gatewayAnswering(async () => ({ ok: true, value: [] }));
    const { reconciler } = reconcilerFor(ledger, gateway);
    const [a, b] = await Promise.all([reconciler.runOnce(), reconciler.runOnce()]);
    expect(a).toBe(b);
    expect(gateway.asked).toHaveLength(1);
    ledger.close();
  });
});
