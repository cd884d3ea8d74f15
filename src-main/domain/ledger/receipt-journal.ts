// Every receipt number the kiosk issues is also appended, and synced, to a
// journal file beside the ledger (receipt-journal.jsonl), inside the same
// transaction that records the payment, before it commits. Backups and the
// restore procedure replace only the ledger file, so after a restore the
// journal still knows every number ever issued: numbering continues after the
// highest one (a number is never issued twice), and a donation recovered from
// Razorpay gets back the very number its donor was given.
//
// A number appended whose transaction then did not commit (a crash, a full
// disk at COMMIT) stays reserved for that donation: the payment was captured,
// so the donation will be recorded paid later and takes that number, and the
// sequence keeps no gap.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';

export const RECEIPT_JOURNAL_FILE = 'receipt-journal.jsonl';

export interface JournalEntry {
  receiptNo: string;
  kioskId: string;
  financialYear: string;
  seq: number;
  donationId: string;
  paymentId: string | null;
  /** The receipt's date (ms since the epoch). */
  paidAt: number;
}

function parseEntry(line: string): JournalEntry | null {
  try {
    const value = JSON.parse(line) as Partial<JournalEntry>;
    if (
      typeof value.receiptNo === 'string' &&
      typeof value.kioskId === 'string' &&
      typeof value.financialYear === 'string' &&
      typeof value.seq === 'number' &&
      typeof value.donationId === 'string' &&
      typeof value.paidAt === 'number'
    ) {
      return { receiptNo: value.receiptNo, kioskId: value.kioskId, financialYear: value.financialYear, seq: value.seq, donationId: value.donationId, paymentId: value.paymentId ?? null, paidAt: value.paidAt };
    }
  } catch {
    // A line cut short by a crash mid-append: its transaction never committed either.
  }
  return null;
}

export class ReceiptJournal {
  readonly path: string | null;
  readonly #highest = new Map<string, number>();
  /** Numbers in the journal the ledger does not hold: kept for their donation. */
  readonly #reserved = new Map<string, JournalEntry>();
  #latestPaidAt = Number.NEGATIVE_INFINITY;
  #fd: number | null = null;
  /** A write failed part-way: the next entry starts on a new line, so a cut line never swallows it. */
  #partialLine = false;
  readonly #entries: JournalEntry[];

  private constructor(path: string | null, entries: JournalEntry[]) {
    this.path = path;
    this.#entries = entries;
    for (const entry of entries) this.#remember(entry);
  }

  /** Reads the journal at `path` (a missing file is an empty journal). Throws if it cannot be read. */
  static open(path: string): ReceiptJournal {
    const entries = existsSync(path)
      ? readFileSync(path, 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== '')
          .map(parseEntry)
          .filter((entry): entry is JournalEntry => entry !== null)
      : [];
    return new ReceiptJournal(path, entries);
  }

  /** A journal that keeps nothing on disk (a ledger in memory, tools that only read). */
  static inMemory(): ReceiptJournal {
    return new ReceiptJournal(null, []);
  }

  /** Called once the ledger is open: which journal numbers the ledger does not hold (a restore, a lost commit). */
  reconcileWith(ledgerHas: (receiptNo: string) => boolean): void {
    for (const entry of this.#entries) if (!ledgerHas(entry.receiptNo)) this.#reserved.set(entry.donationId, entry);
    this.#entries.length = 0;
  }

  /** The highest sequence number ever issued for this kiosk and financial year (0 if none). */
  highest(kioskId: string, financialYear: string): number {
    return this.#highest.get(`${kioskId}/${financialYear}`) ?? 0;
  }

  /** The number already issued to this donation but not in the ledger, if any. */
  reservedFor(donationId: string): JournalEntry | undefined {
    return this.#reserved.get(donationId);
  }

  /** The newest receipt date ever issued. */
  latestPaidAt(): number {
    return this.#latestPaidAt;
  }

  reservedCount(): number {
    return this.#reserved.size;
  }

  /** Appends and syncs one entry; throws (ENOSPC, EROFS...) if the disk refuses. */
  append(entry: JournalEntry): void {
    if (this.path !== null) {
      this.#fd ??= openSync(this.path, 'a', 0o600);
      const line = Buffer.from(`${this.#partialLine ? '\n' : ''}${JSON.stringify(entry)}\n`, 'utf8');
      this.#partialLine = true;
      let written = 0;
      while (written < line.length) written += writeSync(this.#fd, line, written, line.length - written);
      fsyncSync(this.#fd);
      this.#partialLine = false;
    }
    this.#remember(entry);
    // Reserved until the ledger's transaction commits (committed() below).
    this.#reserved.set(entry.donationId, entry);
  }

  /** The ledger now holds this donation's number. */
  committed(donationId: string): void {
    this.#reserved.delete(donationId);
  }

  close(): void {
    if (this.#fd !== null) closeSync(this.#fd);
    this.#fd = null;
  }

  #remember(entry: JournalEntry): void {
    const key = `${entry.kioskId}/${entry.financialYear}`;
    this.#highest.set(key, Math.max(this.#highest.get(key) ?? 0, entry.seq));
    this.#latestPaidAt = Math.max(this.#latestPaidAt, entry.paidAt);
  }
}
