import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { KioskState } from '../../../src-main/contract/kiosk-api.ts';
import { FormHead, ScreenFrame } from '../components/ScreenFrame.tsx';
import { KeyedField } from '../components/KeyedField.tsx';
import { OnScreenKeys, type KeyLayout } from '../components/OnScreenKeys.tsx';
import { t } from '../i18n/t.ts';
import type { DetailsForm } from '../flow/state.ts';
import { DONOR_NAME_MAX_LENGTH, EMAIL_MAX_LENGTH, type DetailsField, type DetailsInput } from '../flow/validation.ts';
import { withNameForPan } from './tax-receipt-draft.ts';

interface DetailsProps {
  kiosk: KioskState;
  form: DetailsForm;
  amount: number | null;
  onEdit: (patch: Partial<DetailsInput>) => void;
  onContinue: () => void;
  onBack: () => void;
}

/** Which on-screen keys each field gets, and how much it takes. */
const TYPED_FIELDS = {
  name: { layout: 'name', maxLength: DONOR_NAME_MAX_LENGTH, input: 'donor-name' },
  phone: { layout: 'numeric', maxLength: 14, input: 'donor-phone' },
  email: { layout: 'email', maxLength: EMAIL_MAX_LENGTH, input: 'donor-email' },
} as const satisfies Record<DetailsField, { layout: KeyLayout; maxLength: number; input: string }>;

/**
 * Optional details: a name (none = an anonymous gift), a phone and an email
 * (Checkout's prefill, and where the receipt goes), and the 80G opt-in, whose
 * fields are their own step. Each problem shows under its field, with
 * everything typed kept.
 */
export function Details({ kiosk, form, amount, onEdit, onContinue, onBack }: DetailsProps) {
  const formRef = useRef<HTMLFormElement>(null);
  // The field the on-screen keys type into: the last one touched, the name first.
  const [typing, setTyping] = useState<DetailsField>('name');
  const keys = TYPED_FIELDS[typing];
  const taxWanted = kiosk.taxReceiptsOffered && form.taxReceipt.wanted;

  // Arriving at the form, the caret is in its first field (or the first one to fix).
  useEffect(() => {
    const el = formRef.current;
    (el?.querySelector<HTMLInputElement>('input[aria-invalid="true"]') ?? el?.querySelector<HTMLInputElement>('#donor-name'))?.focus({ preventScroll: true });
  }, []);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    onContinue();
    // If anything was wrong, put the donor straight into the first field to fix.
    requestAnimationFrame(() => {
      const el = formRef.current;
      if (el?.isConnected) el.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus();
    });
  };
  const error = (field: DetailsField): string => {
    const e = form.errors[field];
    return e ? t(e.key, e.params) : '';
  };

  return (
    <ScreenFrame name="details" mode={kiosk.mode}>
      <form ref={formRef} className="panel panel-wide details-panel" onSubmit={submit} noValidate autoComplete="off">
        <FormHead heading={t('details.heading')} amount={amount} />

        <div className="form-with-keys">
          <div className="form-fields">
            <KeyedField
              id="donor-name"
              name="donor-name"
              label={t(taxWanted ? 'details.name.labelRequired' : 'details.name.label')}
              hint={t(taxWanted ? 'details.name.hintTax' : kiosk.showDonorWall ? 'details.name.hintWall' : 'details.name.hint')}
              error={error('name')}
              typing={typing === 'name'}
              onFocus={() => setTyping('name')}
              autoCapitalize="words"
              enterKeyHint="next"
              maxLength={DONOR_NAME_MAX_LENGTH + 20}
              value={form.name}
              onChange={(name) => onEdit({ name })}
            />
            <KeyedField
              id="donor-phone"
              name="donor-phone"
              type="tel"
              label={t('details.phone.label')}
              hint={t('details.phone.hint')}
              error={error('phone')}
              typing={typing === 'phone'}
              onFocus={() => setTyping('phone')}
              enterKeyHint="next"
              maxLength={20}
              value={form.phone}
              onChange={(phone) => onEdit({ phone })}
            />
            {/* Text, not "email": the on-screen keys need the caret, which email inputs do not expose. */}
            <KeyedField
              id="donor-email"
              name="donor-email"
              label={t('details.email.label')}
              hint={t(kiosk.emailReceipts ? 'details.email.hintReceipt' : 'details.email.hint')}
              error={error('email')}
              typing={typing === 'email'}
              onFocus={() => setTyping('email')}
              enterKeyHint="go"
              maxLength={EMAIL_MAX_LENGTH}
              value={form.email}
              onChange={(email) => onEdit({ email })}
            />

            {kiosk.taxReceiptsOffered && (
              <div className="field tax-opt-in">
                <label className="check">
                  <input
                    type="checkbox"
                    checked={form.taxReceipt.wanted}
                    onChange={(e) => onEdit({ taxReceipt: withNameForPan({ ...form.taxReceipt, wanted: e.target.checked }, form.name) })}
                  />
                  <span className="check-box" aria-hidden="true" />
                  <span>{t('tax.optIn.label')}</span>
                </label>
              </div>
            )}
          </div>

          {/* The keys keep one size whichever field is chosen, so nothing on the screen moves. */}
          <div className="form-side">
            <div className="keys-slot">
              <OnScreenKeys key={typing} layout={keys.layout} value={form[typing]} maxLength={keys.maxLength} controls={keys.input} onChange={(value) => onEdit({ [typing]: value })} />
            </div>
          </div>
        </div>

        <div className="actions">
          <button type="button" className="btn btn-secondary" onClick={onBack}>
            {t('common.back')}
          </button>
          <button type="submit" className="btn btn-primary">
            {taxWanted ? t('common.continue') : t('details.continue')}
          </button>
        </div>
      </form>
    </ScreenFrame>
  );
}
