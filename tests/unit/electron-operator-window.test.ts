// The operator console's window (src-main/electron/operator-window.ts) with a
// typed fake BrowserWindow (issue 14, item 3): one at a time, on app://operator
// only, and closing it (however) ends operator mode.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { OperatorConsoleWindow, type OperatorWindowLike } from '../../src-main/electron/operator-window.ts';
import { isAppUrl, OPERATOR_ORIGIN } from '../../src-main/security/navigation-policy.ts';

class FakeWindow extends EventEmitter implements OperatorWindowLike {
  destroyed = false;
  shown = 0;
  focused = 0;
  loaded: string[] = [];
  readonly webContents = new EventEmitter();
  isDestroyed(): boolean {
    return this.destroyed;
  }
  show(): void {
    this.shown += 1;
  }
  focus(): void {
    this.focused += 1;
  }
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
}

function setUp() {
  const windows: FakeWindow[] = [];
  const onClosed = vi.fn();
  const log = vi.fn<(line: string) => void>();
  const console = new OperatorConsoleWindow<FakeWindow>({
    createWindow: () => {
      const window = new FakeWindow();
      windows.push(window);
      return window;
    },
    url: 'app://operator/operator.html',
    isConsoleUrl: (url) => isAppUrl(url, OPERATOR_ORIGIN),
    onClosed,
    log,
  });
  return { console, windows, onClosed, log };
}

describe('OperatorConsoleWindow', () => {
  it('opens one console, in the language asked for, shown once ready; asking again brings it forward', () => {
    const { console, windows } = setUp();
    expect(console.current()).toBeNull();
    console.open('hi');
    expect(windows).toHaveLength(1);
    const [window] = windows;
    expect(window?.loaded).toEqual(['app://operator/operator.html?lang=hi']);
    window?.emit('ready-to-show');
    expect(window?.shown).toBe(1);
    console.open('en');
    expect(windows).toHaveLength(1);
    expect(window?.shown).toBe(2);
    expect(console.current()).toBe(window);
  });

  it('never leaves app://operator', () => {
    const { console, windows } = setUp();
    console.open('en');
    const contents = windows[0]?.webContents;
    for (const [url, blocked] of [
      ['app://operator/operator.html', false],
      ['app://kiosk/index.html', true],
      ['https://api.razorpay.com/', true],
      ['app://operator.evil/operator.html', true],
    ] as const) {
      for (const name of ['will-navigate', 'will-redirect']) {
        const event = { url, prevented: false, preventDefault: () => (event.prevented = true) };
        contents?.emit(name, event);
        expect(event.prevented, `${name} ${url}`).toBe(blocked);
      }
    }
  });

  it('closing it, by close() or by the window itself, ends operator mode; a new one can open afterwards', () => {
    const { console, windows, onClosed } = setUp();
    console.open('en');
    console.close();
    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(console.current()).toBeNull();
    console.open('en');
    windows[1]?.close(); // Alt+F4, or the OS
    expect(onClosed).toHaveBeenCalledTimes(2);
    expect(console.current()).toBeNull();
    console.close(); // nothing open: nothing happens
    expect(onClosed).toHaveBeenCalledTimes(2);
  });

  it('a console whose page was lost closes, so the donor screen is not left behind a dead window', () => {
    const { console, windows, onClosed, log } = setUp();
    console.open('en');
    windows[0]?.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(windows[0]?.destroyed).toBe(true);
    expect(onClosed).toHaveBeenCalledTimes(1);
    expect(console.current()).toBeNull();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('crashed'));
  });
});
