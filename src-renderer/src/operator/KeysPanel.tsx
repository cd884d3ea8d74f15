// The "Payment keys" tab: the keys in use (id, mode, where from), and new ones
// typed on the kiosk's keys, checked with Razorpay or saved; the secret never
// stays on screen, whatever main answered.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { KeyCheckResult, KioskError, PaymentKeysStatus, Result } from '../../../src-main/contract/kiosk-api.ts';
import { t, type MessageKey } from '../i18n/t.ts';
import { fieldErrorsOf, problemText, type FieldErrors } from './field-problems.ts';
import type { OperatorCaller } from './operator-api.ts';
import { TextField } from './touch/fields.tsx';
import { useHideKeys } from './touch/typing.tsx';

/** Main's refusals that have no field, in the operator's words. */
function refusalText(error: KioskError): string {
  return error.code === 'not_supported' ? t('operator.keys.notSupported') : error.message;
}

const KEY_SOURCE: Record<PaymentKeysStatus['source'], MessageKey> = {
  console: 'operator.keys.source.console',
  environment: 'operator.keys.source.environment',
  none: 'operator.keys.source.none',
};

export function KeysPanel({ call }: { call: OperatorCaller }) {
  const [status, setStatus] = useState<PaymentKeysStatus | null>(null);
  const [keyId, setKeyId] = useState('');
  const [keySecret, setKeySecret] = useState('');
  const [check, setCheck] = useState<KeyCheckResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const hideKeys = useHideKeys();

  const loadStatus = useCallback(async (): Promise<void> => {
    const r = await call((api) => api.getPaymentKeysStatus());
    if (r?.ok) setStatus(r.value);
  }, [call]);
  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);

  const show = (r: Result<KeyCheckResult> | null): void => {
    if (!r) return;
    if (r.ok) {
      setCheck(r.value);
      setError(null);
      setFieldErrors({});
    } else {
      setCheck(null);
      const found = fieldErrorsOf(r.error);
      setFieldErrors(found);
      setError(Object.keys(found).length > 0 ? null : refusalText(r.error));
    }
  };

  /** Both fields, or what is missing under each; the same for checking and saving. */
  const typed = (): { keyId: string; keySecret: string } | null => {
    const missing: Record<string, string> = {};
    if (keyId.trim() === '') missing['keyId'] = problemText({ path: 'keyId', problem: 'required' });
    if (keySecret === '') missing['keySecret'] = problemText({ path: 'keySecret', problem: 'required' });
    if (Object.keys(missing).length === 0) return { keyId: keyId.trim(), keySecret };
    setCheck(null);
    setError(null);
    setFieldErrors(missing);
    return null;
  };

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const keys = typed();
    if (busy || keys === null) return;
    setBusy(true);
    const r = await call((api) => api.setPaymentKeys(keys));
    setBusy(false);
    // The secret never stays on screen, whatever main answered.
    setKeySecret('');
    hideKeys();
    if (r?.ok) setKeyId('');
    show(r);
    void loadStatus();
  };

  // "Check keys" checks the keys typed here, not the ones in use.
  const checkKeys = async (): Promise<void> => {
    const keys = typed();
    if (busy || keys === null) return;
    setBusy(true);
    const r = await call((api) => api.checkPaymentKeys(keys));
    setBusy(false);
    show(r);
  };

  return (
    <form className="op-form" onSubmit={(e) => void save(e)} noValidate autoComplete="off" aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('operator.tab.keys')}</h2>
      <section className="op-keys-active" aria-labelledby="keys-active-heading" data-testid="keys-active">
        <h3 id="keys-active-heading">{t('operator.keys.activeHeading')}</h3>
        {status && (
          <dl className="op-updates-facts">
            <dt>{t('operator.keys.keyLabel')}</dt>
            <dd className="mono" data-testid="keys-active-id">
              {status.keyId ?? t('operator.keys.noKey')}
            </dd>
            <dt>{t('operator.keys.modeLabel')}</dt>
            <dd data-testid="keys-active-mode">{t(`operator.keys.mode.${status.mode}` as MessageKey)}</dd>
            <dt>{t('operator.keys.sourceLabel')}</dt>
            <dd data-testid="keys-active-source">{t(KEY_SOURCE[status.source])}</dd>
          </dl>
        )}
        {status?.savedForRestart && (
          <p className="op-note" data-testid="keys-saved-for-restart">
            {t('operator.keys.savedForRestart', { keyId: status.savedForRestart.keyId, mode: t(`operator.keys.mode.${status.savedForRestart.mode}` as MessageKey) })}
          </p>
        )}
      </section>
      <p className="op-note">{t('operator.keys.body')}</p>
      <div className="op-grid">
        <TextField id="key-id" label={t('operator.keys.keyId')} value={keyId} maxLength={40} onChange={setKeyId} hint={t('operator.keys.keyIdHint')} error={fieldErrors['keyId']} />
        <TextField id="key-secret" label={t('operator.keys.keySecret')} value={keySecret} maxLength={64} onChange={setKeySecret} password error={fieldErrors['keySecret']} />
      </div>
      <div role="status" aria-live="polite" data-testid="keys-message">
        {error && <p className="operator-error">{error}</p>}
        {check && (
          <p className={check.ok ? 'operator-ok' : 'operator-error'}>
            <strong>{t(check.ok ? 'operator.keys.ok' : 'operator.keys.notOk')}</strong> ({check.mode}): {check.message}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void checkKeys()}>
          {t('operator.keys.check')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('operator.keys.save')}
        </button>
      </div>
    </form>
  );
}
