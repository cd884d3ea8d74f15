// Cash received by the operator: recorded in the ledger (paid, method cash,
// numbered like any receipt), with the s.80G(5D) warning above ₹2,000.
import { useState, type FormEvent } from 'react';
import type { CashGiftRequest, CashGiftResult, TaxIdType } from '../../../src-main/contract/kiosk-api.ts';
import { t } from '../i18n/t.ts';
import { describePrint } from './receipt-caller.ts';
import type { OperatorCaller } from './operator-api.ts';

/** s.80G(5D): cash above ₹2,000 gets no deduction (kiosk-domain.md §4.3). */
const CASH_80G_LIMIT_RUPEES = 2000;

export function CashGiftPanel({ call, onRecorded }: { call: OperatorCaller; onRecorded: () => void }) {
  const [amount, setAmount] = useState('');
  const [donorName, setDonorName] = useState('');
  const [phone, setPhone] = useState('');
  const [taxWanted, setTaxWanted] = useState(false);
  const [idType, setIdType] = useState<TaxIdType>('pan');
  const [idNumber, setIdNumber] = useState('');
  const [address, setAddress] = useState('');
  const [print, setPrint] = useState(true);
  const [result, setResult] = useState<CashGiftResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const rupees = /^\d+$/.test(amount.trim()) ? Number(amount.trim()) : null;

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    if (rupees === null || rupees <= 0) {
      setError(t('operator.cash.amountBad'));
      return;
    }
    const request: CashGiftRequest = {
      amountRupees: rupees,
      donorName,
      print,
      ...(phone.trim() === '' ? {} : { phone }),
      ...(taxWanted ? { taxReceipt: { nameOnPan: donorName, idType, idNumber, address } } : {}),
    };
    setBusy(true);
    const r = await call((api) => api.recordCashGift(request));
    setBusy(false);
    if (!r) return;
    if (r.ok) {
      setResult(r.value);
      setError(null);
      setAmount('');
      setDonorName('');
      setPhone('');
      setIdNumber('');
      setAddress('');
      onRecorded();
    } else setError(r.error.message);
  };

  return (
    <form className="op-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="cash-heading">
      <h2 id="cash-heading">{t('operator.cash.heading')}</h2>
      <div className="op-grid">
        <div className="field">
          <label htmlFor="cash-amount">{t('operator.cash.amount')}</label>
          <input id="cash-amount" type="text" inputMode="numeric" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="cash-donor">{t('operator.cash.donor')}</label>
          <input id="cash-donor" type="text" autoComplete="off" value={donorName} onChange={(e) => setDonorName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="cash-phone">{t('operator.cash.phone')}</label>
          <input id="cash-phone" type="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} />
        </div>
      </div>
      {rupees !== null && rupees > CASH_80G_LIMIT_RUPEES && (
        <p className="operator-error" role="alert" data-testid="cash-warning">
          {t('operator.cash.warning')}
        </p>
      )}
      <label className="check">
        <input type="checkbox" checked={taxWanted} onChange={(e) => setTaxWanted(e.target.checked)} />
        <span className="check-box" aria-hidden="true" />
        <span>{t('operator.cash.taxWanted')}</span>
      </label>
      {taxWanted && (
        <div className="op-grid">
          <div className="field">
            <label htmlFor="cash-id-type">{t('tax.idType.label')}</label>
            <select id="cash-id-type" value={idType} onChange={(e) => setIdType(e.target.value === 'aadhaar' ? 'aadhaar' : 'pan')}>
              <option value="pan">{t('tax.idType.pan')}</option>
              <option value="aadhaar">{t('tax.idType.aadhaar')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="cash-id">{t(idType === 'pan' ? 'tax.pan.label' : 'tax.aadhaar.label')}</label>
            <input id="cash-id" type="text" autoComplete="off" spellCheck={false} value={idNumber} onChange={(e) => setIdNumber(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="cash-address">{t('tax.address.label')}</label>
            <input id="cash-address" type="text" autoComplete="off" value={address} onChange={(e) => setAddress(e.target.value)} />
          </div>
        </div>
      )}
      <label className="check">
        <input type="checkbox" checked={print} onChange={(e) => setPrint(e.target.checked)} />
        <span className="check-box" aria-hidden="true" />
        <span>{t('operator.cash.print')}</span>
      </label>
      <div role="status" aria-live="polite" data-testid="cash-result">
        {error && <p className="operator-error">{error}</p>}
        {result && (
          <div className="operator-ok">
            <p>{t('operator.cash.recorded', { receipt: result.receiptNumber })}</p>
            {!result.eligibleFor80G && taxWanted && <p>{t('operator.cash.notEligible')}</p>}
            {result.print && <p className="mono">{describePrint(result.print)}</p>}
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
