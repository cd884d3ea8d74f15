// Section 4: what the donor waits for on screen. The renderer's initial
// JavaScript (gzipped), navigation to a usable welcome screen, and the "Pay"
// tap to Checkout's stand-in showing its payment methods, with the simulator at
// zero latency. Times come from the page's own clock (page-instruments.ts).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median, type Figure } from './report.ts';
import type { BrowserKiosk } from './browser-kiosk.ts';
import { PAGE_INSTRUMENTS, readMarks, readWelcomeInteractive, requireMarks } from './page-instruments.ts';
import { checkoutFrameHandle, payAndFinish, payButton, reachPay } from './donor-driver.ts';

const SECTION = '4 screens';
const RUNS = 10;

/** The entry chunk index.html loads, and every chunk it imports statically (dynamic imports load later, on demand). */
export function initialScripts(rendererDir: string): string[] {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) =>
    resolve(rendererDir, m[1] ?? ''),
  );
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // `import x from "./a.js"` and `import "./a.js"`; not `import("./a.js")`.
    for (const m of code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) visit(resolve(dirname(file), m[1] ?? ''));
  };
  entries.forEach(visit);
  return [...seen];
}

function bundleFigures(rendererDir: string): Figure[] {
  const files = initialScripts(rendererDir);
  if (files.length === 0) throw new Error(`no entry script in ${rendererDir}/index.html`);
  const raw = files.reduce((sum, f) => sum + readFileSync(f).length, 0);
  const gzipped = files.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);
  return [{ section: SECTION, name: 'initial JavaScript, gzipped', value: gzipped / 1024, unit: 'KB', target: 200, comparison: 'under', detail: { files: files.length, rawKB: Math.round(raw / 1024) } }];
}

async function welcomeTimes(kiosk: BrowserKiosk): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    // A fresh context each time: nothing cached from the run before.
    const { context, page } = await kiosk.newPage();
    await context.addInitScript({ content: PAGE_INSTRUMENTS });
    await page.goto(kiosk.url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(readWelcomeInteractive, undefined, { timeout: 15_000 });
    times.push(Number(await handle.jsonValue()));
    await context.close();
  }
  return times;
}

/**
 * Headless Chromium's own floor on this machine, the baseline beside the
 * welcome figure: a fresh context navigating to a blank page whose one inline
 * script notes when it ran.
 */
async function blankPageTimes(kiosk: BrowserKiosk): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const { context, page } = await kiosk.newPage();
    await page.goto('data:text/html,<!doctype html><title>blank</title><p>blank</p><script>window.__ranAt = performance.now()</script>');
    times.push(Number(await page.evaluate(() => (globalThis as unknown as { __ranAt: number }).__ranAt)));
    await context.close();
  }
  return times;
}

/** For each Pay tap: the first moment after it when Checkout's container and its payment methods were both visible. */
async function payToCheckoutTimes(kiosk: BrowserKiosk): Promise<number[]> {
  const { context, page } = await kiosk.newPage();
  await context.addInitScript({ content: PAGE_INSTRUMENTS });
  await page.goto(kiosk.url);
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS; i += 1) {
      await reachPay(page);
      await payButton(page).click();
      const frame = await checkoutFrameHandle(page);
      await frame.getByTestId('sim-method-upi').waitFor({ timeout: 15_000 });
      const top = requireMarks(await page.evaluate(readMarks));
      const inFrame = requireMarks(await frame.evaluate(readMarks));
      const tap = top.payTaps.at(-1);
      if (tap === undefined) throw new Error('the Pay tap was not seen by the page');
      const shown = top.checkoutShown.find((t) => t >= tap);
      const methods = inFrame.methodsShown.find((t) => t >= tap);
      if (shown === undefined || methods === undefined) throw new Error('Checkout was not seen becoming visible after the Pay tap');
      times.push(Math.max(shown, methods) - tap);
      await payAndFinish(page);
    }
  } finally {
    await context.close();
  }
  return times;
}

export async function benchScreens(kiosk: BrowserKiosk, rendererDir: string): Promise<Figure[]> {
  const figures = bundleFigures(rendererDir);
  const welcome = await welcomeTimes(kiosk);
  figures.push({ section: SECTION, name: `navigation to a usable welcome screen, median of ${RUNS}`, value: median(welcome), unit: 'ms', target: 300, comparison: 'under', detail: { slowest: Math.max(...welcome) } });
  figures.push({ section: SECTION, name: `  baseline: a blank page in a fresh context, median of ${RUNS}`, value: median(await blankPageTimes(kiosk)), unit: 'ms', target: null, comparison: 'info' });
  const pay = await payToCheckoutTimes(kiosk);
  figures.push({ section: SECTION, name: `Pay tap to Checkout visible, median of ${RUNS}`, value: median(pay), unit: 'ms', target: 100, comparison: 'under', detail: { slowest: Math.max(...pay) } });
  return figures;
}
