import type { KioskState, KioskStatus } from '../../../src-main/contract/kiosk-api.ts';
import { ScreenFrame, ScreenHeading } from '../components/ScreenFrame.tsx';
import { t } from '../i18n/t.ts';

interface WelcomeProps {
  kiosk: KioskState;
  /** The last getKioskStatus answer; null until the first (donations assumed possible). */
  status: KioskStatus | null;
  onBegin: () => void;
}

export function Welcome({ kiosk, status, onBegin }: WelcomeProps) {
  const paused = status?.acceptingDonations === false;
  return (
    <ScreenFrame name="welcome" mode={kiosk.mode}>
      <div className="welcome">
        {kiosk.logoDataUri && <img className="welcome-logo" src={kiosk.logoDataUri} alt={kiosk.organisationName} data-testid="welcome-logo" />}
        <ScreenHeading className="welcome-org">{kiosk.organisationName}</ScreenHeading>
        <p className="welcome-cause">
          <span className="welcome-cause-label">{t('welcome.supporting')}</span>
          <span className="welcome-cause-name">{kiosk.causeName}</span>
        </p>
        <button type="button" className="btn btn-primary btn-hero" onClick={onBegin} disabled={paused} aria-describedby={paused ? 'welcome-paused' : undefined}>
          {t('welcome.donate')}
        </button>
        {/* Always in the DOM so screen readers announce the change when it appears. */}
        <div role="status" aria-live="polite" className="welcome-status">
          {paused && (
            <div id="welcome-paused" className="welcome-paused" data-testid="welcome-paused">
              <p className="welcome-paused-heading">{t('welcome.paused.heading')}</p>
              <p>{t(status.online ? 'welcome.paused.other' : 'welcome.paused.offline')}</p>
            </div>
          )}
        </div>
        {!paused && <p className="welcome-secure">{t('welcome.secure')}</p>}
      </div>
    </ScreenFrame>
  );
}
