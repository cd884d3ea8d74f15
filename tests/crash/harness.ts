// Crash-recovery harness. The Razorpay simulator runs here; the kiosk's
// main-process services run as a separate process (browser mode's CLI) that
// this harness drives over /ipc, exactly as the renderer would, and kills.
//
// It aims its kills (issue 13):
// - at the named kill points inside the services (src-main/domain/kill-points.ts:
//   after Razorpay created the order and before the ledger recorded it, inside
//   the receipt-numbering transaction, between reconciliation's read and its
//   write, just before and just after a capture), armed one at a time through a
//   test-only file; the kiosk prints the point as it dies, and the harness counts
//   the kills at each point;
// - and at moments around the calls (while an order is being created, after it
//   was answered, with Checkout open, after a payment the kiosk has not heard
//   of, while a confirmation is in flight, at a random instant, during start-up).
// The world misbehaves meanwhile: a manual-capture account (or automatic capture
// that happens after Checkout's handler, as Razorpay's does), network faults on
// every Razorpay route (reset, hang, garbage, a 5xx page, the reply lost after
// the work was done), late authorisations, second payments on an order already
// paid, and the kiosk's wall clock jumping forward and back.
//
// At the end: one more crash and restart, reconciliation is given the passes
// it needs, no authorised payment may be left uncaptured unless the operator
// was told; then Razorpay's clock moves past the late-authorisation window and
// every donation must be final. The ledger is compared with the simulator's own
// record (./compare.ts), including what each donor was told.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Ledger, type DonationEvent } from '../../src-main/domain/ledger/ledger.ts';
import { KILL_POINT_LINE, KILL_POINTS, KILL_POINTS_FILE_ENV, type KillPoint } from '../../src-main/domain/kill-points.ts';
import { DAY_MS } from '../../src-main/domain/reconciliation/reconcile-rules.ts';
import { SWEPT_PAYMENTS_LINE } from '../../src-main/domain/reconciliation/reconciler.ts';
import { startRazorpaySimulator, type Fault, type FaultRoute, type RazorpaySimulator } from '../../src-main/simulator/index.ts';
import { compareLedgerWithSimulator, type Acknowledged, type Comparison } from './compare.ts';
import { KioskProcess, type IpcReply } from './kiosk-process.ts';

export const CRASH_KEY_ID = 'rzp_test_CrashHarness01';
export const CRASH_KEY_SECRET = 'crash_harness_secret_7d2f91';
export const RECONCILIATION_LINE = 'reconciliation: pass complete';
/** The reconciler's per-pass call budget is 60; a pass checks a little fewer donations than that. */
const DONATIONS_PER_PASS = 25;
/** On an automatic-capture account Razorpay captures "shortly after" the handler: the kiosk meets the payment still authorised. */
const AUTO_CAPTURE_DELAY_MS = 1_500;

/** Kills timed around the calls, not inside the services. */
export const TIMED_KILLS = [
  'mid_order_create', // 0-20 ms after sending startDonation, usually before its reply
  'order_answered', // startDonation answered, Checkout not yet open
  'checkout_open', // Checkout open; the donor may still pay on their phone
  'captured_before_confirm', // paid at the gateway, confirmPayment never sent
  'mid_confirm', // 0-5 ms after sending confirmPayment
  'random_moment', // a random instant 0-60 ms into the donation
] as const;
export type TimedKill = (typeof TIMED_KILLS)[number];

export type CaptureMode = 'manual' | 'auto';

type Outcome = 'success' | 'failure' | 'failure_then_success' | 'cancel';

/** Faults injected on Razorpay's routes (times 1-2), for a share of the donations. */
const FAULT_ROUTES: FaultRoute[] = ['orders.create', 'orders.list', 'orders.payments', 'payments.fetch', 'payments.capture'];
const FAULTS: [string, Fault][] = [
  ['reset', { kind: 'reset' }],
  ['hang', { kind: 'hang' }],
  ['garbage', { kind: 'garbage' }],
  ['502 page', { kind: 'status', status: 502, body: 'html' }],
  ['500', { kind: 'status', status: 500, body: 'json' }],
  ['reply lost', { kind: 'response_lost' }],
];

export interface CrashRunOptions {
  donations: number;
  seed: number;
  /** Manual capture (the kiosk captures), or automatic capture shortly after Checkout's handler. */
  capture: CaptureMode;
  /** Share of donations that get a kill (default 0.6). */
  killRate?: number;
  /** Share of restarts that are themselves killed during start-up (default 0.1). */
  startUpKillRate?: number;
  /** Network faults on Razorpay's routes (default on). */
  networkFaults?: boolean;
  /** The kiosk's wall clock jumps forward and back (default on). */
  clockJumps?: boolean;
  keepDataDir?: boolean;
  progress?: (line: string) => void;
}

export interface CrashRunReport {
  seed: number;
  capture: CaptureMode;
  donationsRun: number;
  /** Kills at each named point inside the services (counted from the kiosk's own last line). */
  killPoints: Record<KillPoint, number>;
  /** Kills timed around the calls, and during start-up. */
  timedKills: Record<string, number>;
  totalKills: number;
  restarts: number;
  faultsInjected: Record<string, number>;
  clockJumps: { forward: number; back: number };
  lateAuthorisations: number;
  secondPayments: number;
  /** Donations whose confirmation ended "being confirmed" (the donor's screen then followed it). */
  beingConfirmed: number;
  reconciliationSeen: boolean;
  outOfService: string[];
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

/** Reads the ledger (a second connection, as the operator's report does) for the comparison. */
function readLedger(dataDir: string) {
  const ledger = Ledger.open(join(dataDir, 'ledger.sqlite3'));
  try {
    const donations = ledger.list(1_000_000);
    const paidEvents = new Map<string, DonationEvent>();
    const extraPaymentIds = new Set<string>();
    for (const donation of donations) {
      const events = ledger.events(donation.id);
      const paid = events.find((e) => e.toState === 'paid');
      if (paid) paidEvents.set(donation.id, paid);
      for (const event of events) {
        const extra = (event.detail.extraPayment as { id?: unknown } | undefined)?.id;
        if (typeof extra === 'string') extraPaymentIds.add(extra);
      }
    }
    return { view: { donations, paidEvents, extraPaymentIds }, quickCheck: ledger.quickCheck(), unsettled: ledger.listUnsettled().length };
  } finally {
    ledger.close();
  }
}

export async function runCrashRecovery(options: CrashRunOptions): Promise<CrashRunReport> {
  const started = Date.now();
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number) => random() < p;
  const killRate = options.killRate ?? 0.6;
  const startUpKillRate = options.startUpKillRate ?? 0.1;
  const networkFaults = options.networkFaults ?? true;
  const clockJumps = options.clockJumps ?? true;
  const progress = options.progress ?? (() => undefined);

  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-crash-'));
  const harnessDir = mkdtempSync(join(tmpdir(), 'kiosk-crash-switches-'));
  const killFile = join(harnessDir, 'kill-point');
  const clockFile = join(harnessDir, 'clock-offset');
  writeFileSync(killFile, '');
  writeFileSync(clockFile, '0');
  // Short timeouts and a fast reconciliation loop so hundreds of crashes fit in minutes.
  writeFileSync(
    join(dataDir, 'kiosk-config.json'),
    JSON.stringify({ gatewayTimeoutMs: 1_000, reconcileIntervalSeconds: 2, connectivityProbeSeconds: 1, checkoutTimeoutSeconds: 60 }),
  );
  let simulator: RazorpaySimulator;
  try {
    simulator = await startRazorpaySimulator({ port: 0, autoCapture: options.capture === 'auto', captureDelayMs: options.capture === 'auto' ? AUTO_CAPTURE_DELAY_MS : 0 });
    simulator.addKey(CRASH_KEY_ID, CRASH_KEY_SECRET);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(harnessDir, { recursive: true, force: true });
    throw error;
  }
  const env = {
    KIOSK_RAZORPAY_KEY_ID: CRASH_KEY_ID,
    KIOSK_RAZORPAY_KEY_SECRET: CRASH_KEY_SECRET,
    KIOSK_RAZORPAY_API_URL: simulator.baseUrl,
    KIOSK_CHECKOUT_SCRIPT_URL: simulator.checkoutScriptUrl,
    [KILL_POINTS_FILE_ENV]: killFile,
    KIOSK_CRASH_CLOCK_FILE: clockFile,
  };

  const killPoints = Object.fromEntries(KILL_POINTS.map((p) => [p, 0])) as Record<KillPoint, number>;
  const timedKills: Record<string, number> = Object.fromEntries([...TIMED_KILLS, 'during_start_up'].map((k) => [k, 0]));
  const faultsInjected: Record<string, number> = {};
  const jumps = { forward: 0, back: 0 };
  const acknowledged = new Map<string, Acknowledged>();
  const confirmationsCutShort = new Set<string>();
  const unexpected: string[] = [];
  const outOfService: string[] = [];
  /** Payments Checkout reported failed that the bank will authorise later. */
  const lateToAuthorise: string[] = [];
  let lateAuthorisations = 0;
  let secondPayments = 0;
  let beingConfirmed = 0;
  let restarts = 0;
  let reconciliationSeen = false;
  let kiosk: KioskProcess | null = null;
  /** Every kiosk process of the run, for its log (written beside the kept data with --keep). */
  const processes: KioskProcess[] = [];
  const track = (process: KioskProcess): KioskProcess => {
    processes.push(process);
    return process;
  };
  let clockOffsetMs = 0;

  /** Names the one point the kiosk dies at next (the file the kiosk reads at each point), or none. */
  const arm = (point: KillPoint | null) => {
    writeFileSync(killFile, point ?? '');
  };

  const setClock = (offsetMs: number) => {
    clockOffsetMs = offsetMs;
    writeFileSync(clockFile, String(offsetMs));
  };

  /** The kiosk died: was it at a named point? Counts it and disarms. */
  const noteDeath = (victim: KioskProcess): KillPoint | null => {
    const line = [...victim.lines].reverse().find((l) => l.startsWith(KILL_POINT_LINE));
    arm(null);
    const point = line ? (line.slice(KILL_POINT_LINE.length).trim() as KillPoint) : null;
    if (point && point in killPoints) {
      killPoints[point] += 1;
      return point;
    }
    return null;
  };

  /** Starts the kiosk, maybe killing it during start-up first (while it opens the ledger, backs it up, reconciles). */
  const startKiosk = async (mayKillStartUp: boolean): Promise<KioskProcess> => {
    while (mayKillStartUp && chance(startUpKillRate)) {
      const victim = track(KioskProcess.spawn(dataDir, env));
      await victim.waitForLine(() => true, 20_000).catch(() => undefined);
      await delay(Math.floor(random() * 250));
      await victim.killAndWait();
      timedKills.during_start_up = (timedKills.during_start_up ?? 0) + 1;
      restarts += 1;
    }
    const next = track(await KioskProcess.start(dataDir, env));
    const refused = next.lines.find((line) => line.includes('OUT OF SERVICE'));
    if (refused) outOfService.push(refused);
    return next;
  };

  const restart = async () => {
    await kiosk?.killAndWait();
    restarts += 1;
    kiosk = await startKiosk(true);
  };

  /** Passes that reached Razorpay throughout (a pass cut short because Razorpay did not answer in time, on a loaded machine, does not count). */
  const passesSeen = (process: KioskProcess) => process.lines.filter((line) => line.includes(RECONCILIATION_LINE) && !line.includes('Razorpay unreachable')).length;

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

  /** A donor arrives when the kiosk says it takes donations (after a fault it may be offline for a moment). */
  const waitUntilAccepting = async (): Promise<void> => {
    for (let i = 0; i < 150; i++) {
      if (!kiosk?.running) {
        noteDeath(kiosk as KioskProcess);
        await restart();
      }
      const status = await call('getKioskStatus', null).catch(() => null);
      if (status?.ok && (status.value as { acceptingDonations: boolean }).acceptingDonations) return;
      await delay(200);
    }
    unexpected.push('the kiosk did not take donations again within 30 s');
  };

  const kioskClockJump = () => {
    if (!clockJumps || !chance(0.08)) return;
    const step = pick([DAY_MS, 3 * DAY_MS, 7 * DAY_MS, 40 * DAY_MS, -DAY_MS, -3 * 60 * 60 * 1000, -clockOffsetMs]);
    if (step > 0) jumps.forward += 1;
    else if (step < 0) jumps.back += 1;
    setClock(clockOffsetMs + step);
  };

  try {
    kiosk = track(await KioskProcess.start(dataDir, env));
    // Reconciliation runs at start-up: if it never says so, the comparison below cannot pass.
    reconciliationSeen = await kiosk.waitForLine((line) => line.includes(RECONCILIATION_LINE), 10_000).then(() => true, () => false);
    for (let n = 0; n < options.donations; n += 1) {
      if (n > 0 && n % 25 === 0) progress(`${n}/${options.donations} donations, ${restarts} restarts, kill points ${JSON.stringify(killPoints)}`);
      kioskClockJump();
      // The bank authorises, late, some payments Checkout reported as failed.
      if (lateToAuthorise.length > 0 && chance(0.3)) {
        const paymentId = lateToAuthorise.shift() as string;
        if (simulator.getPayment(paymentId)?.status === 'failed') {
          simulator.lateAuthorise(paymentId);
          lateAuthorisations += 1;
        }
      }
      await waitUntilAccepting();

      const killed = chance(killRate);
      const point: KillPoint | null = killed && chance(0.7) ? pick(KILL_POINTS) : null;
      const timed: TimedKill | null = killed && point === null ? pick(TIMED_KILLS) : null;
      let outcome: Outcome = pick<Outcome>(['success', 'success', 'success', 'success', 'success', 'failure', 'failure', 'failure_then_success', 'failure_then_success', 'cancel']);
      // A point inside the payment's recording needs a payment to record.
      if (point === 'inside_receipt_numbering' || point === 'before_capture' || point === 'after_capture') outcome = pick<Outcome>(['success', 'success', 'failure_then_success']);
      // Reconciliation's next pass checks a donation the donor saw fail or closed.
      if (point === 'reconcile_between_read_and_write') outcome = pick<Outcome>(['failure', 'cancel']);
      const lateFailure = (outcome === 'failure' || outcome === 'failure_then_success') && chance(0.35);
      const amountRupees = 10 + Math.floor(random() * 4_990);
      const anonymous = chance(0.4);
      const phone = chance(0.5) ? `98${String(10_000_000 + Math.floor(random() * 89_999_999))}` : undefined;
      const lateRandomPay = random();
      const killDelay = random();
      if (networkFaults && chance(0.2)) {
        const route = pick(FAULT_ROUTES);
        const [label, fault] = pick(FAULTS);
        simulator.faults.inject(route, fault, { times: 1 + Math.floor(random() * 2) });
        faultsInjected[label] = (faultsInjected[label] ?? 0) + 1;
      } else if (networkFaults && chance(0.05)) {
        // Captures failing for longer than the kiosk retries while the donor waits: "being confirmed", then followed.
        simulator.faults.inject('payments.capture', { kind: 'status', status: 502, body: 'json' }, { times: 6 + Math.floor(random() * 6) });
        faultsInjected['capture 502 for a while'] = (faultsInjected['capture 502 for a while'] ?? 0) + 1;
      }
      let orderId: string | null = null;
      let donationId: string | null = null;
      let checkoutOpen = false;
      let paymentMade = false;
      let randomKill: NodeJS.Timeout | null = null;
      if (timed === 'random_moment') {
        const victim = kiosk;
        randomKill = setTimeout(() => {
          if (victim.running) {
            timedKills.random_moment = (timedKills.random_moment ?? 0) + 1;
            victim.kill();
          }
        }, Math.floor(killDelay * 60));
      }

      const pay = (success: boolean) => {
        if (!orderId) throw new Error('no order to pay');
        const result = simulator.pay({ keyId: CRASH_KEY_ID, orderId, method: pick(['upi', 'card', 'netbanking', 'wallet'] as const), outcome: success ? 'success' : 'failure' });
        if (result.ok) paymentMade = true;
        return result;
      };
      /** Sends a call and kills the kiosk `afterMs` later, usually before it answers; the answer if it beat the kill. */
      const callThenKill = async (method: string, payload: unknown, afterMs: number, kind: TimedKill): Promise<IpcReply | null> => {
        let reply: IpcReply | null = null;
        call(method, payload).then((r) => (reply = r), () => undefined);
        await delay(Math.floor(afterMs));
        await kiosk?.killAndWait();
        timedKills[kind] = (timedKills[kind] ?? 0) + 1;
        return reply;
      };
      const timedKill = async (kind: TimedKill): Promise<void> => {
        if (timed !== kind) return;
        await kiosk?.killAndWait();
        timedKills[kind] = (timedKills[kind] ?? 0) + 1;
        throw new Killed(kind);
      };

      try {
        if (point === 'after_order_created' || point === 'reconcile_between_read_and_write') arm(point);
        const donor = anonymous ? { anonymous: true, ...(phone ? { phone } : {}) } : { anonymous: false, name: pick(['Priya Sharma', 'Arjun Rao', "D'Souza", 'Meera K. Iyer', 'Ravi-Kumar']), ...(phone ? { phone } : {}) };
        const startPayload = { amountRupees, donor };
        if (timed === 'mid_order_create') {
          const reply = await callThenKill('startDonation', startPayload, killDelay * 20, timed);
          if (reply?.ok) {
            // The reply beat the kill: the donor saw Checkout's order.
            const session = reply.value as { donationId: string; options: { order_id: string } };
            acknowledged.set(session.donationId, { donationId: session.donationId, orderId: session.options.order_id });
          }
          throw new Killed(timed);
        }
        const startedReply = await call('startDonation', startPayload);
        if (!startedReply.ok) {
          // A fault the kiosk could not get past: the donor is told, and walks away. Not a difference.
          if (!['gateway_unavailable', 'gateway_timeout', 'gateway_busy', 'kiosk_unavailable'].includes(startedReply.error.code)) {
            unexpected.push(`donation ${n}: startDonation answered ${JSON.stringify(startedReply.error)}`);
          }
          continue;
        }
        if (point === 'after_order_created') arm(null);
        const session = startedReply.value as { donationId: string; options: { order_id: string; amount: number } };
        donationId = session.donationId;
        orderId = session.options.order_id;
        acknowledged.set(donationId, { donationId, orderId });
        await timedKill('order_answered');

        const open = async () => {
          const reply = await call('checkoutOpened', { donationId });
          if (!reply.ok) throw new Error(`checkoutOpened failed: ${JSON.stringify(reply.error)}`);
          checkoutOpen = true;
        };
        await open();
        await timedKill('checkout_open');

        if (outcome === 'cancel') {
          const reply = await call('cancelDonation', { donationId, reason: 'donor_closed' });
          if (!reply.ok) throw new Error(`cancelDonation failed: ${JSON.stringify(reply.error)}`);
        } else {
          if (outcome === 'failure' || outcome === 'failure_then_success') {
            if (lateFailure) simulator.faults.inject('checkout.pay', { kind: 'late_authorisation' }, { times: 1 });
            const failed = pay(lateFailure);
            if (failed.ok) throw new Error('a failure payment succeeded');
            const e = failed.error;
            if (lateFailure && e.metadata.payment_id) {
              lateToAuthorise.push(e.metadata.payment_id);
              if (outcome === 'failure_then_success') secondPayments += 1;
            }
            const reply = await call('recordPaymentFailure', {
              donationId,
              failure: { code: e.code, description: e.description, reason: e.reason, source: e.source, step: e.step, paymentId: e.metadata.payment_id },
            });
            if (!reply.ok) throw new Error(`recordPaymentFailure failed: ${JSON.stringify(reply.error)}`);
            if (outcome === 'failure_then_success') await open();
          }
          if (outcome === 'success' || outcome === 'failure_then_success') {
            const paid = pay(true);
            if (!paid.ok) {
              // The first attempt was authorised late meanwhile: Razorpay refuses a second payment on the order.
              if (paid.error.description !== 'Payment already done for this order.') throw new Error(`simulator refused the payment: ${JSON.stringify(paid.error)}`);
            } else {
              await timedKill('captured_before_confirm');
              if (point === 'inside_receipt_numbering' || point === 'before_capture' || point === 'after_capture') arm(point);
              const confirmPayload = { donationId, razorpayOrderId: orderId, razorpayPaymentId: paid.paymentId, razorpaySignature: paid.signature };
              if (timed === 'mid_confirm') {
                confirmationsCutShort.add(donationId);
                const early = await callThenKill('confirmPayment', confirmPayload, killDelay * 6, timed);
                if (early?.ok) acknowledged.set(donationId, { donationId, orderId, receiptPaymentId: paid.paymentId });
                throw new Killed(timed);
              }
              confirmationsCutShort.add(donationId);
              const confirmed = await call('confirmPayment', confirmPayload);
              confirmationsCutShort.delete(donationId);
              arm(null);
              if (confirmed.ok) acknowledged.set(donationId, { donationId, orderId, receiptPaymentId: paid.paymentId });
              else if (confirmed.error.code === 'payment_confirming') {
                // "Your payment has reached us and is being confirmed": the donor's screen follows it for a while, then they leave.
                beingConfirmed += 1;
                let seen = false;
                for (let i = 0; i < 6 && !seen; i++) {
                  await delay(300);
                  const progressReply = await call('getDonationProgress', { donationId });
                  const value = progressReply.ok ? (progressReply.value as { status: string }) : null;
                  if (value?.status === 'paid') {
                    acknowledged.set(donationId, { donationId, orderId, receiptPaymentId: paid.paymentId });
                    seen = true;
                  }
                }
                if (!seen) await call('cancelDonation', { donationId, reason: 'donor_left' });
              } else unexpected.push(`donation ${donationId}: a genuine confirmation was answered ${JSON.stringify(confirmed.error)}`);
            }
          }
        }
        if (point === 'reconcile_between_read_and_write') {
          // Reconciliation runs every 2 s (and at once after a restart): give it the time to reach the point.
          const victim = kiosk;
          if (await victim.waitForExit(8_000)) throw new Killed(point);
        }
        arm(null);
      } catch (error) {
        if (!(error instanceof Killed)) throw new Error(`donation ${n} (plan ${point ?? timed ?? 'no kill'}, ${outcome}): ${error instanceof Error ? error.message : String(error)}`);
        const victim = kiosk;
        await victim.killAndWait();
        noteDeath(victim);
        // The kiosk died; Checkout (on the donor's phone or in Razorpay's page) may still complete.
        if (orderId && checkoutOpen && !paymentMade && lateRandomPay < 0.4) pay(lateRandomPay < 0.3);
        restarts += 1;
        kiosk = await startKiosk(true);
      } finally {
        if (randomKill) clearTimeout(randomKill);
        arm(null);
        simulator.faults.clear();
      }
      if (!kiosk.running) {
        // A random-moment kill that landed after the donation's last reply.
        noteDeath(kiosk);
        restarts += 1;
        kiosk = await startKiosk(true);
      }
    }

    progress('final phase: the last late authorisations, a last crash, reconciliation until settled');
    for (const paymentId of lateToAuthorise.splice(0)) {
      if (simulator.getPayment(paymentId)?.status === 'failed') {
        simulator.lateAuthorise(paymentId);
        lateAuthorisations += 1;
      }
    }
    await kiosk.killAndWait();
    noteDeath(kiosk);
    restarts += 1;
    const before = readLedger(dataDir);
    const unsettled = before.unsettled;
    kiosk = await startKiosk(false);
    const passesNeeded = Math.ceil(unsettled / DONATIONS_PER_PASS) + 2;
    const settling = kiosk;
    // Enough passes for every unsettled donation, and one whole sweep of Razorpay's payments (second payments, money on expired donations).
    const settled = () => passesSeen(settling) >= passesNeeded && settling.lines.some((line) => line.startsWith(SWEPT_PAYMENTS_LINE));
    if (reconciliationSeen) await settling.waitForLine(settled, 60_000 + unsettled * 1_000).catch(() => undefined);
    const finalPasses = passesSeen(settling);
    await kiosk.stop();

    // Every authorised payment must have been captured by now, or noted for the operator (a second payment on a paid order).
    const beforeWindow = readLedger(dataDir);
    const uncaptured = compareLedgerWithSimulator(beforeWindow.view, simulator.listOrders(), simulator.listPayments(), [...acknowledged.values()], { confirmationsCutShort })
      .differences.filter((d) => d.includes('left uncaptured'));

    progress("final phase: Razorpay's clock past the late-authorisation window; every donation must end final");
    simulator.advanceClock(6 * DAY_MS);
    kiosk = await startKiosk(false);
    const closing = kiosk;
    if (reconciliationSeen) await closing.waitForLine(() => passesSeen(closing) >= passesNeeded && closing.lines.some((line) => line.startsWith(SWEPT_PAYMENTS_LINE)), 60_000 + unsettled * 1_000).catch(() => undefined);
    await kiosk.stop();

    const after = readLedger(dataDir);
    const comparison = compareLedgerWithSimulator(after.view, simulator.listOrders(), simulator.listPayments(), [...acknowledged.values()], { requireFinal: true, confirmationsCutShort });
    const differences = [...uncaptured, ...comparison.differences, ...unexpected];
    if (after.quickCheck.join() !== 'ok') differences.push(`ledger quick_check: ${after.quickCheck.join('; ')}`);
    for (const line of outOfService) differences.push(`the kiosk went out of service: ${line}`);
    if (!reconciliationSeen) differences.push(`reconciliation never logged "${RECONCILIATION_LINE}"`);
    else if (finalPasses < passesNeeded) differences.push(`only ${finalPasses} of ${passesNeeded} reconciliation passes completed after the last restart`);

    return {
      seed: options.seed,
      capture: options.capture,
      donationsRun: options.donations,
      killPoints,
      timedKills,
      totalKills: Object.values(killPoints).reduce((a, b) => a + b, 0) + Object.values(timedKills).reduce((a, b) => a + b, 0),
      restarts,
      faultsInjected,
      clockJumps: jumps,
      lateAuthorisations,
      secondPayments,
      beingConfirmed,
      reconciliationSeen,
      unsettledBeforeFinalPass: unsettled,
      finalPasses,
      outOfService,
      ledgerQuickCheck: after.quickCheck,
      comparison,
      differences,
      durationMs: Date.now() - started,
      dataDir,
    };
  } finally {
    await kiosk?.killAndWait();
    if (options.keepDataDir) writeFileSync(join(dataDir, 'kiosk.log'), processes.map((p, i) => `---- kiosk process ${i + 1}\n${p.lines.join('\n')}`).join('\n'));
    await simulator.close();
    rmSync(harnessDir, { recursive: true, force: true });
    if (!options.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatReport(report: CrashRunReport): string {
  const c = report.comparison;
  const rows: [string, string | number][] = [
    ['seed', report.seed],
    ['capture', report.capture === 'manual' ? 'manual (the kiosk captures)' : `automatic, ${AUTO_CAPTURE_DELAY_MS} ms after Checkout's handler`],
    ['donations run', report.donationsRun],
    ...KILL_POINTS.map((point): [string, number] => [`kill point ${point}`, report.killPoints[point]]),
    ...Object.entries(report.timedKills).map(([kind, count]): [string, number] => [`timed kill ${kind}`, count]),
    ['kills (total)', report.totalKills],
    ['restarts', report.restarts],
    ['network faults injected', Object.entries(report.faultsInjected).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'],
    ['kiosk clock jumps', `forward ${report.clockJumps.forward}, back ${report.clockJumps.back}`],
    ['late authorisations', report.lateAuthorisations],
    ['second payments (late authorisation after a retry)', report.secondPayments],
    ['confirmations answered "being confirmed"', report.beingConfirmed],
    ['reconciliation pass seen', report.reconciliationSeen ? 'yes' : 'NO'],
    ['unsettled at the last restart', report.unsettledBeforeFinalPass],
    ['reconciliation passes after it', report.finalPasses],
    ['ledger donations', c.ledgerDonations],
    ['ledger donations with an order', c.ledgerWithOrder],
    ['simulator orders', c.simulatorOrders],
    ['captured payments (simulator)', c.capturedPayments],
    ['paid donations (ledger)', c.paidDonations],
    ['of them recovered (flagged for the operator)', c.recoveredDonations],
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
