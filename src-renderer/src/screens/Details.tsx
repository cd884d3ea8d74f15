import { useRef, useState, type FormEvent } from 'react';
import type { KioskState } from '../../../src-main/contract/kiosk-api.ts';
import { ScreenFrame, ScreenHeading } from '../components/ScreenFrame.tsx';
import { OnScreenKeys, type KeyLayout } from '../components/OnScreenKeys.tsx';
import { formatRupees, t } from '../i18n/t.ts';
import type { DetailsForm } from '../flow/state.ts';
import { NAME_MAX_LENGTH, type DetailsField, type DetailsInput } from '../flow/validation.ts';
import { ForeignDonorNotice, TaxReceiptFields } from './TaxReceiptFields.tsx';
import {
  isTaxTypingField,
  TAX_TYPING,
  taxFieldValue,
  taxReceiptRequest,
  withTaxField,
  type TaxProblems,
  type TaxReceiptDraft,
  type TaxTypingField,
} from './tax-receipt-draft.ts';
import { getKioskApi } from '../bridge/bridge.ts';

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
  name: { layout: 'name', maxLength: NAME_MAX_LENGTH, input: 'donor-name' },
  phone: { layout: 'numeric', maxLength: 14, input: 'donor-phone' },
  email: { layout: 'email', maxLength: 254, input: 'donor-email' },
} as const satisfies Record<DetailsField, { layout: KeyLayout; maxLength: number; input: string }>;

/** The field the on-screen keys type into: one of the donor's details, or one of the 80G fields. */
type TypingTarget = DetailsField | TaxTypingField;

interface TypedField {
  layout: KeyLayout;
  maxLength: number;
  input: string;
  value: string;
  set: (value: string) => void;
}

export function Details({ kiosk, form, amount, onEdit, onContinue, onBack }: DetailsProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [taxProblems, setTaxProblems] = useState<TaxProblems>({});
  const [checkingTax, setCheckingTax] = useState(false);
  // The field the on-screen keys type into: the last one touched (the name first, or the phone when anonymous).
  const [typing, setTyping] = useState<TypingTarget>(form.anonymous ? 'phone' : 'name');
  const taxOpen = kiosk.taxReceiptsOffered && form.taxReceipt.wanted && !form.anonymous;
  const active: TypingTarget = isTaxTypingField(typing) && !taxOpen ? (form.anonymous ? 'phone' : 'name') : form.anonymous && typing === 'name' ? 'phone' : typing;
  const editTax = (draft: TaxReceiptDraft): void => {
    setTaxProblems({});
    onEdit({ taxReceipt: draft });
  };
  const keys: TypedField = isTaxTypingField(active)
    ? { ...TAX_TYPING[active](form.taxReceipt), value: taxFieldValue(form.taxReceipt, active), set: (value) => editTax(withTaxField(form.taxReceipt, active, value)) }
    : { ...TYPED_FIELDS[active], value: form[active], set: (value) => onEdit({ [active]: value }) };
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const tax = kiosk.taxReceiptsOffered ? taxReceiptRequest(form.taxReceipt, form.anonymous) : undefined;
    if (tax) {
      // Main is the authority on PAN and Aadhaar; if it cannot be asked now, startDonation checks again.
      setCheckingTax(true);
      const checked = await getKioskApi()
        .then((api) => api.checkTaxDetails(tax))
        .catch(() => null);
      setCheckingTax(false);
      const problems = checked?.ok ? checked.value.problems : {};
      setTaxProblems(problems);
      if (Object.keys(problems).length > 0) {
        requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>('.tax-receipt input[aria-invalid="true"]')?.focus());
        return;
      }
    }
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
  const invalid = (field: DetailsField): true | undefined => (form.errors[field] ? true : undefined);
  const fieldClass = (field: DetailsField): string => `field${form.errors[field] ? ' field-invalid' : ''}`;

  return (
    <ScreenFrame name="details" mode={kiosk.mode}>
      <form ref={formRef} className="panel panel-wide" onSubmit={(e) => void submit(e)} noValidate autoComplete="off">
        <div className="panel-head">
          <ScreenHeading>{t('details.heading')}</ScreenHeading>
          {amount !== null && (
            <p className="amount-chip">
              <span>{t('details.summary')}</span>
              <strong>{formatRupees(amount)}</strong>
            </p>
          )}
        </div>

        <div className="details-with-keys">
        <div className="details-fields">
        <div className="details-grid">
          <div>
            <div className="field">
              <label className="check">
                <input
                  type="checkbox"
                  checked={form.anonymous}
                  aria-describedby="anonymous-hint"
                  onChange={(e) => onEdit({ anonymous: e.target.checked })}
                />
                <span className="check-box" aria-hidden="true" />
                <span>{t('details.anonymous.label')}</span>
              </label>
              <p id="anonymous-hint" className="hint">
                {t('details.anonymous.hint')}
              </p>
            </div>

            {!form.anonymous && (
              <div className={fieldClass('name')}>
                <label htmlFor="donor-name">{t('details.name.label')}</label>
                <input
                  id="donor-name"
                  name="donor-name"
                  type="text"
                  autoComplete="off"
                  autoCapitalize="words"
                  inputMode="none"
                  spellCheck={false}
                  onFocus={() => setTyping('name')}
                  enterKeyHint="next"
                  maxLength={NAME_MAX_LENGTH + 20}
                  value={form.name}
                  aria-invalid={invalid('name')}
                  aria-describedby="donor-name-error"
                  onChange={(e) => onEdit({ name: e.target.value })}
                />
                <p id="donor-name-error" className="field-error" aria-live="polite">
                  {error('name')}
                </p>
              </div>
            )}
          </div>

          <div>
            <div className={fieldClass('phone')}>
              <label htmlFor="donor-phone">{t('details.phone.label')}</label>
              <input
                id="donor-phone"
                name="donor-phone"
                type="tel"
                inputMode="none"
                onFocus={() => setTyping('phone')}
                autoComplete="off"
                enterKeyHint="next"
                maxLength={20}
                value={form.phone}
                aria-invalid={invalid('phone')}
                aria-describedby="donor-phone-hint donor-phone-error"
                onChange={(e) => onEdit({ phone: e.target.value })}
              />
              <p id="donor-phone-hint" className="hint" hidden={Boolean(form.errors.phone)}>
                {t('details.phone.hint')}
              </p>
              <p id="donor-phone-error" className="field-error" aria-live="polite">
                {error('phone')}
              </p>
            </div>

            <div className={fieldClass('email')}>
              <label htmlFor="donor-email">{t('details.email.label')}</label>
              <input
                id="donor-email"
                name="donor-email"
                type="email"
                inputMode="none"
                onFocus={() => setTyping('email')}
                autoComplete="off"
                autoCapitalize="off"
                spellCheck={false}
                enterKeyHint="go"
                maxLength={254}
                value={form.email}
                aria-invalid={invalid('email')}
                aria-describedby="donor-email-error"
                onChange={(e) => onEdit({ email: e.target.value })}
              />
              <p id="donor-email-error" className="field-error" aria-live="polite">
                {error('email')}
              </p>
            </div>
          </div>
        </div>

        {kiosk.taxReceiptsOffered && (
          <TaxReceiptFields draft={form.taxReceipt} problems={taxProblems} anonymous={form.anonymous} onChange={editTax} onTyping={setTyping} />
        )}
        </div>
        {/* The keys, and under them (always in view, whatever the fields column scrolls to) the notice for foreign donors. */}
        <div className="details-side">
          <OnScreenKeys
            key={`${active}-${keys.layout}`}
            layout={keys.layout}
            value={keys.value}
            maxLength={keys.maxLength}
            controls={keys.input}
            onChange={keys.set}
          />
          {!kiosk.acceptsForeignContributions && <ForeignDonorNotice />}
        </div>
        </div>

        <div className="actions">
          <button type="button" className="btn btn-secondary" onClick={onBack}>
            {t('common.back')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={checkingTax}>
            {checkingTax ? t('tax.checking') : t('details.continue')}
          </button>
        </div>
      </form>
    </ScreenFrame>
  );
}
