// Operator mode, which ends by itself after a few minutes without a touch.
//
// An operator who walks away must not leave refunds and settings open to the
// next donor (kiosk-domain.md §3: PIN-guarded admin; §6: walk-aways). The
// session lives in memory only: a restart always ends it.
//
// Times are milliseconds from the caller's clock. If the clock runs backwards
// (a wall clock being corrected) the session ends rather than stretching:
// failing closed costs the operator one PIN entry.

export const DEFAULT_OPERATOR_IDLE_MS = 3 * 60 * 1_000;

export class OperatorSession {
  readonly idleTimeoutMs: number;
  #lastActivity: number | null = null;

  constructor(idleTimeoutMs: number = DEFAULT_OPERATOR_IDLE_MS) {
    if (!Number.isFinite(idleTimeoutMs) || idleTimeoutMs <= 0) throw new RangeError('idleTimeoutMs must be a positive number');
    this.idleTimeoutMs = idleTimeoutMs;
  }

  start(now: number): void {
    this.#lastActivity = now;
  }

  /** Records operator activity. Returns false (and stays ended) if the session had already expired. */
  touch(now: number): boolean {
    if (!this.isActive(now)) return false;
    this.#lastActivity = now;
    return true;
  }

  isActive(now: number): boolean {
    const last = this.#lastActivity;
    if (last === null) return false;
    if (now < last || now - last >= this.idleTimeoutMs) {
      this.#lastActivity = null;
      return false;
    }
    return true;
  }

  /** Ms until the session expires if untouched; 0 when not active. */
  remainingMs(now: number): number {
    if (!this.isActive(now)) return 0;
    return this.idleTimeoutMs - (now - (this.#lastActivity as number));
  }

  end(): void {
    this.#lastActivity = null;
  }
}
