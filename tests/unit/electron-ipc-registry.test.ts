import { describe, expect, it, vi } from 'vitest';
import { AUDIENCE, CHANNELS, DONOR_METHODS, KIOSK_METHODS, OPERATOR_METHODS, type KioskMethod, type Result } from '../../src-main/contract/kiosk-api.ts';
import {
  registerIpcHandlers,
  type FrameLike,
  type InvokeEventLike,
  type IpcMainLike,
  type KioskDispatch,
  type KioskWindowLike,
} from '../../src-main/electron/ipc-registry.ts';

// Typed fakes for ipcMain, BrowserWindow, WebContents and WebFrameMain.
class FakeFrame implements FrameLike {
  url: string;
  constructor(url: string) {
    this.url = url;
  }
}

class FakeWebContents {
  readonly mainFrame: FakeFrame;
  constructor(mainFrame: FakeFrame) {
    this.mainFrame = mainFrame;
  }
}

class FakeWindow implements KioskWindowLike {
  destroyed = false;
  readonly webContents: FakeWebContents;
  constructor(url = 'app://kiosk/index.html') {
    this.webContents = new FakeWebContents(new FakeFrame(url));
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

type Listener = (event: InvokeEventLike<FakeWebContents>, payload: unknown) => Promise<unknown>;

class FakeIpcMain implements IpcMainLike<FakeWebContents> {
  readonly handlers = new Map<string, Listener>();
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Like ipcRenderer.invoke: the handler's value, or a rejection if it throws. */
  invoke(channel: string, event: InvokeEventLike<FakeWebContents>, payload: unknown): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (listener === undefined) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return listener(event, payload);
  }
}

function setup(dispatchImpl?: KioskDispatch) {
  const ipcMain = new FakeIpcMain();
  const kioskWindow = new FakeWindow();
  const operatorWindow = new FakeWindow('app://operator/operator.html?lang=en');
  const otherWindow = new FakeWindow();
  const windows = new Map<FakeWebContents, FakeWindow>([
    [kioskWindow.webContents, kioskWindow],
    [operatorWindow.webContents, operatorWindow],
    [otherWindow.webContents, otherWindow],
  ]);
  /** The console is opened on demand: while closed, no operator window exists. */
  const console = { open: true };
  const log = vi.fn<(line: string) => void>();
  const dispatch = vi.fn<KioskDispatch>(dispatchImpl ?? (async (method, payload) => ({ ok: true, value: { method, payload } })));
  const dispose = registerIpcHandlers({
    ipcMain,
    windows: { donor: () => kioskWindow, operator: () => (console.open ? operatorWindow : null) },
    windowFromSender: (sender) => windows.get(sender) ?? null,
    dispatch,
    log,
  });
  const eventFrom = (window: FakeWindow): InvokeEventLike<FakeWebContents> => ({ sender: window.webContents, senderFrame: window.webContents.mainFrame });
  /** The right window's top frame for a donor method (the default) or an operator one. */
  const goodEvent = (method: KioskMethod = 'startDonation'): InvokeEventLike<FakeWebContents> => eventFrom(AUDIENCE[method] === 'donor' ? kioskWindow : operatorWindow);
  return { ipcMain, kioskWindow, operatorWindow, otherWindow, console, log, dispatch, dispose, goodEvent, eventFrom };
}

const PAYLOAD = { amountRupees: 500, donor: { anonymous: true } };

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per contract channel, and removes them again', () => {
    const { ipcMain, dispose } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort());
    expect(KIOSK_METHODS).toHaveLength(ipcMain.handlers.size);
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it.each(KIOSK_METHODS)('passes a good sender through to dispatch(%s, payload)', async (method: KioskMethod) => {
    const { ipcMain, dispatch, goodEvent } = setup();
    const reply = await ipcMain.invoke(CHANNELS[method], goodEvent(method), PAYLOAD);
    expect(dispatch).toHaveBeenCalledExactlyOnceWith(method, PAYLOAD);
    expect(reply).toEqual({ ok: true, value: { method, payload: PAYLOAD } });
  });

  it('returns error Results from the dispatcher unchanged', async () => {
    const invalid: Result<unknown> = { ok: false, error: { code: 'invalid_request', message: 'bad', retryable: false } };
    const { ipcMain, goodEvent } = setup(async () => invalid);
    expect(await ipcMain.invoke(CHANNELS.startDonation, goodEvent(), {})).toEqual(invalid);
  });

  describe('keeps each audience to its own window (issue 14, item 3)', () => {
    it.each(OPERATOR_METHODS)('refuses %s from the donor page, even while the console is open', async (method) => {
      const s = setup();
      const reply = await s.ipcMain.invoke(CHANNELS[method], s.eventFrom(s.kioskWindow), {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
      expect(s.dispatch).not.toHaveBeenCalled();
    });

    it.each(DONOR_METHODS)('refuses %s from the console window', async (method) => {
      const s = setup();
      const reply = await s.ipcMain.invoke(CHANNELS[method], s.eventFrom(s.operatorWindow), {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
      expect(s.dispatch).not.toHaveBeenCalled();
    });

    it('answers no operator method while the console is closed', async () => {
      const s = setup();
      s.console.open = false;
      expect(await s.ipcMain.invoke(CHANNELS.getOperatorGate, s.eventFrom(s.operatorWindow), null)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
      expect(s.log).toHaveBeenCalledWith(expect.stringContaining('no operator window is open'));
    });

    it('refuses the console window once it has left app://operator', async () => {
      const s = setup();
      s.operatorWindow.webContents.mainFrame.url = 'app://kiosk/index.html';
      expect(await s.ipcMain.invoke(CHANNELS.unlockOperator, s.eventFrom(s.operatorWindow), { pin: '482613' })).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
      expect(s.dispatch).not.toHaveBeenCalled();
    });
  });

  describe('refuses with forbidden_sender, without calling the dispatcher', () => {
    const cases: [string, (s: ReturnType<typeof setup>) => InvokeEventLike<FakeWebContents>][] = [
      ['a null senderFrame', (s) => ({ sender: s.kioskWindow.webContents, senderFrame: null })],
      [
        'a subframe of the kiosk window (Razorpay iframe)',
        (s) => ({ sender: s.kioskWindow.webContents, senderFrame: new FakeFrame('https://api.razorpay.com/v1/checkout/public') }),
      ],
      [
        'a subframe that claims the app origin',
        (s) => ({ sender: s.kioskWindow.webContents, senderFrame: new FakeFrame('app://kiosk/index.html') }),
      ],
      ['another window', (s) => ({ sender: s.otherWindow.webContents, senderFrame: s.otherWindow.webContents.mainFrame })],
      [
        'a popup webContents with no window',
        () => {
          const popup = new FakeWebContents(new FakeFrame('about:blank'));
          return { sender: popup, senderFrame: popup.mainFrame };
        },
      ],
      [
        "another window's main frame presented with the kiosk sender",
        (s) => ({ sender: s.kioskWindow.webContents, senderFrame: s.otherWindow.webContents.mainFrame }),
      ],
    ];

    it.each(cases)('%s', async (_label, makeEvent) => {
      const s = setup();
      const reply = await s.ipcMain.invoke(CHANNELS.startDonation, makeEvent(s), PAYLOAD);
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender', retryable: false } });
      expect(s.dispatch).not.toHaveBeenCalled();
      expect(s.log).toHaveBeenCalledWith(expect.stringContaining('refused'));
    });

    it.each([
      'https://api.razorpay.com/',
      'app://kiosk.evil.com/index.html',
      'app://kiosk@evil/index.html',
      'about:blank',
      'file:///index.html',
      'javascript:alert(1)',
    ])('the kiosk main frame after navigating to %s', async (url) => {
      const s = setup();
      s.kioskWindow.webContents.mainFrame.url = url;
      const reply = await s.ipcMain.invoke(CHANNELS.confirmPayment, s.goodEvent(), PAYLOAD);
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
      expect(s.dispatch).not.toHaveBeenCalled();
    });

    it('a destroyed kiosk window', async () => {
      const s = setup();
      s.kioskWindow.destroyed = true;
      expect(await s.ipcMain.invoke(CHANNELS.getKioskState, s.goodEvent(), null)).toMatchObject({
        ok: false,
        error: { code: 'forbidden_sender' },
      });
      expect(s.dispatch).not.toHaveBeenCalled();
    });

    it('a disposed frame whose url getter throws', async () => {
      const s = setup();
      const disposed: FrameLike = {
        get url(): string {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed');
        },
      };
      const reply = await s.ipcMain.invoke(CHANNELS.getKioskState, { sender: s.kioskWindow.webContents, senderFrame: disposed }, null);
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
      expect(s.dispatch).not.toHaveBeenCalled();
    });
  });

  it('turns a throwing dispatcher into an internal_error Result', async () => {
    const { ipcMain, goodEvent, log } = setup(async () => {
      throw new Error('database is locked');
    });
    await expect(ipcMain.invoke(CHANNELS.confirmPayment, goodEvent(), PAYLOAD)).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal_error' },
    });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('database is locked'));
  });

  it('turns a synchronously throwing dispatcher into an internal_error Result', async () => {
    const { ipcMain, goodEvent } = setup((() => {
      throw new TypeError('boom');
    }) as KioskDispatch);
    await expect(ipcMain.invoke(CHANNELS.startDonation, goodEvent(), PAYLOAD)).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal_error' },
    });
  });

  it('turns a non-Result reply into an internal_error Result', async () => {
    const { ipcMain, goodEvent } = setup((async () => 'oops') as unknown as KioskDispatch);
    await expect(ipcMain.invoke(CHANNELS.getKioskState, goodEvent(), null)).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal_error' },
    });
  });

  it('still replies when logging itself throws', async () => {
    const ipcMain = new FakeIpcMain();
    const kioskWindow = new FakeWindow();
    registerIpcHandlers({
      ipcMain,
      windows: { donor: () => kioskWindow, operator: () => null },
      windowFromSender: () => null,
      dispatch: async () => ({ ok: true, value: null }),
      log: () => {
        throw new Error('disk full');
      },
    });
    const event = { sender: kioskWindow.webContents, senderFrame: kioskWindow.webContents.mainFrame };
    await expect(ipcMain.invoke(CHANNELS.getKioskState, event, null)).resolves.toMatchObject({
      error: { code: 'forbidden_sender' },
    });
  });

  it('refuses a second registration on the same ipcMain (one place only)', () => {
    const { ipcMain, kioskWindow } = setup();
    expect(() =>
      registerIpcHandlers({
        ipcMain,
        windows: { donor: () => kioskWindow, operator: () => null },
        windowFromSender: () => null,
        dispatch: async () => ({ ok: true, value: null }),
        log: () => {},
      }),
    ).toThrow(/second handler/);
  });

  it('honours a custom app origin (e.g. a test harness)', async () => {
    const ipcMain = new FakeIpcMain();
    const kioskWindow = new FakeWindow('http://127.0.0.1:5173/index.html');
    const dispatch = vi.fn<KioskDispatch>(async () => ({ ok: true, value: null }));
    registerIpcHandlers({
      ipcMain,
      windows: { donor: () => kioskWindow, operator: () => null },
      windowFromSender: (sender) => (sender === kioskWindow.webContents ? kioskWindow : null),
      dispatch,
      log: () => {},
      origins: { donor: 'http://127.0.0.1:5173' },
    });
    const event = { sender: kioskWindow.webContents, senderFrame: kioskWindow.webContents.mainFrame };
    await expect(ipcMain.invoke(CHANNELS.getKioskState, event, null)).resolves.toEqual({ ok: true, value: null });
  });
});
