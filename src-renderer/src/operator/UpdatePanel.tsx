// The console's "Updates" panel: the app's version, what the updater is doing,
// "check now", and the install hour. The update address is fixed when the app
// is built and only shown here (issue 14, item 6); changing the install hour
// asks for the PIN again. Main decides when an update installs (never during a
// donation); this panel only shows it. Browser mode answers "managed by the
// installed app".
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { UpdateState, UpdateStatus } from '../../../src-main/contract/kiosk-api.ts';
import { t, type MessageKey } from '../i18n/t.ts';
import type { OperatorCaller } from './operator-api.ts';

/** How often the panel refreshes the status while it is open (download progress, waiting → installing). */
const STATUS_REFRESH_MS = 5_000;


const STATE_LABEL: Record<UpdateState, MessageKey> = {
  'not-supported': 'operator.updates.state.notSupported',
  idle: 'operator.updates.state.idle',
  checking: 'operator.updates.state.checking',
  downloading: 'operator.updates.state.downloading',
  'up-to-date': 'operator.updates.state.upToDate',
  'waiting-to-install': 'operator.updates.state.waiting',
  installing: 'operator.updates.state.installing',
  error: 'operator.updates.state.error',
};

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
const clock = (hour: number): string => `${String(hour % 24).padStart(2, '0')}:00`;
const hourLabel = (hour: number): string => t('operator.updates.hourOnly', { from: clock(hour), to: clock(hour + 1) });

export function UpdatePanel({ call }: { call: OperatorCaller }) {
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [confirmInstall, setConfirmInstall] = useState(false);
  const [installHour, setInstallHour] = useState('');
  const [formLoaded, setFormLoaded] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  const refresh = useCallback(async (): Promise<void> => {
    const result = await call((api) => api.getUpdateStatus());
    if (!result) return;
    if (result.ok) {
      setStatus(result.value);
      setLoadError(null);
    } else setLoadError(result.error.message);
  }, [call]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), STATUS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  // The form starts from the saved settings (the overview has them), once.
  useEffect(() => {
    if (formLoaded) return;
    void call((api) => api.getOperatorOverview({})).then((result) => {
      if (!result || !result.ok) return;
      setInstallHour(result.value.settings.updateInstallHour === null ? '' : String(result.value.settings.updateInstallHour));
      setFormLoaded(true);
    });
  }, [call, formLoaded]);

  const checkNow = async (): Promise<void> => {
    if (checking) return;
    setChecking(true);
    setCheckError(null);
    const result = await call((api) => api.checkForUpdates());
    setChecking(false);
    if (!result) return;
    if (result.ok) setStatus(result.value);
    else setCheckError(result.error.message);
  };

  const installNow = async (): Promise<void> => {
    if (checking) return;
    setChecking(true);
    setCheckError(null);
    const result = await call((api) => api.installUpdateNow());
    setChecking(false);
    setConfirmInstall(false);
    if (!result) return;
    if (result.ok) setStatus(result.value);
    else setCheckError(result.error.message);
  };

  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (saving) return;
    setSaved(false);
    setSaving(true);
    const settings = { updateInstallHour: installHour === '' ? null : Number(installHour) };
    const result = await call((api) => api.updateSettings({ settings }));
    setSaving(false);
    if (!result) return;
    if (result.ok) {
      setSaveError(null);
      setSaved(true);
      void refresh();
    } else setSaveError(`${result.error.message} ${t('operator.settings.notSaved')}`);
  };

  const supported = status !== null && status.state !== 'not-supported';

  return (
    <section className="op-updates" aria-labelledby="updates-heading" data-testid="update-panel">
      <h2 id="updates-heading">{t('operator.updates.heading')}</h2>
      {loadError && <p className="operator-error" role="alert">{loadError}</p>}
      {status && (
        <dl className="op-updates-facts" data-testid="update-status" data-state={status.state}>
          <dt>{t('operator.updates.version')}</dt>
          <dd className="mono">{status.currentVersion}</dd>
          <dt>{t('operator.updates.status')}</dt>
          <dd>
            <strong>{t(STATE_LABEL[status.state])}</strong>
            {status.state === 'downloading' && status.downloadPercent !== null && ` · ${status.downloadPercent}%`}
            <span className="op-updates-message">{status.message}</span>
          </dd>
          {status.availableVersion && status.availableVersion !== status.currentVersion && (
            <>
              <dt>{t('operator.updates.available')}</dt>
              <dd className="mono">{status.availableVersion}</dd>
            </>
          )}
          {supported && (
            <>
              <dt>{t('operator.updates.lastChecked')}</dt>
              <dd>{status.lastCheckedAt ? new Date(status.lastCheckedAt).toLocaleString('en-IN') : t('operator.updates.never')}</dd>
              <dt>{t('operator.updates.feed')}</dt>
              <dd className="mono export-path">{status.feedUrl || t('operator.updates.noFeed')}</dd>
            </>
          )}
        </dl>
      )}
      {supported && !confirmInstall && (
        <div className="actions">
          <button type="button" className="btn btn-secondary" disabled={checking || status.state === 'installing'} onClick={() => void checkNow()}>
            {checking ? t('operator.working') : t('operator.updates.checkNow')}
          </button>
          {status.state === 'waiting-to-install' && (
            <button type="button" className="btn btn-primary" disabled={checking} onClick={() => setConfirmInstall(true)}>
              {t('operator.updates.installNow')}
            </button>
          )}
        </div>
      )}
      {supported && confirmInstall && (
        <div className="op-confirm">
          <p>{t('operator.updates.installConfirm', { version: status.availableVersion ?? '' })}</p>
          <div className="actions">
            <button type="button" className="btn btn-secondary" onClick={() => setConfirmInstall(false)}>
              {t('operator.cancel')}
            </button>
            <button type="button" className="btn btn-primary" disabled={checking} onClick={() => void installNow()}>
              {t('operator.updates.installYes')}
            </button>
          </div>
        </div>
      )}
      <div role="status" aria-live="polite">
        {checkError && <p className="operator-error">{checkError}</p>}
      </div>

      <form className="op-form op-updates-form" onSubmit={(e) => void save(e)} noValidate autoComplete="off">
        <p className="op-note">{t('operator.updates.policy')}</p>
        <div className="op-grid">
          <div className="field">
            <label htmlFor="set-update-hour">{t('operator.updates.hourLabel')}</label>
            <select
              id="set-update-hour"
              value={installHour}
              aria-describedby="update-settings-message"
              onChange={(e) => {
                setInstallHour(e.target.value);
                setSaved(false);
              }}
            >
              <option value="">{t('operator.updates.hourAny')}</option>
              {HOURS.map((hour) => (
                <option key={hour} value={String(hour)}>
                  {hourLabel(hour)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div id="update-settings-message" role="status" aria-live="polite" data-testid="update-settings-message">
          {saveError && <p className="operator-error">{saveError}</p>}
          {saved && <p className="operator-ok">{t('operator.updates.saved')}</p>}
        </div>
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={saving || !formLoaded}>
            {saving ? t('operator.working') : t('operator.updates.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
