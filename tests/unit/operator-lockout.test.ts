// The wrong-PIN lockout as a pure state machine over a serialisable object.
import { describe, expect, it } from 'vitest';
import {
  attemptsBeforeLock,
  canAttempt,
  initialLockout,
  lockDelayMs,
  normaliseLockout,
  recordFailure,
  recordSuccess,
  type LockoutState,
} from '../../src-main/domain/operator/pin-lockout.ts';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
const SECOND = 1_000;
const MINUTE = 60 * SECOND;

function fail(times: number, state: LockoutState = initialLockout(), at = T0): LockoutState {
  let s = state;
  for (let i = 0; i < times; i++) s = recordFailure(s, at);
  return s;
}

describe('pin lockout', () => {
  it('lets the first four wrong PINs through without a lock', () => {
    const s = fail(4);
    expect(s).toEqual({ failures: 4, lockedUntil: null });
    expect(canAttempt(s, T0)).toEqual({ ok: true });
    expect(attemptsBeforeLock(s)).toBe(1);
    expect(attemptsBeforeLock(initialLockout())).toBe(5);
  });

  it('locks for 30 s on the fifth wrong PIN', () => {
    const s = fail(5);
    expect(s).toEqual({ failures: 5, lockedUntil: T0 + 30 * SECOND });
    expect(canAttempt(s, T0)).toEqual({ ok: false, retryAfterMs: 30 * SECOND });
    expect(canAttempt(s, T0 + 29_999)).toEqual({ ok: false, retryAfterMs: 1 });
    expect(canAttempt(s, T0 + 30 * SECOND)).toEqual({ ok: true });
    expect(attemptsBeforeLock(s)).toBe(0);
  });

  it('locks again on every later failure, for longer each time, capped at 15 min', () => {
    const delays: number[] = [];
    let s = initialLockout();
    let now = T0;
    for (let i = 1; i <= 12; i++) {
      s = recordFailure(s, now);
      delays.push(s.lockedUntil === null ? 0 : s.lockedUntil - now);
      now = s.lockedUntil ?? now; // wait out each lock, then fail again
    }
    expect(delays).toEqual([0, 0, 0, 0, 30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 15 * MINUTE, 15 * MINUTE]);
    expect(lockDelayMs(1_000)).toBe(15 * MINUTE);
  });

  it('is reset only by a right PIN: waiting out a lock gives one more try, not five', () => {
    const waited = fail(5);
    const after = recordFailure(waited, T0 + 30 * SECOND);
    expect(after.failures).toBe(6);
    expect(canAttempt(after, T0 + 30 * SECOND)).toEqual({ ok: false, retryAfterMs: MINUTE });
    expect(recordSuccess()).toEqual({ failures: 0, lockedUntil: null });
  });

  it('is a plain object that survives JSON', () => {
    const s = fail(6);
    const copy = JSON.parse(JSON.stringify(s)) as LockoutState;
    expect(canAttempt(copy, T0 + 10 * SECOND)).toEqual(canAttempt(s, T0 + 10 * SECOND));
  });

  it('does not mutate the state it is given', () => {
    const s = fail(4);
    const frozen = Object.freeze({ ...s });
    expect(() => recordFailure(frozen, T0)).not.toThrow();
    expect(frozen).toEqual({ failures: 4, lockedUntil: null });
  });

  it('shortens a lock the clock made too long (wall clock set back) to the delay its count earns', () => {
    const s = fail(5, initialLockout(), T0);
    const clockSetBack = T0 - 6 * 60 * MINUTE;
    expect(canAttempt(s, clockSetBack)).toEqual({ ok: false, retryAfterMs: 30 * SECOND });
    expect(normaliseLockout(s, clockSetBack)).toEqual({ failures: 5, lockedUntil: clockSetBack + 30 * SECOND });
  });

  it('fails closed on a corrupted count', () => {
    for (const failures of [-1, 1.5, Number.NaN, '3' as unknown as number]) {
      const s = normaliseLockout({ failures, lockedUntil: null }, T0);
      expect(s.failures).toBe(5);
      expect(attemptsBeforeLock({ failures, lockedUntil: null })).toBe(0);
    }
    // A garbage lock time on a count that earns a lock keeps it locked.
    expect(canAttempt({ failures: 7, lockedUntil: 'soon' as unknown as number }, T0)).toEqual({ ok: false, retryAfterMs: 2 * MINUTE });
  });
});
