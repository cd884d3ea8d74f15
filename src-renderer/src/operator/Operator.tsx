// The operator flow: gate → first-start PIN setup or the PIN pad → console.
// Kept apart from the donor's state machine: while it shows, the donor flow
// stays on welcome and its idle reset does not run (App renders this instead).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KioskError, KioskMode, OperatorGate, Result } from '../../../src-main/contract/kiosk-api.ts';
import { ScreenFrame, ScreenHeading, Spinner } from '../components/ScreenFrame.tsx';
import { t } from '../i18n/t.ts';
import { Console } from './Console.tsx';
import { formatMinutesSeconds, operatorCall } from './operator-api.ts';
import { OperatorUnavailable } from './OperatorUnavailable.tsx';
import { PinPad } from './PinPad.tsx';

/** The PIN pad and the setup screen go back to welcome after this long without a touch, so donors never find them. */
export const PAD_IDLE_MS = 60_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input'] as const;

type Stage =
  | { name: 'loading' }
  | { name: 'unavailable'; message: string }
  | { name: 'setup' }
  | { name: 'pin'; notice: string | null }
  | { name: 'console' };

interface OperatorProps {
  mode: KioskMode | undefined;
  /** Back to the donor's welcome screen (re-reading the kiosk's settings). */
  onClose: () => void;
}

export function Operator({ mode, onClose }: OperatorProps) {
  const [stage, setStage] = useState<Stage>({ name: 'loading' });
  const [gate, setGate] = useState<OperatorGate | null>(null);

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

  useEffect(() => {
    let live = true;
    void readGate().then((g) => {
      if (!live || !g) return;
      setStage(g.status === 'needs_setup' ? { name: 'setup' } : { name: 'pin', notice: null });
    });
    return () => {
      live = false;
    };
  }, [readGate]);

  // Left open on the pad (not the console, whose session main ends by itself): back to welcome.
  const onPad = stage.name !== 'console';
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);
  useEffect(() => {
    if (!onPad) return;
    let timer = setTimeout(() => closeRef.current(), PAD_IDLE_MS);
    const activity = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => closeRef.current(), PAD_IDLE_MS);
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, activity, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, activity, { capture: true });
    };
  }, [onPad]);

  /** Any operator call answered operator_required: the session ended (idle), ask for the PIN again. */
  const sessionEnded = useCallback(() => {
    setStage({ name: 'pin', notice: t('operator.sessionEnded') });
    void readGate();
  }, [readGate]);

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
      return <OperatorUnavailable mode={mode} message={stage.message} onClose={onClose} />;
    case 'setup':
      return <PinSetup mode={mode} onCancel={onClose} onDone={() => setStage({ name: 'console' })} onAlreadySet={() => setStage({ name: 'pin', notice: null })} />;
    case 'pin':
      return gate ? (
        <PinEntry mode={mode} gate={gate} notice={stage.notice} readGate={readGate} onCancel={onClose} onUnlocked={() => setStage({ name: 'console' })} />
      ) : null;
    case 'console':
      return <Console mode={mode} onDone={onClose} onSessionEnded={sessionEnded} />;
  }
}

// ---- first start: choose a PIN ----------------------------------------------

interface PinSetupProps {
  mode: KioskMode | undefined;
  onCancel: () => void;
  onDone: () => void;
  onAlreadySet: () => void;
}

function PinSetup({ mode, onCancel, onDone, onAlreadySet }: PinSetupProps) {
  const [first, setFirst] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (): Promise<void> => {
    if (busy) return;
    if (pin.length < 4) {
      setError(t('operator.setup.tooShort'));
      return;
    }
    if (first === null) {
      setFirst(pin);
      setPin('');
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
      onDone();
      return;
    }
    if (result.error.code === 'pin_already_set') {
      onAlreadySet();
      return;
    }
    // weak_pin and anything else: main's plain words; choose again.
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

// ---- the PIN pad --------------------------------------------------------------

interface PinEntryProps {
  mode: KioskMode | undefined;
  gate: OperatorGate;
  notice: string | null;
  readGate: () => Promise<OperatorGate | null>;
  onCancel: () => void;
  onUnlocked: () => void;
}

function wrongPinMessage(gate: OperatorGate): string {
  const n = gate.attemptsBeforeLock;
  if (n <= 0) return t('operator.pin.wrong.none');
  return t(n === 1 ? 'operator.pin.wrong.one' : 'operator.pin.wrong.other', { n });
}

function PinEntry({ mode, gate, notice, readGate, onCancel, onUnlocked }: PinEntryProps) {
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(notice);
  const [busy, setBusy] = useState(false);
  const [lockLeftMs, setLockLeftMs] = useState(0);
  const locked = gate.status === 'locked' && gate.retryAfterMs > 0;

  // A live countdown while locked; the gate is read again when it reaches zero.
  const readGateRef = useRef(readGate);
  useEffect(() => {
    readGateRef.current = readGate;
  }, [readGate]);
  useEffect(() => {
    if (!locked) {
      setLockLeftMs(0);
      return;
    }
    const until = Date.now() + gate.retryAfterMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = (): void => {
      const left = until - Date.now();
      setLockLeftMs(Math.max(0, left));
      if (left <= 0) {
        void readGateRef.current().then(() => setMessage(null));
        return;
      }
      timer = setTimeout(tick, Math.min(250, left));
    };
    tick();
    return () => clearTimeout(timer);
  }, [locked, gate]);

  const submit = async (): Promise<void> => {
    if (busy || locked || pin.length < 4) return;
    setBusy(true);
    setMessage(null);
    const result: Result<OperatorGate> = await operatorCall((api) => api.unlockOperator({ pin }));
    setBusy(false);
    setPin('');
    if (result.ok) {
      onUnlocked();
      return;
    }
    const error: KioskError = result.error;
    const next = await readGate();
    if (error.code === 'wrong_pin') setMessage(next && next.status !== 'locked' ? wrongPinMessage(next) : null);
    else if (error.code === 'pin_locked') setMessage(null);
    else if (error.code === 'weak_pin' || error.code === 'invalid_request') setMessage(error.message);
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
          {locked ? (
            <div className="operator-locked">
              <p className="operator-locked-time">{t('operator.pin.locked', { time: formatMinutesSeconds(lockLeftMs || gate.retryAfterMs) })}</p>
              <p>{t('operator.pin.lockedNote')}</p>
            </div>
          ) : (
            <p className="operator-error">{message}</p>
          )}
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
