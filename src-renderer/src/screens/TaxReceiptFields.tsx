// The 80G receipt's fields (their own step, ../screens/TaxStep.tsx): asked
// only of donors who ticked the opt-in on the details screen, and only when
// the operator has set what an 80G receipt must carry. Also the one-line
// notice for foreign donors when the kiosk is domestic only (FCRA).
import type { TaxDetailsField } from '../../../src-main/contract/kiosk-api.ts';
import { t, type MessageKey } from '../i18n/t.ts';
import type { TaxProblems, TaxReceiptDraft, TaxTypingField } from './tax-receipt-draft.ts';
import { KeyedField } from '../components/KeyedField.tsx';
import { TAX_ADDRESS_MAX_LENGTH, TAX_NAME_MAX_LENGTH } from '../../../src-shared/donor-fields.ts';
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
  const isPan = draft.idType === 'pan';

  return (
    <div className="tax-grid">
      <KeyedField
        id="tax-name"
        label={t('tax.nameOnPan.label')}
        error={problem('nameOnPan')}
        typing={typing === 'taxName'}
        onFocus={() => onTyping('taxName')}
        autoCapitalize="characters"
        maxLength={TAX_NAME_MAX_LENGTH + 20}
        value={draft.nameOnPan}
        onChange={(nameOnPan) => edit({ nameOnPan })}
      />
      <KeyedField
        id="tax-id"
        className="tax-id"
        lead={
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
        }
        label={t(isPan ? 'tax.pan.label' : 'tax.aadhaar.label')}
        labelHidden
        hint={t(isPan ? 'tax.pan.hint' : 'tax.aadhaar.hint')}
        error={problem('idNumber')}
        typing={typing === 'taxId'}
        onFocus={() => onTyping('taxId')}
        autoCapitalize="characters"
        maxLength={isPan ? 12 : 16}
        value={draft.idNumber}
        onChange={(idNumber) => edit({ idNumber: isPan ? idNumber.toUpperCase() : idNumber })}
      />
      <KeyedField
        id="tax-address"
        className="tax-address"
        label={t('tax.address.label')}
        hint={t('tax.address.hint')}
        error={problem('address')}
        typing={typing === 'taxAddress'}
        onFocus={() => onTyping('taxAddress')}
        maxLength={TAX_ADDRESS_MAX_LENGTH}
        value={draft.address}
        onChange={(address) => edit({ address })}
      />
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
