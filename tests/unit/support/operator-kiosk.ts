// Kiosk services for the operator-console tests: a fresh data folder, a fresh
// simulator with known test keys, cheap scrypt, a clock the test moves, and
// every reply and log line kept so tests can search them for the key secret.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRazorpaySimulator, type RazorpaySimulator } from '../../../src-main/simulator/index.ts';
import { startKioskServices, type KioskServices, type KioskServicesOptions } from '../../../src-main/services/kiosk-services.ts';
import { CONFIG_FILE_NAME } from '../../../src-main/domain/kiosk-config.ts';
import type { KioskMethod, KioskReply, KioskRequest } from '../../../src-main/contract/kiosk-api.ts';
import type { ScryptParams } from '../../../src-main/domain/operator/pin-hash.ts';

export const OP_KEY_ID = 'rzp_test_OperatorKey001';
export const OP_KEY_SECRET = 'OpSecretNeverShown0123456789';
export const CHEAP_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1, saltBytes: 16, keyBytes: 32 };
export const GOOD_PIN = '273951';
/** Receipt settings with which the kiosk offers 80G receipts: address, PAN and a registration valid today. */
export const RECEIPT_SETTINGS = {
  organisationAddress: '14 Lake Road, Pune 411001',
  organisationPan: 'AAATA1234F',
  registration80G: 'AAATA1234FF20214',
  registration80GValidFrom: '2021-05-28',
  registration80GValidTo: '2030-03-31',
};

export interface OperatorKiosk {
  services: KioskServices;
  simulator: RazorpaySimulator;
  dataDir: string;
  logLines: string[];
  replies: unknown[];
  clock: { now: number };
  call<M extends KioskMethod>(method: M, payload?: KioskRequest<M> | null): Promise<KioskReply<M>>;
  /** Operator mode on with GOOD_PIN: set up on a fresh kiosk, unlocked once a PIN exists. */
  unlocked(): Promise<void>;
  /** Enters GOOD_PIN again, for one protected step (payment keys, update settings, exports, exit). */
  confirmPin(): Promise<void>;
  restart(extra?: Partial<KioskServicesOptions>): Promise<void>;
  stop(): Promise<void>;
}

export async function startOperatorKiosk(
  options: {
    config?: Record<string, unknown>;
    extra?: Partial<KioskServicesOptions>;
    dataDir?: string;
    /** Sets GOOD_PIN up at once (operator mode then off), as an installer does before the first donation. */
    withPin?: boolean;
  } = {},
): Promise<OperatorKiosk> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kiosk-operator-'));
  if (options.config) writeFileSync(join(dataDir, CONFIG_FILE_NAME), JSON.stringify(options.config));
  const simulator = await startRazorpaySimulator({ port: 0 });
  simulator.addKey(OP_KEY_ID, OP_KEY_SECRET);
  const logLines: string[] = [];
  const replies: unknown[] = [];
  const clock = { now: Date.now() };
  const start = (extra: Partial<KioskServicesOptions> = {}) =>
    startKioskServices({
      dataDir,
      env: { KIOSK_RAZORPAY_KEY_ID: OP_KEY_ID, KIOSK_RAZORPAY_KEY_SECRET: OP_KEY_SECRET, KIOSK_RAZORPAY_API_URL: simulator.baseUrl, KIOSK_CHECKOUT_SCRIPT_URL: simulator.checkoutScriptUrl },
      log: (line) => logLines.push(line),
      appVersion: '1.2.3',
      operatorAccess: { scryptParams: CHEAP_SCRYPT, now: () => clock.now },
      ...options.extra,
      ...extra,
    });
  const kiosk: OperatorKiosk = {
    services: await start(),
    simulator,
    dataDir,
    logLines,
    replies,
    clock,
    async call(method, payload = null) {
      const reply = await kiosk.services.dispatch(method, payload);
      replies.push(reply);
      return reply as never;
    },
    async unlocked() {
      const gate = await kiosk.call('getOperatorGate');
      const fresh = gate.ok && gate.value.status === 'needs_setup';
      const reply = fresh ? await kiosk.call('setUpOperatorPin', { pin: GOOD_PIN }) : await kiosk.call('unlockOperator', { pin: GOOD_PIN });
      if (!reply.ok) throw new Error(`operator mode did not start: ${reply.error.message}`);
    },
    async confirmPin() {
      const reply = await kiosk.call('confirmOperatorPin', { pin: GOOD_PIN });
      if (!reply.ok) throw new Error(`PIN not confirmed: ${reply.error.message}`);
    },
    async restart(extra = {}) {
      await kiosk.services.close();
      kiosk.services = await start(extra);
    },
    async stop() {
      await kiosk.services.close();
      await simulator.close();
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  if (options.withPin) {
    await kiosk.unlocked();
    await kiosk.call('endOperatorSession');
  }
  return kiosk;
}
