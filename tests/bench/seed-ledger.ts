// Seeds a ledger of N donations (default 1,000,000) for the ledger-at-scale
// bench: the kiosk's own schema (Ledger.open runs the migrations), then rows
// written directly in large transactions, which is what makes a million rows
// take a minute instead of hours. The mix of outcomes and the events per
// donation follow what the kiosk writes: started → order_created →
// checkout_open → paid, failures and closes on the way, a few payments
// recovered by reconciliation and a few second payments noted on paid orders.
//   node tests/bench/seed-ledger.ts [--donations N] [--out path]
// The seeded file is cached beside its description (.json); a later run with
// the same figures reuses it.
import { DatabaseSync } from 'node:sqlite';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Ledger } from '../../src-main/domain/ledger/ledger.ts';
import { LATEST_SCHEMA_VERSION } from '../../src-main/domain/ledger/migrations.ts';

export interface SeededLedger {
  path: string;
  donations: number;
  perDay: number;
  /** Local midnight of the first and of the busiest, last seeded day (ms). */
  firstDay: number;
  lastDay: number;
  schemaVersion: number;
}

const SEED_FORMAT = 1;
const BATCH = 20_000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A small, fast, deterministic generator (mulberry32), so every seeded ledger is the same. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Outcome = 'paid' | 'recovered' | 'paid_twice' | 'payment_failed' | 'closed_by_donor' | 'checkout_expired' | 'expired' | 'order_failed';

function pickOutcome(r: number): Outcome {
  if (r < 0.8) return 'paid';
  if (r < 0.805) return 'recovered';
  if (r < 0.8055) return 'paid_twice';
  if (r < 0.86) return 'payment_failed';
  if (r < 0.93) return 'closed_by_donor';
  if (r < 0.95) return 'checkout_expired';
  if (r < 0.99) return 'expired';
  return 'order_failed';
}

const NAMES = ['Aarav Sharma', 'Priya Iyer', 'Rohan Gupta', 'Ananya Reddy', 'Vikram Singh', 'Meera Nair', 'अनिल कुमार', 'Fatima Khan', 'Joseph D’Souza', 'Kavya Menon'];
const AMOUNTS = [10_000, 50_000, 100_000, 25_000, 200_000, 1_100];
const METHODS = ['upi', 'card', 'netbanking', 'wallet'];

function base36(r: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += Math.floor(r() * 36).toString(36);
  return out;
}

/** Local midnight `days` days before today's. */
function localMidnight(daysAgo: number): number {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo).getTime();
}

export function seedLedger(path: string, donations: number, perDay = 1_000): SeededLedger {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  Ledger.open(path).close(); // the kiosk's schema, every migration applied
  const days = Math.ceil(donations / perDay);
  const firstDay = localMidnight(days - 1);
  const db = new DatabaseSync(path);
  // Seeding only: the bench measures the ledger with its real pragmas, reopened through Ledger.open.
  db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -200000');
  const insertDonation = db.prepare(
    `INSERT INTO donations (id, receipt, kiosk_id, cause, amount_paise, currency, anonymous, donor_name, phone, email, state, order_id, payment_id, payment_method,
       failure_code, failure_reason, created_at, updated_at, paid_at) VALUES (?, ?, 'KIOSK-1', 'Children''s education', ?, 'INR', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEvent = db.prepare('INSERT INTO donation_events (donation_id, at, from_state, to_state, source, detail) VALUES (?, ?, ?, ?, ?, ?)');
  const r = generator(8);
  db.exec('BEGIN');
  for (let i = 0; i < donations; i += 1) {
    const day = Math.floor(i / perDay);
    // Spread over the day's opening hours (08:00–20:00), in creation order.
    const createdAt = firstDay + day * DAY_MS + 8 * 3_600_000 + Math.floor(((i % perDay) / perDay) * 12 * 3_600_000);
    const id = `d${createdAt.toString(36)}${base36(r, 6)}`;
    const receipt = `KIOSK-1-${id}`.toUpperCase();
    const outcome = pickOutcome(r());
    const amount = AMOUNTS[Math.floor(r() * AMOUNTS.length)] ?? 10_000;
    const anonymous = r() < 0.3;
    const name = anonymous ? null : (NAMES[Math.floor(r() * NAMES.length)] ?? null);
    const phone = r() < 0.5 ? `98${String(Math.floor(r() * 1e8)).padStart(8, '0')}` : null;
    const email = r() < 0.3 ? `donor${i}@example.org` : null;
    const orderId = outcome === 'order_failed' ? null : `order_${base36(r, 14)}`;
    const paidLike = outcome === 'paid' || outcome === 'recovered' || outcome === 'paid_twice';
    const paymentId = paidLike || outcome === 'payment_failed' ? `pay_${base36(r, 14)}` : null;
    const method = paymentId === null ? null : (METHODS[Math.floor(r() * METHODS.length)] ?? 'upi');
    const state = outcome === 'recovered' || outcome === 'paid_twice' ? 'paid' : outcome;
    const failureCode = outcome === 'payment_failed' ? 'payment_declined' : outcome === 'order_failed' ? 'gateway_timeout' : null;
    const at = (step: number) => createdAt + step * 15_000;
    const events: [number, string | null, string, string, string][] = [[at(0), null, 'started', 'donor', '{}']];
    if (outcome === 'order_failed') {
      events.push([at(1), 'started', 'order_failed', 'gateway', '{"gatewayError":{"kind":"network","cause":"timeout"}}']);
    } else {
      events.push([at(1), 'started', 'order_created', 'gateway', `{"receipt":"${receipt}"}`]);
      events.push([at(2), 'order_created', 'checkout_open', 'donor', '{}']);
      if (outcome === 'paid' || outcome === 'paid_twice') events.push([at(4), 'checkout_open', 'paid', 'gateway', '{}']);
      if (outcome === 'paid_twice') events.push([at(5000), 'paid', 'paid', 'reconciliation', `{"extraPayment":{"id":"pay_${base36(r, 14)}","status":"captured","amountPaise":${amount}}}`]);
      if (outcome === 'payment_failed') events.push([at(4), 'checkout_open', 'payment_failed', 'checkout', '{"failure":{"code":"BAD_REQUEST_ERROR"}}']);
      if (outcome === 'closed_by_donor' || outcome === 'recovered' || outcome === 'expired') events.push([at(3), 'checkout_open', 'closed_by_donor', 'donor', '{"reason":"closed_by_donor"}']);
      if (outcome === 'checkout_expired') events.push([at(20), 'checkout_open', 'checkout_expired', 'donor', '{"reason":"checkout_timeout"}']);
      if (outcome === 'recovered') events.push([at(40), 'closed_by_donor', 'paid', 'reconciliation', `{"paymentId":"${paymentId}","recovered":true,"donorSaw":"closed_by_donor"}`]);
      if (outcome === 'expired') events.push([at(2000), 'closed_by_donor', 'expired', 'reconciliation', '{}']);
    }
    const last = events[events.length - 1]?.[0] ?? createdAt;
    insertDonation.run(id, receipt, amount, anonymous ? 1 : 0, name, phone, email, state, orderId, paymentId, method, failureCode, failureCode === null ? null : 'seeded', createdAt, last, paidLike ? last : null);
    for (const [eventAt, from, to, source, detail] of events) insertEvent.run(id, eventAt, from, to, source, detail);
    if ((i + 1) % BATCH === 0) {
      db.exec('COMMIT');
      db.exec('BEGIN');
    }
  }
  db.exec('COMMIT');
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  const seeded: SeededLedger = { path, donations, perDay, firstDay, lastDay: firstDay + (days - 1) * DAY_MS, schemaVersion: LATEST_SCHEMA_VERSION };
  writeFileSync(`${path}.json`, JSON.stringify({ format: SEED_FORMAT, ...seeded }));
  return seeded;
}

/**
 * The cached seeded ledger at `path` if it has `donations` rows and the current
 * schema, else a new one. A cached one keeps its own days (it may be from an
 * earlier date): the bench measures the days it holds, not the calendar.
 */
export function cachedSeededLedger(path: string, donations: number, log: (line: string) => void): SeededLedger {
  const described = `${path}.json`;
  if (existsSync(path) && existsSync(described)) {
    const cached = JSON.parse(readFileSync(described, 'utf8')) as SeededLedger & { format?: number };
    if (cached.format === SEED_FORMAT && cached.donations === donations && cached.schemaVersion === LATEST_SCHEMA_VERSION) {
      log(`reusing the seeded ledger ${path} (${donations.toLocaleString('en-US')} donations)`);
      return { ...cached, path };
    }
  }
  log(`seeding ${donations.toLocaleString('en-US')} donations into ${path} (cached for later runs)`);
  return seedLedger(path, donations);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { donations: { type: 'string', default: '1000000' }, out: { type: 'string', default: join('bench-results', 'ledger-1000000.sqlite3') } } });
  const started = performance.now();
  const seeded = seedLedger(resolve(values.out), Number(values.donations));
  console.log(`seeded ${seeded.donations.toLocaleString('en-US')} donations into ${seeded.path} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
