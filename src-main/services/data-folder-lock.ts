// One kiosk per data folder (issue 13): two kiosk processes on one folder
// would share one ledger, one receipt sequence and one journal. The first
// kiosk holds an exclusive lock on `kiosk.lock` in the folder for as long as
// it runs; a second one is refused with a plain message. The lock is SQLite's
// own file lock (fcntl on macOS and Linux, LockFileEx on Windows): the
// operating system drops it when the process ends, however it ends, so a
// crashed or killed kiosk never leaves a stale lock behind.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export const LOCK_FILE = 'kiosk.lock';

export class DataFolderInUseError extends Error {
  readonly dataDir: string;

  constructor(dataDir: string, options?: { cause?: unknown }) {
    super(
      `Another kiosk is already using the data folder ${dataDir} (the kiosk app, or browser mode in a terminal). ` +
        'Only one kiosk may run on a data folder, because they would share one donation ledger. Close the other one and start this one again.',
      options,
    );
    this.name = 'DataFolderInUseError';
    this.dataDir = dataDir;
  }
}

export function isDataFolderInUseError(error: unknown): error is DataFolderInUseError {
  return error instanceof DataFolderInUseError;
}

export interface DataFolderLock {
  release(): void;
}

/** Takes the folder's lock, or throws DataFolderInUseError at once (it never waits). */
export function lockDataFolder(dataDir: string): DataFolderLock {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(join(dataDir, LOCK_FILE));
  try {
    db.exec('PRAGMA busy_timeout = 0');
    // Exclusive locking mode keeps the lock after the first write until the connection closes.
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, started_at INTEGER NOT NULL)');
    db.exec('DELETE FROM holder');
    db.prepare('INSERT INTO holder (pid, started_at) VALUES (?, ?)').run(process.pid, Date.now());
    db.exec('COMMIT');
  } catch (error) {
    if (db.isOpen) db.close();
    const code = (error as { errcode?: unknown }).errcode;
    if (typeof code === 'number' && (code & 0xff) === 5) throw new DataFolderInUseError(dataDir, { cause: error });
    throw error;
  }
  return {
    release() {
      if (db.isOpen) db.close();
    },
  };
}
