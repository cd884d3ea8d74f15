// `npm run crash-test -- --donations 200 --seed 7`: the full crash-recovery run.
// Prints the counts and exits non-zero if the ledger and the simulator differ.
import { parseArgs } from 'node:util';
import { formatReport, runCrashRecovery } from './harness.ts';

const { values } = parseArgs({
  options: {
    donations: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    'kill-rate': { type: 'string', default: '0.6' },
    'restart-gap-ms': { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const donations = Number(values.donations);
const seed = Number(values.seed);
const killRate = Number(values['kill-rate']);
const restartGapMs = values['restart-gap-ms'] === undefined ? undefined : Number(values['restart-gap-ms']);
if (!Number.isInteger(donations) || donations < 1 || !Number.isInteger(seed) || !(killRate >= 0 && killRate <= 1)) {
  console.error('usage: node tests/crash/run.ts [--donations N] [--seed N] [--kill-rate 0..1] [--restart-gap-ms N] [--keep]');
  process.exit(2);
}

console.log(`crash-recovery run: ${donations} donations, seed ${seed}, kill rate ${killRate}`);
const report = await runCrashRecovery({ donations, seed, killRate, restartGapMs, keepDataDir: values.keep, progress: (line) => console.log(`  ${line}`) });
console.log(formatReport(report));
if (values.keep) console.log(`data kept in ${report.dataDir}`);
process.exit(report.differences.length === 0 ? 0 : 1);
