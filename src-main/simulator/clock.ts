// The simulator's idea of "now". Razorpay's time-driven behaviour (capture
// shortly after authorisation, attempts that time out, uncaptured payments
// refunded after 3 days) is computed from it, so a test can inject its own
// clock or move this one forward (the control route /_simulator/clock) instead
// of waiting. Milliseconds since the Unix epoch, like Date.now().
export class SimulatorClock {
  readonly #base: () => number;
  #offsetMs = 0;

  constructor(base: () => number = Date.now) {
    this.#base = base;
  }

  now(): number {
    return this.#base() + this.#offsetMs;
  }

  /** Unix seconds, as Razorpay's `created_at` fields. */
  unixSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  /** Moves time forward (never back: Razorpay's clock does not go back either). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`The clock only moves forward: got ${ms} ms`);
    this.#offsetMs += ms;
  }
}
