// What the operator console is told about money under faults (issue 13): the
// payments being confirmed (authorised, not captured), the recovered ones
// with the donor's contact, and why the kiosk is out of service.
import type { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckoutSession, OperatorOverview, Result } from '../../src-main/contract/kiosk-api.ts';
import { OP_KEY_ID, startOperatorKiosk, type OperatorKiosk } from './support/operator-kiosk.ts';

let kiosk: OperatorKiosk | null = null;
afterEach(async () => {
  await kiosk?.stop();
  kiosk = null;
});

async function overview(k: OperatorKiosk): Promise<OperatorOverview> {
  const reply = (await k.call('getOperatorOverview', {})) as Result<OperatorOverview>;
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

describe('the console under faults', () => {
  it('lists a payment being confirmed, then flags it recovered with the contact once reconciliation captures it', async () => {
    kiosk = await startOperatorKiosk({ config: { gatewayTimeoutMs: 800 } });
    await kiosk.unlocked();
    const started = (await kiosk.call('startDonation', { amountRupees: 250, donor: { anonymous: false, name: 'Sunita Das', phone: '9812345678' } })) as Result<CheckoutSession>;
    if (!started.ok) throw new Error(started.error.message);
    const session = started.value;
    await kiosk.call('checkoutOpened', { donationId: session.donationId });
    const paid = kiosk.simulator.pay({ keyId: OP_KEY_ID, orderId: session.options.order_id, method: 'upi', outcome: 'success' });
    if (!paid.ok) throw new Error('payment refused');
    kiosk.simulator.faults.inject('payments.fetch', { kind: 'status', status: 502, body: 'json' });
    expect(await kiosk.call('confirmPayment', { donationId: session.donationId, razorpayPaymentId: paid.paymentId, razorpayOrderId: session.options.order_id, razorpaySignature: paid.signature })).toMatchObject({
      ok: false,
      error: { code: 'payment_confirming' },
    });

    const during = await overview(kiosk);
    expect(during.beingConfirmed).toEqual([
      { donationId: session.donationId, receipt: expect.any(String), since: expect.any(String), amountRupees: 250, paymentId: paid.paymentId, donorName: 'Sunita Das', contact: '9812345678' },
    ]);
    expect(during.outOfService).toBeNull();

    await kiosk.call('cancelDonation', { donationId: session.donationId, reason: 'donor_left' });
    kiosk.simulator.faults.clear();
    await kiosk.services.reconciler.runOnce();
    const after = await overview(kiosk);
    expect(after.beingConfirmed).toEqual([]);
    expect(after.donations.find((d) => d.donationId === session.donationId)).toMatchObject({ state: 'paid', recovered: true, contact: '9812345678' });
  });

  it('says why the kiosk is out of service when its ledger cannot be written', async () => {
    kiosk = await startOperatorKiosk({ config: { gatewayTimeoutMs: 800 } });
    await kiosk.unlocked();
    const db = (kiosk.services.ledger as unknown as { db: DatabaseSync }).db;
    db.exec('PRAGMA query_only = ON');
    try {
      expect(await kiosk.call('startDonation', { amountRupees: 100, donor: { anonymous: true } })).toMatchObject({ ok: false, error: { code: 'kiosk_unavailable' } });
      expect((await overview(kiosk)).outOfService).toMatch(/cannot write to its donation ledger/);
      expect(await kiosk.call('getKioskState')).toMatchObject({ ok: false, error: { code: 'kiosk_unavailable', retryable: false } });
    } finally {
      db.exec('PRAGMA query_only = OFF');
    }
  });
});
