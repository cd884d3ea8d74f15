// Electron main entry (electron-vite builds it to out/main/index.js).
//
// Wiring only: every decision is in a plain-Node module with unit tests
// (../security/*, ./ipc-registry.ts, ./quit-guard.ts, ./session-policy.ts,
// ./operator-window.ts, ./auto-update.ts). Security items refer to electron.md
// §1; popups to §2; exit guard to §7; issue 14 items to docs/security.md.
//
// Two windows, two origins, two preloads, two in-memory sessions:
// - the donor window on app://kiosk (window.kiosk: donation steps only), where
//   Razorpay's checkout.js runs; its session is reset between donations;
// - the operator console on app://operator (window.kioskOperator), opened on
//   demand by the hidden corner or Ctrl+Alt+O, with no Razorpay at all.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
// electron-updater is CommonJS and defines `autoUpdater` with a getter Node's
// ESM loader cannot see, so a named import fails at start-up: take the default.
import electronUpdater from 'electron-updater';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, powerSaveBlocker, protocol, safeStorage, session } from 'electron';
import type { OpenDialogOptions, WebContents } from 'electron';
import { AUDIENCE } from '../contract/kiosk-api.ts';
import { buildContentSecurityPolicy, NO_CHECKOUT } from '../security/content-security-policy.ts';
import { shouldBlockInput } from '../security/input-policy.ts';
import {
  APP_ORIGIN,
  decideWindowOpen,
  isAppUrl,
  isKioskNavigationAllowed,
  isPopupNavigationAllowed,
  OPERATOR_ORIGIN,
  type PopupPolicyOptions,
  urlForLog,
} from '../security/navigation-policy.ts';
import { escapeLogLine } from '../domain/log-line.ts';
import { isLedgerUnavailableError } from '../domain/ledger/ledger-file.ts';
import { KILL_POINTS_FILE_ENV } from '../domain/kill-points.ts';
import { isDataFolderInUseError } from '../services/data-folder-lock.ts';
import { startKioskServices, type KioskServices } from '../services/kiosk-services.ts';
import { RESET_OPERATOR_PIN_FLAG, resetOperatorAccessFile } from '../services/operator-access-file.ts';
import { handleAppProtocol, OPERATOR_DOCUMENT, OUT_OF_SERVICE_PATH, registerAppScheme } from './app-protocol.ts';
import { PreventDisplaySleepService } from './display-sleep.ts';
import { applyStartAtLogin } from './login-item.ts';
import { installMainCrashHandlers, RelaunchGuard } from './main-crash-guard.ts';
import { attachRendererRecovery, RendererRecoveryPolicy } from './renderer-recovery.ts';
import { errorResult, registerIpcHandlers, type KioskDispatch } from './ipc-registry.ts';
import { QuitGuard } from './quit-guard.ts';
import { createSafeStorageKeyStore, createSafeStorageSecretStore, safeStorageIdentityKey } from './safe-storage-key-store.ts';
import { createElectronReceiptPrinter } from './electron-receipt-printer.ts';
import { AutoUpdateService, expandFeedUrl } from './auto-update.ts';
import { BUILT_IN_UPDATE_FEED_TEMPLATE, BUILT_IN_UPDATE_PUBLIC_KEY } from './build-info.ts';
import { applySessionPolicy, createDonorSessionReset, DonationSessionTracker } from './session-policy.ts';
import { OperatorConsoleWindow } from './operator-window.ts';

const APP_URL = `${APP_ORIGIN}/index.html`;
const OPERATOR_URL = `${OPERATOR_ORIGIN}/${OPERATOR_DOCUMENT}`;
const OUT_OF_SERVICE_URL = `${APP_ORIGIN}${OUT_OF_SERVICE_PATH}`;
const WINDOWED = process.env['KIOSK_WINDOWED'] === '1';
const RENDERER_DIR = path.join(__dirname, '../renderer');
const PRELOAD_PATH = path.join(__dirname, '../preload/index.cjs');
const OPERATOR_PRELOAD_PATH = path.join(__dirname, '../preload/operator.cjs');
const DIALOG_GUARD_PATH = path.join(__dirname, '../preload/dialog-guard.cjs');
/** In-memory partitions (no `persist:`): nothing a payment page stores reaches the disk. */
const DONOR_PARTITION = 'kiosk-donor';
const OPERATOR_PARTITION = 'kiosk-operator';
const RECEIPT_PARTITION = 'receipt-print';

/**
 * Answers every call while the services are down, so the page can show its
 * "unavailable" screen; a refused ledger's operator message is passed through.
 */
const unavailableDispatch = (message: string): KioskDispatch => async () => errorResult('kiosk_unavailable', message, false);

/** One line per event: text from a page or a setting cannot start a line of its own. */
function log(line: string): void {
  console.log(`${new Date().toISOString()} [main] ${escapeLogLine(line)}`);
}

// The crash harness's kill points are for tests only: never in the installed app.
if (app.isPackaged) Reflect.deleteProperty(process.env, KILL_POINTS_FILE_ENV);

// Single-instance lock first (electron.md §8). It is per app profile; the data
// folder has its own lock too (services/data-folder-lock.ts), for two kiosks
// (two installs, a copy, browser mode) pointed at one KIOSK_DATA_DIR.
if (!app.requestSingleInstanceLock()) {
  app.exit(0);
} else {
  // A main-process crash relaunches the kiosk (kiosk mode only), with a loop cap (§8).
  installMainCrashHandlers({
    app,
    guard: WINDOWED ? null : new RelaunchGuard({ dataDir: process.env['KIOSK_DATA_DIR'] || app.getPath('userData') }),
    log,
  });
  registerAppScheme(protocol); // must precede `ready`
  main().catch((error: unknown) => {
    log(`start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    app.exit(1);
  });
}

async function main(): Promise<void> {
  let kioskWindow: BrowserWindow | null = null;
  let services: KioskServices | null = null;
  const dataDir = process.env['KIOSK_DATA_DIR'] || app.getPath('userData');

  const quitGuard = new QuitGuard({
    lockedDown: !WINDOWED,
    closeServices: async () => {
      await services?.close();
    },
    log,
  });

  // Operator access reset from the machine (docs/security.md): only someone who can start the app with a flag can do it.
  const resetOperatorAccess = (source: string): void => {
    const written = resetOperatorAccessFile(dataDir);
    log(`operator access reset from the machine (${source}): ${written}; the next operator chooses a PIN`);
    void services?.operatorAccess.reloadFromStorage();
  };
  if (process.argv.includes(RESET_OPERATOR_PIN_FLAG)) resetOperatorAccess('launch flag');

  app.on('second-instance', (_event, argv) => {
    if (argv.includes(RESET_OPERATOR_PIN_FLAG)) resetOperatorAccess('second launch with the flag');
    if (kioskWindow === null || kioskWindow.isDestroyed()) return;
    if (kioskWindow.isMinimized()) kioskWindow.restore();
    kioskWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => applyBaselineGuards(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('child-process-gone', (_event, details) => log(`child process gone: ${details.type} ${details.reason} (${details.exitCode})`));
  app.on('before-quit', (event) => {
    const action = quitGuard.beforeQuit();
    if (action === 'proceed') return;
    event.preventDefault();
    if (action === 'prevent-and-shut-down') void quitGuard.shutdown().then(() => app.quit());
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      quitGuard.allowQuit(signal);
      app.quit();
    });
  }

  let unavailableMessage = 'The kiosk services did not start.';
  let folderInUseMessage: string | null = null;

  // The operator console: its own window, preload, origin and session (issue 14, item 3).
  const operatorConsole = new OperatorConsoleWindow({
    createWindow: () => createKioskWindow({ title: 'Donation Kiosk: operator', preload: OPERATOR_PRELOAD_PATH, partition: OPERATOR_PARTITION }),
    url: OPERATOR_URL,
    isConsoleUrl: (url) => isAppUrl(url, OPERATOR_ORIGIN),
    onClosed: () => {
      services?.operatorAccess.endOperatorSession();
      // The donor page comes back fresh at the welcome screen, with any new settings.
      if (kioskWindow !== null && !kioskWindow.isDestroyed()) {
        kioskWindow.webContents.loadURL(APP_URL).catch((error: unknown) => log(`reloading the donor page failed: ${error instanceof Error ? error.message : String(error)}`));
        kioskWindow.focus();
      }
    },
    log,
  });

  // Where exports go: the operator picks a folder (a USB stick, say) from the console's window; null means "cancelled".
  const chooseExportFolder = async (): Promise<string | null> => {
    const options: OpenDialogOptions = { title: 'Export donations to…', properties: ['openDirectory', 'createDirectory'] };
    const window = operatorConsole.current();
    const picked = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
    return picked.canceled ? null : (picked.filePaths[0] ?? null);
  };
  // Updates only in the installed app (electron-updater skips unpackaged runs). The feed and the
  // signing key are fixed at build time (build-info.ts); the policy's activity comes from the services.
  const updates = app.isPackaged
    ? new AutoUpdateService({
        updater: electronUpdater.autoUpdater,
        quitGuard,
        activity: () => services?.activity.current() ?? { kind: 'donation-in-progress' },
        settings: () => services?.config ?? { updateInstallHour: null },
        builtInFeedUrl: expandFeedUrl(BUILT_IN_UPDATE_FEED_TEMPLATE, process.platform),
        publicKeyPem: BUILT_IN_UPDATE_PUBLIC_KEY,
        readFile: (file) => readFile(file),
        fetchText: async (url) => {
          const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(30_000) });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          return response.text();
        },
        currentVersion: app.getVersion(),
        log,
      })
    : undefined;
  const secretFileOptions = { safeStorage, platform: process.platform, dataDir, whenReady: () => app.whenReady() };
  const servicesStarting = startKioskServices({
    dataDir,
    env: process.env,
    log,
    // The installed app takes keys from the console only, never the environment (issue 14, item 4).
    readKeysFromEnvironment: !app.isPackaged,
    appVersion: app.getVersion(),
    // Operator keys and the identity-number key, encrypted with safeStorage (electron.md §4); their calls wait for `ready`.
    keyStore: createSafeStorageKeyStore(secretFileOptions),
    identityKey: safeStorageIdentityKey(secretFileOptions),
    // The mail server's password for email receipts, kept the same way.
    smtpSecrets: createSafeStorageSecretStore(secretFileOptions),
    chooseExportFolder,
    // Receipts: silent printing and PDFs from a hidden, sandboxed, script-less window (electron.md §10).
    receiptPrinter: createElectronReceiptPrinter({
      // Hidden, sandboxed, JavaScript off; an in-memory session of its own, so the kiosk's CSP and protocol handlers stay out of it.
      createWindow: () =>
        new BrowserWindow({
          show: false,
          width: 800,
          height: 1100,
          webPreferences: {
            sandbox: true,
            contextIsolation: true,
            nodeIntegration: false,
            nodeIntegrationInSubFrames: false,
            webviewTag: false,
            javascript: false,
            partition: RECEIPT_PARTITION,
            navigateOnDragDrop: false,
            spellcheck: false,
            devTools: false,
            disableBlinkFeatures: 'Auxclick',
          },
        }),
      whenReady: () => app.whenReady(),
    }),
    ...(updates === undefined ? {} : { updates }),
    onOperatorConsoleRequested: (language) => operatorConsole.open(language),
    onOperatorConsoleClosed: () => operatorConsole.close(),
    // The operator's "Exit kiosk" (PIN checked in main): lift the guard, then quit once the reply is sent (§7).
    onExitRequested: () => {
      quitGuard.allowQuit('operator exit');
      setImmediate(() => app.quit());
    },
    // The operator's "Restart kiosk": the same, and Electron starts the app again once it has quit.
    onRestartRequested: () => {
      quitGuard.allowQuit('operator restart');
      app.relaunch();
      setImmediate(() => app.quit());
    },
  }).catch((error: unknown) => {
    log(`kiosk services failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    // Safe stop: no donations, and the operator is told what to do about the ledger.
    if (isLedgerUnavailableError(error)) unavailableMessage = error.operatorMessage;
    if (isDataFolderInUseError(error)) folderInUseMessage = error.message;
    return null;
  });

  await app.whenReady();
  Menu.setApplicationMenu(null);
  const donorSession = session.fromPartition(DONOR_PARTITION);
  const operatorSession = session.fromPartition(OPERATOR_PARTITION);
  // Every session refuses permissions and downloads (issue 14, item 5).
  for (const [name, target] of [
    ['default', session.defaultSession],
    ['donor', donorSession],
    ['operator', operatorSession],
    ['receipt', session.fromPartition(RECEIPT_PARTITION)],
  ] as const) {
    applySessionPolicy(target, name, log);
  }
  // No print dialog, file chooser or file picker in any page of the donor's session.
  donorSession.registerPreloadScript({ type: 'frame', id: 'kiosk-dialog-guard', filePath: DIALOG_GUARD_PATH });
  // Display and system stay awake (§8); start at login only when configured.
  new PreventDisplaySleepService(powerSaveBlocker, log).setEnabled(true);
  applyStartAtLogin({ app, platform: process.platform, env: process.env, log });
  powerMonitor.on('shutdown', () => {
    quitGuard.allowQuit('system shutdown');
    app.quit();
  });

  services = await servicesStarting;
  if (folderInUseMessage !== null) {
    // Another kiosk runs on this data folder: say so plainly and leave it alone (no second kiosk window over it).
    dialog.showErrorBox('Donation Kiosk is already running', folderInUseMessage);
    quitGuard.allowQuit('data folder in use');
    app.exit(1);
    return;
  }
  if (services !== null) updates?.start();
  const popupPolicy: PopupPolicyOptions = { extraOrigins: services?.popupOrigins ?? [] };
  log(`mode ${services?.mode ?? 'unavailable'}, data dir ${dataDir}, ${WINDOWED ? 'windowed' : 'kiosk'}`);

  const protocolOptions = {
    rendererDir: RENDERER_DIR,
    contentSecurityPolicy: buildContentSecurityPolicy({ appOrigin: APP_ORIGIN, checkout: services?.checkoutSources ?? NO_CHECKOUT }),
    operatorContentSecurityPolicy: buildContentSecurityPolicy({ appOrigin: OPERATOR_ORIGIN, checkout: NO_CHECKOUT }),
    log,
  };
  // Each session has its own protocol table.
  handleAppProtocol(protocol, protocolOptions);
  handleAppProtocol(donorSession.protocol, protocolOptions);
  handleAppProtocol(operatorSession.protocol, protocolOptions);

  const win = createKioskWindow({ title: 'Donation Kiosk', preload: PRELOAD_PATH, partition: DONOR_PARTITION });
  kioskWindow = win;
  const contents = win.webContents;

  // Between donors: every child window closed, every cookie and storage of the payment pages forgotten.
  const resetDonorSession = createDonorSessionReset({ session: donorSession, childWindows: () => win.getChildWindows(), log });
  const donations = new DonationSessionTracker();
  const servicesDispatch = services?.dispatch ?? unavailableDispatch(unavailableMessage);
  const dispatch: KioskDispatch = async (method, payload) => {
    if (AUDIENCE[method] === 'donor' && donations.beforeCall(method)) await resetDonorSession('a donation starts');
    const reply = await servicesDispatch(method, payload);
    if (AUDIENCE[method] === 'donor' && donations.afterCall(method, reply)) void resetDonorSession('the donation ended');
    return reply;
  };

  win.once('ready-to-show', () => win.show());
  win.on('close', (event) => {
    if (quitGuard.shouldPreventClose()) {
      log('window close refused: kiosk is locked down');
      event.preventDefault();
    }
  });
  win.on('session-end', () => {
    quitGuard.allowQuit('session end');
    app.quit();
  });

  // Top-frame navigation stays on app://kiosk (§1 #13).
  const guardNavigation = (event: { url: string; isMainFrame: boolean; preventDefault(): void }): void => {
    if (isKioskNavigationAllowed(event, APP_ORIGIN)) return;
    log(`kiosk navigation blocked: ${urlForLog(event.url)}`);
    event.preventDefault();
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-frame-navigate', guardNavigation);
  // A reload (idle reset, recovery, the console closing) leaves no payment window or payment data behind.
  contents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) void resetDonorSession('the donor page reloads');
  });
  // Checkout's beforeunload must not cancel idle-reset reloads (§2).
  contents.on('will-prevent-unload', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('before-input-event', (event, input) => {
    // Ctrl+Alt+O passes (input-policy.ts): the welcome screen asks for the console with it.
    if (shouldBlockInput(input, { lockedDown: !WINDOWED, devToolsAllowed: !app.isPackaged })) event.preventDefault();
  });
  contents.on('did-finish-load', () => pinZoom(contents));
  contents.on('render-process-gone', () => void resetDonorSession('the donor page was lost'));
  // A crashed or hung renderer comes back on its own at the welcome screen (§8).
  attachRendererRecovery(contents, {
    homeUrl: APP_URL,
    outOfServiceUrl: OUT_OF_SERVICE_URL,
    policy: new RendererRecoveryPolicy(),
    log,
  });

  // Only Razorpay's popup, as a sandboxed child with no preload (§1 #14, §2).
  contents.setWindowOpenHandler((details) => {
    if (decideWindowOpen(details, popupPolicy) !== 'allow-checkout-popup') {
      log(`window.open denied: ${urlForLog(details.url)} "${details.frameName.slice(0, 40)}"`);
      return { action: 'deny' };
    }
    return {
      action: 'allow',
      overrideBrowserWindowOptions: {
        parent: win,
        modal: false,
        autoHideMenuBar: true,
        fullscreenable: false,
        minimizable: false,
        skipTaskbar: true,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          nodeIntegrationInSubFrames: false,
          webviewTag: false,
          devTools: !app.isPackaged,
          navigateOnDragDrop: false,
        },
      },
    };
  });
  contents.on('did-create-window', (child) => guardCheckoutPopup(child, popupPolicy));

  registerIpcHandlers({
    ipcMain,
    windows: { donor: () => win, operator: () => operatorConsole.current() },
    windowFromSender: (sender: WebContents) => BrowserWindow.fromWebContents(sender),
    dispatch,
    log,
  });

  pinZoom(contents);
  await win.loadURL(APP_URL).catch((error: unknown) => {
    log(`loading ${APP_URL} failed: ${error instanceof Error ? error.message : String(error)}`);
  });
}

/**
 * The donor window and the operator console's window: the same locked-down
 * settings, each with its own preload (its own API) and its own session.
 */
function createKioskWindow(options: { title: string; preload: string; partition: string }): BrowserWindow {
  return new BrowserWindow({
    show: false,
    // Kiosk mode; never together with `fullscreen: true` (electron.md §6).
    kiosk: !WINDOWED,
    width: 1280,
    height: 800,
    title: options.title,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      preload: options.preload,
      partition: options.partition,
      devTools: !app.isPackaged,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click must not open windows (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

/** Every webContents, including ones we did not expect: no new windows, no <webview> (§1 #11, #14). */
function applyBaselineGuards(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The Checkout popup: no further windows, https (or the demo simulator) / about:blank navigation only, unload never blocks. */
function guardCheckoutPopup(child: BrowserWindow, policy: PopupPolicyOptions): void {
  const contents = child.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const guard = (event: { url: string; preventDefault(): void }): void => {
    if (isPopupNavigationAllowed(event.url, policy)) return;
    log(`popup navigation blocked: ${urlForLog(event.url)}`);
    event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-prevent-unload', (event) => event.preventDefault());
  contents.on('before-input-event', (event, input) => {
    if (shouldBlockInput(input, { lockedDown: !WINDOWED, devToolsAllowed: !app.isPackaged })) event.preventDefault();
  });
}

function pinZoom(contents: WebContents): void {
  contents.setVisualZoomLevelLimits(1, 1).catch((error: unknown) => {
    log(`setVisualZoomLevelLimits failed: ${error instanceof Error ? error.message : String(error)}`);
  });
}
