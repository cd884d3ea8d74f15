// At most one read of the event from Razorpay a minute, per kiosk. Every kiosk
// of the event reads the same account, so ten kiosks make ten reads a minute
// whatever their screens ask for; Razorpay publishes no rate limit and asks
// for back-off on 429 (razorpay.md §8). A read that fails counts too: an
// offline kiosk does not retry faster than an online one. The last attempt is
// kept in the ledger, so a restart does not buy an extra read.

export const EVENT_READ_GAP_MS = 60_000;

export class ReadBudget {
  readonly #gapMs: number;
  readonly #now: () => number;
  #lastAttemptAt: number | null;

  constructor(options: { gapMs: number; now: () => number; lastAttemptAt: number | null }) {
    this.#gapMs = options.gapMs;
    this.#now = options.now;
    this.#lastAttemptAt = options.lastAttemptAt;
  }

  /** When the next read may start (kiosk clock, ms); a clock set back in time waits at most one gap. */
  nextAllowedAt(): number {
    if (this.#lastAttemptAt === null) return this.#now();
    const now = this.#now();
    const last = Math.min(this.#lastAttemptAt, now);
    return last + this.#gapMs;
  }

  /** Takes the budget for a read starting now: true, and the next one waits a full gap; false when it is too soon. */
  take(): boolean {
    const now = this.#now();
    if (now < this.nextAllowedAt()) return false;
    this.#lastAttemptAt = now;
    return true;
  }
}
