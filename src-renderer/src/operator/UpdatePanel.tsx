// The console's "Updates" panel: the app's version, what the updater is doing,
// "check now", and the install hour. The update address is fixed when the app
// is built and only shown here (issue 14, item 6); changing the install hour
// asks for the PIN again. Main decides when an update installs (never during a
// donation); this panel only shows it. Browser mode answers "managed by the
// installed app".
import { useCallback, useEffect, useState } from 'react';
import type { EditableSettings, UpdateState, UpdateStatus } from '../../../src-main/contract/kiosk-api.ts';
import { t, type MessageKey } from '../i18n/t.ts';
import { settingsChanges } from './changes.ts';
import type { OperatorCaller } from './operator-api.ts';
import { formatDateTime } from './india-date.ts';
import { KeptNotice, SaveBar } from './SaveBar.tsx';
import { useSettingsForm } from './settings-form.ts';
import { TickBox } from './touch/fields.tsx';
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

const clock = (hour: number): string => `${String(hour % 24).padStart(2, '0')}:00`;
const hourLabel = (hour: number): string => t('operator.updates.hourOnly', { from: clock(hour), to: clock(hour + 1) });

interface UpdateForm {
  /** "" = whenever the kiosk is idle; else the hour, 0-23. */
  hour: string;
}

type UpdateRequest = Pick<EditableSettings, 'updateInstallHour'>;

const toForm = (s: EditableSettings): UpdateForm => ({ hour: s.updateInstallHour === null ? '' : String(s.updateInstallHour) });

/** The night hour a newly ticked "only in this hour" starts at. */
const DEFAULT_INSTALL_HOUR = 3;

export function UpdatePanel({ call, settings, onSaved }: { call: OperatorCaller; settings: EditableSettings; onSaved: (settings: EditableSettings) => void }) {
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [confirmInstall, setConfirmInstall] = useState(false);

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

  const form = useSettingsForm({
    formId: 'updates',
    label: t('operator.updates.heading'),
    baseline: toForm(settings),
    parse: (draft: UpdateForm) => ({ ok: true as const, request: { updateInstallHour: draft.hour === '' ? null : Number(draft.hour) } }),
    save: (request: UpdateRequest) => call((api) => api.updateSettings({ settings: request })),
    changes: (saved) => settingsChanges(settings, saved),
    toForm,
    onSaved: (saved) => {
      onSaved(saved);
      void refresh();
    },
    prefix: 'settings',
  });
  const hour = form.draft.hour === '' ? null : Number(form.draft.hour);
  const stepHour = (by: 1 | -1): void => form.edit({ hour: String(((hour ?? DEFAULT_INSTALL_HOUR) + by + 24) % 24) });

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
              <dd>{status.lastCheckedAt ? formatDateTime(status.lastCheckedAt) : t('operator.updates.never')}</dd>
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

      <form ref={form.formRef} className="op-form op-updates-form" onSubmit={(e) => void form.submit(e)} noValidate autoComplete="off">
        <p className="op-note">{t('operator.updates.policy')}</p>
        <KeptNotice kept={form.kept} />
        <TickBox
          id="set-update-hour-only"
          label={t('operator.updates.hourOnlyTick')}
          checked={hour !== null}
          onChange={(on) => form.edit({ hour: on ? String(DEFAULT_INSTALL_HOUR) : '' })}
          hint={hour === null ? t('operator.updates.hourAny') : undefined}
        />
        {hour !== null && (
          <div className="stepper" role="group" aria-labelledby="set-update-hour-label">
            <span className="field-label" id="set-update-hour-label">
              {t('operator.updates.hourLabel')}
            </span>
            <div className="stepper-row">
              <button type="button" className="btn btn-secondary btn-small" aria-label={t('operator.updates.hourEarlier')} onClick={() => stepHour(-1)}>
                −
              </button>
              <output className="stepper-value" aria-live="polite" data-testid="update-hour">
                {hourLabel(hour)}
              </output>
              <button type="button" className="btn btn-secondary btn-small" aria-label={t('operator.updates.hourLater')} onClick={() => stepHour(1)}>
                +
              </button>
            </div>
            <p className="field-error">{form.errors['updateInstallHour'] ?? ''}</p>
          </div>
        )}
        <SaveBar id="update-settings" status={form.status} busy={form.busy} saveLabel={t('operator.updates.save')} />
      </form>
    </section>
  );
}
