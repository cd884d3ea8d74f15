// The event's orders as Razorpay last listed them, kept in the ledger's file
// (migration 8) so that a restarted kiosk, or one that cannot reach Razorpay,
// still shows what it last knew, and so the next read only asks for what is
// new. A cache, never the record of money: the ledger's own donations stay
// in `donations`, and Razorpay can always be read again from the event's start.
import type { DatabaseSync } from 'node:sqlite';
import type { EventOrderPurpose } from './event-notes.ts';

export interface CachedEventOrder {
  orderId: string;
  eventId: string;
  kioskId: string;
  installationId: string | null;
  donationId: string | null;
  purpose: EventOrderPurpose;
  /** The order's amount (a paid order's amount_paid is the same). */
  amountPaise: number;
  /** Razorpay's order status: created, attempted or paid. */
  status: string;
  donorFirstName: string | null;
  /** The order's receipt (kiosk id and donation id, donation-ids.ts). */
  receipt: string | null;
  /** The captured payment, once a payments read has seen it. */
  paymentId: string | null;
  paymentMethod: string | null;
  /** Razorpay's created_at, Unix seconds. */
  createdAt: number;
}

/** How far the reads of one event window got (Unix seconds from Razorpay, or the kiosk's ms clock where it says so). */
export interface EventReadState {
  /** The newest created_at Razorpay listed (any event's order or payment): the next incremental read starts near it. */
  highWater: number | null;
  /** Kiosk clock, ms: the last read that succeeded. */
  lastReadAt: number | null;
  /** Kiosk clock, ms: the last read that started at the event's first day. */
  lastFullReadAt: number | null;
}

/** What Razorpay said about the claim on a kiosk id (kiosk-id-claim.ts). */
export interface StoredKioskClaim {
  receipt: string;
  eventId: string;
  kioskId: string;
  ownerInstallationId: string;
  /** Razorpay's created_at of the claim order, Unix seconds. */
  ownerSince: number;
  /** Kiosk clock, ms. */
  checkedAt: number;
}

interface OrderRow {
  order_id: string;
  event_id: string;
  kiosk_id: string;
  installation_id: string | null;
  donation_id: string | null;
  purpose: string;
  amount_paise: number;
  status: string;
  donor_first_name: string | null;
  receipt: string | null;
  payment_id: string | null;
  payment_method: string | null;
  created_at: number;
}

function toOrder(row: OrderRow): CachedEventOrder {
  return {
    orderId: row.order_id,
    eventId: row.event_id,
    kioskId: row.kiosk_id,
    installationId: row.installation_id,
    donationId: row.donation_id,
    purpose: row.purpose === 'kiosk_claim' ? 'kiosk_claim' : 'donation',
    amountPaise: row.amount_paise,
    status: row.status,
    donorFirstName: row.donor_first_name,
    receipt: row.receipt,
    paymentId: row.payment_id,
    paymentMethod: row.payment_method,
    createdAt: row.created_at,
  };
}

export class EventOrderCache {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /** Adds or replaces orders as Razorpay listed them; a payment already seen for an order is kept. One transaction. */
  saveOrders(orders: readonly Omit<CachedEventOrder, 'paymentId' | 'paymentMethod'>[]): void {
    if (orders.length === 0) return;
    const upsert = this.#db.prepare(
      `INSERT INTO event_orders (order_id, event_id, kiosk_id, installation_id, donation_id, purpose, amount_paise, status, donor_first_name, receipt, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (order_id) DO UPDATE SET status = excluded.status, amount_paise = excluded.amount_paise`,
    );
    this.#inTransaction(() => {
      for (const o of orders) {
        upsert.run(o.orderId, o.eventId, o.kioskId, o.installationId, o.donationId, o.purpose, o.amountPaise, o.status, o.donorFirstName, o.receipt, o.createdAt);
      }
    });
  }

  /**
   * Records the captured payment of cached orders, and so that they are paid
   * (an order is paid when a payment on it is captured, razorpay.md §1.2):
   * an older order paid since the last read is found by its new payment.
   * Orders of other events are not cached and are skipped.
   */
  savePayments(payments: readonly { orderId: string; paymentId: string; method: string | null }[]): void {
    if (payments.length === 0) return;
    const update = this.#db.prepare("UPDATE event_orders SET payment_id = ?, payment_method = ?, status = 'paid' WHERE order_id = ?");
    this.#inTransaction(() => {
      for (const p of payments) update.run(p.paymentId, p.method, p.orderId);
    });
  }

  /** The event's orders created at or after `fromUnix`, oldest first. */
  orders(eventId: string, fromUnix: number): CachedEventOrder[] {
    const rows = this.#db
      .prepare('SELECT * FROM event_orders WHERE event_id = ? AND created_at >= ? ORDER BY created_at, order_id')
      .iterate(eventId, fromUnix);
    return Array.from(rows as Iterable<unknown> as Iterable<OrderRow>, toOrder);
  }

  readState(eventKey: string): EventReadState {
    const row = this.#db.prepare('SELECT * FROM event_reads WHERE event_key = ?').get(eventKey) as
      | { high_water: number | null; last_read_at: number | null; last_full_read_at: number | null }
      | undefined;
    return { highWater: row?.high_water ?? null, lastReadAt: row?.last_read_at ?? null, lastFullReadAt: row?.last_full_read_at ?? null };
  }

  saveReadState(eventKey: string, state: EventReadState): void {
    this.#db
      .prepare(
        `INSERT INTO event_reads (event_key, high_water, last_read_at, last_full_read_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (event_key) DO UPDATE SET high_water = excluded.high_water, last_read_at = excluded.last_read_at, last_full_read_at = excluded.last_full_read_at`,
      )
      .run(eventKey, state.highWater, state.lastReadAt, state.lastFullReadAt);
  }

  /** Kiosk clock, ms: the latest read attempt of any event (the read budget survives a restart). */
  lastAttemptAt(): number | null {
    const row = this.#db.prepare('SELECT MAX(last_attempt_at) AS at FROM event_reads').get() as { at: number | null } | undefined;
    return row?.at ?? null;
  }

  recordAttempt(eventKey: string, at: number): void {
    this.#db
      .prepare('INSERT INTO event_reads (event_key, last_attempt_at) VALUES (?, ?) ON CONFLICT (event_key) DO UPDATE SET last_attempt_at = excluded.last_attempt_at')
      .run(eventKey, at);
  }

  claim(receipt: string): StoredKioskClaim | null {
    const row = this.#db.prepare('SELECT * FROM kiosk_id_claims WHERE claim_receipt = ?').get(receipt) as
      | { claim_receipt: string; event_id: string; kiosk_id: string; owner_installation_id: string; owner_since: number; checked_at: number }
      | undefined;
    if (!row) return null;
    return {
      receipt: row.claim_receipt,
      eventId: row.event_id,
      kioskId: row.kiosk_id,
      ownerInstallationId: row.owner_installation_id,
      ownerSince: row.owner_since,
      checkedAt: row.checked_at,
    };
  }

  saveClaim(claim: StoredKioskClaim): void {
    this.#db
      .prepare(
        `INSERT INTO kiosk_id_claims (claim_receipt, event_id, kiosk_id, owner_installation_id, owner_since, checked_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (claim_receipt) DO UPDATE SET owner_installation_id = excluded.owner_installation_id, owner_since = excluded.owner_since, checked_at = excluded.checked_at`,
      )
      .run(claim.receipt, claim.eventId, claim.kioskId, claim.ownerInstallationId, claim.ownerSince, claim.checkedAt);
  }

  #inTransaction(work: () => void): void {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      work();
      this.#db.exec('COMMIT');
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    }
  }
}
