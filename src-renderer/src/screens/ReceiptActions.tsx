// On the thank-you screen: "Print my receipt" or "No thanks" (one tap), and
// what came of printing in plain words. Printing never holds up the screen:
// the payment and its receipt number are already on record.
import { useState } from 'react';
import type { DonationReceipt } from '../../../src-main/contract/kiosk-api.ts';
import { getKioskApi } from '../bridge/bridge.ts';
import { t, type MessageKey } from '../i18n/t.ts';
import '../receipts.css';

type Stage = 'offer' | 'printing' | 'printed' | 'declined' | 'saved' | 'failed';

const MESSAGES: Record<Exclude<Stage, 'offer'>, MessageKey> = {
  printing: 'receipt.printing',
  printed: 'receipt.printed',
  declined: 'receipt.declined',
  saved: 'receipt.notPrinted',
  failed: 'receipt.failed',
};

export function ReceiptActions({ receipt }: { receipt: DonationReceipt }) {
  const [stage, setStage] = useState<Stage>('offer');
  const print = async () => {
    setStage('printing');
    try {
      const api = await getKioskApi();
      const result = await api.printReceipt({ donationId: receipt.donationId });
      if (!result.ok) setStage('failed');
      else if (result.value.printed) setStage('printed');
      else setStage(result.value.pdfPath === null ? 'failed' : 'saved');
    } catch {
      setStage('failed');
    }
  };

  if (stage === 'offer') {
    return (
      <div className="receipt-offer">
        <p className="receipt-offer-question">{t('receipt.offer')}</p>
        {receipt.taxReceipt && <p className="hint">{t('receipt.taxNote')}</p>}
        <div className="actions">
          <button type="button" className="btn btn-secondary" onClick={() => setStage('declined')}>
            {t('receipt.decline')}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => void print()}>
            {t('receipt.print')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <p className={`receipt-status receipt-status-${stage}`} role="status" aria-live="polite">
      {t(MESSAGES[stage])}
    </p>
  );
}
