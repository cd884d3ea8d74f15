// The "Payment keys" tab: the Razorpay key id and secret, typed once on the
// kiosk's keys; the secret never stays on screen, whatever main answered.
import { useState, type FormEvent } from 'react';
import type { KeyCheckResult, KioskError, Result } from '../../../src-main/contract/kiosk-api.ts';
import { t } from '../i18n/t.ts';
import { fieldErrorsOf, problemText, type FieldErrors } from './field-problems.ts';
import type { OperatorCaller } from './operator-api.ts';
import { TextField } from './touch/fields.tsx';
import { useHideKeys } from './touch/typing.tsx';

/** Main's refusals that have no field, in the operator's words. */
function refusalText(error: KioskError): string {
  return error.code === 'not_supported' ? t('operator.keys.notSupported') : error.message;
}

export function KeysPanel({ call }: { call: OperatorCaller }) {
  const [keyId, setKeyId] = useState('');
  const [keySecret, setKeySecret] = useState('');
  const [check, setCheck] = useState<KeyCheckResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const hideKeys = useHideKeys();

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

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    const missing: Record<string, string> = {};
    if (keyId.trim() === '') missing['keyId'] = problemText({ path: 'keyId', problem: 'required' });
    if (keySecret === '') missing['keySecret'] = problemText({ path: 'keySecret', problem: 'required' });
    if (Object.keys(missing).length > 0) {
      setCheck(null);
      setError(null);
      setFieldErrors(missing);
      return;
    }
    setBusy(true);
    const r = await call((api) => api.setPaymentKeys({ keyId: keyId.trim(), keySecret }));
    setBusy(false);
    // The secret never stays on screen, whatever main answered.
    setKeySecret('');
    hideKeys();
    if (r?.ok) setKeyId('');
    show(r);
  };

  const checkKeys = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const r = await call((api) => api.checkPaymentKeys());
    setBusy(false);
    show(r);
  };

  return (
    <form className="op-form" onSubmit={(e) => void save(e)} noValidate autoComplete="off" aria-labelledby="keys-heading">
      <h2 id="keys-heading">{t('operator.tab.keys')}</h2>
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
