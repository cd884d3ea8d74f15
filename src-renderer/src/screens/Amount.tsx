import type { FormEvent } from 'react';
import type { KioskState } from '../../../src-main/contract/kiosk-api.ts';
import { ScreenFrame, ScreenHeading } from '../components/ScreenFrame.tsx';
import { formatRupees, t } from '../i18n/t.ts';
import { presets, type AmountForm } from '../flow/state.ts';

interface AmountProps {
  kiosk: KioskState;
  form: AmountForm;
  chosen: number | null;
  onPreset: (amount: number) => void;
  onOther: (text: string) => void;
  onContinue: () => void;
  onBack: () => void;
}

export function Amount({ kiosk, form, chosen, onPreset, onOther, onContinue, onBack }: AmountProps) {
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    onContinue();
  };
  const hint = t('amount.other.hint', {
    min: formatRupees(kiosk.minAmountRupees),
    max: formatRupees(kiosk.maxAmountRupees),
  });
  const error = form.error ? t(form.error.key, form.error.params) : '';

  return (
    <ScreenFrame name="amount" mode={kiosk.mode}>
      <form className="panel" onSubmit={submit} noValidate autoComplete="off">
        <ScreenHeading>{t('amount.heading')}</ScreenHeading>

        <fieldset className="presets">
          <legend className="visually-hidden">{t('amount.presets')}</legend>
          {presets(kiosk).map((amount) => (
            <button
              key={amount}
              type="button"
              className="btn preset"
              aria-pressed={form.preset === amount}
              onClick={() => onPreset(amount)}
            >
              {formatRupees(amount)}
            </button>
          ))}
        </fieldset>

        <div className={`field${form.error ? ' field-invalid' : ''}${form.preset === null && form.other !== '' ? ' field-active' : ''}`}>
          <label htmlFor="other-amount">{t('amount.other.label')}</label>
          <div className="input-prefix">
            <span aria-hidden="true">₹</span>
            <input
            id="other-amount"
            name="other-amount"
            type="text"
            inputMode="numeric"
            pattern="[0-9]*"
            enterKeyHint="next"
            autoComplete="off"
            spellCheck={false}
            maxLength={12}
            value={form.other}
            aria-invalid={form.error ? true : undefined}
            aria-describedby="other-amount-hint other-amount-error"
            onChange={(e) => onOther(e.target.value)}
            />
          </div>
          <p id="other-amount-hint" className="hint">
            {hint}
          </p>
          <p id="other-amount-error" className="field-error" aria-live="polite">
            {error}
          </p>
        </div>

        <p className={`summary${chosen === null ? ' summary-empty' : ''}`} aria-live="polite">
          {chosen === null ? t('amount.summary.none') : t('amount.summary', { amount: formatRupees(chosen) })}
        </p>

        <div className="actions">
          <button type="button" className="btn btn-secondary" onClick={onBack}>
            {t('common.back')}
          </button>
          <button type="submit" className="btn btn-primary">
            {t('common.continue')}
          </button>
        </div>
      </form>
    </ScreenFrame>
  );
}
