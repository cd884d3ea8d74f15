// The kiosk's record of every donation attempt, in SQLite through Node's
// built-in node:sqlite (so the app ships no native module).
//
// Durability: WAL with synchronous=FULL, so a committed step survives a killed
// process and a power cut (NORMAL would be safe against crashes but may lose
// the last commits on power loss, and those are donors' payments).
//
// Time: every timestamp comes from a SteadyClock (../clock.ts), which never
// goes backwards, so a clock set back never dates a receipt before the last
// one, nor a donation before the ones already recorded.
//
// Faults (ledger-fault.ts): a write the disk refuses becomes a
// LedgerFaultError with SQLite's real error (never "cannot rollback - no
// transaction is active"), and listeners hear of it so the kiosk stops taking
// donations. A kiosk ledger (openLedgerFile) also checks, before every write,
// that the file at its path is still the file it opened.
import { DatabaseSync } from 'node:sqlite';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { canTransition, MONEY_ARRIVED, UNSETTLED_STATES, type DonationState, type EventSource } from './donation-states.ts';
import { migrate } from './migrations.ts';
import { financialYearOf } from '../receipts/financial-year.ts';
import { formatReceiptNumber } from '../receipts/receipt-number.ts';
import { SteadyClock } from '../clock.ts';
import { fileReplaced, isLedgerFaultError, isStorageFailure, writeFailure, type LedgerFaultError } from './ledger-fault.ts';
import { ReceiptJournal } from './receipt-journal.ts';
import { killPoint } from '../kill-points.ts';
import { EmailOutbox } from './email-outbox.ts';
import { maskTaxId } from '../receipts/tax-id.ts';
import { IdentityCipherError, isSealed, type IdentityCipher } from './identity-cipher.ts';
import { EventOrderCache } from '../fleet/event-order-cache.ts';

export interface Donation {
  id: string;
  receipt: string;
  kioskId: string;
  cause: string;
  /** The whole order: the gift plus any processing fee the donor added. */
  amountPaise: number;
  /** The part of amountPaise the donor added to cover the processing fee (0 when none). */
  feePaise: number;
  currency: 'INR';
  anonymous: boolean;
  donorName: string | null;
  phone: string | null;
  email: string | null;
  state: DonationState;
  orderId: string | null;
  /** Razorpay's creation time of the order (ms since the epoch, Razorpay's clock); null before migration 5 or without an order. */
  orderCreatedAt: number | null;
  paymentId: string | null;
  paymentMethod: string | null;
  failureCode: string | null;
  failureReason: string | null;
  createdAt: number;
  updatedAt: number;
  paidAt: number | null;
  /** The receipt number (KIOSK-1/2026-27/000001), given when the payment is recorded as captured; null before. */
  receiptNo: string | null;
  /** The donor's 80G details, the identity number masked; null unless the donor asked for an 80G receipt. */
  tax: StoredTaxDetails | null;
}

/** 80G details as the donor gave them (what the ledger is asked to keep). */
export interface TaxDetails {
  nameOnPan: string;
  idType: 'pan' | 'aadhaar';
  idNumber: string;
  address: string;
}

/** 80G details as the ledger gives them back: the PAN or Aadhaar number only masked (revealTaxIdNumber opens it, for Form 10BD). */
export interface StoredTaxDetails {
  nameOnPan: string;
  idType: 'pan' | 'aadhaar';
  /** XXXXXX234F: the last four characters. */
  idNumberMasked: string;
  address: string;
}

export interface LedgerOptions {
  /** Seals PAN and Aadhaar numbers at rest (identity-cipher.ts). Without it the ledger reads but cannot keep or reveal them. */
  identityCipher?: IdentityCipher;
  /** Where issued receipt numbers are also journaled (receipt-journal.ts); none for ledgers only read. */
  receiptJournal?: ReceiptJournal;
  /** Check before every write that the file at `path` is still the one opened (the kiosk's own ledger). */
  watchFile?: boolean;
}

/** A gift the operator received in cash and records in the console. */
export interface NewCashGift {
  id: string;
  receipt: string;
  kioskId: string;
  cause: string;
  amountPaise: number;
  donorName: string;
  phone: string | null;
  tax: TaxDetails | null;
  receivedAt: number;
  /** The event the kiosk was set to (KioskConfig.eventId); absent or null when none. */
  eventId?: string | null;
}

export interface DonationEvent {
  seq: number;
  donationId: string;
  at: number;
  fromState: DonationState | null;
  toState: DonationState;
  source: EventSource;
  detail: Record<string, unknown>;
}

export interface RecoveredDonation {
  donation: Donation;
  recoveredAt: number;
  /** The state the donation was in (what the donor was shown) before the payment was found. */
  donorSawState: DonationState;
}

/** A payment on an already-paid donation's order: money the donor may have given twice. */
export interface ExtraPayment {
  donation: Donation;
  notedAt: number;
  paymentId: string;
  status: string;
  amountPaise: number;
}

export type NewDonation = Pick<Donation, 'id' | 'receipt' | 'kioskId' | 'cause' | 'amountPaise' | 'anonymous' | 'donorName' | 'phone' | 'email'> & {
  /** The donor's 80G details, when the donor asked for an 80G receipt. */
  tax?: TaxDetails | null;
  /** The processing fee the donor chose to add (included in amountPaise). */
  feePaise?: number;
  /** The event the kiosk was set to (KioskConfig.eventId); absent or null when none. */
  eventId?: string | null;
};

/** Fields a transition may set alongside the state. */
export type DonationPatch = Partial<Pick<Donation, 'orderId' | 'orderCreatedAt' | 'paymentId' | 'paymentMethod' | 'failureCode' | 'failureReason' | 'paidAt'>>;

/** A donation rebuilt from its order at Razorpay (its notes carry the kiosk and donation ids) when the ledger lost it (a restore). */
export type RecoveredOrder = Pick<Donation, 'id' | 'receipt' | 'kioskId' | 'cause' | 'amountPaise' | 'feePaise' | 'anonymous' | 'donorName'> & {
  orderId: string;
  orderCreatedAt: number;
};

/** A file's identity: the same (device, inode) until it is deleted, moved away or replaced. */
interface FileIdentity {
  dev: bigint;
  ino: bigint;
}

function identityOf(path: string): FileIdentity | null {
  try {
    const stat = statSync(path, { bigint: true });
    return { dev: stat.dev, ino: stat.ino };
  } catch {
    return null;
  }
}

export type TransitionResult =
  | { ok: true; donation: Donation }
  | { ok: false; reason: 'unknown_donation' }
  | { ok: false; reason: 'illegal_transition'; from: DonationState; to: DonationState };

interface DonationRow {
  id: string;
  receipt: string;
  kiosk_id: string;
  cause: string;
  amount_paise: number;
  fee_paise: number;
  currency: string;
  anonymous: number;
  donor_name: string | null;
  phone: string | null;
  email: string | null;
  state: string;
  order_id: string | null;
  order_created_at: number | null;
  payment_id: string | null;
  payment_method: string | null;
  failure_code: string | null;
  failure_reason: string | null;
  created_at: number;
  updated_at: number;
  paid_at: number | null;
  receipt_no: string | null;
  tax_name: string | null;
  tax_id_type: string | null;
  tax_id_number: string | null;
  tax_id_masked: string | null;
  tax_address: string | null;
}

interface EventRow {
  seq: number;
  donation_id: string;
  at: number;
  from_state: string | null;
  to_state: string;
  source: string;
  detail: string;
}

function toDonation(row: DonationRow): Donation {
  return {
    id: row.id,
    receipt: row.receipt,
    kioskId: row.kiosk_id,
    cause: row.cause,
    amountPaise: row.amount_paise,
    feePaise: row.fee_paise ?? 0,
    currency: 'INR',
    anonymous: row.anonymous === 1,
    donorName: row.donor_name,
    phone: row.phone,
    email: row.email,
    state: row.state as DonationState,
    orderId: row.order_id,
    orderCreatedAt: row.order_created_at ?? null,
    paymentId: row.payment_id,
    paymentMethod: row.payment_method,
    failureCode: row.failure_code,
    failureReason: row.failure_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    paidAt: row.paid_at,
    receiptNo: row.receipt_no,
    tax:
      row.tax_id_type === 'pan' || row.tax_id_type === 'aadhaar'
        ? { nameOnPan: row.tax_name ?? '', idType: row.tax_id_type, idNumberMasked: maskedIdOf(row), address: row.tax_address ?? '' }
        : null,
  };
}

/** The masked number; a clear number in an older row is masked here, a sealed one without its mask shows as X's. */
function maskedIdOf(row: DonationRow): string {
  if (row.tax_id_masked !== null) return row.tax_id_masked;
  const stored = row.tax_id_number ?? '';
  return isSealed(stored) ? 'XXXXXXXXXX' : maskTaxId(stored);
}

const PATCH_COLUMNS: Record<keyof DonationPatch, string> = {
  orderId: 'order_id',
  orderCreatedAt: 'order_created_at',
  paymentId: 'payment_id',
  paymentMethod: 'payment_method',
  failureCode: 'failure_code',
  failureReason: 'failure_reason',
  paidAt: 'paid_at',
};

export class Ledger {
  private readonly db: DatabaseSync;
  private readonly steady: SteadyClock;
  private readonly path: string;
  private readonly journal: ReceiptJournal;
  /** The ledger file (and its write-ahead log) as opened; null when not watched. */
  private readonly identity: { main: FileIdentity; wal: FileIdentity | null } | null;
  private currentFault: LedgerFaultError | null = null;
  private readonly faultListeners = new Set<(fault: LedgerFaultError) => void>();
  /** Email receipts waiting, sent or failed (migration 7). */
  readonly emails: EmailOutbox;
  private readonly identityCipher: IdentityCipher | null;

  private constructor(db: DatabaseSync, path: string, clock: () => number, options: LedgerOptions) {
    this.db = db;
    this.path = path;
    this.steady = new SteadyClock(clock);
    this.journal = options.receiptJournal ?? ReceiptJournal.inMemory();
    this.emails = new EmailOutbox(db, () => this.now());
    this.identityCipher = options.identityCipher ?? null;
    const main = options.watchFile ? identityOf(path) : null;
    this.identity = main === null ? null : { main, wal: identityOf(`${path}-wal`) };
    // Nothing is recorded before what the ledger (or the journal, after a restore) already holds.
    const last = db.prepare('SELECT at FROM donation_events ORDER BY seq DESC LIMIT 1').get() as { at: number } | undefined;
    this.steady.notBefore(Math.max(last?.at ?? Number.NEGATIVE_INFINITY, this.journal.latestPaidAt()));
    const issued = new Set((db.prepare('SELECT receipt_no FROM receipt_numbers').all() as { receipt_no: string }[]).map((row) => row.receipt_no));
    this.journal.reconcileWith((receiptNo) => issued.has(receiptNo));
  }

  /**
   * Opens (or creates) the ledger file and brings its schema up to date. With
   * an identity cipher, any identity number still in clear (a ledger from
   * before schema 6) is sealed at once.
   */
  static open(path: string, clock: () => number = Date.now, options: LedgerOptions = {}): Ledger {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const db = new DatabaseSync(path);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    db.exec('PRAGMA busy_timeout = 5000');
    // Freed pages are zeroed, so an identity number sealed over its clear form leaves no copy behind.
    db.exec('PRAGMA secure_delete = ON');
    migrate(db);
    const ledger = new Ledger(db, path, clock, options);
    ledger.sealClearIdentityNumbers();
    return ledger;
  }

  /** True when the ledger can keep and reveal identity numbers. */
  get keepsIdentityNumbers(): boolean {
    return this.identityCipher !== null;
  }

  /** Seals identity numbers an older kiosk kept in clear; returns how many. Needs the cipher; without it, does nothing. */
  sealClearIdentityNumbers(): number {
    const cipher = this.identityCipher;
    if (cipher === null) return 0;
    const rows = this.db
      .prepare("SELECT id, tax_id_number, tax_id_masked FROM donations WHERE tax_id_number IS NOT NULL AND (tax_id_number NOT LIKE 'sealed:%' OR tax_id_masked IS NULL)")
      .all() as { id: string; tax_id_number: string; tax_id_masked: string | null }[];
    if (rows.length === 0) return 0;
    this.inTransaction(() => {
      const update = this.db.prepare('UPDATE donations SET tax_id_number = ?, tax_id_masked = ? WHERE id = ?');
      for (const row of rows) {
        const plain = isSealed(row.tax_id_number) ? cipher.open(row.tax_id_number) : row.tax_id_number;
        update.run(isSealed(row.tax_id_number) ? row.tax_id_number : cipher.seal(plain), maskTaxId(plain), row.id);
      }
    });
    // The clear numbers also sat in the write-ahead log: fold it into the (zeroed) file and empty it.
    this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    return rows.length;
  }

  /** The PAN or Aadhaar number in full, for the Form 10BD export only; null when the donation has none. */
  revealTaxIdNumber(id: string): string | null {
    const row = this.db.prepare('SELECT tax_id_number FROM donations WHERE id = ?').get(id) as { tax_id_number: string | null } | undefined;
    const stored = row?.tax_id_number ?? null;
    if (stored === null || stored === '') return stored;
    if (!isSealed(stored)) return stored;
    if (this.identityCipher === null) throw new IdentityCipherError('the identity key is not available, so identity numbers cannot be opened');
    return this.identityCipher.open(stored);
  }

  /** How many events a donation has (the page's additions are capped: donation-service.ts). */
  countEvents(donationId: string): number {
    const row = this.db.prepare('SELECT COUNT(*) AS n FROM donation_events WHERE donation_id = ?').get(donationId) as { n: number };
    return row.n;
  }

  /** True once any donation (or cash gift) is recorded: a missing operator PIN is then lost access, not a fresh install. */
  hasAnyDonation(): boolean {
    return this.db.prepare('SELECT 1 FROM donations LIMIT 1').get() !== undefined;
  }

  close(): void {
    if (this.db.isOpen) this.db.close();
    this.journal.close();
  }

  /** The ledger's time: the wall clock, but never earlier than anything already recorded. */
  now(): number {
    return this.steady.now();
  }

  /** The fault that stopped writes, if any (cleared by a successful probeWrite after a write failure). */
  fault(): LedgerFaultError | null {
    return this.currentFault;
  }

  /** Called on every new fault (the kiosk's health listens). */
  onFault(listener: (fault: LedgerFaultError) => void): () => void {
    this.faultListeners.add(listener);
    return () => this.faultListeners.delete(listener);
  }

  /**
   * Is the file at the ledger's path still the one this ledger opened? A
   * deleted, moved or replaced file is a fault that only a restart clears.
   * Cheap (two stat calls): run before every write and by the health check.
   */
  checkFile(): LedgerFaultError | null {
    if (this.currentFault?.kind === 'file_replaced') return this.currentFault;
    const expected = this.identity;
    if (expected === null) return null;
    const main = identityOf(this.path);
    let problem: string | null = null;
    if (main === null) problem = 'deleted or moved away';
    else if (main.dev !== expected.main.dev || main.ino !== expected.main.ino) problem = 'replaced by another file';
    else if (expected.wal !== null) {
      const wal = identityOf(`${this.path}-wal`);
      if (wal === null || wal.dev !== expected.wal.dev || wal.ino !== expected.wal.ino) problem = 'changed (its write-ahead log was deleted or replaced)';
    }
    if (problem === null) return null;
    return this.raise(fileReplaced(this.path, problem));
  }

  /**
   * One real, synced write (after a write failure): true when the ledger takes
   * writes again, which also clears the fault. A replaced file stays a fault.
   */
  probeWrite(): boolean {
    try {
      this.inTransaction(() => {
        this.db.prepare("INSERT INTO ledger_meta (key, value) VALUES ('write_probe', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(String(this.now()));
      }, { probing: true });
    } catch {
      return false;
    }
    if (this.currentFault?.kind === 'write_failed') this.currentFault = null;
    return this.currentFault === null;
  }

  /** Receipt numbers issued (journaled) but not in this ledger: after a restore, until their donations are recovered. */
  reservedReceiptNumbers(): number {
    return this.journal.reservedCount();
  }

  /** SQLite's quick_check: 'ok' or the first problems it found. */
  quickCheck(): string[] {
    const rows = this.db.prepare('PRAGMA quick_check').all() as Record<string, string>[];
    return rows.map((row) => Object.values(row)[0] ?? '');
  }

  /** A consistent copy of the whole ledger, taken while it is in use. */
  backupTo(path: string): void {
    this.db.prepare('VACUUM INTO ?').run(path);
  }

  schemaVersion(): number {
    const row = this.db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null } | undefined;
    return row?.version ?? 0;
  }

  pragma(name: 'journal_mode' | 'synchronous'): string | number {
    const row = this.db.prepare(`PRAGMA ${name}`).get() as Record<string, string | number> | undefined;
    return row ? (Object.values(row)[0] ?? '') : '';
  }

  /** Records a new attempt in state `started`, with its first event. */
  createDonation(input: NewDonation, source: EventSource, detail: Record<string, unknown> = {}): Donation {
    return this.inTransaction(() => {
      const now = this.now();
      this.db
        .prepare(
          `INSERT INTO donations (id, receipt, kiosk_id, cause, amount_paise, fee_paise, currency, anonymous, donor_name, phone, email, state, created_at, updated_at, event_id)
           VALUES (?, ?, ?, ?, ?, ?, 'INR', ?, ?, ?, ?, 'started', ?, ?, ?)`,
        )
        .run(input.id, input.receipt, input.kioskId, input.cause, input.amountPaise, input.feePaise ?? 0, input.anonymous ? 1 : 0, input.donorName, input.phone, input.email, now, now, input.eventId || null);
      if (input.tax) this.setTaxDetails(input.id, input.tax);
      this.appendEvent(input.id, now, null, 'started', source, detail);
      return this.requireDonation(input.id);
    });
  }

  /** Moves a donation to `to` if the state machine allows it; one transaction, one event. */
  transition(id: string, to: DonationState, source: EventSource, patch: DonationPatch = {}, detail: Record<string, unknown> = {}): TransitionResult {
    return this.inTransaction(() => {
      let current = this.get(id);
      if (!current) return { ok: false, reason: 'unknown_donation' } as const;
      if (current.state === 'order_created' && MONEY_ARRIVED.includes(to)) {
        // A payment on the order proves Checkout was opened even if that step never reached the ledger.
        const at = this.now();
        this.db.prepare("UPDATE donations SET state = 'checkout_open', updated_at = ? WHERE id = ?").run(at, id);
        this.appendEvent(id, at, 'order_created', 'checkout_open', source, { inferredFrom: 'a payment exists on the order' });
        current = this.requireDonation(id);
      }
      if (!canTransition(current.state, to)) {
        // Refused transitions are kept too: they explain what a caller tried.
        this.db
          .prepare('INSERT INTO refused_transitions (donation_id, at, from_state, to_state, source, detail) VALUES (?, ?, ?, ?, ?, ?)')
          .run(id, this.now(), current.state, to, source, JSON.stringify(detail));
        return { ok: false, reason: 'illegal_transition', from: current.state, to } as const;
      }
      const now = this.now();
      // A payment's date never goes backwards either: a caller's wall-clock reading is raised to the ledger's time.
      // A receipt the journal already issued for it keeps that receipt's date (its transaction never committed, or a restore lost it).
      const reserved = to === 'paid' && current.receiptNo === null ? this.journal.reservedFor(id) : undefined;
      const stamped: DonationPatch =
        reserved !== undefined ? { ...patch, paidAt: reserved.paidAt } : 'paidAt' in patch || to === 'paid' ? { ...patch, paidAt: Math.max(patch.paidAt ?? now, now) } : patch;
      const assignments = ['state = ?', 'updated_at = ?'];
      const values: (string | number | null)[] = [to, now];
      for (const [key, column] of Object.entries(PATCH_COLUMNS) as [keyof DonationPatch, string][]) {
        if (key in stamped) {
          assignments.push(`${column} = ?`);
          values.push(stamped[key] ?? null);
        }
      }
      this.db.prepare(`UPDATE donations SET ${assignments.join(', ')} WHERE id = ?`).run(...values, id);
      // The receipt number is part of recording the payment: same transaction, whichever path (donor, reconciliation) got here.
      const receiptNo = to === 'paid' ? this.assignReceiptNumber(current, stamped.paidAt ?? now, now, stamped.paymentId ?? current.paymentId) : null;
      // So is the receipt email, when the donor gave an address: it cannot be lost between the two.
      if (to === 'paid' && current.email !== null) this.emails.enqueue(id, current.email);
      this.appendEvent(id, now, current.state, to, source, receiptNo === null ? detail : { ...detail, receiptNo });
      return { ok: true, donation: this.requireDonation(id) } as const;
    });
  }

  /** Appends an event that does not change the state (e.g. a repeated failure report). */
  note(id: string, source: EventSource, detail: Record<string, unknown>): void {
    this.inTransaction(() => {
      const current = this.get(id);
      if (!current) return;
      this.appendEvent(id, this.now(), current.state, current.state, source, detail);
    });
  }

  /**
   * A donation the ledger lost (a restore from an older backup), rebuilt from
   * its order at Razorpay: recorded as `order_created`, with the events saying
   * where it came from; reconciliation then settles it like any other.
   */
  recoverFromOrder(order: RecoveredOrder, detail: Record<string, unknown>): Donation {
    return this.inTransaction(() => {
      const now = this.now();
      this.db
        .prepare(
          `INSERT INTO donations (id, receipt, kiosk_id, cause, amount_paise, fee_paise, currency, anonymous, donor_name, phone, email, state, order_id, order_created_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 'INR', ?, ?, NULL, NULL, 'order_created', ?, ?, ?, ?)`,
        )
        .run(order.id, order.receipt, order.kioskId, order.cause, order.amountPaise, order.feePaise, order.anonymous ? 1 : 0, order.donorName, order.orderId, order.orderCreatedAt, now, now);
      this.appendEvent(order.id, now, null, 'started', 'reconciliation', { ...detail, recoveredFromRazorpay: true });
      this.appendEvent(order.id, now, 'started', 'order_created', 'reconciliation', { orderId: order.orderId, recoveredFromRazorpay: true });
      return this.requireDonation(order.id);
    });
  }

  /** Keeps Razorpay's creation time of a donation's order (learned late, for a row written before migration 5). */
  setOrderCreatedAt(id: string, orderCreatedAt: number): Donation | null {
    return this.inTransaction(() => {
      this.db.prepare('UPDATE donations SET order_created_at = ? WHERE id = ? AND order_created_at IS NULL').run(orderCreatedAt, id);
      return this.get(id) ?? null;
    });
  }

  findByReceipt(receipt: string): Donation | undefined {
    const row = this.db.prepare('SELECT * FROM donations WHERE receipt = ?').get(receipt) as DonationRow | undefined;
    return row ? toDonation(row) : undefined;
  }

  /** Razorpay's creation time of the newest order the ledger knows (ms), or null: where recovery after a restore starts. */
  newestOrderCreatedAt(): number | null {
    const row = this.db.prepare('SELECT MAX(order_created_at) AS at FROM donations WHERE order_created_at IS NOT NULL').get() as { at: number | null } | undefined;
    return row?.at ?? null;
  }

  /** Payments Razorpay has authorised that are not captured yet, newest first: the operator's "being confirmed" list. */
  listBeingConfirmed(): Donation[] {
    const rows = this.db.prepare("SELECT * FROM donations WHERE state = 'authorized' ORDER BY updated_at DESC, rowid DESC").all() as unknown as DonationRow[];
    return rows.map(toDonation);
  }

  get(id: string): Donation | undefined {
    const row = this.db.prepare('SELECT * FROM donations WHERE id = ?').get(id) as DonationRow | undefined;
    return row ? toDonation(row) : undefined;
  }

  findByOrderId(orderId: string): Donation | undefined {
    const row = this.db.prepare('SELECT * FROM donations WHERE order_id = ?').get(orderId) as DonationRow | undefined;
    return row ? toDonation(row) : undefined;
  }

  /** Newest first. */
  list(limit = 100): Donation[] {
    const rows = this.db.prepare('SELECT * FROM donations ORDER BY created_at DESC, rowid DESC LIMIT ?').all(limit) as unknown as DonationRow[];
    return rows.map(toDonation);
  }

  /**
   * Donations whose outcome the gateway may still change, oldest first:
   * reconciliation's work list, all of it (reconciliation decides the order,
   * so a backlog of old attempts never hides a new one). By the state index.
   */
  listUnsettled(limit = Number.MAX_SAFE_INTEGER): Donation[] {
    const placeholders = UNSETTLED_STATES.map(() => '?').join(', ');
    const rows = this.db
      .prepare(`SELECT * FROM donations WHERE state IN (${placeholders}) ORDER BY created_at, rowid LIMIT ?`)
      .all(...UNSETTLED_STATES, limit) as unknown as DonationRow[];
    return rows.map(toDonation);
  }

  events(donationId: string): DonationEvent[] {
    const rows = this.db.prepare('SELECT * FROM donation_events WHERE donation_id = ? ORDER BY seq').all(donationId) as unknown as EventRow[];
    return rows.map((row) => ({
      seq: row.seq,
      donationId: row.donation_id,
      at: row.at,
      fromState: row.from_state as DonationState | null,
      toState: row.to_state as DonationState,
      source: row.source as EventSource,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
    }));
  }

  countRefusedTransitions(donationId: string): number {
    const row = this.db.prepare('SELECT COUNT(*) AS n FROM refused_transitions WHERE donation_id = ?').get(donationId) as { n: number };
    return row.n;
  }

  /** Money captured (state paid) on donations created since `from` (ms since the epoch), fees included: the welcome screen's goal. */
  sumPaidSince(from: number): number {
    const row = this.db.prepare("SELECT COALESCE(SUM(amount_paise), 0) AS paise FROM donations WHERE state = 'paid' AND created_at >= ?").get(from) as { paise: number };
    return row.paise;
  }

  /** The newest paid donations' names (null when anonymous), newest payment first: the welcome screen's donor wall. */
  listRecentPaidNames(limit: number): (string | null)[] {
    const rows = this.db
      .prepare("SELECT anonymous, donor_name FROM donations WHERE state = 'paid' ORDER BY paid_at DESC, rowid DESC LIMIT ?")
      .all(limit) as { anonymous: number; donor_name: string | null }[];
    return rows.map((r) => (r.anonymous === 1 ? null : r.donor_name));
  }

  /** Donations created in [from, to) (ms since the epoch), oldest first: the operator's day report. */
  listCreatedBetween(from: number, to: number): Donation[] {
    // Row by row rather than all(): a month of rows (an export) is read in half the time, with far less garbage.
    const rows = this.db.prepare('SELECT * FROM donations WHERE created_at >= ? AND created_at < ? ORDER BY created_at, rowid').iterate(from, to);
    return Array.from(rows as Iterable<unknown> as Iterable<DonationRow>, toDonation);
  }

  /**
   * Donations created in [from, to), newest first, at most `limit`; with a
   * search text, only those whose receipt, donation id, payment id or donor
   * name contains it (case-insensitive for ASCII): the operator's list.
   */
  listNewestBetween(from: number, to: number, options: { search?: string; limit?: number } = {}): Donation[] {
    const limit = options.limit ?? 200;
    const search = options.search?.trim() ?? '';
    if (search === '') {
      const rows = this.db
        .prepare('SELECT * FROM donations WHERE created_at >= ? AND created_at < ? ORDER BY created_at DESC, rowid DESC LIMIT ?')
        .all(from, to, limit) as unknown as DonationRow[];
      return rows.map(toDonation);
    }
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = this.db
      .prepare(
        `SELECT * FROM donations WHERE created_at >= ?1 AND created_at < ?2
           AND (receipt_no LIKE ?3 ESCAPE '\\' OR receipt LIKE ?3 ESCAPE '\\' OR id LIKE ?3 ESCAPE '\\' OR payment_id LIKE ?3 ESCAPE '\\' OR donor_name LIKE ?3 ESCAPE '\\')
         ORDER BY created_at DESC, rowid DESC LIMIT ?4`,
      )
      .all(from, to, pattern, limit) as unknown as DonationRow[];
    return rows.map(toDonation);
  }

  /**
   * Donations paid after the donor was shown something other than success,
   * with when that was found, for payments recovered in [from, to). Read from
   * the append-only events, where reconciliation marks them `recovered: true`.
   */
  listRecovered(from: number, to: number): RecoveredDonation[] {
    const rows = this.db
      .prepare(
        `SELECT e.at AS recovered_at, e.from_state AS shown_state, d.* FROM donation_events e JOIN donations d ON d.id = e.donation_id
         WHERE e.to_state = 'paid' AND json_extract(e.detail, '$.recovered') = 1 AND e.at >= ? AND e.at < ? ORDER BY e.at, e.seq`,
      )
      .all(from, to) as unknown as (DonationRow & { recovered_at: number; shown_state: string })[];
    return rows.map((row) => ({ donation: toDonation(row), recoveredAt: row.recovered_at, donorSawState: row.shown_state as DonationState }));
  }

  /**
   * Ids of every donation ever recovered (paid after the donor was shown
   * something else): the console's and the export's "recovered" mark. Read
   * from the partial index alone (migration 4), so it costs the recovered
   * few, not the whole history.
   */
  recoveredDonationIds(): Set<string> {
    const rows = this.db
      .prepare(`SELECT donation_id FROM donation_events INDEXED BY donation_events_recovered WHERE to_state = 'paid' AND json_extract(detail, '$.recovered') = 1`)
      .all() as unknown as { donation_id: string }[];
    return new Set(rows.map((row) => row.donation_id));
  }

  /**
   * Paid donations that had a failed or abandoned attempt first, whose order
   * Razorpay created since `orderCreatedSince` (Razorpay's clock; rows from
   * before migration 5, without that time, by their payment date `paidSince`):
   * the only ones on which a second payment can still turn up (the first
   * attempt authorised late, after the donor paid again).
   */
  listPaidAfterFailedAttempt(orderCreatedSince: number, paidSince: number = orderCreatedSince): Donation[] {
    const rows = this.db
      .prepare(
        `SELECT d.* FROM donations d WHERE d.state = 'paid'
           AND (d.order_created_at >= ?1 OR (d.order_created_at IS NULL AND d.paid_at >= ?2))
           AND EXISTS (SELECT 1 FROM donation_events e WHERE e.donation_id = d.id AND e.to_state IN ('payment_failed', 'closed_by_donor', 'checkout_expired'))
         ORDER BY d.paid_at, d.rowid`,
      )
      .all(orderCreatedSince, paidSince) as unknown as DonationRow[];
    return rows.map(toDonation);
  }

  /** Payments Razorpay holds on an already-paid donation's order, as recorded by reconciliation. */
  listExtraPayments(from: number, to: number): ExtraPayment[] {
    const rows = this.db
      .prepare(
        `SELECT e.at AS noted_at, json_extract(e.detail, '$.extraPayment.id') AS extra_id, json_extract(e.detail, '$.extraPayment.status') AS extra_status,
                json_extract(e.detail, '$.extraPayment.amountPaise') AS extra_amount, d.*
         FROM donation_events e JOIN donations d ON d.id = e.donation_id
         WHERE json_extract(e.detail, '$.extraPayment.id') IS NOT NULL AND e.at >= ? AND e.at < ? ORDER BY e.at, e.seq`,
      )
      .all(from, to) as unknown as (DonationRow & { noted_at: number; extra_id: string; extra_status: string; extra_amount: number })[];
    return rows.map((row) => ({ donation: toDonation(row), notedAt: row.noted_at, paymentId: row.extra_id, status: row.extra_status, amountPaise: row.extra_amount }));
  }

  /**
   * A gift received in cash: recorded as paid at once (no order, no gateway),
   * with its receipt number, in one transaction. Reconciliation never sees it:
   * it is settled from the start.
   */
  recordCashGift(gift: NewCashGift): Donation {
    return this.inTransaction(() => {
      const now = this.now();
      // Like every receipt, never dated before the last one issued.
      const receivedAt = Math.max(gift.receivedAt, now);
      this.db
        .prepare(
          `INSERT INTO donations (id, receipt, kiosk_id, cause, amount_paise, currency, anonymous, donor_name, phone, email, state, payment_method, created_at, updated_at, paid_at, event_id)
           VALUES (?, ?, ?, ?, ?, 'INR', 0, ?, ?, NULL, 'paid', 'cash', ?, ?, ?, ?)`,
        )
        .run(gift.id, gift.receipt, gift.kioskId, gift.cause, gift.amountPaise, gift.donorName, gift.phone, receivedAt, now, receivedAt, gift.eventId || null);
      if (gift.tax) this.setTaxDetails(gift.id, gift.tax);
      const donation = this.requireDonation(gift.id);
      const receiptNo = this.assignReceiptNumber(donation, donation.paidAt ?? now, now, null);
      this.appendEvent(gift.id, now, null, 'paid', 'operator', { cash: true, receiptNo });
      return this.requireDonation(gift.id);
    });
  }

  findByReceiptNo(receiptNo: string): Donation | undefined {
    const row = this.db.prepare('SELECT * FROM donations WHERE receipt_no = ?').get(receiptNo) as DonationRow | undefined;
    return row ? toDonation(row) : undefined;
  }

  /** Paid donations with a receipt number, newest first; with a search text, those whose receipt number or donor name contains it. */
  listReceipts(options: { search?: string; limit?: number } = {}): Donation[] {
    const limit = options.limit ?? 50;
    const search = options.search?.trim() ?? '';
    const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = this.db
      .prepare(
        `SELECT * FROM donations WHERE receipt_no IS NOT NULL
           AND (?1 = '' OR receipt_no LIKE ?2 ESCAPE '\\' OR donor_name LIKE ?2 ESCAPE '\\' OR tax_name LIKE ?2 ESCAPE '\\')
         ORDER BY paid_at DESC, rowid DESC LIMIT ?3`,
      )
      .all(search, pattern, limit) as unknown as DonationRow[];
    return rows.map(toDonation);
  }

  /** Paid (not refunded) donations paid in [from, to), oldest first: exports by payment date. */
  listPaidBetween(from: number, to: number): Donation[] {
    const rows = this.db
      .prepare("SELECT * FROM donations WHERE state = 'paid' AND paid_at >= ? AND paid_at < ? ORDER BY paid_at, rowid")
      .all(from, to) as unknown as DonationRow[];
    return rows.map(toDonation);
  }

  // ---- one event, many kiosks (src-main/domain/fleet) ----

  /** This installation's id, made once by migration 8 and never changed: it tells this kiosk's orders from another's. */
  installationId(): string {
    const row = this.db.prepare('SELECT installation_id FROM installation WHERE singleton = 1').get() as { installation_id: string } | undefined;
    if (!row) throw new Error('the ledger has no installation id (migration 8 makes one)');
    return row.installation_id;
  }

  /** The event's paid donations and cash gifts in this ledger (state paid), oldest payment first. */
  listPaidForEvent(eventId: string): Donation[] {
    const rows = this.db
      .prepare("SELECT * FROM donations WHERE event_id = ? AND state = 'paid' ORDER BY paid_at, rowid")
      .all(eventId) as unknown as DonationRow[];
    return rows.map(toDonation);
  }

  /** The cache of the event's orders as Razorpay last listed them, in this ledger's file. */
  eventOrderCache(): EventOrderCache {
    return new EventOrderCache(this.db);
  }

  private setTaxDetails(id: string, tax: TaxDetails): void {
    // Never in clear: without the cipher the whole step (and its transaction) fails.
    if (this.identityCipher === null) throw new IdentityCipherError('the identity key is not available, so 80G details cannot be kept');
    const sealed = tax.idNumber === '' ? '' : this.identityCipher.seal(tax.idNumber);
    this.db
      .prepare('UPDATE donations SET tax_name = ?, tax_id_type = ?, tax_id_number = ?, tax_id_masked = ?, tax_address = ? WHERE id = ?')
      .run(tax.nameOnPan, tax.idType, sealed, maskTaxId(tax.idNumber), tax.address, id);
  }

  /**
   * The next number in the kiosk's sequence for the financial year of
   * `paidAt`. Only called inside a transaction: if anything after it fails,
   * the number goes back with the rollback, so the sequence has no gaps.
   */
  private assignReceiptNumber(donation: Donation, paidAt: number, now: number, paymentId: string | null): string {
    if (donation.receiptNo !== null) return donation.receiptNo;
    // A number the journal already gave this donation (its transaction did not commit, or a restore lost it) is its number.
    const reserved = this.journal.reservedFor(donation.id);
    let entry = reserved;
    if (!entry) {
      const financialYear = financialYearOf(paidAt);
      const last = this.db
        .prepare('SELECT MAX(seq) AS seq FROM receipt_numbers WHERE kiosk_id = ? AND financial_year = ?')
        .get(donation.kioskId, financialYear) as { seq: number | null } | undefined;
      // After the highest number ever issued: the ledger's, or the journal's when a restore took the ledger back.
      const seq = Math.max(last?.seq ?? 0, this.journal.highest(donation.kioskId, financialYear)) + 1;
      entry = { receiptNo: formatReceiptNumber(donation.kioskId, financialYear, seq), kioskId: donation.kioskId, financialYear, seq, donationId: donation.id, paymentId, paidAt };
      this.journal.append(entry);
    }
    this.db
      .prepare('INSERT INTO receipt_numbers (kiosk_id, financial_year, seq, receipt_no, donation_id, assigned_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(entry.kioskId, entry.financialYear, entry.seq, entry.receiptNo, donation.id, now);
    this.db.prepare('UPDATE donations SET receipt_no = ? WHERE id = ?').run(entry.receiptNo, donation.id);
    this.afterCommit.push(() => this.journal.committed(donation.id));
    killPoint('inside_receipt_numbering');
    return entry.receiptNo;
  }

  private requireDonation(id: string): Donation {
    const donation = this.get(id);
    if (!donation) throw new Error(`donation ${id} vanished inside its own transaction`);
    return donation;
  }

  private appendEvent(id: string, at: number, from: DonationState | null, to: DonationState, source: EventSource, detail: Record<string, unknown>): void {
    this.db
      .prepare('INSERT INTO donation_events (donation_id, at, from_state, to_state, source, detail) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, at, from, to, source, JSON.stringify(detail));
  }

  /** Run after the current transaction commits (and dropped if it does not). */
  private afterCommit: (() => void)[] = [];

  private inTransaction<T>(work: () => T, options: { probing?: boolean } = {}): T {
    const blocked = this.checkFile() ?? (options.probing ? null : this.currentFault);
    if (blocked) throw blocked;
    this.afterCommit = [];
    try {
      this.db.exec('BEGIN IMMEDIATE');
      const result = work();
      this.db.exec('COMMIT');
      const done = this.afterCommit;
      this.afterCommit = [];
      done.forEach((run) => run());
      return result;
    } catch (error) {
      this.afterCommit = [];
      // SQLite rolls a transaction back by itself on some errors (a full disk): a second ROLLBACK would hide the real error.
      if (this.db.isOpen && this.db.isTransaction) {
        try {
          this.db.exec('ROLLBACK');
        } catch {
          // The original error is the one that matters.
        }
      }
      if (isLedgerFaultError(error)) throw error;
      if (isStorageFailure(error)) throw this.raise(writeFailure(this.path, error));
      throw error;
    }
  }

  private raise(fault: LedgerFaultError): LedgerFaultError {
    // A replaced file outranks a write failure; the same kind is reported once.
    if (this.currentFault?.kind === 'file_replaced') return this.currentFault;
    const isNew = this.currentFault?.kind !== fault.kind;
    this.currentFault = fault;
    if (isNew) this.faultListeners.forEach((listener) => listener(fault));
    return fault;
  }
}
