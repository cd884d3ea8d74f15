// Idle reset: the decisions, without timers or the DOM (../components/IdlePrompt.tsx
// runs them). A donor who walks away from the amount, details or 80G screen gets
// "Are you still there?" with a countdown; when it ends the flow's own "Back to
// start" clears everything and returns to welcome.
import type { KioskState } from '../../../src-main/contract/kiosk-api.ts';
import type { ScreenName } from './state.ts';

/** The shipped defaults and limits (src-main/domain/kiosk-config.ts), for a state that lacks them. */
export const IDLE_DEFAULTS = { resetSeconds: 60, promptSeconds: 15 } as const;
const RESET_LIMITS = [10, 600] as const;
const PROMPT_LIMITS = [5, 60] as const;

export interface IdleSettings {
  /** Milliseconds without input before the prompt appears. */
  resetMs: number;
  /** Milliseconds the prompt counts down before the kiosk starts over. */
  promptMs: number;
}

function seconds(value: unknown, fallback: number, [min, max]: readonly [number, number]): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}

export function idleSettings(kiosk: Partial<Pick<KioskState, 'idleResetSeconds' | 'idlePromptSeconds'>>): IdleSettings {
  return {
    resetMs: seconds(kiosk.idleResetSeconds, IDLE_DEFAULTS.resetSeconds, RESET_LIMITS) * 1000,
    promptMs: seconds(kiosk.idlePromptSeconds, IDLE_DEFAULTS.promptSeconds, PROMPT_LIMITS) * 1000,
  };
}

/**
 * Screens where a walked-away donor would leave their entries showing. Not welcome
 * (nothing to clear), not opening/checkout/verifying (they end by themselves:
 * Checkout has its own timeout), not thank-you/failure (their own countdown).
 */
export function idleWatches(screen: ScreenName): boolean {
  return screen === 'amount' || screen === 'details' || screen === 'tax';
}

export interface IdleClock {
  /** When the donor last touched, typed or pressed a key (or the watch began). */
  lastActivity: number;
  /** When the prompt appeared; null while it is not showing. */
  promptShownAt: number | null;
}

export type IdleDecision =
  /** Nothing to show; look again at `at`. */
  | { kind: 'wait'; at: number }
  /** Show (or keep showing) the prompt with `secondsLeft`; look again at `at`. */
  | { kind: 'prompt'; secondsLeft: number; at: number }
  /** The countdown has ended: start over. */
  | { kind: 'reset' };

export function startClock(now: number): IdleClock {
  return { lastActivity: now, promptShownAt: null };
}

/** Input restarts the wait; once the prompt shows, only its buttons answer it. */
export function onActivity(clock: IdleClock, now: number): IdleClock {
  return clock.promptShownAt === null ? { lastActivity: now, promptShownAt: null } : clock;
}

/** "I'm still here": the prompt closes and the wait starts again. */
export function stillHere(now: number): IdleClock {
  return startClock(now);
}

/** What to show at `now`. The prompt's full countdown starts when it is shown, even if the timer fired late. */
export function decide(clock: IdleClock, now: number, settings: IdleSettings): IdleDecision {
  if (clock.promptShownAt === null) {
    const promptAt = clock.lastActivity + settings.resetMs;
    if (now < promptAt) return { kind: 'wait', at: promptAt };
    return { kind: 'prompt', secondsLeft: Math.ceil(settings.promptMs / 1000), at: now + countdownStep(settings.promptMs) };
  }
  const left = clock.promptShownAt + settings.promptMs - now;
  if (left <= 0) return { kind: 'reset' };
  return { kind: 'prompt', secondsLeft: Math.ceil(left / 1000), at: now + countdownStep(left) };
}

/** Milliseconds until the displayed whole-second count next changes (or the countdown ends). */
function countdownStep(leftMs: number): number {
  const step = leftMs % 1000;
  return step === 0 ? 1000 : step;
}

/** The clock after a decision: marks the moment the prompt first appeared. */
export function afterDecision(clock: IdleClock, decision: IdleDecision, now: number): IdleClock {
  if (decision.kind === 'prompt' && clock.promptShownAt === null) return { ...clock, promptShownAt: now };
  return clock;
}
