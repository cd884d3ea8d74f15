// Prints the operator's day report from a kiosk's ledger:
//   node src-main/tools/ledger-report.ts [dataDir] [YYYY-MM-DD]
// dataDir defaults to $KIOSK_DATA_DIR, then .kiosk-data (browser mode's folder);
// the day defaults to today (India time, as every day the kiosk counts). Safe while the kiosk runs (WAL readers do not block it).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ledger } from '../domain/ledger/ledger.ts';
import { ledgerPathIn } from '../domain/ledger/ledger-file.ts';
import { buildDayReport, formatDayReport } from '../domain/reports/day-report.ts';
import { indianDayRange, isoIndianDay } from '../../src-shared/india-time.ts';

const [dataDirArg, dayArg] = process.argv.slice(2);
const dataDir = resolve(dataDirArg ?? process.env.KIOSK_DATA_DIR ?? '.kiosk-data');
const day = indianDayRange(dayArg ?? isoIndianDay(Date.now()));
const path = ledgerPathIn(dataDir);
if (!day) {
  console.error(`usage: node src-main/tools/ledger-report.ts [dataDir] [YYYY-MM-DD] (got day "${dayArg ?? ''}")`);
  process.exitCode = 2;
} else if (!existsSync(path)) {
  // Opening would create an empty ledger; an operator pointing at the wrong folder should be told instead.
  console.error(`no ledger at ${path}`);
  process.exitCode = 1;
} else {
  const ledger = Ledger.open(path);
  try {
    const { from, to } = day;
    console.log(formatDayReport(buildDayReport(ledger, from, to)));
  } finally {
    ledger.close();
  }
}
