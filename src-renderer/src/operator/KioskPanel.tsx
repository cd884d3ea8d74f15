// The "Kiosk" tab: reconcile now, exit and restart (each confirmed first), and
// the app's updates (UpdatePanel.tsx).
import { useState } from 'react';
import type { EditableSettings, KioskError } from '../../../src-main/contract/kiosk-api.ts';
import { t, type MessageKey } from '../i18n/t.ts';
import type { OperatorCaller } from './operator-api.ts';
import { UpdatePanel } from './UpdatePanel.tsx';

/** Main's refusal, in the operator's words where the kiosk knows them. */
function refusal(error: KioskError, notSupported: MessageKey): string {
  return error.code === 'not_supported' ? t(notSupported) : error.message;
}

interface ConfirmedActionProps {
  id: 'exit' | 'restart';
  heading: MessageKey;
  body: MessageKey;
  confirm: MessageKey;
  yes: MessageKey;
  notSupported: MessageKey;
  danger?: boolean;
  run: () => Promise<KioskError | null>;
}

function ConfirmedAction({ id, heading, body, confirm, yes, notSupported, danger, run }: ConfirmedActionProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const go = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const failed = await run();
    setBusy(false);
    setAsking(false);
    if (failed) setError(refusal(failed, notSupported));
  };
  return (
    <div className="op-action">
      <h2>{t(heading)}</h2>
      <p className="op-note">{t(body)}</p>
      {asking ? (
        <div className="op-confirm">
          <p>{t(confirm)}</p>
          <div className="actions">
            <button type="button" className="btn btn-secondary" onClick={() => setAsking(false)}>
              {t('operator.cancel')}
            </button>
            <button type="button" className={`btn btn-primary${danger ? ' btn-danger' : ''}`} disabled={busy} onClick={() => void go()}>
              {t(yes)}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            setError(null);
            setAsking(true);
          }}
        >
          {t(heading)}
        </button>
      )}
      <div role="status" aria-live="polite" data-testid={`${id}-result`}>
        {error && <p className="operator-error">{error}</p>}
      </div>
    </div>
  );
}

export function KioskPanel({ call, settings, onSaved }: { call: OperatorCaller; settings: EditableSettings; onSaved: (settings: EditableSettings) => void }) {
  const [reconciled, setReconciled] = useState<string | null>(null);
  const [reconcileError, setReconcileError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reconcile = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setReconciled(null);
    const r = await call((api) => api.reconcileNow());
    setBusy(false);
    if (!r) return;
    if (r.ok) {
      setReconciled(t('operator.kiosk.reconciled', r.value));
      setReconcileError(null);
    } else setReconcileError(r.error.message);
  };

  const failure = async (fn: Parameters<OperatorCaller>[0]): Promise<KioskError | null> => {
    const r = await call(fn);
    return r && !r.ok ? r.error : null;
  };

  return (
    <>
      <div className="op-actions">
        <div className="op-action">
          <h2>{t('operator.kiosk.reconcile')}</h2>
          <p className="op-note">{t('operator.kiosk.reconcileBody')}</p>
          <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void reconcile()}>
            {busy ? t('operator.working') : t('operator.kiosk.reconcile')}
          </button>
          <div role="status" aria-live="polite" data-testid="reconcile-result">
            {reconciled && <p className="operator-ok">{reconciled}</p>}
            {reconcileError && <p className="operator-error">{reconcileError}</p>}
          </div>
        </div>
        <ConfirmedAction
          id="exit"
          heading="operator.kiosk.exit"
          body="operator.kiosk.exitBody"
          confirm="operator.kiosk.exitConfirm"
          yes="operator.kiosk.exitYes"
          notSupported="operator.kiosk.exitNotSupported"
          danger
          run={() => failure((api) => api.exitKiosk())}
        />
        <ConfirmedAction
          id="restart"
          heading="operator.kiosk.restart"
          body="operator.kiosk.restartBody"
          confirm="operator.kiosk.restartConfirm"
          yes="operator.kiosk.restartYes"
          notSupported="operator.kiosk.restartNotSupported"
          run={() => failure((api) => api.restartKiosk())}
        />
      </div>
      <UpdatePanel call={call} settings={settings} onSaved={onSaved} />
    </>
  );
}
