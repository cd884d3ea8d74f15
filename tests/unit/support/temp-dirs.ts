// Temporary folders for one test file: each test makes what it needs, and they
// are removed after every test (vitest's afterEach, registered here once).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A maker of fresh folders named `<prefix>…` under the OS's temp folder, removed after each test. */
export function tempDirs(prefix: string): () => string {
  const made: string[] = [];
  afterEach(() => {
    made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
