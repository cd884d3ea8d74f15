// What the kiosk is doing, as main knows it, for the update policy.
//
// Main never sees the renderer's screens directly; it sees the calls. The
// renderer asks getKioskStatus every few seconds while (and only while) the
// welcome screen shows, and every donation step is a call of its own
// (startDonation … confirmPayment / cancelDonation). So:
// - a steady run of status calls with no donation call in it = welcome, idle;
// - status calls that stopped = a donor is on the amount or details screen,
//   in Checkout, or on a result screen (or the page is reloading);
// - any donation call = a donation in progress, whatever came before;
// - an open operator session = the operator is at the kiosk.
// The renderer's poll interval is 3 s (src-renderer/src/flow/controller.ts).

import type { KioskMethod } from '../../contract/kiosk-api.ts';

export type KioskActivity =
  /** The welcome screen has been showing, untouched, for `idleForMs`. */
  | { kind: 'welcome-idle'; idleForMs: number }
  /** A donor is somewhere in the flow (or the welcome screen has not been seen yet). */
  | { kind: 'donation-in-progress' }
  /** The operator console is open. */
  | { kind: 'operator-session' };

/** The calls that mean "a donor is giving right now". */
const DONATION_METHODS: ReadonlySet<KioskMethod> = new Set<KioskMethod>([
  'startDonation',
  'checkoutOpened',
  'recordPaymentFailure',
  'confirmPayment',
  'cancelDonation',
  'checkTaxDetails',
  'printReceipt',
]);

/** Status calls further apart than this mean the welcome screen was left in between. */
export const WELCOME_HEARTBEAT_GAP_MS = 10_000;

export interface KioskActivityTrackerOptions {
  now: () => number;
  isOperatorActive: () => boolean;
}

export class KioskActivityTracker {
  readonly #options: KioskActivityTrackerOptions;
  /** When the current unbroken run of welcome heartbeats began; null = not on welcome. */
  #welcomeSince: number | null = null;
  #lastHeartbeat: number | null = null;

  constructor(options: KioskActivityTrackerOptions) {
    this.#options = options;
  }

  /** Every renderer call goes through here (the dispatcher calls it before the handler). */
  observe(method: KioskMethod): void {
    const now = this.#options.now();
    if (DONATION_METHODS.has(method)) {
      this.#welcomeSince = null;
      this.#lastHeartbeat = null;
      return;
    }
    if (method !== 'getKioskStatus') return;
    const continuesRun = this.#lastHeartbeat !== null && now - this.#lastHeartbeat <= WELCOME_HEARTBEAT_GAP_MS;
    if (!continuesRun || this.#welcomeSince === null) this.#welcomeSince = now;
    this.#lastHeartbeat = now;
  }

  current(): KioskActivity {
    if (this.#options.isOperatorActive()) return { kind: 'operator-session' };
    const now = this.#options.now();
    if (this.#welcomeSince === null || this.#lastHeartbeat === null || now - this.#lastHeartbeat > WELCOME_HEARTBEAT_GAP_MS) {
      return { kind: 'donation-in-progress' };
    }
    return { kind: 'welcome-idle', idleForMs: now - this.#welcomeSince };
  }
}
