import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KioskState } from '../../../src-main/contract/kiosk-api.ts';
import { afterDecision, decide, idleSettings, onActivity, startClock, stillHere, type IdleClock } from '../flow/idle.ts';
import { t, tCount, type MessageKey } from '../i18n/t.ts';

/** What counts as a donor being there (capture phase, so nothing on the page can swallow it). */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'input'] as const;

interface IdleGuardProps {
  kiosk: KioskState;
  /** The flow's "Back to start": cancels an open donation, clears the entries, returns to welcome. */
  onStartOver: () => void;
}

/**
 * Watches for a donor who walked away (rendered only on screens where
 * ../flow/idle.ts idleWatches() says so) and, after kiosk.idleResetSeconds
 * without input, asks "Are you still there?" with a countdown.
 */
export function IdleGuard({ kiosk, onStartOver }: IdleGuardProps) {
  const settings = useMemo(() => idleSettings(kiosk), [kiosk]);
  const clock = useRef<IdleClock>({ lastActivity: 0, promptShownAt: null });
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const startOver = useRef(onStartOver);
  useEffect(() => {
    startOver.current = onStartOver;
  }, [onStartOver]);

  useEffect(() => {
    clock.current = startClock(Date.now());
    let timer: ReturnType<typeof setTimeout> | undefined;
    let done = false;
    const check = (): void => {
      if (done) return;
      const now = Date.now();
      const decision = decide(clock.current, now, settings);
      clock.current = afterDecision(clock.current, decision, now);
      if (decision.kind === 'reset') {
        done = true;
        startOver.current();
        return;
      }
      setSecondsLeft(decision.kind === 'prompt' ? decision.secondsLeft : null);
      timer = setTimeout(check, Math.max(0, decision.at - now));
    };
    // Input only moves the deadline; the pending timer finds the new one when it fires.
    const activity = (): void => {
      clock.current = onActivity(clock.current, Date.now());
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, activity, { capture: true, passive: true });
    check();
    return () => {
      done = true;
      clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, activity, { capture: true });
    };
  }, [settings]);

  if (secondsLeft === null) return null;
  return (
    <StillTherePrompt
      secondsLeft={secondsLeft}
      onStay={() => {
        clock.current = stillHere(Date.now());
        setSecondsLeft(null);
      }}
      onStartOver={() => startOver.current()}
    />
  );
}

interface StillTherePromptProps {
  secondsLeft: number;
  onStay: () => void;
  onStartOver: () => void;
  /** The line under the countdown: what happens when it ends. */
  note?: MessageKey;
}

/** A modal alert dialog (above everything, the payment window included): the page behind is inert, focus starts on "I'm still here", Escape means "I'm still here". */
export function StillTherePrompt({ secondsLeft, onStay, onStartOver, note = 'idle.note' }: StillTherePromptProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const stay = useRef<HTMLButtonElement>(null);

  // Layout effect: close() must run before React removes the element, so focus returns to where the donor was.
  useLayoutEffect(() => {
    const el = dialog.current;
    const before = document.activeElement;
    if (el && !el.open) el.showModal();
    stay.current?.focus();
    return () => {
      if (el?.open) el.close();
      if (before instanceof HTMLElement && before.isConnected && document.activeElement !== before) before.focus({ preventScroll: true });
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="idle-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="idle-heading"
      aria-describedby="idle-countdown idle-note"
      data-testid="idle-prompt"
      onCancel={(e) => {
        e.preventDefault();
        onStay();
      }}
    >
      <p className="idle-seconds" aria-hidden="true">
        {secondsLeft}
      </p>
      <h2 id="idle-heading" className="idle-heading">
        {t('idle.heading')}
      </h2>
      <p id="idle-countdown" className="idle-countdown">
        {tCount('countdown', secondsLeft)}
      </p>
      <p id="idle-note" className="idle-note">
        {t(note)}
      </p>
      <div className="actions">
        <button type="button" className="btn btn-secondary" onClick={onStartOver}>
          {t('idle.startOver')}
        </button>
        <button ref={stay} type="button" className="btn btn-primary" onClick={onStay}>
          {t('idle.stay')}
        </button>
      </div>
    </dialog>
  );
}
