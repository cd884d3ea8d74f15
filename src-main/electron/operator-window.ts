// The operator console's own window (issue 14, item 3): opened on demand (the
// hidden corner, Ctrl+Alt+O), on app://operator with its own preload and its
// own in-memory session, so the donor page, where Razorpay's checkout.js
// runs, never holds an operator method. main.ts creates the window (its
// webPreferences written out there, where Electronegativity reads them); this
// file decides when it opens, closes and what follows.
//
// - One console at a time: asking again shows and focuses the open one.
// - Closing it, however it happens (Done, Cancel, the PIN pad's idle timeout,
//   operator mode ending, Alt+F4), ends operator mode and brings the donor
//   page back fresh at the welcome screen, so new settings show at once.
// - Navigation never leaves app://operator.
// - A console whose page was lost (crashed, killed) closes, rather than cover
//   the donor screen with a dead window.
// Electron objects come in through the small interfaces below (typed fakes in
// tests/unit/electron-operator-window.test.ts).

export interface OperatorWindowLike {
  isDestroyed(): boolean;
  show(): void;
  focus(): void;
  close(): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  loadURL(url: string): Promise<void>;
  readonly webContents: {
    on(event: 'will-navigate' | 'will-redirect', listener: (event: { url: string; preventDefault(): void }) => void): unknown;
    on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
  };
}

export interface OperatorConsoleOptions<W extends OperatorWindowLike> {
  /** Makes the window (main.ts: `new BrowserWindow({...})` with the operator preload). */
  createWindow: () => W;
  url: string;
  /** True for URLs the console may show (app://operator only). */
  isConsoleUrl: (url: string) => boolean;
  /** After it closed: end operator mode, bring the donor page back. */
  onClosed: () => void;
  log: (line: string) => void;
}

export class OperatorConsoleWindow<W extends OperatorWindowLike> {
  readonly #options: OperatorConsoleOptions<W>;
  #window: W | null = null;

  constructor(options: OperatorConsoleOptions<W>) {
    this.#options = options;
  }

  /** The console window while it is open, else null (the IPC registry's operator sender). */
  current(): W | null {
    const window = this.#window;
    return window !== null && !window.isDestroyed() ? window : null;
  }

  /** Opens the console in `language` (the one the donor screen shows), or brings the open one forward. */
  open(language: string): void {
    const open = this.current();
    if (open !== null) {
      open.show();
      open.focus();
      return;
    }
    const window = this.#options.createWindow();
    this.#window = window;
    const guard = (event: { url: string; preventDefault(): void }): void => {
      if (this.#options.isConsoleUrl(event.url)) return;
      this.#options.log('operator console: navigation away from app://operator blocked');
      event.preventDefault();
    };
    window.webContents.on('will-navigate', guard);
    window.webContents.on('will-redirect', guard);
    // A console page that crashed or was killed would cover the donor screen, dead: close it (operator mode ends).
    window.webContents.on('render-process-gone', (_event, details) => {
      this.#options.log(`operator console: its page was lost (${details.reason}); closing it`);
      window.close();
    });
    window.once('ready-to-show', () => {
      window.show();
      window.focus();
    });
    window.on('closed', () => {
      if (this.#window === window) this.#window = null;
      this.#options.log('operator console closed');
      this.#options.onClosed();
    });
    this.#options.log('operator console opened');
    const url = new URL(this.#options.url);
    url.searchParams.set('lang', language);
    window.loadURL(url.href).catch((error: unknown) => {
      this.#options.log(`operator console: loading failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  close(): void {
    const window = this.current();
    if (window !== null) window.close();
  }
}
