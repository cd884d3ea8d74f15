import { useEffect, useRef, type FormEvent } from 'react';
import type { CauseInfo, KioskState } from '../../../src-main/contract/kiosk-api.ts';
import { OnScreenKeys } from '../components/OnScreenKeys.tsx';
import { ScreenFrame, ScreenHeading } from '../components/ScreenFrame.tsx';
import { formatGrouped, formatRupees, t } from '../i18n/t.ts';
import { localized } from '../i18n/localized.ts';
import { offeredFee, presets, type AmountForm } from '../flow/state.ts';
import { ForeignDonorNotice } from './TaxReceiptFields.tsx';

interface AmountProps {
  kiosk: KioskState;
  cause: CauseInfo | null;
  form: AmountForm;
  chosen: number | null;
  /** The donor has typed some of their details already (the secondary button says "Change"). */
  detailsGiven: boolean;
  onPreset: (amount: number) => void;
  onOther: (text: string) => void;
  onCoverFee: (on: boolean) => void;
  onPay: () => void;
  onAddDetails: () => void;
  onBack: () => void;
}

/** Room for ₹1,00,000 and a little slack; the check of the value is the flow's. */
const OTHER_MAX_DIGITS = 7;

/**
 * The gift, and "Pay": the fastest donor taps an amount on the welcome screen
 * and then Pay here. Name, email, phone and the 80G receipt are one tap away
 * for those who want them, and never in the way of those who do not.
 */
export function Amount({ kiosk, cause, form, chosen, detailsGiven, onPreset, onOther, onCoverFee, onPay, onAddDetails, onBack }: AmountProps) {
  const otherRef = useRef<HTMLInputElement>(null);
  // Arriving by "Other amount": the caret is in the field, ready for the keypad.
  const arrivedWithoutAmount = useRef(form.preset === null && form.other === '');
  useEffect(() => {
    if (arrivedWithoutAmount.current) otherRef.current?.focus({ preventScroll: true });
  }, []);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    onPay();
  };
  const hint = t('amount.other.hint', { min: formatRupees(kiosk.minAmountRupees), max: formatRupees(kiosk.maxAmountRupees) });
  const error = form.error ? t(form.error.key, form.error.params) : '';
  const fee = offeredFee(kiosk, chosen);
  const feeOn = form.coverFee && fee > 0;
  const total = chosen === null ? null : chosen + (feeOn ? fee : 0);
  const feeNote = kiosk.feeCoverPercent <= 0 ? null : chosen === null ? t('fee.needsAmount') : fee === 0 ? t('fee.overMaximum', { max: formatRupees(kiosk.maxAmountRupees) }) : null;

  return (
    <ScreenFrame name="amount" mode={kiosk.mode}>
      <form className="panel panel-wide amount-panel" onSubmit={submit} noValidate autoComplete="off">
        <div className="panel-head">
          <ScreenHeading>{t('amount.heading')}</ScreenHeading>
          {kiosk.causes.length > 1 && cause && <p className="amount-chip amount-cause">{t('amount.forCause', { cause: localized(cause.name) })}</p>}
        </div>

        <div className="amount-grid">
          <div className="amount-choices">
            <fieldset className="presets">
              <legend className="visually-hidden">{t('amount.presets')}</legend>
              {presets(kiosk, cause).map((amount) => (
                <button key={amount} type="button" className="btn preset" aria-pressed={form.preset === amount} onClick={() => onPreset(amount)}>
                  {formatRupees(amount)}
                </button>
              ))}
            </fieldset>

            <div className={`field${form.error ? ' field-invalid' : ''}${form.preset === null && form.other !== '' ? ' field-active' : ''}`}>
              <label htmlFor="other-amount">{t('amount.other.label')}</label>
              <div className="input-prefix">
                <span aria-hidden="true">₹</span>
                <input
                  ref={otherRef}
                  id="other-amount"
                  name="other-amount"
                  type="text"
                  // The kiosk's own keypad types here; a physical keyboard still does too.
                  inputMode="none"
                  enterKeyHint="go"
                  autoComplete="off"
                  spellCheck={false}
                  maxLength={12}
                  // Indian grouping as the donor types (1,00,000); the flow keeps the digits.
                  value={formatGrouped(form.other)}
                  aria-invalid={form.error ? true : undefined}
                  aria-describedby="other-amount-hint other-amount-error"
                  onChange={(e) => onOther(e.target.value)}
                />
              </div>
              <p id="other-amount-hint" className="hint" hidden={Boolean(form.error)}>
                {hint}
              </p>
              <p id="other-amount-error" className="field-error" aria-live="polite">
                {error}
              </p>
            </div>

            {kiosk.feeCoverPercent > 0 && (
              <div className="field fee">
                <label className="check">
                  <input type="checkbox" checked={feeOn} disabled={fee === 0} aria-describedby="fee-hint" onChange={(e) => onCoverFee(e.target.checked)} data-testid="cover-fee" />
                  <span className="check-box" aria-hidden="true" />
                  <span>{fee > 0 ? t('fee.label', { fee: formatRupees(fee) }) : t('fee.label', { fee: `${kiosk.feeCoverPercent}%` })}</span>
                </label>
                {/* A disabled offer says why. */}
                <p id="fee-hint" className="hint" data-testid="fee-hint">
                  {feeNote ?? t('fee.hint')}
                </p>
              </div>
            )}
            {/* On the fastest path too: domestic-only kiosks (no FCRA registration) say where foreign donors stand. */}
            {!kiosk.acceptsForeignContributions && <ForeignDonorNotice />}
          </div>

          <div className="amount-side">
            <OnScreenKeys
              layout="numeric"
              value={form.preset === null ? form.other : ''}
              onChange={onOther}
              maxLength={OTHER_MAX_DIGITS}
              controls="other-amount"
              display={formatGrouped}
            />
            <div className={`summary${total === null ? ' summary-empty' : ''}`} aria-live="polite" data-testid="amount-summary">
              {total === null ? (
                <p>{t('amount.summary.none')}</p>
              ) : (
                <>
                  <p>{feeOn ? t('fee.total', { total: formatRupees(total) }) : t('amount.summary', { amount: formatRupees(total) })}</p>
                  {feeOn && chosen !== null && <p className="summary-detail">{t('fee.line', { gift: formatRupees(chosen), fee: formatRupees(fee) })}</p>}
                </>
              )}
            </div>
          </div>
        </div>

        <div className="actions actions-three">
          <button type="button" className="btn btn-secondary" onClick={onBack}>
            {t('common.back')}
          </button>
          <button type="button" className="btn btn-secondary btn-details" onClick={onAddDetails} data-testid="add-details">
            {t(detailsGiven ? 'amount.changeDetails' : 'amount.addDetails')}
          </button>
          <button type="submit" className="btn btn-primary">
            {total === null ? t('amount.pay') : t('amount.payAmount', { amount: formatRupees(total) })}
          </button>
        </div>
      </form>
    </ScreenFrame>
  );
}
