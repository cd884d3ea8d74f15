// Form 10BD export for a date range: the CSV for the income-tax portal, and
// the donations left out for missing data, listed so the operator can fix them.
import { useState, type FormEvent } from 'react';
import type { Form10bdResult } from '../../../src-main/contract/kiosk-api.ts';
import { formatRupees, t } from '../i18n/t.ts';
import { localDay } from './operator-api.ts';
import type { OperatorCaller } from './receipt-caller.ts';

export function Form10bdPanel({ call }: { call: OperatorCaller }) {
  const today = localDay();
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [result, setResult] = useState<Form10bdResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setResult(null);
    const r = await call((api) => api.exportForm10bd({ from, to }));
    setBusy(false);
    if (!r) return;
    if (r.ok) {
      setResult(r.value);
      setError(null);
    } else setError(r.error.message);
  };

  return (
    <form className="op-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="form10bd-heading">
      <h2 id="form10bd-heading">{t('operator.form10bd.heading')}</h2>
      <div className="op-grid">
        <div className="field">
          <label htmlFor="form10bd-from">{t('operator.form10bd.from')}</label>
          <input id="form10bd-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="form10bd-to">{t('operator.form10bd.to')}</label>
          <input id="form10bd-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
      <div role="status" aria-live="polite" data-testid="form10bd-result">
        {error && <p className="operator-error">{error}</p>}
        {result && (
          <div className="operator-ok">
            <p className="mono">{t('operator.form10bd.done', { rows: result.rows, total: formatRupees(result.totalRupees), path: result.path })}</p>
          </div>
        )}
        {result && result.refused.length > 0 && (
          <div className="operator-error" data-testid="form10bd-refused">
            <p>{t('operator.form10bd.refused', { count: result.refused.length })}</p>
            <ul className="operator-refused">
              {result.refused.map((row) => (
                <li key={row.donationId}>
                  <span className="mono">{row.receiptNumber ?? row.donationId}</span>: {row.missing.join('; ')}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('operator.working') : t('operator.form10bd.export')}
        </button>
      </div>
    </form>
  );
}
