// Schema migrations, applied in order inside one transaction each. A migration
// is never edited once released: add a new one.
import type { DatabaseSync } from 'node:sqlite';

const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE donations (
        id             TEXT PRIMARY KEY,
        receipt        TEXT NOT NULL UNIQUE,
        kiosk_id       TEXT NOT NULL,
        cause          TEXT NOT NULL,
        amount_paise   INTEGER NOT NULL CHECK (amount_paise > 0),
        currency       TEXT NOT NULL DEFAULT 'INR',
        anonymous      INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
        donor_name     TEXT,
        phone          TEXT,
        email          TEXT,
        state          TEXT NOT NULL,
        order_id       TEXT UNIQUE,
        payment_id     TEXT,
        payment_method TEXT,
        failure_code   TEXT,
        failure_reason TEXT,
        created_at     INTEGER NOT NULL,
        updated_at     INTEGER NOT NULL,
        paid_at        INTEGER
      );
      CREATE INDEX donations_created_at ON donations (created_at);
      CREATE INDEX donations_state ON donations (state);
      CREATE TABLE donation_events (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        donation_id TEXT NOT NULL REFERENCES donations (id),
        at          INTEGER NOT NULL,
        from_state  TEXT,
        to_state    TEXT NOT NULL,
        source      TEXT NOT NULL,
        detail      TEXT NOT NULL
      );
      CREATE INDEX donation_events_donation ON donation_events (donation_id, seq);
      -- Append-only: the history of money is never rewritten.
      CREATE TRIGGER donation_events_no_update BEFORE UPDATE ON donation_events
        BEGIN SELECT RAISE(ABORT, 'donation_events is append-only'); END;
      CREATE TRIGGER donation_events_no_delete BEFORE DELETE ON donation_events
        BEGIN SELECT RAISE(ABORT, 'donation_events is append-only'); END;
      CREATE TABLE refused_transitions (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        donation_id TEXT NOT NULL,
        at          INTEGER NOT NULL,
        from_state  TEXT NOT NULL,
        to_state    TEXT NOT NULL,
        source      TEXT NOT NULL,
        detail      TEXT NOT NULL
      );
    `,
  },
  {
    // Receipt numbers (80G receipts), the donor's 80G details, cash gifts.
    version: 2,
    sql: `
      -- Gap-free per kiosk and financial year: written in the same transaction
      -- as the move to paid, never updated or deleted, so never reused.
      CREATE TABLE receipt_numbers (
        kiosk_id       TEXT NOT NULL,
        financial_year TEXT NOT NULL,
        seq            INTEGER NOT NULL CHECK (seq > 0),
        receipt_no     TEXT NOT NULL UNIQUE,
        donation_id    TEXT NOT NULL UNIQUE REFERENCES donations (id),
        assigned_at    INTEGER NOT NULL,
        UNIQUE (kiosk_id, financial_year, seq)
      );
      CREATE TRIGGER receipt_numbers_no_update BEFORE UPDATE ON receipt_numbers
        BEGIN SELECT RAISE(ABORT, 'receipt_numbers is append-only'); END;
      CREATE TRIGGER receipt_numbers_no_delete BEFORE DELETE ON receipt_numbers
        BEGIN SELECT RAISE(ABORT, 'receipt_numbers is append-only'); END;
      ALTER TABLE donations ADD COLUMN receipt_no TEXT;
      CREATE UNIQUE INDEX donations_receipt_no ON donations (receipt_no) WHERE receipt_no IS NOT NULL;
      -- 80G details, only for donors who asked for an 80G receipt.
      ALTER TABLE donations ADD COLUMN tax_name TEXT;
      ALTER TABLE donations ADD COLUMN tax_id_type TEXT CHECK (tax_id_type IS NULL OR tax_id_type IN ('pan', 'aadhaar'));
      ALTER TABLE donations ADD COLUMN tax_id_number TEXT;
      ALTER TABLE donations ADD COLUMN tax_address TEXT;
      CREATE INDEX donations_paid_at ON donations (paid_at);
    `,
  },
  {
    // The processing fee a donor chose to add; amount_paise is the whole order (gift + fee).
    version: 3,
    sql: `ALTER TABLE donations ADD COLUMN fee_paise INTEGER NOT NULL DEFAULT 0 CHECK (fee_paise >= 0);`,
  },
  {
    // Issue 8 (ledger at a million donations): the recovered payments and the
    // second payments are found in the events by their JSON detail, which
    // without these meant reading every event of every day for each console
    // refresh and export. Partial indexes hold only those few events; the
    // WHERE clauses must stay exactly as the queries in ledger.ts write them.
    version: 4,
    sql: `
      CREATE INDEX donation_events_recovered ON donation_events (at, donation_id)
        WHERE to_state = 'paid' AND json_extract(detail, '$.recovered') = 1;
      CREATE INDEX donation_events_extra_payment ON donation_events (at)
        WHERE json_extract(detail, '$.extraPayment.id') IS NOT NULL;
    `,
  },
  {
    // Issue 13 (money under faults): Razorpay's own creation time of each
    // order, so ages that end a donation come from Razorpay's clock and not
    // the kiosk's, and a restored ledger knows from when to recover orders;
    // and a small table for the ledger's write probe (is the disk writable again?).
    version: 5,
    sql: `
      ALTER TABLE donations ADD COLUMN order_created_at INTEGER;
      CREATE INDEX donations_order_created_at ON donations (order_created_at) WHERE order_created_at IS NOT NULL;
      CREATE TABLE ledger_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    // Issue 14: donors' PAN and Aadhaar numbers are sealed at rest
    // (identity-cipher.ts). The masked form (XXXXXX234F, as tax-id.ts's
    // maskTaxId writes it) is kept beside the sealed value for every screen,
    // receipt and CSV; the clear numbers of older rows are masked here and
    // sealed by Ledger.open, which holds the key.
    version: 6,
    sql: `
      ALTER TABLE donations ADD COLUMN tax_id_masked TEXT;
      UPDATE donations SET tax_id_masked = CASE
          WHEN length(tax_id_number) <= 4 THEN tax_id_number
          ELSE substr('XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 1, length(tax_id_number) - 4) || substr(tax_id_number, -4)
        END
        WHERE tax_id_number IS NOT NULL AND tax_id_number NOT LIKE 'sealed:%';
    `,
  },
  {
    // Issue 15: the email-receipt outbox. A row is written in the same
    // transaction as the move to paid (the donor gave an email) or when the
    // donor asks on the thank-you screen; the mailer sends it when it can and
    // keeps trying, across restarts and offline hours, until it goes or it
    // gives up. The row is the whole state: nothing about sending lives in memory.
    version: 7,
    sql: `
      CREATE TABLE receipt_emails (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        donation_id     TEXT NOT NULL REFERENCES donations (id),
        recipient       TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
        attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at INTEGER,
        last_error      TEXT,
        message_id      TEXT,
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL,
        sent_at         INTEGER,
        UNIQUE (donation_id, recipient)
      );
      CREATE INDEX receipt_emails_due ON receipt_emails (status, next_attempt_at);
      CREATE INDEX receipt_emails_created ON receipt_emails (created_at);
    `,
  },
  {
    // Issue 17 (one event, many kiosks). The installation id is made here,
    // once, and lives in the ledger with the receipt numbers it stands for: a
    // restored ledger keeps it, a new ledger is a new installation. Donations
    // and cash gifts remember their event; the event's orders as Razorpay last
    // listed them are cached (src-main/domain/fleet/event-order-cache.ts), so a
    // restarted or offline kiosk still shows what it last knew, and the next
    // read is incremental.
    version: 8,
    sql: `
      CREATE TABLE installation (
        singleton       INTEGER PRIMARY KEY CHECK (singleton = 1),
        installation_id TEXT NOT NULL,
        created_at      INTEGER NOT NULL
      );
      INSERT INTO installation (singleton, installation_id, created_at)
        VALUES (1, lower(hex(randomblob(8))), CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
      CREATE TRIGGER installation_no_update BEFORE UPDATE ON installation
        BEGIN SELECT RAISE(ABORT, 'the installation id never changes'); END;
      ALTER TABLE donations ADD COLUMN event_id TEXT;
      CREATE INDEX donations_event ON donations (event_id, state) WHERE event_id IS NOT NULL;
      CREATE TABLE event_orders (
        order_id          TEXT PRIMARY KEY,
        event_id          TEXT NOT NULL,
        kiosk_id          TEXT NOT NULL,
        installation_id   TEXT,
        donation_id       TEXT,
        purpose           TEXT NOT NULL CHECK (purpose IN ('donation', 'kiosk_claim')),
        amount_paise      INTEGER NOT NULL,
        status            TEXT NOT NULL,
        donor_first_name  TEXT,
        receipt           TEXT,
        payment_id        TEXT,
        payment_method    TEXT,
        created_at        INTEGER NOT NULL
      );
      CREATE INDEX event_orders_event ON event_orders (event_id, created_at);
      -- One row per event window (event id and start day): how far the reads got.
      CREATE TABLE event_reads (
        event_key          TEXT PRIMARY KEY,
        high_water         INTEGER,
        last_read_at       INTEGER,
        last_full_read_at  INTEGER,
        last_attempt_at    INTEGER
      );
      -- What Razorpay said about this installation's claim to a kiosk id for an event.
      CREATE TABLE kiosk_id_claims (
        claim_receipt          TEXT PRIMARY KEY,
        event_id               TEXT NOT NULL,
        kiosk_id               TEXT NOT NULL,
        owner_installation_id  TEXT NOT NULL,
        owner_since            INTEGER NOT NULL,
        checked_at             INTEGER NOT NULL
      );
    `,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** Brings the schema up to `upTo` (the latest; tests stop earlier to build an older kiosk's ledger). */
export function migrate(db: DatabaseSync, upTo: number = LATEST_SCHEMA_VERSION): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((row) => row.version));
  const current = Math.max(0, ...applied);
  if (current > LATEST_SCHEMA_VERSION) {
    // A newer kiosk wrote this ledger: refuse rather than misread it.
    throw new Error(`ledger schema ${current} is newer than this kiosk understands (${LATEST_SCHEMA_VERSION})`);
  }
  // Each migration not yet applied, by its own number rather than by the highest: parallel branches
  // reserve numbers, so a kiosk may have applied 8 before 5 to 7 existed (the kiosk at 46ceb24 did).
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version) || migration.version > upTo) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(migration.version, Date.now());
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}
