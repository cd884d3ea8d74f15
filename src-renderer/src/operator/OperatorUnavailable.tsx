// "The operator screens are not available right now", with the reason when
// there is one and a way back: shared by the chunk loader (the screens could
// not load) and the operator flow (main could not be asked).
import type { KioskMode } from '../../../src-main/contract/kiosk-api.ts';
import { ScreenFrame, ScreenHeading } from '../components/ScreenFrame.tsx';
import { t } from '../i18n/t.ts';

export function OperatorUnavailable({ mode, message, onClose }: { mode: KioskMode | undefined; message?: string; onClose: () => void }) {
  return (
    <ScreenFrame name="operator-unavailable" mode={mode}>
      <div className="panel operator-panel">
        <ScreenHeading>{t('operator.unavailable')}</ScreenHeading>
        {message !== undefined && <p className="operator-error">{message}</p>}
        <div className="actions actions-single">
          <button type="button" className="btn btn-secondary" onClick={onClose}>
            {t('operator.cancel')}
          </button>
        </div>
      </div>
    </ScreenFrame>
  );
}
