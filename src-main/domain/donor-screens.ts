// Which donations a donor is in front of right now, in this run of the kiosk:
// the donation service notes every call the donor's screen makes about a
// donation, reconciliation reads it. Kept in memory on the monotonic clock, so
// a restart (the donor's screen is gone then too) or a wall-clock jump never
// makes it wrong.
// - A donor still paying in Checkout is left alone (reconciliation's checkout
//   grace): their screen has called about the donation (start, open, a
//   failure) and has not yet handed a payment over.
// - A payment recorded while the donor's screen is following it (it has
//   confirmed, and asks with backoff) is one the donor sees confirmed on
//   screen: not "recovered" (the operator is told of every other one).
import { monotonicNow, type MonotonicClock } from './clock.ts';

/** The renderer asks about a payment being confirmed at least this often (its longest backoff is 15 s). */
export const DONOR_SCREEN_FOLLOW_MS = 45_000;

export class DonorScreens {
  readonly #monotonic: MonotonicClock;
  readonly #followMs: number;
  readonly #lastCall = new Map<string, number>();
  readonly #lastFollow = new Map<string, number>();
  /** Donations whose donor left: a call still on its way from their screen does not bring them back. */
  readonly #left = new Map<string, number>();

  constructor(monotonic: MonotonicClock = monotonicNow, followMs = DONOR_SCREEN_FOLLOW_MS) {
    this.#monotonic = monotonic;
    this.#followMs = followMs;
  }

  /** The donor's screen called about this donation just now (before any payment was handed over). */
  touched(donationId: string): void {
    this.#stamp(this.#lastCall, donationId);
  }

  /** The donor's screen handed a payment over (confirmPayment) or asks how it stands (getDonationProgress). */
  following(donationId: string): void {
    if (this.#left.has(donationId)) return;
    this.#stamp(this.#lastCall, donationId);
    this.#stamp(this.#lastFollow, donationId);
  }

  /** The donor left the screen (Done, or the screen returned to the start by itself). */
  left(donationId: string): void {
    this.#lastCall.delete(donationId);
    this.#lastFollow.delete(donationId);
    this.#stamp(this.#left, donationId);
  }

  /** Monotonic ms since the donor's screen last called about it in this run; undefined if it never did (or left). */
  sinceLastCall(donationId: string): number | undefined {
    return this.#since(this.#lastCall, donationId);
  }

  /** The donor may still be paying in Checkout: their screen called within `graceMs` and has not handed a payment over. */
  mayBePaying(donationId: string, graceMs: number): boolean {
    const since = this.#since(this.#lastCall, donationId);
    return since !== undefined && since < graceMs && !this.#lastFollow.has(donationId);
  }

  /** A donor's screen is following this donation's payment and will show its outcome. */
  isWatching(donationId: string): boolean {
    const since = this.#since(this.#lastFollow, donationId);
    return since !== undefined && since < this.#followMs;
  }

  #since(map: Map<string, number>, donationId: string): number | undefined {
    const at = map.get(donationId);
    return at === undefined ? undefined : this.#monotonic() - at;
  }

  #stamp(map: Map<string, number>, donationId: string): void {
    const now = this.#monotonic();
    map.set(donationId, now);
    if (map.size > 500) {
      // A long day: forget donations nobody has asked about for a day.
      for (const [id, at] of map) if (now - at > 24 * 60 * 60 * 1000) map.delete(id);
    }
  }
}
