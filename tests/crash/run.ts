// `npm run crash-test -- --donations 300 [--capture manual|auto|both] [--seed 7]`:
// the full crash-recovery run (tests/crash/harness.ts), with network faults and
// clock jumps unless turned off. Prints the figures of each run, the kills at
// every named kill point, and exits non-zero on any difference or on a named
// point hit fewer than --min-kills-per-point times.
import { parseArgs } from 'node:util';
import { KILL_POINTS } from '../../src-main/domain/kill-points.ts';
import { formatReport, runCrashRecovery, type CaptureMode } from './harness.ts';

const { values } = parseArgs({
  options: {
    donations: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    capture: { type: 'string', default: 'both' },
    'kill-rate': { type: 'string', default: '0.6' },
    'min-kills-per-point': { type: 'string', default: '10' },
    'no-faults': { type: 'boolean', default: false },
    'no-clock-jumps': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const donations = Number(values.donations);
const seed = Number(values.seed);
const killRate = Number(values['kill-rate']);
const minKills = Number(values['min-kills-per-point']);
const modes: CaptureMode[] = values.capture === 'both' ? ['manual', 'auto'] : values.capture === 'manual' || values.capture === 'auto' ? [values.capture] : [];
if (!Number.isInteger(donations) || donations < 1 || !Number.isInteger(seed) || !(killRate >= 0 && killRate <= 1) || modes.length === 0 || !Number.isInteger(minKills)) {
  console.error('usage: node tests/crash/run.ts [--donations N] [--seed N] [--capture manual|auto|both] [--kill-rate 0..1] [--min-kills-per-point N] [--no-faults] [--no-clock-jumps] [--keep]');
  process.exit(2);
}

let failed = false;
const started = Date.now();
for (const capture of modes) {
  const networkFaults = !values['no-faults'];
  const clockJumps = !values['no-clock-jumps'];
  console.log(`crash-recovery run: ${donations} donations, seed ${seed}, ${capture} capture, kill rate ${killRate}, network faults ${networkFaults ? 'on' : 'off'}, clock jumps ${clockJumps ? 'on' : 'off'}`);
  const report = await runCrashRecovery({ donations, seed, capture, killRate, networkFaults, clockJumps, keepDataDir: values.keep, progress: (line) => console.log(`  ${line}`) });
  console.log(formatReport(report));
  if (values.keep) console.log(`data kept in ${report.dataDir}`);
  const short = KILL_POINTS.filter((point) => report.killPoints[point] < minKills);
  if (short.length > 0) console.log(`kill points hit fewer than ${minKills} times: ${short.join(', ')}`);
  if (report.differences.length > 0 || short.length > 0) failed = true;
  console.log('');
}
console.log(`wall time: ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
