import type { KioskMode } from '../../../src-main/contract/kiosk-api.ts';
import { ScreenFrame, ScreenHeading, Spinner } from '../components/ScreenFrame.tsx';
import { t, type MessageKey } from '../i18n/t.ts';

const TEXT = {
  opening: { heading: 'opening.heading', body: 'opening.body', busy: true },
  checkout: { heading: 'checkout.heading', body: 'checkout.body', busy: false },
  verifying: { heading: 'verifying.heading', body: 'verifying.body', busy: true },
} as const satisfies Record<string, { heading: MessageKey; body: MessageKey; busy: boolean }>;

/** Opening payment, the calm background behind Checkout, and Confirming. No buttons: each ends by itself. */
export function Waiting({ name, mode }: { name: keyof typeof TEXT; mode: KioskMode }) {
  const text = TEXT[name];
  return (
    <ScreenFrame name={name} mode={mode}>
      <div className="status" aria-busy={text.busy}>
        {text.busy ? <Spinner /> : <div className="lock" aria-hidden="true" />}
        <ScreenHeading>{t(text.heading)}</ScreenHeading>
        <p className="status-body">{t(text.body)}</p>
      </div>
    </ScreenFrame>
  );
}
