// Composes the main-process services for one run of the kiosk: settings,
// keys and mode, ledger, gateway (Razorpay or the built-in simulator), the
// donation service and the IPC dispatcher. Electron main and browser mode both
// start the kiosk through here, so they serve exactly the same handlers.
import type { KioskMode, KioskState } from '../contract/kiosk-api.ts';
import { DEFAULT_CAUSE, loadKioskConfig, type KioskConfig } from '../domain/kiosk-config.ts';
import { attractInfo } from '../domain/attract.ts';
import type { Ledger } from '../domain/ledger/ledger.ts';
import { openLedgerFile } from '../domain/ledger/ledger-file.ts';
import { createRazorpayGateway } from '../domain/gateway/razorpay-gateway.ts';
import { DonationService } from '../domain/donation-service.ts';
import { isValidPaymentSignature } from '../domain/verification/payment-signature.ts';
import { DEMO_CAPTURE_DELAY_MS, startRazorpaySimulator, type RazorpaySimulator } from '../simulator/index.ts';
import { createIpcDispatcher, type IpcDispatcher } from './ipc-dispatcher.ts';
import { resolvePaymentKeys, type PaymentKeys } from './payment-keys.ts';
import { KioskHealth } from './kiosk-health.ts';
import { ConnectivityMonitor } from './connectivity-monitor.ts';
import { withOutcomeObserver, withRetryPolicy } from '../domain/gateway/resilient-gateway.ts';
import { readRetryPolicy } from '../domain/gateway/retry-policy.ts';
import { Reconciler } from '../domain/reconciliation/reconciler.ts';
import { defaultRuleOptions } from '../domain/reconciliation/reconcile-rules.ts';
import { OperatorAccess } from '../domain/operator/operator-access.ts';
import type { ScryptParams } from '../domain/operator/pin-hash.ts';
import { checkRazorpayKeys, type KeyChecker } from '../domain/gateway/key-check.ts';
import { operatorAccessFileStorage } from './operator-access-file.ts';
import { OperatorService } from './operator-service.ts';
import { KeyStoreError, type KeyStore } from './key-store.ts';
import { modeOfKeyId } from './payment-keys.ts';
import { join } from 'node:path';
import { ReceiptService } from './receipt-service.ts';
import { taxReceiptsOffered } from '../domain/receipts/tax-receipts-offered.ts';
import { NO_RECEIPT_PRINTER, type ReceiptPrinter } from '../domain/receipts/receipt-printer.ts';
import { KioskActivityTracker } from '../domain/updates/kiosk-activity.ts';
import type { UpdateControl } from '../domain/updates/update-control.ts';
import { isKioskMethod } from './ipc-dispatcher.ts';
import { GatewayClock } from '../domain/clock.ts';
import { DonorScreens } from '../domain/donor-screens.ts';
import { donorCallTimeoutMs } from '../domain/donor-wait.ts';
import { LedgerHealth } from './ledger-health.ts';
import { lockDataFolder } from './data-folder-lock.ts';
import { ReceiptMailer } from './receipt-mailer.ts';
import { environmentSecretStore, type SecretStore } from './secret-store.ts';
import { escapingLog } from '../domain/log-line.ts';
import { makeDataFolderPrivate } from './data-folder.ts';
import { identityCipherFrom, identityKeyInDataFolder, type IdentityKeySource } from './identity-key.ts';
import type { PaymentKeysSource } from '../contract/kiosk-api.ts';
import type { OperatorSessionLimits } from '../domain/operator/operator-session.ts';
import { sameCheckoutOrigins, type CheckoutSources } from '../security/content-security-policy.ts';
import { EventFleet } from '../domain/fleet/event-fleet.ts';
import { EVENT_READ_GAP_MS } from '../domain/fleet/read-budget.ts';
import { createRazorpayAccountReads, withReadObserver, withReadRetries } from '../domain/fleet/account-reads.ts';

export const RAZORPAY_API_URL = 'https://api.razorpay.com';
export const RAZORPAY_CHECKOUT_SCRIPT_URL = 'https://checkout.razorpay.com/v1/checkout.js';
/**
 * The hosts Standard Checkout loads from, by name (razorpay.md §5.5: the hosts
 * Razorpay's own CSP allow-list names): checkout.js and its build and risk
 * scripts, the api iframe, telemetry. No `*.razorpay.com` (issue 14, item 3).
 */
export const RAZORPAY_CHECKOUT_SOURCES: CheckoutSources = {
  script: ['https://checkout.razorpay.com', 'https://checkout-static-next.razorpay.com', 'https://cdn.razorpay.com'],
  frame: ['https://api.razorpay.com', 'https://checkout.razorpay.com'],
  connect: [
    'https://api.razorpay.com',
    'https://checkout.razorpay.com',
    'https://lumberjack.razorpay.com',
    'https://lumberjack-metrics.razorpay.com',
    'https://rudderstack.razorpay.com',
  ],
  img: ['https://cdn.razorpay.com', 'https://checkout.razorpay.com'],
};

export const LEDGER_FILE_NAME = 'ledger.sqlite3';

export interface KioskServicesOptions {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /**
   * Whether KIOSK_RAZORPAY_KEY_ID / _SECRET, KIOSK_RAZORPAY_API_URL and
   * KIOSK_CHECKOUT_SCRIPT_URL are read (default true: development runs, browser
   * mode, tests). The installed app passes false: there the keys come only from
   * the console, so whoever can set the kiosk account's environment cannot
   * redirect donations or send the stored secret elsewhere (issue 14, item 4).
   */
  readKeysFromEnvironment?: boolean;
  /** The key that seals donors' identity numbers (Electron: safeStorage). Default: a development key file in the data folder. */
  identityKey?: IdentityKeySource;
  /** The hidden corner or Ctrl+Alt+O on the donor page (Electron opens the console's window, in that page's language). */
  onOperatorConsoleRequested?: (language: string) => void;
  /** The console was left (Done, Cancel, idle): Electron closes its window. */
  onOperatorConsoleClosed?: () => void;
  /** Browser mode never takes real money. */
  refuseLiveKeys?: boolean;
  /** Where the operator's keys are kept (Electron: safeStorage). Absent in browser mode: keys come from the environment only. */
  keyStore?: KeyStore;
  /** The operator's "Exit kiosk": lifts the exit guard and quits. Absent in browser mode (not_supported). */
  onExitRequested?: () => void;
  /** The operator's "Restart kiosk": lifts the exit guard, relaunches and quits. Absent in browser mode (not_supported). */
  onRestartRequested?: () => void;
  /** The app's version, shown in the operator console. */
  appVersion?: string;
  /** Where CSV exports go; null when the operator cancels. Default: `<dataDir>/exports`. */
  chooseExportFolder?: () => Promise<string | null>;
  /** Prints receipts and saves them as PDF (Electron: a hidden window; browser mode: headless Chromium). */
  receiptPrinter?: ReceiptPrinter;
  /** Tests replace the one-call key check. */
  checkKeys?: KeyChecker;
  /** The installed app's updater (src-main/electron/auto-update.ts); absent in browser mode. */
  updates?: UpdateControl;
  /** Tests move the activity tracker's clock. */
  now?: () => number;
  /** Where the mail server's password is kept (Electron: safeStorage). Default: KIOSK_SMTP_PASSWORD from the environment, read only (browser mode). */
  smtpSecrets?: SecretStore;
  /** Email receipts: the first retry's wait (doubling after). Default one minute; tests shorten it. */
  emailRetryBaseMs?: number;
  /** Tests read the event from Razorpay more often than the once a minute a kiosk allows itself (read-budget.ts). */
  eventReadGapMs?: number;
  /** Tests use cheaper scrypt parameters and their own clock for the operator PIN. */
  operatorAccess?: { scryptParams?: ScryptParams; now?: () => number; session?: Partial<OperatorSessionLimits> };
}

export interface KioskServices {
  dispatch: IpcDispatcher;
  mode: KioskMode;
  /** What Checkout needs in the donor page's CSP. */
  checkoutSources: CheckoutSources;
  /** Non-https origins a Checkout popup may show: the simulator's in demo mode (and tests); none with Razorpay. */
  popupOrigins: string[];
  /** The settings in force now (the operator can change some while the kiosk runs). */
  readonly config: KioskConfig;
  /** The operator PIN and session. */
  operatorAccess: OperatorAccess;
  ledger: Ledger;
  /** The in-process simulator in demo mode. */
  simulator: RazorpaySimulator | null;
  health: KioskHealth;
  /** Online/offline from the gateway's answers; probes Razorpay while offline. */
  connectivity: ConnectivityMonitor;
  /** Checks unsettled donations against Razorpay (at start-up, on a timer, when the network returns). */
  reconciler: Reconciler;
  /** What the kiosk is doing (welcome idle, donation, operator), from the calls it receives: the update policy's input. */
  activity: KioskActivityTracker;
  /** Sends email receipts from the ledger's outbox. */
  mailer: ReceiptMailer;
  /** The event across the charity's kiosks, read from Razorpay (src-main/domain/fleet). */
  fleet: EventFleet;
  close(): Promise<void>;
}

export class KioskStartError extends Error {}

interface GatewayEndpoints {
  keys: PaymentKeys;
  source: PaymentKeysSource;
  apiUrl: string;
  checkoutScriptUrl: string;
  simulator: RazorpaySimulator | null;
}

/** The environment the services may read: empty for the installed app (readKeysFromEnvironment false). */
function keyEnvironment(options: KioskServicesOptions): NodeJS.ProcessEnv {
  return options.readKeysFromEnvironment === false ? {} : options.env;
}

/** Keys from the environment first (development, tests), else the ones the operator stored, else none (demo). */
async function resolveKeys(options: KioskServicesOptions): Promise<{ keys: PaymentKeys; source: PaymentKeysSource } | null> {
  const configured = resolvePaymentKeys(keyEnvironment(options));
  if (!configured.ok) throw new KioskStartError(configured.message);
  if (configured.keys !== null) return { keys: configured.keys, source: 'environment' };
  if (options.keyStore === undefined) return null;
  let stored;
  try {
    stored = await options.keyStore.load();
  } catch (error) {
    // Never fall back to demo mode over keys the operator stored: that would take pretend donations.
    throw new KioskStartError(error instanceof KeyStoreError ? error.message : 'The stored payment keys cannot be read.');
  }
  return stored === null ? null : { keys: { mode: modeOfKeyId(stored.keyId), keyId: stored.keyId, keySecret: stored.keySecret }, source: 'console' };
}

/** Where keys of a mode talk to Razorpay: live keys (and their secret) always to Razorpay itself, whatever the environment says. */
function apiUrlFor(options: KioskServicesOptions, mode: 'test' | 'live'): string {
  return mode === 'live' ? RAZORPAY_API_URL : keyEnvironment(options).KIOSK_RAZORPAY_API_URL || RAZORPAY_API_URL;
}

async function resolveEndpoints(options: KioskServicesOptions): Promise<GatewayEndpoints> {
  const resolved = await resolveKeys(options);
  const env = keyEnvironment(options);

  if (resolved === null) {
    // Demo mode: no keys yet, so the kiosk runs on its built-in simulator. It captures
    // a few seconds after authorisation, as Razorpay does, so the donor sees the kiosk confirm.
    const simulator = await startRazorpaySimulator({ port: 0, captureDelayMs: DEMO_CAPTURE_DELAY_MS });
    const demoKeys = simulator.createTestKey();
    return {
      keys: { mode: 'demo', keyId: demoKeys.keyId, keySecret: demoKeys.keySecret },
      source: 'none',
      apiUrl: simulator.baseUrl,
      checkoutScriptUrl: simulator.checkoutScriptUrl,
      simulator,
    };
  }
  const { keys, source } = resolved;
  if (keys.mode === 'live') {
    if (options.refuseLiveKeys) throw new KioskStartError('Browser mode refuses live Razorpay keys: it is for development and tests only.');
    return { keys, source, apiUrl: apiUrlFor(options, 'live'), checkoutScriptUrl: RAZORPAY_CHECKOUT_SCRIPT_URL, simulator: null };
  }
  return {
    keys,
    source,
    apiUrl: apiUrlFor(options, 'test'),
    checkoutScriptUrl: env.KIOSK_CHECKOUT_SCRIPT_URL || RAZORPAY_CHECKOUT_SCRIPT_URL,
    simulator: null,
  };
}

/** The origins Checkout comes from that are not Razorpay's: the simulator's in demo mode and tests. */
function simulatorOrigins(endpoints: GatewayEndpoints): string[] {
  const origins = [endpoints.checkoutScriptUrl, endpoints.apiUrl].map((url) => new URL(url).origin);
  return [...new Set(origins.filter((origin) => !origin.endsWith('.razorpay.com')))];
}

function checkoutSourcesFor(endpoints: GatewayEndpoints): CheckoutSources {
  const simulator = simulatorOrigins(endpoints);
  return simulator.length === 0 ? RAZORPAY_CHECKOUT_SOURCES : sameCheckoutOrigins(simulator);
}

export async function startKioskServices(given: KioskServicesOptions): Promise<KioskServices> {
  // Every line the services log is one line, whatever a page or a setting put into it.
  const options: KioskServicesOptions = { ...given, log: escapingLog(given.log) };
  makeDataFolderPrivate(options.dataDir, options.log);
  // One kiosk per data folder (a second one is refused with DataFolderInUseError).
  const lock = lockDataFolder(options.dataDir);
  try {
    return await startOnLockedFolder(options, () => lock.release());
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function startOnLockedFolder(options: KioskServicesOptions, releaseLock: () => void): Promise<KioskServices> {
  const loaded = loadKioskConfig(options.dataDir);
  if (!loaded.ok) throw new KioskStartError(`Kiosk settings are invalid: ${loaded.message}`);
  for (const ignored of loaded.ignored) options.log(`settings: ignoring ${ignored}`);
  let config = loaded.config;

  const endpoints = await resolveEndpoints(options);
  const { keys } = endpoints;
  const identityCipher = await identityCipherFrom(options.identityKey ?? identityKeyInDataFolder(options.dataDir), options.log);
  // Refuses (LedgerUnavailableError) rather than start an empty ledger over a lost or damaged one.
  const ledger = openLedgerFile(options.dataDir, { log: options.log, ...(identityCipher === null ? {} : { identityCipher }) });
  // Razorpay's clock, from the Date of its answers: what ends a donation is judged on it, not on this computer's clock.
  const gatewayClock = new GatewayClock();
  const rawGateway = createRazorpayGateway({
    keyId: keys.keyId,
    keySecret: keys.keySecret,
    baseUrl: endpoints.apiUrl,
    timeoutMs: config.gatewayTimeoutMs,
    onServerDate: (date) => gatewayClock.observeHttpDate(date),
  });
  const health = new KioskHealth();
  const donorScreens = new DonorScreens();
  // Late-bound: the monitor's onOnline and the reconciler need each other's gateway.
  let reconcileSoon: () => void = () => undefined;
  const connectivity = new ConnectivityMonitor({
    health,
    // One list-orders read (a receipt no donation uses), not retried: each probe is one request.
    probe: () => rawGateway.findOrderByReceipt('kiosk-connectivity-probe'),
    probeIntervalMs: config.connectivityProbeSeconds * 1000,
    onOnline: () => {
      reconcileSoon();
      fleet.onOnline();
    },
    log: options.log,
  });
  const gateway = withOutcomeObserver(withRetryPolicy(rawGateway, readRetryPolicy(config.gatewayTimeoutMs)), (result) => connectivity.report(result));
  const reconciler = new Reconciler({
    ledger,
    gateway,
    options: { ...defaultRuleOptions(config.checkoutTimeoutSeconds), maxCallsPerPass: 60, minGapMs: 250 },
    log: options.log,
    gatewayNow: () => gatewayClock.now(),
    donorScreens,
    kioskId: () => config.kioskId,
    // Created below; read only during passes, which start after start-up.
    installationId: () => fleet.installationId,
  });
  reconcileSoon = () => {
    reconciler.runOnce().catch((error: unknown) => options.log(`reconciliation: pass failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  };
  // A ledger that refuses writes (full disk, read-only) or was replaced takes the kiosk out of service; a write failure clears by itself.
  const ledgerHealth = new LedgerHealth({ ledger, probeIntervalMs: config.connectivityProbeSeconds * 1000, onRecovered: () => reconcileSoon(), log: options.log });
  health.ledgerProblem = () => ledgerHealth.problem();
  ledgerHealth.checkWritable();
  const fleet: EventFleet = new EventFleet({
    ledger,
    reads: withReadObserver(
      withReadRetries(
        createRazorpayAccountReads({ keyId: keys.keyId, keySecret: keys.keySecret, baseUrl: endpoints.apiUrl, timeoutMs: config.gatewayTimeoutMs }),
        readRetryPolicy(config.gatewayTimeoutMs),
      ),
      (result) => connectivity.report(result),
    ),
    getConfig: () => config,
    isOnline: () => connectivity.online,
    now: options.now ?? Date.now,
    readGapMs: options.eventReadGapMs ?? EVENT_READ_GAP_MS,
    log: options.log,
  });
  // No donation starts while the kiosk id is not confirmed as this kiosk's for the event.
  health.kioskIdHold = () => fleet.hold();
  const donations = new DonationService({
    ledger,
    gateway,
    config,
    installationId: fleet.installationId,
    keyId: keys.keyId,
    verifySignature: (orderId, paymentId, signature) => isValidPaymentSignature({ orderId, paymentId, signature, keySecret: keys.keySecret }),
    log: options.log,
    isOnline: () => connectivity.online,
    donorScreens,
  });

  const kioskState = (): KioskState => ({
    mode: keys.mode,
    kioskId: config.kioskId,
    organisationName: config.organisationName,
    causeName: (config.causes[0] ?? DEFAULT_CAUSE).name.en,
    currency: 'INR',
    presetAmountsRupees: (config.causes[0] ?? DEFAULT_CAUSE).presetAmountsRupees,
    minAmountRupees: config.minAmountRupees,
    maxAmountRupees: config.maxAmountRupees,
    checkout: { scriptUrl: endpoints.checkoutScriptUrl, loadTimeoutMs: config.checkoutScriptLoadTimeoutMs },
    donorCallTimeoutMs: donorCallTimeoutMs(config.gatewayTimeoutMs),
    resultScreenSeconds: config.resultScreenSeconds,
    idleResetSeconds: config.idleResetSeconds,
    idlePromptSeconds: config.idlePromptSeconds,
    language: config.language,
    ...(config.logoDataUri === undefined ? {} : { logoDataUri: config.logoDataUri }),
    // Only while the ledger can keep the numbers sealed (no identity key, no 80G).
    taxReceiptsOffered: taxReceiptsOffered(config) && ledger.keepsIdentityNumbers,
    acceptsForeignContributions: config.acceptForeignContributions,
    causes: config.causes,
    feeCoverPercent: config.feeCoverPercent,
    attractMessage: config.attractMessage,
    goalRupees: config.goalRupees,
    showDonorWall: config.showDonorWall,
    branding: {
      primaryColor: config.themeColor,
      accentColor: config.accentColor,
      ...(config.backgroundDataUri === undefined ? {} : { backgroundDataUri: config.backgroundDataUri }),
    },
    emailReceipts: mailer.enabled,
  });

  const operatorAccess = new OperatorAccess({
    storage: operatorAccessFileStorage(options.dataDir),
    clock: { now: options.operatorAccess?.now ?? Date.now },
    // A missing PIN on a kiosk with donations is lost access, never a fresh set-up.
    hasDonations: () => ledger.hasAnyDonation(),
    ...(options.operatorAccess?.scryptParams ? { scryptParams: options.operatorAccess.scryptParams } : {}),
    ...(options.operatorAccess?.session ? { session: options.operatorAccess.session } : {}),
  });
  const defaultExportFolder = join(options.dataDir, 'exports');
  /** New settings from the console (settings or receipts): every service sees them at once. */
  const applyConfig = (next: KioskConfig): void => {
    config = next;
    donations.setConfig(next);
    fleet.configChanged();
  };
  const operator = new OperatorService({
    access: operatorAccess,
    ledger,
    dataDir: options.dataDir,
    mode: keys.mode,
    version: options.appVersion ?? 'unknown',
    getConfig: () => config,
    applyConfig,
    reconcile: () => reconciler.runOnce(),
    eventFleet: fleet,
    chooseExportFolder: options.chooseExportFolder ?? (async () => defaultExportFolder),
    keyStore: options.keyStore ?? null,
    activeKeys: { mode: keys.mode, keyId: keys.keyId, keySecret: keys.keySecret, apiUrl: endpoints.apiUrl, source: endpoints.source },
    apiUrlFor: (mode) => apiUrlFor(options, mode),
    checkKeys: options.checkKeys ?? checkRazorpayKeys,
    onExitRequested: options.onExitRequested ?? null,
    onRestartRequested: options.onRestartRequested ?? null,
    ...(options.onOperatorConsoleClosed ? { onConsoleClosed: options.onOperatorConsoleClosed } : {}),
    updates: options.updates ?? null,
    outOfService: () => ledgerHealth.problem(),
    log: options.log,
    ...(options.operatorAccess?.now ? { now: options.operatorAccess.now } : {}),
  });

  const receipts = new ReceiptService({
    ledger,
    dataDir: options.dataDir,
    printer: options.receiptPrinter ?? NO_RECEIPT_PRINTER,
    access: operatorAccess,
    getConfig: () => config,
    applyConfig,
    chooseExportFolder: options.chooseExportFolder ?? (async () => defaultExportFolder),
    log: options.log,
    ...(options.operatorAccess?.now ? { now: options.operatorAccess.now } : {}),
  });
  const mailer = new ReceiptMailer({
    ledger,
    dataDir: options.dataDir,
    printer: options.receiptPrinter ?? NO_RECEIPT_PRINTER,
    printerAnswers: () => receipts.printerAnswers(),
    access: operatorAccess,
    getConfig: () => config,
    secrets: options.smtpSecrets ?? environmentSecretStore(options.env.KIOSK_SMTP_PASSWORD),
    log: options.log,
    ...(options.emailRetryBaseMs === undefined ? {} : { retryBaseMs: options.emailRetryBaseMs }),
  });

  const activity = new KioskActivityTracker({ now: options.now ?? Date.now, isOperatorActive: () => operatorAccess.isOperatorActive() });
  const dispatchCall = createIpcDispatcher(
    {
      getKioskState: () => {
        // Out of service while the ledger cannot be written: the page shows the operator why, and asks again until it can.
        const problem = ledgerHealth.problem();
        return problem === null ? { ok: true, value: kioskState() } : { ok: false, error: { code: 'kiosk_unavailable', message: problem, retryable: false } };
      },
      getKioskStatus: () => ({ ok: true, value: health.status() }),
      startDonation: (request) => {
        const hold = fleet.hold();
        if (hold !== null) {
          const message =
            hold === 'taken'
              ? `Kiosk id ${config.kioskId} is already used by another kiosk for event ${config.eventId}; the operator must change this kiosk's id`
              : `Kiosk id ${config.kioskId} has not been confirmed with Razorpay for event ${config.eventId} yet`;
          return { ok: false, error: { code: 'kiosk_unavailable', message, retryable: hold === 'checking' } };
        }
        return donations.startDonation(request);
      },
      checkoutOpened: (request) => donations.checkoutOpened(request),
      recordPaymentFailure: (request) => donations.recordPaymentFailure(request),
      confirmPayment: async (request) => {
        const confirmed = await donations.confirmPayment(request);
        // A paid donation with an email has its receipt in the outbox (same transaction): send it now.
        if (confirmed.ok) mailer.wake();
        return confirmed;
      },
      getDonationProgress: async (request) => {
        const progress = await donations.getDonationProgress(request);
        // Captured while the donor's screen followed it: the receipt email (if any) can go now.
        if (progress.ok && progress.value.status === 'paid') mailer.wake();
        return progress;
      },
      cancelDonation: (request) => donations.cancelDonation(request),
      getAttractInfo: () => ({ ok: true, value: fleet.attractInfo(config) ?? attractInfo(ledger, config, new Date()) }),
      openOperatorConsole: (request) => {
        options.onOperatorConsoleRequested?.(request.language);
        return { ok: true, value: null };
      },
      ...operator.handlers(),
      ...receipts.handlers(),
      ...mailer.handlers(),
      getPaymentActivity: (request) => donations.paymentActivity(request),
    },
    options.log,
  );
  // Every call tells the activity tracker what the renderer is doing (welcome polls, donation steps).
  const dispatch: IpcDispatcher = (method, payload) => {
    if (isKioskMethod(method)) activity.observe(method);
    return dispatchCall(method, payload);
  };

  options.log(`kiosk ${config.kioskId} started in ${keys.mode} mode (key ${keys.keyId}, ledger schema ${ledger.schemaVersion()})`);

  // In the background, so the welcome screen never waits on Razorpay: learn
  // whether it can be reached (so an offline kiosk says so before a donor
  // tries), and reconcile what an earlier run left unsettled.
  void connectivity.probeNow();
  reconcileSoon();
  // Receipts left in the outbox by an earlier run go out as soon as the server takes them.
  await mailer.start();
  fleet.start();
  const reconcileTimer = setInterval(reconcileSoon, config.reconcileIntervalSeconds * 1000);
  reconcileTimer.unref();

  return {
    dispatch,
    mode: keys.mode,
    checkoutSources: checkoutSourcesFor(endpoints),
    popupOrigins: simulatorOrigins(endpoints),
    get config() {
      return config;
    },
    operatorAccess,
    ledger,
    simulator: endpoints.simulator,
    health,
    connectivity,
    reconciler,
    activity,
    mailer,
    fleet,
    async close() {
      clearInterval(reconcileTimer);
      connectivity.close();
      ledgerHealth.close();
      await mailer.stop();
      await fleet.close();
      // Let a pass in flight finish its ledger writes before the ledger closes.
      await reconciler.stop();
      ledger.close();
      await endpoints.simulator?.close();
      releaseLock();
    },
  };
}
