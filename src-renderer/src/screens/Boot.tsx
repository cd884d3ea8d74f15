import { ScreenFrame, ScreenHeading, Spinner } from '../components/ScreenFrame.tsx';
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
