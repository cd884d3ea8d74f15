// Issue 13, defect 7: every payment that ends paid through reconciliation
// after the donor saw anything other than "Thank you" (a failed fetch, "still
// confirming", a failed capture, a crash mid-confirmation) is flagged
// "recovered" for the operator, with the donor's contact where given.
import { describe, expect, it } from 'vitest';
import type { CheckoutSession } from '../../src-main/contract/kiosk-api.ts';
import { buildDayReport, formatDayReport } from '../../src-main/domain/reports/day-report.ts';
import { kioskPerTest, openCheckout as donorOpensCheckout, payInCheckout } from './support/kiosk-under-test.ts';

const harness = kioskPerTest();
const { call, running } = harness;

const openCheckout = (donor: Record<string, unknown>) => donorOpensCheckout(call, 500, donor);
const pay = (session: CheckoutSession) => payInCheckout(running().simulator, session);

describe('the operator is told of every recovered payment', () => {
  it('a payment whose confirmation could not be fetched ("still confirming") is flagged when reconciliation records it', async () => {
    const kiosk = await harness.start();
    const session = await openCheckout({ anonymous: false, name: 'Neha Gupta', phone: '9811122233', email: 'neha@example.org' });
    const confirmation = pay(session);
    kiosk.simulator.faults.inject('payments.fetch', { kind: 'status', status: 502, body: 'html' });
    const reply = await call('confirmPayment', confirmation);
    expect(reply.ok).toBe(false);
    // The donor walks away from the "still confirming" screen.
    await call('cancelDonation', { donationId: session.donationId, reason: 'donor_left' });
    kiosk.simulator.faults.clear('payments.fetch');

    await kiosk.services.reconciler.runOnce();
    expect(kiosk.services.ledger.get(session.donationId)).toMatchObject({ state: 'paid', paymentId: confirmation.razorpayPaymentId });
    expect(kiosk.services.ledger.recoveredDonationIds().has(session.donationId)).toBe(true);
    const text = formatDayReport(buildDayReport(kiosk.services.ledger, 0, Date.now() + 60_000));
    expect(text).toMatch(new RegExp(`Recovered after the donor saw a failure\\n {2}.*${session.donationId}.*9811122233.*neha@example\\.org`));
  });

  it('a payment the kiosk crashed in the middle of confirming is flagged when the restarted kiosk records it', async () => {
    const kiosk = await harness.start();
    const session = await openCheckout({ anonymous: true, phone: '9822233344' });
    const confirmation = pay(session);
    // The kiosk dies before confirmPayment reaches it: Checkout's handler fired, the donor saw no Thank you.
    await kiosk.services.close();
    const restarted = await harness.startAgain();
    await restarted.reconciler.runOnce();
    expect(restarted.ledger.get(session.donationId)).toMatchObject({ state: 'paid', paymentId: confirmation.razorpayPaymentId });
    expect(restarted.ledger.recoveredDonationIds().has(session.donationId)).toBe(true);
  });
});
