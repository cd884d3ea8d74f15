// Issue 13, defect 5: an unwritable ledger (a full disk, a read-only file)
// takes the kiosk out of service at once, with SQLite's real error in the log
// and for the operator, and the kiosk comes back by itself when the ledger is
// writable again, with nothing lost. SQLite's own limits make the failures
// real: max_page_count gives SQLITE_FULL ("database or disk is full") exactly
// as a full disk does, query_only gives SQLITE_READONLY.
import type { DatabaseSync } from 'node:sqlite';
import { describe, expect, it, vi } from 'vitest';
import type { CheckoutSession, KioskStatus, Result } from '../../src-main/contract/kiosk-api.ts';
import type { Ledger } from '../../src-main/domain/ledger/ledger.ts';
import { kioskPerTest, openCheckout, payInCheckout } from './support/kiosk-under-test.ts';

const harness = kioskPerTest();
const { call, running } = harness;

/** A donor pays in Checkout, then the ledger stops taking writes before the kiosk hears of it. */
async function paidWhileTheLedgerIsReadOnly(amountRupees: number) {
  const kiosk = await harness.start({ connectivityProbeSeconds: 1 });
  const session = await openCheckout(call, amountRupees);
  const paid = payInCheckout(kiosk.simulator, session);
  const db = connectionOf(kiosk.services.ledger);
  db.exec('PRAGMA query_only = ON');
  return { kiosk, session, paid, db };
}

/** The ledger's own SQLite connection: the test makes its writes fail as the disk would. */
function connectionOf(ledger: Ledger): DatabaseSync {
  return (ledger as unknown as { db: DatabaseSync }).db;
}

function fillTheDisk(ledger: Ledger): () => void {
  const db = connectionOf(ledger);
  const pages = (db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
  db.exec(`PRAGMA max_page_count = ${pages}`);
  return () => db.exec('PRAGMA max_page_count = 4294967294');
}

async function status(): Promise<KioskStatus> {
  const reply = (await call('getKioskStatus', null)) as Result<KioskStatus>;
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

const start = (amountRupees: number) => call('startDonation', { amountRupees, donor: { anonymous: false, name: 'Ravi Kumar', email: 'ravi@example.org' } }) as Promise<Result<CheckoutSession>>;

describe('an unwritable ledger', () => {
  it('a full disk takes the kiosk out of service with the real cause, and it comes back by itself', async () => {
    const kiosk = await harness.start({ connectivityProbeSeconds: 1 });
    expect((await status()).acceptingDonations).toBe(true);
    const freeSpace = fillTheDisk(kiosk.services.ledger);

    // Starts fail until a page is needed that the disk does not have.
    let reply = await start(100);
    for (let i = 0; i < 200 && reply.ok; i++) reply = await start(100);
    expect(reply).toMatchObject({ ok: false, error: { code: 'kiosk_unavailable' } });
    const log = kiosk.logLines.join('\n');
    expect(log).toMatch(/database or disk is full/);
    expect(log).not.toMatch(/cannot rollback/);
    const out = await status();
    expect(out.acceptingDonations).toBe(false);
    expect(out.outOfServiceReason).toMatch(/database or disk is full/);

    freeSpace();
    await vi.waitFor(async () => expect((await status()).acceptingDonations).toBe(true), { timeout: 10_000, interval: 100 });
    expect((await start(200)).ok).toBe(true);
  });

  it('a payment confirmed while the disk is full is not lost: the donor hears it is being confirmed, and it is recorded once the disk has room', async () => {
    const { session, paid, db } = await paidWhileTheLedgerIsReadOnly(500);
    const reply = await call('confirmPayment', paid);
    expect(reply).toMatchObject({ ok: false, error: { code: 'payment_confirming' } });
    expect((await status()).outOfServiceReason).toMatch(/readonly|read-only/i);

    db.exec('PRAGMA query_only = OFF');
    await vi.waitFor(async () => expect((await status()).acceptingDonations).toBe(true), { timeout: 10_000, interval: 100 });
    await vi.waitFor(() => expect(running().services.ledger.get(session.donationId)).toMatchObject({ state: 'paid', paymentId: paid.razorpayPaymentId }), { timeout: 10_000, interval: 100 });
  });

  it("the donor's screen following that payment hears 'being confirmed' while the disk is full, never 'not paid', then 'paid'", async () => {
    const { kiosk, session, paid, db } = await paidWhileTheLedgerIsReadOnly(700);
    const reply = await call('confirmPayment', paid);
    expect(reply).toMatchObject({ ok: false, error: { code: 'payment_confirming' } });
    // The ledger has not recorded the payment, but the signature proved it: the donor must not be told it failed.
    expect(kiosk.services.ledger.get(session.donationId)?.state).toBe('checkout_open');
    expect(await call('getDonationProgress', { donationId: session.donationId })).toEqual({ ok: true, value: { status: 'confirming' } });

    db.exec('PRAGMA query_only = OFF');
    await vi.waitFor(async () => expect(await call('getDonationProgress', { donationId: session.donationId })).toMatchObject({ ok: true, value: { status: 'paid' } }), { timeout: 10_000, interval: 100 });
  });
});
