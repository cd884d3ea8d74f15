// One event, many kiosks (issue 17), with no server of our own: the charity's
// Razorpay account is the record every kiosk can read. Each kiosk
//  - claims its kiosk id for the event at set-up and checks the claim at every
//    start (kiosk-id-claim.ts), and holds donations while the id is not its own;
//  - reads the event's orders and payments from Razorpay at most once a minute
//    (read-budget.ts): the first read from the event's first day, later ones
//    from near the newest order or payment it has seen (an older order that
//    is paid now shows up as a new captured payment), and a full one again
//    every hour (a payment authorised late, razorpay.md §2, was created long
//    before it was captured);
//  - keeps what it read in the ledger's file (event-order-cache.ts), and adds
//    its own paid donations that Razorpay has not listed yet (event-totals.ts).
// Offline, it shows what it last knew and says so.
import type { AttractInfo, EventFleetView, EventTotals, KioskIdCheck } from '../../contract/kiosk-api.ts';
import type { KioskConfig } from '../kiosk-config.ts';
import type { Ledger } from '../ledger/ledger.ts';
import { describeGatewayError } from '../gateway/gateway-error.ts';
import { indianDayRange } from '../../../src-shared/india-time.ts';
import { DONOR_WALL_SIZE } from '../attract.ts';
import { readAllPages, type AccountOrder, type AccountReads } from './account-reads.ts';
import type { CachedEventOrder, EventOrderCache, StoredKioskClaim } from './event-order-cache.ts';
import { kioskClaimReceipt, readEventNotes } from './event-notes.ts';
import { cashGiftsOf, eventPayments, listedEvent, recentDonors, totalOf, type ListedEvent } from './event-totals.ts';
import { claimKioskId } from './kiosk-id-claim.ts';
import { ReadBudget } from './read-budget.ts';
import { eventReportCsv, type EventReport } from './event-report.ts';

/** A full read again this often: it finds other kiosks' orders that were paid long after they were made. */
export const FULL_READ_EVERY_MS = 60 * 60_000;
/**
 * An incremental read starts this far before the newest order or payment seen:
 * orders and payments made while the last read ran, one-second created_at,
 * and a payment captured a little after it was made.
 */
export const READ_OVERLAP_SECONDS = 120;
/** Without a successful read for this many gaps, the figures are marked as last known even if Razorpay answers other calls. */
const STALE_AFTER_GAPS = 3;

export interface EventFleetTimers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: EventFleetTimers = {
  set: (run, ms) => {
    const handle = setTimeout(run, ms);
    handle.unref();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface EventFleetDeps {
  ledger: Ledger;
  reads: AccountReads;
  getConfig: () => KioskConfig;
  /** Razorpay answers (connectivity-monitor.ts). */
  isOnline: () => boolean;
  now: () => number;
  /** At most one read per this many ms (read-budget.ts); tests make it short. */
  readGapMs: number;
  log: (line: string) => void;
  timers?: EventFleetTimers;
}

/** The event this kiosk is set to, and the part of Razorpay's history that is the event. */
interface EventWindow {
  eventId: string;
  eventName: string;
  startDate: string;
  kioskId: string;
  /** Unix seconds: the start of the event's first local day. */
  fromUnix: number;
  /** The read state's key: a new start day is a new window. */
  key: string;
}

export type RefreshOutcome = 'read' | 'not_due' | 'busy' | 'failed' | 'no_event';

export interface ReadFigures {
  requests: number;
  orders: number;
  payments: number;
  full: boolean;
}

function windowOf(config: KioskConfig): EventWindow | null {
  // The event's first day in India's calendar, as every kiosk of the event counts it.
  const day = indianDayRange(config.eventStartDate);
  if (config.eventId === '' || day === null) return null;
  return {
    eventId: config.eventId,
    eventName: config.eventName,
    startDate: config.eventStartDate,
    kioskId: config.kioskId,
    fromUnix: Math.floor(day.from / 1000),
    key: `${config.eventId}\n${config.eventStartDate}`,
  };
}

export class EventFleet {
  readonly #deps: EventFleetDeps;
  readonly #timers: EventFleetTimers;
  readonly #cache: EventOrderCache;
  readonly #installationId: string;
  readonly #budget: ReadBudget;
  #window: EventWindow | null = null;
  #listed: ListedEvent = { payments: [], paidOrderIds: new Set() };
  #updatedAt: number | null = null;
  #lastReadFailed = false;
  #claim: { state: 'checking' } | { state: 'ours' | 'taken'; stored: StoredKioskClaim } = { state: 'checking' };
  #reading: Promise<RefreshOutcome> | null = null;
  #claiming: Promise<void> | null = null;
  #timer: unknown = null;
  #closed = false;
  /** The last read's figures (npm run bench). */
  lastRead: ReadFigures | null = null;

  constructor(deps: EventFleetDeps) {
    this.#deps = deps;
    this.#timers = deps.timers ?? realTimers;
    this.#cache = deps.ledger.eventOrderCache();
    this.#installationId = deps.ledger.installationId();
    this.#budget = new ReadBudget({ gapMs: deps.readGapMs, now: deps.now, lastAttemptAt: this.#cache.lastAttemptAt() });
    this.#adopt(deps.getConfig());
  }

  get installationId(): string {
    return this.#installationId;
  }

  /** Checks the kiosk id and reads the event as soon as the budget allows (start-up). */
  start(): void {
    if (this.#window === null) return;
    void this.checkKioskId();
    this.#schedule(0);
  }

  /** The operator saved settings: a new event, start day or kiosk id is claimed and read afresh. */
  configChanged(): void {
    const before = this.#window;
    this.#adopt(this.#deps.getConfig());
    const after = this.#window;
    if (after === null) {
      this.#cancelTimer();
      return;
    }
    if (before?.key !== after.key || before.kioskId !== after.kioskId) {
      void this.checkKioskId();
      this.#schedule(0);
    }
  }

  /** Razorpay answers again: catch up as soon as the budget allows. */
  onOnline(): void {
    if (this.#window === null) return;
    if (this.#claim.state === 'checking') void this.checkKioskId();
    this.#schedule(0);
  }

  /** While the kiosk id is not confirmed as this kiosk's for the event, no donation starts. */
  hold(): 'checking' | 'taken' | null {
    if (this.#window === null || this.#claim.state === 'ours') return null;
    return this.#claim.state;
  }

  /** Claims the kiosk id for the event, or confirms the claim (at start-up, after a settings change, until it succeeds). */
  checkKioskId(): Promise<void> {
    this.#claiming ??= this.#checkKioskIdOnce().finally(() => {
      this.#claiming = null;
    });
    return this.#claiming;
  }

  async #checkKioskIdOnce(): Promise<void> {
    const window = this.#window;
    if (window === null) return;
    const outcome = await claimKioskId(this.#deps.reads, { eventId: window.eventId, eventStartDate: window.startDate, kioskId: window.kioskId, installationId: this.#installationId });
    if (this.#window?.key !== window.key || this.#window.kioskId !== window.kioskId) return; // the settings changed meanwhile
    if (!outcome.ok) {
      this.#deps.log(`event ${window.eventId}: kiosk id ${window.kioskId} not checked yet: ${describeGatewayError(outcome.error)}`);
      return;
    }
    const stored: StoredKioskClaim = {
      receipt: outcome.value.receipt,
      eventId: window.eventId,
      kioskId: window.kioskId,
      ownerInstallationId: outcome.value.ownerInstallationId,
      ownerSince: outcome.value.ownerSince,
      checkedAt: this.#deps.now(),
    };
    this.#cache.saveClaim(stored);
    const state = outcome.value.ours ? 'ours' : 'taken';
    if (this.#claim.state !== state) {
      this.#deps.log(
        state === 'ours'
          ? `event ${window.eventId}: kiosk id ${window.kioskId} is this kiosk's (installation ${this.#installationId})`
          : `event ${window.eventId}: kiosk id ${window.kioskId} is ALREADY USED by another kiosk (installation ${outcome.value.ownerInstallationId}); donations are paused until the operator changes it`,
      );
    }
    this.#claim = { state, stored };
  }

  /**
   * One read of the event, if the budget allows it now: the orders and the
   * payments Razorpay lists from `from` on, page by page, into the cache.
   */
  refresh(): Promise<RefreshOutcome> {
    if (this.#window === null) return Promise.resolve('no_event');
    if (this.#reading) return Promise.resolve('busy');
    if (!this.#budget.take()) return Promise.resolve('not_due');
    this.#reading = this.#readOnce(this.#window).finally(() => {
      this.#reading = null;
    });
    return this.#reading;
  }

  async #readOnce(window: EventWindow): Promise<RefreshOutcome> {
    const now = this.#deps.now();
    this.#cache.recordAttempt(window.key, now);
    const state = this.#cache.readState(window.key);
    const full = state.highWater === null || state.lastFullReadAt === null || now - state.lastFullReadAt >= FULL_READ_EVERY_MS;
    const from = full ? window.fromUnix : Math.max(window.fromUnix, (state.highWater ?? window.fromUnix) - READ_OVERLAP_SECONDS);

    const orders = await readAllPages((query) => this.#deps.reads.listOrders(query), from);
    if (!orders.ok) return this.#readFailed(window, describeGatewayError(orders.error));
    const payments = await readAllPages((query) => this.#deps.reads.listPayments(query), from);
    if (!payments.ok) return this.#readFailed(window, describeGatewayError(payments.error));
    if (this.#window?.key !== window.key) return 'read'; // the event changed meanwhile: the next read is the new event's

    const eventOrders: Omit<CachedEventOrder, 'paymentId' | 'paymentMethod'>[] = [];
    for (const order of orders.value.items) {
      const cached = toCached(order, window.eventId);
      if (cached) eventOrders.push(cached);
    }
    this.#cache.saveOrders(eventOrders);
    this.#cache.savePayments(
      payments.value.items
        .filter((p) => p.status === 'captured' && typeof p.order_id === 'string')
        .map((p) => ({ orderId: p.order_id ?? '', paymentId: p.id, method: p.method ?? null })),
    );
    let newest = state.highWater ?? 0;
    for (const item of [...orders.value.items, ...payments.value.items]) newest = Math.max(newest, item.created_at);
    this.#cache.saveReadState(window.key, { highWater: newest > 0 ? newest : null, lastReadAt: now, lastFullReadAt: full ? now : state.lastFullReadAt });
    this.#lastReadFailed = false;
    this.lastRead = { requests: orders.value.requests + payments.value.requests, orders: orders.value.items.length, payments: payments.value.items.length, full };
    this.#load(window);
    return 'read';
  }

  #readFailed(window: EventWindow, why: string): RefreshOutcome {
    if (!this.#lastReadFailed) this.#deps.log(`event ${window.eventId}: reading Razorpay failed (${why}); showing the figures last read`);
    this.#lastReadFailed = true;
    return 'failed';
  }

  /** The welcome screen's goal and donor wall for the whole event; null without an event id (attract.ts then answers). */
  attractInfo(config: Pick<KioskConfig, 'goalRupees' | 'showDonorWall'>): AttractInfo | null {
    const window = this.#window;
    if (window === null) return null;
    const payments = eventPayments(this.#listed, this.#deps.ledger.listPaidForEvent(window.eventId), this.#installationId);
    const totals = this.#totals(window, payments);
    return {
      goalRupees: config.goalRupees,
      raisedRupees: totals.raisedRupees,
      recentDonors: config.showDonorWall ? recentDonors(payments, DONOR_WALL_SIZE) : [],
      event: totals,
    };
  }

  /** The console's "this event" card; null without an event id. */
  operatorView(): EventFleetView | null {
    const window = this.#window;
    if (window === null) return null;
    const own = this.#deps.ledger.listPaidForEvent(window.eventId);
    const payments = eventPayments(this.#listed, own, this.#installationId);
    const cash = cashGiftsOf(own);
    return {
      totals: this.#totals(window, payments),
      kioskIdCheck: this.#kioskIdCheck(window),
      cashRupees: cash.reduce((sum, gift) => sum + gift.amountPaise, 0) / 100,
      cashGifts: cash.length,
      nextReadAt: new Date(Math.max(this.#budget.nextAllowedAt(), this.#deps.now())).toISOString(),
    };
  }

  /** The event report (event-report.ts), from the last read; null without an event id. */
  report(): (EventReport & { asOf: number | null; lastKnown: boolean; eventId: string }) | null {
    const window = this.#window;
    if (window === null) return null;
    const own = this.#deps.ledger.listPaidForEvent(window.eventId);
    const lastKnown = this.#lastKnown();
    const report = eventReportCsv({
      eventId: window.eventId,
      eventName: window.eventName,
      payments: eventPayments(this.#listed, own, this.#installationId),
      cashGifts: cashGiftsOf(own),
      self: { kioskId: window.kioskId, installationId: this.#installationId },
      ledgerDonationFor: (orderId) => this.#deps.ledger.findByOrderId(orderId),
      asOf: this.#updatedAt,
      lastKnown,
    });
    return { ...report, asOf: this.#updatedAt, lastKnown, eventId: window.eventId };
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#cancelTimer();
    await Promise.allSettled([this.#reading, this.#claiming]);
  }

  #totals(window: EventWindow, payments: Parameters<typeof totalOf>[0]): EventTotals {
    const total = totalOf(payments);
    return {
      eventId: window.eventId,
      raisedRupees: Math.floor(total.amountPaise / 100),
      donations: total.payments,
      kiosks: total.shares.map((share) => ({
        kioskId: share.kioskId,
        raisedRupees: Math.floor(share.amountPaise / 100),
        donations: share.payments,
        thisKiosk: share.kioskId === window.kioskId,
      })),
      updatedAt: this.#updatedAt === null ? null : new Date(this.#updatedAt).toISOString(),
      lastKnown: this.#lastKnown(),
    };
  }

  #lastKnown(): boolean {
    if (!this.#deps.isOnline() || this.#lastReadFailed) return true;
    return this.#updatedAt !== null && this.#deps.now() - this.#updatedAt > STALE_AFTER_GAPS * this.#deps.readGapMs;
  }

  #kioskIdCheck(window: EventWindow): KioskIdCheck {
    const claim = this.#claim;
    // Payments under this kiosk id from another installation: none while the claim works; older kiosks' orders carry no installation id.
    const foreign = this.#listed.payments.filter((p) => p.kioskId === window.kioskId && p.installationId !== null && p.installationId !== this.#installationId).length;
    return {
      state: claim.state,
      kioskId: window.kioskId,
      takenSince: claim.state === 'taken' ? new Date(claim.stored.ownerSince * 1000).toISOString() : null,
      foreignPayments: claim.state === 'ours' ? foreign : 0,
    };
  }

  /** Takes the settings' event; the claim and the figures come from the ledger until Razorpay is read. */
  #adopt(config: KioskConfig): void {
    const window = windowOf(config);
    const sameWindow = window !== null && this.#window?.key === window.key;
    this.#window = window;
    if (window === null) {
      this.#listed = { payments: [], paidOrderIds: new Set() };
      return;
    }
    if (!sameWindow) {
      this.#lastReadFailed = false;
      this.#load(window);
    }
    // A claim Razorpay confirmed before stands until it says otherwise (the first claim wins for good, kiosk-id-claim.ts).
    const stored = this.#cache.claim(claimReceiptFor(window));
    if (stored === null) this.#claim = { state: 'checking' };
    else this.#claim = { state: stored.ownerInstallationId === this.#installationId ? 'ours' : 'taken', stored };
  }

  #load(window: EventWindow): void {
    const orders = this.#cache.orders(window.eventId, window.fromUnix);
    this.#listed = listedEvent(orders);
    const state = this.#cache.readState(window.key);
    this.#updatedAt = state.lastReadAt;
  }

  #schedule(delayMs: number): void {
    if (this.#closed || this.#window === null) return;
    this.#cancelTimer();
    const wait = Math.max(delayMs, this.#budget.nextAllowedAt() - this.#deps.now());
    this.#timer = this.#timers.set(() => {
      this.#timer = null;
      void this.#tick();
    }, wait);
  }

  async #tick(): Promise<void> {
    if (this.#claim.state === 'checking') await this.checkKioskId();
    await this.refresh();
    this.#schedule(0);
  }

  #cancelTimer(): void {
    if (this.#timer !== null) this.#timers.clear(this.#timer);
    this.#timer = null;
  }
}

function claimReceiptFor(window: EventWindow): string {
  return kioskClaimReceipt(window.eventId, window.startDate, window.kioskId);
}

/** An order of the event, as the cache keeps it; null for any other order on the account. */
function toCached(order: AccountOrder, eventId: string): Omit<CachedEventOrder, 'paymentId' | 'paymentMethod'> | null {
  const notes = readEventNotes(order.notes);
  if (notes === null || notes.eventId !== eventId) return null;
  return {
    orderId: order.id,
    eventId,
    kioskId: notes.kioskId,
    installationId: notes.installationId,
    donationId: notes.donationId,
    purpose: notes.purpose,
    amountPaise: order.status === 'paid' && order.amount_paid !== undefined && order.amount_paid > 0 ? order.amount_paid : order.amount,
    status: order.status,
    donorFirstName: notes.donorFirstName,
    receipt: order.receipt ?? null,
    createdAt: order.created_at,
  };
}
