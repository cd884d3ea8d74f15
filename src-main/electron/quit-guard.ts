// Exit guard and orderly shutdown (electron.md §7). Electron-free: main.ts
// feeds it `close` / `before-quit` and acts on the answers.
//
// Locked down (kiosk mode): windows may not close and the app may not quit
// until something trusted allows it: OS shutdown / session end, or a signal
// from the service manager. Windowed (development, tests): no guard.
// Either way, quitting first closes the kiosk services once, with a time
// limit so a stuck service cannot keep the process alive.

export type BeforeQuitAction =
  /** Quitting is not allowed now: `event.preventDefault()`. */
  | 'prevent'
  /** `event.preventDefault()`, await `shutdown()`, then quit again. */
  | 'prevent-and-shut-down'
  /** Services are closed: let the quit go ahead. */
  | 'proceed';

export interface QuitGuardOptions {
  lockedDown: boolean;
  closeServices: () => Promise<void>;
  log: (line: string) => void;
  /** How long closing the services may take. Default 5 s. */
  closeTimeoutMs?: number;
}

export class QuitGuard {
  private allowed = false;
  private shutdownPromise: Promise<void> | null = null;
  private closed = false;
  private readonly options: QuitGuardOptions;

  constructor(options: QuitGuardOptions) {
    this.options = options;
  }

  /** Lifts the guard. */
  allowQuit(reason: string): void {
    if (!this.allowed) this.options.log(`quit allowed: ${reason}`);
    this.allowed = true;
  }

  /**
   * Puts the guard back after a quit that did not happen (an update whose
   * install failed to start). Only before shutdown began: once the services
   * are closing, the app is leaving either way.
   */
  restoreGuard(reason: string): void {
    if (!this.allowed || this.shutdownPromise !== null) return;
    this.options.log(`quit guard restored: ${reason}`);
    this.allowed = false;
  }

  get quitAllowed(): boolean {
    return !this.options.lockedDown || this.allowed;
  }

  /** For the kiosk window's `close` event: true means `event.preventDefault()`. */
  shouldPreventClose(): boolean {
    return !this.quitAllowed;
  }

  /** For `app.on('before-quit')`. */
  beforeQuit(): BeforeQuitAction {
    if (!this.quitAllowed) {
      this.options.log('quit refused: kiosk is locked down');
      return 'prevent';
    }
    return this.closed ? 'proceed' : 'prevent-and-shut-down';
  }

  /** Closes the services once (later calls share the first). Never rejects. */
  shutdown(): Promise<void> {
    this.shutdownPromise ??= this.runShutdown();
    return this.shutdownPromise;
  }

  private async runShutdown(): Promise<void> {
    const timeoutMs = this.options.closeTimeoutMs ?? 5_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const outcome = await Promise.race([this.options.closeServices().then(() => 'closed' as const), timeout]);
      if (outcome === 'timeout') this.options.log(`services did not close within ${timeoutMs} ms; quitting anyway`);
    } catch (error) {
      this.options.log(`closing services failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
      this.closed = true;
    }
  }
}
