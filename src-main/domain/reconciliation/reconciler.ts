// Brings every unsettled donation in line with what Razorpay reports
// (razorpay.md §8), following the rules in reconcile-rules.ts.
//
// - Idempotent: it only writes a transition when Razorpay says something the
//   ledger does not yet show, so a second pass over the same facts writes nothing.
// - Resumes after a crash: its work list is the ledger's unsettled donations,
//   so nothing in memory is needed to continue. What it does keep in memory
//   only saves calls: when each donation was last asked about (older ones are
//   asked less often) and where a pass cut short stopped; losing them just
//   means asking once more.
// - Bounded in rate: at most `maxCallsPerPass` gateway calls per pass, at least
//   `minGapMs` apart; a pass stops early when Razorpay is unreachable or busy.
import type { Donation, Ledger, DonationPatch } from '../ledger/ledger.ts';
import type { DonationState } from '../ledger/donation-states.ts';
import type { GatewayResult } from '../gateway/gateway-error.ts';
import { describeGatewayError } from '../gateway/gateway-error.ts';
import type { GatewayPayment, PaymentGateway } from '../gateway/razorpay-gateway.ts';
import { decideOnOrderLookup, decideOnPayments, isDue, planFor, type ReconcileRuleOptions } from './reconcile-rules.ts';

export interface ReconcilerOptions extends ReconcileRuleOptions {
  maxCallsPerPass: number;
  minGapMs: number;
}

export interface ReconcilerDeps {
  ledger: Ledger;
  gateway: PaymentGateway;
  options: ReconcilerOptions;
  log: (line: string) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface PassSummary {
  checked: number;
  settled: number;
  recovered: number;
  /** Second payments found on orders that were already paid. */
  extraPayments: number;
  /** Why the pass ended before the end of the list, if it did. */
  stoppedEarly: string | null;
}

/** Raised inside a pass to end it: Razorpay cannot take more calls now. */
class PassInterrupted extends Error {}

const KNOWN_METHODS = new Set(['upi', 'card', 'netbanking', 'wallet', 'emi']);

export class Reconciler {
  private readonly deps: ReconcilerDeps;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private running: Promise<PassSummary> | null = null;
  private lastCheckedId: string | null = null;
  private readonly lastCheckedAt = new Map<string, number>();
  private callsThisPass = 0;
  private stopped = false;

  constructor(deps: ReconcilerDeps) {
    this.deps = deps;
    // Read through Date.now each time, so a clock moved for tests (or by NTP) is seen.
    this.now = deps.now ?? (() => Date.now());
    this.sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** One pass over the unsettled donations. Concurrent callers share the pass in progress. */
  runOnce(): Promise<PassSummary> {
    if (this.stopped) return Promise.resolve({ checked: 0, settled: 0, recovered: 0, extraPayments: 0, stoppedEarly: 'reconciler stopped' });
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
    const summary: PassSummary = { checked: 0, settled: 0, recovered: 0, extraPayments: 0, stoppedEarly: null };
    this.callsThisPass = 0;
    const work = this.rotate(this.deps.ledger.listUnsettled());
    try {
      for (const donation of work) {
        if (this.stopped) {
          summary.stoppedEarly = 'reconciler stopped';
          break;
        }
        if (this.callsThisPass >= this.deps.options.maxCallsPerPass) {
          summary.stoppedEarly = 'call budget used';
          break;
        }
        const outcome = await this.reconcile(donation);
        if (outcome === 'skipped') continue;
        // Only once the checks are done: a pass cut short (offline, 429) leaves it due.
        summary.checked += 1;
        this.lastCheckedId = donation.id;
        this.lastCheckedAt.set(donation.id, this.now());
        if (outcome === 'settled' || outcome === 'recovered') summary.settled += 1;
        if (outcome === 'recovered') summary.recovered += 1;
      }
      if (!summary.stoppedEarly) summary.extraPayments = await this.findExtraPayments();
    } catch (error) {
      if (!(error instanceof PassInterrupted)) throw error;
      summary.stoppedEarly = error.message;
    }
    if (!summary.stoppedEarly) this.lastCheckedId = null;
    const extra = summary.extraPayments > 0 ? `, extra payments ${summary.extraPayments}` : '';
    const tail = summary.stoppedEarly ? ` (stopped early: ${summary.stoppedEarly})` : '';
    this.deps.log(`reconciliation: pass complete: checked ${summary.checked}, settled ${summary.settled}, recovered ${summary.recovered}${extra}${tail}`);
    return summary;
  }

  /** Continues after the last donation the previous (cut short) pass reached, then wraps round. */
  private rotate(work: Donation[]): Donation[] {
    const at = this.lastCheckedId ? work.findIndex((d) => d.id === this.lastCheckedId) : -1;
    return at < 0 ? work : [...work.slice(at + 1), ...work.slice(0, at + 1)];
  }

  private async reconcile(initial: Donation): Promise<'skipped' | 'unchanged' | 'progressed' | 'settled' | 'recovered'> {
    const { options } = this.deps;
    let donation = initial;
    if (!isDue(donation, this.lastCheckedAt.get(donation.id), this.now())) return 'skipped';
    const plan = planFor(donation, this.now(), options);
    if (plan.kind === 'skip') return 'skipped';

    let progressed = false;
    if (plan.kind === 'find_order') {
      const found = await this.call(() => this.deps.gateway.findOrderByReceipt(donation.receipt));
      if (!found.ok) return 'unchanged';
      const decision = decideOnOrderLookup(donation, found.value?.id ?? null, this.now(), options);
      if (decision.kind === 'leave') return 'unchanged';
      if (decision.kind === 'expire') return this.move(donation, 'expired', {}, { why: decision.why }) ? 'settled' : 'unchanged';
      const moved = this.move(donation, 'order_created', { orderId: decision.orderId }, { foundByReceipt: donation.receipt });
      if (!moved) return 'unchanged';
      donation = moved;
      progressed = true;
    }

    if (!donation.orderId) return progressed ? 'progressed' : 'unchanged';
    const orderId = donation.orderId;
    const payments = await this.call(() => this.deps.gateway.fetchOrderPayments(orderId));
    if (!payments.ok) return progressed ? 'progressed' : 'unchanged';
    const decision = decideOnPayments(donation, payments.value, this.now(), options);
    switch (decision.kind) {
      case 'leave':
        return progressed ? 'progressed' : 'unchanged';
      case 'expire':
        return this.move(donation, 'expired', {}, { why: decision.why }) ? 'settled' : 'unchanged';
      case 'mark_paid':
        return this.markPaid(donation, decision.payment, decision.recovered);
      case 'capture': {
        const captured = await this.call(() => this.deps.gateway.capturePayment(decision.payment.id, donation.amountPaise));
        if (!captured.ok || captured.value.status !== 'captured') {
          const detail = captured.ok ? `capture left it ${captured.value.status}` : describeGatewayError(captured.error);
          this.deps.log(`reconciliation: donation ${donation.id}: payment ${decision.payment.id} is authorised; capture not done yet: ${detail}`);
          return progressed ? 'progressed' : 'unchanged';
        }
        return this.markPaid(donation, captured.value, decision.recovered);
      }
    }
  }

  private markPaid(donation: Donation, payment: GatewayPayment, recovered: boolean): 'settled' | 'recovered' | 'unchanged' {
    let current = donation;
    // A payment on the order proves Checkout was opened even if that step never reached the ledger.
    if (current.state === 'order_created') {
      const opened = this.move(current, 'checkout_open', {}, { inferredFrom: 'a payment exists on the order', paymentId: payment.id });
      if (!opened) return 'unchanged';
      current = opened;
    }
    const method = payment.method && KNOWN_METHODS.has(payment.method) ? payment.method : 'other';
    // When the kiosk learned of the capture: a late-authorised payment's created_at is the failed attempt's time.
    const paidAt = this.now();
    const moved = this.move(
      current,
      'paid',
      { paymentId: payment.id, paymentMethod: method, paidAt, failureCode: null, failureReason: null },
      { paymentId: payment.id, ...(recovered ? { recovered: true, donorSaw: current.state } : {}) },
    );
    if (!moved) return 'unchanged';
    if (!recovered) return 'settled';
    this.deps.log(`reconciliation: donation ${donation.id} recovered: payment ${payment.id} captured after the donor saw ${current.state} (${donation.amountPaise / 100} INR)`);
    return 'recovered';
  }

  /**
   * A donor who saw a failure may have paid again while the first attempt was
   * authorised late: the order then holds a second payment the ledger's paid
   * row does not name. Record each one (once) so no payment goes unknown; the
   * operator report lists them for refund.
   */
  private async findExtraPayments(): Promise<number> {
    let found = 0;
    const since = this.now() - this.deps.options.lateAuthorisationWindowMs;
    for (const donation of this.deps.ledger.listPaidAfterFailedAttempt(since)) {
      if (this.stopped || this.callsThisPass >= this.deps.options.maxCallsPerPass) break;
      const key = `extra:${donation.id}`;
      if (!isDue(donation, this.lastCheckedAt.get(key), this.now()) || !donation.orderId) continue;
      const orderId = donation.orderId;
      const payments = await this.call(() => this.deps.gateway.fetchOrderPayments(orderId));
      this.lastCheckedAt.set(key, this.now());
      if (!payments.ok) continue;
      const known = new Set(this.deps.ledger.events(donation.id).map((e) => (e.detail.extraPayment as { id?: string } | undefined)?.id));
      for (const payment of payments.value) {
        if (payment.id === donation.paymentId || known.has(payment.id)) continue;
        if (payment.status !== 'authorized' && payment.status !== 'captured') continue;
        this.deps.ledger.note(donation.id, 'reconciliation', { extraPayment: { id: payment.id, status: payment.status, amountPaise: payment.amount } });
        this.deps.log(`reconciliation: donation ${donation.id}: a second payment ${payment.id} (${payment.status}, ${payment.amount / 100} INR) is on its already-paid order ${orderId}: refund it`);
        found += 1;
      }
    }
    return found;
  }

  private move(donation: Donation, to: DonationState, patch: DonationPatch, detail: Record<string, unknown>): Donation | null {
    const moved = this.deps.ledger.transition(donation.id, to, 'reconciliation', patch, detail);
    if (moved.ok) return moved.donation;
    const why = moved.reason === 'illegal_transition' ? `${moved.from} -> ${moved.to} is not allowed` : moved.reason;
    this.deps.log(`reconciliation: donation ${donation.id}: refused transition to ${to}: ${why}`);
    return null;
  }

  /** One rate-limited gateway call; ends the pass when Razorpay is unreachable or asks us to slow down. */
  private async call<T>(run: () => Promise<GatewayResult<T>>): Promise<GatewayResult<T>> {
    if (this.callsThisPass >= this.deps.options.maxCallsPerPass) throw new PassInterrupted('call budget used');
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
