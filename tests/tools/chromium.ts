// The Chromium the end-to-end tests, the bench and the icon script drive,
// found in this order:
//   1. $CHROMIUM_PATH, when it names a file;
//   2. Playwright's own Chromium, when `npx playwright install chromium` has
//      put one in its cache (PLAYWRIGHT_BROWSERS_PATH moves that cache);
//   3. the system's, /usr/bin/chromium (Debian: `apt-get install chromium`);
//      KIOSK_SYSTEM_CHROMIUM names another path (tests use it to hide it).
// Playwright never downloads a browser by itself here.
//
//   node tests/tools/chromium.ts    prints the Chromium found, or one line
//                                   saying how to get one, and exits 1
// (`npm test` runs it just before the end-to-end stage.)
import { chromium, type Browser } from '@playwright/test';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export type ChromiumSource = 'CHROMIUM_PATH' | 'playwright' | 'system';

export type ChromiumLookup =
  | { ok: true; path: string; source: ChromiumSource; skipped: string[] }
  | { ok: false; message: string };

export interface ChromiumLookupDeps {
  env: NodeJS.ProcessEnv;
  exists: (path: string) => boolean;
  /** Where Playwright keeps its own Chromium (whether or not it is there). */
  playwrightPath: () => string | null;
}

function playwrightChromium(): string | null {
  try {
    return chromium.executablePath();
  } catch {
    return null;
  }
}

const defaults: ChromiumLookupDeps = { env: process.env, exists: existsSync, playwrightPath: playwrightChromium };

/** The first Chromium of the three that exists; or one line saying how to get one. */
export function findChromium(deps: ChromiumLookupDeps = defaults): ChromiumLookup {
  const skipped: string[] = [];
  const explicit = deps.env['CHROMIUM_PATH']?.trim();
  if (explicit) {
    if (deps.exists(explicit)) return { ok: true, path: explicit, source: 'CHROMIUM_PATH', skipped };
    skipped.push(`CHROMIUM_PATH=${explicit} does not exist`);
  }
  const own = deps.playwrightPath();
  if (own !== null && deps.exists(own)) return { ok: true, path: own, source: 'playwright', skipped };
  const system = deps.env['KIOSK_SYSTEM_CHROMIUM']?.trim() || SYSTEM_CHROMIUM;
  if (deps.exists(system)) return { ok: true, path: system, source: 'system', skipped };
  const why = [...skipped, "Playwright's own is not installed", `${system} does not exist`].join('; ');
  return {
    ok: false,
    message: `No Chromium for the end-to-end tests (${why}): run \`npx playwright install chromium\` (needs internet), or \`apt-get install chromium\` on Debian/Ubuntu, or set CHROMIUM_PATH to a Chromium executable.`,
  };
}

/** The Chromium found, or an Error with the one-line message. */
export function chromiumPath(): string {
  const found = findChromium();
  if (!found.ok) throw new Error(found.message);
  return found.path;
}

// No background connections: build machines have no internet, and Chromium
// would otherwise keep trying Google's hosts.
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const found = findChromium();
  if (found.ok) {
    const note = found.skipped.length > 0 ? ` (${found.skipped.join('; ')})` : '';
    console.log(`Chromium for the end-to-end tests: ${found.path}, from ${found.source}${note}`);
  } else {
    console.error(found.message);
    process.exitCode = 1;
  }
}
