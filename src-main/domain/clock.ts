// The kiosk's clocks. A kiosk's wall clock is not to be trusted with money:
// it may be set back a day, corrected forward a week, or start wrong after a
// flat CMOS battery. So:
// - ages and intervals within one run come from a monotonic clock, which
//   never jumps (MonotonicClock);
// - timestamps the ledger writes never go backwards (SteadyClock): a clock set
//   back keeps counting on from the last timestamp, a clock corrected forward
//   is followed;
// - how old an order or payment is, for the decisions that end a donation
//   (Razorpay's late-authorisation window), comes from Razorpay's own clock:
//   the `Date` of its answers, carried forward on the monotonic clock
//   (GatewayClock), compared with Razorpay's `created_at`.

/** Milliseconds that only ever go forward, at real speed; meaningful only as differences within one run. */
export type MonotonicClock = () => number;

export const monotonicNow: MonotonicClock = () => performance.now();

/** Wall-clock milliseconds that never go backwards: max(wall clock, last reading + monotonic time since). */
export class SteadyClock {
  readonly #wall: () => number;
  readonly #monotonic: MonotonicClock;
  #last = Number.NEGATIVE_INFINITY;
  #lastMonotonic = 0;

  constructor(wall: () => number = Date.now, monotonic: MonotonicClock = monotonicNow) {
    this.#wall = wall;
    this.#monotonic = monotonic;
  }

  now(): number {
    const wall = this.#wall();
    const monotonic = this.#monotonic();
    const carried = this.#last + (monotonic - this.#lastMonotonic);
    const now = Math.max(wall, carried);
    this.#last = now;
    this.#lastMonotonic = monotonic;
    return now;
  }

  /** Nothing before `ms` from now on (e.g. the newest timestamp a ledger already holds). */
  notBefore(ms: number): void {
    if (!Number.isFinite(ms)) return;
    const monotonic = this.#monotonic();
    const carried = this.#last + (monotonic - this.#lastMonotonic);
    if (ms > carried) {
      this.#last = ms;
      this.#lastMonotonic = monotonic;
    }
  }
}

/**
 * Razorpay's time, learned from the `Date` header of its answers and carried
 * forward on the monotonic clock between answers. Null until Razorpay has
 * answered once: a decision that needs it waits rather than guess.
 */
export class GatewayClock {
  readonly #monotonic: MonotonicClock;
  #anchor: { serverMs: number; monotonic: number } | null = null;

  constructor(monotonic: MonotonicClock = monotonicNow) {
    this.#monotonic = monotonic;
  }

  /** One answer's `Date` header (HTTP dates have whole seconds). Unparseable dates are ignored. */
  observeHttpDate(header: string | undefined | null): void {
    if (!header) return;
    const serverMs = Date.parse(header);
    if (Number.isFinite(serverMs)) this.observe(serverMs);
  }

  observe(serverMs: number): void {
    this.#anchor = { serverMs, monotonic: this.#monotonic() };
  }

  /** Razorpay's "now" in ms since the epoch, or null before its first answer. */
  now(): number | null {
    const anchor = this.#anchor;
    return anchor === null ? null : anchor.serverMs + (this.#monotonic() - anchor.monotonic);
  }
}
