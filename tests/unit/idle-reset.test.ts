// The idle-reset decisions the renderer's IdleGuard runs on a timer.
import { describe, expect, it } from 'vitest';
import { afterDecision, decide, idleSettings, idleWatches, onActivity, startClock, stillHere, type IdleClock } from '../../src-renderer/src/flow/idle.ts';
import type { ScreenName } from '../../src-renderer/src/flow/state.ts';

const settings = idleSettings({ idleResetSeconds: 10, idlePromptSeconds: 5 });

/** decide() and afterDecision() together, as the timer does. */
function step(clock: IdleClock, now: number) {
  const decision = decide(clock, now, settings);
  return { decision, clock: afterDecision(clock, decision, now) };
}

describe('idle reset', () => {
  it('watches only the screens where a donor leaves entries behind', () => {
    const all: ScreenName[] = ['starting', 'start-error', 'setup-error', 'out-of-service', 'welcome', 'amount', 'details', 'opening', 'checkout', 'verifying', 'thank-you', 'failure'];
    expect(all.filter(idleWatches)).toEqual(['amount', 'details']);
  });

  it('uses the configured seconds, and the defaults and limits for anything else', () => {
    expect(settings).toEqual({ resetMs: 10_000, promptMs: 5_000 });
    expect(idleSettings({})).toEqual({ resetMs: 60_000, promptMs: 15_000 });
    expect(idleSettings({ idleResetSeconds: Number.NaN, idlePromptSeconds: -1 })).toEqual({ resetMs: 60_000, promptMs: 5_000 });
    expect(idleSettings({ idleResetSeconds: 100_000, idlePromptSeconds: 1_000 })).toEqual({ resetMs: 600_000, promptMs: 60_000 });
  });

  it('waits, prompts with a full countdown, then resets', () => {
    let clock = startClock(0);
    let s = step(clock, 0);
    expect(s.decision).toEqual({ kind: 'wait', at: 10_000 });
    s = step(s.clock, 10_000);
    expect(s.decision).toEqual({ kind: 'prompt', secondsLeft: 5, at: 11_000 });
    clock = s.clock;
    expect(clock.promptShownAt).toBe(10_000);
    expect(step(clock, 11_000).decision).toEqual({ kind: 'prompt', secondsLeft: 4, at: 12_000 });
    expect(step(clock, 14_500).decision).toEqual({ kind: 'prompt', secondsLeft: 1, at: 15_000 });
    expect(step(clock, 15_000).decision).toEqual({ kind: 'reset' });
  });

  it('input before the prompt moves the deadline', () => {
    const clock = onActivity(startClock(0), 8_000);
    expect(step(clock, 10_000).decision).toEqual({ kind: 'wait', at: 18_000 });
  });

  it('once the prompt shows, only "I\'m still here" answers it', () => {
    const prompting = step(startClock(0), 10_000).clock;
    expect(onActivity(prompting, 12_000)).toBe(prompting);
    expect(step(prompting, 15_000).decision).toEqual({ kind: 'reset' });
    const stayed = stillHere(12_000);
    expect(step(stayed, 15_000).decision).toEqual({ kind: 'wait', at: 22_000 });
  });

  it('a late timer still gives the donor the whole countdown', () => {
    const s = step(startClock(0), 40_000);
    expect(s.decision).toEqual({ kind: 'prompt', secondsLeft: 5, at: 41_000 });
    expect(step(s.clock, 44_999).decision).toMatchObject({ kind: 'prompt', secondsLeft: 1 });
  });
});
