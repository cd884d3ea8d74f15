import type { AttractInfo, KioskState, KioskStatus } from '../../../src-main/contract/kiosk-api.ts';
import { ScreenFrame, ScreenHeading } from '../components/ScreenFrame.tsx';
import { formatRupees, LOCALES, t, type MessageKey } from '../i18n/t.ts';
import { localized } from '../i18n/localized.ts';
import { presets, type WelcomeChoice } from '../flow/state.ts';
import { EventFreshness, EventShares } from '../components/EventShares.tsx';

interface WelcomeProps {
  kiosk: KioskState;
  /** The last getKioskStatus answer; null until the first (donations assumed possible). */
  status: KioskStatus | null;
  /** The goal's progress and the donor wall; null until main first answered. */
  attract: AttractInfo | null;
  language: string;
  highContrast: boolean;
  onBegin: (choice: WelcomeChoice) => void;
  onLanguage: (code: string) => void;
  onContrast: () => void;
}

/**
 * The attract screen is also the first step: with one cause the donor taps an
 * amount here (the fastest gift is this tap and "Pay"), with two or more a
 * cause. Language and contrast are chosen here and last for the donation.
 */
export function Welcome({ kiosk, status, attract, language, highContrast, onBegin, onLanguage, onContrast }: WelcomeProps) {
  const paused = status?.acceptingDonations === false;
  const singleCause = kiosk.causes.length === 1 ? kiosk.causes[0] : undefined;
  const message = localized(kiosk.attractMessage, language);
  const showAttract = attract !== null && (kiosk.goalRupees > 0 || kiosk.showDonorWall);
  return (
    <ScreenFrame name="welcome" mode={kiosk.mode} className={showAttract ? 'with-attract' : undefined}>
      <div className="welcome-prefs">
        {LOCALES.length > 1 && (
          <div className="welcome-languages" role="group" aria-label={t('welcome.language')}>
            {LOCALES.map((locale) => (
              <button
                key={locale.code}
                type="button"
                lang={locale.code}
                className="btn btn-toggle"
                aria-pressed={language === locale.code}
                onClick={() => onLanguage(locale.code)}
              >
                {locale.nativeName}
              </button>
            ))}
          </div>
        )}
        <button type="button" className="btn btn-toggle" aria-pressed={highContrast} onClick={onContrast} title={t('welcome.contrast')} data-testid="contrast-toggle">
          <span className="contrast-icon" aria-hidden="true" />
          {t('welcome.contrastShort')}
        </button>
      </div>

      <div className="welcome-layout">
        <div className="welcome">
          <header className="welcome-head">
            {kiosk.logoDataUri && <img className="welcome-logo" src={kiosk.logoDataUri} alt={kiosk.organisationName} data-testid="welcome-logo" />}
            <ScreenHeading className="welcome-org">{kiosk.organisationName}</ScreenHeading>
            {message !== '' && <p className="welcome-message">{message}</p>}
            {singleCause && (
              <p className="welcome-cause">
                <span className="welcome-cause-label">{t('welcome.supporting')}</span>
                <span className="welcome-cause-name">{localized(singleCause.name, language)}</span>
              </p>
            )}
          </header>

          <section className="welcome-give" aria-labelledby="welcome-give-heading" aria-describedby={paused ? 'welcome-paused' : undefined}>
            <h2 id="welcome-give-heading" className="welcome-give-heading">
              {t(singleCause ? 'welcome.chooseAmount' : 'welcome.chooseCause')}
            </h2>
            {singleCause ? (
              <div className="welcome-amounts" data-testid="welcome-amounts">
                {presets(kiosk, singleCause).map((amount) => (
                  <button key={amount} type="button" className="btn btn-primary welcome-amount" disabled={paused} onClick={() => onBegin({ amount })}>
                    {formatRupees(amount)}
                  </button>
                ))}
                <button type="button" className="btn btn-secondary welcome-amount welcome-other" disabled={paused} onClick={() => onBegin({ other: true })}>
                  {t('welcome.otherAmount')}
                </button>
              </div>
            ) : (
              <ul className="welcome-causes" data-testid="welcome-causes">
                {kiosk.causes.map((cause) => (
                  <li key={cause.id}>
                    <button type="button" className="cause" disabled={paused} onClick={() => onBegin({ causeId: cause.id })} aria-describedby={`cause-${cause.id}-text`}>
                      {cause.imageDataUri && <img src={cause.imageDataUri} alt="" className="cause-image" />}
                      <span className="cause-words">
                        <span className="cause-name">{localized(cause.name, language)}</span>
                        <span id={`cause-${cause.id}-text`} className="cause-text">
                          {[localized(cause.description, language), cause.presetAmountsRupees.map((a) => formatRupees(a)).join(' · ')].filter((part) => part !== '').join(' · ')}
                        </span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>

          {/* Always in the DOM so screen readers announce the change when it appears. */}
          <div role="status" aria-live="polite" className="welcome-status">
            {paused && (
              <div id="welcome-paused" className="welcome-paused" data-testid="welcome-paused">
                <p className="welcome-paused-heading">{t('welcome.paused.heading')}</p>
                <p>{t(pausedReason(status))}</p>
              </div>
            )}
          </div>
          {!paused && <p className="welcome-secure">{t('welcome.secure')}</p>}
        </div>

        {showAttract && <Attract kiosk={kiosk} attract={attract} />}
      </div>
    </ScreenFrame>
  );
}

/** Why donations are paused, in the donor's words: offline first, then the kiosk id's check (issue 17). */
function pausedReason(status: KioskStatus): MessageKey {
  if (!status.online) return 'welcome.paused.offline';
  if (status.kioskIdHold === 'taken') return 'welcome.paused.kioskId';
  if (status.kioskIdHold === 'checking') return 'welcome.paused.checking';
  return 'welcome.paused.other';
}

function Attract({ kiosk, attract }: { kiosk: KioskState; attract: AttractInfo }) {
  const goal = attract.goalRupees;
  const percent = goal > 0 ? Math.min(100, Math.floor((attract.raisedRupees / goal) * 100)) : 0;
  const progress = t('welcome.goal.progress', { raised: formatRupees(attract.raisedRupees), goal: formatRupees(goal) });
  const donors = kiosk.showDonorWall ? attract.recentDonors : [];
  return (
    <div className="attract">
      {goal > 0 && (
        <section className="goal" aria-labelledby="goal-heading">
          <h2 id="goal-heading">{t('welcome.goal.heading')}</h2>
          <p className="goal-figures" data-testid="goal-progress">
            {progress}
          </p>
          <div
            className="goal-bar"
            role="progressbar"
            aria-label={t('welcome.goal.bar')}
            aria-valuemin={0}
            aria-valuemax={goal}
            aria-valuenow={Math.min(attract.raisedRupees, goal)}
            aria-valuetext={progress}
            data-raised={attract.raisedRupees}
          >
            <div className="goal-fill" style={{ width: `${percent}%` }} />
          </div>
          {attract.event && (
            <>
              <EventShares event={attract.event} />
              <EventFreshness event={attract.event} testId="goal-freshness" />
            </>
          )}
        </section>
      )}
      {donors.length > 0 && (
        <section className="donor-wall" aria-labelledby="wall-heading">
          <h2 id="wall-heading">{t('welcome.wall.heading')}</h2>
          <ul data-testid="donor-wall">
            {donors.map((name, i) => (
              // Names repeat and carry no id: the position is the identity here.
              <li key={i}>{name ?? t('welcome.wall.anonymous')}</li>
            ))}
          </ul>
          {attract.event && goal <= 0 && <EventFreshness event={attract.event} testId="wall-freshness" />}
        </section>
      )}
    </div>
  );
}
