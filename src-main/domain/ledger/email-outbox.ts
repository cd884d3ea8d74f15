// The email-receipt outbox, a table in the ledger (migration 7): one row per
// receipt and address. It is the whole state of sending, so a restart, a
// crash or a day offline loses nothing: the mailer (src-main/services/
// receipt-mailer.ts) asks it what is due, and records each attempt here.
//
// Delivery is at least once: a kiosk that dies after the mail server took a
// message but before the row says "sent" sends it again after the restart.
import type { DatabaseSync } from 'node:sqlite';

export type ReceiptEmailStatus = 'queued' | 'sent' | 'failed';

export interface ReceiptEmail {
  id: number;
  donationId: string;
  recipient: string;
  status: ReceiptEmailStatus;
  /** Attempts since it was queued (or queued again by the operator). */
  attempts: number;
  /** While queued: not before this (ms since the epoch). */
  nextAttemptAt: number | null;
  lastError: string | null;
  messageId: string | null;
  createdAt: number;
  updatedAt: number;
  sentAt: number | null;
  /** The donation's receipt number (null while it has none). */
  receiptNo: string | null;
}

interface Row {
  id: number;
  donation_id: string;
  recipient: string;
  status: string;
  attempts: number;
  next_attempt_at: number | null;
  last_error: string | null;
  message_id: string | null;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
  receipt_no: string | null;
}

const SELECT = 'SELECT e.*, d.receipt_no AS receipt_no FROM receipt_emails e JOIN donations d ON d.id = e.donation_id';

function toEmail(row: Row): ReceiptEmail {
  return {
    id: row.id,
    donationId: row.donation_id,
    recipient: row.recipient,
    status: row.status as ReceiptEmailStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    messageId: row.message_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
    receiptNo: row.receipt_no,
  };
}

export class EmailOutbox {
  private readonly db: DatabaseSync;
  private readonly clock: () => number;

  constructor(db: DatabaseSync, clock: () => number) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * Queues the receipt of `donationId` for `recipient`, due at once. The same
   * receipt to the same address is queued once: asking again returns the row
   * there is (a failed one is queued afresh).
   */
  enqueue(donationId: string, recipient: string): ReceiptEmail {
    const now = this.clock();
    this.db
      .prepare(
        `INSERT INTO receipt_emails (donation_id, recipient, status, attempts, next_attempt_at, created_at, updated_at)
         VALUES (?, ?, 'queued', 0, ?, ?, ?)
         ON CONFLICT (donation_id, recipient) DO UPDATE SET status = 'queued', attempts = 0, next_attempt_at = excluded.next_attempt_at, updated_at = excluded.updated_at
         WHERE receipt_emails.status = 'failed'`,
      )
      .run(donationId, recipient, now, now, now);
    const row = this.db.prepare(`${SELECT} WHERE e.donation_id = ? AND e.recipient = ?`).get(donationId, recipient) as Row | undefined;
    if (!row) throw new Error(`receipt email for ${donationId} vanished after it was queued`);
    return toEmail(row);
  }

  get(id: number): ReceiptEmail | undefined {
    const row = this.db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as Row | undefined;
    return row ? toEmail(row) : undefined;
  }

  forDonation(donationId: string): ReceiptEmail[] {
    const rows = this.db.prepare(`${SELECT} WHERE e.donation_id = ? ORDER BY e.id`).all(donationId) as unknown as Row[];
    return rows.map(toEmail);
  }

  /** Queued and due at `now`, oldest first. */
  due(now: number, limit: number): ReceiptEmail[] {
    const rows = this.db
      .prepare(`${SELECT} WHERE e.status = 'queued' AND e.next_attempt_at <= ? ORDER BY e.next_attempt_at, e.id LIMIT ?`)
      .all(now, limit) as unknown as Row[];
    return rows.map(toEmail);
  }

  /** When the next queued email is due; null when none is queued. */
  nextDueAt(): number | null {
    const row = this.db.prepare("SELECT MIN(next_attempt_at) AS at FROM receipt_emails WHERE status = 'queued'").get() as { at: number | null } | undefined;
    return row?.at ?? null;
  }

  markSent(id: number, messageId: string | null): void {
    const now = this.clock();
    this.db
      .prepare("UPDATE receipt_emails SET status = 'sent', attempts = attempts + 1, next_attempt_at = NULL, last_error = NULL, message_id = ?, sent_at = ?, updated_at = ? WHERE id = ?")
      .run(messageId, now, now, id);
  }

  /** The attempt failed; it is tried again at `nextAttemptAt`. */
  markRetry(id: number, error: string, nextAttemptAt: number): void {
    this.db
      .prepare('UPDATE receipt_emails SET attempts = attempts + 1, next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?')
      .run(nextAttemptAt, error, this.clock(), id);
  }

  /** The server refused the address for good, or the outbox gave up: the operator can send it again. */
  markFailed(id: number, error: string): void {
    this.db
      .prepare("UPDATE receipt_emails SET status = 'failed', attempts = attempts + 1, next_attempt_at = NULL, last_error = ?, updated_at = ? WHERE id = ?")
      .run(error, this.clock(), id);
  }

  /** The operator's "Send again": queued afresh, due at once (a sent one goes once more). */
  resend(id: number): ReceiptEmail | undefined {
    const now = this.clock();
    this.db.prepare("UPDATE receipt_emails SET status = 'queued', attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ?").run(now, now, id);
    return this.get(id);
  }

  /** Everything queued becomes due now (the operator changed the mail settings). */
  retryQueuedNow(): number {
    const now = this.clock();
    const result = this.db.prepare("UPDATE receipt_emails SET next_attempt_at = ?, updated_at = ? WHERE status = 'queued' AND next_attempt_at > ?").run(now, now, now);
    return Number(result.changes);
  }

  /** Newest first. */
  list(options: { status?: ReceiptEmailStatus; limit?: number } = {}): ReceiptEmail[] {
    const limit = options.limit ?? 100;
    const rows = (
      options.status === undefined
        ? this.db.prepare(`${SELECT} ORDER BY e.created_at DESC, e.id DESC LIMIT ?`).all(limit)
        : this.db.prepare(`${SELECT} WHERE e.status = ? ORDER BY e.created_at DESC, e.id DESC LIMIT ?`).all(options.status, limit)
    ) as unknown as Row[];
    return rows.map(toEmail);
  }

  counts(): Record<ReceiptEmailStatus, number> {
    const counts: Record<ReceiptEmailStatus, number> = { queued: 0, sent: 0, failed: 0 };
    const rows = this.db.prepare('SELECT status, COUNT(*) AS n FROM receipt_emails GROUP BY status').all() as { status: ReceiptEmailStatus; n: number }[];
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }
}
