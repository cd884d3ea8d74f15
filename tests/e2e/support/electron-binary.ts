// Where Electron's binary would be, without require('electron'): from
// Electron 42 on, requiring it starts a download, and this machine has no
// route to GitHub.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function findElectronBinary(): string | null {
  const packageDir = resolve('node_modules/electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

export const ELECTRON_MISSING_MESSAGE =
  'Electron binary not installed (it downloads from GitHub, which this machine cannot reach): the Electron run of this spec is skipped; the browser run covers the same flow.';

/** CI on real operating systems (.github/workflows/platforms.yml) sets this: a missing binary fails the run instead of skipping the Electron project. */
export function electronRequired(): boolean {
  return process.env.KIOSK_E2E_REQUIRE_ELECTRON === '1';
}
