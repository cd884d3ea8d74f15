// On the thank-you screen, in place of "Done": "No thanks" (one tap, back to
// the start) or "Print my receipt", then what came of printing in plain words
// and "Done". Printing never holds up the screen: the payment and its receipt
// number are already on record.
import { useState } from 'react';
import type { DonationReceipt } from '../../../src-main/contract/kiosk-api.ts';
import { getKioskApi } from '../bridge/bridge.ts';
import { t, type MessageKey } from '../i18n/t.ts';
import '../receipts.css';

type Stage = 'offer' | 'printing' | 'printed' | 'saved' | 'failed';

const MESSAGES: Record<Exclude<Stage, 'offer'>, MessageKey> = {
  printing: 'receipt.printing',
  printed: 'receipt.printed',
  saved: 'receipt.notPrinted',
  failed: 'receipt.failed',
};

export function ReceiptActions({ receipt, onDone }: { receipt: DonationReceipt; onDone: () => void }) {
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
      <div className="actions receipt-offer" role="group" aria-label={t('receipt.offer')}>
        <button type="button" className="btn btn-secondary" onClick={onDone}>
          {t('receipt.decline')}
        </button>
        <button type="button" className="btn btn-primary" onClick={() => void print()}>
          {t(receipt.taxReceipt ? 'receipt.print80g' : 'receipt.print')}
        </button>
      </div>
    );
  }
  // The outcome beside "Done", in the row the offer took, so the screen does not grow.
  return (
    <div className="actions receipt-result">
      <p className={`receipt-status receipt-status-${stage}`} role="status" aria-live="polite">
        {t(MESSAGES[stage])}
      </p>
      <button type="button" className="btn btn-primary" onClick={onDone}>
        {t('thanks.done')}
      </button>
    </div>
  );
}
