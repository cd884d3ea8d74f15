// When the ledger cannot be trusted with the next write: SQLite or the disk
// refused it (a full disk, a read-only file, an I/O error, a lock held by
// another program), or the file the kiosk opened is no longer the file at
// the ledger's path (deleted, moved, replaced by a copy). Either way the
// kiosk stops taking donations at once; a write failure may clear by itself
// (ledger-health.ts probes it), a replaced file needs a restart.

export type LedgerFaultKind = 'write_failed' | 'file_replaced';

export class LedgerFaultError extends Error {
  readonly kind: LedgerFaultKind;
  /** What the operator reads, on the out-of-service screen and in the log. */
  readonly operatorMessage: string;

  constructor(kind: LedgerFaultKind, operatorMessage: string, options?: { cause?: unknown }) {
    super(operatorMessage, options);
    this.name = 'LedgerFaultError';
    this.kind = kind;
    this.operatorMessage = operatorMessage;
  }
}

export function isLedgerFaultError(error: unknown): error is LedgerFaultError {
  return error instanceof LedgerFaultError;
}

/** SQLite primary result codes that mean the storage, not the kiosk's own logic, refused (sqlite.org/rescode.html). */
const STORAGE_RESULT_CODES = new Set([
  5, // SQLITE_BUSY: another program holds the file
  8, // SQLITE_READONLY
  10, // SQLITE_IOERR
  11, // SQLITE_CORRUPT
  13, // SQLITE_FULL
  14, // SQLITE_CANTOPEN
  15, // SQLITE_PROTOCOL
  26, // SQLITE_NOTADB
]);

/** File-system errors of the same kind, from writing the receipt journal. */
const STORAGE_ERRNO = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO', 'EACCES', 'EPERM', 'EBUSY', 'ENOENT', 'EFBIG']);

export function isStorageFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; errcode?: unknown };
  if (e.code === 'ERR_SQLITE_ERROR' && typeof e.errcode === 'number') return STORAGE_RESULT_CODES.has(e.errcode & 0xff);
  return typeof e.code === 'string' && STORAGE_ERRNO.has(e.code);
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function writeFailure(path: string, cause: unknown): LedgerFaultError {
  return new LedgerFaultError(
    'write_failed',
    `The kiosk cannot write to its donation ledger ${path}: ${errorText(cause)}. It has stopped taking donations; nothing recorded so far is lost. ` +
      'Free space on the disk (or make the data folder writable again); the kiosk checks every few seconds and resumes by itself.',
    { cause },
  );
}

export function fileReplaced(path: string, what: string): LedgerFaultError {
  return new LedgerFaultError(
    'file_replaced',
    `The donation ledger ${path} was ${what} while the kiosk was running. The kiosk has stopped taking donations so that nothing is written to a file that is no longer the ledger. ` +
      'If you are restoring a backup, finish the steps in docs/operations.md and then restart the kiosk: at start-up it recovers from Razorpay every donation made after the backup. ' +
      'If you did not expect this, put the ledger file back and restart the kiosk.',
  );
}
