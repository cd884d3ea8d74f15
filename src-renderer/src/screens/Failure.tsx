import type { KioskState } from '../../../src-main/contract/kiosk-api.ts';
import { Countdown } from '../components/Countdown.tsx';
import { ScreenFrame, ScreenHeading } from '../components/ScreenFrame.tsx';
import { t } from '../i18n/t.ts';

/** A donor who may have paid needs time to fetch a volunteer before the reference disappears. */
const VOLUNTEER_SECONDS = 120;
import type { FailureInfo } from '../flow/state.ts';

interface FailureProps {
  kiosk: KioskState;
  failure: FailureInfo;
  onRetry: () => void;
  onHome: () => void;
}

/** The mark says what kind of ending this is: only real failures are red. */
function tone(heading: FailureInfo['heading']): 'failure' | 'cancelled' | 'paused' | 'pending' {
  switch (heading) {
    case 'failure.heading.cancelled':
      return 'cancelled';
    case 'failure.heading.paused':
      return 'paused';
    case 'failure.heading.stillConfirming':
    case 'failure.heading.beingConfirmed':
      return 'pending';
    default:
      return 'failure';
  }
}

export function Failure({ kiosk, failure, onRetry, onHome }: FailureProps) {
  const mark = tone(failure.heading);
  return (
    <ScreenFrame name="failure" mode={kiosk.mode}>
      <div className={`panel result ${mark === 'failure' ? 'result-failure' : 'result-cancelled'}`}>
        <div className={`result-mark result-mark-${mark}`} aria-hidden="true" />
        <ScreenHeading>{t(failure.heading)}</ScreenHeading>
        <div role="alert" className="result-reason">
          <p className="result-lead">{t(failure.reason, failure.reasonParams)}</p>
          {failure.note && <p className="result-note">{t(failure.note)}</p>}
        </div>
        {failure.donationId && (
          <dl className="facts facts-small">
            <div>
              <dt>{t('failure.reference')}</dt>
              {/* Upper case, as in the receipt number: easier to read out to a volunteer. */}
              <dd>{failure.donationId.toUpperCase()}</dd>
            </div>
          </dl>
        )}
        <div className={`actions${failure.retry ? '' : ' actions-single'}`}>
          <button type="button" className="btn btn-secondary" onClick={onHome}>
            {t('failure.home')}
          </button>
          {failure.retry && (
            <button type="button" className="btn btn-primary" onClick={onRetry}>
              {t('failure.retry')}
            </button>
          )}
        </div>
        <Countdown
          seconds={failure.showVolunteer ? Math.max(kiosk.resultScreenSeconds, VOLUNTEER_SECONDS) : kiosk.resultScreenSeconds}
          onExpire={onHome}
        />
      </div>
    </ScreenFrame>
  );
}
