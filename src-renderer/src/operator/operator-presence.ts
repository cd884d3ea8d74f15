// Operator mode lasts only while a person is at the console (issue 14, item 1):
// - each touch or key press tells main (noteOperatorActivity, at most every
//   ACTIVITY_REPORT_MS): the only thing main counts as activity. Panels that
//   poll (the update status) do not keep operator mode open;
// - after the gate's idle time without a touch or key press, the console
//   leaves by itself (operator mode ends, the donor screen comes back), on
//   this page's own clock. Main ends operator mode by the same rule on its
//   own clock, and at most a quarter of an hour after the PIN.
import { useEffect, useRef } from 'react';
import { operatorCall } from './operator-api.ts';

export const ACTIVITY_REPORT_MS = 20_000;
const PERSON_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel'] as const;

export function useOperatorPresence(idleTimeoutMs: number, onWalkedAway: () => void): void {
  const walkedAway = useRef(onWalkedAway);
  useEffect(() => {
    walkedAway.current = onWalkedAway;
  }, [onWalkedAway]);

  useEffect(() => {
    let lastReport = Number.NEGATIVE_INFINITY;
    let idle = setTimeout(() => walkedAway.current(), idleTimeoutMs);
    const person = (): void => {
      clearTimeout(idle);
      idle = setTimeout(() => walkedAway.current(), idleTimeoutMs);
      const now = Date.now();
      if (now - lastReport < ACTIVITY_REPORT_MS) return;
      lastReport = now;
      void operatorCall((api) => api.noteOperatorActivity());
    };
    for (const type of PERSON_EVENTS) window.addEventListener(type, person, { capture: true, passive: true });
    return () => {
      clearTimeout(idle);
      for (const type of PERSON_EVENTS) window.removeEventListener(type, person, { capture: true });
    };
  }, [idleTimeoutMs]);
}
