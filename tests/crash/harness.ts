// Crash-recovery harness. The Razorpay simulator runs here; the kiosk's
// main-process services run as a separate process (browser mode's CLI) that
// this harness drives over /ipc, exactly as the renderer would, and SIGKILLs at
// random points of a donation. After each kill it restarts the kiosk on the
// same data folder, and reconciliation runs in the background as it would on a
// real kiosk while the next donations go on (kills also land mid-pass and
// during start-up). At the end: one more crash and restart, reconciliation is
// given the passes it needs to look at every unsettled donation, and the
// ledger is checked against the simulator's own record (./compare.ts).
//
// Time: reconciliation leaves a donation alone while its donor may still be
// paying (Checkout's timeout + 5 min). Each restart therefore happens
// RESTART_GAP_MS "later" on the kiosk's clock (./clock-offset.ts), as if the
// kiosk had stayed off that long; the run itself takes real minutes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Ledger } from '../../src-main/domain/ledger/ledger.ts';
import { startRazorpaySimulator, type RazorpaySimulator } from '../../src-main/simulator/index.ts';
import { compareLedgerWithSimulator, type Acknowledged, type Comparison } from './compare.ts';
import { KioskProcess, type IpcReply } from './kiosk-process.ts';

export const CRASH_KEY_ID = 'rzp_test_CrashHarness01';
export const CRASH_KEY_SECRET = 'crash_harness_secret_7d2f91';
export const RECONCILIATION_LINE = 'reconciliation: pass complete';
/** Longer than reconciliation's checkout grace with checkoutTimeoutSeconds 60 (6 min). */
export const RESTART_GAP_MS = 7 * 60 * 1000;
/** The reconciler's per-pass call budget is 60; a pass checks a little fewer donations than that. */
const DONATIONS_PER_PASS = 50;

export const KILL_KINDS = [
  'mid_order_create', // SIGKILL 0-20 ms after sending startDonation, usually before its reply
  'after_order_created', // startDonation answered, Checkout not yet open
  'checkout_open', // Checkout open; the donor may still pay on their phone
  'captured_before_confirm', // captured at the gateway, confirmPayment never sent
  'mid_confirm', // SIGKILL 0-5 ms after sending confirmPayment (mid-write)
  'random_moment', // SIGKILL at a random instant 0-60 ms into the donation
] as const;
export type KillKind = (typeof KILL_KINDS)[number] | 'during_start_up';

type Outcome = 'success' | 'failure' | 'failure_then_success' | 'cancel';

export interface CrashRunOptions {
  donations: number;
  seed: number;
  /** Share of donations that get a kill point (default 0.6). */
  killRate?: number;
  /** Share of restarts that are themselves killed during start-up (default 0.15). */
  startUpKillRate?: number;
  /** Kiosk-clock time between a crash and the restart (default RESTART_GAP_MS); 0 shows what reconciliation cannot yet see. */
  restartGapMs?: number;
  keepDataDir?: boolean;
  progress?: (line: string) => void;
}

export interface CrashRunReport {
  seed: number;
  donationsRun: number;
  kills: Record<string, number>;
  totalKills: number;
  restarts: number;
  /** False when the kiosk never logged `reconciliation: pass complete` (reconciliation not present). */
  reconciliationSeen: boolean;
  outOfService: string[];
  /** Unsettled donations when the kiosk was last restarted, and the passes it ran over them. */
  unsettledBeforeFinalPass: number;
  finalPasses: number;
  ledgerQuickCheck: string[];
  comparison: Comparison;
  differences: string[];
  durationMs: number;
  dataDir: string;
}

/** mulberry32: small, fast, seeded; the plan of a run is reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Killed extends Error {}

export async function runCrashRecovery(options: CrashRunOptions): Promise<CrashRunReport> {
  const started = Date.now();
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  const killRate = options.killRate ?? 0.6;
  const startUpKillRate = options.startUpKillRate ?? 0.15;
  const progress = options.progress ?? (() => undefined);
  const restartGapMs = options.restartGapMs ?? RESTART_GAP_MS;

  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-crash-'));
  // Short timeouts and a fast reconciliation loop so hundreds of crashes fit in minutes.
  writeFileSync(
    join(dataDir, 'kiosk-config.json'),
    JSON.stringify({ gatewayTimeoutMs: 1_000, reconcileIntervalSeconds: 2, connectivityProbeSeconds: 1, checkoutTimeoutSeconds: 60 }),
  );
  let simulator: RazorpaySimulator;
  try {
    simulator = await startRazorpaySimulator({ port: 0 });
    simulator.addKey(CRASH_KEY_ID, CRASH_KEY_SECRET);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const env = {
    KIOSK_RAZORPAY_KEY_ID: CRASH_KEY_ID,
    KIOSK_RAZORPAY_KEY_SECRET: CRASH_KEY_SECRET,
    KIOSK_RAZORPAY_API_URL: simulator.baseUrl,
    KIOSK_CHECKOUT_SCRIPT_URL: simulator.checkoutScriptUrl,
  };

  const kills: Record<string, number> = Object.fromEntries([...KILL_KINDS, 'during_start_up'].map((k) => [k, 0]));
  const acknowledged = new Map<string, Acknowledged>();
  const outOfService: string[] = [];
  let restarts = 0;
  let reconciliationSeen = false;
  let kiosk: KioskProcess | null = null;
  let clockOffsetMs = 0;

  /** Starts the kiosk `restartGapMs` later on its clock, maybe killing it during start-up first. */
  const startKiosk = async (mayKillStartUp: boolean): Promise<KioskProcess> => {
    while (mayKillStartUp && chance(startUpKillRate)) {
      // Killed while opening the ledger, taking its backup or reconciling.
      clockOffsetMs += restartGapMs;
      const victim = KioskProcess.spawn(dataDir, env, clockOffsetMs);
      await victim.waitForLine(() => true, 20_000).catch(() => undefined);
      await delay(Math.floor(random() * 250));
      await victim.killAndWait();
      kills.during_start_up = (kills.during_start_up ?? 0) + 1;
      restarts += 1;
    }
    clockOffsetMs += restartGapMs;
    const next = await KioskProcess.start(dataDir, env, clockOffsetMs);
    const refused = next.lines.find((line) => line.includes('OUT OF SERVICE'));
    if (refused) outOfService.push(refused);
    return next;
  };

  const passesSeen = (process: KioskProcess) => process.lines.filter((line) => line.includes(RECONCILIATION_LINE)).length;

  const killNow = async (kind: KillKind): Promise<never> => {
    await kiosk?.killAndWait();
    kills[kind] = (kills[kind] ?? 0) + 1;
    throw new Killed(kind);
  };

  const call = async (method: string, payload: unknown): Promise<IpcReply> => {
    const current = kiosk;
    if (!current?.running) throw new Killed('already dead');
    try {
      return await current.call(method, payload);
    } catch (error) {
      // A killed kiosk resets the connection a moment before its exit is reported.
      if (await current.waitForExit(3_000)) throw new Killed('died during the call');
      throw error;
    }
  };

  try {
    kiosk = await KioskProcess.start(dataDir, env, clockOffsetMs);
    // Reconciliation runs at start-up: if it never says so, the comparison below cannot pass.
    reconciliationSeen = await kiosk.waitForLine((line) => line.includes(RECONCILIATION_LINE), 10_000).then(() => true, () => false);
    for (let n = 0; n < options.donations; n += 1) {
      if (n > 0 && n % 20 === 0) progress(`${n}/${options.donations} donations, ${restarts} restarts`);
      const kill: (typeof KILL_KINDS)[number] | null = chance(killRate) ? pick(KILL_KINDS) : null;
      const outcome: Outcome = pick<Outcome>(['success', 'success', 'success', 'success', 'success', 'success', 'failure', 'failure', 'failure_then_success', 'cancel', 'cancel']);
      const amountRupees = 10 + Math.floor(random() * 4_990);
      const anonymous = chance(0.4);
      const lateRandomPay = random();
      const killDelayMs = random();
      let orderId: string | null = null;
      let donationId: string | null = null;
      let checkoutOpen = false;
      let captured = false;
      let randomKill: NodeJS.Timeout | null = null;
      if (kill === 'random_moment') {
        const victim = kiosk;
        randomKill = setTimeout(() => {
          if (victim.running) {
            kills.random_moment = (kills.random_moment ?? 0) + 1;
            victim.kill();
          }
        }, Math.floor(killDelayMs * 60));
      }

      const pay = (success: boolean) => {
        if (!orderId) throw new Error('no order to pay');
        const result = simulator.pay({ keyId: CRASH_KEY_ID, orderId, method: pick(['upi', 'card', 'netbanking', 'wallet'] as const), outcome: success ? 'success' : 'failure' });
        if (result.ok) captured = true;
        return result;
      };

      try {
        const startPayload = { amountRupees, donor: anonymous ? { anonymous: true } : { anonymous: false, name: pick(['Priya Sharma', 'Arjun Rao', "D'Souza", 'Meera K. Iyer', 'Ravi-Kumar']) } };
        if (kill === 'mid_order_create') {
          let early: IpcReply | null = null;
          call('startDonation', startPayload).then((reply) => (early = reply), () => undefined);
          await delay(Math.floor(killDelayMs * 20));
          await kiosk.killAndWait();
          kills.mid_order_create = (kills.mid_order_create ?? 0) + 1;
          const reply = early as IpcReply | null;
          if (reply?.ok) {
            // The reply beat the kill: the donor saw Checkout's order.
            const session = reply.value as { donationId: string; options: { order_id: string } };
            acknowledged.set(session.donationId, { donationId: session.donationId, orderId: session.options.order_id });
          }
          throw new Killed(kill);
        }
        const started = await call('startDonation', startPayload);
        if (!started.ok) throw new Error(`startDonation failed: ${JSON.stringify(started.error)}`);
        const session = started.value as { donationId: string; options: { order_id: string; amount: number } };
        donationId = session.donationId;
        orderId = session.options.order_id;
        acknowledged.set(donationId, { donationId, orderId });
        if (kill === 'after_order_created') await killNow(kill);

        const open = async () => {
          const reply = await call('checkoutOpened', { donationId });
          if (!reply.ok) throw new Error(`checkoutOpened failed: ${JSON.stringify(reply.error)}`);
          checkoutOpen = true;
        };
        await open();
        if (kill === 'checkout_open') await killNow(kill);

        if (outcome === 'cancel') {
          const reply = await call('cancelDonation', { donationId, reason: 'donor_closed' });
          if (!reply.ok) throw new Error(`cancelDonation failed: ${JSON.stringify(reply.error)}`);
          continue;
        }
        if (outcome === 'failure' || outcome === 'failure_then_success') {
          const failed = pay(false);
          if (failed.ok) throw new Error('a failure payment succeeded');
          const e = failed.error;
          const reply = await call('recordPaymentFailure', {
            donationId,
            failure: { code: e.code, description: e.description, reason: e.reason, source: e.source, step: e.step, paymentId: e.metadata.payment_id },
          });
          if (!reply.ok) throw new Error(`recordPaymentFailure failed: ${JSON.stringify(reply.error)}`);
          if (outcome === 'failure') continue;
          await open();
        }

        const paid = pay(true);
        if (!paid.ok) throw new Error(`simulator refused the payment: ${JSON.stringify(paid.error)}`);
        if (kill === 'captured_before_confirm') await killNow(kill);
        const confirmPayload = { donationId, razorpayOrderId: orderId, razorpayPaymentId: paid.paymentId, razorpaySignature: paid.signature };
        if (kill === 'mid_confirm') {
          const pending = call('confirmPayment', confirmPayload);
          let reply: IpcReply | null = null;
          pending.then((r) => (reply = r), () => undefined);
          await delay(Math.floor(killDelayMs * 6));
          await kiosk.killAndWait();
          kills.mid_confirm = (kills.mid_confirm ?? 0) + 1;
          const early = reply as IpcReply | null;
          if (early?.ok) acknowledged.set(donationId, { donationId, orderId, receiptPaymentId: paid.paymentId });
          throw new Killed(kill);
        }
        const confirmed = await call('confirmPayment', confirmPayload);
        if (!confirmed.ok) throw new Error(`confirmPayment failed: ${JSON.stringify(confirmed.error)}`);
        acknowledged.set(donationId, { donationId, orderId, receiptPaymentId: paid.paymentId });
      } catch (error) {
        if (!(error instanceof Killed)) throw new Error(`donation ${n} (plan ${kill ?? 'no kill'}, ${outcome}): ${error instanceof Error ? error.message : String(error)}`);
        // The kiosk died; Checkout (on the donor's phone or in Razorpay's page) may still complete.
        if (orderId && checkoutOpen && !captured && lateRandomPay < 0.4) pay(lateRandomPay < 0.3);
        await kiosk.killAndWait();
        restarts += 1;
        kiosk = await startKiosk(true);
      } finally {
        if (randomKill) clearTimeout(randomKill);
      }
      if (!kiosk.running) {
        // A random-moment kill that landed after the donation's last reply.
        restarts += 1;
        kiosk = await startKiosk(true);
      }
    }

    // One last crash and restart; reconciliation gets enough passes to look at
    // every unsettled donation (its per-pass budget resumes where it stopped), then a clean stop.
    await kiosk.killAndWait();
    restarts += 1;
    const before = Ledger.open(join(dataDir, 'ledger.sqlite3'));
    const unsettled = before.listUnsettled(1_000_000).length;
    before.close();
    kiosk = await startKiosk(false);
    const passesNeeded = Math.ceil(unsettled / DONATIONS_PER_PASS) + 1;
    const finalKiosk = kiosk;
    if (reconciliationSeen) await finalKiosk.waitForLine(() => passesSeen(finalKiosk) >= passesNeeded, 60_000 + unsettled * 1_000).catch(() => undefined);
    const finalPasses = passesSeen(finalKiosk);
    await kiosk.stop();

    const ledger = Ledger.open(join(dataDir, 'ledger.sqlite3'));
    let donations;
    let ledgerQuickCheck: string[];
    try {
      ledgerQuickCheck = ledger.quickCheck();
      donations = ledger.list(1_000_000);
    } finally {
      ledger.close();
    }
    const comparison = compareLedgerWithSimulator(donations, simulator.listOrders(), simulator.listPayments(), [...acknowledged.values()]);
    const differences = [...comparison.differences];
    if (ledgerQuickCheck.join() !== 'ok') differences.push(`ledger quick_check: ${ledgerQuickCheck.join('; ')}`);
    for (const line of outOfService) differences.push(`the kiosk refused its ledger after a crash: ${line}`);
    if (!reconciliationSeen) differences.push(`reconciliation never logged "${RECONCILIATION_LINE}"`);
    else if (finalPasses < passesNeeded) differences.push(`only ${finalPasses} of ${passesNeeded} reconciliation passes completed after the last restart`);

    return {
      seed: options.seed,
      donationsRun: options.donations,
      kills,
      totalKills: Object.values(kills).reduce((a, b) => a + b, 0),
      restarts,
      reconciliationSeen,
      unsettledBeforeFinalPass: unsettled,
      finalPasses,
      outOfService,
      ledgerQuickCheck,
      comparison,
      differences,
      durationMs: Date.now() - started,
      dataDir,
    };
  } finally {
    await kiosk?.killAndWait();
    await simulator.close();
    if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatReport(report: CrashRunReport): string {
  const c = report.comparison;
  const rows: [string, string | number][] = [
    ['seed', report.seed],
    ['donations run', report.donationsRun],
    ...Object.entries(report.kills).map(([kind, count]): [string, number] => [`kill: ${kind}`, count]),
    ['kill points (total)', report.totalKills],
    ['restarts', report.restarts],
    ['reconciliation pass seen', report.reconciliationSeen ? 'yes' : 'NO'],
    ['unsettled at the last restart', report.unsettledBeforeFinalPass],
    ['reconciliation passes after it', report.finalPasses],
    ['ledger donations', c.ledgerDonations],
    ['ledger donations with an order', c.ledgerWithOrder],
    ['simulator orders', c.simulatorOrders],
    ['captured payments (simulator)', c.capturedPayments],
    ['paid donations (ledger)', c.paidDonations],
    ['captured amount, paise', c.capturedPaise],
    ['paid amount, paise (ledger)', c.paidPaise],
    ['ledger states', Object.entries(c.ledgerStates).map(([k, v]) => `${k} ${v}`).join(', ')],
    ['simulator orders by status', Object.entries(c.orderStatuses).map(([k, v]) => `${k} ${v}`).join(', ')],
    ['simulator payments by status', Object.entries(c.paymentStatuses).map(([k, v]) => `${k} ${v}`).join(', ')],
    ['duration', `${(report.durationMs / 1000).toFixed(1)} s`],
    ['differences found', report.differences.length],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const table = rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
  const shown = report.differences.slice(0, 40).map((d) => `  - ${d}`);
  const more = report.differences.length > 40 ? [`  … and ${report.differences.length - 40} more`] : [];
  return [table, ...(report.differences.length ? ['differences:', ...shown, ...more] : [])].join('\n');
}
