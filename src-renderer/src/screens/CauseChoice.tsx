import type { KioskState } from '../../../src-main/contract/kiosk-api.ts';
import { ScreenFrame, ScreenHeading } from '../components/ScreenFrame.tsx';
import { formatRupees, t } from '../i18n/t.ts';
import { localized } from '../i18n/localized.ts';

interface CauseChoiceProps {
  kiosk: KioskState;
  chosen: string | null;
  onChoose: (causeId: string) => void;
  onBack: () => void;
}

/** Shown only with two or more causes: each is one big button. */
export function CauseChoice({ kiosk, chosen, onChoose, onBack }: CauseChoiceProps) {
  return (
    <ScreenFrame name="cause" mode={kiosk.mode}>
      <div className="panel panel-wide">
        <ScreenHeading>{t('cause.heading')}</ScreenHeading>
        <ul className="causes">
          {kiosk.causes.map((cause) => (
            <li key={cause.id}>
              <button type="button" className="cause" aria-pressed={chosen === cause.id} onClick={() => onChoose(cause.id)} aria-describedby={`cause-${cause.id}-text`}>
                {cause.imageDataUri && <img src={cause.imageDataUri} alt="" className="cause-image" />}
                <span className="cause-name">{localized(cause.name)}</span>
                <span id={`cause-${cause.id}-text`} className="cause-text">
                  {[localized(cause.description), ...cause.presetAmountsRupees.map((a) => formatRupees(a))].filter((part) => part !== '').join(' · ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
        <div className="actions actions-single">
          <button type="button" className="btn btn-secondary" onClick={onBack}>
            {t('common.back')}
          </button>
        </div>
      </div>
    </ScreenFrame>
  );
}
