// The data folder is the kiosk account's alone (issue 14, item 8): the ledger
// and its backups, settings, the PIN record, encrypted keys, receipt PDFs and
// exports written there hold donors' names, addresses and phone numbers.
//
// On Linux and macOS: new files are created readable by the owner only (the
// process umask), the folder is 0700, and whatever an older version left
// readable inside is tightened (files 0600, folders 0700). On Windows the
// folder's ACL decides, and the default data folder under the kiosk
// account's %APPDATA% already inherits "this user, SYSTEM and Administrators"
// only; a folder set with KIOSK_DATA_DIR elsewhere needs the same ACL
// (docs/installer.md). Symbolic links are never followed.
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

export interface PrivateFolderReport {
  /** Entries whose permissions were tightened. */
  tightened: number;
}

export function makeDataFolderPrivate(dataDir: string, log: (line: string) => void, platform: NodeJS.Platform = process.platform): PrivateFolderReport {
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR });
  if (platform === 'win32') return { tightened: 0 };
  // Everything the kiosk creates from now on (ledger, WAL, backups, PDFs, exports) is the owner's only.
  process.umask(0o077);
  let tightened = 0;
  const walk = (path: string): void => {
    const info = lstatSync(path);
    if (info.isSymbolicLink()) return;
    // Group and others lose every right; a file keeps at most its owner's read and write.
    if ((info.mode & 0o077) !== 0) {
      chmodSync(path, info.isDirectory() ? PRIVATE_DIR : info.mode & PRIVATE_FILE);
      tightened += 1;
    }
    if (info.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  try {
    walk(dataDir);
  } catch (error) {
    log(`data folder: could not make every file in ${dataDir} private: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (tightened > 0) log(`data folder: ${tightened} file(s) or folder(s) in ${dataDir} were readable by others; now the kiosk account's only`);
  return { tightened };
}
