// Whether the kiosk can reach Razorpay, judged from the gateway's own answers.
//
// No answer at all (refused, reset, DNS, timeout) means offline, and so does
// an answer that is not Razorpay's: a page that is not JSON below 500 (a
// captive portal's "HTTP 200, please log in", a proxy's 403). Any answer of
// Razorpay's own, even a 4xx or 5xx (or its load balancer's 5xx page), means
// the network path works and the kiosk is online (a 5xx is Razorpay's
// problem, and each call reports it to the donor).
// While offline, one harmless authenticated read is made every probe interval
// so the kiosk notices by itself when the network returns, and a
// reconciliation pass then catches up on what happened meanwhile.
import type { GatewayResult } from '../domain/gateway/gateway-error.ts';
import { describeGatewayError, isRazorpayUnreachable } from '../domain/gateway/gateway-error.ts';
import type { KioskHealth } from './kiosk-health.ts';

export interface ConnectivityMonitorOptions {
  health: KioskHealth;
  /** One cheap authenticated call; never retried, so each probe is one request. */
  probe: () => Promise<GatewayResult<unknown>>;
  probeIntervalMs: number;
  /** Called on every offline → online transition (e.g. to reconcile). */
  onOnline: () => void;
  log: (line: string) => void;
}

export class ConnectivityMonitor {
  private readonly options: ConnectivityMonitorOptions;
  private probeTimer: NodeJS.Timeout | undefined;
  private probing: Promise<void> | null = null;
  private closed = false;
  private onlineWaiters: (() => void)[] = [];

  constructor(options: ConnectivityMonitorOptions) {
    this.options = options;
  }

  get online(): boolean {
    return this.options.health.online;
  }

  /** Feeds one gateway outcome. */
  report(result: GatewayResult<unknown>): void {
    if (!result.ok && isRazorpayUnreachable(result.error)) this.goOffline(describeGatewayError(result.error));
    else this.goOnline();
  }

  /** Resolves the next time the kiosk is online (at once if it is). */
  whenOnline(): Promise<void> {
    if (this.online) return Promise.resolve();
    return new Promise((resolve) => this.onlineWaiters.push(resolve));
  }

  /** One probe now (the timer's, and the one at start-up); a caller during a probe shares it. */
  probeNow(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.probing ??= this.probeOnce().finally(() => {
      this.probing = null;
    });
    return this.probing;
  }

  private async probeOnce(): Promise<void> {
    try {
      const result = await this.options.probe();
      if (!this.closed) this.report(result);
    } catch (error) {
      // A probe must never take the kiosk down; a bug leaves the state as it was.
      this.options.log(`connectivity: probe failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  close(): void {
    this.closed = true;
    this.stopProbing();
  }

  private goOffline(why: string): void {
    if (this.closed) return;
    if (this.options.health.online) {
      this.options.health.online = false;
      this.options.log(`connectivity: offline (${why})`);
    }
    if (!this.probeTimer) {
      this.probeTimer = setInterval(() => void this.probeNow(), this.options.probeIntervalMs);
      // A probe timer alone must not keep a closing process alive.
      this.probeTimer.unref();
    }
  }

  private goOnline(): void {
    this.stopProbing();
    if (this.options.health.online) return;
    this.options.health.online = true;
    this.options.log('connectivity: online');
    const waiters = this.onlineWaiters;
    this.onlineWaiters = [];
    waiters.forEach((resolve) => resolve());
    if (!this.closed) this.options.onOnline();
  }

  private stopProbing(): void {
    clearInterval(this.probeTimer);
    this.probeTimer = undefined;
  }
}
