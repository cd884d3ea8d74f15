// The operator console's page (its own window in Electron, its own origin in
// browser mode: issue 14, item 3): gate → first-start PIN set-up, "access
// lost", or the PIN pad → console. Leaving (Done, Cancel, the pad's idle
// timeout, walking away from the console) ends operator mode and returns to
// the donor screen (operator-api.ts leaveConsole).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KioskError, KioskMode, OperatorGate, Result } from '../../../src-main/contract/kiosk-api.ts';
import { checkNewPin, MIN_EXISTING_PIN_LENGTH, type PinRefusal } from '../../../src-shared/pin-rule.ts';
import { ScreenFrame, ScreenHeading, Spinner } from '../components/ScreenFrame.tsx';
import { t, type MessageKey } from '../i18n/t.ts';
import { Console } from './Console.tsx';
import { formatMinutesSeconds, leaveConsole, operatorCall } from './operator-api.ts';
import { OperatorUnavailable } from './OperatorUnavailable.tsx';
import { PinPad } from './PinPad.tsx';

/** The PIN pad and the setup screen go back to welcome after this long without a touch, so donors never find them. */
export const PAD_IDLE_MS = 60_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input'] as const;

type Stage =
  | { name: 'loading' }
  | { name: 'unavailable'; message: string }
  | { name: 'setup' }
  | { name: 'lost' }
  | { name: 'pin'; notice: string | null }
  | { name: 'console' };

/** Why the PIN rule refused a new PIN, in the operator's words. */
export function refusalText(reason: PinRefusal): string {
  return t(`operator.setup.refused.${reason}` as MessageKey);
}

export function Operator() {
  const [stage, setStage] = useState<Stage>({ name: 'loading' });
  const [gate, setGate] = useState<OperatorGate | null>(null);
  const mode: KioskMode | undefined = gate?.mode;

  /** Reads the gate; returns it, or null (and shows why) when main could not answer. */
  const readGate = useCallback(async (): Promise<OperatorGate | null> => {
    const result = await operatorCall((api) => api.getOperatorGate());
    if (!result.ok) {
      setStage({ name: 'unavailable', message: result.error.message });
      return null;
    }
    setGate(result.value);
    return result.value;
  }, []);

  const stageFor = (g: OperatorGate): Stage =>
    g.status === 'needs_setup' ? { name: 'setup' } : g.status === 'access_lost' ? { name: 'lost' } : { name: 'pin', notice: null };

  useEffect(() => {
    let live = true;
    void readGate().then((g) => {
      if (live && g) setStage(stageFor(g));
    });
    return () => {
      live = false;
    };
  }, [readGate]);

  const close = useCallback(() => void leaveConsole(), []);

  // Left open on the pad (not the console, which watches for itself): back to the donor screen.
  const onPad = stage.name !== 'console';
  useEffect(() => {
    if (!onPad) return;
    let timer = setTimeout(close, PAD_IDLE_MS);
    const activity = (): void => {
      clearTimeout(timer);
      timer = setTimeout(close, PAD_IDLE_MS);
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, activity, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, activity, { capture: true });
    };
  }, [onPad, close]);

  /** Operator mode ended while the operator is here (main answered operator_required): ask for the PIN again. */
  const sessionEnded = useCallback(() => {
    setStage({ name: 'pin', notice: t('operator.sessionEnded') });
    void readGate();
  }, [readGate]);

  const unlocked = (g: OperatorGate): void => {
    setGate(g);
    setStage({ name: 'console' });
  };

  switch (stage.name) {
    case 'loading':
      return (
        <ScreenFrame name="operator-loading" mode={mode}>
          <div className="panel operator-panel" role="status">
            <Spinner />
            <p>{t('operator.loading')}</p>
          </div>
        </ScreenFrame>
      );
    case 'unavailable':
      return <OperatorUnavailable mode={mode} message={stage.message} onClose={close} />;
    case 'setup':
      return <PinSetup mode={mode} onCancel={close} onDone={unlocked} onRefusedByMain={(g) => setStage(stageFor(g))} readGate={readGate} />;
    case 'lost':
      return <AccessLost mode={mode} onClose={close} />;
    case 'pin':
      return gate ? <PinEntry mode={mode} gate={gate} notice={stage.notice} readGate={readGate} onCancel={close} onUnlocked={unlocked} /> : null;
    case 'console':
      return gate ? <Console gate={gate} onDone={close} onSessionEnded={sessionEnded} /> : null;
  }
}

// ---- first start: choose a PIN ----------------------------------------------

interface PinSetupProps {
  mode: KioskMode | undefined;
  onCancel: () => void;
  onDone: (gate: OperatorGate) => void;
  /** Main refused set-up (a PIN exists now, or access is lost): show what the gate says. */
  onRefusedByMain: (gate: OperatorGate) => void;
  readGate: () => Promise<OperatorGate | null>;
}

function PinSetup({ mode, onCancel, onDone, onRefusedByMain, readGate }: PinSetupProps) {
  const [first, setFirst] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    if (busy) return;
    if (first === null) {
      // The PIN rule, as soon as the PIN is typed: a weak one is never asked for twice.
      const check = checkNewPin(pin);
      setPin('');
      if (!check.ok) {
        setError(refusalText(check.reason));
        return;
      }
      setFirst(pin);
      setError(null);
      return;
    }
    if (pin !== first) {
      setFirst(null);
      setPin('');
      setError(t('operator.setup.mismatch'));
      return;
    }
    setBusy(true);
    setError(null);
    const result = await operatorCall((api) => api.setUpOperatorPin({ pin }));
    setBusy(false);
    if (result.ok) {
      onDone(result.value);
      return;
    }
    if (result.error.code === 'pin_already_set' || result.error.code === 'operator_access_lost') {
      const g = await readGate();
      if (g) onRefusedByMain(g);
      return;
    }
    // weak_pin (main's own check of the same rule) and anything else: main's plain words; choose again.
    setFirst(null);
    setPin('');
    setError(result.error.message);
  };

  return (
    <ScreenFrame name="operator-setup" mode={mode} className="screen-operator">
      <div className="panel operator-panel operator-pin-panel">
        <ScreenHeading>{t('operator.setup.heading')}</ScreenHeading>
        <p id="pin-prompt" className="operator-prompt">
          {first === null ? t('operator.setup.body') : t('operator.setup.confirm')}
        </p>
        <p id="pin-error" className="operator-error" role="alert" data-testid="operator-message">
          {error}
        </p>
        <PinPad value={pin} onChange={setPin} onSubmit={() => void submit()} disabled={busy} describedBy="pin-prompt pin-error" />
        <div className="actions actions-single">
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            {t('operator.cancel')}
          </button>
        </div>
      </div>
    </ScreenFrame>
  );
}

// ---- operator access lost ---------------------------------------------------

/** No PIN record on a kiosk with donations: nothing can be done from this screen, by design; how to reset it from the machine. */
function AccessLost({ mode, onClose }: { mode: KioskMode | undefined; onClose: () => void }) {
  return (
    <ScreenFrame name="operator-access-lost" mode={mode} className="screen-operator">
      <div className="panel operator-panel operator-pin-panel">
        <ScreenHeading>{t('operator.lost.heading')}</ScreenHeading>
        <p className="operator-prompt">{t('operator.lost.body')}</p>
        <p className="operator-prompt">{t('operator.lost.how')}</p>
        <ul className="operator-commands">
          <li>
            <code className="mono">npm run reset-operator-pin -- &lt;{t('operator.lost.dataFolder')}&gt;</code>
          </li>
          <li>
            <code className="mono">&quot;Donation Kiosk&quot; --reset-operator-pin</code>
          </li>
        </ul>
        <p className="operator-prompt">{t('operator.lost.after')}</p>
        <div className="actions actions-single">
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            {t('operator.lost.back')}
          </button>
        </div>
      </div>
    </ScreenFrame>
  );
}

// ---- the PIN pad --------------------------------------------------------------

interface PinEntryProps {
  mode: KioskMode | undefined;
  gate: OperatorGate;
  notice: string | null;
  readGate: () => Promise<OperatorGate | null>;
  onCancel: () => void;
  onUnlocked: (gate: OperatorGate) => void;
}

function wrongPinMessage(gate: OperatorGate): string {
  const n = gate.attemptsBeforeLock;
  if (n <= 0) return t('operator.pin.wrong.none');
  return t(n === 1 ? 'operator.pin.wrong.one' : 'operator.pin.wrong.other', { n });
}

/** A live countdown while the pad is locked; the gate is read again when it ends. */
export function useLockCountdown(gate: OperatorGate | null, readGate: () => Promise<unknown>, onEnd: () => void): { locked: boolean; leftMs: number } {
  const [leftMs, setLeftMs] = useState(0);
  const locked = gate !== null && gate.status === 'locked' && gate.retryAfterMs > 0;
  const latest = useRef({ readGate, onEnd });
  useEffect(() => {
    latest.current = { readGate, onEnd };
  });
  useEffect(() => {
    if (!locked || gate === null) {
      setLeftMs(0);
      return;
    }
    const until = Date.now() + gate.retryAfterMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = (): void => {
      const left = until - Date.now();
      setLeftMs(Math.max(0, left));
      if (left <= 0) {
        void latest.current.readGate().then(() => latest.current.onEnd());
        return;
      }
      timer = setTimeout(tick, Math.min(250, left));
    };
    tick();
    return () => clearTimeout(timer);
  }, [locked, gate]);
  return { locked, leftMs: leftMs || (gate?.retryAfterMs ?? 0) };
}

function PinEntry({ mode, gate, notice, readGate, onCancel, onUnlocked }: PinEntryProps) {
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(notice);
  const [busy, setBusy] = useState(false);
  const { locked, leftMs } = useLockCountdown(gate, readGate, () => setMessage(null));

  const submit = async (): Promise<void> => {
    if (busy || locked || pin.length < MIN_EXISTING_PIN_LENGTH) return;
    setBusy(true);
    setMessage(null);
    const result: Result<OperatorGate> = await operatorCall((api) => api.unlockOperator({ pin }));
    setBusy(false);
    setPin('');
    if (result.ok) {
      onUnlocked(result.value);
      return;
    }
    const error: KioskError = result.error;
    const next = await readGate();
    if (error.code === 'wrong_pin') setMessage(next && next.status !== 'locked' ? wrongPinMessage(next) : null);
    else if (error.code === 'pin_locked') setMessage(null);
    else setMessage(error.message);
  };

  return (
    <ScreenFrame name="operator-pin" mode={mode} className="screen-operator">
      <div className="panel operator-panel operator-pin-panel">
        <ScreenHeading>{t('operator.pin.heading')}</ScreenHeading>
        <p id="pin-prompt" className="operator-prompt">
          {t('operator.pin.body')}
        </p>
        <div id="pin-error" role="alert" data-testid="operator-message">
          {locked ? <LockedNotice leftMs={leftMs} /> : <p className="operator-error">{message}</p>}
        </div>
        <PinPad value={pin} onChange={setPin} onSubmit={() => void submit()} disabled={busy || locked} describedBy="pin-prompt pin-error" />
        <div className="actions actions-single">
          <button type="button" className="btn btn-secondary" onClick={onCancel}>
            {t('operator.cancel')}
          </button>
        </div>
      </div>
    </ScreenFrame>
  );
}

export function LockedNotice({ leftMs }: { leftMs: number }) {
  return (
    <div className="operator-locked">
      <p className="operator-locked-time">{t('operator.pin.locked', { time: formatMinutesSeconds(leftMs) })}</p>
      <p>{t('operator.pin.lockedNote')}</p>
    </div>
  );
}
