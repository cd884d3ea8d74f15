// Issue 8: the console's recovered marks and second payments come from
// migration 4's partial indexes, not a scan of every event ever written; and
// the CSV export quotes what RFC 4180 says to quote.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Ledger, type NewDonation } from '../../src-main/domain/ledger/ledger.ts';
import { CSV_COLUMNS, donationsCsv } from '../../src-main/domain/exports/donations-csv.ts';

const dirs: string[] = [];
function ledgerPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-indexes-'));
  dirs.push(dir);
  return join(dir, 'ledger.sqlite3');
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const donation = (id: string, donorName: string | null = 'Priya'): NewDonation => ({
  id,
  receipt: `K1-${id}`.toUpperCase(),
  kioskId: 'K1',
  cause: 'Education',
  amountPaise: 50_000,
  anonymous: donorName === null,
  donorName,
  phone: null,
  email: null,
});

function openCheckout(ledger: Ledger, id: string, name: string | null = 'Priya'): void {
  ledger.createDonation(donation(id, name), 'donor');
  ledger.transition(id, 'order_created', 'gateway', { orderId: `order_${id}` });
  ledger.transition(id, 'checkout_open', 'donor');
}

function queryPlan(path: string, sql: string): string {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(0, 1) as { detail: string }[]).map((row) => row.detail).join('; ');
  } finally {
    db.close();
  }
}

describe('ledger look-ups at scale', () => {
  it('knows exactly which donations were recovered, however they were paid', () => {
    const ledger = Ledger.open(ledgerPath());
    openCheckout(ledger, 'dpaid');
    ledger.transition('dpaid', 'paid', 'gateway', { paymentId: 'pay_1' }, { paymentId: 'pay_1' });
    openCheckout(ledger, 'drecovered');
    ledger.transition('drecovered', 'closed_by_donor', 'donor');
    ledger.transition('drecovered', 'paid', 'reconciliation', { paymentId: 'pay_2' }, { paymentId: 'pay_2', recovered: true, donorSaw: 'closed_by_donor' });
    openCheckout(ledger, 'dopen');
    expect([...ledger.recoveredDonationIds()]).toEqual(['drecovered']);
    expect(ledger.listRecovered(0, Number.MAX_SAFE_INTEGER).map((r) => r.donation.id)).toEqual(['drecovered']);
    ledger.close();
  });

  it('finds recovered payments and second payments through the partial indexes, not a scan of every event', () => {
    const path = ledgerPath();
    Ledger.open(path).close();
    const recovered = queryPlan(
      path,
      `SELECT e.at FROM donation_events e JOIN donations d ON d.id = e.donation_id
       WHERE e.to_state = 'paid' AND json_extract(e.detail, '$.recovered') = 1 AND e.at >= ? AND e.at < ? ORDER BY e.at, e.seq`,
    );
    expect(recovered).toContain('USING INDEX donation_events_recovered');
    const extra = queryPlan(
      path,
      `SELECT e.at FROM donation_events e JOIN donations d ON d.id = e.donation_id
       WHERE json_extract(e.detail, '$.extraPayment.id') IS NOT NULL AND e.at >= ? AND e.at < ? ORDER BY e.at, e.seq`,
    );
    expect(extra).toContain('USING INDEX donation_events_extra_payment');
  });

  it('reads a range of donations oldest first, the same as before it read row by row', () => {
    let now = 1_000;
    const ledger = Ledger.open(ledgerPath(), () => (now += 1_000));
    for (const id of ['da', 'db', 'dc', 'dd']) ledger.createDonation(donation(id), 'donor');
    expect(ledger.listCreatedBetween(3_000, 5_000).map((d) => d.id)).toEqual(['db', 'dc']);
    ledger.close();
  });
});

describe('CSV quoting', () => {
  it('quotes commas, quotes and any line break, and leaves other cells bare', () => {
    let now = 1_000;
    const ledger = Ledger.open(ledgerPath(), () => (now += 1_000));
    const names = ['Plain Name', 'Rao, Asha', 'Say "hi"', 'two\nlines', 'carriage\rreturn', 'अनिल'];
    names.forEach((name, i) => ledger.createDonation(donation(`d${i}`, name), 'donor'));
    const csv = donationsCsv(ledger.listCreatedBetween(0, Number.MAX_SAFE_INTEGER), new Set());
    ledger.close();
    const nameCells = csv.split('\r\n').slice(1, -1).map((line) => line.split(',').slice(CSV_COLUMNS.indexOf('Donor name')).join(','));
    expect(csv.startsWith(`\uFEFF${CSV_COLUMNS[0]},`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(nameCells.map((cell) => cell.slice(0, cell.indexOf(',,'))).slice(0, 6)).toEqual([
      'Plain Name',
      '"Rao, Asha"',
      '"Say ""hi"""',
      '"two\nlines"',
      '"carriage\rreturn"',
      'अनिल',
    ]);
  });
});
