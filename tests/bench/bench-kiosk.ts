// The kiosk's real main-process services (the composition Electron and browser
// mode use: dispatcher, zod validation, ledger file, SDK gateway) on a fresh
// data folder, against an in-process simulator at zero latency; plus the bare
// SDK client on the same simulator, the baseline the kiosk is measured against.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Razorpay from 'razorpay';
import { startRazorpaySimulator, type RazorpaySimulator } from '../../src-main/simulator/index.ts';
import { startKioskServices, type KioskServices } from '../../src-main/services/kiosk-services.ts';
import { CONFIG_FILE_NAME } from '../../src-main/domain/kiosk-config.ts';
import { createRazorpayClient } from '../../src-main/domain/gateway/razorpay-client.ts';

export interface BenchKiosk {
  services: KioskServices;
  simulator: RazorpaySimulator;
  /** The SDK alone, same key, same simulator, same timeout as the kiosk's gateway. */
  bareSdk: Razorpay;
  keyId: string;
  stop(): Promise<void>;
}

const GATEWAY_TIMEOUT_MS = 10_000;

export async function startBenchKiosk(): Promise<BenchKiosk> {
  // The ledger lives on the same disk a kiosk's data folder would (tmpdir is not a RAM disk here; see docs/development.md, "Benchmarks").
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-'));
  // Reconciliation would otherwise wake mid-run to check the donations the bench leaves open.
  writeFileSync(join(dataDir, CONFIG_FILE_NAME), JSON.stringify({ gatewayTimeoutMs: GATEWAY_TIMEOUT_MS, reconcileIntervalSeconds: 3600 }));
  const simulator = await startRazorpaySimulator({ port: 0 });
  const { keyId, keySecret } = simulator.createTestKey();
  const services = await startKioskServices({
    dataDir,
    env: { KIOSK_RAZORPAY_KEY_ID: keyId, KIOSK_RAZORPAY_KEY_SECRET: keySecret, KIOSK_RAZORPAY_API_URL: simulator.baseUrl, KIOSK_CHECKOUT_SCRIPT_URL: simulator.checkoutScriptUrl },
    log: () => undefined,
  });
  const bareSdk = createRazorpayClient({ keyId, keySecret, baseUrl: simulator.baseUrl, timeoutMs: GATEWAY_TIMEOUT_MS });
  return {
    services,
    simulator,
    bareSdk,
    keyId,
    async stop() {
      await services.close();
      await simulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
