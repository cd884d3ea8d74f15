// Section 3: the ledger at a million donations. The operator's day totals and
// newest-first list page through the functions the console's overview calls,
// the CSV export of 100,000 rows through the export code the console runs, and
// full donation lifecycles per second with the ledger's own pragmas (WAL,
// synchronous=FULL: one fsync per step), written into that same big ledger.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Ledger } from '../../src-main/domain/ledger/ledger.ts';
import { buildDayReport } from '../../src-main/domain/reports/day-report.ts';
import { indianDayRangeAt } from '../../src-shared/india-time.ts';
import { donationsCsv } from '../../src-main/domain/exports/donations-csv.ts';
import { writeFileAtomic } from '../../src-main/domain/atomic-file.ts';
import { percentile, type Figure } from './report.ts';
import { cachedSeededLedger } from './seed-ledger.ts';

export interface LedgerScaleOptions {
  /** Where the seeded ledger is cached between runs. */
  path: string;
  donations: number;
  exportRows: number;
  lifecycles: number;
  log: (line: string) => void;
}

const SECTION = '3 ledger';
const QUERY_RUNS = 20;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Lifecycles are written far in the future, so they never land in a day the bench reads (the cached ledger is reused). */
const LIFECYCLE_CLOCK_START = Date.UTC(2100, 0, 1);

function timeRuns(runs: number, work: () => unknown): { cold: number; warm: number[] } {
  const time = () => {
    const start = performance.now();
    work();
    return performance.now() - start;
  };
  const cold = time();
  const warm = Array.from({ length: runs }, time);
  return { cold, warm };
}

/** What the overview's list shows: the day's newest 200, or a search's newest 200 matches on any day (operator-service #overview), and which were recovered. */
function listPage(ledger: Ledger, from: number, to: number, search: string) {
  const recoveredIds = ledger.recoveredDonationIds();
  const listed = search === '' ? ledger.listNewestBetween(from, to, { limit: 200 }) : ledger.listNewestBetween(0, Number.MAX_SAFE_INTEGER, { search, limit: 200 });
  return listed.map((d) => ({ id: d.id, recovered: recoveredIds.has(d.id) }));
}

function queryFigures(name: string, timing: { cold: number; warm: number[] }, rows: number): Figure[] {
  return [
    { section: SECTION, name: `${name}, slowest of ${QUERY_RUNS}`, value: Math.max(...timing.warm), unit: 'ms', target: 50, comparison: 'at_most', detail: { rows, p50: percentile(timing.warm, 50) } },
    { section: SECTION, name: `${name}, first (cold) run`, value: timing.cold, unit: 'ms', target: null, comparison: 'info' },
  ];
}

function lifecyclesPerSecond(ledger: Ledger, count: number): number {
  const start = performance.now();
  for (let i = 0; i < count; i += 1) {
    const id = `dbench${i.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    ledger.createDonation({ id, receipt: `KIOSK-1-${id}`.toUpperCase(), kioskId: 'KIOSK-1', cause: 'Bench', amountPaise: 50_000, anonymous: true, donorName: null, phone: null, email: null }, 'donor');
    ledger.transition(id, 'order_created', 'gateway', { orderId: `order_${id}` }, { receipt: `KIOSK-1-${id}`.toUpperCase() });
    ledger.transition(id, 'checkout_open', 'donor');
    ledger.transition(id, 'paid', 'gateway', { paymentId: `pay_${id}`, paymentMethod: 'upi', paidAt: Date.now(), failureCode: null, failureReason: null }, { paymentId: `pay_${id}` });
  }
  return count / ((performance.now() - start) / 1000);
}

export function benchLedgerScale(options: LedgerScaleOptions): Figure[] {
  const seeded = cachedSeededLedger(options.path, options.donations, options.log);
  let clock = LIFECYCLE_CLOCK_START;
  const ledger = Ledger.open(seeded.path, () => (clock += 1_000));
  const exportDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-export-'));
  try {
    const figures: Figure[] = [
      { section: SECTION, name: 'donations in the ledger', value: seeded.donations, unit: 'rows', target: null, comparison: 'info', detail: { fileBytes: statSync(seeded.path).size } },
    ];
    const { from, to } = indianDayRangeAt(seeded.lastDay);

    const totals = timeRuns(QUERY_RUNS, () => buildDayReport(ledger, from, to));
    figures.push(...queryFigures('day totals', totals, buildDayReport(ledger, from, to).attempts));
    const page = timeRuns(QUERY_RUNS, () => listPage(ledger, from, to, ''));
    figures.push(...queryFigures('newest-first list page (200)', page, listPage(ledger, from, to, '').length));
    const searched = timeRuns(QUERY_RUNS, () => listPage(ledger, from, to, 'sharma'));
    figures.push(...queryFigures('list page searched by name (every day)', searched, listPage(ledger, from, to, 'sharma').length));

    // The export's own steps (operator-service #export): the range's rows, the recovered set, the CSV, an atomic synced write.
    const exportDays = Math.ceil(options.exportRows / seeded.perDay);
    const exportFrom = indianDayRangeAt(seeded.lastDay - (exportDays - 1) * DAY_MS).from;
    let exportedRows = 0;
    let exportedBytes = 0;
    const exportRun = timeRuns(2, () => {
      const donations = ledger.listCreatedBetween(exportFrom, to);
      const recoveredIds = ledger.recoveredDonationIds();
      const csv = donationsCsv(donations, recoveredIds);
      writeFileAtomic(join(exportDir, 'donations.csv'), csv);
      exportedRows = donations.length;
      exportedBytes = Buffer.byteLength(csv);
    });
    figures.push({
      section: SECTION,
      name: `CSV export of ${exportedRows.toLocaleString('en-US')} rows, slowest of 3`,
      value: Math.max(exportRun.cold, ...exportRun.warm) / 1000,
      unit: 's',
      target: 2,
      comparison: 'at_most',
      detail: { rows: exportedRows, bytes: exportedBytes },
    });

    const perSecond = lifecyclesPerSecond(ledger, options.lifecycles);
    figures.push({
      section: SECTION,
      name: 'full lifecycles written per second (4 synced transactions each)',
      value: perSecond,
      unit: '/s',
      target: null,
      comparison: 'info',
      detail: { lifecycles: options.lifecycles, journalMode: String(ledger.pragma('journal_mode')), synchronous: String(ledger.pragma('synchronous')) },
    });
    return figures;
  } finally {
    ledger.close();
    rmSync(exportDir, { recursive: true, force: true });
  }
}
