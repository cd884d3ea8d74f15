// Operator mode: it ends after a few minutes without a person at the console,
// and at most a quarter of an hour after the PIN, whatever happens; a PIN
// entered again lets one protected step through within a minute.
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPERATOR_IDLE_MS, DEFAULT_OPERATOR_MAX_MS, FRESH_PIN_MS, OperatorSession } from '../../src-main/domain/operator/operator-session.ts';

describe('OperatorSession', () => {
  it('defaults to 3 minutes idle and 15 minutes at most', () => {
    expect(DEFAULT_OPERATOR_IDLE_MS).toBe(180_000);
    expect(DEFAULT_OPERATOR_MAX_MS).toBe(900_000);
  });

  it('is inactive until started, active until idle for the timeout', () => {
    const s = new OperatorSession({ idleTimeoutMs: 1_000 });
    expect(s.isActive(0)).toBe(false);
    s.start(0);
    expect(s.isActive(999)).toBe(true);
    expect(s.remainingMs(400)).toBe(600);
    expect(s.isActive(1_000)).toBe(false);
  });

  it('is kept alive by touches, and not revived by a late one', () => {
    const s = new OperatorSession({ idleTimeoutMs: 1_000 });
    s.start(0);
    expect(s.touch(900)).toBe(true);
    expect(s.isActive(1_800)).toBe(true);
    expect(s.touch(2_900)).toBe(false);
    expect(s.isActive(2_901)).toBe(false);
  });

  it('ends at the absolute limit however busy the operator is', () => {
    const s = new OperatorSession({ idleTimeoutMs: 1_000, maxSessionMs: 5_000 });
    s.start(0);
    for (let t = 500; t < 5_000; t += 500) expect(s.touch(t), `touch at ${t}`).toBe(true);
    expect(s.remainingMs(4_900)).toBe(100);
    expect(s.isActive(5_000)).toBe(false);
    expect(s.touch(5_001)).toBe(false);
  });

  it('ends when told, or when the clock runs backwards', () => {
    const s = new OperatorSession({ idleTimeoutMs: 1_000 });
    s.start(5_000);
    s.end();
    expect(s.isActive(5_001)).toBe(false);
    s.start(5_000);
    expect(s.isActive(4_000)).toBe(false);
    expect(s.isActive(5_001)).toBe(false);
  });

  it('grants one protected step for a PIN confirmed within the last minute, and only one', () => {
    const s = new OperatorSession();
    s.start(0);
    expect(s.takeFreshPin(10)).toBe(false);
    expect(s.confirmPin(1_000)).toBe(true);
    expect(s.takeFreshPin(1_000 + FRESH_PIN_MS - 1)).toBe(true);
    expect(s.takeFreshPin(1_000 + FRESH_PIN_MS - 1)).toBe(false);
    expect(s.confirmPin(70_000)).toBe(true);
    expect(s.takeFreshPin(70_000 + FRESH_PIN_MS)).toBe(false);
  });

  it('does not confirm a PIN, nor grant a step, once operator mode has ended', () => {
    const s = new OperatorSession({ idleTimeoutMs: 1_000 });
    expect(s.confirmPin(0)).toBe(false);
    s.start(0);
    expect(s.confirmPin(500)).toBe(true);
    expect(s.takeFreshPin(1_600)).toBe(false);
  });

  it('refuses a non-positive limit', () => {
    expect(() => new OperatorSession({ idleTimeoutMs: 0 })).toThrow(RangeError);
    expect(() => new OperatorSession({ maxSessionMs: -1 })).toThrow(RangeError);
  });
});
