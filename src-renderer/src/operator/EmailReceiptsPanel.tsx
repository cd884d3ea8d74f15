// The console's email receipts (in the Receipts tab): the organisation's mail
// server (the password is stored encrypted like the payment keys and never
// shown), a test send, and the outbox: what is queued, sent and failed, with
// "Send again". Main checks every field; the console shows what main says.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { EmailOutboxStatus, EmailReceiptAdmin, EmailSecurity, EmailSettingsView } from '../../../src-main/contract/kiosk-api.ts';
import { Spinner } from '../components/ScreenFrame.tsx';
import { t, type MessageKey } from '../i18n/t.ts';
import type { OperatorCaller } from './operator-api.ts';

type Filter = EmailOutboxStatus | 'all';

/** How often the outbox list refreshes while something waits in it. */
const OUTBOX_REFRESH_MS = 3_000;

const STATUS_WORDS: Record<EmailOutboxStatus, MessageKey> = {
  queued: 'operator.email.status.queued',
  sent: 'operator.email.status.sent',
  failed: 'operator.email.status.failed',
};

const when = (iso: string | null): string => (iso === null ? '' : new Date(iso).toLocaleString('en-IN', { dateStyle: 'short', timeStyle: 'short' }));

export function EmailReceiptsPanel({ call }: { call: OperatorCaller }) {
  const [admin, setAdmin] = useState<EmailReceiptAdmin | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    const r = await call((api) => api.getEmailReceiptAdmin(filter === 'all' ? {} : { status: filter }));
    if (!r) return;
    if (r.ok) {
      setAdmin(r.value);
      setError(null);
    } else setError(r.error.message);
  }, [call, filter]);
  useEffect(() => {
    void load();
  }, [load]);
  // While receipts wait, the list follows the outbox by itself.
  const waiting = (admin?.counts.queued ?? 0) > 0;
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void load(), OUTBOX_REFRESH_MS);
    return () => clearInterval(timer);
  }, [waiting, load]);

  if (!admin) return error ? <p className="operator-error" role="alert">{error}</p> : <Spinner />;
  return (
    <section className="op-form email-receipts" aria-labelledby="email-heading" data-testid="email-receipts">
      <h2 id="email-heading">{t('operator.email.heading')}</h2>
      <EmailSettingsForm settings={admin.settings} call={call} onSaved={() => void load()} />
      <Outbox admin={admin} filter={filter} onFilter={setFilter} call={call} onChanged={() => void load()} />
    </section>
  );
}

function EmailSettingsForm({ settings, call, onSaved }: { settings: EmailSettingsView; call: OperatorCaller; onSaved: () => void }) {
  const [form, setForm] = useState(settings);
  const [password, setPassword] = useState('');
  const [testTo, setTestTo] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const edit = (patch: Partial<EmailSettingsView>) => {
    setForm({ ...form, ...patch });
    setMessage(null);
  };

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const { enabled, host, port, security, username, fromAddress, fromName } = form;
    const r = await call((api) =>
      api.updateEmailSettings({ settings: { enabled, host, port, security, username, fromAddress, fromName }, ...(password === '' ? {} : { password }) }),
    );
    setBusy(false);
    if (!r) return;
    if (r.ok) {
      setForm(r.value);
      setPassword('');
      setMessage({ ok: true, text: t('operator.email.saved') });
      onSaved();
    } else setMessage({ ok: false, text: r.error.message });
  };
  const sendTest = async (): Promise<void> => {
    setBusy(true);
    const r = await call((api) => api.sendTestEmail({ to: testTo.trim() }));
    setBusy(false);
    if (r) setMessage(r.ok ? { ok: r.value.sent, text: r.value.message } : { ok: false, text: r.error.message });
  };

  const text = (field: 'host' | 'username' | 'fromAddress' | 'fromName', label: MessageKey) => (
    <div className="field">
      <label htmlFor={`email-${field}`}>{t(label)}</label>
      <input id={`email-${field}`} type="text" autoComplete="off" spellCheck={false} value={form[field]} onChange={(e) => edit({ [field]: e.target.value })} />
    </div>
  );

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <label className="check">
        <input type="checkbox" checked={form.enabled} onChange={(e) => edit({ enabled: e.target.checked })} />
        <span className="check-box" aria-hidden="true" />
        <span>{t('operator.email.enabled')}</span>
      </label>
      <div className="op-grid">
        {text('host', 'operator.email.host')}
        <div className="field">
          <label htmlFor="email-port">{t('operator.email.port')}</label>
          <input id="email-port" type="text" inputMode="numeric" value={String(form.port)} onChange={(e) => edit({ port: Number(e.target.value.replace(/\D/g, '')) || 0 })} />
        </div>
        <div className="field">
          <label htmlFor="email-security">{t('operator.email.security')}</label>
          <select id="email-security" value={form.security} onChange={(e) => edit({ security: e.target.value as EmailSecurity })}>
            <option value="starttls">{t('operator.email.security.starttls')}</option>
            <option value="tls">{t('operator.email.security.tls')}</option>
            <option value="none">{t('operator.email.security.none')}</option>
          </select>
        </div>
        {text('username', 'operator.email.username')}
        <div className="field">
          <label htmlFor="email-password">{t('operator.email.password')}</label>
          <input
            id="email-password"
            type="password"
            autoComplete="new-password"
            value={password}
            disabled={!form.canStorePassword}
            placeholder={form.passwordSet ? t('operator.email.passwordKept') : ''}
            onChange={(e) => setPassword(e.target.value)}
          />
          <p className="hint">{t(form.canStorePassword ? (form.passwordSet ? 'operator.email.passwordSet' : 'operator.email.passwordNone') : 'operator.email.passwordBrowser')}</p>
        </div>
        {text('fromAddress', 'operator.email.from')}
        {text('fromName', 'operator.email.fromName')}
      </div>
      <div role="status" aria-live="polite" data-testid="email-settings-result">
        {message && <p className={message.ok ? 'operator-ok' : 'operator-error'}>{message.text}</p>}
      </div>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('operator.working') : t('operator.email.save')}
        </button>
      </div>
      <div className="field email-test">
        <label htmlFor="email-test-to">{t('operator.email.testTo')}</label>
        <div className="today-search-row">
          <input id="email-test-to" type="text" autoComplete="off" spellCheck={false} value={testTo} onChange={(e) => setTestTo(e.target.value)} />
          <button type="button" className="btn btn-secondary" disabled={busy || testTo.trim() === ''} onClick={() => void sendTest()}>
            {t('operator.email.test')}
          </button>
        </div>
      </div>
    </form>
  );
}

function Outbox({ admin, filter, onFilter, call, onChanged }: { admin: EmailReceiptAdmin; filter: Filter; onFilter: (f: Filter) => void; call: OperatorCaller; onChanged: () => void }) {
  const [busy, setBusy] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const resend = async (id: number): Promise<void> => {
    setBusy(id);
    const r = await call((api) => api.resendReceiptEmail({ id }));
    setBusy(null);
    if (!r) return;
    setMessage(r.ok ? t('operator.email.requeued', { to: r.value.to }) : r.error.message);
    onChanged();
  };
  const filters: Filter[] = ['all', 'queued', 'sent', 'failed'];
  return (
    <div className="email-outbox">
      <h3>{t('operator.email.outbox')}</h3>
      <div className="email-filters" role="group" aria-label={t('operator.email.outbox')}>
        {filters.map((f) => (
          <button key={f} type="button" className="btn btn-toggle" aria-pressed={filter === f} onClick={() => onFilter(f)} data-testid={`email-filter-${f}`}>
            {f === 'all' ? t('operator.email.all') : `${t(STATUS_WORDS[f])} (${admin.counts[f]})`}
          </button>
        ))}
        <button type="button" className="btn btn-secondary" onClick={onChanged}>
          {t('operator.email.refresh')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {message && <p className="operator-ok">{message}</p>}
      </div>
      {admin.entries.length === 0 ? (
        <p className="today-empty">{t('operator.email.none')}</p>
      ) : (
        <table className="op-table receipt-table" data-testid="email-outbox">
          <thead>
            <tr>
              <th scope="col">{t('operator.receipts.col.number')}</th>
              <th scope="col">{t('operator.email.col.to')}</th>
              <th scope="col">{t('operator.email.col.status')}</th>
              <th scope="col">{t('operator.email.col.detail')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {admin.entries.map((e) => (
              <tr key={e.id} data-status={e.status}>
                <td className="mono">{e.receiptNumber ?? e.donationId}</td>
                <td className="mono">{e.to}</td>
                <td>
                  <span className={`tag email-${e.status}`}>{t(STATUS_WORDS[e.status])}</span>
                </td>
                <td>
                  {e.status === 'sent' && t('operator.email.sentAt', { at: when(e.sentAt) })}
                  {e.status === 'queued' && t('operator.email.nextAt', { at: when(e.nextAttemptAt), tries: e.attempts })}
                  {e.lastError && e.status !== 'sent' && <span className="email-error"> {e.lastError}</span>}
                </td>
                <td>
                  {e.status !== 'queued' && (
                    <button type="button" className="btn btn-secondary" disabled={busy !== null} onClick={() => void resend(e.id)}>
                      {busy === e.id ? t('operator.working') : t('operator.email.resend')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
