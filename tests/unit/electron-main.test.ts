// Wiring test for src-main/electron/main.ts with a fake `electron` module
// (the binary cannot run here; electron.md §0, §14). The decisions themselves
// are covered by the security-*.test.ts and other electron-*.test.ts files;
// this checks main.ts connects them to the right Electron hooks.
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
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

class FakeWebContents extends EventEmitter {
  windowOpenHandler: Handler | null = null;
  zoomLimits: [number, number] | null = null;
  readonly mainFrame = { url: 'app://kiosk/index.html' };
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }
  setVisualZoomLevelLimits(min: number, max: number): Promise<void> {
    this.zoomLimits = [min, max];
    return Promise.resolve();
  }
  loadURL(url: string): Promise<void> {
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
    return false;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
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
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  },
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
  showErrorBox: vi.fn((title: string, content: string) => fake.state.calls.push(`showErrorBox ${title}: ${content}`)),
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
    // A function makes its result after main.ts loaded its modules (an error class from the same module instance).
    const result = typeof fake.state.servicesResult === 'function' ? await (fake.state.servicesResult as () => Promise<unknown>)() : fake.state.servicesResult;
    if (result instanceof Error) throw result;
    return result;
  }),
}));

function makeServices() {
  return {
    dispatch: vi.fn(async (method: string, payload: unknown) => ({ ok: true, value: { method, payload } })),
    mode: 'demo',
    checkoutOrigins: ['http://127.0.0.1:43123'],
    close: vi.fn(async () => {}),
    config: { updateFeedUrl: 'https://updates.example.org/kiosk', updateInstallHour: null },
    activity: { current: () => ({ kind: 'donation-in-progress' }) },
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

  it('another kiosk on the same data folder: a plain dialog, then quits without opening a kiosk window', async () => {
    fake.state.servicesResult = async () => new (await import('../../src-main/services/data-folder-lock.ts')).DataFolderInUseError('/srv/kiosk-data');
    await importMain();
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1));
    expect(fake.state.calls.find((c) => c.startsWith('showErrorBox'))).toMatch(/^showErrorBox Donation Kiosk is already running: Another kiosk is already using the data folder \/srv\/kiosk-data/);
    expect(fake.state.windows).toHaveLength(0);
  });

  it("the crash harness's kill-point switch is removed from the installed app before anything runs", async () => {
    process.env['KIOSK_TEST_KILL_POINTS_FILE'] = '/tmp/kill-here';
    Object.assign(app, { isPackaged: true });
    try {
      await importMain();
      expect(process.env['KIOSK_TEST_KILL_POINTS_FILE']).toBeUndefined();
    } finally {
      Object.assign(app, { isPackaged: false });
      delete process.env['KIOSK_TEST_KILL_POINTS_FILE'];
    }
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

  it('exports to the folder the operator picks on the kiosk window; cancelling answers null', async () => {
    const win = await startMain();
    const options = fake.state.servicesOptions[0] as { chooseExportFolder?: () => Promise<string | null> };
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/media/usb/exports'] });
    expect(await options.chooseExportFolder?.()).toBe('/media/usb/exports');
    expect(dialog.showOpenDialog).toHaveBeenLastCalledWith(win, expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }));
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
      expect(autoUpdater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://updates.example.org/kiosk' });
      expect(autoUpdater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: false });
      expect(fake.state.servicesOptions.at(-1)).toHaveProperty('updates');
    } finally {
      app.isPackaged = false;
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
