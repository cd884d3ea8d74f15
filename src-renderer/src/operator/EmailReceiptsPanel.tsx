// The console's email receipts (in the Receipts tab): the organisation's mail
// server (the password is stored encrypted like the payment keys and never
// shown), a test send, and the outbox: what is queued, sent and failed, with
// "Send again". Every field is typed on the kiosk's keys; main checks each and
// a refusal is said under the field (settings-form.ts).
import { useCallback, useEffect, useState } from 'react';
import type { EmailOutboxStatus, EmailReceiptAdmin, EmailSecurity, EmailSettingsView, UpdateEmailSettingsRequest } from '../../../src-main/contract/kiosk-api.ts';
import { Spinner } from '../components/ScreenFrame.tsx';
import { t, type MessageKey } from '../i18n/t.ts';
import { fieldId, problemText, wholeNumber } from './field-problems.ts';
import { formatDateTime } from './india-date.ts';
import type { OperatorCaller } from './operator-api.ts';
import { KeptNotice, SaveBar } from './SaveBar.tsx';
import { useSettingsForm } from './settings-form.ts';
import { Choices, NumberField, TextField, TickBox } from './touch/fields.tsx';

type Filter = EmailOutboxStatus | 'all';

/** How often the outbox list refreshes while something waits in it. */
const OUTBOX_REFRESH_MS = 3_000;

const STATUS_WORDS: Record<EmailOutboxStatus, MessageKey> = {
  queued: 'operator.email.status.queued',
  sent: 'operator.email.status.sent',
  failed: 'operator.email.status.failed',
};

const when = (iso: string | null): string => (iso === null ? '' : formatDateTime(iso));

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

interface EmailForm {
  enabled: boolean;
  host: string;
  port: string;
  security: EmailSecurity;
  username: string;
  fromAddress: string;
  fromName: string;
}

type EmailRequest = Pick<UpdateEmailSettingsRequest, 'settings' | 'password'>;

const EMAIL_LABELS: Record<keyof EmailForm, MessageKey> = {
  enabled: 'operator.email.enabled',
  host: 'operator.email.host',
  port: 'operator.email.port',
  security: 'operator.email.security',
  username: 'operator.email.username',
  fromAddress: 'operator.email.from',
  fromName: 'operator.email.fromName',
};

function toForm(view: EmailSettingsView): EmailForm {
  const { enabled, host, port, security, username, fromAddress, fromName } = view;
  return { enabled, host, port: String(port), security, username, fromAddress, fromName };
}

/** The mail server's settings, typed on the kiosk's keys. The password is typed apart: it is never kept in a draft. */
function EmailSettingsForm({ settings, call, onSaved }: { settings: EmailSettingsView; call: OperatorCaller; onSaved: () => void }) {
  const [password, setPassword] = useState('');
  const [testTo, setTestTo] = useState('');
  const [testMessage, setTestMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [testing, setTesting] = useState(false);
  const form = useSettingsForm({
    formId: 'email',
    label: t('operator.email.heading'),
    baseline: toForm(settings),
    alsoChanged: password !== '',
    parse: (draft: EmailForm) => {
      const port = wholeNumber(draft.port);
      if (port === null) return { ok: false as const, errors: { port: problemText({ path: 'port', problem: draft.port.trim() === '' ? 'required' : 'not_whole' }) } };
      const { enabled, host, security, username, fromAddress, fromName } = draft;
      return { ok: true as const, request: { settings: { enabled, host, port, security, username, fromAddress, fromName }, ...(password === '' ? {} : { password }) } };
    },
    save: (request: EmailRequest) => call((api) => api.updateEmailSettings(request)),
    changes: (saved) => [
      ...(Object.keys(EMAIL_LABELS) as (keyof EmailForm)[]).filter((key) => toForm(settings)[key] !== toForm(saved)[key]).map((key) => t(EMAIL_LABELS[key])),
      ...(password === '' ? [] : [t('operator.email.password')]),
    ],
    toForm,
    onSaved: () => {
      // The password never stays on screen.
      setPassword('');
      onSaved();
    },
    prefix: 'settings',
  });
  const { draft, edit, errors } = form;
  const id = (path: string): string => fieldId('email', path);

  const sendTest = async (): Promise<void> => {
    setTesting(true);
    setTestMessage(null);
    const r = await call((api) => api.sendTestEmail({ to: testTo.trim() }));
    setTesting(false);
    if (r) setTestMessage(r.ok ? { ok: r.value.sent, text: r.value.message } : { ok: false, text: r.error.message });
  };

  return (
    <form ref={form.formRef} onSubmit={(e) => void form.submit(e)} noValidate autoComplete="off">
      <KeptNotice kept={form.kept} />
      <TickBox id={id('enabled')} label={t('operator.email.enabled')} checked={draft.enabled} onChange={(v) => edit({ enabled: v })} />
      <div className="op-grid">
        <TextField id={id('host')} label={t('operator.email.host')} value={draft.host} maxLength={253} onChange={(v) => edit({ host: v })} error={errors['host']} />
        <NumberField id={id('port')} label={t('operator.email.port')} value={draft.port} maxLength={5} onChange={(v) => edit({ port: v })} error={errors['port']} />
        <TextField id={id('username')} label={t('operator.email.username')} layout="email" value={draft.username} maxLength={254} onChange={(v) => edit({ username: v })} error={errors['username']} />
        <TextField
          id={id('password')}
          label={t('operator.email.password')}
          password
          value={password}
          maxLength={256}
          onChange={setPassword}
          disabled={!settings.canStorePassword}
          hint={t(settings.canStorePassword ? (settings.passwordSet ? 'operator.email.passwordSet' : 'operator.email.passwordNone') : 'operator.email.passwordBrowser')}
          error={errors['password']}
        />
        <TextField id={id('fromAddress')} label={t('operator.email.from')} layout="email" value={draft.fromAddress} maxLength={254} onChange={(v) => edit({ fromAddress: v })} error={errors['fromAddress']} />
        <TextField id={id('fromName')} label={t('operator.email.fromName')} value={draft.fromName} maxLength={80} onChange={(v) => edit({ fromName: v })} error={errors['fromName']} />
      </div>
      <Choices<EmailSecurity>
        id={id('security')}
        label={t('operator.email.security')}
        value={draft.security}
        choices={[
          { value: 'starttls', label: t('operator.email.security.starttls') },
          { value: 'tls', label: t('operator.email.security.tls') },
          { value: 'none', label: t('operator.email.security.none') },
        ]}
        onChange={(v) => edit({ security: v })}
        error={errors['security']}
      />
      <SaveBar id="email-settings" note={t('operator.email.saveNote')} status={form.status} busy={form.busy} saveLabel={t('operator.email.save')} />
      <div className="email-test">
        <TextField id="email-test-to" label={t('operator.email.testTo')} layout="email" value={testTo} maxLength={254} onChange={setTestTo} />
        <div className="actions">
          <button type="button" className="btn btn-secondary" disabled={testing || testTo.trim() === ''} onClick={() => void sendTest()}>
            {testing ? t('operator.working') : t('operator.email.test')}
          </button>
        </div>
        <div role="status" aria-live="polite" data-testid="email-test-result">
          {testMessage && <p className={testMessage.ok ? 'operator-ok' : 'operator-error'}>{testMessage.text}</p>}
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
