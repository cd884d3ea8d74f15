// The operator console: today's donations, settings, CSV export, payment keys,
// reconcile and exit. Every call goes to main, which checks the operator
// session; an operator_required answer sends the operator back to the PIN pad.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type {
  EditableSettings,
  ExportResult,
  KeyCheckResult,
  KioskMode,
  OperatorOverview,
  Result,
} from '../../../src-main/contract/kiosk-api.ts';
import { ScreenFrame, ScreenHeading, Spinner } from '../components/ScreenFrame.tsx';
import { formatRupees, t, type MessageKey } from '../i18n/t.ts';
import { operatorCall, type OperatorCaller } from './operator-api.ts';
import { readAsDataUri } from './read-file.ts';
import { DonorScreenSettings } from './DonorScreenSettings.tsx';
import { en } from '../i18n/en.ts';
import { ReceiptsTab } from './ReceiptsPanel.tsx';
import { DateRangeExport } from './DateRangeExport.tsx';
import { UpdatePanel } from './UpdatePanel.tsx';

/** How often the console checks that the operator session is still open (it ends by itself when idle). */
const SESSION_CHECK_MS = 10_000;

type Tab = 'today' | 'settings' | 'export' | 'keys' | 'kiosk' | 'receipts';
const TABS: { id: Tab; label: MessageKey }[] = [
  { id: 'today', label: 'operator.tab.today' },
  { id: 'settings', label: 'operator.tab.settings' },
  { id: 'export', label: 'operator.tab.export' },
  { id: 'keys', label: 'operator.tab.keys' },
  { id: 'kiosk', label: 'operator.tab.kiosk' },
  { id: 'receipts', label: 'operator.tab.receipts' },
];

interface ConsoleProps {
  mode: KioskMode | undefined;
  onDone: () => void;
  onSessionEnded: () => void;
}


export function stateLabel(state: string): string {
  const key = `state.${state}`;
  return Object.hasOwn(en, key) ? t(key as MessageKey) : state;
}

export function Console({ mode, onDone, onSessionEnded }: ConsoleProps) {
  const [tab, setTab] = useState<Tab>('today');
  const [overview, setOverview] = useState<OperatorOverview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [search, setSearch] = useState('');

  /** An operator call; null when the session had ended (the PIN pad is showing by then). */
  const call: OperatorCaller = useCallback(
    async <T,>(fn: Parameters<typeof operatorCall<T>>[0]): Promise<Result<T> | null> => {
      const result = await operatorCall(fn);
      if (!result.ok && result.error.code === 'operator_required') {
        onSessionEnded();
        return null;
      }
      return result;
    },
    [onSessionEnded],
  );

  const load = useCallback(
    async (query: string): Promise<void> => {
      const result = await call((api) => api.getOperatorOverview(query.trim() === '' ? {} : { search: query.trim() }));
      if (!result) return;
      if (result.ok) {
        setOverview(result.value);
        setLoadError(null);
      } else setLoadError(result.error.message);
    },
    [call],
  );

  useEffect(() => {
    void load('');
  }, [load]);

  // The session ends in main after a few idle minutes: leave the console when it does.
  useEffect(() => {
    const timer = setInterval(() => {
      void operatorCall((api) => api.getOperatorGate()).then((r) => {
        if (r.ok && !r.value.operatorActive) onSessionEnded();
      });
    }, SESSION_CHECK_MS);
    return () => clearInterval(timer);
  }, [onSessionEnded]);

  const done = async (): Promise<void> => {
    await operatorCall((api) => api.endOperatorSession());
    onDone();
  };

  return (
    <ScreenFrame name="operator-console" mode={mode} className="screen-operator">
      <div className="console">
        <header className="console-head">
          <div>
            <ScreenHeading>{t('operator.console.heading')}</ScreenHeading>
            {overview && <p className="console-meta">{t('operator.console.meta', { mode: overview.mode, version: overview.version })}</p>}
          </div>
          <button type="button" className="btn btn-primary console-done" onClick={() => void done()}>
            {t('operator.done')}
          </button>
        </header>
        <div className="console-tabs" role="tablist">
          {TABS.map(({ id, label }) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`panel-${id}`}
              className="btn console-tab"
              onClick={() => setTab(id)}
            >
              {t(label)}
            </button>
          ))}
        </div>
        <section className="console-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          {loadError && <p className="operator-error" role="alert">{loadError}</p>}
          {tab === 'today' &&
            (overview ? (
              <Today overview={overview} search={search} onSearch={(q) => { setSearch(q); void load(q); }} />
            ) : (
              !loadError && <Spinner />
            ))}
          {tab === 'settings' &&
            (overview ? (
              <>
                <Settings
                  settings={overview.settings}
                  supportedLanguages={overview.supportedLanguages}
                  call={call}
                  onSaved={(s) => {
                    setOverview({ ...overview, settings: s });
                    // The event's name or start day may have changed its totals.
                    void load(search);
                  }}
                />
                <Logo
                  logoDataUri={overview.settings.logoDataUri}
                  organisationName={overview.settings.organisationName}
                  call={call}
                  onSaved={(s) => setOverview({ ...overview, settings: s })}
                />
                <DonorScreenSettings settings={overview.settings} call={call} onSaved={(s) => setOverview({ ...overview, settings: s })} />
              </>
            ) : (
              !loadError && <Spinner />
            ))}
          {tab === 'export' && <Export call={call} />}
          {tab === 'keys' && <Keys call={call} />}
          {tab === 'kiosk' && <><KioskActions call={call} /><UpdatePanel call={call} /></>}
          {tab === 'receipts' && <ReceiptsTab call={call} />}
        </section>
      </div>
    </ScreenFrame>
  );
}

// ---- today ------------------------------------------------------------------------

function timeOf(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleTimeString('en-IN', { hour: '2-digit', minute: '2-digit' });
}

function Today({ overview, search, onSearch }: { overview: OperatorOverview; search: string; onSearch: (q: string) => void }) {
  const [query, setQuery] = useState(search);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    onSearch(query);
  };
  return (
    <div className="today">
      <div className="today-summary">
        <div className="today-total" data-testid="today-received">
          <span className="today-total-label">{t('operator.today.received')}</span>
          <span className="today-total-amount">{formatRupees(overview.receivedRupees)}</span>
          <span>{t(overview.paidCount === 1 ? 'operator.today.paidCount.one' : 'operator.today.paidCount.other', { n: overview.paidCount })}</span>
          {overview.recoveredCount > 0 && <span>{t('operator.today.recovered', { n: overview.recoveredCount })}</span>}
        </div>
        {overview.event && (
          <div className="today-total" data-testid="event-received">
            <span className="today-total-label">{t('operator.event.received', { name: overview.event.name || t('operator.event.unnamed'), since: overview.event.since })}</span>
            <span className="today-total-amount">{formatRupees(overview.event.receivedRupees)}</span>
            <span>{t(overview.event.paidCount === 1 ? 'operator.today.paidCount.one' : 'operator.today.paidCount.other', { n: overview.event.paidCount })}</span>
            <span>{t('operator.event.attempts', { n: overview.event.byState.reduce((sum, line) => sum + line.count, 0) })}</span>
          </div>
        )}
        {overview.byState.length > 0 && (
          <table className="op-table today-states" data-testid="today-by-state">
            <caption>{t('operator.today.byState')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('operator.col.state')}</th>
                <th scope="col">{t('operator.col.count')}</th>
                <th scope="col">{t('operator.col.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.byState.map((s) => (
                <tr key={s.state} data-state={s.state}>
                  <td>{stateLabel(s.state)}</td>
                  <td className="num">{s.count}</td>
                  <td className="num">{formatRupees(s.amountRupees)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <form className="today-search" onSubmit={submit} role="search">
        <label htmlFor="op-search">{t('operator.today.search')}</label>
        <div className="today-search-row">
          <input id="op-search" type="search" value={query} autoComplete="off" spellCheck={false} onChange={(e) => setQuery(e.target.value)} />
          <button type="submit" className="btn btn-secondary">
            {t('operator.today.searchButton')}
          </button>
          {search !== '' && (
            <button type="button" className="btn btn-secondary" onClick={() => { setQuery(''); onSearch(''); }}>
              {t('operator.today.clear')}
            </button>
          )}
        </div>
      </form>

      {overview.donations.length === 0 ? (
        <p className="today-empty">{search === '' ? t('operator.today.none') : t('operator.today.noMatch', { search })}</p>
      ) : (
        <table className="op-table today-list" data-testid="today-list">
          <caption>{t('operator.today.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('operator.col.time')}</th>
              <th scope="col">{t('operator.col.reference')}</th>
              <th scope="col">{t('operator.col.donor')}</th>
              <th scope="col">{t('operator.col.cause')}</th>
              <th scope="col">{t('operator.col.amount')}</th>
              <th scope="col">{t('operator.col.state')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.donations.map((d) => (
              <tr key={d.donationId} data-state={d.state}>
                <td>{timeOf(d.createdAt)}</td>
                <td className="mono">{d.receipt}</td>
                <td>{d.donorName ?? <span className="muted">{t('operator.anonymous')}</span>}</td>
                <td>{d.cause}</td>
                <td className="num">{formatRupees(d.amountRupees)}</td>
                <td>
                  {stateLabel(d.state)}
                  {d.recovered && <span className="tag">{t('operator.recoveredTag')}</span>}
                  {d.cash && <span className="tag">{t('operator.cashTag')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

// ---- settings ---------------------------------------------------------------------

interface SettingsForm {
  organisationName: string;
  eventName: string;
  eventStartDate: string;
  kioskId: string;
  min: string;
  max: string;
  idle: string;
  language: string;
}

/** What the settings form saves; the logo has its own section. */
/** The settings form's fields; the logo and the update settings have their own panels. */
type FormSettings = Omit<EditableSettings, 'logoDataUri' | 'updateFeedUrl' | 'updateInstallHour' | 'causes'>;

function toForm(s: EditableSettings): SettingsForm {
  return {
    organisationName: s.organisationName,
    eventName: s.eventName,
    eventStartDate: s.eventStartDate,
    kioskId: s.kioskId,
    min: String(s.minAmountRupees),
    max: String(s.maxAmountRupees),
    idle: String(s.idleResetSeconds),
    language: s.language,
  };
}

const WHOLE = /^\s*[0-9]+\s*$/;

/** The form as EditableSettings, or the message saying which field is not a number. Main checks the rest. */
function fromForm(f: SettingsForm): { ok: true; settings: FormSettings } | { ok: false; message: string } {
  const numbers: [keyof SettingsForm, MessageKey][] = [
    ['min', 'operator.settings.min'],
    ['max', 'operator.settings.max'],
    ['idle', 'operator.settings.idle'],
  ];
  for (const [field, label] of numbers) {
    if (!WHOLE.test(f[field])) return { ok: false, message: t('operator.settings.notWhole', { field: t(label) }) };
  }
  return {
    ok: true,
    settings: {
      organisationName: f.organisationName,
      eventName: f.eventName,
      eventStartDate: f.eventStartDate.trim(),
      kioskId: f.kioskId,
      minAmountRupees: Number(f.min),
      maxAmountRupees: Number(f.max),
      idleResetSeconds: Number(f.idle),
      language: f.language,
    },
  };
}

/** "English" for "en"; the code itself for a language this catalogue has no name for. */
function languageName(code: string): string {
  const key = `language.${code}`;
  return Object.hasOwn(en, key) ? t(key as MessageKey) : code;
}

const SETTING_FIELDS: { field: Exclude<keyof SettingsForm, 'language'>; label: MessageKey; numeric?: boolean; hint?: MessageKey }[] = [
  { field: 'organisationName', label: 'operator.settings.organisationName' },
  { field: 'eventName', label: 'operator.settings.eventName' },
  { field: 'eventStartDate', label: 'operator.settings.eventStartDate', hint: 'operator.settings.eventStartDateHint' },
  { field: 'kioskId', label: 'operator.settings.kioskId' },
  { field: 'min', label: 'operator.settings.min', numeric: true },
  { field: 'max', label: 'operator.settings.max', numeric: true },
  { field: 'idle', label: 'operator.settings.idle', numeric: true },
];

function Settings({
  settings,
  supportedLanguages,
  call,
  onSaved,
}: {
  settings: EditableSettings;
  supportedLanguages: string[];
  call: OperatorCaller;
  onSaved: (s: EditableSettings) => void;
}) {
  const [form, setForm] = useState<SettingsForm>(() => toForm(settings));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    setSaved(false);
    const parsed = fromForm(form);
    if (!parsed.ok) {
      setError(`${parsed.message} ${t('operator.settings.notSaved')}`);
      return;
    }
    setBusy(true);
    const result = await call((api) => api.updateSettings({ settings: parsed.settings }));
    setBusy(false);
    if (!result) return;
    if (result.ok) {
      setError(null);
      setSaved(true);
      setForm(toForm(result.value));
      onSaved(result.value);
    } else {
      // Main says what it refused; it changes nothing when it refuses.
      const { message } = result.error;
      const notSaved = t('operator.settings.notSaved');
      setError(message.includes(notSaved) ? message : `${message} ${notSaved}`);
    }
  };

  return (
    <form className="op-form" onSubmit={(e) => void submit(e)} noValidate autoComplete="off">
      <div className="op-grid">
        {SETTING_FIELDS.map(({ field, label, numeric, hint }) => (
          <div className="field" key={field}>
            <label htmlFor={`set-${field}`}>{t(label)}</label>
            <input
              id={`set-${field}`}
              type="text"
              inputMode={numeric ? 'numeric' : 'text'}
              spellCheck={false}
              value={form[field]}
              aria-describedby={hint ? `set-${field}-hint settings-message` : 'settings-message'}
              onChange={(e) => {
                setForm({ ...form, [field]: e.target.value });
                setSaved(false);
              }}
            />
            {hint && (
              <p id={`set-${field}-hint`} className="hint">
                {t(hint)}
              </p>
            )}
          </div>
        ))}
        <div className="field">
          <label htmlFor="set-language">{t('operator.settings.language')}</label>
          <select
            id="set-language"
            value={form.language}
            aria-describedby="settings-message"
            onChange={(e) => {
              setForm({ ...form, language: e.target.value });
              setSaved(false);
            }}
          >
            {supportedLanguages.map((code) => (
              <option key={code} value={code}>
                {languageName(code)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div id="settings-message" role="status" aria-live="polite" data-testid="settings-message">
        {error && <p className="operator-error">{error}</p>}
        {saved && <p className="operator-ok">{t('operator.settings.saved')}</p>}
      </div>
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t('operator.working') : t('operator.settings.save')}
        </button>
      </div>
    </form>
  );
}

// ---- logo -------------------------------------------------------------------------

/** The file as a data URI, read here in the page; main checks what it really is. */

function Logo({
  logoDataUri,
  organisationName,
  call,
  onSaved,
}: {
  logoDataUri: string | undefined;
  organisationName: string;
  call: OperatorCaller;
  onSaved: (s: EditableSettings) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (uri: string, doneMessage: string): Promise<void> => {
    setBusy(true);
    setDone(null);
    const result = await call((api) => api.updateSettings({ settings: { logoDataUri: uri } }));
    setBusy(false);
    if (!result) return;
    if (result.ok) {
      setError(null);
      setDone(doneMessage);
      onSaved(result.value);
    } else {
      const notSaved = t('operator.settings.notSaved');
      setError(result.error.message.includes(notSaved) ? result.error.message : `${result.error.message} ${notSaved}`);
    }
  };

  const choose = async (input: HTMLInputElement): Promise<void> => {
    const file = input.files?.[0];
    input.value = '';
    if (!file || busy) return;
    let uri: string;
    try {
      uri = await readAsDataUri(file);
    } catch {
      setDone(null);
      setError(t('operator.logo.unreadable'));
      return;
    }
    await save(uri, t('operator.logo.saved'));
  };

  return (
    <section className="op-form op-logo" aria-labelledby="logo-heading">
      <h2 id="logo-heading">{t('operator.logo.heading')}</h2>
      <p className="op-note">{t('operator.logo.body')}</p>
      <div className="op-logo-row">
        {logoDataUri ? (
          <img className="op-logo-preview" src={logoDataUri} alt={t('operator.logo.current', { name: organisationName })} data-testid="logo-preview" />
        ) : (
          <p className="muted">{t('operator.logo.none')}</p>
        )}
        <div className="actions">
          {/* The input comes first so its keyboard focus can outline the label (styles.css). */}
          <input
            id="logo-file"
            className="visually-hidden"
            type="file"
            accept="image/png,image/jpeg,.png,.jpg,.jpeg"
            disabled={busy}
            onChange={(e) => void choose(e.currentTarget)}
          />
          <label className={`btn btn-secondary${busy ? ' disabled' : ''}`} htmlFor="logo-file">
            {busy ? t('operator.working') : t('operator.logo.choose')}
          </label>
          {logoDataUri && (
            <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void save('', t('operator.logo.removed'))}>
              {t('operator.logo.remove')}
            </button>
          )}
        </div>
      </div>
      <div role="status" aria-live="polite" data-testid="logo-message">
        {error && <p className="operator-error">{error}</p>}
        {done && <p className="operator-ok">{done}</p>}
      </div>
    </section>
  );
}

// ---- export -----------------------------------------------------------------------

function Export({ call }: { call: OperatorCaller }) {
  return (
    <DateRangeExport<ExportResult>
      id="export"
      fromLabel={t('operator.export.from')}
      toLabel={t('operator.export.to')}
      buttonLabel={t('operator.export.button')}
      run={(from, to) => call((api) => api.exportDonationsCsv({ from, to }))}
      showResult={(result) => (
        <div className="operator-ok">
          <p>{t(result.rows === 1 ? 'operator.export.done.one' : 'operator.export.done.other', { n: result.rows })}</p>
          <p className="mono export-path" data-testid="export-path">
            {result.path}
          </p>
        </div>
      )}
    />
  );
}

// ---- payment keys -----------------------------------------------------------------

function Keys({ call }: { call: OperatorCaller }) {
  const [keyId, setKeyId] = useState('');
  const [keySecret, setKeySecret] = useState('');
  const [check, setCheck] = useState<KeyCheckResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (r: Result<KeyCheckResult> | null): void => {
    if (!r) return;
    if (r.ok) {
      setCheck(r.value);
      setError(null);
    } else {
      setCheck(null);
      setError(r.error.message);
    }
  };

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    if (keyId.trim() === '' || keySecret === '') {
      setCheck(null);
      setError(t('operator.keys.missing'));
      return;
    }
    setBusy(true);
    const r = await call((api) => api.setPaymentKeys({ keyId: keyId.trim(), keySecret }));
    setBusy(false);
    // The secret never stays on screen, whatever main answered.
    setKeySecret('');
    if (r?.ok) setKeyId('');
    show(r);
  };

  const checkKeys = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const r = await call((api) => api.checkPaymentKeys());
    setBusy(false);
    show(r);
  };

  return (
    <form className="op-form" onSubmit={(e) => void save(e)} noValidate autoComplete="off">
      <p className="op-note">{t('operator.keys.body')}</p>
      <div className="op-grid">
        <div className="field">
          <label htmlFor="key-id">{t('operator.keys.keyId')}</label>
          <input id="key-id" type="text" autoComplete="off" spellCheck={false} value={keyId} onChange={(e) => setKeyId(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="key-secret">{t('operator.keys.keySecret')}</label>
          <input id="key-secret" type="password" autoComplete="new-password" spellCheck={false} value={keySecret} onChange={(e) => setKeySecret(e.target.value)} />
        </div>
      </div>
      <div role="status" aria-live="polite" data-testid="keys-message">
        {error && <p className="operator-error">{error}</p>}
        {check && (
          <p className={check.ok ? 'operator-ok' : 'operator-error'}>
            <strong>{t(check.ok ? 'operator.keys.ok' : 'operator.keys.notOk')}</strong> ({check.mode}): {check.message}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void checkKeys()}>
          {t('operator.keys.check')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('operator.keys.save')}
        </button>
      </div>
    </form>
  );
}

// ---- reconcile and exit -----------------------------------------------------------

function KioskActions({ call }: { call: OperatorCaller }) {
  const [reconciled, setReconciled] = useState<string | null>(null);
  const [reconcileError, setReconcileError] = useState<string | null>(null);
  const [confirmExit, setConfirmExit] = useState(false);
  const [exitError, setExitError] = useState<string | null>(null);
  const [confirmRestart, setConfirmRestart] = useState(false);
  const [restartError, setRestartError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reconcile = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setReconciled(null);
    const r = await call((api) => api.reconcileNow());
    setBusy(false);
    if (!r) return;
    if (r.ok) {
      setReconciled(t('operator.kiosk.reconciled', r.value));
      setReconcileError(null);
    } else setReconcileError(r.error.message);
  };

  const exit = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const r = await call((api) => api.exitKiosk());
    setBusy(false);
    setConfirmExit(false);
    if (r && !r.ok) setExitError(r.error.message);
  };

  const restart = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const r = await call((api) => api.restartKiosk());
    setBusy(false);
    setConfirmRestart(false);
    if (r && !r.ok) setRestartError(r.error.message);
  };

  return (
    <div className="op-actions">
      <div className="op-action">
        <h2>{t('operator.kiosk.reconcile')}</h2>
        <p className="op-note">{t('operator.kiosk.reconcileBody')}</p>
        <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void reconcile()}>
          {busy && reconciled === null && !confirmExit && !confirmRestart ? t('operator.working') : t('operator.kiosk.reconcile')}
        </button>
        <div role="status" aria-live="polite" data-testid="reconcile-result">
          {reconciled && <p className="operator-ok">{reconciled}</p>}
          {reconcileError && <p className="operator-error">{reconcileError}</p>}
        </div>
      </div>
      <div className="op-action">
        <h2>{t('operator.kiosk.exit')}</h2>
        <p className="op-note">{t('operator.kiosk.exitBody')}</p>
        {confirmExit ? (
          <div className="op-confirm">
            <p>{t('operator.kiosk.exitConfirm')}</p>
            <div className="actions">
              <button type="button" className="btn btn-secondary" onClick={() => setConfirmExit(false)}>
                {t('operator.cancel')}
              </button>
              <button type="button" className="btn btn-primary btn-danger" disabled={busy} onClick={() => void exit()}>
                {t('operator.kiosk.exitYes')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="btn btn-secondary" onClick={() => { setExitError(null); setConfirmExit(true); }}>
            {t('operator.kiosk.exit')}
          </button>
        )}
        <div role="status" aria-live="polite" data-testid="exit-result">
          {exitError && <p className="operator-error">{exitError}</p>}
        </div>
      </div>
      <div className="op-action">
        <h2>{t('operator.kiosk.restart')}</h2>
        <p className="op-note">{t('operator.kiosk.restartBody')}</p>
        {confirmRestart ? (
          <div className="op-confirm">
            <p>{t('operator.kiosk.restartConfirm')}</p>
            <div className="actions">
              <button type="button" className="btn btn-secondary" onClick={() => setConfirmRestart(false)}>
                {t('operator.cancel')}
              </button>
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void restart()}>
                {t('operator.kiosk.restartYes')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="btn btn-secondary" onClick={() => { setRestartError(null); setConfirmRestart(true); }}>
            {t('operator.kiosk.restart')}
          </button>
        )}
        <div role="status" aria-live="polite" data-testid="restart-result">
          {restartError && <p className="operator-error">{restartError}</p>}
        </div>
      </div>
    </div>
  );
}
