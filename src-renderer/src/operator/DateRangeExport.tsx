// An export over a range of days (the donations CSV, Form 10BD): two day
// fields defaulting to today, one button, and what came of it in plain words.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { Result } from '../../../src-main/contract/kiosk-api.ts';
import { t } from '../i18n/t.ts';
import { localDay } from './operator-api.ts';

interface DateRangeExportProps<T> {
  /** Prefix of the fields' ids, and of the result's test id (`<id>-result`). */
  id: string;
  heading?: string;
  fromLabel: string;
  toLabel: string;
  buttonLabel: string;
  /** Null when the operator session had ended (the console shows the PIN pad by then). */
  run: (from: string, to: string) => Promise<Result<T> | null>;
  showResult: (result: T) => ReactNode;
}

export function DateRangeExport<T>({ id, heading, fromLabel, toLabel, buttonLabel, run, showResult }: DateRangeExportProps<T>) {
  const today = localDay();
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setResult(null);
    const r = await run(from, to);
    setBusy(false);
    if (!r) return;
    if (r.ok) {
      setResult(r.value);
      setError(null);
    } else setError(r.error.message);
  };

  return (
    <form className="op-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={heading ? `${id}-heading` : undefined}>
      {heading && <h2 id={`${id}-heading`}>{heading}</h2>}
      <div className="op-grid">
        <div className="field">
          <label htmlFor={`${id}-from`}>{fromLabel}</label>
          <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{toLabel}</label>
          <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
      <div role="status" aria-live="polite" data-testid={`${id}-result`}>
        {error && <p className="operator-error">{error}</p>}
        {result !== null && showResult(result)}
      </div>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('operator.working') : buttonLabel}
        </button>
      </div>
    </form>
  );
}
