import type { KioskState } from '../../../src-main/contract/kiosk-api.ts';
import { ScreenFrame, ScreenHeading } from '../components/ScreenFrame.tsx';
import { t } from '../i18n/t.ts';

export function Welcome({ kiosk, onBegin }: { kiosk: KioskState; onBegin: () => void }) {
  return (
    <ScreenFrame name="welcome" mode={kiosk.mode}>
      <div className="welcome">
        <ScreenHeading className="welcome-org">{kiosk.organisationName}</ScreenHeading>
        <p className="welcome-cause">
          <span className="welcome-cause-label">{t('welcome.supporting')}</span>
          <span className="welcome-cause-name">{kiosk.causeName}</span>
        </p>
        <button type="button" className="btn btn-primary btn-hero" onClick={onBegin}>
          {t('welcome.donate')}
        </button>
        <p className="welcome-secure">{t('welcome.secure')}</p>
      </div>
    </ScreenFrame>
  );
}
