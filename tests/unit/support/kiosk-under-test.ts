// A kiosk's main-process services on a fresh data folder, talking to a fresh
// simulator through the real SDK over HTTP.
import { afterEach } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRazorpaySimulator, type RazorpaySimulator, type SimulatorOptions } from '../../../src-main/simulator/index.ts';
import { startKioskServices, type KioskServices } from '../../../src-main/services/kiosk-services.ts';
import { CONFIG_FILE_NAME, type KioskConfigFile } from '../../../src-main/domain/kiosk-config.ts';
import type { CheckoutSession, ConfirmPaymentRequest, KioskMethod, Result } from '../../../src-main/contract/kiosk-api.ts';

export const UNIT_KEY_ID = 'rzp_test_UnitKioskKey01';
export const UNIT_KEY_SECRET = 'unit_SECRET_do_not_leak_4b1d';

export interface KioskUnderTest {
  services: KioskServices;
  simulator: RazorpaySimulator;
  logLines: string[];
  dataDir: string;
  stop(): Promise<void>;
}

export async function startKioskUnderTest(config: Partial<KioskConfigFile> = {}, simulatorOptions: SimulatorOptions = {}): Promise<KioskUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-unit-'));
  writeFileSync(join(dataDir, CONFIG_FILE_NAME), JSON.stringify({ gatewayTimeoutMs: 800, ...config }));
  const simulator = await startRazorpaySimulator({ port: 0, ...simulatorOptions });
  simulator.addKey(UNIT_KEY_ID, UNIT_KEY_SECRET);
  const logLines: string[] = [];
  const services = await startKioskServices({
    dataDir,
    env: { KIOSK_RAZORPAY_KEY_ID: UNIT_KEY_ID, KIOSK_RAZORPAY_KEY_SECRET: UNIT_KEY_SECRET, KIOSK_RAZORPAY_API_URL: simulator.baseUrl, KIOSK_CHECKOUT_SCRIPT_URL: simulator.checkoutScriptUrl },
    log: (line) => logLines.push(line),
  });
  return {
    services,
    simulator,
    logLines,
    dataDir,
    async stop() {
      await services.close();
      await simulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One kiosk per test, stopped after it: `start()` in the test, then `call()`
 * goes through the real dispatcher, as the renderer's calls do.
 */
export function kioskPerTest() {
  let kiosk: KioskUnderTest | undefined;
  let again: KioskServices | undefined;
  afterEach(async () => {
    // A restarted kiosk closes before the data folder and simulator go.
    await again?.close();
    again = undefined;
    await kiosk?.stop();
    kiosk = undefined;
  });
  const running = (): KioskUnderTest => {
    if (!kiosk) throw new Error('start the kiosk first');
    return kiosk;
  };
  return {
    async start(config: Partial<KioskConfigFile> = {}, simulatorOptions: SimulatorOptions = {}): Promise<KioskUnderTest> {
      kiosk = await startKioskUnderTest(config, simulatorOptions);
      return kiosk;
    },
    running,
    call: (method: KioskMethod, payload: unknown) => running().services.dispatch(method, payload),
    /** Starts the kiosk again on the same data folder and simulator (after its services were closed): a restart, a restore. */
    async startAgain(log?: (line: string) => void): Promise<KioskServices> {
      await again?.close();
      again = await startAgain(running(), log);
      return again;
    },
  };
}

/** The same kiosk started again on its data folder and simulator (a restart, a restore): stopped by the returned close(). */
export async function startAgain(kiosk: KioskUnderTest, log: (line: string) => void = () => undefined): Promise<KioskServices> {
  return startKioskServices({
    dataDir: kiosk.dataDir,
    env: { KIOSK_RAZORPAY_KEY_ID: UNIT_KEY_ID, KIOSK_RAZORPAY_KEY_SECRET: UNIT_KEY_SECRET, KIOSK_RAZORPAY_API_URL: kiosk.simulator.baseUrl, KIOSK_CHECKOUT_SCRIPT_URL: kiosk.simulator.checkoutScriptUrl },
    log,
  });
}

/** A donor starts a donation and Checkout opens on its order. */
export async function openCheckout(call: (method: KioskMethod, payload: unknown) => Promise<Result<unknown>>, amountRupees: number, donor: Record<string, unknown> = { anonymous: true }): Promise<CheckoutSession> {
  const started = (await call('startDonation', { amountRupees, donor })) as Result<CheckoutSession>;
  if (!started.ok) throw new Error(started.error.message);
  const opened = await call('checkoutOpened', { donationId: started.value.donationId });
  if (!opened.ok) throw new Error(opened.error.message);
  return started.value;
}

/** The donor pays in Checkout (the simulator's stand-in): what Checkout's handler hands to confirmPayment. */
export function payInCheckout(simulator: RazorpaySimulator, session: CheckoutSession, method: 'upi' | 'card' = 'upi'): ConfirmPaymentRequest {
  const paid = simulator.pay({ keyId: UNIT_KEY_ID, orderId: session.options.order_id, method, outcome: 'success' });
  if (!paid.ok) throw new Error(`the simulator refused the payment: ${paid.error.description}`);
  return { donationId: session.donationId, razorpayPaymentId: paid.paymentId, razorpayOrderId: session.options.order_id, razorpaySignature: paid.signature };
}
