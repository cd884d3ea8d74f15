// The 80G receipt's fields (their own step, ../screens/TaxStep.tsx): asked
// only of donors who ticked the opt-in on the details screen, and only when
// the operator has set what an 80G receipt must carry. Also the one-line
// notice for foreign donors when the kiosk is domestic only (FCRA).
import type { TaxDetailsField } from '../../../src-main/contract/kiosk-api.ts';
import { t, type MessageKey } from '../i18n/t.ts';
import type { TaxProblems, TaxReceiptDraft, TaxTypingField } from './tax-receipt-draft.ts';
import '../receipts.css';

interface TaxReceiptFieldsProps {
  draft: TaxReceiptDraft;
  problems: TaxProblems;
  onChange: (draft: TaxReceiptDraft) => void;
  /** The donor touched an 80G field: the on-screen keys type into it. */
  onTyping: (field: TaxTypingField) => void;
  /** The field the keys type into now (it is marked). */
  typing: TaxTypingField;
}

/** The 80G step's fields: name as on the PAN, PAN or Aadhaar, address. */
export function TaxReceiptFields({ draft, problems, onChange, onTyping, typing }: TaxReceiptFieldsProps) {
  const edit = (patch: Partial<TaxReceiptDraft>) => onChange({ ...draft, ...patch });
  const problem = (field: TaxDetailsField): string => {
    const p = problems[field];
    return p ? t(`tax.error.${p}` as MessageKey) : '';
  };
  const typingField: Record<TaxDetailsField, TaxTypingField> = { nameOnPan: 'taxName', idNumber: 'taxId', address: 'taxAddress' };
  const fieldClass = (field: TaxDetailsField) => `field${problems[field] ? ' field-invalid' : ''}${typing === typingField[field] ? ' field-typing' : ''}`;
  const invalid = (field: TaxDetailsField): true | undefined => (problems[field] ? true : undefined);
  const isPan = draft.idType === 'pan';

  return (
    <div className="tax-grid">
      <div className={fieldClass('nameOnPan')}>
        <label htmlFor="tax-name">{t('tax.nameOnPan.label')}</label>
        <input
          id="tax-name"
          type="text"
          inputMode="none"
          onFocus={() => onTyping('taxName')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={100}
          value={draft.nameOnPan}
          aria-invalid={invalid('nameOnPan')}
          aria-describedby="tax-name-error"
          onChange={(e) => edit({ nameOnPan: e.target.value })}
        />
        <p id="tax-name-error" className="field-error" aria-live="polite">
          {problem('nameOnPan')}
        </p>
      </div>

      <div className={`${fieldClass('idNumber')} tax-id`}>
        <fieldset className="tax-id-type">
          <legend>{t('tax.idType.label')}</legend>
          {(['pan', 'aadhaar'] as const).map((type) => (
            <label key={type} className={`choice${draft.idType === type ? ' choice-on' : ''}`}>
              <input
                type="radio"
                name="tax-id-type"
                value={type}
                checked={draft.idType === type}
                onChange={() => {
                  edit({ idType: type, idNumber: '' });
                  onTyping('taxId');
                }}
              />
              {t(type === 'pan' ? 'tax.idType.pan' : 'tax.idType.aadhaar')}
            </label>
          ))}
        </fieldset>
        <label htmlFor="tax-id" className="visually-hidden">
          {t(isPan ? 'tax.pan.label' : 'tax.aadhaar.label')}
        </label>
        <input
          id="tax-id"
          type="text"
          inputMode="none"
          onFocus={() => onTyping('taxId')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={isPan ? 12 : 16}
          value={draft.idNumber}
          aria-invalid={invalid('idNumber')}
          aria-describedby="tax-id-hint tax-id-error"
          onChange={(e) => edit({ idNumber: isPan ? e.target.value.toUpperCase() : e.target.value })}
        />
        <p id="tax-id-hint" className="hint" hidden={Boolean(problems.idNumber)}>
          {t(isPan ? 'tax.pan.hint' : 'tax.aadhaar.hint')}
        </p>
        <p id="tax-id-error" className="field-error" aria-live="polite">
          {problem('idNumber')}
        </p>
      </div>

      <div className={`${fieldClass('address')} tax-address`}>
        <label htmlFor="tax-address">{t('tax.address.label')}</label>
        <input
          id="tax-address"
          type="text"
          inputMode="none"
          onFocus={() => onTyping('taxAddress')}
          autoComplete="off"
          maxLength={200}
          value={draft.address}
          aria-invalid={invalid('address')}
          aria-describedby="tax-address-hint tax-address-error"
          onChange={(e) => edit({ address: e.target.value })}
        />
        <p id="tax-address-hint" className="hint" hidden={Boolean(problems.address)}>
          {t('tax.address.hint')}
        </p>
        <p id="tax-address-error" className="field-error" aria-live="polite">
          {problem('address')}
        </p>
      </div>
    </div>
  );
}

/** Domestic-only kiosks (no FCRA registration) tell a foreign donor plainly where to go instead. */
export function ForeignDonorNotice() {
  return (
    <p className="foreign-notice" role="note">
      {t('tax.foreignNotice')}
    </p>
  );
}
