// Renderer crash and hang recovery (electron.md §8). Electron-free: main.ts
// hands over the kiosk window's webContents through the small interface below,
// so the policy and its timers are tested with fake timers and a fake contents.
//
// - `render-process-gone` (any reason): reload app://kiosk/index.html, which
//   starts at the welcome screen, after a back-off (1 s, 2 s, 4 s … capped).
// - Crash loop: the 5th loss within 10 minutes stops the reloading and shows
//   a static out-of-service page (served by main from app://, no script).
// - `unresponsive`: wait (default 15 s); still unresponsive → crash the
//   renderer with `forcefullyCrashRenderer()`; the resulting
//   `render-process-gone` goes through the path above, so a hang counts
//   towards the crash-loop cap too. `responsive` in time cancels it.
//
// A payment in flight when the renderer is lost is reconciled by the main
// process services (they hold the orders), not by the reloaded page.

export interface RendererRecoveryOptions {
  /** Losses within `windowMs` that stop the reloading. Default 5. */
  maxLosses?: number;
  /** Default 10 minutes. */
  windowMs?: number;
  /** First reload delay; doubles per recent loss. Default 1 s. */
  baseDelayMs?: number;
  /** Longest reload delay. Default 30 s. */
  maxDelayMs?: number;
  /** How long a hang may last before the renderer is crashed. Default 15 s. */
  hangTimeoutMs?: number;
  now?: () => number;
}

export type LossDecision = { action: 'reload'; delayMs: number; recentLosses: number } | { action: 'out-of-service'; recentLosses: number };

/** Pure: decides what a lost renderer leads to. */
export class RendererRecoveryPolicy {
  private losses: number[] = [];
  private gaveUp = false;
  private readonly maxLosses: number;
  private readonly windowMs: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  readonly hangTimeoutMs: number;
  private readonly now: () => number;

  constructor(options: RendererRecoveryOptions = {}) {
    this.maxLosses = options.maxLosses ?? 5;
    this.windowMs = options.windowMs ?? 10 * 60_000;
    this.baseDelayMs = options.baseDelayMs ?? 1_000;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.hangTimeoutMs = options.hangTimeoutMs ?? 15_000;
    this.now = options.now ?? Date.now;
  }

  get outOfService(): boolean {
    return this.gaveUp;
  }

  onRendererLost(): LossDecision {
    const now = this.now();
    this.losses = this.losses.filter((at) => now - at < this.windowMs);
    this.losses.push(now);
    const recentLosses = this.losses.length;
    if (this.gaveUp || recentLosses >= this.maxLosses) {
      this.gaveUp = true;
      return { action: 'out-of-service', recentLosses };
    }
    const delayMs = Math.min(this.baseDelayMs * 2 ** (recentLosses - 1), this.maxDelayMs);
    return { action: 'reload', delayMs, recentLosses };
  }
}

/** What the recovery needs of Electron's WebContents. */
export interface RecoverableContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  loadURL(url: string): Promise<void>;
  forcefullyCrashRenderer(): void;
  isDestroyed(): boolean;
}

export interface RendererRecoveryWiring {
  homeUrl: string;
  outOfServiceUrl: string;
  policy: RendererRecoveryPolicy;
  log: (line: string) => void;
}

/** Connects the policy to one webContents; returns a function that cancels pending timers. */
export function attachRendererRecovery(contents: RecoverableContents, wiring: RendererRecoveryWiring): () => void {
  const { policy, log } = wiring;
  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  let hangTimer: ReturnType<typeof setTimeout> | undefined;

  const load = (url: string): void => {
    if (contents.isDestroyed()) return;
    contents.loadURL(url).catch((error: unknown) => log(`loading ${url} failed: ${error instanceof Error ? error.message : String(error)}`));
  };
  const clearHang = (): void => {
    clearTimeout(hangTimer);
    hangTimer = undefined;
  };

  contents.on('render-process-gone', (_event, details) => {
    clearHang();
    const decision = policy.onRendererLost();
    if (decision.action === 'out-of-service') {
      clearTimeout(reloadTimer);
      log(`renderer gone (${details.reason}, exit ${details.exitCode}); ${decision.recentLosses} losses recently: out of service`);
      load(wiring.outOfServiceUrl);
      return;
    }
    log(`renderer gone (${details.reason}, exit ${details.exitCode}); reloading in ${decision.delayMs} ms`);
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => load(wiring.homeUrl), decision.delayMs);
  });
  contents.on('unresponsive', () => {
    if (hangTimer !== undefined || policy.outOfService) return;
    log(`renderer unresponsive; crashing it if still hung in ${policy.hangTimeoutMs} ms`);
    hangTimer = setTimeout(() => {
      hangTimer = undefined;
      if (contents.isDestroyed()) return;
      log('renderer still unresponsive: forcefully crashing it');
      contents.forcefullyCrashRenderer();
    }, policy.hangTimeoutMs);
  });
  contents.on('responsive', () => {
    if (hangTimer === undefined) return;
    log('renderer responsive again');
    clearHang();
  });

  return () => {
    clearTimeout(reloadTimer);
    clearHang();
  };
}
