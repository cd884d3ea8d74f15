// An export over a range of days (the donations CSV, Form 10BD): two days
// chosen on a calendar (today by default, India's day), one button, and what
// came of it in plain words; a refusal is said under the day it concerns.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { Result } from '../../../src-main/contract/kiosk-api.ts';
import { t } from '../i18n/t.ts';
import { fieldErrorsOf, type FieldErrors } from './field-problems.ts';
import { indiaToday } from './india-date.ts';
import { DateField } from './touch/DateField.tsx';

interface DateRangeExportProps<T> {
  /** Prefix of the fields' ids, and of the result's test id (`<id>-result`). */
  id: string;
  heading: string;
  fromLabel: string;
  toLabel: string;
  buttonLabel: string;
  /** Null when the operator session had ended (the console shows the PIN pad by then). */
  run: (from: string, to: string) => Promise<Result<T> | null>;
  showResult: (result: T) => ReactNode;
}

export function DateRangeExport<T>({ id, heading, fromLabel, toLabel, buttonLabel, run, showResult }: DateRangeExportProps<T>) {
  const today = indiaToday();
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setResult(null);
    setError(null);
    const r = await run(from, to);
    setBusy(false);
    if (!r) return;
    if (r.ok) {
      setResult(r.value);
      setFieldErrors({});
    } else {
      const found = fieldErrorsOf(r.error);
      setFieldErrors(found);
      // A refusal without a field (no folder chosen): main's plain words.
      if (Object.keys(found).length === 0) setError(r.error.message);
    }
  };

  return (
    <form className="op-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{heading}</h2>
      <div className="op-grid">
        <DateField id={`${id}-from`} label={fromLabel} value={from} onChange={setFrom} error={fieldErrors['from']} />
        <DateField id={`${id}-to`} label={toLabel} value={to} onChange={setTo} error={fieldErrors['to']} />
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
