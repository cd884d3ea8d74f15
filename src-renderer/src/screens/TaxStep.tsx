import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { KioskState } from '../../../src-main/contract/kiosk-api.ts';
import { FormHead, ScreenFrame } from '../components/ScreenFrame.tsx';
import { OnScreenKeys } from '../components/OnScreenKeys.tsx';
import { getKioskApi } from '../bridge/bridge.ts';
import { t } from '../i18n/t.ts';
import { TaxReceiptFields } from './TaxReceiptFields.tsx';
import { TAX_TYPING, taxFieldValue, taxReceiptRequest, withNameForPan, withTaxField, type TaxProblems, type TaxReceiptDraft, type TaxTypingField } from './tax-receipt-draft.ts';

interface TaxStepProps {
  kiosk: KioskState;
  draft: TaxReceiptDraft;
  /** The donor's name from the details step: "Name as on your PAN" starts from it. */
  donorName: string;
  amount: number | null;
  onChange: (draft: TaxReceiptDraft) => void;
  /** Main found every field in order. */
  onContinue: () => void;
  onBack: () => void;
}

/**
 * The 80G receipt, its own step so that neither it nor the details fit only
 * on a large screen. Main is the authority on PAN and Aadhaar: it checks the
 * fields (checkTaxDetails) before payment opens, and each problem shows under
 * its field.
 */
export function TaxStep({ kiosk, draft, donorName, amount, onChange, onContinue, onBack }: TaxStepProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [problems, setProblems] = useState<TaxProblems>({});
  const [checking, setChecking] = useState(false);
  const [typing, setTyping] = useState<TaxTypingField>('taxName');
  const keys = TAX_TYPING[typing](draft);

  useEffect(() => {
    const filled = withNameForPan(draft, donorName);
    if (filled !== draft) onChange(filled);
    formRef.current?.querySelector<HTMLInputElement>('#tax-name')?.focus({ preventScroll: true });
    // Once, on arriving: later the donor's own typing decides.
  }, []);

  const edit = (next: TaxReceiptDraft): void => {
    setProblems({});
    onChange(next);
  };
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const request = taxReceiptRequest(draft, false);
    if (!request || checking) return;
    setChecking(true);
    // If main cannot be asked now, startDonation checks the same fields again.
    const checked = await getKioskApi()
      .then((api) => api.checkTaxDetails(request))
      .catch(() => null);
    setChecking(false);
    const found = checked?.ok ? checked.value.problems : {};
    setProblems(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus());
      return;
    }
    onContinue();
  };

  return (
    <ScreenFrame name="tax" mode={kiosk.mode}>
      <form ref={formRef} className="panel panel-wide details-panel" onSubmit={(e) => void submit(e)} noValidate autoComplete="off">
        <FormHead heading={t('tax.heading')} amount={amount} />
        <p className="hint tax-intro">{t('tax.optIn.hint')}</p>
        <div className="form-with-keys">
          <div className="form-fields">
            <TaxReceiptFields draft={draft} problems={problems} onChange={edit} onTyping={setTyping} typing={typing} />
          </div>
          <div className="form-side">
            <div className="keys-slot">
              <OnScreenKeys
                key={`${typing}-${keys.layout}`}
                layout={keys.layout}
                value={taxFieldValue(draft, typing)}
                maxLength={keys.maxLength}
                controls={keys.input}
                onChange={(value) => edit(withTaxField(draft, typing, value))}
              />
            </div>
          </div>
        </div>
        <div className="actions">
          <button type="button" className="btn btn-secondary" onClick={onBack}>
            {t('common.back')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={checking}>
            {checking ? t('tax.checking') : t('details.continue')}
          </button>
        </div>
      </form>
    </ScreenFrame>
  );
}
