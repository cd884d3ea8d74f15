// A payment window the kiosk closed because nobody was paying: main answers
// "is anyone paying?" from Razorpay's view of the order, records the close as
// abandoned, and a payment that completes after all is still recorded by
// reconciliation and shown to the operator as recovered.
import { describe, expect, it } from 'vitest';
import type { CheckoutSession, Result } from '../../src-main/contract/kiosk-api.ts';
import { kioskPerTest, UNIT_KEY_ID } from './support/kiosk-under-test.ts';

const harness = kioskPerTest();
const { call, running } = harness;

async function openWindow(): Promise<CheckoutSession> {
  const started = (await call('startDonation', { amountRupees: 500, donor: { anonymous: false, name: 'Asha Rao', email: 'asha@example.com' } })) as Result<CheckoutSession>;
  if (!started.ok) throw new Error(started.error.message);
  await call('checkoutOpened', { donationId: started.value.donationId });
  return started.value;
}

describe('a payment window left alone', () => {
  it('says whether a payment is under way on the order', async () => {
    await harness.start();
    const session = await openWindow();
    expect(await call('getPaymentActivity', { donationId: session.donationId })).toEqual({ ok: true, value: { underway: false } });
    const paid = running().simulator.pay({ keyId: UNIT_KEY_ID, orderId: session.options.order_id, method: 'upi', outcome: 'success' });
    expect(paid.ok).toBe(true);
    expect(await call('getPaymentActivity', { donationId: session.donationId })).toEqual({ ok: true, value: { underway: true } });
    expect(await call('getPaymentActivity', { donationId: 'dnotakiosk0001' })).toMatchObject({ ok: false, error: { code: 'unknown_donation' } });
  });

  it('cannot say when Razorpay cannot be reached: "maybe", so the window stays', async () => {
    await harness.start();
    const session = await openWindow();
    running().simulator.faults.inject('orders.payments', { kind: 'reset' });
    expect(await call('getPaymentActivity', { donationId: session.donationId })).toEqual({ ok: true, value: { underway: null } });
  });

  it('records the close as abandoned; a payment made after all is recorded as recovered, with its receipt email', async () => {
    await harness.start();
    const session = await openWindow();
    expect(await call('cancelDonation', { donationId: session.donationId, reason: 'abandoned' })).toEqual({ ok: true, value: null });
    const { ledger, reconciler } = running().services;
    expect(ledger.get(session.donationId)?.state).toBe('closed_by_donor');
    expect(ledger.events(session.donationId).at(-1)?.detail).toEqual({ reason: 'abandoned' });

    // The donor's phone finishes the UPI payment after the kiosk closed the window.
    const paid = running().simulator.pay({ keyId: UNIT_KEY_ID, orderId: session.options.order_id, method: 'upi', outcome: 'success' });
    expect(paid.ok).toBe(true);
    await reconciler.runOnce();
    expect(ledger.get(session.donationId)).toMatchObject({ state: 'paid', receiptNo: expect.stringMatching(/\/000001$/) });
    expect(ledger.recoveredDonationIds().has(session.donationId)).toBe(true);
    expect(ledger.events(session.donationId).at(-1)?.detail).toMatchObject({ recovered: true, donorSaw: 'closed_by_donor' });
    // The receipt still reaches the donor: it joined the outbox with the payment.
    expect(ledger.emails.forDonation(session.donationId)).toMatchObject([{ recipient: 'asha@example.com', status: 'queued' }]);
    expect(running().logLines.some((line) => line.includes(`donation ${session.donationId} recovered`))).toBe(true);
  });
});
