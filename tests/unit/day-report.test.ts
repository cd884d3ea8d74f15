// The operator's day report: counts and totals by state, money from captured
// payments only, recovered payments flagged and counted; and the CLI that prints it.
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ledger } from '../../src-main/domain/ledger/ledger.ts';
import { ledgerPathIn } from '../../src-main/domain/ledger/ledger-file.ts';
import { buildDayReport, formatDayReport } from '../../src-main/domain/reports/day-report.ts';
import { indianDayRange } from '../../src-shared/india-time.ts';

const DAY = new Date('2026-11-20T12:00:00+05:30'); // noon in India, so the day is unambiguous
const dayRange = (day: string): { from: number; to: number } => {
  const range = indianDayRange(day);
  if (range === null) throw new Error(`no day ${day}`);
  return range;
};
const HOUR = 60 * 60 * 1000;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A day's ledger: two paid (one of them recovered), one failed, one refunded, one from the day before. */
function seed(ledger: Ledger, setNow: (ms: number) => void): void {
  const add = (id: string, at: number, amountPaise: number, name: string | null = null) => {
    setNow(at);
    ledger.createDonation({ id, receipt: `K1-${id}`, kioskId: 'K1', cause: 'c', amountPaise, anonymous: name === null, donorName: name, phone: null, email: null }, 'donor');
    ledger.transition(id, 'order_created', 'gateway', { orderId: `order_${id.padStart(14, '0')}` });
    ledger.transition(id, 'checkout_open', 'donor');
  };
  const t0 = DAY.getTime();
  // In time order: the ledger's clock never goes back.
  add('y', t0 - 24 * HOUR, 99_900);
  ledger.transition('y', 'paid', 'gateway', { paymentId: 'pay_Y' });
  add('a', t0, 50_000, 'Priya');
  ledger.transition('a', 'paid', 'gateway', { paymentId: 'pay_A', paidAt: t0 });
  add('b', t0 + HOUR, 20_000, 'Kiran');
  ledger.transition('b', 'payment_failed', 'checkout');
  setNow(t0 + 2 * HOUR);
  ledger.transition('b', 'paid', 'reconciliation', { paymentId: 'pay_B', paidAt: t0 + 2 * HOUR }, { recovered: true, paymentId: 'pay_B' });
  add('c', t0 + 3 * HOUR, 10_000);
  ledger.transition('c', 'payment_failed', 'checkout');
  add('d', t0 + 4 * HOUR, 30_000);
  ledger.transition('d', 'paid', 'gateway', { paymentId: 'pay_D' });
  ledger.transition('d', 'refunded', 'operator');
}

function seededLedger(path = ':memory:'): Ledger {
  let now = 0;
  const ledger = Ledger.open(path, () => now);
  seed(ledger, (ms) => (now = ms));
  return ledger;
}

describe('day report', () => {
  it('counts every attempt by state and only captured payments as money', () => {
    const ledger = seededLedger();
    const { from, to } = dayRange('2026-11-20');
    const report = buildDayReport(ledger, from, to);
    expect(report.byState).toEqual([
      { state: 'payment_failed', count: 1, amountPaise: 10_000 },
      { state: 'paid', count: 2, amountPaise: 70_000 },
      { state: 'refunded', count: 1, amountPaise: 30_000 },
    ]);
    expect(report).toMatchObject({ attempts: 4, receivedPaise: 70_000, paidCount: 2, recoveredCount: 1 });
    expect(report.recovered.map((r) => [r.donation.id, r.donorSawState, r.recoveredAt])).toEqual([['b', 'payment_failed', DAY.getTime() + 2 * HOUR]]);
    ledger.close();
  });

  it('prints the table and the recovered section for the operator', () => {
    const ledger = seededLedger();
    const { from, to } = dayRange('2026-11-20');
    const text = formatDayReport(buildDayReport(ledger, from, to));
    expect(text).toMatch(/^paid\s+2\s+₹700\.00$/m);
    expect(text).toContain('Received (captured only): ₹700.00 from 2 donation(s), 1 of them recovered');
    expect(text).toMatch(/Recovered after the donor saw a failure\n {2}\S+ \S+ {2}b {2}₹200\.00 {2}pay_B {2}donor saw payment_failed {2}\(Kiran, no contact given, receipt K1-b\)/);
    ledger.close();
  });

  it('says "none" when nothing was recovered', () => {
    const ledger = seededLedger();
    const previous = dayRange('2026-11-19');
    const text = formatDayReport(buildDayReport(ledger, previous.from, previous.to));
    expect(text).toContain('Received (captured only): ₹999.00 from 1 donation(s), 0 of them recovered');
    expect(text).toMatch(/Recovered after the donor saw a failure\n {2}none\n/);
    expect(text).toMatch(/Being confirmed \(authorised at Razorpay, not captured yet\)\n {2}none\n/);
    expect(text).toMatch(/Second payments on donations already paid \(refund them\)\n {2}none$/);
    ledger.close();
  });

  it('the CLI prints the report for a data folder and a day', () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-report-'));
    seededLedger(ledgerPathIn(dir)).close();
    const day = '2026-11-20';
    const run = spawnSync(process.execPath, ['src-main/tools/ledger-report.ts', dir, day], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Recovered after the donor saw a failure');
    expect(run.stdout).toContain('pay_B');
  });

  it("counts India's day, whatever time zone the computer's clock is set to", () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-report-'));
    let now = 0;
    const ledger = Ledger.open(ledgerPathIn(dir), () => now);
    const paidAt = (id: string, iso: string): void => {
      now = Date.parse(iso);
      ledger.createDonation({ id, receipt: `K1-${id}`, kioskId: 'K1', cause: 'c', amountPaise: 10_000, anonymous: true, donorName: null, phone: null, email: null }, 'donor');
      ledger.transition(id, 'order_created', 'gateway', { orderId: `order_${id.padStart(14, '0')}` });
      ledger.transition(id, 'checkout_open', 'donor');
      ledger.transition(id, 'paid', 'gateway', { paymentId: `pay_${id}`, paidAt: now });
    };
    // 18:20 and 18:50 UTC on the 20th: the first is still the 20th in India, the second is already the 21st.
    paidAt('late', '2026-11-20T23:50:00+05:30');
    paidAt('next', '2026-11-21T00:20:00+05:30');
    ledger.close();
    for (const TZ of ['UTC', 'Asia/Kolkata', 'America/Los_Angeles', 'Asia/Tokyo']) {
      const run = spawnSync(process.execPath, ['src-main/tools/ledger-report.ts', dir, '2026-11-20'], { encoding: 'utf8', env: { ...process.env, TZ } });
      expect(run.status, TZ).toBe(0);
      expect(run.stdout, TZ).toContain('Donations started from 20/11/2026 00:00 to 21/11/2026 00:00 (India time)');
      expect(run.stdout, TZ).toContain('Received (captured only): ₹100.00 from 1 donation(s)');
    }
  });

  it('the CLI refuses a folder without a ledger instead of creating one', () => {
    dir = mkdtempSync(join(tmpdir(), 'kiosk-report-'));
    const run = spawnSync(process.execPath, ['src-main/tools/ledger-report.ts', dir], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no ledger at');
  });
});
