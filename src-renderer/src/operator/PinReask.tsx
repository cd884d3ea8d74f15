// The PIN asked again before a protected step (issue 14, item 1): changing the
// payment keys or the update settings, exporting donor data, exiting the
// kiosk. Shown over the console by its `call` (operator-api.ts) when main
// answers pin_required; a right PIN lets the step through once, and the same
// lockout as the PIN pad counts wrong ones.
import { useState } from 'react';
import type { OperatorGate } from '../../../src-main/contract/kiosk-api.ts';
import { MIN_EXISTING_PIN_LENGTH } from '../../../src-shared/pin-rule.ts';
import { t } from '../i18n/t.ts';
import { operatorCall } from './operator-api.ts';
import { LockedNotice, useLockCountdown } from './Operator.tsx';
import { PinPad } from './PinPad.tsx';

export type ReaskOutcome = 'confirmed' | 'cancelled' | 'session_ended';

export function PinReask({ onDone }: { onDone: (outcome: ReaskOutcome) => void }) {
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [gate, setGate] = useState<OperatorGate | null>(null);
  const readGate = async (): Promise<OperatorGate | null> => {
    const result = await operatorCall((api) => api.getOperatorGate());
    const next = result.ok ? result.value : null;
    setGate(next);
    return next;
  };
  const { locked, leftMs } = useLockCountdown(gate, readGate, () => setMessage(null));

  const submit = async (): Promise<void> => {
    if (busy || locked || pin.length < MIN_EXISTING_PIN_LENGTH) return;
    setBusy(true);
    setMessage(null);
    const result = await operatorCall((api) => api.confirmOperatorPin({ pin }));
    setBusy(false);
    setPin('');
    if (result.ok) return onDone('confirmed');
    if (result.error.code === 'operator_required') return onDone('session_ended');
    const next = await readGate();
    if (result.error.code === 'wrong_pin') {
      const n = next?.attemptsBeforeLock ?? 0;
      setMessage(next?.status === 'locked' ? null : n <= 0 ? t('operator.pin.wrong.none') : t(n === 1 ? 'operator.pin.wrong.one' : 'operator.pin.wrong.other', { n }));
    } else if (result.error.code !== 'pin_locked') setMessage(result.error.message);
  };

  return (
    <div className="op-reask-backdrop">
      <div className="panel operator-panel operator-pin-panel op-reask" role="dialog" aria-modal="true" aria-labelledby="reask-heading" aria-describedby="reask-body reask-error" data-testid="pin-reask">
        <h2 id="reask-heading">{t('operator.reask.heading')}</h2>
        <p id="reask-body" className="operator-prompt">
          {t('operator.reask.body')}
        </p>
        <div id="reask-error" role="alert" data-testid="reask-message">
          {locked ? <LockedNotice leftMs={leftMs} /> : <p className="operator-error">{message}</p>}
        </div>
        <PinPad value={pin} onChange={setPin} onSubmit={() => void submit()} disabled={busy || locked} describedBy="reask-body reask-error" />
        <div className="actions actions-single">
          <button type="button" className="btn btn-secondary" onClick={() => onDone('cancelled')}>
            {t('operator.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
