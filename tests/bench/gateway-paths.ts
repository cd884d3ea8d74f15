// Sections 1 and 2: what the kiosk adds on top of the gateway's round trip.
// Each run times the kiosk's whole path (dispatcher, zod, ledger writes, the
// SDK call) and, right beside it, the bare SDK call on the same simulator.
// Runs are paired and their order alternates, so drift on a busy machine
// (GC, other processes) lands on both sides; the paired difference is the
// kiosk's own cost.
import { performance } from 'node:perf_hooks';
import type { CheckoutSession, Result } from '../../src-main/contract/kiosk-api.ts';
import { percentile, type Figure } from './report.ts';
import { startBenchKiosk, type BenchKiosk } from './bench-kiosk.ts';

export interface PathOptions {
  runs: number;
  warmup: number;
}

const DONATION = { amountRupees: 500, donor: { anonymous: false, name: 'Bench Donor', phone: '9876543210', email: 'donor@example.org' } };

function expectOk<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

interface PairedSample {
  kiosk: number[];
  bare: number[];
}

/** Runs `warmup` unrecorded pairs, then `runs` recorded ones, alternating which side goes first. */
async function pairedRuns(options: PathOptions, kioskRun: () => Promise<number>, bareRun: () => Promise<number>): Promise<PairedSample> {
  const sample: PairedSample = { kiosk: [], bare: [] };
  for (let i = 0; i < options.warmup + options.runs; i += 1) {
    let kiosk: number;
    let bare: number;
    if (i % 2 === 0) {
      kiosk = await kioskRun();
      bare = await bareRun();
    } else {
      bare = await bareRun();
      kiosk = await kioskRun();
    }
    if (i >= options.warmup) {
      sample.kiosk.push(kiosk);
      sample.bare.push(bare);
    }
  }
  return sample;
}

function pathFigures(section: string, sample: PairedSample, targetAddedMs: number): Figure[] {
  const added = sample.kiosk.map((k, i) => k - (sample.bare[i] ?? 0));
  const runs = sample.kiosk.length;
  const info = (name: string, value: number): Figure => ({ section, name, value, unit: 'ms', target: null, comparison: 'info', detail: { runs } });
  return [
    info('kiosk path p50', percentile(sample.kiosk, 50)),
    info('kiosk path p99', percentile(sample.kiosk, 99)),
    info('bare SDK p50', percentile(sample.bare, 50)),
    info('bare SDK p99', percentile(sample.bare, 99)),
    { section, name: 'added by the kiosk p50 (paired)', value: percentile(added, 50), unit: 'ms', target: targetAddedMs, comparison: 'at_most', detail: { runs } },
    info('added by the kiosk p99 (paired)', percentile(added, 99)),
  ];
}

async function startDonationPaths(kiosk: BenchKiosk, options: PathOptions): Promise<Figure[]> {
  let receiptCounter = 0;
  const sample = await pairedRuns(
    options,
    () => timed(async () => expectOk(await kiosk.services.dispatch('startDonation', DONATION), 'startDonation')),
    () =>
      timed(() =>
        kiosk.bareSdk.orders.create({
          amount: 50_000,
          currency: 'INR',
          receipt: `bench-bare-${(receiptCounter += 1)}`,
          notes: { kiosk_id: 'KIOSK-1', cause: 'Bench', donor_name: 'Bench Donor', donation_id: `bare-${receiptCounter}` },
        }),
      ),
  );
  return pathFigures('1 start donation', sample, 2);
}

/** A donation with Checkout open and a captured payment on its order, signed as Checkout signs it. */
async function paidDonation(kiosk: BenchKiosk) {
  const session = expectOk((await kiosk.services.dispatch('startDonation', DONATION)) as Result<CheckoutSession>, 'startDonation');
  expectOk(await kiosk.services.dispatch('checkoutOpened', { donationId: session.donationId }), 'checkoutOpened');
  const paid = kiosk.simulator.pay({ keyId: kiosk.keyId, orderId: session.options.order_id, method: 'upi', outcome: 'success' });
  if (!paid.ok) throw new Error(`simulator pay failed: ${paid.error.description}`);
  return { donationId: session.donationId, razorpayOrderId: session.options.order_id, razorpayPaymentId: paid.paymentId, razorpaySignature: paid.signature };
}

async function barePaidPayment(kiosk: BenchKiosk): Promise<string> {
  const order = await kiosk.bareSdk.orders.create({ amount: 50_000, currency: 'INR', receipt: `bench-bare-pay-${performance.now()}` });
  const paid = kiosk.simulator.pay({ keyId: kiosk.keyId, orderId: order.id, method: 'upi', outcome: 'success' });
  if (!paid.ok) throw new Error(`simulator pay failed: ${paid.error.description}`);
  return paid.paymentId;
}

async function confirmPaymentPaths(kiosk: BenchKiosk, options: PathOptions): Promise<Figure[]> {
  const sample = await pairedRuns(
    options,
    async () => {
      const confirm = await paidDonation(kiosk);
      return timed(async () => {
        const receipt = expectOk(await kiosk.services.dispatch('confirmPayment', confirm), 'confirmPayment');
        if (typeof receipt !== 'object' || receipt === null) throw new Error('confirmPayment gave no receipt');
      });
    },
    async () => {
      const paymentId = await barePaidPayment(kiosk);
      return timed(() => kiosk.bareSdk.payments.fetch(paymentId));
    },
  );
  return pathFigures('2 confirm payment', sample, 2);
}

export async function benchGatewayPaths(which: { start: boolean; confirm: boolean }, options: PathOptions): Promise<Figure[]> {
  const kiosk = await startBenchKiosk();
  try {
    const figures: Figure[] = [];
    if (which.start) figures.push(...(await startDonationPaths(kiosk, options)));
    if (which.confirm) figures.push(...(await confirmPaymentPaths(kiosk, options)));
    return figures;
  } finally {
    await kiosk.stop();
  }
}
