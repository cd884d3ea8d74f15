// What a page can make the kiosk keep (issue 14, item 10): ids in Razorpay's
// formats only, a bounded number of events per donation, and every log line
// one line whatever a page or a setting put into it.
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckoutSession, Result } from '../../src-main/contract/kiosk-api.ts';
import { MAX_PAGE_EVENTS_PER_DONATION } from '../../src-main/domain/donation-service.ts';
import { escapeLogLine, escapingLog } from '../../src-main/domain/log-line.ts';
import { startOperatorKiosk, type OperatorKiosk } from './support/operator-kiosk.ts';

let kiosk: OperatorKiosk | null = null;
afterEach(async () => {
  await kiosk?.stop();
  kiosk = null;
});

async function started(k: OperatorKiosk): Promise<string> {
  const reply = (await k.call('startDonation', { amountRupees: 100, donor: { anonymous: true } })) as Result<CheckoutSession>;
  if (!reply.ok) throw new Error(reply.error.message);
  await k.call('checkoutOpened', { donationId: reply.value.donationId });
  return reply.value.donationId;
}

describe("Checkout's failure report", () => {
  it('takes a payment id in Razorpay\'s format only, codes as Razorpay writes them, and a short one-line description', async () => {
    kiosk = await startOperatorKiosk();
    const donationId = await started(kiosk);
    const refused = [
      { paymentId: 'x'.repeat(500) },
      { paymentId: 'pay_short' },
      { paymentId: 'pay_ABCDEFGHIJKLMN; DROP TABLE donations' },
      { code: 'BAD_REQUEST_ERROR\n2026-11-26T10:00:00Z [main] operator: unlocked' },
      { reason: 'x'.repeat(65) },
      { description: 'y'.repeat(301) },
      { description: 'first line\r\nsecond line' },
    ];
    for (const failure of refused) {
      expect(await kiosk.services.dispatch('recordPaymentFailure', { donationId, failure }), JSON.stringify(failure).slice(0, 60)).toMatchObject({
        ok: false,
        error: { code: 'invalid_request' },
      });
    }
    expect(kiosk.services.ledger.get(donationId)?.state).toBe('checkout_open');
    const good = { code: 'BAD_REQUEST_ERROR', description: 'Payment failed because the OTP was wrong.', reason: 'payment_authentication', source: 'customer', step: 'payment_authentication', paymentId: 'pay_ABCDEFGHIJKLMN' };
    expect(await kiosk.call('recordPaymentFailure', { donationId, failure: good })).toEqual({ ok: true, value: null });
    expect(kiosk.services.ledger.get(donationId)).toMatchObject({ state: 'payment_failed', paymentId: 'pay_ABCDEFGHIJKLMN' });
  });

  it('stops adding events to a donation once the page has added its share', async () => {
    kiosk = await startOperatorKiosk();
    const donationId = await started(kiosk);
    const failure = { code: 'BAD_REQUEST_ERROR', description: 'declined' };
    let accepted = 0;
    for (let i = 0; i < MAX_PAGE_EVENTS_PER_DONATION * 3; i++) {
      const reply = i % 2 === 0 ? await kiosk.call('recordPaymentFailure', { donationId, failure }) : await kiosk.call('checkoutOpened', { donationId });
      if (reply.ok) accepted += 1;
    }
    const events = kiosk.services.ledger.events(donationId).length;
    expect(events).toBeLessThanOrEqual(MAX_PAGE_EVENTS_PER_DONATION + 1);
    expect(accepted).toBeLessThan(MAX_PAGE_EVENTS_PER_DONATION);
    expect(await kiosk.call('cancelDonation', { donationId, reason: 'checkout_unavailable' })).toMatchObject({ ok: false, error: { code: 'illegal_state' } });
    expect(kiosk.services.ledger.events(donationId)).toHaveLength(events);
    expect(kiosk.logLines.filter((line) => line.includes('further reports are refused'))).toHaveLength(1);
  });
});

describe('log lines', () => {
  it('escape every control character and line separator, and nothing else; escaping twice changes nothing', () => {
    expect(escapeLogLine('ok\nfake [main] line\r\tx\u0000\u001b[31m\u2028end')).toBe('ok\\nfake [main] line\\r\\tx\\u0000\\u001b[31m\\u2028end');
    expect(escapeLogLine('Asha Rao — ₹1,000 दान')).toBe('Asha Rao — ₹1,000 दान');
    const once = escapeLogLine('a\nb');
    expect(escapeLogLine(once)).toBe(once);
    const lines: string[] = [];
    escapingLog((line) => lines.push(line))('a\nb');
    expect(lines).toEqual(['a\\nb']);
  });

  it('from the services are one line each, whatever a setting holds', async () => {
    const printer = {
      listPrinters: async () => [],
      print: async () => ({ ok: false as const, reason: 'paper out\n2026-11-26T10:00:00Z [main] operator: unlocked' }),
      savePdf: async () => ({ ok: true as const }),
    };
    kiosk = await startOperatorKiosk({ extra: { receiptPrinter: printer } });
    await kiosk.unlocked();
    expect(await kiosk.call('updateReceiptSettings', { settings: { printerName: 'TM\nT82' } })).toMatchObject({ ok: true });
    await kiosk.call('testPrint');
    const printing = kiosk.logLines.find((line) => line.startsWith('receipts: printing on'));
    expect(printing).toBe('receipts: printing on "TM\\nT82" failed: paper out\\n2026-11-26T10:00:00Z [main] operator: unlocked');
    for (const line of kiosk.logLines) expect(line).not.toMatch(/[\r\n\u2028]/);
  });
});
