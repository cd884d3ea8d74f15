import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Ledger, type NewDonation } from '../../src-main/domain/ledger/ledger.ts';
import { LATEST_SCHEMA_VERSION, migrate } from '../../src-main/domain/ledger/migrations.ts';

const dirs: string[] = [];
function ledgerPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-test-'));
  dirs.push(dir);
  return join(dir, 'ledger.sqlite3');
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const donation = (id: string): NewDonation => ({
  id,
  receipt: `K1-${id}`.toUpperCase(),
  kioskId: 'K1',
  cause: 'Education',
  amountPaise: 50_000,
  anonymous: false,
  donorName: 'Priya',
  phone: null,
  email: null,
});

describe('ledger', () => {
  it('opens in WAL mode with synchronous=FULL and the latest schema', () => {
    const ledger = Ledger.open(ledgerPath());
    expect(ledger.pragma('journal_mode')).toBe('wal');
    expect(ledger.pragma('synchronous')).toBe(2); // FULL
    expect(ledger.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    ledger.close();
  });

  it('records each step with an event and keeps the data across reopening', () => {
    const path = ledgerPath();
    const ledger = Ledger.open(path);
    ledger.createDonation(donation('d0000000001'), 'donor');
    expect(ledger.transition('d0000000001', 'order_created', 'gateway', { orderId: 'order_ABCDEFGHIJKLMN' }).ok).toBe(true);
    expect(ledger.transition('d0000000001', 'checkout_open', 'donor').ok).toBe(true);
    const paidAt = Date.now() + 60_000;
    expect(ledger.transition('d0000000001', 'paid', 'gateway', { paymentId: 'pay_ABCDEFGHIJKLMN', paidAt }).ok).toBe(true);
    ledger.close();

    const reopened = Ledger.open(path);
    expect(reopened.get('d0000000001')).toMatchObject({ state: 'paid', orderId: 'order_ABCDEFGHIJKLMN', paymentId: 'pay_ABCDEFGHIJKLMN', paidAt });
    expect(reopened.events('d0000000001').map((e) => [e.fromState, e.toState, e.source])).toEqual([
      [null, 'started', 'donor'],
      ['started', 'order_created', 'gateway'],
      ['order_created', 'checkout_open', 'donor'],
      ['checkout_open', 'paid', 'gateway'],
    ]);
    expect(reopened.findByOrderId('order_ABCDEFGHIJKLMN')?.id).toBe('d0000000001');
    reopened.close();
  });

  it('refuses illegal transitions, changes nothing and keeps a record of the attempt', () => {
    const ledger = Ledger.open(ledgerPath());
    ledger.createDonation(donation('d0000000002'), 'donor');
    const result = ledger.transition('d0000000002', 'paid', 'donor');
    expect(result).toEqual({ ok: false, reason: 'illegal_transition', from: 'started', to: 'paid' });
    expect(ledger.get('d0000000002')?.state).toBe('started');
    expect(ledger.events('d0000000002')).toHaveLength(1);
    expect(ledger.countRefusedTransitions('d0000000002')).toBe(1);
    expect(ledger.transition('nope', 'paid', 'donor')).toEqual({ ok: false, reason: 'unknown_donation' });
    ledger.close();
  });

  it('lets a failed payment become paid later (late authorisation is not final)', () => {
    const ledger = Ledger.open(ledgerPath());
    ledger.createDonation(donation('d0000000003'), 'donor');
    ledger.transition('d0000000003', 'order_created', 'gateway', { orderId: 'order_ZZZZZZZZZZZZZZ' });
    ledger.transition('d0000000003', 'checkout_open', 'donor');
    ledger.transition('d0000000003', 'payment_failed', 'checkout', { failureCode: 'payment_failed' });
    expect(ledger.transition('d0000000003', 'paid', 'reconciliation', { paymentId: 'pay_QQQQQQQQQQQQQQ' }).ok).toBe(true);
    ledger.close();
  });

  it('keeps events append-only', () => {
    const path = ledgerPath();
    const ledger = Ledger.open(path);
    ledger.createDonation(donation('d0000000004'), 'donor');
    ledger.close();
    const raw = new DatabaseSync(path);
    expect(() => raw.exec("UPDATE donation_events SET to_state = 'paid'")).toThrow(/append-only/);
    expect(() => raw.exec('DELETE FROM donation_events')).toThrow(/append-only/);
    raw.close();
  });

  it('refuses a ledger written by a newer kiosk instead of misreading it', () => {
    const path = ledgerPath();
    Ledger.open(path).close();
    const raw = new DatabaseSync(path);
    raw.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(LATEST_SCHEMA_VERSION + 1, 0);
    raw.close();
    expect(() => Ledger.open(path)).toThrow(/newer than this kiosk/);
  });

  it('applies a migration numbered below one already applied (a ledger from a kiosk that had schema 8 before 5 to 7)', () => {
    // Parallel branches reserved their numbers: the kiosk at 46ceb24 shipped migrations 1-4 and 8 only.
    const path = ledgerPath();
    const raw = new DatabaseSync(path);
    migrate(raw, 4);
    raw.exec(`
      CREATE TABLE installation (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), installation_id TEXT NOT NULL, created_at INTEGER NOT NULL);
      INSERT INTO installation VALUES (1, 'abcdef0123456789', 0);
      ALTER TABLE donations ADD COLUMN event_id TEXT;
      INSERT INTO schema_migrations (version, applied_at) VALUES (8, 0);
    `);
    raw.close();
    const ledger = Ledger.open(path);
    ledger.createDonation({ ...donation('d0000000007'), email: 'donor@example.org' }, 'donor');
    // Migration 5 (Razorpay's order time), 7 (the email outbox on the move to paid).
    expect(ledger.transition('d0000000007', 'order_created', 'gateway', { orderId: 'order_0000000000007', orderCreatedAt: 1 })).toMatchObject({ ok: true });
    ledger.transition('d0000000007', 'checkout_open', 'donor');
    expect(ledger.transition('d0000000007', 'paid', 'gateway', { paymentId: 'pay_0000000000007' })).toMatchObject({ ok: true });
    expect(ledger.emails.forDonation('d0000000007')).toHaveLength(1);
    ledger.close();
  });

  it('rejects a duplicate receipt (Razorpay receipts are unique)', () => {
    const ledger = Ledger.open(ledgerPath());
    ledger.createDonation(donation('d0000000005'), 'donor');
    expect(() => ledger.createDonation({ ...donation('d0000000006'), receipt: 'K1-D0000000005' }, 'donor')).toThrow(/UNIQUE/);
    expect(ledger.get('d0000000006')).toBeUndefined();
    ledger.close();
  });
});
