// Wiring test for src-main/electron/main.ts with a fake `electron` module
// (the binary cannot run here; electron.md §0, §14). The decisions themselves
// are covered by the security-*.test.ts and other electron-*.test.ts files;
// this checks main.ts connects them to the right Electron hooks.
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src-main/contract/kiosk-api.ts';

type Handler = (...args: never[]) => unknown;

const fake = vi.hoisted(() => {
  // Plain objects built per test by reset(); typed loosely on purpose: this is
  // a stand-in for Electron's module surface that main.ts touches.
  const state = {
    lock: true,
    calls: [] as string[],
    windows: [] as unknown[],
    ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
    servicesResult: null as unknown,
    servicesOptions: [] as unknown[],
  };
  return { state };
});

// What the build writes into the main bundle (electron.vite.config.ts): a feed and a key.
vi.mock('../../src-main/electron/build-info.ts', async () => {
  const { generateKeyPairSync } = await import('node:crypto');
  return {
    BUILT_IN_UPDATE_FEED_TEMPLATE: 'https://updates.example.org/donation-kiosk/${os}',
    BUILT_IN_UPDATE_PUBLIC_KEY: generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
});

class FakeWebContents extends EventEmitter {
  windowOpenHandler: Handler | null = null;
  zoomLimits: [number, number] | null = null;
  readonly mainFrame = { url: 'app://kiosk/index.html' };
  loadedUrls: string[] = [];
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }
  setVisualZoomLevelLimits(min: number, max: number): Promise<void> {
    this.zoomLimits = [min, max];
    return Promise.resolve();
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    fake.state.calls.push(`contents.loadURL ${url}`);
    return Promise.resolve();
  }
  forcefullyCrashRenderer(): void {
    fake.state.calls.push('forcefullyCrashRenderer');
  }
  isDestroyed(): boolean {
    return false;
  }
}

class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  shown = false;
  closed = false;
  children: FakeBrowserWindow[] = [];
  readonly options: Record<string, unknown>;
  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    FakeBrowserWindow.all.push(this);
    fake.state.windows.push(this);
  }
  static fromWebContents(contents: FakeWebContents): FakeBrowserWindow | null {
    return FakeBrowserWindow.all.find((w) => w.webContents === contents) ?? null;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    fake.state.calls.push(`loadURL ${url}`);
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  isDestroyed(): boolean {
    return this.closed;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
  close(): void {
    if (this.closed) return;
    this.closed = true;
    fake.state.calls.push(`close ${String(this.options['title'] ?? 'child')}`);
    this.emit('closed');
  }
  getChildWindows(): FakeBrowserWindow[] {
    return this.children.filter((child) => !child.closed);
  }
}

/** A stand-in for an Electron Session: what main.ts sets on it, and what it is asked to clear. */
class FakeSession extends EventEmitter {
  readonly name: string;
  readonly setPermissionRequestHandler = vi.fn();
  readonly setPermissionCheckHandler = vi.fn();
  readonly setDevicePermissionHandler = vi.fn();
  readonly registerPreloadScript = vi.fn<(script: { type: string; filePath: string; id?: string }) => string>(() => 'id');
  readonly protocol = { handle: vi.fn() };
  readonly clearStorageData = vi.fn(async () => {
    fake.state.calls.push(`clearStorageData ${this.name}`);
  });
  readonly clearAuthCache = vi.fn(async () => {});
  constructor(name: string) {
    super();
    this.name = name;
  }
}
const sessions = new Map<string, FakeSession>();
function sessionNamed(name: string): FakeSession {
  let found = sessions.get(name);
  if (found === undefined) {
    found = new FakeSession(name);
    sessions.set(name, found);
  }
  return found;
}

const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  requestSingleInstanceLock: vi.fn(() => fake.state.lock),
  exit: vi.fn((code?: number) => fake.state.calls.push(`exit ${code ?? ''}`)),
  quit: vi.fn(() => fake.state.calls.push('quit')),
  getPath: vi.fn((name: string) => `/fake/${name}`),
  getVersion: vi.fn(() => '9.8.7'),
  setLoginItemSettings: vi.fn(),
  relaunch: vi.fn(() => fake.state.calls.push('relaunch')),
  whenReady: vi.fn(() => {
    fake.state.calls.push('whenReady');
    return Promise.resolve();
  }),
});
const session = {
  get defaultSession(): FakeSession {
    return sessionNamed('default');
  },
  fromPartition: (partition: string) => sessionNamed(partition),
};
const protocol = {
  registerSchemesAsPrivileged: vi.fn(() => fake.state.calls.push('registerSchemesAsPrivileged')),
  handle: vi.fn(),
};
const ipcMain = {
  handle: vi.fn((channel: string, listener: (...args: unknown[]) => unknown) => fake.state.ipcHandlers.set(channel, listener)),
  removeHandler: vi.fn(),
};
const Menu = { setApplicationMenu: vi.fn() };
const powerMonitor = new EventEmitter();
const powerSaveBlocker = {
  start: vi.fn<(type: string) => number>(() => 7),
  stop: vi.fn<(id: number) => boolean>(() => true),
  isStarted: vi.fn<(id: number) => boolean>(() => false),
};

const safeStorage = {
  isAsyncEncryptionAvailable: vi.fn(async () => true),
  encryptStringAsync: vi.fn(async (text: string) => Buffer.from(text)),
  decryptStringAsync: vi.fn(async (cipher: Buffer) => ({ result: cipher.toString(), shouldReEncrypt: false })),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
};

const dialog = {
  showOpenDialog: vi.fn<(...args: unknown[]) => Promise<{ canceled: boolean; filePaths: string[] }>>(async () => ({ canceled: true, filePaths: [] })),
};

// electron-updater's autoUpdater (it needs Electron); auto-update.ts has its own tests (update-auto-update.test.ts).
const autoUpdater = Object.assign(new EventEmitter(), {
  autoDownload: false,
  autoInstallOnAppQuit: true,
  setFeedURL: vi.fn(),
  checkForUpdates: vi.fn(async () => null),
  quitAndInstall: vi.fn(),
});
vi.mock('electron-updater', () => ({ default: { autoUpdater } }));
vi.mock('electron', () => ({ app, BrowserWindow: FakeBrowserWindow, dialog, ipcMain, Menu, powerMonitor, powerSaveBlocker, protocol, safeStorage, session }));
vi.mock('../../src-main/services/kiosk-services.ts', () => ({
  startKioskServices: vi.fn(async (options: unknown) => {
    fake.state.servicesOptions.push(options);
    if (fake.state.servicesResult instanceof Error) throw fake.state.servicesResult;
    return fake.state.servicesResult;
  }),
}));

function makeServices() {
  return {
    dispatch: vi.fn(async (method: string, payload: unknown) => {
      fake.state.calls.push(`dispatch ${method}`);
      return { ok: true, value: { method, payload } };
    }),
    mode: 'demo',
    checkoutSources: { script: ['http://127.0.0.1:43123'], frame: ['http://127.0.0.1:43123'], connect: ['http://127.0.0.1:43123'], img: ['http://127.0.0.1:43123'] },
    popupOrigins: ['http://127.0.0.1:43123'],
    close: vi.fn(async () => {}),
    config: { updateInstallHour: null },
    activity: { current: () => ({ kind: 'donation-in-progress' }) },
    operatorAccess: { endOperatorSession: vi.fn(), reloadFromStorage: vi.fn(async () => {}) },
  };
}

interface NavEvent {
  url: string;
  isMainFrame: boolean;
  preventDefault: () => void;
  prevented: boolean;
}
function navEvent(url: string, isMainFrame = true): NavEvent {
  const event = {
    url,
    isMainFrame,
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
  };
  return event;
}

const PROCESS_EVENTS = ['SIGTERM', 'SIGINT', 'uncaughtException', 'unhandledRejection'] as const;
// The process as a plain emitter: its typed overloads do not take a union of event names.
const processEmitter = process as unknown as EventEmitter;
const processListeners = Object.fromEntries(PROCESS_EVENTS.map((name) => [name, processEmitter.listeners(name)])) as Record<
  (typeof PROCESS_EVENTS)[number],
  unknown[]
>;
/** The listeners main.ts added for a process event. */
function addedListeners(name: (typeof PROCESS_EVENTS)[number]): Array<(...args: unknown[]) => void> {
  return (processEmitter.listeners(name) as Array<(...args: unknown[]) => void>).filter((listener) => !processListeners[name].includes(listener));
}

async function importMain(): Promise<void> {
  vi.resetModules();
  await import('../../src-main/electron/main.ts');
}

/** Imports main.ts and waits until it has loaded the page; returns the kiosk window. */
async function startMain(): Promise<FakeBrowserWindow> {
  await importMain();
  await vi.waitFor(() => expect(fake.state.calls.some((c) => c.startsWith('loadURL'))).toBe(true));
  const win = FakeBrowserWindow.all[0];
  if (win === undefined) throw new Error('no window created');
  return win;
}

function ipcHandler(channel: string): (...args: unknown[]) => unknown {
  const handler = fake.state.ipcHandlers.get(channel);
  if (handler === undefined) throw new Error(`no handler for ${channel}`);
  return handler;
}

beforeEach(() => {
  fake.state.lock = true;
  fake.state.calls = [];
  fake.state.windows = [];
  fake.state.ipcHandlers.clear();
  fake.state.servicesOptions = [];
  fake.state.servicesResult = makeServices();
  FakeBrowserWindow.all = [];
  sessions.clear();
  app.removeAllListeners();
  powerMonitor.removeAllListeners();
  vi.clearAllMocks();
  vi.spyOn(console, 'log').mockImplementation(() => {});
  delete process.env['KIOSK_WINDOWED'];
  delete process.env['KIOSK_DATA_DIR'];
  delete process.env['KIOSK_START_AT_LOGIN'];
});

afterEach(() => {
  for (const name of PROCESS_EVENTS) {
    for (const listener of addedListeners(name)) processEmitter.off(name, listener);
  }
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('main.ts wiring', () => {
  it('exits at once when another instance holds the lock', async () => {
    fake.state.lock = false;
    await importMain();
    expect(app.exit).toHaveBeenCalled();
    expect(protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(fake.state.windows).toHaveLength(0);
  });

  it('registers the app scheme before ready and starts services in userData', async () => {
    await startMain();
    expect(fake.state.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fake.state.calls.indexOf('whenReady'));
    expect(fake.state.servicesOptions[0]).toMatchObject({ dataDir: '/fake/userData' });
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('honours KIOSK_DATA_DIR and KIOSK_WINDOWED', async () => {
    process.env['KIOSK_DATA_DIR'] = '/tmp/kiosk-data';
    process.env['KIOSK_WINDOWED'] = '1';
    const win = await startMain();
    expect(fake.state.servicesOptions[0]).toMatchObject({ dataDir: '/tmp/kiosk-data' });
    expect(win.options['kiosk']).toBe(false);
  });

  it('creates one locked-down kiosk window on app://kiosk', async () => {
    const win = await startMain();
    expect(fake.state.windows).toHaveLength(1);
    expect(win.options['kiosk']).toBe(true);
    expect(win.options['fullscreen']).toBeUndefined();
    expect(win.options['webPreferences']).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      devTools: true,
    });
    expect(String((win.options['webPreferences'] as { preload: string }).preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(win.loadedUrl).toBe('app://kiosk/index.html');
    expect(win.webContents.zoomLimits).toEqual([1, 1]);
  });

  it('turns DevTools off in packaged builds, for the window and the Checkout popup', async () => {
    app.isPackaged = true;
    try {
      const win = await startMain();
      expect(win.options['webPreferences']).toMatchObject({ devTools: false });
      const handler = win.webContents.windowOpenHandler as (details: unknown) => { overrideBrowserWindowOptions?: { webPreferences?: Record<string, unknown> } };
      const popup = handler({ url: 'about:blank', frameName: 'popup_abc', features: '', referrer: { url: 'https://api.razorpay.com/', policy: 'default' } });
      expect(popup.overrideBrowserWindowOptions?.webPreferences).toMatchObject({ devTools: false });
    } finally {
      app.isPackaged = false;
    }
  });

  it('denies every permission request and check', async () => {
    await startMain();
    const [requestHandler] = session.defaultSession.setPermissionRequestHandler.mock.calls[0] as [Handler];
    const callback = vi.fn();
    (requestHandler as (wc: unknown, permission: string, cb: (granted: boolean) => void) => void)({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    const [checkHandler] = session.defaultSession.setPermissionCheckHandler.mock.calls[0] as [() => boolean];
    expect(checkHandler()).toBe(false);
  });

  it('keeps the top frame on app://kiosk and never blocks unload or attaches webviews', async () => {
    const win = await startMain();
    const contents = win.webContents;
    for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      const away = navEvent('https://evil.example/');
      contents.emit(name, away);
      expect(away.prevented, name).toBe(true);
      const home = navEvent('app://kiosk/index.html');
      contents.emit(name, home);
      expect(home.prevented, name).toBe(false);
      const lookalike = navEvent('app://kiosk.evil.com/');
      contents.emit(name, lookalike);
      expect(lookalike.prevented, name).toBe(true);
    }
    const subframe = navEvent('https://api.razorpay.com/v1/checkout/public', false);
    contents.emit('will-frame-navigate', subframe);
    expect(subframe.prevented).toBe(false);

    const unload = navEvent('');
    contents.emit('will-prevent-unload', unload);
    expect(unload.prevented).toBe(true);
    const webview = navEvent('');
    contents.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
  });

  it('allows only the Checkout popup, as a sandboxed child without preload', async () => {
    const win = await startMain();
    const handler = win.webContents.windowOpenHandler as (details: unknown) => {
      action: string;
      overrideBrowserWindowOptions?: { parent?: unknown; webPreferences?: Record<string, unknown> };
    };
    const allowed = handler({ url: 'about:blank', frameName: 'popup_abc', features: '', referrer: { url: 'https://api.razorpay.com/', policy: 'default' } });
    expect(allowed.action).toBe('allow');
    expect(allowed.overrideBrowserWindowOptions?.parent).toBe(win);
    expect(allowed.overrideBrowserWindowOptions?.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(allowed.overrideBrowserWindowOptions?.webPreferences).not.toHaveProperty('preload');
    expect(handler({ url: 'https://evil.example/', frameName: '_blank', features: '', referrer: { url: '', policy: 'default' } })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)', frameName: 'popup_x', features: '', referrer: { url: '', policy: 'default' } })).toEqual({ action: 'deny' });

    // The created child: no further windows, https / about:blank / demo simulator only.
    const child = new FakeBrowserWindow({});
    win.webContents.emit('did-create-window', child, {});
    expect((child.webContents.windowOpenHandler as () => unknown)()).toEqual({ action: 'deny' });
    for (const [url, blocked] of [
      ['https://bank.example.in/3ds', false],
      ['about:blank', false],
      ['http://127.0.0.1:43123/bank', false],
      ['http://bank.example.in/', true],
      ['app://kiosk/index.html', true],
      ['javascript:alert(1)', true],
    ] as const) {
      for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
        const event = navEvent(url);
        child.webContents.emit(name, event);
        expect(event.prevented, `${name} ${url}`).toBe(blocked);
      }
    }
  });

  it('registers every IPC channel and checks the sender', async () => {
    const win = await startMain();
    expect([...fake.state.ipcHandlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
    const handler = ipcHandler(CHANNELS.checkoutOpened);
    const good = await handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, { donationId: 'd1' });
    expect(good).toEqual({ ok: true, value: { method: 'checkoutOpened', payload: { donationId: 'd1' } } });
    const bad = await handler({ sender: win.webContents, senderFrame: { url: 'https://api.razorpay.com/' } }, { donationId: 'd1' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('still shows the page when services fail, answering kiosk_unavailable', async () => {
    fake.state.servicesResult = new Error('Kiosk settings are invalid');
    const win = await startMain();
    expect(win.loadedUrl).toBe('app://kiosk/index.html');
    const handler = ipcHandler(CHANNELS.getKioskState);
    const reply = await handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, null);
    expect(reply).toMatchObject({ ok: false, error: { code: 'kiosk_unavailable' } });
  });

  it('refuses to quit in kiosk mode until the system shuts down, then closes services', async () => {
    const services = fake.state.servicesResult as ReturnType<typeof makeServices>;
    const win = await startMain();
    const close = navEvent('');
    win.emit('close', close);
    expect(close.prevented).toBe(true);
    const quit1 = navEvent('');
    app.emit('before-quit', quit1);
    expect(quit1.prevented).toBe(true);
    expect(services.close).not.toHaveBeenCalled();

    powerMonitor.emit('shutdown');
    expect(app.quit).toHaveBeenCalled();
    const quit2 = navEvent('');
    app.emit('before-quit', quit2);
    expect(quit2.prevented).toBe(true);
    await vi.waitFor(() => expect(services.close).toHaveBeenCalledOnce());
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(2));
    const quit3 = navEvent('');
    app.emit('before-quit', quit3);
    expect(quit3.prevented).toBe(false);
  });

  it("the operator's exit (passed to the services) lifts the guard, then quits and closes services", async () => {
    const services = fake.state.servicesResult as ReturnType<typeof makeServices>;
    const win = await startMain();
    const options = fake.state.servicesOptions[0] as { onExitRequested?: () => void; appVersion?: string; keyStore?: unknown };
    expect(options.appVersion).toBe('9.8.7');
    expect(options.keyStore).toBeDefined();
    const before = navEvent('');
    win.emit('close', before);
    expect(before.prevented).toBe(true);

    options.onExitRequested?.();
    const close = navEvent('');
    win.emit('close', close);
    expect(close.prevented).toBe(false);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    const quit = navEvent('');
    app.emit('before-quit', quit);
    expect(quit.prevented).toBe(true);
    await vi.waitFor(() => expect(services.close).toHaveBeenCalledOnce());
  });

  it("the operator's restart lifts the guard, asks Electron to relaunch, then quits", async () => {
    const services = fake.state.servicesResult as ReturnType<typeof makeServices>;
    const win = await startMain();
    const options = fake.state.servicesOptions[0] as { onRestartRequested?: () => void };
    expect(options.onRestartRequested).toBeTypeOf('function');
    expect(fake.state.calls).not.toContain('relaunch');
    const before = navEvent('');
    win.emit('close', before);
    expect(before.prevented).toBe(true);

    options.onRestartRequested?.();
    expect(fake.state.calls).toContain('relaunch');
    const close = navEvent('');
    win.emit('close', close);
    expect(close.prevented).toBe(false);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    app.emit('before-quit', navEvent(''));
    await vi.waitFor(() => expect(services.close).toHaveBeenCalledOnce());
  });

  it("exports to the folder the operator picks over the console's window; cancelling answers null", async () => {
    await startMain();
    const options = fake.state.servicesOptions[0] as { chooseExportFolder?: () => Promise<string | null>; onOperatorConsoleRequested?: (language: string) => void };
    options.onOperatorConsoleRequested?.('en');
    const consoleWindow = FakeBrowserWindow.all.at(-1);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/media/usb/exports'] });
    expect(await options.chooseExportFolder?.()).toBe('/media/usb/exports');
    expect(dialog.showOpenDialog).toHaveBeenLastCalledWith(consoleWindow, expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }));
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await options.chooseExportFolder?.()).toBeNull();
  });

  it('lets a windowed run close, closing services first', async () => {
    process.env['KIOSK_WINDOWED'] = '1';
    const services = fake.state.servicesResult as ReturnType<typeof makeServices>;
    const win = await startMain();
    const close = navEvent('');
    win.emit('close', close);
    expect(close.prevented).toBe(false);
    const quit = navEvent('');
    app.emit('before-quit', quit);
    expect(quit.prevented).toBe(true);
    await vi.waitFor(() => expect(services.close).toHaveBeenCalledOnce());
  });

  it('keeps the display awake, and registers start at login only when asked', async () => {
    await startMain();
    expect(powerSaveBlocker.start).toHaveBeenCalledExactlyOnceWith('prevent-display-sleep');
    // The test may run on any OS: the decision per platform is in electron-login-item.test.ts.
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
    if (process.platform === 'win32' || process.platform === 'darwin') {
      process.env['KIOSK_START_AT_LOGIN'] = '1';
      fake.state.calls = [];
      await startMain();
      expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
    }
  });

  it('reloads the welcome page after a renderer crash, and crashes a hung renderer', async () => {
    const win = await startMain();
    vi.useFakeTimers();
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(fake.state.calls).not.toContain('contents.loadURL app://kiosk/index.html');
    vi.advanceTimersByTime(1_000);
    expect(fake.state.calls).toContain('contents.loadURL app://kiosk/index.html');

    win.webContents.emit('unresponsive');
    vi.advanceTimersByTime(15_000);
    expect(fake.state.calls).toContain('forcefullyCrashRenderer');
  });

  it('checks for updates only in the installed app, downloading in the background and never installing on an ordinary quit', async () => {
    await startMain();
    expect(autoUpdater.checkForUpdates).not.toHaveBeenCalled();
    expect(fake.state.servicesOptions[0]).not.toHaveProperty('updates');

    app.isPackaged = true;
    try {
      fake.state.calls = [];
      await startMain();
      await vi.waitFor(() => expect(autoUpdater.checkForUpdates).toHaveBeenCalledTimes(1));
      // The feed the app was built with, for this platform: nothing on the kiosk chooses it.
      const os = process.platform === 'win32' ? 'win' : process.platform === 'darwin' ? 'mac' : 'linux';
      expect(autoUpdater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: `https://updates.example.org/donation-kiosk/${os}` });
      expect(autoUpdater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: false });
      expect(fake.state.servicesOptions.at(-1)).toHaveProperty('updates');
    } finally {
      app.isPackaged = false;
    }
  });

  it('the installed app reads no keys from the environment; development runs do (issue 14, item 4)', async () => {
    await startMain();
    expect(fake.state.servicesOptions.at(-1)).toMatchObject({ readKeysFromEnvironment: true, identityKey: expect.any(Function) });
    app.isPackaged = true;
    try {
      await startMain();
      expect(fake.state.servicesOptions.at(-1)).toMatchObject({ readKeysFromEnvironment: false });
    } finally {
      app.isPackaged = false;
    }
  });

  it('puts the donor page in an in-memory session of its own; every session refuses permissions and every download (issue 14, item 5)', async () => {
    const win = await startMain();
    expect(win.options['webPreferences']).toMatchObject({ partition: 'kiosk-donor' });
    expect(String((win.options['webPreferences'] as { partition: string }).partition)).not.toMatch(/^persist:/);
    expect([...sessions.keys()].sort()).toEqual(['default', 'kiosk-donor', 'kiosk-operator', 'receipt-print']);
    for (const [name, target] of sessions) {
      expect(target.setPermissionRequestHandler, name).toHaveBeenCalledOnce();
      const [checkHandler] = target.setPermissionCheckHandler.mock.calls[0] as [() => boolean];
      expect(checkHandler(), name).toBe(false);
      const download = { prevented: false, preventDefault() { download.prevented = true; } };
      target.emit('will-download', download, { getFilename: () => 'receipt.pdf', getURL: () => 'https://bank.example/receipt.pdf' });
      expect(download.prevented, `${name} refuses downloads`).toBe(true);
    }
    // The donor and console sessions each serve app://.
    expect(sessionNamed('kiosk-donor').protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(sessionNamed('kiosk-operator').protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    // Every page of the donor's session has its print, file-chooser and file-picker dialogs disarmed.
    expect(sessionNamed('kiosk-donor').registerPreloadScript).toHaveBeenCalledWith({ type: 'frame', id: 'kiosk-dialog-guard', filePath: expect.stringMatching(/preload[/\\]dialog-guard\.cjs$/) });
  });

  it('between donors, the donor session forgets everything and every payment popup closes (issue 14, item 5)', async () => {
    const win = await startMain();
    const donor = sessionNamed('kiosk-donor');
    const popup = new FakeBrowserWindow({ title: 'bank popup' });
    win.children.push(popup);
    const call = async (method: string, payload: unknown) => ipcHandler(CHANNELS[method as keyof typeof CHANNELS])({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, payload);

    fake.state.calls = [];
    await call('startDonation', { amountRupees: 100, donor: { anonymous: true } });
    // Cleared before the order exists, so Checkout opens in an empty session.
    expect(fake.state.calls.slice(0, 3)).toEqual(['close bank popup', 'clearStorageData kiosk-donor', 'dispatch startDonation']);
    expect(donor.clearAuthCache).toHaveBeenCalled();

    const second = new FakeBrowserWindow({ title: 'second popup' });
    win.children.push(second);
    fake.state.calls = [];
    await call('confirmPayment', { donationId: 'd1' });
    await vi.waitFor(() => expect(fake.state.calls).toEqual(['dispatch confirmPayment', 'close second popup', 'clearStorageData kiosk-donor']));

    // A donor who walks away from the result screen: the welcome screen's first status call ends it.
    await call('startDonation', { amountRupees: 100, donor: { anonymous: true } });
    fake.state.calls = [];
    await call('getKioskStatus', null);
    await vi.waitFor(() => expect(fake.state.calls).toContain('clearStorageData kiosk-donor'));
    fake.state.calls = [];
    await call('getKioskStatus', null);
    expect(fake.state.calls).toEqual(['dispatch getKioskStatus']);

    // A reload or a lost renderer: the same.
    const third = new FakeBrowserWindow({ title: 'third popup' });
    win.children.push(third);
    win.webContents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false, url: 'app://kiosk/index.html' });
    await vi.waitFor(() => expect(third.closed).toBe(true));
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await vi.waitFor(() => expect(donor.clearStorageData.mock.calls.length).toBeGreaterThanOrEqual(5));
  });

  it('opens the operator console in its own window, preload, session and origin; closing it ends operator mode and brings the donor page back (issue 14, item 3)', async () => {
    const win = await startMain();
    const services = fake.state.servicesResult as ReturnType<typeof makeServices>;
    const options = fake.state.servicesOptions[0] as { onOperatorConsoleRequested?: (language: string) => void; onOperatorConsoleClosed?: () => void };
    expect(FakeBrowserWindow.all).toHaveLength(1);
    options.onOperatorConsoleRequested?.('hi');
    const consoleWindow = FakeBrowserWindow.all[1];
    if (consoleWindow === undefined) throw new Error('no console window');
    expect(consoleWindow.options['webPreferences']).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, partition: 'kiosk-operator' });
    expect(String((consoleWindow.options['webPreferences'] as { preload: string }).preload)).toMatch(/preload[/\\]operator\.cjs$/);
    expect(consoleWindow.loadedUrl).toBe('app://operator/operator.html?lang=hi');
    // Asking again brings the same window forward.
    options.onOperatorConsoleRequested?.('en');
    expect(FakeBrowserWindow.all).toHaveLength(2);

    // It stays on app://operator.
    const away = navEvent('https://evil.example/');
    consoleWindow.webContents.emit('will-navigate', away);
    expect(away.prevented).toBe(true);

    // Its sender answers operator methods; the donor window does not.
    consoleWindow.webContents.mainFrame.url = 'app://operator/operator.html?lang=hi';
    const gate = ipcHandler(CHANNELS.getOperatorGate);
    expect(await gate({ sender: consoleWindow.webContents, senderFrame: consoleWindow.webContents.mainFrame }, null)).toMatchObject({ ok: true });
    expect(await gate({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, null)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    const start = ipcHandler(CHANNELS.startDonation);
    expect(await start({ sender: consoleWindow.webContents, senderFrame: consoleWindow.webContents.mainFrame }, {})).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });

    options.onOperatorConsoleClosed?.();
    expect(consoleWindow.closed).toBe(true);
    expect(services.operatorAccess.endOperatorSession).toHaveBeenCalled();
    expect(win.webContents.loadedUrls.at(-1)).toBe('app://kiosk/index.html');
    expect(await gate({ sender: consoleWindow.webContents, senderFrame: consoleWindow.webContents.mainFrame }, null)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('lets Ctrl+Alt+O through the lockdown filter in kiosk mode, and still swallows Ctrl+O (issue 14, item 12)', async () => {
    const win = await startMain();
    const press = (input: Record<string, unknown>) => {
      const event = navEvent('');
      win.webContents.emit('before-input-event', event, { type: 'keyDown', key: 'o', control: false, meta: false, alt: false, shift: false, ...input });
      return event.prevented;
    };
    expect(press({ control: true, alt: true })).toBe(false);
    expect(press({ control: true })).toBe(true);
  });

  it('resets operator access from the machine with --reset-operator-pin, at start and from a second launch', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-main-reset-'));
    const argv = process.argv;
    try {
      process.env['KIOSK_DATA_DIR'] = dataDir;
      process.argv = [...argv, '--reset-operator-pin'];
      await startMain();
      const file = path.join(dataDir, 'operator-access.json');
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ version: 1, resetFromMachineAt: expect.any(Number) });

      process.argv = argv;
      rmSync(file);
      const services = fake.state.servicesResult as ReturnType<typeof makeServices>;
      app.emit('second-instance', {}, ['Donation Kiosk']);
      expect(existsSync(file)).toBe(false);
      app.emit('second-instance', {}, ['Donation Kiosk', '--reset-operator-pin']);
      expect(existsSync(file)).toBe(true);
      expect(services.operatorAccess.reloadFromStorage).toHaveBeenCalled();
    } finally {
      process.argv = argv;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('relaunches after an uncaught main-process error in kiosk mode, not when windowed', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-main-crash-'));
    try {
      process.env['KIOSK_DATA_DIR'] = dataDir;
      await startMain();
      const [onUncaught] = addedListeners('uncaughtException');
      expect(addedListeners('unhandledRejection')).toHaveLength(1);
      onUncaught?.(new Error('boom'));
      expect(fake.state.calls.slice(-2)).toEqual(['relaunch', 'exit 1']);

      for (const name of PROCESS_EVENTS) for (const listener of addedListeners(name)) processEmitter.off(name, listener);
      fake.state.calls = [];
      process.env['KIOSK_WINDOWED'] = '1';
      await startMain();
      addedListeners('uncaughtException')[0]?.(new Error('boom'));
      expect(fake.state.calls).toContain('exit 1');
      expect(fake.state.calls).not.toContain('relaunch');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
