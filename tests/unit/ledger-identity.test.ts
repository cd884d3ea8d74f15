// Issue 13, defect 4: a ledger file deleted or replaced while the kiosk runs
// stops donations at once; after the restore-from-backup procedure the kiosk
// recovers every donation started after the backup from Razorpay, and receipt
// numbers continue after the highest ever issued, never reusing one.
import { copyFileSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckoutSession, DonationReceipt, KioskStatus, Result } from '../../src-main/contract/kiosk-api.ts';
import { Ledger } from '../../src-main/domain/ledger/ledger.ts';
import { LEDGER_FILE, listLedgerBackups, takeLedgerBackup } from '../../src-main/domain/ledger/ledger-file.ts';
import { DAY_MS } from '../../src-main/domain/reconciliation/reconcile-rules.ts';
import { kioskPerTest, UNIT_KEY_ID } from './support/kiosk-under-test.ts';

const harness = kioskPerTest();
const { call, running } = harness;

async function donate(dispatch: (method: 'startDonation' | 'checkoutOpened' | 'confirmPayment', payload: unknown) => Promise<Result<unknown>>, amountRupees: number): Promise<DonationReceipt> {
  const started = (await dispatch('startDonation', { amountRupees, donor: { anonymous: false, name: 'Kavya Menon' } })) as Result<CheckoutSession>;
  if (!started.ok) throw new Error(started.error.message);
  const session = started.value;
  expect(await dispatch('checkoutOpened', { donationId: session.donationId })).toEqual({ ok: true, value: null });
  const paid = running().simulator.pay({ keyId: UNIT_KEY_ID, orderId: session.options.order_id, method: 'upi', outcome: 'success' });
  if (!paid.ok) throw new Error('payment refused');
  const confirmed = (await dispatch('confirmPayment', { donationId: session.donationId, razorpayPaymentId: paid.paymentId, razorpayOrderId: session.options.order_id, razorpaySignature: paid.signature })) as Result<DonationReceipt>;
  if (!confirmed.ok) throw new Error(confirmed.error.message);
  return confirmed.value;
}

async function status(): Promise<KioskStatus> {
  const reply = (await call('getKioskStatus', null)) as Result<KioskStatus>;
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

describe('the ledger file changes under a running kiosk', () => {
  it('a deleted ledger stops donations at once, with the operator message', async () => {
    const kiosk = await harness.start();
    await donate(call, 500);
    const path = join(kiosk.dataDir, LEDGER_FILE);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });

    const reply = await call('startDonation', { amountRupees: 100, donor: { anonymous: true } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'kiosk_unavailable' } });
    const now = await status();
    expect(now.acceptingDonations).toBe(false);
    expect(now.outOfServiceReason).toMatch(/ledger.*(deleted|replaced|moved)/i);
    expect(kiosk.logLines.join('\n')).toMatch(/ledger.*(deleted|replaced|moved)/i);
  });

  it('a ledger replaced by a backup copy stops donations at once', async () => {
    const kiosk = await harness.start();
    await donate(call, 500);
    const [backup] = listLedgerBackups(kiosk.dataDir);
    if (!backup) throw new Error('no start-up backup');
    const copy = join(kiosk.dataDir, 'restored.sqlite3');
    copyFileSync(backup, copy);
    renameSync(copy, join(kiosk.dataDir, LEDGER_FILE));

    expect(await call('startDonation', { amountRupees: 100, donor: { anonymous: true } })).toMatchObject({ ok: false, error: { code: 'kiosk_unavailable' } });
    expect((await status()).acceptingDonations).toBe(false);
  });
});

describe('after the restore-from-backup procedure', () => {
  it('recovers every donation started after the backup from Razorpay, and never reuses a receipt number', async () => {
    const kiosk = await harness.start();
    const before = await donate(call, 300);
    await kiosk.services.close();
    // The backup the operator will restore: taken at this restart, after the first donation.
    const services = await harness.startAgain();
    const backup = listLedgerBackups(kiosk.dataDir).at(-1);
    if (!backup) throw new Error('no backup');
    const afterBackup = [await donate(services.dispatch, 400), await donate(services.dispatch, 500)];
    // One more donor started and walked away without paying.
    const abandoned = (await services.dispatch('startDonation', { amountRupees: 700, donor: { anonymous: true } })) as Result<CheckoutSession>;
    if (!abandoned.ok) throw new Error(abandoned.error.message);
    expect([before, ...afterBackup].map((r) => r.receiptNumber.slice(-6))).toEqual(['000001', '000002', '000003']);
    await services.close();

    // The documented procedure: move the ledger (and its -wal/-shm) away, copy the newest backup in.
    const path = join(kiosk.dataDir, LEDGER_FILE);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
    copyFileSync(backup, path);

    const restarted = await harness.startAgain();
    await restarted.reconciler.runOnce();
    await restarted.reconciler.runOnce();
    const ledger = restarted.ledger;
    for (const receipt of afterBackup) {
      // Recovered with the number the donor was given.
      expect(ledger.get(receipt.donationId)).toMatchObject({ state: 'paid', paymentId: receipt.paymentId, receiptNo: receipt.receiptNumber });
    }
    expect(ledger.get(abandoned.value.donationId)).toMatchObject({ orderId: abandoned.value.options.order_id, amountPaise: 70_000 });

    const next = await donate(restarted.dispatch, 600);
    expect(next.receiptNumber.slice(-6)).toBe('000004');
  });
});

describe('backup names', () => {
  it('a backup taken after the clock went back still counts as the newest', () => {
    const ledger = Ledger.open(':memory:');
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-backups-'));
    try {
      const first = takeLedgerBackup(ledger, dataDir, { now: () => Date.UTC(2026, 10, 26, 10, 0, 0) });
      const second = takeLedgerBackup(ledger, dataDir, { now: () => Date.UTC(2026, 10, 26, 10, 0, 0) });
      const third = takeLedgerBackup(ledger, dataDir, { now: () => Date.UTC(2026, 10, 26, 10, 0, 0) - DAY_MS });
      expect(listLedgerBackups(dataDir)).toEqual([first, second, third]);
    } finally {
      ledger.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
