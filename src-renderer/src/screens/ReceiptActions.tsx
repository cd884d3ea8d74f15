// On the thank-you screen: what can be done with the receipt, and "Done".
// "Print my receipt" only when a printer is set up and answers; with email
// receipts on, either where the receipt is going or "Email my receipt" (the
// address typed here, on the kiosk's keys). Neither ever holds up the
// screen: the payment and its receipt number are already on record, and
// sending is the outbox's job in main.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DonationReceipt, ReceiptOptions } from '../../../src-main/contract/kiosk-api.ts';
import { getKioskApi } from '../bridge/bridge.ts';
import { KeyedField } from '../components/KeyedField.tsx';
import { OnScreenKeys } from '../components/OnScreenKeys.tsx';
import { t, type MessageKey } from '../i18n/t.ts';
import { checkEmail } from '../../../src-shared/donor-fields.ts';
import { EMAIL_MAX_LENGTH, fieldError } from '../flow/validation.ts';
import '../receipts.css';

type PrintStage = 'offer' | 'printing' | 'printed' | 'saved' | 'failed';

const PRINT_MESSAGES: Record<Exclude<PrintStage, 'offer'>, MessageKey> = {
  printing: 'receipt.printing',
  printed: 'receipt.printed',
  saved: 'receipt.notPrinted',
  failed: 'receipt.failed',
};

/** The options main gives for this receipt; null until it answered (or if it could not). */
function useReceiptOptions(donationId: string): [ReceiptOptions | null, (next: ReceiptOptions) => void] {
  const [options, setOptions] = useState<ReceiptOptions | null>(null);
  useEffect(() => {
    let live = true;
    void getKioskApi()
      .then((api) => api.getReceiptOptions({ donationId }))
      .then((result) => {
        if (live && result.ok) setOptions(result.value);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [donationId]);
  return [options, setOptions];
}

export function ReceiptActions({ receipt, onDone, onTyping }: { receipt: DonationReceipt; onDone: () => void; onTyping: (typing: boolean) => void }) {
  const [options, setOptions] = useReceiptOptions(receipt.donationId);
  const [print, setPrint] = useState<PrintStage>('offer');
  const [asking, setAsking] = useState(false);

  const startPrint = async (): Promise<void> => {
    setPrint('printing');
    try {
      const api = await getKioskApi();
      const result = await api.printReceipt({ donationId: receipt.donationId });
      if (!result.ok) setPrint('failed');
      else if (result.value.printed) setPrint('printed');
      else setPrint(result.value.pdfPath === null ? 'failed' : 'saved');
    } catch {
      setPrint('failed');
    }
  };

  const email = options?.email ?? null;
  if (asking && email) {
    return (
      <EmailForm
        donationId={receipt.donationId}
        onQueued={(queuedTo) => {
          setOptions({ canPrint: options?.canPrint ?? false, email: { queuedTo } });
          setAsking(false);
          onTyping(false);
        }}
        onCancel={() => {
          setAsking(false);
          onTyping(false);
        }}
      />
    );
  }

  return (
    <div className="receipt-actions">
      <div role="status" aria-live="polite" className="receipt-news">
        {email?.queuedTo && (
          <p className="receipt-status receipt-status-emailed" data-testid="receipt-emailed">
            {t('receipt.emailQueued', { email: email.queuedTo })}
          </p>
        )}
        {print !== 'offer' && <p className={`receipt-status receipt-status-${print}`}>{t(PRINT_MESSAGES[print])}</p>}
      </div>
      <div className="actions receipt-offer" role="group" aria-label={t('receipt.offer')}>
        {email && !email.queuedTo && (
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => {
              setAsking(true);
              onTyping(true);
            }}
          >
            {t(receipt.taxReceipt ? 'receipt.email80g' : 'receipt.email')}
          </button>
        )}
        {options?.canPrint && print === 'offer' && (
          <button type="button" className="btn btn-secondary" onClick={() => void startPrint()}>
            {t(receipt.taxReceipt ? 'receipt.print80g' : 'receipt.print')}
          </button>
        )}
        <button type="button" className="btn btn-primary" onClick={onDone} data-testid="done">
          {t('thanks.done')}
        </button>
      </div>
    </div>
  );
}

/** The donor's address on the kiosk's own keys; checked with the same rule main applies. */
function EmailForm({ donationId, onQueued, onCancel }: { donationId: string; onQueued: (maskedTo: string) => void; onCancel: () => void }) {
  const [address, setAddress] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [sending, setSending] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus({ preventScroll: true }), []);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const checked = checkEmail(address);
    if (!checked.ok) {
      setError(fieldError(checked.problem).key);
      input.current?.focus();
      return;
    }
    setSending(true);
    const result = await getKioskApi()
      .then((api) => api.emailReceipt({ donationId, email: checked.value }))
      .catch(() => null);
    setSending(false);
    if (result?.ok) onQueued(result.value.queuedTo);
    else setError('receipt.emailFailed');
  };

  return (
    <form className="receipt-email" onSubmit={(e) => void submit(e)} noValidate autoComplete="off" data-testid="receipt-email-form">
      <KeyedField
        id="receipt-email"
        inputRef={input}
        label={t('receipt.emailLabel')}
        error={error ? t(error) : ''}
        maxLength={EMAIL_MAX_LENGTH}
        value={address}
        onChange={(next) => {
          setAddress(next);
          setError(null);
        }}
      />
      <OnScreenKeys
        layout="email"
        value={address}
        maxLength={EMAIL_MAX_LENGTH}
        controls="receipt-email"
        onChange={(next) => {
          setAddress(next);
          setError(null);
        }}
      />
      <div className="actions">
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t('common.back')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={sending}>
          {t('receipt.emailSend')}
        </button>
      </div>
    </form>
  );
}
