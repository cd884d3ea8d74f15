// The operator console, made for the kiosk's own touchscreen: tabs of short
// forms typed on the kiosk's keys, days chosen on a calendar, choices as
// buttons; it fits 1080×1920, 1280×800 and 1920×1080 without sideways
// scrolling. Unsaved edits are never lost without asking (unsaved.tsx).
// Every call goes to main, which checks the operator session; an
// operator_required answer sends the operator back to the PIN pad, and a
// pin_required one asks for the PIN again (PinReask.tsx) and repeats the call.
// Operator mode lasts while a person is here (operator-presence.ts).
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { EditableSettings, OperatorGate, OperatorOverview, Result } from '../../../src-main/contract/kiosk-api.ts';
import { ScreenFrame, ScreenHeading, Spinner } from '../components/ScreenFrame.tsx';
import { t, type MessageKey } from '../i18n/t.ts';
import { CashGiftPanel } from './CashGiftPanel.tsx';
import { CausesPanel } from './CausesPanel.tsx';
import { EventPanel } from './EventPanel.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { KeysPanel } from './KeysPanel.tsx';
import { KioskPanel } from './KioskPanel.tsx';
import { operatorCall, type OperatorCaller } from './operator-api.ts';
import { PicturesPanel } from './PicturesPanel.tsx';
import { ReceiptsTab } from './ReceiptsPanel.tsx';
import { TodayPanel } from './TodayPanel.tsx';
import { TypingArea } from './touch/typing.tsx';
import { dropAllDrafts, UnsavedGuard } from './unsaved.tsx';
import { WelcomePanel } from './WelcomePanel.tsx';
import { KioskIdBanner } from './EventCard.tsx';
import { PinReask, type ReaskOutcome } from './PinReask.tsx';
import { useOperatorPresence } from './operator-presence.ts';
import { formatDateTime } from './india-date.ts';
import './console.css';

/** How often the console checks that the operator session is still open (it ends by itself when idle). */
const SESSION_CHECK_MS = 10_000;

type Tab = 'today' | 'cash' | 'receipts' | 'event' | 'causes' | 'welcome' | 'export' | 'keys' | 'kiosk';

/** Each tab, and the forms on it (for the "unsaved changes" mark). */
const TABS: { id: Tab; label: MessageKey; forms: string[] }[] = [
  { id: 'today', label: 'operator.tab.today', forms: [] },
  { id: 'cash', label: 'operator.tab.cash', forms: ['cash-gift'] },
  { id: 'receipts', label: 'operator.tab.receipts', forms: ['receipt-settings', 'email'] },
  { id: 'event', label: 'operator.tab.event', forms: ['event'] },
  { id: 'causes', label: 'operator.tab.causes', forms: ['causes'] },
  { id: 'welcome', label: 'operator.tab.welcome', forms: ['welcome'] },
  { id: 'export', label: 'operator.tab.export', forms: [] },
  { id: 'keys', label: 'operator.tab.keys', forms: [] },
  { id: 'kiosk', label: 'operator.tab.kiosk', forms: ['updates'] },
];

interface ConsoleProps {
  /** The gate as the PIN left it: the mode, the session's limits, wrong PINs before this visit. */
  gate: OperatorGate;
  /** Leave the console (operator mode ends, the donor screen comes back). */
  onDone: () => void;
  onSessionEnded: () => void;
}

export function Console({ gate, onDone, onSessionEnded }: ConsoleProps) {
  const mode = gate.mode;
  const [tab, setTab] = useState<Tab>('today');
  const [overview, setOverview] = useState<OperatorOverview | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [day, setDay] = useState<string | undefined>(undefined);
  const [reask, setReask] = useState<((outcome: ReaskOutcome) => void) | null>(null);
  const reaskOpen = useRef(false);

  // Walking away ends operator mode: the donor screen comes back by itself. Taps and typing here count as a person.
  useOperatorPresence(gate.idleTimeoutMs, onDone);

  /** Shows the PIN prompt; resolves with what the operator did. */
  const askPin = useCallback(
    () =>
      new Promise<ReaskOutcome>((resolve) => {
        reaskOpen.current = true;
        setReask(() => (outcome: ReaskOutcome) => {
          reaskOpen.current = false;
          setReask(null);
          resolve(outcome);
        });
      }),
    [],
  );

  /** An operator call (see operator-api.ts); null when there is nothing for the panel to show (a form keeps its draft). */
  const call: OperatorCaller = useCallback(
    async <T,>(fn: Parameters<typeof operatorCall<T>>[0]): Promise<Result<T> | null> => {
      let result = await operatorCall(fn);
      if (!result.ok && result.error.code === 'pin_required' && !reaskOpen.current) {
        const outcome = await askPin();
        if (outcome === 'cancelled') return null;
        if (outcome === 'confirmed') result = await operatorCall(fn);
        else result = { ok: false, error: { code: 'operator_required', message: '', retryable: false } };
      }
      if (!result.ok && result.error.code === 'operator_required') {
        onSessionEnded();
        return null;
      }
      return result;
    },
    [onSessionEnded, askPin],
  );

  const load = useCallback(
    async (query: string, shownDay: string | undefined): Promise<void> => {
      const request = { ...(query.trim() === '' ? {} : { search: query.trim() }), ...(shownDay === undefined ? {} : { day: shownDay }) };
      const result = await call((api) => api.getOperatorOverview(request));
      if (!result) return;
      if (result.ok) {
        setOverview(result.value);
        setLoadError(null);
      } else setLoadError(result.error.message);
    },
    [call],
  );

  useEffect(() => {
    void load('', undefined);
  }, [load]);

  // Main ends operator mode by itself (idle, or a quarter of an hour after the PIN): ask for the PIN when it has.
  useEffect(() => {
    const timer = setInterval(() => {
      void operatorCall((api) => api.getOperatorGate()).then((r) => {
        if (r.ok && !r.value.operatorActive) onSessionEnded();
      });
    }, SESSION_CHECK_MS);
    return () => clearInterval(timer);
  }, [onSessionEnded]);

  const settingsSaved = (settings: EditableSettings): void => {
    setOverview((before) => (before ? { ...before, settings } : before));
    // The event's name or first day may have changed its totals.
    void load(search, day);
  };

  /** Done, after any unsaved edits were let go: nothing is kept for later. */
  const done = (): void => {
    dropAllDrafts();
    onDone();
  };

  const settingsPanel = (panel: (settings: EditableSettings, languages: string[]) => ReactNode) =>
    overview ? panel(overview.settings, overview.supportedLanguages) : !loadError && <Spinner />;

  return (
    <ScreenFrame name="operator-console" mode={mode} className="screen-operator">
      <UnsavedGuard>
        {(guard, dirtyForms) => (
          <TypingArea suspended={reask !== null}>
            <div className="console">
              <header className="console-head">
                <div>
                  <ScreenHeading>{t('operator.console.heading')}</ScreenHeading>
                  {overview && <p className="console-meta">{t('operator.console.meta', { mode: overview.mode, version: overview.version })}</p>}
                </div>
                <button type="button" className="btn btn-primary console-done" onClick={() => guard(done, 'all')}>
                  {t('operator.done')}
                </button>
              </header>
              <WrongAttemptsNotice gate={gate} />
              <KioskIdBanner fleet={overview?.event?.fleet ?? null} onChangeId={() => guard(() => setTab('event'), 'showing')} />
              <div className="console-tabs" role="tablist" aria-label={t('operator.console.heading')}>
                {TABS.map(({ id, label, forms }) => {
                  const unsaved = forms.some((form) => dirtyForms.has(form));
                  return (
                    <button
                      key={id}
                      type="button"
                      role="tab"
                      id={`tab-${id}`}
                      aria-selected={tab === id}
                      aria-controls={`panel-${id}`}
                      className="btn console-tab"
                      onClick={() => {
                        if (id === tab) return;
                        guard(() => {
                          setTab(id);
                          // Today's figures (and the event's, read from Razorpay in the background) as they are now.
                          if (id === 'today') void load(search, day);
                        }, 'showing');
                      }}
                    >
                      {t(label)}
                      {unsaved && (
                        <span className="unsaved-mark" title={t('operator.unsaved.mark')}>
                          <span aria-hidden="true"> •</span>
                          <span className="visually-hidden">{` (${t('operator.unsaved.mark')})`}</span>
                        </span>
                      )}
                    </button>
                  );
                })}
              </div>
              <section className="console-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
                {loadError && (
                  <p className="operator-error" role="alert">
                    {loadError}
                  </p>
                )}
                {tab === 'today' &&
                  (overview ? (
                    <TodayPanel
                      overview={overview}
                      call={call}
                      onRefresh={() => void load(search, day)}
                      search={search}
                      onSearch={(query) => {
                        setSearch(query);
                        void load(query, day);
                      }}
                      onDay={(chosen) => {
                        setDay(chosen);
                        void load(search, chosen);
                      }}
                    />
                  ) : (
                    !loadError && <Spinner />
                  ))}
                {tab === 'cash' && settingsPanel((settings) => <CashGiftPanel call={call} causes={settings.causes} onRecorded={() => void load(search, day)} />)}
                {tab === 'receipts' && <ReceiptsTab call={call} />}
                {tab === 'event' && settingsPanel((settings, languages) => <EventPanel settings={settings} supportedLanguages={languages} call={call} onSaved={settingsSaved} />)}
                {tab === 'causes' && settingsPanel((settings, languages) => <CausesPanel settings={settings} supportedLanguages={languages} call={call} onSaved={settingsSaved} />)}
                {tab === 'welcome' &&
                  settingsPanel((settings, languages) => (
                    <>
                      <WelcomePanel settings={settings} supportedLanguages={languages} call={call} onSaved={settingsSaved} />
                      <PicturesPanel settings={settings} call={call} onSaved={settingsSaved} />
                    </>
                  ))}
                {tab === 'export' && <ExportPanel call={call} />}
                {tab === 'keys' && <KeysPanel call={call} />}
                {tab === 'kiosk' && settingsPanel((settings) => <KioskPanel call={call} settings={settings} onSaved={settingsSaved} />)}
              </section>
            </div>
          </TypingArea>
        )}
      </UnsavedGuard>
      {reask && <PinReask onDone={reask} />}
    </ScreenFrame>
  );
}

/** Wrong PINs tried between the last visit and this one (someone may have been guessing). */
function WrongAttemptsNotice({ gate }: { gate: OperatorGate }) {
  const n = gate.wrongAttemptsBeforeThisVisit;
  if (n <= 0) return null;
  const last = gate.lastWrongAttemptAt === null ? '' : formatDateTime(gate.lastWrongAttemptAt);
  return (
    <p className="op-warning" role="status" data-testid="wrong-attempts">
      {t(n === 1 ? 'operator.console.wrongAttempts.one' : 'operator.console.wrongAttempts.other', { n, time: last })}
    </p>
  );
}
