// A stand-in for Electron's Linux distribution, so electron-builder can package
// the app where the Electron binary cannot be downloaded (electron.md §0, §11).
//
// The `electron` file is not a program that runs the app; it carries what
// packaging reads and writes: Electron's fuse wire (the sentinel, the wire
// version, its length and one state byte per fuse, in @electron/fuses' V1
// order) with Electron 45's default states, so electron-builder's fuse
// flipping and @electron/fuses' reading really run against it.

import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_WIRE_VERSION = 1;

/** V1 fuse order and Electron's defaults ('1' on, '0' off), electron/docs/tutorial/fuses.md. */
export const FUSE_ORDER = [
  ['runAsNode', '1'],
  ['enableCookieEncryption', '0'],
  ['enableNodeOptionsEnvironmentVariable', '1'],
  ['enableNodeCliInspectArguments', '1'],
  ['enableEmbeddedAsarIntegrityValidation', '0'],
  ['onlyLoadAppFromAsar', '0'],
  ['loadBrowserProcessSpecificV8Snapshot', '0'],
  ['grantFileProtocolExtraPrivileges', '1'],
] as const;

export type FuseName = (typeof FUSE_ORDER)[number][0];

export function createStandInElectron(electronVersion: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'stand-in-electron-'));
  const script = Buffer.from('#!/bin/sh\necho "stand-in Electron for packaging checks: it cannot run the app" >&2\nexit 1\n# fuse wire: ');
  const wire = Buffer.concat([
    Buffer.from(FUSE_SENTINEL, 'ascii'),
    Buffer.from([FUSE_WIRE_VERSION, FUSE_ORDER.length]),
    Buffer.from(FUSE_ORDER.map(([, state]) => state).join(''), 'ascii'),
    Buffer.from('\n'),
  ]);
  writeFileSync(path.join(dir, 'electron'), Buffer.concat([script, wire]));
  chmodSync(path.join(dir, 'electron'), 0o755);
  writeFileSync(path.join(dir, 'version'), electronVersion);
  writeFileSync(path.join(dir, 'LICENSE'), 'Stand-in for the Electron distribution (packaging checks only).\n');
  mkdirSync(path.join(dir, 'locales'));
  writeFileSync(path.join(dir, 'locales', 'en-US.pak'), '');
  mkdirSync(path.join(dir, 'resources'));
  return dir;
}

/** Reads the fuse wire back from a packaged executable: fuse name → 'on' | 'off' | other. */
export function readFuseWire(executable: Buffer): Record<FuseName, 'on' | 'off' | 'removed' | 'unknown'> | null {
  const at = executable.indexOf(FUSE_SENTINEL);
  if (at === -1) return null;
  const start = at + FUSE_SENTINEL.length;
  if (executable[start] !== FUSE_WIRE_VERSION) return null;
  const length = executable[start + 1] ?? 0;
  const states = {} as Record<FuseName, 'on' | 'off' | 'removed' | 'unknown'>;
  FUSE_ORDER.forEach(([name], index) => {
    const byte = index < length ? executable[start + 2 + index] : undefined;
    states[name] = byte === 0x31 ? 'on' : byte === 0x30 ? 'off' : byte === 0x72 ? 'removed' : 'unknown';
  });
  return states;
}
