// Two kiosks' real main-process services on one simulator (one Razorpay
// account), through the dispatcher as the renderer calls them: the orders'
// notes, the shared totals, the held second kiosk with a used id, and the
// event report written by the console's export.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AttractInfo, CheckoutSession, EventReportResult, KioskStatus, OperatorOverview, Result } from '../../src-main/contract/kiosk-api.ts';
import { startRazorpaySimulator, type RazorpaySimulator } from '../../src-main/simulator/index.ts';
import { startKioskServices, type KioskServices } from '../../src-main/services/kiosk-services.ts';
import { CONFIG_FILE_NAME, type KioskConfig } from '../../src-main/domain/kiosk-config.ts';
import { UNIT_KEY_ID, UNIT_KEY_SECRET } from './support/kiosk-under-test.ts';
import { CHEAP_SCRYPT, GOOD_PIN } from './support/operator-kiosk.ts';

const today = (() => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
})();
const EVENT = { eventId: 'MELA-UNIT', eventName: 'Unit Mela', eventStartDate: today, goalRupees: 10_000, showDonorWall: true, gatewayTimeoutMs: 800, reconcileIntervalSeconds: 3600 };
const PIN = GOOD_PIN;

let simulator: RazorpaySimulator | undefined;
const running: { services: KioskServices; dataDir: string }[] = [];

afterEach(async () => {
  for (const k of running.splice(0)) {
    await k.services.close();
    rmSync(k.dataDir, { recursive: true, force: true });
  }
  await simulator?.close();
  simulator = undefined;
});

async function sim(): Promise<RazorpaySimulator> {
  simulator ??= await startRazorpaySimulator({ port: 0 });
  simulator.addKey(UNIT_KEY_ID, UNIT_KEY_SECRET);
  return simulator;
}

async function startKiosk(config: Partial<KioskConfig>, dataDir = mkdtempSync(join(tmpdir(), 'kiosk-fleet-'))): Promise<{ services: KioskServices; dataDir: string; call: (method: Parameters<KioskServices['dispatch']>[0], payload?: unknown) => Promise<Result<unknown>> }> {
  const s = await sim();
  writeFileSync(join(dataDir, CONFIG_FILE_NAME), JSON.stringify({ ...EVENT, ...config }));
  const services = await startKioskServices({
    dataDir,
    env: { KIOSK_RAZORPAY_KEY_ID: UNIT_KEY_ID, KIOSK_RAZORPAY_KEY_SECRET: UNIT_KEY_SECRET, KIOSK_RAZORPAY_API_URL: s.baseUrl, KIOSK_CHECKOUT_SCRIPT_URL: s.checkoutScriptUrl },
    log: () => undefined,
    eventReadGapMs: 100,
    operatorAccess: { scryptParams: CHEAP_SCRYPT },
  });
  running.push({ services, dataDir });
  return { services, dataDir, call: (method, payload = null) => services.dispatch(method, payload) };
}

async function donate(call: (m: 'startDonation' | 'checkoutOpened' | 'confirmPayment', p: unknown) => Promise<Result<unknown>>, rupees: number): Promise<string> {
  const started = (await call('startDonation', { amountRupees: rupees, donor: { anonymous: false, name: 'Kavya Iyer' } })) as Result<CheckoutSession>;
  if (!started.ok) throw new Error(started.error.message);
  await call('checkoutOpened', { donationId: started.value.donationId });
  const paid = (await sim()).pay({ keyId: UNIT_KEY_ID, orderId: started.value.options.order_id, method: 'upi', outcome: 'success' });
  if (!paid.ok) throw new Error('the simulator refused the payment');
  const confirmed = await call('confirmPayment', { donationId: started.value.donationId, razorpayPaymentId: paid.paymentId, razorpayOrderId: started.value.options.order_id, razorpaySignature: paid.signature });
  if (!confirmed.ok) throw new Error(confirmed.error.message);
  return started.value.options.order_id;
}

async function attract(call: (m: 'getAttractInfo') => Promise<Result<unknown>>): Promise<AttractInfo> {
  const reply = (await call('getAttractInfo')) as Result<AttractInfo>;
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

describe('two kiosks, one event, one Razorpay account', () => {
  it('orders carry the event, kiosk and installation; each kiosk shows the whole event once read, and its share', async () => {
    const a = await startKiosk({ kioskId: 'GATE-1' });
    const b = await startKiosk({ kioskId: 'GATE-2' });
    await vi.waitFor(async () => expect(((await a.call('getKioskStatus')) as Result<KioskStatus> & { ok: true }).value).toEqual({ online: true, acceptingDonations: true }));
    await vi.waitFor(async () => expect(((await b.call('getKioskStatus')) as Result<KioskStatus> & { ok: true }).value.acceptingDonations).toBe(true));
    // The PIN is chosen before the first donation (a kiosk with donations and no PIN is locked out: issue 14).
    await a.call('setUpOperatorPin', { pin: PIN });

    const orderA = await donate(a.call, 100);
    await donate(b.call, 500);
    await donate(b.call, 250);
    expect((await sim()).getOrder(orderA)?.notes).toMatchObject({ event_id: 'MELA-UNIT', kiosk_id: 'GATE-1', installation_id: a.services.fleet.installationId, donation_id: expect.any(String) });
    expect(a.services.fleet.installationId).not.toBe(b.services.fleet.installationId);

    for (const k of [a, b]) {
      await vi.waitFor(async () => expect((await attract(k.call)).event?.raisedRupees).toBe(850), { timeout: 5_000 });
      const info = await attract(k.call);
      expect(info.raisedRupees).toBe(850);
      expect(info.recentDonors).toEqual(['Kavya', 'Kavya', 'Kavya']);
      expect(info.event?.kiosks.map((s) => [s.kioskId, s.raisedRupees, s.donations, s.thisKiosk])).toEqual(
        k === a ? [['GATE-2', 750, 2, false], ['GATE-1', 100, 1, true]] : [['GATE-2', 750, 2, true], ['GATE-1', 100, 1, false]],
      );
    }

    // The console: the card and the report (an export asks for the PIN again).
    const overview = ((await a.call('getOperatorOverview', {})) as Result<OperatorOverview> & { ok: true }).value;
    expect(overview.event?.fleet).toMatchObject({ totals: { raisedRupees: 850, donations: 3, lastKnown: false }, kioskIdCheck: { state: 'ours', kioskId: 'GATE-1' }, cashGifts: 0 });
    await a.call('confirmOperatorPin', { pin: PIN });
    const exported = ((await a.call('exportEventReport')) as Result<EventReportResult> & { ok: true }).value;
    expect(exported).toMatchObject({ rows: 3, onlineRupees: 850, cashRupees: 0, kiosks: 2, missingFromThisLedger: 0, lastKnown: false });
    const csv = readFileSync(exported.path, 'utf8');
    expect(csv).not.toContain(UNIT_KEY_SECRET);
    expect(csv).toContain("GATE-1,in this kiosk's ledger,Razorpay");
    expect(csv.match(/GATE-2,on another kiosk,Razorpay/g)).toHaveLength(2);
    expect(csv).toContain('All kiosks,3,850.00,0,0.00,850.00');
  });

  it('a second kiosk with a used kiosk id is held before any donation: no ledger row, no order', async () => {
    const a = await startKiosk({ kioskId: 'GATE-1' });
    await vi.waitFor(async () => expect(((await a.call('getKioskStatus')) as Result<KioskStatus> & { ok: true }).value.acceptingDonations).toBe(true));
    const b = await startKiosk({ kioskId: 'GATE-1' });
    await vi.waitFor(async () => expect(((await b.call('getKioskStatus')) as Result<KioskStatus> & { ok: true }).value).toEqual({ online: true, acceptingDonations: false, kioskIdHold: 'taken' }));
    const ordersBefore = (await sim()).listOrders().length;
    const refused = await b.call('startDonation', { amountRupees: 100, donor: { anonymous: true } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'kiosk_unavailable', message: expect.stringContaining('already used by another kiosk') } });
    expect(b.services.ledger.list()).toEqual([]);
    expect((await sim()).listOrders()).toHaveLength(ordersBefore);

    // The operator gives it its own id: it claims it and takes donations.
    await b.call('setUpOperatorPin', { pin: PIN });
    expect(await b.call('updateSettings', { settings: { kioskId: 'GATE-2' } })).toMatchObject({ ok: true });
    await vi.waitFor(async () => expect(((await b.call('getKioskStatus')) as Result<KioskStatus> & { ok: true }).value).toEqual({ online: true, acceptingDonations: true }));
    await donate(b.call, 300);
  });

  it('an event id needs its start day; without an event the welcome totals are the ledger’s as before', async () => {
    const a = await startKiosk({ kioskId: 'SOLO', eventId: '', eventStartDate: '' });
    await a.call('setUpOperatorPin', { pin: PIN });
    expect(await a.call('updateSettings', { settings: { eventId: 'MELA-X' } })).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('an event id needs the event start date') } });
    await a.call('confirmOperatorPin', { pin: PIN });
    expect(await a.call('exportEventReport')).toMatchObject({ ok: false, error: { code: 'illegal_state' } });
    await donate(a.call, 100);
    expect(await attract(a.call)).toEqual({ goalRupees: 10_000, raisedRupees: 100, recentDonors: ['Kavya'] });
    expect((await sim()).listOrders().some((o) => o.receipt?.startsWith('kclaim-'))).toBe(false);
  });
});
