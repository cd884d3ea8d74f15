// Opening the kiosk's ledger file safely, and keeping rotating backups of it.
//
// The rules (docs/operations.md, "The ledger: durability and recovery"):
// - A new, empty ledger is created only on a true first start: no ledger file
//   and no backups. A missing ledger with backups beside it means someone lost
//   it, and a fresh one would silently hide every recorded donation.
// - A file that is not a SQLite database, fails quick_check, is truncated or
//   was written by a newer kiosk is refused, untouched (never renamed away,
//   never replaced), with a message that tells the operator what to do.
// - After opening: a backup at start-up and at most every 6 hours while
//   running, the newest 7 kept. A failed backup is logged, never fatal.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Ledger } from './ledger.ts';
import type { IdentityCipher } from './identity-cipher.ts';
import { LATEST_SCHEMA_VERSION } from './migrations.ts';

export const LEDGER_FILE = 'ledger.sqlite3';
export const BACKUP_DIR = 'backups';
export const BACKUPS_KEPT = 7;
export const BACKUP_INTERVAL_MS = 6 * 60 * 60 * 1000;

const SQLITE_HEADER = 'SQLite format 3\u0000';
const BACKUP_NAME = /^ledger-(\d{8})-(\d{6})(?:-(\d+))?\.sqlite3$/;

/** The ledger cannot be used: the kiosk must stop taking donations and show `operatorMessage`. */
export class LedgerUnavailableError extends Error {
  readonly operatorMessage: string;
  readonly ledgerPath: string;

  constructor(operatorMessage: string, ledgerPath: string, options?: { cause?: unknown }) {
    super(operatorMessage, options);
    this.name = 'LedgerUnavailableError';
    this.operatorMessage = operatorMessage;
    this.ledgerPath = ledgerPath;
  }
}

export function isLedgerUnavailableError(error: unknown): error is LedgerUnavailableError {
  return error instanceof LedgerUnavailableError;
}

export interface LedgerFileOptions {
  log: (line: string) => void;
  /** Clock for backup names and the ledger's timestamps. */
  now?: () => number;
  /** How many backups to keep (default 7). */
  keepBackups?: number;
  /** Minimum time between running backups (default 6 h); 0 turns them off. */
  backupIntervalMs?: number;
  /** Seals identity numbers at rest (ledger.ts); without it 80G details cannot be kept. */
  identityCipher?: IdentityCipher;
}

export function ledgerPathIn(dataDir: string): string {
  return join(dataDir, LEDGER_FILE);
}

/** Backups in `dataDir/backups`, oldest first (names sort by time). */
export function listLedgerBackups(dataDir: string): string[] {
  const dir = join(dataDir, BACKUP_DIR);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
  return names
    .filter((name) => BACKUP_NAME.test(name))
    .sort(compareBackupNames)
    .map((name) => join(dir, name));
}

function compareBackupNames(a: string, b: string): number {
  const ma = BACKUP_NAME.exec(a);
  const mb = BACKUP_NAME.exec(b);
  const key = (m: RegExpExecArray | null) => `${m?.[1] ?? ''}${m?.[2] ?? ''}${(m?.[3] ?? '0').padStart(6, '0')}`;
  return key(ma).localeCompare(key(mb));
}

function stamp(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

function fsyncPath(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Directories cannot be fsynced on every platform; the file itself was.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Takes a consistent copy of the open ledger into `dataDir/backups` and prunes
 * all but the newest `keep`. Written to a temporary name, synced, then renamed,
 * so a crash mid-backup never leaves a half file that looks like a backup.
 */
export function takeLedgerBackup(ledger: Ledger, dataDir: string, options: { now?: () => number; keep?: number } = {}): string {
  const now = options.now ?? Date.now;
  const keep = options.keep ?? BACKUPS_KEPT;
  const dir = join(dataDir, BACKUP_DIR);
  mkdirSync(dir, { recursive: true });
  const base = `ledger-${stamp(now())}`;
  let name = `${base}.sqlite3`;
  for (let n = 2; existsSync(join(dir, name)); n += 1) name = `${base}-${n}.sqlite3`;
  const target = join(dir, name);
  const partial = `${target}.partial`;
  // Left by a backup that a crash interrupted: never a backup, so never kept.
  for (const stale of readdirSync(dir).filter((file) => file.endsWith('.partial'))) rmSync(join(dir, stale), { force: true });
  try {
    ledger.backupTo(partial);
    fsyncPath(partial);
    renameSync(partial, target);
    fsyncPath(dir);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  const all = listLedgerBackups(dataDir);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) rmSync(old, { force: true });
  return target;
}

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(100);
    const read = readSync(fd, buffer, 0, 100, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

function restoreAdvice(path: string, dataDir: string): string {
  const backups = listLedgerBackups(dataDir);
  const newest = backups[backups.length - 1];
  const stale = `${path}-wal and ${path}-shm`;
  if (!newest) {
    return `No backup exists in ${join(dataDir, BACKUP_DIR)}: keep the file as it is and contact support; do not delete it, it holds the record of donations.`;
  }
  return (
    `To recover: stop the kiosk, move ${path} (and ${stale} if present) to a safe place for investigation, ` +
    `copy the newest backup ${newest} to ${path}, and start the kiosk again; it then checks every unfinished donation with Razorpay. ` +
    `Donations completed after that backup are in the Razorpay dashboard.`
  );
}

function refuse(path: string, dataDir: string, problem: string, cause?: unknown): LedgerUnavailableError {
  const message = `The donation ledger ${path} cannot be used: ${problem}. The kiosk has stopped taking donations and has not changed the file. ${restoreAdvice(path, dataDir)}`;
  return new LedgerUnavailableError(message, path, { cause });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Checks an existing file before the ledger touches it. Throws LedgerUnavailableError. */
function inspectExisting(path: string, dataDir: string, hasBackups: boolean): void {
  let header: Buffer;
  try {
    if (!statSync(path).isFile()) throw new Error('it is not a regular file');
    header = readHeader(path);
  } catch (error) {
    throw refuse(path, dataDir, `it cannot be read (${errorText(error)})`, error);
  }
  if (header.length === 0) throw refuse(path, dataDir, 'the file is empty (0 bytes)');
  if (header.length < 100 || header.subarray(0, 16).toString('latin1') !== SQLITE_HEADER) {
    throw refuse(path, dataDir, 'it is not a SQLite database (damaged or overwritten)');
  }

  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(path);
    db.exec('PRAGMA busy_timeout = 5000');
    const problems = (db.prepare('PRAGMA quick_check').all() as Record<string, string>[]).map((row) => String(Object.values(row)[0] ?? ''));
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw refuse(path, dataDir, `SQLite's integrity check failed (${problems.slice(0, 3).join('; ')})`);
    }
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((row) => row.name);
    if (tables.length === 0) {
      // An interrupted first start leaves an empty database; with backups
      // beside it, it is a lost ledger and must not quietly become a new one.
      if (hasBackups) throw refuse(path, dataDir, 'the file holds no tables at all, although backups of a ledger exist');
      return;
    }
    if (!tables.includes('schema_migrations') || !tables.includes('donations')) {
      throw refuse(path, dataDir, 'it is a SQLite database but not a donation ledger');
    }
    const row = db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null } | undefined;
    const version = row?.version ?? 0;
    if (version > LATEST_SCHEMA_VERSION) {
      throw new LedgerUnavailableError(
        `The donation ledger ${path} was written by a newer version of the kiosk software (ledger schema ${version}; this version understands up to ${LATEST_SCHEMA_VERSION}). ` +
          'The kiosk has stopped taking donations and has not changed the file. Install the newer kiosk software again; do not restore an older backup over this file.',
        path,
      );
    }
  } catch (error) {
    if (error instanceof LedgerUnavailableError) throw error;
    throw refuse(path, dataDir, `SQLite cannot read it (${errorText(error)})`, error);
  } finally {
    if (db?.isOpen) db.close();
  }
}

/**
 * Opens the ledger in `dataDir` (see the rules at the top of this file) and
 * starts its rotating backups; closing the ledger stops them.
 * Throws LedgerUnavailableError with an operator-facing message when it must not be used.
 */
export function openLedgerFile(dataDir: string, options: LedgerFileOptions): Ledger {
  const { log } = options;
  const now = options.now ?? Date.now;
  const keep = options.keepBackups ?? BACKUPS_KEPT;
  const intervalMs = options.backupIntervalMs ?? BACKUP_INTERVAL_MS;
  const path = ledgerPathIn(dataDir);
  const backups = listLedgerBackups(dataDir);

  if (!existsSync(path)) {
    const newest = backups[backups.length - 1];
    if (newest) {
      throw new LedgerUnavailableError(
        `The donation ledger is missing from ${dataDir} (expected ${path}), but ${backups.length} backup(s) of it exist. ` +
          `The kiosk has stopped taking donations rather than start an empty ledger. Restore it from the newest backup: stop the kiosk, ` +
          `delete ${path}-wal and ${path}-shm if present, copy ${newest} to ${path}, and start the kiosk again; it then checks every unfinished donation with Razorpay. ` +
          `Donations completed after that backup are in the Razorpay dashboard.`,
        path,
      );
    }
    const wal = `${path}-wal`;
    if (existsSync(wal) && statSync(wal).size > 0) {
      // The ledger existed (its write-ahead log is still here): a new file would replay that log into garbage.
      throw new LedgerUnavailableError(
        `The donation ledger is missing from ${dataDir} (expected ${path}), but its write-ahead log ${wal} is still there, so a ledger existed. ` +
          `The kiosk has stopped taking donations rather than start an empty one. Put the ledger file back (without it the log cannot be used), ` +
          `or move ${wal} and ${path}-shm to a safe place and restore a backup from ${join(dataDir, BACKUP_DIR)} if there is one.`,
        path,
      );
    }
    log(`ledger: first start, creating a new ledger at ${path}`);
  } else {
    inspectExisting(path, dataDir, backups.length > 0);
  }

  let ledger: Ledger;
  try {
    ledger = Ledger.open(path, now, options.identityCipher ? { identityCipher: options.identityCipher } : {});
  } catch (error) {
    throw refuse(path, dataDir, `opening it failed (${errorText(error)})`, error);
  }

  const backup = (why: string) => {
    try {
      const written = takeLedgerBackup(ledger, dataDir, { now, keep });
      log(`ledger: ${why} backup written to ${written}`);
    } catch (error) {
      log(`ledger: ${why} backup FAILED (the ledger itself is fine): ${errorText(error)}`);
    }
  };
  backup('start-up');

  if (intervalMs > 0) {
    const timer = setInterval(() => backup('periodic'), intervalMs);
    timer.unref();
    const close = ledger.close.bind(ledger);
    ledger.close = () => {
      clearInterval(timer);
      close();
    };
  }
  return ledger;
}
