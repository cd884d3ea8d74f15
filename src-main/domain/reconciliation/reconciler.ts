// Brings every unsettled donation in line with what Razorpay reports
// (razorpay.md §8), following the rules in reconcile-rules.ts.
//
// - Idempotent: it only writes a transition when Razorpay says something the
//   ledger does not yet show, so a second pass over the same facts writes nothing.
// - Resumes after a crash: its work list is the ledger's unsettled donations,
//   so nothing in memory is needed to continue. What it keeps in memory only
//   paces the calls (when each donation was last asked about, on the monotonic
//   clock); losing it just means asking once more.
// - Bounded in rate: at most `maxCallsPerPass` gateway calls per pass, at least
//   `minGapMs` apart; a pass stops early when Razorpay is unreachable or busy.
// - Fair (issue 13): each pass shares its calls out so nothing starves: a
//   slice for the sweep of Razorpay's orders, a slice for second payments on
//   paid orders, then the donations most likely to hold money first (Razorpay
//   said so, authorised, newest) for up to half of what is left, and the rest
//   to the others in the order they have waited longest. A backlog of a busy
//   weekend's abandoned attempts is worked through in bounded time without
//   ever holding back today's payment.
// - Sweeps Razorpay's side too: once a run, every order from where the ledger's
//   newest order is (after a restore, the orders the ledger lost, rebuilt from
//   their notes); then hourly, every payment of the late-authorisation window
//   (Razorpay's clock): money on an order whose donation is not paid (an
//   expired donation paid after all) makes it due at once, a second payment on
//   a paid order is noted for the operator. So every payment Razorpay holds
//   for this kiosk's orders ends up in the ledger.
import type { Donation, Ledger } from '../ledger/ledger.ts';
import type { DonationState } from '../ledger/donation-states.ts';
import type { GatewayResult } from '../gateway/gateway-error.ts';
import { describeGatewayError } from '../gateway/gateway-error.ts';
import type { GatewayOrder, GatewayPayment, PaymentGateway } from '../gateway/razorpay-gateway.ts';
import { isLedgerFaultError } from '../ledger/ledger-fault.ts';
import { monotonicNow, type MonotonicClock } from '../clock.ts';
import type { DonorScreens } from '../donor-screens.ts';
import { killPoint } from '../kill-points.ts';
import { DAY_MS, decideOnOrderLookup, decideOnPayments, isDue, paidMove, planFor, type DecisionFacts, type ReconcileRuleOptions } from './reconcile-rules.ts';

export interface ReconcilerOptions extends ReconcileRuleOptions {
  maxCallsPerPass: number;
  minGapMs: number;
  /** How often Razorpay's orders with money are swept (default 1 h; the first pass of a run always sweeps). */
  sweepIntervalMs?: number;
  /** How far back the sweep looks, on Razorpay's clock (default: the late-authorisation window plus 2 days). */
  sweepWindowMs?: number;
}

export interface ReconcilerDeps {
  ledger: Ledger;
  gateway: PaymentGateway;
  options: ReconcilerOptions;
  log: (line: string) => void;
  /** Wall-clock time for ages that only set a pace (default: the ledger's clock, which never goes back). */
  now?: () => number;
  monotonicNow?: MonotonicClock;
  /** Razorpay's clock (GatewayClock); without it nothing is expired for lack of a payment. */
  gatewayNow?: () => number | null;
  /** Donations a donor's screen is following (shared with the donation service). */
  donorScreens?: DonorScreens;
  /** This kiosk's id: orders whose notes carry it are this kiosk's to recover. */
  kioskId?: () => string;
  /** This installation's id (the ledger's, issue 17): an order whose notes name another installation is not this kiosk's, whatever its kiosk id. */
  installationId?: () => string | undefined;
  sleep?: (ms: number) => Promise<void>;
}

export interface PassSummary {
  checked: number;
  settled: number;
  recovered: number;
  /** Second payments found on orders that were already paid. */
  extraPayments: number;
  /** Donations rebuilt from Razorpay's orders (the ledger had lost them). */
  restored: number;
  /** Why the pass ended before the end of its work, if it did. */
  stoppedEarly: string | null;
}

/** Raised inside a pass to end it: Razorpay cannot take more calls now, or the pass's calls are used. */
class PassInterrupted extends Error {}
/** Raised inside a pass to end one share of it; the next share goes on. */
class ShareUsed extends Error {}

/** Logged when a sweep of Razorpay's payments has gone through the whole window. */
export const SWEPT_PAYMENTS_LINE = "reconciliation: swept Razorpay's payments";

const HOUR_MS = 60 * 60 * 1000;
const PAGE = 100;
const DONATION_ID = /^d[0-9a-z]{10,30}$/;

type Outcome = 'skipped' | 'unchanged' | 'progressed' | 'settled' | 'recovered';

interface Sweep {
  /** Every order (catching up after a restore), or every payment (the regular sweep for money). */
  of: 'orders' | 'payments';
  fromSeconds: number;
  skip: number;
}

export class Reconciler {
  private readonly deps: ReconcilerDeps;
  private readonly monotonic: MonotonicClock;
  private readonly sleep: (ms: number) => Promise<void>;
  private running: Promise<PassSummary> | null = null;
  private readonly lastCheckedAt = new Map<string, number>();
  /** Donations Razorpay's sweep says hold money (expired ones included): looked at first, whatever their pace. */
  private readonly moneyAtRazorpay = new Set<string>();
  private sweep: Sweep | null = null;
  private lastSweepStartedAt: number | null = null;
  private caughtUp = false;
  private callsThisPass = 0;
  private shareLimit = 0;
  private readonly checkedThisPass = new Set<string>();
  /** Second payments noted in this pass (by the check of paid donations or by the sweep). */
  private extrasThisPass = 0;
  private stopped = false;

  constructor(deps: ReconcilerDeps) {
    this.deps = deps;
    this.monotonic = deps.monotonicNow ?? monotonicNow;
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  private now(): number {
    return this.deps.now ? this.deps.now() : this.deps.ledger.now();
  }

  /** One pass. Concurrent callers share the pass in progress. */
  runOnce(): Promise<PassSummary> {
    if (this.stopped) return Promise.resolve({ checked: 0, settled: 0, recovered: 0, extraPayments: 0, restored: 0, stoppedEarly: 'reconciler stopped' });
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** No new passes; waits for the one in flight, so the ledger can be closed after. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running?.catch(() => undefined);
  }

  private async pass(): Promise<PassSummary> {
    const summary: PassSummary = { checked: 0, settled: 0, recovered: 0, extraPayments: 0, restored: 0, stoppedEarly: null };
    const max = this.deps.options.maxCallsPerPass;
    this.callsThisPass = 0;
    this.extrasThisPass = 0;
    this.checkedThisPass.clear();
    try {
      summary.restored = await this.inShare(Math.ceil(max * 0.2), () => this.sweepRazorpay());
      await this.inShare(Math.ceil(max * 0.15), () => this.findExtraPayments());
      const { hot, cold } = this.workList();
      // The likely-paid first, but never more than half of what is left while others wait.
      const rest = max - this.callsThisPass;
      await this.inShare(cold.length > 0 ? Math.ceil(rest / 2) : rest, () => this.work(hot, summary));
      await this.inShare(max - this.callsThisPass, () => this.work(cold, summary));
      await this.inShare(max - this.callsThisPass, () => this.work(hot, summary));
      if (this.stopped) summary.stoppedEarly = 'reconciler stopped';
      else if (this.callsThisPass >= max && [...hot, ...cold].some((d) => !this.checkedThisPass.has(d.id) && this.isDueNow(d))) summary.stoppedEarly = 'call budget used';
    } catch (error) {
      if (error instanceof PassInterrupted) summary.stoppedEarly = error.message;
      else if (isLedgerFaultError(error)) summary.stoppedEarly = `the ledger cannot be written: ${error.message}`;
      else throw error;
    }
    summary.extraPayments = this.extrasThisPass;
    const extra = summary.extraPayments > 0 ? `, extra payments ${summary.extraPayments}` : '';
    const restored = summary.restored > 0 ? `, restored from Razorpay ${summary.restored}` : '';
    const tail = summary.stoppedEarly ? ` (stopped early: ${summary.stoppedEarly})` : '';
    this.deps.log(`reconciliation: pass complete: checked ${summary.checked}, settled ${summary.settled}, recovered ${summary.recovered}${extra}${restored}${tail}`);
    return summary;
  }

  /** Runs one share of the pass with at most `calls` gateway calls. */
  private async inShare<T>(calls: number, work: () => Promise<T>): Promise<T | 0> {
    this.shareLimit = Math.min(this.deps.options.maxCallsPerPass, this.callsThisPass + calls);
    try {
      return await work();
    } catch (error) {
      if (error instanceof ShareUsed) return 0;
      throw error;
    }
  }

  private ageOf(donation: Donation): number {
    return Math.max(0, this.now() - donation.createdAt);
  }

  private sinceChecked(id: string): number | undefined {
    const at = this.lastCheckedAt.get(id);
    return at === undefined ? undefined : this.monotonic() - at;
  }

  private isDueNow(donation: Donation): boolean {
    return this.moneyAtRazorpay.has(donation.id) || isDue(this.ageOf(donation), this.sinceChecked(donation.id));
  }

  /** The pass's donations: likely paid (Razorpay said so, authorised, under an hour old), newest first; the others, longest waiting first. */
  private workList(): { hot: Donation[]; cold: Donation[] } {
    const { ledger } = this.deps;
    const unsettled = ledger.listUnsettled();
    const listed = new Set(unsettled.map((d) => d.id));
    for (const id of this.moneyAtRazorpay) {
      const donation = listed.has(id) ? undefined : ledger.get(id);
      if (donation && donation.state !== 'paid' && donation.state !== 'refunded') unsettled.push(donation);
      else if (!listed.has(id)) this.moneyAtRazorpay.delete(id);
    }
    const hot: Donation[] = [];
    const cold: Donation[] = [];
    for (const donation of unsettled) {
      if (this.moneyAtRazorpay.has(donation.id) || donation.state === 'authorized' || this.ageOf(donation) < HOUR_MS) hot.push(donation);
      else cold.push(donation);
    }
    const likelihood = (d: Donation) => (this.moneyAtRazorpay.has(d.id) ? 2 : d.state === 'authorized' ? 1 : 0);
    // Never asked in this run first, then whoever was asked longest ago: a share too small for its lane still reaches every donation in turn.
    const waited = (d: Donation) => this.lastCheckedAt.get(d.id) ?? Number.NEGATIVE_INFINITY;
    hot.sort((a, b) => likelihood(b) - likelihood(a) || waited(a) - waited(b) || b.createdAt - a.createdAt);
    cold.sort((a, b) => waited(a) - waited(b) || a.createdAt - b.createdAt);
    return { hot, cold };
  }

  private async work(donations: Donation[], summary: PassSummary): Promise<void> {
    for (const listed of donations) {
      if (this.stopped) return;
      if (this.checkedThisPass.has(listed.id) || !this.isDueNow(listed)) continue;
      // Fresh from the ledger: the donor's own calls may have moved it since the list was read.
      const donation = this.deps.ledger.get(listed.id);
      if (!donation || donation.state === 'paid' || donation.state === 'refunded') {
        this.moneyAtRazorpay.delete(listed.id);
        continue;
      }
      const outcome = await this.reconcile(donation);
      if (outcome === 'skipped') continue;
      // Only once the checks are done: a pass cut short (offline, 429, budget) leaves it due.
      summary.checked += 1;
      this.checkedThisPass.add(donation.id);
      this.lastCheckedAt.set(donation.id, this.monotonic());
      this.moneyAtRazorpay.delete(donation.id);
      if (outcome === 'settled' || outcome === 'recovered') summary.settled += 1;
      if (outcome === 'recovered') summary.recovered += 1;
    }
  }

  private facts(donation: Donation): DecisionFacts {
    const screens = this.deps.donorScreens;
    return {
      gatewayNow: this.deps.gatewayNow?.() ?? null,
      donorWatching: screens?.isWatching(donation.id) ?? false,
      donorMayBePaying: screens?.mayBePaying(donation.id, this.deps.options.checkoutGraceMs) ?? false,
      sinceDonorCall: screens?.sinceLastCall(donation.id),
    };
  }

  private async reconcile(initial: Donation): Promise<Outcome> {
    const { options } = this.deps;
    let donation = initial;
    const plan = planFor(donation, this.facts(donation));
    if (plan.kind === 'skip') return 'skipped';

    let progressed = false;
    if (plan.kind === 'find_order') {
      const found = await this.call(() => this.deps.gateway.findOrderByReceipt(donation.receipt));
      if (!found.ok) return 'unchanged';
      killPoint('reconcile_between_read_and_write');
      const decision = decideOnOrderLookup(found.value, this.facts(donation), options);
      if (decision.kind === 'leave') return 'unchanged';
      if (decision.kind === 'expire') return this.move(donation, 'expired', {}, { why: decision.why }) ? 'settled' : 'unchanged';
      const moved = this.move(donation, 'order_created', { orderId: decision.orderId, orderCreatedAt: decision.orderCreatedAt }, { foundByReceipt: donation.receipt });
      if (!moved) return 'unchanged';
      donation = moved;
      progressed = true;
    }

    if (!donation.orderId) return progressed ? 'progressed' : 'unchanged';
    const orderId = donation.orderId;
    const payments = await this.call(() => this.deps.gateway.fetchOrderPayments(orderId));
    if (!payments.ok) return progressed ? 'progressed' : 'unchanged';
    killPoint('reconcile_between_read_and_write');
    let decision = decideOnPayments(donation, payments.value, this.facts(donation), options);
    if (decision.kind === 'need_order_time') {
      // A ledger row from before Razorpay's order time was kept: ask for it once and keep it.
      const order = await this.call(() => this.deps.gateway.fetchOrder(orderId));
      if (!order.ok || order.value.created_at === undefined) return progressed ? 'progressed' : 'unchanged';
      const timed = this.deps.ledger.setOrderCreatedAt(donation.id, order.value.created_at * 1000);
      if (!timed) return progressed ? 'progressed' : 'unchanged';
      donation = timed;
      decision = decideOnPayments(donation, payments.value, this.facts(donation), options);
    }
    switch (decision.kind) {
      case 'leave':
      case 'need_order_time':
        return progressed ? 'progressed' : 'unchanged';
      case 'expire':
        return this.move(donation, 'expired', {}, { why: decision.why }) ? 'settled' : 'unchanged';
      case 'refunded':
        this.deps.log(`reconciliation: donation ${donation.id}: payment ${decision.payment.id} was refunded by Razorpay (never captured)`);
        return this.move(donation, 'refunded', { paymentId: decision.payment.id }, { paymentId: decision.payment.id, refundedUncaptured: decision.payment.captured !== true }) ? 'settled' : 'unchanged';
      case 'mark_paid':
        return this.markPaid(donation, decision.payment, payments.value);
      case 'capture': {
        // The operator sees it as being confirmed until the capture succeeds.
        const held = donation.state === 'authorized' ? donation : this.move(donation, 'authorized', { paymentId: decision.payment.id }, { paymentId: decision.payment.id, foundAuthorised: true });
        if (!held) return progressed ? 'progressed' : 'unchanged';
        killPoint('before_capture');
        const captured = await this.call(() => this.deps.gateway.capturePayment(decision.payment.id, donation.amountPaise));
        killPoint('after_capture');
        if (!captured.ok || captured.value.status !== 'captured') {
          const detail = captured.ok ? `capture left it ${captured.value.status}` : describeGatewayError(captured.error);
          this.deps.log(`reconciliation: donation ${donation.id}: payment ${decision.payment.id} is authorised; capture not done yet: ${detail}`);
          return 'progressed';
        }
        return this.markPaid(held, captured.value, payments.value);
      }
    }
  }

  /**
   * Records the payment; any other payment holding money on the same order is
   * noted as a second payment there and then. Recovered unless a donor's screen
   * is following it at this very moment (a capture can take a while, and the
   * donor may have left meanwhile).
   */
  private markPaid(donation: Donation, payment: GatewayPayment, orderPayments: readonly GatewayPayment[]): 'settled' | 'recovered' | 'unchanged' {
    const { patch, detail, recovered } = paidMove(donation, payment, this.facts(donation));
    const moved = this.move(donation, 'paid', patch, detail);
    if (!moved) return 'unchanged';
    for (const other of orderPayments) {
      if (other.id !== payment.id && (other.status === 'authorized' || other.status === 'captured')) this.noteExtraPayment(moved, other);
    }
    if (!recovered) return 'settled';
    this.deps.log(`reconciliation: donation ${donation.id} recovered: payment ${payment.id} captured after the donor saw ${donation.state} (${donation.amountPaise / 100} INR)`);
    return 'recovered';
  }

  /**
   * Razorpay's side (see the top of this file): the catch-up over orders once
   * a run, then the sweep over payments every sweepIntervalMs. Pages of 100,
   * newest first, resumed across passes from the item reached.
   */
  private async sweepRazorpay(): Promise<number> {
    if (!this.sweep) {
      const { options } = this.deps;
      if (!this.caughtUp) {
        // From Razorpay's time of the newest order the ledger knows: no need to know Razorpay's "now" for this one.
        const newest = this.deps.ledger.newestOrderCreatedAt();
        this.caughtUp = newest === null;
        if (newest !== null) this.sweep = { of: 'orders', fromSeconds: Math.floor((newest - HOUR_MS) / 1000), skip: 0 };
      }
      if (!this.sweep) {
        const gatewayNow = this.deps.gatewayNow?.() ?? null;
        if (gatewayNow === null) return 0;
        const since = this.lastSweepStartedAt === null ? Number.POSITIVE_INFINITY : this.monotonic() - this.lastSweepStartedAt;
        if (since < (options.sweepIntervalMs ?? HOUR_MS)) return 0;
        const window = options.sweepWindowMs ?? options.lateAuthorisationWindowMs + 2 * DAY_MS;
        this.sweep = { of: 'payments', fromSeconds: Math.floor((gatewayNow - window) / 1000), skip: 0 };
        this.lastSweepStartedAt = this.monotonic();
      }
    }
    let restored = 0;
    for (;;) {
      const sweep = this.sweep;
      if (!sweep) return restored;
      const query = { fromSeconds: sweep.fromSeconds, count: PAGE, skip: sweep.skip };
      // The position moves on with each item done: a share used up part-way through a page (a look at each
      // order the ledger does not know: other kiosks', the website's) carries on from there next pass, never
      // from the top of the page again, which could keep a sweep on one page for ever.
      let size: number;
      if (sweep.of === 'orders') {
        const page = await this.call(() => this.deps.gateway.listOrders({ ...query, authorizedOnly: false }));
        if (!page.ok) return restored;
        for (const order of page.value) {
          if (this.noteSweptOrder(order)) restored += 1;
          sweep.skip += 1;
        }
        size = page.value.length;
      } else {
        const page = await this.call(() => this.deps.gateway.listPayments(query));
        if (!page.ok) return restored;
        for (const payment of page.value) {
          if (await this.noteSweptPayment(payment)) restored += 1;
          sweep.skip += 1;
        }
        size = page.value.length;
      }
      if (size < PAGE) {
        const since = new Date(sweep.fromSeconds * 1000).toISOString();
        if (sweep.of === 'orders') {
          this.caughtUp = true;
          this.deps.log(`reconciliation: caught up with Razorpay's orders since ${since}`);
        } else this.deps.log(`${SWEPT_PAYMENTS_LINE} since ${since}`);
        this.sweep = null;
        return restored;
      }
    }
  }

  /** One payment from the sweep: money on an unpaid donation makes it due; a second one on a paid order is noted. True when it rebuilt a lost donation. */
  private async noteSweptPayment(payment: GatewayPayment): Promise<boolean> {
    if ((payment.status !== 'authorized' && payment.status !== 'captured') || !payment.order_id) return false;
    const orderId = payment.order_id;
    const donation = this.deps.ledger.findByOrderId(orderId);
    if (!donation) {
      // Money on an order the ledger does not know: this kiosk's, if its notes say so (a restore lost it).
      const order = await this.call(() => this.deps.gateway.fetchOrder(orderId));
      return order.ok ? this.noteSweptOrder(order.value) : false;
    }
    if (donation.state === 'paid') {
      if (payment.id !== donation.paymentId) this.noteExtraPayment(donation, payment);
    } else if (donation.state !== 'refunded') this.moneyAtRazorpay.add(donation.id);
    return false;
  }

  /** One order from the sweep; true when it rebuilt a donation the ledger had lost. */
  private noteSweptOrder(order: GatewayOrder): boolean {
    const { ledger } = this.deps;
    const known = ledger.findByOrderId(order.id) ?? (order.receipt ? ledger.findByReceipt(order.receipt) : undefined);
    if (known) {
      if (known.state !== 'paid' && known.state !== 'refunded' && (order.status === 'paid' || !known.orderId)) this.moneyAtRazorpay.add(known.id);
      return false;
    }
    const notes = Array.isArray(order.notes) || order.notes === undefined ? {} : order.notes;
    const text = (key: string) => (typeof notes[key] === 'string' ? (notes[key] as string) : null);
    const donationId = text('donation_id');
    const kioskId = text('kiosk_id');
    if (!donationId || !DONATION_ID.test(donationId) || !kioskId || kioskId !== this.deps.kioskId?.() || !order.receipt || order.created_at === undefined) return false;
    const installation = text('installation_id');
    if (installation !== null && installation !== this.deps.installationId?.()) return false;
    if (ledger.get(donationId)) {
      this.deps.log(`reconciliation: order ${order.id} names donation ${donationId}, which the ledger has with another order; left alone`);
      return false;
    }
    const donorName = text('donor_name');
    const feeRupees = Number(text('fee_covered_inr') ?? '0');
    const restored = ledger.recoverFromOrder(
      {
        id: donationId,
        receipt: order.receipt,
        kioskId,
        cause: text('cause') ?? 'unknown',
        amountPaise: order.amount,
        feePaise: Number.isInteger(feeRupees) && feeRupees > 0 ? feeRupees * 100 : 0,
        anonymous: donorName === null || donorName === 'Anonymous',
        donorName: donorName === 'Anonymous' ? null : donorName,
        orderId: order.id,
        orderCreatedAt: order.created_at * 1000,
      },
      { orderStatus: order.status },
    );
    this.moneyAtRazorpay.add(restored.id);
    this.deps.log(`reconciliation: donation ${restored.id} (${restored.receipt}, ${restored.amountPaise / 100} INR) was missing from the ledger; rebuilt from Razorpay's order ${order.id}`);
    return true;
  }

  /**
   * A donor who saw a failure may have paid again while the first attempt was
   * authorised late: the order then holds a second payment the ledger's paid
   * row does not name. Record each one (once) so no payment goes unknown; the
   * operator report lists them for refund.
   */
  private async findExtraPayments(): Promise<void> {
    // Which orders a late authorisation can still reach is Razorpay's time, not the kiosk's (a day's margin).
    const gatewayNow = this.deps.gatewayNow?.() ?? null;
    if (gatewayNow === null) return;
    const window = this.deps.options.lateAuthorisationWindowMs + DAY_MS;
    for (const donation of this.deps.ledger.listPaidAfterFailedAttempt(gatewayNow - window, this.now() - window)) {
      if (this.stopped) break;
      const key = `extra:${donation.id}`;
      if (!isDue(this.ageOf(donation), this.sinceChecked(key)) || !donation.orderId) continue;
      const orderId = donation.orderId;
      const payments = await this.call(() => this.deps.gateway.fetchOrderPayments(orderId));
      this.lastCheckedAt.set(key, this.monotonic());
      if (!payments.ok) continue;
      for (const payment of payments.value) {
        if (payment.id === donation.paymentId || (payment.status !== 'authorized' && payment.status !== 'captured')) continue;
        this.noteExtraPayment(donation, payment);
      }
    }
  }

  /** Records a second payment on a paid donation's order, once; true when it was new. */
  private noteExtraPayment(donation: Donation, payment: GatewayPayment): boolean {
    const known = this.deps.ledger.events(donation.id).some((e) => (e.detail.extraPayment as { id?: string } | undefined)?.id === payment.id);
    if (known) return false;
    this.deps.ledger.note(donation.id, 'reconciliation', { extraPayment: { id: payment.id, status: payment.status, amountPaise: payment.amount } });
    this.deps.log(`reconciliation: donation ${donation.id}: a second payment ${payment.id} (${payment.status}, ${payment.amount / 100} INR) is on its already-paid order ${donation.orderId ?? ''}: refund it`);
    this.extrasThisPass += 1;
    return true;
  }

  private move(donation: Donation, to: DonationState, patch: Parameters<Ledger['transition']>[3], detail: Record<string, unknown>): Donation | null {
    const moved = this.deps.ledger.transition(donation.id, to, 'reconciliation', patch, detail);
    if (moved.ok) return moved.donation;
    const why = moved.reason === 'illegal_transition' ? `${moved.from} -> ${moved.to} is not allowed` : moved.reason;
    this.deps.log(`reconciliation: donation ${donation.id}: refused transition to ${to}: ${why}`);
    return null;
  }

  /** One rate-limited gateway call; ends the share when its calls are used, the pass when Razorpay is unreachable or busy. */
  private async call<T>(run: () => Promise<GatewayResult<T>>): Promise<GatewayResult<T>> {
    if (this.callsThisPass >= this.deps.options.maxCallsPerPass) throw new PassInterrupted('call budget used');
    if (this.callsThisPass >= this.shareLimit) throw new ShareUsed();
    if (this.callsThisPass > 0) await this.sleep(this.deps.options.minGapMs);
    this.callsThisPass += 1;
    const result = await run();
    if (!result.ok) {
      const { error } = result;
      if (error.kind === 'network') throw new PassInterrupted(`Razorpay unreachable: ${describeGatewayError(error)}`);
      if (error.kind === 'http' && error.status === 429) throw new PassInterrupted('Razorpay asked us to slow down (429)');
      this.deps.log(`reconciliation: gateway error: ${describeGatewayError(error)}`);
    }
    return result;
  }
}
