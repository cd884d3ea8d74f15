// Operator mode's idle expiry, with times passed in.
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPERATOR_IDLE_MS, OperatorSession } from '../../src-main/domain/operator/operator-session.ts';

describe('OperatorSession', () => {
  it('defaults to 3 minutes idle', () => expect(DEFAULT_OPERATOR_IDLE_MS).toBe(180_000));

  it('is inactive until started, active until idle for the timeout', () => {
    const s = new OperatorSession(1_000);
    expect(s.isActive(0)).toBe(false);
    s.start(0);
    expect(s.isActive(999)).toBe(true);
    expect(s.remainingMs(400)).toBe(600);
    expect(s.isActive(1_000)).toBe(false);
  });

  it('is kept alive by touches, and not revived by a late one', () => {
    const s = new OperatorSession(1_000);
    s.start(0);
    expect(s.touch(900)).toBe(true);
    expect(s.isActive(1_800)).toBe(true);
    expect(s.touch(2_900)).toBe(false);
    expect(s.isActive(2_901)).toBe(false);
  });

  it('ends when told, or when the clock runs backwards', () => {
    const s = new OperatorSession(1_000);
    s.start(5_000);
    s.end();
    expect(s.isActive(5_001)).toBe(false);
    s.start(5_000);
    expect(s.isActive(4_000)).toBe(false);
    expect(s.isActive(5_001)).toBe(false);
  });

  it('refuses a non-positive timeout', () => {
    expect(() => new OperatorSession(0)).toThrow(RangeError);
  });
});
