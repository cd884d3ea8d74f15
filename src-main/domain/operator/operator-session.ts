// Operator mode, which ends by itself.
//
// An operator who walks away must not leave keys, exports and settings open to
// the next passer-by (kiosk-domain.md §3: PIN-guarded admin; §6: walk-aways).
// Two limits, and only what a person does counts (issue 14, item 1):
// - idle: IDLE ms after the last person activity (the PIN, a touch or a key
//   press on the console, reported by noteOperatorActivity). Console calls are
//   not activity: a panel that polls (the update status) would otherwise keep
//   operator mode open for ever;
// - absolute: MAX ms after the PIN was entered, whatever happens.
// The session lives in memory only: a restart always ends it.
//
// A fresh PIN: some steps (payment keys, update settings, exports, exit) ask
// for the PIN again. A right PIN re-entered grants one such step within
// FRESH_PIN_MS; the step uses it up.
//
// Times are milliseconds from the caller's clock. If the clock runs backwards
// (a wall clock being corrected) the session ends rather than stretching:
// failing closed costs the operator one PIN entry.

export const DEFAULT_OPERATOR_IDLE_MS = 3 * 60 * 1_000;
export const DEFAULT_OPERATOR_MAX_MS = 15 * 60 * 1_000;
export const FRESH_PIN_MS = 60 * 1_000;

export interface OperatorSessionLimits {
  idleTimeoutMs: number;
  maxSessionMs: number;
}

export class OperatorSession {
  readonly idleTimeoutMs: number;
  readonly maxSessionMs: number;
  #startedAt: number | null = null;
  #lastActivity: number | null = null;
  #freshPinAt: number | null = null;

  constructor(limits: Partial<OperatorSessionLimits> = {}) {
    const idle = limits.idleTimeoutMs ?? DEFAULT_OPERATOR_IDLE_MS;
    const max = limits.maxSessionMs ?? DEFAULT_OPERATOR_MAX_MS;
    for (const [name, value] of [['idleTimeoutMs', idle], ['maxSessionMs', max]] as const) {
      if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number`);
    }
    this.idleTimeoutMs = idle;
    this.maxSessionMs = max;
  }

  /** The right PIN was entered: operator mode starts (or starts over). */
  start(now: number): void {
    this.#startedAt = now;
    this.#lastActivity = now;
    this.#freshPinAt = null;
  }

  /** A person did something on the console. Returns false (and stays ended) if the session had already ended. */
  touch(now: number): boolean {
    if (!this.isActive(now)) return false;
    this.#lastActivity = now;
    return true;
  }

  isActive(now: number): boolean {
    const started = this.#startedAt;
    const last = this.#lastActivity;
    if (started === null || last === null) return false;
    if (now < last || now - last >= this.idleTimeoutMs || now - started >= this.maxSessionMs) {
      this.end();
      return false;
    }
    return true;
  }

  /** Ms until the session ends if untouched; 0 when not active. */
  remainingMs(now: number): number {
    if (!this.isActive(now)) return 0;
    const idleLeft = this.idleTimeoutMs - (now - (this.#lastActivity as number));
    const maxLeft = this.maxSessionMs - (now - (this.#startedAt as number));
    return Math.min(idleLeft, maxLeft);
  }

  /** The PIN was re-entered during the session: counts as activity, and grants one sensitive step. */
  confirmPin(now: number): boolean {
    if (!this.touch(now)) return false;
    this.#freshPinAt = now;
    return true;
  }

  /** Uses up the fresh PIN for one sensitive step; false when there is none (or it is too old). */
  takeFreshPin(now: number): boolean {
    const at = this.#freshPinAt;
    this.#freshPinAt = null;
    return this.isActive(now) && at !== null && now >= at && now - at < FRESH_PIN_MS;
  }

  end(): void {
    this.#startedAt = null;
    this.#lastActivity = null;
    this.#freshPinAt = null;
  }
}
