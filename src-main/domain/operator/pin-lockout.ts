// Wrong-PIN lockout: a pure state machine over a plain, serialisable object.
//
// The state survives restarts (the caller persists it), otherwise pulling the
// plug would reset the counter. Times are wall-clock epoch milliseconds for
// the same reason: a monotonic clock restarts with the process.
//
// Policy: the first FREE_FAILURES wrong PINs cost nothing (fat fingers on a
// touch pad); the next one and every later one locks the pad, for a delay that
// grows with each failure and is capped. Only a right PIN resets the count, so
// waiting out a lock gives one more try, not five. With the defaults that is
// 4 free tries, then 30 s, 1 min, 2 min, 5 min, 10 min and 15 min per try:
// about a hundred guesses a day against the ~990,000 PINs src-shared/pin-rule.ts allows.
//
// A wall clock can jump back (a kiosk without an RTC battery boots in 1970 or
// 2000 and NTP fixes it later; an operator fixes the time zone). A lock that
// then seems to end hours away would shut the operator out, so no lock ever
// lasts longer than the delay its failure count earns: see normaliseLockout.

export interface LockoutState {
  /** Wrong PINs since the last right one. */
  failures: number;
  /** Epoch ms until which no attempt is allowed; null when not locked. */
  lockedUntil: number | null;
}

export interface LockoutPolicy {
  /** Wrong PINs allowed before the first lock. */
  freeFailures: number;
  /** Lock after the (freeFailures + 1 + i)-th failure; the last entry repeats. */
  delaysMs: readonly number[];
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = {
  freeFailures: 4,
  delaysMs: [30 * SECOND, 1 * MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE],
};

export type AttemptCheck = { ok: true } | { ok: false; retryAfterMs: number };

export function initialLockout(): LockoutState {
  return { failures: 0, lockedUntil: null };
}

/** How long the failure numbered `failures` (1-based) locks the pad; 0 if it is free. */
export function lockDelayMs(failures: number, policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY): number {
  const index = failures - policy.freeFailures - 1;
  if (index < 0 || policy.delaysMs.length === 0) return 0;
  return policy.delaysMs[Math.min(index, policy.delaysMs.length - 1)] as number;
}

export function canAttempt(state: LockoutState, now: number, policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY): AttemptCheck {
  const { lockedUntil } = normaliseLockout(state, now, policy);
  if (lockedUntil === null || now >= lockedUntil) return { ok: true };
  return { ok: false, retryAfterMs: lockedUntil - now };
}

export function recordFailure(state: LockoutState, now: number, policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY): LockoutState {
  const failures = normaliseLockout(state, now, policy).failures + 1;
  const delay = lockDelayMs(failures, policy);
  return { failures, lockedUntil: delay > 0 ? now + delay : null };
}

export function recordSuccess(): LockoutState {
  return initialLockout();
}

/**
 * Tries left, the last of which locks the pad if wrong: 5 on a fresh state
 * with the defaults, 1 after four failures, 0 once past the free ones (each
 * further failure locks again).
 */
export function attemptsBeforeLock(state: LockoutState, policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY): number {
  return Math.max(0, policy.freeFailures + 1 - cleanFailures(state.failures, policy));
}

/**
 * Makes a loaded state safe to use: a count that is not a non-negative
 * integer becomes the count that locks at once (fail closed, never open),
 * a lock that has run out is dropped, and a lock longer than its count earns
 * (the clock went back) is shortened to start now.
 */
export function normaliseLockout(state: LockoutState, now: number, policy: LockoutPolicy = DEFAULT_LOCKOUT_POLICY): LockoutState {
  const failures = cleanFailures(state.failures, policy);
  const earned = lockDelayMs(failures, policy);
  let lockedUntil = typeof state.lockedUntil === 'number' && Number.isFinite(state.lockedUntil) ? state.lockedUntil : null;
  if (lockedUntil === null && state.lockedUntil !== null && earned > 0) lockedUntil = now + earned; // garbage: lock
  if (lockedUntil !== null && lockedUntil <= now) lockedUntil = null;
  if (lockedUntil !== null && lockedUntil - now > earned) lockedUntil = earned > 0 ? now + earned : null;
  return { failures, lockedUntil };
}

function cleanFailures(failures: unknown, policy: LockoutPolicy): number {
  return typeof failures === 'number' && Number.isSafeInteger(failures) && failures >= 0 ? failures : policy.freeFailures + 1;
}
