import { afterEach, describe, expect, it } from 'vitest';
import { DEVELOPMENT_IDENTITY_KEY_FILE } from '../../src-main/services/identity-key.ts';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Ledger, type NewDonation } from '../../src-main/domain/ledger/ledger.ts';
import {
  BACKUP_DIR,
  isLedgerUnavailableError,
  type LedgerUnavailableError,
  ledgerPathIn,
  listLedgerBackups,
  openLedgerFile,
  takeLedgerBackup,
} from '../../src-main/domain/ledger/ledger-file.ts';
import { LATEST_SCHEMA_VERSION } from '../../src-main/domain/ledger/migrations.ts';

const dirs: string[] = [];
const open: Ledger[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-file-test-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  open.splice(0).forEach((ledger) => ledger.close());
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

function opened(dir: string, lines: string[] = [], now?: () => number): Ledger {
  const ledger = openLedgerFile(dir, { log: (line) => lines.push(line), now });
  open.push(ledger);
  return ledger;
}

const donation = (n: number): NewDonation => ({
  id: `d${String(n).padStart(10, '0')}`,
  receipt: `K1-R${n}`,
  kioskId: 'K1',
  cause: 'Education',
  amountPaise: 10_000 + n,
  anonymous: n % 2 === 0,
  donorName: n % 2 === 0 ? null : `Donor ${n}`,
  phone: null,
  email: null,
});

/** A ledger with `count` donations, closed, plus its start-up backup. */
function ledgerWith(count: number): string {
  const dir = dataDir();
  const ledger = openLedgerFile(dir, { log: () => undefined });
  for (let n = 0; n < count; n += 1) ledger.createDonation(donation(n), 'donor');
  ledger.close();
  return dir;
}

function refusal(fn: () => unknown): LedgerUnavailableError {
  try {
    fn();
  } catch (error) {
    if (isLedgerUnavailableError(error)) return error;
    throw error;
  }
  throw new Error('expected the ledger to be refused');
}

describe('openLedgerFile', () => {
  it('creates a new ledger on a true first start and takes a start-up backup', () => {
    const dir = dataDir();
    const lines: string[] = [];
    const ledger = opened(dir, lines);
    expect(existsSync(ledgerPathIn(dir))).toBe(true);
    expect(ledger.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(ledger.pragma('journal_mode')).toBe('wal');
    expect(ledger.pragma('synchronous')).toBe(2);
    expect(lines.some((line) => line.startsWith('ledger: first start'))).toBe(true);
    expect(listLedgerBackups(dir)).toHaveLength(1);
    expect(basename(listLedgerBackups(dir)[0] ?? '')).toMatch(/^ledger-\d{8}-\d{6}\.sqlite3$/);
  });

  it('reopens an existing ledger with its rows and does not call it a first start', () => {
    const dir = ledgerWith(3);
    const lines: string[] = [];
    const ledger = opened(dir, lines);
    expect(ledger.list().map((d) => d.id).sort()).toEqual([donation(0).id, donation(1).id, donation(2).id]);
    expect(lines.some((line) => line.startsWith('ledger: first start'))).toBe(false);
    expect(lines.some((line) => line.includes('start-up backup written'))).toBe(true);
  });

  it('refuses a missing ledger when backups exist, naming the newest backup, and creates nothing', () => {
    const dir = ledgerWith(2);
    rmSync(ledgerPathIn(dir));
    rmSync(`${ledgerPathIn(dir)}-wal`, { force: true });
    rmSync(`${ledgerPathIn(dir)}-shm`, { force: true });
    const newest = listLedgerBackups(dir).at(-1) ?? '';
    const error = refusal(() => opened(dir));
    expect(error.operatorMessage).toContain(`The donation ledger is missing from ${dir}`);
    expect(error.operatorMessage).toContain(newest);
    expect(existsSync(ledgerPathIn(dir))).toBe(false);
  });

  it('refuses a missing ledger whose write-ahead log is still there, even without backups', () => {
    const dir = dataDir();
    writeFileSync(`${ledgerPathIn(dir)}-wal`, Buffer.alloc(4096, 1));
    expect(refusal(() => opened(dir)).operatorMessage).toMatch(/write-ahead log .* is still there/);
    expect(existsSync(ledgerPathIn(dir))).toBe(false);
  });

  it('refuses a file that is not a database, leaving it exactly as it was', () => {
    const dir = dataDir();
    const garbage = Buffer.from('these are not the donations you are looking for '.repeat(200));
    writeFileSync(ledgerPathIn(dir), garbage);
    const error = refusal(() => opened(dir));
    expect(error.operatorMessage).toContain(ledgerPathIn(dir));
    expect(error.operatorMessage).toMatch(/not a SQLite database/);
    expect(error.operatorMessage).toMatch(/stopped taking donations/);
    expect(readFileSync(ledgerPathIn(dir)).equals(garbage)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['ledger.sqlite3']);
  });

  it('refuses an empty (0-byte) ledger file', () => {
    const dir = dataDir();
    writeFileSync(ledgerPathIn(dir), '');
    expect(refusal(() => opened(dir)).operatorMessage).toMatch(/empty/);
    expect(statSync(ledgerPathIn(dir)).size).toBe(0);
  });

  it('refuses a truncated ledger and points to the newest backup', () => {
    const dir = ledgerWith(300);
    const path = ledgerPathIn(dir);
    const size = statSync(path).size;
    truncateSync(path, Math.floor(size / 2));
    const error = refusal(() => opened(dir));
    expect(error.operatorMessage).toContain(path);
    expect(error.operatorMessage).toContain(listLedgerBackups(dir).at(-1) ?? 'no backup');
    expect(statSync(path).size).toBe(Math.floor(size / 2));
  });

  it('refuses a ledger written by a newer kiosk', () => {
    const dir = ledgerWith(1);
    const db = new DatabaseSync(ledgerPathIn(dir));
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(LATEST_SCHEMA_VERSION + 1, 1);
    db.close();
    expect(refusal(() => opened(dir)).operatorMessage).toMatch(/newer version of the kiosk software/);
  });

  it('refuses a SQLite database that is not a ledger', () => {
    const dir = dataDir();
    const db = new DatabaseSync(ledgerPathIn(dir));
    db.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)');
    db.close();
    expect(refusal(() => opened(dir)).operatorMessage).toMatch(/not a donation ledger/);
  });

  it('keeps only the newest 7 backups', () => {
    const dir = dataDir();
    let clock = Date.UTC(2026, 10, 26, 8, 0, 0);
    const ledger = opened(dir, [], () => clock);
    for (let n = 0; n < 10; n += 1) {
      clock += 60_000;
      takeLedgerBackup(ledger, dir, { now: () => clock });
    }
    const names = listLedgerBackups(dir).map((path) => basename(path));
    expect(names).toHaveLength(7);
    expect(names.at(-1)).toBe('ledger-20261126-081000.sqlite3');
    expect(names[0]).toBe('ledger-20261126-080400.sqlite3');
    expect(readdirSync(join(dir, BACKUP_DIR)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('removes a half-written backup left by a crash', () => {
    const dir = dataDir();
    const ledger = opened(dir);
    const stale = join(dir, BACKUP_DIR, 'ledger-20260101-000000.sqlite3.partial');
    writeFileSync(stale, 'half a backup');
    takeLedgerBackup(ledger, dir, { now: () => Date.now() + 5_000 });
    expect(existsSync(stale)).toBe(false);
    expect(listLedgerBackups(dir)).toHaveLength(2);
  });

  it('two backups in the same second both survive', () => {
    const dir = dataDir();
    const now = () => Date.UTC(2026, 0, 1, 0, 0, 0);
    const ledger = opened(dir, [], now);
    takeLedgerBackup(ledger, dir, { now });
    expect(listLedgerBackups(dir).map((path) => basename(path))).toEqual(['ledger-20260101-000000.sqlite3', 'ledger-20260101-000000-2.sqlite3']);
  });

  it('a backup is a valid ledger with the same rows', () => {
    const dir = dataDir();
    const ledger = opened(dir);
    for (let n = 0; n < 5; n += 1) ledger.createDonation(donation(n), 'donor');
    ledger.transition(donation(1).id, 'order_created', 'gateway', { orderId: 'order_ABCDEFGHIJKLMN' });
    const backup = takeLedgerBackup(ledger, dir, { now: () => Date.now() + 1000 });
    const copy = Ledger.open(backup);
    try {
      expect(copy.quickCheck()).toEqual(['ok']);
      expect(copy.list()).toEqual(ledger.list());
      expect(copy.events(donation(1).id)).toEqual(ledger.events(donation(1).id));
    } finally {
      copy.close();
    }
  });

  it('a failed backup is logged and the ledger still opens', () => {
    const dir = dataDir();
    writeFileSync(join(dir, BACKUP_DIR), 'a file where the backup folder should be');
    const lines: string[] = [];
    const ledger = opened(dir, lines);
    expect(ledger.list()).toEqual([]);
    expect(lines.some((line) => line.includes('backup FAILED'))).toBe(true);
  });
});

describe('safe stop when the ledger is refused', () => {
  it('browser mode still serves, and every call answers kiosk_unavailable with the operator message', async () => {
    const { startBrowserMode } = await import('../../src-main/browser-mode/server.ts');
    const dir = dataDir();
    writeFileSync(ledgerPathIn(dir), 'not a database at all, padded to look like a file of some size '.repeat(10));
    const lines: string[] = [];
    const server = await startBrowserMode({
      dataDir: dir,
      env: { KIOSK_RAZORPAY_KEY_ID: 'rzp_test_LedgerFile0001', KIOSK_RAZORPAY_KEY_SECRET: 'secret', KIOSK_RAZORPAY_API_URL: 'http://127.0.0.1:9' },
      port: 0,
      log: (line) => lines.push(line),
    });
    try {
      expect(server.services).toBeNull();
      expect(server.unavailableMessage).toContain(ledgerPathIn(dir));
      for (const [method, payload] of [
        ['getKioskState', null],
        ['startDonation', { amountRupees: 100, donor: { anonymous: true } }],
      ] as const) {
        const reply = await fetch(`${server.origin}/ipc/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': server.token },
          body: JSON.stringify({ payload }),
        });
        expect(await reply.json()).toEqual({ ok: false, error: { code: 'kiosk_unavailable', message: server.unavailableMessage, retryable: false } });
      }
      expect(lines.some((line) => line.startsWith('kiosk out of service:'))).toBe(true);
      // The ledger file is left as it was (browser mode's identity key may sit beside it: src-main/services/identity-key.ts).
      expect(readdirSync(dir).filter((name) => name !== DEVELOPMENT_IDENTITY_KEY_FILE)).toEqual(['ledger.sqlite3']);
    } finally {
      await server.close();
    }
  });
});
