// The operator's overview and CSV export over a day with paid, failed and
// abandoned donations: every attempt with its state, formulas neutralised,
// no secret in the file.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ledger } from '../../src-main/domain/ledger/ledger.ts';
import { CSV_COLUMNS } from '../../src-main/domain/exports/donations-csv.ts';
import { neutraliseFormula } from '../../src-main/domain/exports/csv.ts';
import { isoIndianDay } from '../../src-shared/india-time.ts';
import { OP_KEY_SECRET, startOperatorKiosk, type OperatorKiosk } from './support/operator-kiosk.ts';

let kiosk: OperatorKiosk | null = null;
afterEach(async () => {
  await kiosk?.stop();
  kiosk = null;
});

const EVIL = '=HYPERLINK("http://evil.example/x?a=1","Click, me")';

/** RFC 4180 reader, enough for the test: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

let seq = 0;
function donation(ledger: Ledger, name: string | null, amountRupees: number) {
  seq += 1;
  const id = `dtest${String(seq).padStart(8, '0')}`;
  ledger.createDonation(
    { id, receipt: `K1-${id}`, kioskId: 'K1', cause: 'c', amountPaise: amountRupees * 100, anonymous: name === null, donorName: name, phone: name ? '+919812345678' : null, email: null },
    'donor',
  );
  ledger.transition(id, 'order_created', 'gateway', { orderId: `order_${id}` });
  return id;
}

function seed(ledger: Ledger) {
  const paid = donation(ledger, 'Asha Rao', 500);
  ledger.transition(paid, 'checkout_open', 'checkout');
  ledger.transition(paid, 'paid', 'checkout', { paymentId: 'pay_PAID0000000001', paymentMethod: 'upi', paidAt: Date.now() });
  const failed = donation(ledger, EVIL, 100);
  ledger.transition(failed, 'checkout_open', 'checkout');
  ledger.transition(failed, 'payment_failed', 'checkout', { failureCode: 'BAD_REQUEST_ERROR' });
  const abandoned = donation(ledger, null, 1000);
  ledger.transition(abandoned, 'closed_by_donor', 'donor');
  const recovered = donation(ledger, '@Ravi', 250);
  ledger.transition(recovered, 'checkout_open', 'checkout');
  ledger.transition(recovered, 'payment_failed', 'checkout', { failureCode: 'GATEWAY_ERROR' });
  ledger.transition(recovered, 'paid', 'reconciliation', { paymentId: 'pay_RECOVERED00001', paymentMethod: 'card', paidAt: Date.now() }, { recovered: true });
  return { paid, failed, abandoned, recovered };
}

describe('neutraliseFormula', () => {
  it('prefixes cells a spreadsheet would run, and only those', () => {
    for (const cell of ['=1+1', '+91981', '-2', '@SUM(A1)', '\t=1', '\r=1', '\tAsha']) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    for (const cell of ['Asha', '500.00', '', "'=1", 'Asha = donor', 'Ravi-Kumar']) expect(neutraliseFormula(cell)).toBe(cell);
  });

  it('neutralises after trimming: white space before = + - @ does not hide a formula (issue 14, item 10)', () => {
    for (const cell of [' =1+1', '   =HYPERLINK("http://x","y")', '\n=1', '\u00a0=1', '\u3000+1', ' @SUM(A1)', '\u2003-2', '＝1+1']) {
      expect(neutraliseFormula(cell), JSON.stringify(cell)).toBe(`'${cell}`);
    }
  });
});

describe('operator overview and CSV export', () => {
  it('exports every attempt of the day with its state, neutralises formulas, and holds no secret', async () => {
    kiosk = await startOperatorKiosk({ config: { gatewayTimeoutMs: 800 } });
    await kiosk.unlocked();
    const ids = seed(kiosk.services.ledger);
    const today = isoIndianDay(Date.now());
    await kiosk.confirmPin();
    const reply = await kiosk.call('exportDonationsCsv', { from: today, to: today });
    const path = join(kiosk.dataDir, 'exports', `donations-${today}-to-${today}.csv`);
    expect(reply).toEqual({ ok: true, value: { path, rows: 4 } });

    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).not.toContain(OP_KEY_SECRET);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual([...CSV_COLUMNS]);
    const records = rows.map((row) => Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, row[i]])));
    const byId = new Map(records.map((row) => [row['Donation id'], row]));
    const paid = kiosk.services.ledger.get(ids.paid);
    const indiaTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30$/;
    expect(byId.get(ids.paid)).toEqual({
      'Receipt number': paid?.receiptNo,
      'Donation reference': `K1-${ids.paid}`,
      'Started at': expect.stringMatching(indiaTime),
      'Paid at': expect.stringMatching(indiaTime),
      State: 'paid',
      'Amount (INR)': '500.00',
      'Fee covered (INR)': '0.00',
      'Cash or online': 'online',
      Method: 'upi',
      Cause: 'c',
      '80G receipt': 'no',
      'Donor name': 'Asha Rao',
      Phone: "'+919812345678",
      Email: '',
      'Razorpay order id': `order_${ids.paid}`,
      'Razorpay payment id': 'pay_PAID0000000001',
      'Failure code': '',
      Recovered: 'no',
      'Donation id': ids.paid,
    });
    // The times are India's: the same instants the ledger holds.
    expect(Date.parse(byId.get(ids.paid)?.['Paid at'] ?? '')).toBe(Math.floor((paid?.paidAt ?? 0) / 1000) * 1000);
    expect(byId.get(ids.failed)).toMatchObject({ 'Receipt number': '', 'Paid at': '', State: 'payment_failed', 'Amount (INR)': '100.00', 'Donor name': `'${EVIL}`, 'Failure code': 'BAD_REQUEST_ERROR', Recovered: 'no' });
    expect(byId.get(ids.abandoned)).toMatchObject({ State: 'closed_by_donor', 'Donor name': 'Anonymous', Phone: '', Recovered: 'no' });
    expect(byId.get(ids.recovered)).toMatchObject({ State: 'paid', 'Donor name': "'@Ravi", 'Razorpay payment id': 'pay_RECOVERED00001', Recovered: 'yes' });
    for (const row of rows) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('exports an empty range with just the header, and refuses a backwards or impossible range', async () => {
    kiosk = await startOperatorKiosk({ config: { gatewayTimeoutMs: 800 } });
    await kiosk.unlocked();
    seed(kiosk.services.ledger);
    await kiosk.confirmPin();
    expect(await kiosk.call('exportDonationsCsv', { from: '2020-01-01', to: '2020-01-31' })).toMatchObject({ ok: true, value: { rows: 0 } });
    expect(await kiosk.call('exportDonationsCsv', { from: '2020-02-01', to: '2020-01-31' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await kiosk.call('exportDonationsCsv', { from: '2020-02-30', to: '2020-03-01' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('exports to the folder the operator picks; a cancelled pick writes nothing and says so', async () => {
    const picked = mkdtempSync(join(tmpdir(), 'kiosk-usb-'));
    const answers: (string | null)[] = [picked, null];
    let asked = 0;
    try {
      kiosk = await startOperatorKiosk({
        config: { gatewayTimeoutMs: 800 },
        extra: {
          chooseExportFolder: async () => {
            asked += 1;
            return answers.shift() ?? null;
          },
        },
      });
      await kiosk.unlocked();
      seed(kiosk.services.ledger);
      const today = isoIndianDay(Date.now());
      const path = join(picked, `donations-${today}-to-${today}.csv`);
      await kiosk.confirmPin();
      expect(await kiosk.call('exportDonationsCsv', { from: today, to: today })).toEqual({ ok: true, value: { path, rows: 4 } });
      expect(readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
      expect(existsSync(join(kiosk.dataDir, 'exports'))).toBe(false);

      rmSync(path);
      await kiosk.confirmPin();
      expect(await kiosk.call('exportDonationsCsv', { from: today, to: today })).toEqual({
        ok: false,
        error: { code: 'invalid_request', message: 'No folder was chosen; nothing was exported.', retryable: false },
      });
      expect(asked).toBe(2);
      expect(readdirSync(picked)).toEqual([]);
      expect(existsSync(join(kiosk.dataDir, 'exports'))).toBe(false);
    } finally {
      rmSync(picked, { recursive: true, force: true });
    }
  });

  it('overview: counts and totals by state, newest first, search by name, receipt or payment id', async () => {
    kiosk = await startOperatorKiosk({ config: { gatewayTimeoutMs: 800 } });
    await kiosk.unlocked();
    const ids = seed(kiosk.services.ledger);
    const reply = await kiosk.call('getOperatorOverview', {});
    if (!reply.ok) throw new Error(reply.error.message);
    const overview = reply.value;
    expect(overview.day).toBe(isoIndianDay(Date.now()));
    expect(overview.byState).toEqual([
      { state: 'payment_failed', count: 1, amountRupees: 100 },
      { state: 'closed_by_donor', count: 1, amountRupees: 1000 },
      { state: 'paid', count: 2, amountRupees: 750 },
    ]);
    expect(overview).toMatchObject({ receivedRupees: 750, paidCount: 2, recoveredCount: 1, mode: 'test', version: '1.2.3', settings: { kioskId: 'KIOSK-1', eventName: '' } });
    expect(overview.donations.map((d) => d.donationId)).toEqual([ids.recovered, ids.abandoned, ids.failed, ids.paid]);
    expect(overview.donations[0]).toMatchObject({ recovered: true, amountRupees: 250, paymentId: 'pay_RECOVERED00001', donorName: '@Ravi' });
    expect(overview.donations[1]).toMatchObject({ donorName: null, state: 'closed_by_donor' });

    const running = kiosk;
    const search = async (text: string) => {
      const found = await running.call('getOperatorOverview', { search: text });
      return found.ok ? found.value.donations.map((d) => d.donationId) : found.error.code;
    };
    expect(await search('asha')).toEqual([ids.paid]);
    const receiptNo = kiosk.services.ledger.get(ids.paid)?.receiptNo ?? 'none';
    expect(await search(receiptNo)).toEqual([ids.paid]);
    expect(await search(receiptNo.slice(receiptNo.indexOf('/')))).toEqual([ids.paid]);
    expect(await search(`K1-${ids.failed}`)).toEqual([ids.failed]);
    expect(await search('pay_RECOVERED')).toEqual([ids.recovered]);
    expect(await search('%')).toEqual([]);
    expect(await search('nobody')).toEqual([]);
    const otherDay = await kiosk.call('getOperatorOverview', { day: '2020-01-01' });
    expect(otherDay).toMatchObject({ ok: true, value: { day: '2020-01-01', donations: [], byState: [], receivedRupees: 0 } });
    // A receipt in hand may be from any day: a search finds it wherever the console stands.
    const fromOtherDay = await kiosk.call('getOperatorOverview', { day: '2020-01-01', search: receiptNo });
    expect(fromOtherDay.ok && fromOtherDay.value.donations.map((d) => d.donationId)).toEqual([ids.paid]);
    expect(await kiosk.services.dispatch('getOperatorOverview', { day: '01-01-2020' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('overview: "this event" totals count from the event start day, even while looking at another day', async () => {
    kiosk = await startOperatorKiosk({ config: { gatewayTimeoutMs: 800 } });
    await kiosk.unlocked();
    seed(kiosk.services.ledger);
    const noEvent = await kiosk.call('getOperatorOverview', {});
    expect(noEvent).toMatchObject({ ok: true, value: { event: null } });

    const yesterday = isoIndianDay(Date.now() - 24 * 60 * 60 * 1000);
    expect(await kiosk.call('updateSettings', { settings: { eventName: 'Diwali Mela', eventStartDate: yesterday } })).toMatchObject({ ok: true });
    const reply = await kiosk.call('getOperatorOverview', { day: '2020-01-01' });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.value.event).toMatchObject({ name: 'Diwali Mela', since: yesterday, receivedRupees: 750, paidCount: 2, recoveredCount: 1 });
    expect(reply.value.receivedRupees).toBe(0);

    const tomorrow = isoIndianDay(Date.now() + 24 * 60 * 60 * 1000);
    await kiosk.call('updateSettings', { settings: { eventStartDate: tomorrow } });
    const later = await kiosk.call('getOperatorOverview', {});
    expect(later).toMatchObject({ ok: true, value: { event: { since: tomorrow, receivedRupees: 0, paidCount: 0 } } });
    expect(await kiosk.call('updateSettings', { settings: { eventStartDate: '26/11/2026' } })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});
