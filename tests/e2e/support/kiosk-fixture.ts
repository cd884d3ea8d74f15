// One fixture for both targets. Each test gets a fresh data folder, its own
// Razorpay simulator (in this process, so tests can inject faults) with test
// keys whose secret the test knows, and the kiosk running against it: in
// browser mode (Chromium) or in real Electron.
import { test as base, _electron, type ElectronApplication, type Page, type TestInfo } from '@playwright/test';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startRazorpaySimulator, type RazorpaySimulator, type SimulatorOptions } from '../../../src-main/simulator/index.ts';
import { startBrowserMode, type BrowserModeServer } from '../../../src-main/browser-mode/server.ts';
import { Ledger, type Donation, type DonationEvent } from '../../../src-main/domain/ledger/ledger.ts';
import { CONFIG_FILE_NAME, DEFAULT_KIOSK_CONFIG, type KioskConfig, type KioskConfigFile } from '../../../src-main/domain/kiosk-config.ts';
import { LEDGER_FILE_NAME } from '../../../src-main/services/kiosk-services.ts';
import { ELECTRON_MISSING_MESSAGE, findElectronBinary } from './electron-binary.ts';
import { launchChromium } from './chromium.ts';

/** A made-up test secret: tests search every reply and bundle for it. */
export const TEST_KEY_ID = 'rzp_test_E2eKioskKey001';
export const TEST_KEY_SECRET = 'e2e_SECRET_never_leaves_main_9f3a7c';

/** Short timeouts so fault tests finish quickly; everything else is the shipped default. */
export const E2E_CONFIG: Partial<KioskConfig> = { gatewayTimeoutMs: 1_500, checkoutScriptLoadTimeoutMs: 3_000, resultScreenSeconds: 30 };

export interface Kiosk {
  page: Page;
  simulator: RazorpaySimulator;
  /** The kiosk's data folder (config, ledger); removed after the test. */
  dataDir: string;
  /** Raw bodies of every IPC reply the page received (browser mode). */
  ipcReplies: string[];
  /** Every line main logged (browser mode). */
  logLines: string[];
  donations(): Donation[];
  events(donationId: string): DonationEvent[];
  /** Saves a screenshot of the current screen for the test report and the README. */
  shot(name: string): Promise<string>;
  /** Browser mode: stops the kiosk's services and starts them again on the same data folder, and the page reloads onto them. */
  restart(): Promise<void>;
}

/** Another kiosk on the same Razorpay account (the first kiosk's simulator and test keys), with its own data folder: issue 17's fleet. */
export type AnotherKiosk = (config: Partial<KioskConfigFile>, options?: { name?: string }) => Promise<Kiosk>;

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

function shooter(page: Page, testInfo: TestInfo): (name: string) => Promise<string> {
  let counter = 0;
  const dir = resolve('test-results/screens', testInfo.project.name, slug(testInfo.title));
  mkdirSync(dir, { recursive: true });
  return async (name) => {
    counter += 1;
    const path = join(dir, `${String(counter).padStart(2, '0')}-${slug(name)}.png`);
    await page.screenshot({ path });
    return path;
  };
}

function readLedger(dataDir: string) {
  const open = () => Ledger.open(join(dataDir, LEDGER_FILE_NAME));
  return {
    donations(): Donation[] {
      const ledger = open();
      try {
        return ledger.list(1000);
      } finally {
        ledger.close();
      }
    },
    events(donationId: string): DonationEvent[] {
      const ledger = open();
      try {
        return ledger.events(donationId);
      } finally {
        ledger.close();
      }
    },
  };
}

/** A browser-mode kiosk on `dataDir` in its own Chromium; restart() brings its services back on the same folder. */
async function openBrowserKiosk(options: { dataDir: string; env: NodeJS.ProcessEnv; eventReadGapMs: number | undefined; logLines: string[]; ipcReplies: string[] }) {
  const start = () =>
    startBrowserMode({
      dataDir: options.dataDir,
      env: options.env,
      log: (line) => options.logLines.push(line),
      ...(options.eventReadGapMs === undefined ? {} : { eventReadGapMs: options.eventReadGapMs }),
    });
  let server: BrowserModeServer = await start();
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
  const page = await context.newPage();
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/ipc/')) {
      response.text().then((body) => options.ipcReplies.push(body), () => undefined);
    }
  });
  await page.goto(server.url);
  return {
    page,
    get server() {
      return server;
    },
    async restart() {
      await server.close();
      server = await start();
      await page.goto(server.url);
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export const test = base.extend<{
  kioskConfig: Partial<KioskConfigFile>;
  demoMode: boolean;
  ledgerFileContents: string | null;
  /** Tests only: how often (ms) a kiosk may read its event from Razorpay; unset = the kiosk's own once a minute. */
  eventReadGapMs: number | undefined;
  /** The test's own simulator: e.g. a manual-capture account, or automatic capture some time after Checkout's handler. */
  simulatorOptions: SimulatorOptions;
  /** Extra environment for main (e.g. KIOSK_SMTP_PASSWORD, which browser mode reads instead of storing a password). */
  kioskEnv: Record<string, string>;
  kiosk: Kiosk;
  anotherKiosk: AnotherKiosk;
}>({
  kioskConfig: [E2E_CONFIG, { option: true }],
  /** No keys: the kiosk starts its own built-in simulator, as a new install does. */
  demoMode: [false, { option: true }],
  /** Written as the ledger file before the kiosk starts (e.g. garbage, to test an unreadable ledger). */
  ledgerFileContents: [null, { option: true }],
  eventReadGapMs: [undefined, { option: true }],
  simulatorOptions: [{}, { option: true }],
  kioskEnv: [{}, { option: true }],

  kiosk: async ({ kioskConfig, demoMode, ledgerFileContents, eventReadGapMs, simulatorOptions, kioskEnv }, use, testInfo) => {
    const target = testInfo.project.metadata.target as 'browser' | 'electron';
    let electronBinary: string | null = null;
    if (target === 'electron') {
      electronBinary = findElectronBinary();
      testInfo.skip(electronBinary === null, ELECTRON_MISSING_MESSAGE);
    }

    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
    writeFileSync(join(dataDir, CONFIG_FILE_NAME), JSON.stringify({ ...DEFAULT_KIOSK_CONFIG, ...kioskConfig }));
    if (ledgerFileContents !== null) writeFileSync(join(dataDir, LEDGER_FILE_NAME), ledgerFileContents);
    const ownSimulator = demoMode ? null : await startRazorpaySimulator({ ...simulatorOptions, port: 0 });
    ownSimulator?.addKey(TEST_KEY_ID, TEST_KEY_SECRET);
    const env: NodeJS.ProcessEnv = { ...process.env, KIOSK_DATA_DIR: dataDir, KIOSK_WINDOWED: '1', ...kioskEnv };
    delete env.KIOSK_RAZORPAY_KEY_ID;
    delete env.KIOSK_RAZORPAY_KEY_SECRET;
    if (ownSimulator) {
      Object.assign(env, {
        KIOSK_RAZORPAY_KEY_ID: TEST_KEY_ID,
        KIOSK_RAZORPAY_KEY_SECRET: TEST_KEY_SECRET,
        KIOSK_RAZORPAY_API_URL: ownSimulator.baseUrl,
        KIOSK_CHECKOUT_SCRIPT_URL: ownSimulator.checkoutScriptUrl,
      });
    }
    const ipcReplies: string[] = [];
    const logLines: string[] = [];
    let page: Page;
    let simulator: RazorpaySimulator | null = ownSimulator;
    let cleanup: () => Promise<void>;
    let restart: () => Promise<void> = async () => {
      throw new Error('restart() is for browser mode');
    };

    if (target === 'electron' && electronBinary) {
      testInfo.skip(demoMode, 'demo mode runs its simulator inside Electron main, out of the test\'s reach');
      const app: ElectronApplication = await _electron.launch({ executablePath: electronBinary, args: ['.'], env: env as Record<string, string> });
      page = await app.firstWindow();
      cleanup = () => app.close();
    } else {
      const opened = await openBrowserKiosk({ dataDir, env, eventReadGapMs, logLines, ipcReplies });
      page = opened.page;
      simulator ??= opened.server.services?.simulator ?? null;
      cleanup = () => opened.close();
      restart = () => opened.restart();
    }

    const ledger = readLedger(dataDir);
    if (!simulator) throw new Error('no simulator: demo mode without the built-in simulator');
    await use({ page, simulator, dataDir, ipcReplies, logLines, donations: ledger.donations, events: ledger.events, shot: shooter(page, testInfo), restart });

    await cleanup();
    await ownSimulator?.close();
    testInfo.attach('kiosk log', { body: logLines.join('\n'), contentType: 'text/plain' }).catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  },

  anotherKiosk: async ({ kiosk, eventReadGapMs }, use, testInfo) => {
    testInfo.skip(testInfo.project.metadata.target !== 'browser', 'a second kiosk on the test\'s simulator runs in browser mode (Electron main would need a second app instance)');
    const opened: { close(): Promise<void>; dataDir: string; logLines: string[] }[] = [];
    await use(async (config, options = {}) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-e2e-2-'));
      writeFileSync(join(dataDir, CONFIG_FILE_NAME), JSON.stringify({ ...DEFAULT_KIOSK_CONFIG, ...E2E_CONFIG, ...config }));
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        KIOSK_DATA_DIR: dataDir,
        KIOSK_WINDOWED: '1',
        KIOSK_RAZORPAY_KEY_ID: TEST_KEY_ID,
        KIOSK_RAZORPAY_KEY_SECRET: TEST_KEY_SECRET,
        KIOSK_RAZORPAY_API_URL: kiosk.simulator.baseUrl,
        KIOSK_CHECKOUT_SCRIPT_URL: kiosk.simulator.checkoutScriptUrl,
      };
      const logLines: string[] = [];
      const ipcReplies: string[] = [];
      const browserKiosk = await openBrowserKiosk({ dataDir, env, eventReadGapMs, logLines, ipcReplies });
      opened.push({ close: () => browserKiosk.close(), dataDir, logLines });
      const ledger = readLedger(dataDir);
      const name = options.name ?? `kiosk-${opened.length + 1}`;
      const shoot = shooter(browserKiosk.page, testInfo);
      return {
        page: browserKiosk.page,
        simulator: kiosk.simulator,
        dataDir,
        ipcReplies,
        logLines,
        donations: ledger.donations,
        events: ledger.events,
        shot: (shotName) => shoot(`${name}-${shotName}`),
        restart: () => browserKiosk.restart(),
      };
    });
    for (const k of opened) {
      await k.close();
      testInfo.attach('another kiosk log', { body: k.logLines.join('\n'), contentType: 'text/plain' }).catch(() => undefined);
      rmSync(k.dataDir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
