// The console's receipts tab: receipt settings (organisation, 80G, printer,
// layout, FCRA), test print, the receipt list with reprint, cash gifts and
// the Form 10BD export.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ReceiptAdmin, ReceiptLayout, ReceiptSettings } from '../../../src-main/contract/kiosk-api.ts';
import { Spinner } from '../components/ScreenFrame.tsx';
import { formatRupees, t } from '../i18n/t.ts';
import { CashGiftPanel } from './CashGiftPanel.tsx';
import { Form10bdPanel } from './Form10bdPanel.tsx';
import { EmailReceiptsPanel } from './EmailReceiptsPanel.tsx';
import { describePrint } from './receipt-caller.ts';
import type { OperatorCaller } from './operator-api.ts';
import '../receipts.css';

export function ReceiptsTab({ call }: { call: OperatorCaller }) {
  const [admin, setAdmin] = useState<ReceiptAdmin | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    async (search: string) => {
      const r = await call((api) => api.getReceiptAdmin(search.trim() === '' ? {} : { search: search.trim() }));
      if (!r) return;
      if (r.ok) {
        setAdmin(r.value);
        setError(null);
      } else setError(r.error.message);
    },
    [call],
  );
  useEffect(() => {
    void load('');
  }, [load]);

  if (!admin) return error ? <p className="operator-error" role="alert">{error}</p> : <Spinner />;
  return (
    <div className="receipts-tab">
      <ReceiptSettingsForm admin={admin} call={call} onSaved={() => void load('')} />
      <ReceiptList admin={admin} call={call} onSearch={(q) => void load(q)} />
      <EmailReceiptsPanel call={call} />
      <CashGiftPanel call={call} onRecorded={() => void load('')} />
      <Form10bdPanel call={call} />
    </div>
  );
}

function ReceiptSettingsForm({ admin, call, onSaved }: { admin: ReceiptAdmin; call: OperatorCaller; onSaved: () => void }) {
  const [form, setForm] = useState<ReceiptSettings>(admin.settings);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const edit = (patch: Partial<ReceiptSettings>) => {
    setForm({ ...form, ...patch });
    setMessage(null);
  };

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const r = await call((api) => api.updateReceiptSettings({ settings: form }));
    setBusy(false);
    if (!r) return;
    if (r.ok) {
      onSaved();
      setForm(r.value);
      setMessage({ ok: true, text: t('operator.receipts.saved') });
    } else setMessage({ ok: false, text: r.error.message });
  };
  const testPrint = async (): Promise<void> => {
    setBusy(true);
    const r = await call((api) => api.testPrint());
    setBusy(false);
    if (r) setMessage(r.ok ? { ok: r.value.printed, text: describePrint(r.value) } : { ok: false, text: r.error.message });
  };

  const text = (field: 'organisationAddress' | 'organisationPan' | 'registration80G' | 'registration80GValidFrom' | 'registration80GValidTo', label: Parameters<typeof t>[0]) => (
    <div className="field">
      <label htmlFor={`rs-${field}`}>{t(label)}</label>
      <input id={`rs-${field}`} type="text" autoComplete="off" spellCheck={false} value={form[field]} onChange={(e) => edit({ [field]: e.target.value })} />
    </div>
  );

  return (
    <form className="op-form" onSubmit={(e) => void save(e)} noValidate aria-labelledby="receipt-settings-heading">
      <h2 id="receipt-settings-heading">{t('operator.receipts.heading')}</h2>
      <p className="hint" data-testid="tax-offered">{t(admin.taxReceiptsOffered ? 'operator.receipts.offered' : 'operator.receipts.notOffered')}</p>
      <div className="op-grid">
        {text('organisationAddress', 'operator.receipts.address')}
        {text('organisationPan', 'operator.receipts.pan')}
        {text('registration80G', 'operator.receipts.registration')}
        {text('registration80GValidFrom', 'operator.receipts.validFrom')}
        {text('registration80GValidTo', 'operator.receipts.validTo')}
        <div className="field">
          <label htmlFor="rs-printer">{t('operator.receipts.printer')}</label>
          <select id="rs-printer" value={form.printerName} onChange={(e) => edit({ printerName: e.target.value })}>
            <option value="">{t('operator.receipts.noPrinter')}</option>
            {[...new Set([...admin.printers, ...(form.printerName ? [form.printerName] : [])])].map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="rs-layout">{t('operator.receipts.layout')}</label>
          <select id="rs-layout" value={form.receiptLayout} onChange={(e) => edit({ receiptLayout: e.target.value as ReceiptLayout })}>
            <option value="thermal-80mm">{t('operator.receipts.layout.thermal')}</option>
            <option value="a4">{t('operator.receipts.layout.a4')}</option>
          </select>
        </div>
      </div>
      <label className="check">
        <input type="checkbox" checked={form.acceptForeignContributions} onChange={(e) => edit({ acceptForeignContributions: e.target.checked })} />
        <span className="check-box" aria-hidden="true" />
        <span>{t('operator.receipts.foreign')}</span>
      </label>
      <div role="status" aria-live="polite" data-testid="receipt-settings-result">
        {message && <p className={message.ok ? 'operator-ok' : 'operator-error'}>{message.text}</p>}
      </div>
      <div className="actions">
        <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void testPrint()}>
          {t('operator.receipts.testPrint')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('operator.working') : t('operator.receipts.save')}
        </button>
      </div>
    </form>
  );
}

function ReceiptList({ admin, call, onSearch }: { admin: ReceiptAdmin; call: OperatorCaller; onSearch: (q: string) => void }) {
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const reprint = async (receiptNumber: string): Promise<void> => {
    setBusy(receiptNumber);
    const r = await call((api) => api.reprintReceipt({ receiptNumber }));
    setBusy(null);
    if (r) setMessage(r.ok ? describePrint(r.value) : r.error.message);
  };
  return (
    <section className="op-form" aria-labelledby="receipt-list-heading">
      <form
        className="today-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          onSearch(query);
        }}
      >
        <label htmlFor="receipt-search" id="receipt-list-heading">
          {t('operator.receipts.search')}
        </label>
        <div className="today-search-row">
          <input id="receipt-search" type="search" value={query} autoComplete="off" spellCheck={false} onChange={(e) => setQuery(e.target.value)} />
          <button type="submit" className="btn btn-secondary">
            {t('operator.receipts.searchButton')}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite" data-testid="reprint-result">
        {message && <p className="operator-ok mono">{message}</p>}
      </div>
      {admin.receipts.length === 0 ? (
        <p className="today-empty">{t('operator.receipts.none')}</p>
      ) : (
        <table className="op-table receipt-table" data-testid="receipt-list">
          <thead>
            <tr>
              <th scope="col">{t('operator.receipts.col.number')}</th>
              <th scope="col">{t('operator.receipts.col.date')}</th>
              <th scope="col">{t('operator.receipts.col.donor')}</th>
              <th scope="col">{t('operator.receipts.col.amount')}</th>
              <th scope="col">{t('operator.receipts.col.method')}</th>
              <th scope="col">{t('operator.receipts.col.type')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {admin.receipts.map((r) => (
              <tr key={r.receiptNumber}>
                <td className="mono">{r.receiptNumber}</td>
                <td>{new Date(r.paidAt).toLocaleString('en-IN', { dateStyle: 'short', timeStyle: 'short' })}</td>
                <td>{r.donorName ?? <span className="muted">{t('operator.anonymous')}</span>}</td>
                <td className="num">{formatRupees(r.amountRupees)}</td>
                <td>{r.method === 'cash' ? <span className="tag">cash</span> : r.method}</td>
                <td>{t(r.taxReceipt ? 'operator.receipts.type.80g' : 'operator.receipts.type.plain')}</td>
                <td>
                  <button type="button" className="btn btn-secondary" disabled={busy !== null} onClick={() => void reprint(r.receiptNumber)}>
                    {busy === r.receiptNumber ? t('operator.working') : t('operator.receipts.reprint')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
