// The console's "Receipts" tab: the receipt settings (organisation, 80G,
// printer, layout, FCRA) with a test print, and the receipt list with reprint.
import { useCallback, useEffect, useState } from 'react';
import type { ReceiptAdmin, ReceiptLayout, ReceiptSettings } from '../../../src-main/contract/kiosk-api.ts';
import { Spinner } from '../components/ScreenFrame.tsx';
import { formatRupees, t } from '../i18n/t.ts';
import { receiptSettingsChanges } from './changes.ts';
import { fieldId } from './field-problems.ts';
import { formatDateTime } from './india-date.ts';
import { Breakable } from './TodayPanel.tsx';
import { EmailReceiptsPanel } from './EmailReceiptsPanel.tsx';
import type { OperatorCaller } from './operator-api.ts';
import { describePrint } from './receipt-caller.ts';
import { KeptNotice, SaveBar } from './SaveBar.tsx';
import { useSettingsForm } from './settings-form.ts';
import { DateField } from './touch/DateField.tsx';
import { Choices, TextField, TickBox } from './touch/fields.tsx';
import { useHideKeys } from './touch/typing.tsx';
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
    </div>
  );
}

function ReceiptSettingsForm({ admin, call, onSaved }: { admin: ReceiptAdmin; call: OperatorCaller; onSaved: () => void }) {
  const form = useSettingsForm({
    formId: 'receipt-settings',
    label: t('operator.receipts.heading'),
    baseline: admin.settings,
    parse: (draft: ReceiptSettings) => ({ ok: true as const, request: draft }),
    save: (request: ReceiptSettings) => call((api) => api.updateReceiptSettings({ settings: request })),
    changes: (saved) => receiptSettingsChanges(admin.settings, saved),
    toForm: (saved) => saved,
    onSaved,
    prefix: 'settings',
  });
  const [printMessage, setPrintMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [printing, setPrinting] = useState(false);
  const { draft, edit, errors } = form;
  const id = (path: string): string => fieldId('receipt-settings', path);

  const testPrint = async (): Promise<void> => {
    setPrinting(true);
    setPrintMessage(null);
    const r = await call((api) => api.testPrint());
    setPrinting(false);
    if (r) setPrintMessage(r.ok ? { ok: r.value.printed, text: describePrint(r.value) } : { ok: false, text: r.error.message });
  };

  const printers = [...new Set([...admin.printers, ...(draft.printerName ? [draft.printerName] : [])])];

  return (
    <form ref={form.formRef} className="op-form" onSubmit={(e) => void form.submit(e)} noValidate autoComplete="off" aria-labelledby="receipt-settings-heading">
      <h2 id="receipt-settings-heading">{t('operator.receipts.heading')}</h2>
      <p className="hint" data-testid="tax-offered">
        {t(admin.taxReceiptsOffered ? 'operator.receipts.offered' : 'operator.receipts.notOffered')}
      </p>
      <KeptNotice kept={form.kept} />
      <div className="op-grid">
        <TextField id={id('organisationAddress')} label={t('operator.receipts.address')} value={draft.organisationAddress} maxLength={300} onChange={(v) => edit({ organisationAddress: v })} error={errors['organisationAddress']} />
        <TextField id={id('organisationPan')} label={t('operator.receipts.pan')} layout="pan" value={draft.organisationPan} maxLength={10} onChange={(v) => edit({ organisationPan: v })} hint={t('tax.pan.hint')} error={errors['organisationPan']} />
        <TextField id={id('registration80G')} label={t('operator.receipts.registration')} layout="pan" value={draft.registration80G} maxLength={100} onChange={(v) => edit({ registration80G: v })} error={errors['registration80G']} />
        <DateField id={id('registration80GValidFrom')} label={t('operator.receipts.validFrom')} value={draft.registration80GValidFrom} optional onChange={(v) => edit({ registration80GValidFrom: v })} error={errors['registration80GValidFrom']} />
        <DateField id={id('registration80GValidTo')} label={t('operator.receipts.validTo')} value={draft.registration80GValidTo} optional onChange={(v) => edit({ registration80GValidTo: v })} error={errors['registration80GValidTo']} />
        <Choices
          id={id('printerName')}
          label={t('operator.receipts.printer')}
          value={draft.printerName}
          choices={[{ value: '', label: t('operator.receipts.noPrinter') }, ...printers.map((name) => ({ value: name, label: name }))]}
          onChange={(v) => edit({ printerName: v })}
          error={errors['printerName']}
        />
        <Choices<ReceiptLayout>
          id={id('receiptLayout')}
          label={t('operator.receipts.layout')}
          value={draft.receiptLayout}
          choices={[
            { value: 'thermal-80mm', label: t('operator.receipts.layout.thermal') },
            { value: 'a4', label: t('operator.receipts.layout.a4') },
          ]}
          onChange={(v) => edit({ receiptLayout: v })}
        />
      </div>
      <TickBox id={id('acceptForeignContributions')} label={t('operator.receipts.foreign')} checked={draft.acceptForeignContributions} onChange={(v) => edit({ acceptForeignContributions: v })} />
      <div role="status" aria-live="polite" data-testid="test-print-result">
        {printMessage && <p className={printMessage.ok ? 'operator-ok' : 'operator-error'}>{printMessage.text}</p>}
      </div>
      <SaveBar id="receipt-settings" status={form.status} busy={form.busy} saveLabel={t('operator.receipts.save')}>
        <button type="button" className="btn btn-secondary" disabled={printing} onClick={() => void testPrint()}>
          {printing ? t('operator.working') : t('operator.receipts.testPrint')}
        </button>
      </SaveBar>
    </form>
  );
}

function ReceiptList({ admin, call, onSearch }: { admin: ReceiptAdmin; call: OperatorCaller; onSearch: (q: string) => void }) {
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const hideKeys = useHideKeys();
  const reprint = async (receiptNumber: string): Promise<void> => {
    setBusy(receiptNumber);
    const r = await call((api) => api.reprintReceipt({ receiptNumber }));
    setBusy(null);
    if (r) setMessage(r.ok ? describePrint(r.value) : r.error.message);
  };
  return (
    <section className="op-form" aria-labelledby="receipt-list-heading">
      <h2 id="receipt-list-heading">{t('operator.receipts.listHeading')}</h2>
      <form
        className="today-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          hideKeys();
          onSearch(query);
        }}
      >
        <TextField id="receipt-search" label={t('operator.receipts.search')} value={query} maxLength={80} onChange={setQuery} />
        <div className="actions">
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
        <table className="op-table receipt-table cards-when-narrow" data-testid="receipt-list">
          <thead>
            <tr>
              <th scope="col">{t('operator.receipts.col.number')}</th>
              <th scope="col">{t('operator.receipts.col.date')}</th>
              <th scope="col">{t('operator.receipts.col.donor')}</th>
              <th scope="col">{t('operator.receipts.col.amount')}</th>
              <th scope="col">{t('operator.receipts.col.method')}</th>
              <th scope="col">{t('operator.receipts.col.type')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('operator.receipts.reprint')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {admin.receipts.map((r) => (
              <tr key={r.receiptNumber}>
                <td data-label={t('operator.receipts.col.number')} className="mono">
                  <Breakable text={r.receiptNumber} />
                </td>
                <td data-label={t('operator.receipts.col.date')}>{formatDateTime(r.paidAt)}</td>
                <td data-label={t('operator.receipts.col.donor')}>{r.donorName ?? <span className="muted">{t('operator.anonymous')}</span>}</td>
                <td data-label={t('operator.receipts.col.amount')} className="num">
                  {formatRupees(r.amountRupees)}
                </td>
                <td data-label={t('operator.receipts.col.method')}>{r.method === 'cash' ? <span className="tag">{t('operator.cashTag')}</span> : r.method}</td>
                <td data-label={t('operator.receipts.col.type')}>{t(r.taxReceipt ? 'operator.receipts.type.80g' : 'operator.receipts.type.plain')}</td>
                <td className="cell-action">
                  <button
                    type="button"
                    className="btn btn-secondary btn-small"
                    disabled={busy !== null}
                    aria-label={t('operator.receipts.reprintNumber', { receipt: r.receiptNumber })}
                    onClick={() => void reprint(r.receiptNumber)}
                  >
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
