// Electron main entry (electron-vite builds it to out/main/index.js).
//
// Wiring only: every decision is in a plain-Node module with unit tests
// (../security/*, ./ipc-registry.ts, ./quit-guard.ts). Security items refer
// to electron.md §1; popups to §2; exit guard to §7.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
// electron-updater is CommonJS and defines `autoUpdater` with a getter Node's
// ESM loader cannot see, so a named import fails at start-up: take the default.
import electronUpdater from 'electron-updater';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, powerSaveBlocker, protocol, safeStorage, session } from 'electron';
import type { OpenDialogOptions, Session, WebContents } from 'electron';
import { buildContentSecurityPolicy } from '../security/content-security-policy.ts';
import { shouldBlockInput } from '../security/input-policy.ts';
import {
  APP_ORIGIN,
  decideWindowOpen,
  isKioskNavigationAllowed,
  isPopupNavigationAllowed,
  type PopupPolicyOptions,
  urlForLog,
} from '../security/navigation-policy.ts';
import { isLedgerUnavailableError } from '../domain/ledger/ledger-file.ts';
import { startKioskServices, type KioskServices } from '../services/kiosk-services.ts';
import { handleAppProtocol, OUT_OF_SERVICE_PATH, registerAppScheme } from './app-protocol.ts';
import { PreventDisplaySleepService } from './display-sleep.ts';
import { applyStartAtLogin } from './login-item.ts';
import { installMainCrashHandlers, RelaunchGuard } from './main-crash-guard.ts';
import { attachRendererRecovery, RendererRecoveryPolicy } from './renderer-recovery.ts';
import { errorResult, registerIpcHandlers, type KioskDispatch } from './ipc-registry.ts';
import { QuitGuard } from './quit-guard.ts';
import { createSafeStorageKeyStore, createSafeStorageSecretStore } from './safe-storage-key-store.ts';
import { createElectronReceiptPrinter } from './electron-receipt-printer.ts';
import { AutoUpdateService, feedUrlFromAppUpdateYml } from './auto-update.ts';

const APP_URL = `${APP_ORIGIN}/index.html`;
const OUT_OF_SERVICE_URL = `${APP_ORIGIN}${OUT_OF_SERVICE_PATH}`;
const WINDOWED = process.env['KIOSK_WINDOWED'] === '1';
const RENDERER_DIR = path.join(__dirname, '../renderer');
const PRELOAD_PATH = path.join(__dirname, '../preload/index.cjs');

/**
 * Answers every call while the services are down, so the page can show its
 * "unavailable" screen; a refused ledger's operator message is passed through.
 */
const unavailableDispatch = (message: string): KioskDispatch => async () => errorResult('kiosk_unavailable', message, false);

function log(line: string): void {
  console.log(`${new Date().toISOString()} [main] ${line}`);
}

// Single-instance lock first (electron.md §8).
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

  const quitGuard = new QuitGuard({
    lockedDown: !WINDOWED,
    closeServices: async () => {
      await services?.close();
    },
    log,
  });

  app.on('second-instance', () => {
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

  const dataDir = process.env['KIOSK_DATA_DIR'] || app.getPath('userData');
  let unavailableMessage = 'The kiosk services did not start.';
  // Where CSV exports go: the operator picks a folder (a USB stick, say); null means "cancelled".
  const chooseExportFolder = async (): Promise<string | null> => {
    const options: OpenDialogOptions = { title: 'Export donations to…', properties: ['openDirectory', 'createDirectory'] };
    const window = kioskWindow !== null && !kioskWindow.isDestroyed() ? kioskWindow : null;
    const picked = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
    return picked.canceled ? null : (picked.filePaths[0] ?? null);
  };
  // Updates only in the installed app (electron-updater skips unpackaged runs); the policy's activity comes from the services.
  // electron-builder writes the built-in feed (electron-builder.yml `publish`) next to app.asar.
  const appUpdateYml = path.join(process.resourcesPath ?? '', 'app-update.yml');
  const updates = app.isPackaged
    ? new AutoUpdateService({
        updater: electronUpdater.autoUpdater,
        quitGuard,
        activity: () => services?.activity.current() ?? { kind: 'donation-in-progress' },
        settings: () => services?.config ?? { updateFeedUrl: '', updateInstallHour: null },
        builtInFeedUrl: feedUrlFromAppUpdateYml(existsSync(appUpdateYml) ? readFileSync(appUpdateYml, 'utf8') : null),
        currentVersion: app.getVersion(),
        log,
      })
    : undefined;
  const servicesStarting = startKioskServices({
    dataDir,
    env: process.env,
    log,
    appVersion: app.getVersion(),
    // Operator keys, encrypted with safeStorage (electron.md §4); its calls wait for `ready`.
    keyStore: createSafeStorageKeyStore({ safeStorage, platform: process.platform, dataDir, whenReady: () => app.whenReady() }),
    // The mail server's password for email receipts, kept the same way.
    smtpSecrets: createSafeStorageSecretStore({ safeStorage, platform: process.platform, dataDir, whenReady: () => app.whenReady() }),
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
            partition: 'receipt-print',
            navigateOnDragDrop: false,
            spellcheck: false,
            devTools: false,
            disableBlinkFeatures: 'Auxclick',
          },
        }),
      whenReady: () => app.whenReady(),
    }),
    ...(updates === undefined ? {} : { updates }),
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
    return null;
  });

  await app.whenReady();
  Menu.setApplicationMenu(null);
  denyAllPermissions(session.defaultSession);
  // Display and system stay awake (§8); start at login only when configured.
  new PreventDisplaySleepService(powerSaveBlocker, log).setEnabled(true);
  applyStartAtLogin({ app, platform: process.platform, env: process.env, log });
  powerMonitor.on('shutdown', () => {
    quitGuard.allowQuit('system shutdown');
    app.quit();
  });

  services = await servicesStarting;
  if (services !== null) updates?.start();
  // Without services the page still loads and shows its "unavailable" screen.
  const dispatch = services?.dispatch ?? unavailableDispatch(unavailableMessage);
  const checkoutOrigins = services?.checkoutOrigins ?? [];
  const popupPolicy: PopupPolicyOptions = { extraOrigins: checkoutOrigins.filter((origin) => !origin.includes('*')) };
  log(`mode ${services?.mode ?? 'unavailable'}, data dir ${dataDir}, ${WINDOWED ? 'windowed' : 'kiosk'}`);

  handleAppProtocol(protocol, {
    rendererDir: RENDERER_DIR,
    contentSecurityPolicy: buildContentSecurityPolicy({ appOrigin: APP_ORIGIN, checkoutOrigins }),
    log,
  });

  const win = new BrowserWindow({
    show: false,
    // Kiosk mode; never together with `fullscreen: true` (electron.md §6).
    kiosk: !WINDOWED,
    width: 1280,
    height: 800,
    title: 'Donation Kiosk',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      preload: PRELOAD_PATH,
      devTools: !app.isPackaged,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click must not open windows (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  kioskWindow = win;
  const contents = win.webContents;

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
  // Checkout's beforeunload must not cancel idle-reset reloads (§2).
  contents.on('will-prevent-unload', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('before-input-event', (event, input) => {
    if (shouldBlockInput(input, { lockedDown: !WINDOWED, devToolsAllowed: !app.isPackaged })) event.preventDefault();
  });
  contents.on('did-finish-load', () => pinZoom(contents));
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
    kioskWindow: win,
    windowFromSender: (sender: WebContents) => BrowserWindow.fromWebContents(sender),
    dispatch,
    log,
  });

  pinZoom(contents);
  await win.loadURL(APP_URL).catch((error: unknown) => {
    log(`loading ${APP_URL} failed: ${error instanceof Error ? error.message : String(error)}`);
  });
}

/** Every webContents, including ones we did not expect: no new windows, no <webview> (§1 #11, #14). */
function applyBaselineGuards(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The Checkout popup: no further windows, https / about:blank navigation only, unload never blocks. */
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

function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`permission denied: ${permission}`);
    callback(false);
  });
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
}

function pinZoom(contents: WebContents): void {
  contents.setVisualZoomLevelLimits(1, 1).catch((error: unknown) => {
    log(`setVisualZoomLevelLimits failed: ${error instanceof Error ? error.message : String(error)}`);
  });
}
