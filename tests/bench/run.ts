// `npm run bench`: every figure of issue 8 in one run, side by side with its
// target. Prints a table and writes the same figures to bench-results/bench.json.
//   node tests/bench/run.ts [--only start,confirm,ledger,screens,path,day,fleet] [--runs N]
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatTable, isMet, type Figure } from './report.ts';
import { benchGatewayPaths } from './gateway-paths.ts';
import { benchLedgerScale } from './ledger-scale.ts';
import { benchScreens } from './screens.ts';
import { benchDayAtKiosk } from './day-at-kiosk.ts';
import { startBrowserKiosk } from './browser-kiosk.ts';
import { benchFleetReads } from './fleet-reads.ts';
import { benchDonorPath } from './donor-path.ts';

const SECTIONS = ['start', 'confirm', 'ledger', 'screens', 'path', 'day', 'fleet'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    runs: { type: 'string', default: '1000' },
    'ledger-donations': { type: 'string', default: '1000000' },
    'day-donations': { type: 'string', default: '500' },
    'fleet-orders': { type: 'string', default: '10000' },
  },
});
const only = new Set((values.only ?? SECTIONS.join(',')).split(',').map((s) => s.trim()));
for (const name of only) if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`unknown section ${name}; choose from ${SECTIONS.join(', ')}`);
const wanted = (section: Section) => only.has(section);
const runs = Number(values.runs);

const startedAt = performance.now();
const loadAtStart = loadavg()[0] ?? 0;
const figures: Figure[] = [];
const progress = (line: string) => console.error(`[bench ${((performance.now() - startedAt) / 1000).toFixed(0)}s] ${line}`);

if (wanted('start') || wanted('confirm')) {
  progress('gateway paths: kiosk vs bare SDK');
  figures.push(...(await benchGatewayPaths({ start: wanted('start'), confirm: wanted('confirm') }, { runs, warmup: Math.min(100, runs) })));
}

if (wanted('ledger')) {
  progress('ledger at scale');
  const donations = Number(values['ledger-donations']);
  const path = join(process.cwd(), 'bench-results', `ledger-${donations}.sqlite3`);
  mkdirSync(join(process.cwd(), 'bench-results'), { recursive: true });
  figures.push(...benchLedgerScale({ path, donations, exportRows: 100_000, lifecycles: 300, log: progress }));
}

if (wanted('screens')) {
  progress('screens: bundle, welcome, Pay to Checkout');
  const kiosk = await startBrowserKiosk();
  try {
    figures.push(...(await benchScreens(kiosk, join(process.cwd(), 'out/renderer'))));
  } finally {
    await kiosk.stop();
  }
}

if (wanted('path')) {
  progress('donor path: taps and kiosk time, welcome to the payment window');
  const kiosk = await startBrowserKiosk();
  try {
    figures.push(...(await benchDonorPath(kiosk)));
  } finally {
    await kiosk.stop();
  }
}

if (wanted('day')) {
  const donations = Number(values['day-donations']);
  progress(`a day at the kiosk: ${donations} donations through the screens`);
  // Its own kiosk: the services' memory is measured from their start.
  const kiosk = await startBrowserKiosk();
  try {
    figures.push(...(await benchDayAtKiosk(kiosk, donations, progress)));
  } finally {
    await kiosk.stop();
  }
}

if (wanted('fleet')) {
  const paidOrders = Number(values['fleet-orders']);
  progress(`one event, many kiosks: ${paidOrders} paid orders on the account`);
  figures.push(...(await benchFleetReads({ paidOrders, log: progress })));
}

const totalSeconds = (performance.now() - startedAt) / 1000;
const outDir = join(process.cwd(), 'bench-results');
mkdirSync(outDir, { recursive: true });
const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', loadAverage1mAtStart: loadAtStart, loadAverage1mAtEnd: loadavg()[0] ?? 0 };
writeFileSync(
  join(outDir, 'bench.json'),
  `${JSON.stringify({ at: new Date().toISOString(), machine, totalSeconds, figures: figures.map((f) => ({ ...f, met: isMet(f) })) }, null, 2)}\n`,
);
console.log(formatTable(figures));
console.log(`\nmachine: ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}; load average ${loadAtStart.toFixed(1)} at the start, ${machine.loadAverage1mAtEnd.toFixed(1)} at the end (timings need a quiet machine)`);
console.log(`${figures.filter((f) => isMet(f) === false).length} of ${figures.filter((f) => isMet(f) !== null).length} targets missed; ${totalSeconds.toFixed(0)} s in all; figures in bench-results/bench.json`);
