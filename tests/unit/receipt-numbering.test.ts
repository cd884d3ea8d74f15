// Receipt numbers: gap-free per kiosk and financial year, given in the same
// transaction as the move to paid, never reused, and none lost or doubled by
// a crash between the capture at Razorpay and the ledger's write.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Ledger, type NewDonation } from '../../src-main/domain/ledger/ledger.ts';
import { financialYearOf } from '../../src-main/domain/receipts/financial-year.ts';
import { receiptNumberProblems } from '../../src-main/domain/receipts/receipt-audit.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function ledgerFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-receipts-'));
  dirs.push(dir);
  return join(dir, 'ledger.sqlite3');
}

let counter = 0;
function attempt(ledger: Ledger, kioskId = 'KIOSK-1'): string {
  counter += 1;
  const id = `d${String(counter).padStart(12, '0')}`;
  const donation: NewDonation = { id, receipt: `${kioskId}-${id}`, kioskId, cause: 'Education', amountPaise: 500_00, anonymous: true, donorName: null, phone: null, email: null };
  ledger.createDonation(donation, 'donor');
  ledger.transition(id, 'order_created', 'gateway', { orderId: `order_${id}` });
  ledger.transition(id, 'checkout_open', 'donor');
  return id;
}

function pay(ledger: Ledger, id: string, paidAt: number, source: 'gateway' | 'reconciliation' = 'gateway') {
  const moved = ledger.transition(id, 'paid', source, { paymentId: `pay_${id}`, paymentMethod: 'upi', paidAt });
  if (!moved.ok) throw new Error(`not paid: ${moved.reason}`);
  return moved.donation;
}

/** Instants in Indian time (UTC+05:30). */
const ist = (iso: string) => Date.parse(`${iso}+05:30`);

describe('financial year (Asia/Kolkata)', () => {
  it('turns at midnight between 31 March and 1 April in India, not in UTC', () => {
    expect(financialYearOf(ist('2027-03-31T23:59:59.999'))).toBe('2026-27');
    expect(financialYearOf(ist('2027-04-01T00:00:00.000'))).toBe('2027-28');
    // 1 April 00:10 IST is still 31 March in UTC.
    expect(new Date(ist('2027-04-01T00:10:00')).toISOString()).toBe('2027-03-31T18:40:00.000Z');
    expect(financialYearOf(ist('2027-04-01T00:10:00'))).toBe('2027-28');
    expect(financialYearOf(ist('2026-11-26T12:00:00'))).toBe('2026-27');
    expect(financialYearOf(ist('2099-12-31T12:00:00'))).toBe('2099-00');
  });
});

describe('receipt numbers', () => {
  it('count 1, 2, 3 in the order payments are recorded, in the same transaction and event as paid', () => {
    const ledger = Ledger.open(ledgerFile());
    const at = ist('2026-11-26T10:00:00');
    const ids = [attempt(ledger), attempt(ledger), attempt(ledger)];
    expect(ledger.get(ids[0] ?? '')?.receiptNo).toBeNull();
    const numbers = ids.map((id, i) => pay(ledger, id, at + i).receiptNo);
    expect(numbers).toEqual(['KIOSK-1/2026-27/000001', 'KIOSK-1/2026-27/000002', 'KIOSK-1/2026-27/000003']);
    expect(ledger.events(ids[1] ?? '').at(-1)).toMatchObject({ toState: 'paid', detail: { receiptNo: 'KIOSK-1/2026-27/000002' } });
    // Failed, closed or expired attempts never take a number.
    const closed = attempt(ledger);
    ledger.transition(closed, 'closed_by_donor', 'donor');
    expect(ledger.get(closed)?.receiptNo).toBeNull();
    expect(pay(ledger, attempt(ledger), at + 10).receiptNo).toBe('KIOSK-1/2026-27/000004');
    ledger.close();
  });

  it('start again at 000001 in a new financial year, and each kiosk id keeps its own sequence', () => {
    const ledger = Ledger.open(ledgerFile());
    expect(pay(ledger, attempt(ledger), ist('2027-03-31T23:58:00')).receiptNo).toBe('KIOSK-1/2026-27/000001');
    expect(pay(ledger, attempt(ledger), ist('2027-03-31T23:59:59.999')).receiptNo).toBe('KIOSK-1/2026-27/000002');
    expect(pay(ledger, attempt(ledger), ist('2027-04-01T00:00:00')).receiptNo).toBe('KIOSK-1/2027-28/000001');
    expect(pay(ledger, attempt(ledger), ist('2027-04-01T00:05:00')).receiptNo).toBe('KIOSK-1/2027-28/000002');
    expect(pay(ledger, attempt(ledger, 'GATE-2'), ist('2027-04-01T00:06:00')).receiptNo).toBe('GATE-2/2027-28/000001');
    ledger.close();
  });

  it('a refund keeps the number: it is never given to another payment', () => {
    const ledger = Ledger.open(ledgerFile());
    const first = attempt(ledger);
    pay(ledger, first, ist('2026-11-26T10:00:00'));
    ledger.transition(first, 'refunded', 'operator');
    expect(ledger.get(first)?.receiptNo).toBe('KIOSK-1/2026-27/000001');
    expect(pay(ledger, attempt(ledger), ist('2026-11-26T10:01:00')).receiptNo).toBe('KIOSK-1/2026-27/000002');
    ledger.close();
  });

  it('the table refuses a second donation with the same kiosk, year and number, and any edit or deletion', () => {
    const path = ledgerFile();
    const ledger = Ledger.open(path);
    const id = attempt(ledger);
    pay(ledger, id, ist('2026-11-26T10:00:00'));
    const other = attempt(ledger);
    ledger.close();
    const db = new DatabaseSync(path);
    expect(() =>
      db.prepare("INSERT INTO receipt_numbers (kiosk_id, financial_year, seq, receipt_no, donation_id, assigned_at) VALUES ('KIOSK-1', '2026-27', 1, 'X', ?, 0)").run(other),
    ).toThrow(/UNIQUE/);
    expect(() => db.exec("UPDATE receipt_numbers SET seq = 7")).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM receipt_numbers')).toThrow(/append-only/);
    db.close();
  });

  it('a crash inside the paid transaction takes the number back with it: no gap, no number without a payment', () => {
    const path = ledgerFile();
    const ledger = Ledger.open(path);
    const at = ist('2026-11-26T10:00:00');
    pay(ledger, attempt(ledger), at);
    const doomed = attempt(ledger);
    // The process dies after the receipt number row was written but before the paid event: stand in for it with a
    // trigger that aborts the event insert, the last write of the transaction.
    const saboteur = new DatabaseSync(path);
    saboteur.exec(`CREATE TRIGGER power_cut BEFORE INSERT ON donation_events WHEN NEW.to_state = 'paid' BEGIN SELECT RAISE(ABORT, 'power cut'); END;`);
    expect(() => pay(ledger, doomed, at + 1)).toThrow(/power cut/);
    expect(ledger.get(doomed)).toMatchObject({ state: 'checkout_open', receiptNo: null });
    const numbers = saboteur.prepare('SELECT receipt_no FROM receipt_numbers ORDER BY seq').all();
    expect(numbers).toEqual([{ receipt_no: 'KIOSK-1/2026-27/000001' }]);
    saboteur.exec('DROP TRIGGER power_cut');
    saboteur.close();
    expect(pay(ledger, doomed, at + 2).receiptNo).toBe('KIOSK-1/2026-27/000002');
    ledger.close();
  });

  it('a payment captured at Razorpay while the kiosk was down is numbered when reconciliation records it, after the restart', () => {
    const path = ledgerFile();
    let ledger = Ledger.open(path);
    const at = ist('2026-11-26T10:00:00');
    const before = attempt(ledger);
    const lost = attempt(ledger);
    pay(ledger, before, at);
    // Razorpay captured `lost`, then the kiosk was killed before confirmPayment wrote anything.
    ledger.close();
    ledger = Ledger.open(path);
    expect(ledger.get(lost)).toMatchObject({ state: 'checkout_open', receiptNo: null });
    const next = attempt(ledger);
    pay(ledger, next, at + 60_000);
    // Reconciliation finds the capture and records it: the next number, not a reused or skipped one.
    expect(pay(ledger, lost, at + 120_000, 'reconciliation').receiptNo).toBe('KIOSK-1/2026-27/000003');
    const all = [before, next, lost].map((id) => ledger.get(id)?.receiptNo);
    expect(all).toEqual(['KIOSK-1/2026-27/000001', 'KIOSK-1/2026-27/000002', 'KIOSK-1/2026-27/000003']);
    expect(ledger.findByReceiptNo('KIOSK-1/2026-27/000003')?.id).toBe(lost);
    ledger.close();
  });

  it('cash gifts are numbered in the same sequence, already paid, with no order for reconciliation to chase', () => {
    const ledger = Ledger.open(ledgerFile());
    const at = ist('2026-11-26T10:00:00');
    pay(ledger, attempt(ledger), at);
    const cash = ledger.recordCashGift({ id: 'dcash00000001', receipt: 'KIOSK-1-DCASH', kioskId: 'KIOSK-1', cause: 'Education', amountPaise: 1500_00, donorName: 'Ravi Kumar', phone: null, tax: null, receivedAt: at + 1 });
    expect(cash).toMatchObject({ state: 'paid', paymentMethod: 'cash', orderId: null, receiptNo: 'KIOSK-1/2026-27/000002' });
    expect(ledger.listUnsettled().map((d) => d.id)).not.toContain('dcash00000001');
    ledger.close();
  });
});

describe('receipt number audit', () => {
  it('finds paid donations without a number, numbers on unpaid ones, gaps and repeats', () => {
    const ledger = Ledger.open(ledgerFile());
    const at = ist('2026-11-26T10:00:00');
    const paid = [pay(ledger, attempt(ledger), at), pay(ledger, attempt(ledger), at + 1)];
    attempt(ledger);
    expect(receiptNumberProblems(ledger.list())).toEqual([]);
    const [first, second] = paid;
    if (!first || !second) throw new Error('two paid donations expected');
    expect(receiptNumberProblems([{ ...first, receiptNo: null }, second])).toEqual([
      `donation ${first.id} is paid but has no receipt number`,
      'receipt numbers KIOSK-1/2026-27: expected 1, found 2 (a gap or a repeat)',
    ]);
    expect(receiptNumberProblems([first, { ...second, receiptNo: first.receiptNo }])).toEqual(['receipt numbers KIOSK-1/2026-27: expected 2, found 1 (a gap or a repeat)']);
    expect(receiptNumberProblems([{ ...first, state: 'checkout_open' }])).toEqual([`donation ${first.id} is checkout_open but has receipt number KIOSK-1/2026-27/000001`]);
    // Refunded after being paid keeps its number; an authorisation refunded uncaptured (never paid) has none.
    expect(receiptNumberProblems([{ ...first, state: 'refunded', receiptNo: null }, second])).toContain(`donation ${first.id} is refunded but has no receipt number`);
    expect(receiptNumberProblems([{ ...first, state: 'refunded', receiptNo: null, paidAt: null }])).toEqual([]);
    ledger.close();
  });
});
