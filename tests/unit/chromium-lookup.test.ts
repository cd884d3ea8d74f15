// Where the end-to-end tests find Chromium: $CHROMIUM_PATH, Playwright's own,
// /usr/bin/chromium, in that order; with none, one line saying how to get one
// (and `npm test` stops there, before the end-to-end stage).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium, SYSTEM_CHROMIUM, type ChromiumLookupDeps } from '../tools/chromium.ts';

const PLAYWRIGHTS = '/home/k/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';

function lookup(present: string[], env: NodeJS.ProcessEnv = {}) {
  const deps: ChromiumLookupDeps = { env, exists: (path) => present.includes(path), playwrightPath: () => PLAYWRIGHTS };
  return findChromium(deps);
}

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, then Playwright’s own, then the system’s', () => {
    const all = ['/opt/chrome', PLAYWRIGHTS, SYSTEM_CHROMIUM];
    expect(lookup(all, { CHROMIUM_PATH: '/opt/chrome' })).toEqual({ ok: true, path: '/opt/chrome', source: 'CHROMIUM_PATH', skipped: [] });
    expect(lookup(all)).toMatchObject({ ok: true, path: PLAYWRIGHTS, source: 'playwright' });
    expect(lookup([SYSTEM_CHROMIUM])).toMatchObject({ ok: true, path: SYSTEM_CHROMIUM, source: 'system' });
  });

  it('passes over a CHROMIUM_PATH that does not exist, and says so', () => {
    expect(lookup([SYSTEM_CHROMIUM], { CHROMIUM_PATH: '/nowhere' })).toEqual({
      ok: true,
      path: SYSTEM_CHROMIUM,
      source: 'system',
      skipped: ['CHROMIUM_PATH=/nowhere does not exist'],
    });
  });

  it('with none, says in one line what was looked for and how to get one', () => {
    const none = lookup([], { CHROMIUM_PATH: '/nowhere' });
    if (none.ok) throw new Error('found a Chromium in an empty world');
    expect(none.message.split('\n')).toHaveLength(1);
    expect(none.message).toContain('CHROMIUM_PATH=/nowhere does not exist');
    expect(none.message).toContain(`${SYSTEM_CHROMIUM} does not exist`);
    expect(none.message).toContain('npx playwright install chromium');
    expect(none.message).toContain('apt-get install chromium');
  });
});

describe('node tests/tools/chromium.ts (the step before the end-to-end stage of npm test)', () => {
  it('with no Chromium anywhere, prints the one line and fails', () => {
    const emptyCache = mkdtempSync(join(tmpdir(), 'kiosk-no-playwright-'));
    try {
      const run = spawnSync(process.execPath, ['tests/tools/chromium.ts'], {
        encoding: 'utf8',
        env: { ...process.env, CHROMIUM_PATH: '/nowhere/chrome', PLAYWRIGHT_BROWSERS_PATH: emptyCache, KIOSK_SYSTEM_CHROMIUM: '/nowhere/chromium' },
      });
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^No Chromium for the end-to-end tests \(.*\): run `npx playwright install chromium`/)]);
    } finally {
      rmSync(emptyCache, { recursive: true, force: true });
    }
  });
});
