import { useState } from 'react';
import type { DonationReceipt, KioskState } from '../../../src-main/contract/kiosk-api.ts';
import { Countdown } from '../components/Countdown.tsx';
import { ScreenFrame, ScreenHeading } from '../components/ScreenFrame.tsx';
import { formatRupees, t } from '../i18n/t.ts';
import { localized } from '../i18n/localized.ts';
import { ReceiptActions } from './ReceiptActions.tsx';

export function ThankYou({ kiosk, receipt, onDone }: { kiosk: KioskState; receipt: DonationReceipt; onDone: () => void }) {
  // The receipt records the cause's English name; the donor reads it in their language when the operator gave one.
  const recorded = receipt.causeName ?? kiosk.causeName;
  const cause = kiosk.causes.find((c) => c.name.en === recorded);
  const params = { amount: formatRupees(receipt.amountRupees), cause: cause ? localized(cause.name) : recorded, name: receipt.donorName ?? '' };
  // While the donor types an address for the receipt, the screen is the form and the keys.
  const [typing, setTyping] = useState(false);
  return (
    <ScreenFrame name="thank-you" mode={kiosk.mode} className={typing ? 'typing-email' : undefined}>
      <div className="panel result result-success">
        <div className="result-mark result-mark-success" aria-hidden="true" />
        <ScreenHeading>{t('thanks.heading')}</ScreenHeading>
        {!typing && (
          <>
            <p className="result-amount">{formatRupees(receipt.amountRupees)}</p>
            <p className="result-lead">{t(receipt.donorName ? 'thanks.body.named' : 'thanks.body.anonymous', params)}</p>
            {receipt.feeRupees !== undefined && <p className="result-note">{t('thanks.fee', { fee: formatRupees(receipt.feeRupees) })}</p>}
            <dl className="facts">
              <div>
                <dt>{t('thanks.paymentRef')}</dt>
                <dd>{receipt.paymentId}</dd>
              </div>
              <div>
                <dt>{t('thanks.receiptNumber')}</dt>
                <dd>{receipt.receiptNumber}</dd>
              </div>
            </dl>
          </>
        )}
        <ReceiptActions receipt={receipt} onDone={onDone} onTyping={setTyping} />
        <Countdown seconds={kiosk.resultScreenSeconds} onExpire={onDone} />
      </div>
    </ScreenFrame>
  );
}
