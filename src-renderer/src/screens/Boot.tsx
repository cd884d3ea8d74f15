import type { KioskMode } from '../../../src-main/contract/kiosk-api.ts';
import { ScreenFrame, ScreenHeading, Spinner } from '../components/ScreenFrame.tsx';
import { OUT_OF_SERVICE_RETRY_MS } from '../flow/controller.ts';
import { t } from '../i18n/t.ts';

export function Starting() {
  return (
    <ScreenFrame name="starting" mode={undefined}>
      <div className="status" aria-busy="true">
        <Spinner />
        <ScreenHeading>{t('boot.starting')}</ScreenHeading>
      </div>
    </ScreenFrame>
  );
}

export function StartError({ onRetry }: { onRetry: () => void }) {
  return (
    <ScreenFrame name="start-error" mode={undefined}>
      <div className="panel result result-failure">
        <div className="result-mark result-mark-failure" aria-hidden="true" />
        <ScreenHeading>{t('boot.failed.heading')}</ScreenHeading>
        <p className="result-lead" role="alert">
          {t('boot.failed.body')}
        </p>
        <div className="actions actions-single">
          <button type="button" className="btn btn-primary" onClick={onRetry}>
            {t('boot.retry')}
          </button>
        </div>
      </div>
    </ScreenFrame>
  );
}

export function SetupError() {
  return (
    <ScreenFrame name="setup-error" mode={undefined}>
      <div className="panel result result-failure">
        <div className="result-mark result-mark-failure" aria-hidden="true" />
        <ScreenHeading>{t('setup.heading')}</ScreenHeading>
        <p className="result-lead" role="alert">
          {t('setup.body')}
        </p>
      </div>
    </ScreenFrame>
  );
}

/** A safe stop: no donation can start. Donors get a plain sentence; the operator gets main's message. */
export function OutOfService({ operatorMessage, mode }: { operatorMessage: string; mode: KioskMode | undefined }) {
  return (
    <ScreenFrame name="out-of-service" mode={mode}>
      <div className="panel result result-failure">
        <div className="result-mark result-mark-failure" aria-hidden="true" />
        <ScreenHeading>{t('outOfService.heading')}</ScreenHeading>
        <p className="result-lead" role="alert">
          {t('outOfService.body')}
        </p>
        <div className="operator-note">
          <p>
            <strong>{t('outOfService.operatorLabel')}</strong> <span className="operator-message">{operatorMessage}</span>
          </p>
          <p>{t('outOfService.operatorRetry', { seconds: Math.round(OUT_OF_SERVICE_RETRY_MS / 1000) })}</p>
        </div>
      </div>
    </ScreenFrame>
  );
}
