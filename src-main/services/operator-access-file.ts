// Where the operator PIN's hash and lockout live: operator-access.json in the
// data folder, replaced atomically on every save. A missing file means "no
// PIN" (a fresh install may choose one; a kiosk with donations has lost
// access: operator-access.ts); a file that cannot be read or parsed is an
// error, never "no PIN" (that would let anyone set a new one).
//
// The reset record is written only from the machine itself (the
// reset-operator-pin tool, the app's --reset-operator-pin launch flag): it
// replaces any PIN and lets the next operator choose one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  OperatorAccessStorageError,
  type OperatorAccessStorage,
  type StoredOperatorAccess,
  type StoredOperatorReset,
} from '../domain/operator/operator-access.ts';
import { writeFileAtomic } from '../domain/atomic-file.ts';

export const OPERATOR_ACCESS_FILE = 'operator-access.json';

export function operatorAccessFileStorage(dataDir: string): OperatorAccessStorage & { path: string } {
  const path = join(dataDir, OPERATOR_ACCESS_FILE);
  return {
    path,
    async load() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new OperatorAccessStorageError(`${path} cannot be read (${(error as Error).message})`);
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new OperatorAccessStorageError(`${path} is not valid JSON (${(error as Error).message})`);
      }
      // `null` in the file is damage, not "no PIN yet" (only a missing file is).
      if (typeof value !== 'object' || value === null) throw new OperatorAccessStorageError(`${path} does not hold the PIN record`);
      return value as StoredOperatorAccess | StoredOperatorReset;
    },
    async save(state) {
      writeFileAtomic(path, `${JSON.stringify(state)}\n`, { mode: 0o600 });
    },
  };
}

/** Replaces the PIN record with a reset: the next operator at the console chooses a new PIN. Needs access to the data folder. */
export function resetOperatorAccessFile(dataDir: string, now: number = Date.now()): string {
  const path = join(dataDir, OPERATOR_ACCESS_FILE);
  const reset: StoredOperatorReset = { version: 1, resetFromMachineAt: now };
  writeFileAtomic(path, `${JSON.stringify(reset)}\n`, { mode: 0o600 });
  return path;
}

/** The launch flag the installed app takes for the same reset (src-main/electron/main.ts). */
export const RESET_OPERATOR_PIN_FLAG = '--reset-operator-pin';
