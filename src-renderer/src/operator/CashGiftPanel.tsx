// The "Cash gift" tab: cash the operator received, recorded in the ledger
// (paid, method cash, numbered like any receipt) for the cause the donor
// chose. The amount may be typed "2,500"; above ₹2,000 the gift gets no 80G
// deduction (s.80G(5D)), so the 80G details are not asked for at all.
import { useState, type FormEvent } from 'react';
import { CASH_80G_LIMIT_RUPEES } from '../../../src-shared/amounts.ts';
import { DONOR_NAME_MAX_LENGTH } from '../../../src-shared/donor-fields.ts';
import type { CashGiftRequest, CashGiftResult, CauseInfo, TaxIdType } from '../../../src-main/contract/kiosk-api.ts';
import { formatRupees, t } from '../i18n/t.ts';
import { localized } from '../i18n/localized.ts';
import { fieldErrorsOf, fieldId, problemText, wholeNumber, type FieldErrors } from './field-problems.ts';
import type { OperatorCaller } from './operator-api.ts';
import { describePrint } from './receipt-caller.ts';
import { KeptNotice } from './SaveBar.tsx';
import { Choices, NumberField, TextField, TickBox } from './touch/fields.tsx';
import { useHideKeys } from './touch/typing.tsx';
import { useDraft } from './unsaved.tsx';

interface CashForm {
  amount: string;
  causeId: string;
  donorName: string;
  phone: string;
  taxWanted: boolean;
  idType: TaxIdType;
  idNumber: string;
  address: string;
  print: boolean;
}

const empty = (causeId: string): CashForm => ({ amount: '', causeId, donorName: '', phone: '', taxWanted: false, idType: 'pan', idNumber: '', address: '', print: true });

export function CashGiftPanel({ call, causes, onRecorded }: { call: OperatorCaller; causes: readonly CauseInfo[]; onRecorded: () => void }) {
  const firstCause = causes[0]?.id ?? '';
  const { draft, setDraft, kept, saved } = useDraft('cash-gift', t('operator.tab.cash'), empty(firstCause));
  const [result, setResult] = useState<{ gift: CashGiftResult; rupees: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const hideKeys = useHideKeys();
  const edit = (patch: Partial<CashForm>): void => {
    setDraft({ ...draft, ...patch });
    setResult(null);
  };
  const rupees = wholeNumber(draft.amount);
  const above80gLimit = rupees !== null && rupees > CASH_80G_LIMIT_RUPEES;
  const taxAsked = draft.taxWanted && !above80gLimit;
  const id = (path: string): string => fieldId('cash', path);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    if (rupees === null || rupees <= 0) {
      setErrors({ amountRupees: problemText({ path: 'amountRupees', problem: draft.amount.trim() === '' ? 'required' : 'not_whole' }) });
      return;
    }
    const request: CashGiftRequest = {
      amountRupees: rupees,
      donorName: draft.donorName,
      print: draft.print,
      ...(draft.causeId === '' ? {} : { causeId: draft.causeId }),
      ...(draft.phone.trim() === '' ? {} : { phone: draft.phone }),
      ...(taxAsked ? { taxReceipt: { nameOnPan: draft.donorName, idType: draft.idType, idNumber: draft.idNumber, address: draft.address } } : {}),
    };
    setBusy(true);
    setError(null);
    const r = await call((api) => api.recordCashGift(request));
    setBusy(false);
    if (!r) return;
    if (r.ok) {
      setResult({ gift: r.value, rupees });
      setErrors({});
      saved(empty(draft.causeId));
      hideKeys();
      onRecorded();
    } else {
      const found = fieldErrorsOf(r.error);
      setErrors(found);
      if (Object.keys(found).length === 0) setError(r.error.message);
    }
  };

  return (
    <form className="op-form" onSubmit={(e) => void submit(e)} noValidate autoComplete="off" aria-labelledby="cash-heading">
      <h2 id="cash-heading">{t('operator.cash.heading')}</h2>
      <KeptNotice kept={kept} />
      <div className="op-grid">
        <NumberField
          id={id('amountRupees')}
          label={t('operator.cash.amount')}
          prefix="₹"
          value={draft.amount}
          maxLength={12}
          onChange={(v) => edit({ amount: v })}
          hint={rupees !== null && rupees > 0 ? t('operator.cash.amountIs', { amount: formatRupees(rupees) }) : t('operator.cash.amountHint')}
          error={errors['amountRupees']}
        />
        <TextField id={id('donorName')} label={t('operator.cash.donor')} layout="name" value={draft.donorName} maxLength={DONOR_NAME_MAX_LENGTH} onChange={(v) => edit({ donorName: v })} error={errors['donorName']} />
        <NumberField id={id('phone')} label={t('operator.cash.phone')} value={draft.phone} maxLength={13} onChange={(v) => edit({ phone: v })} error={errors['phone']} />
      </div>
      {causes.length > 1 && (
        <Choices
          id={id('causeId')}
          label={t('operator.cash.cause')}
          value={draft.causeId}
          choices={causes.map((c) => ({ value: c.id, label: localized(c.name) }))}
          onChange={(v) => edit({ causeId: v })}
          error={errors['causeId']}
        />
      )}
      {above80gLimit ? (
        <p className="operator-note" data-testid="cash-warning">
          {t('operator.cash.warning')}
        </p>
      ) : (
        <TickBox id={id('taxWanted')} label={t('operator.cash.taxWanted')} checked={draft.taxWanted} onChange={(v) => edit({ taxWanted: v })} />
      )}
      {taxAsked && (
        <div className="op-grid">
          <Choices<TaxIdType>
            id={id('taxReceipt.idType')}
            label={t('tax.idType.label')}
            value={draft.idType}
            choices={[
              { value: 'pan', label: t('tax.idType.pan') },
              { value: 'aadhaar', label: t('tax.idType.aadhaar') },
            ]}
            onChange={(v) => edit({ idType: v, idNumber: '' })}
          />
          <TextField
            id={id('taxReceipt.idNumber')}
            label={t(draft.idType === 'pan' ? 'tax.pan.label' : 'tax.aadhaar.label')}
            layout={draft.idType === 'pan' ? 'pan' : 'numeric'}
            value={draft.idNumber}
            maxLength={draft.idType === 'pan' ? 10 : 14}
            onChange={(v) => edit({ idNumber: v })}
            hint={t(draft.idType === 'pan' ? 'tax.pan.hint' : 'tax.aadhaar.hint')}
            error={errors['taxReceipt.idNumber']}
          />
          <TextField id={id('taxReceipt.address')} label={t('tax.address.label')} layout="address" value={draft.address} maxLength={300} onChange={(v) => edit({ address: v })} error={errors['taxReceipt.address']} />
        </div>
      )}
      <TickBox id={id('print')} label={t('operator.cash.print')} checked={draft.print} onChange={(v) => edit({ print: v })} />
      <div role="status" aria-live="polite" data-testid="cash-result">
        {error && <p className="operator-error">{error}</p>}
        {errors['taxReceipt'] && <p className="operator-error">{errors['taxReceipt']}</p>}
        {result && (
          <div className="operator-ok">
            <p>{t('operator.cash.recorded', { receipt: result.gift.receiptNumber, amount: formatRupees(result.rupees) })}</p>
            {result.rupees > CASH_80G_LIMIT_RUPEES && <p>{t('operator.cash.notEligible')}</p>}
            {result.gift.print && <p className="mono">{describePrint(result.gift.print)}</p>}
          </div>
        )}
      </div>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('operator.working') : t('operator.cash.record')}
        </button>
      </div>
    </form>
  );
}
