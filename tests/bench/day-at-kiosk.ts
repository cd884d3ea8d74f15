// Section 5: a day at the kiosk. 500 whole donations through the real screens
// in browser mode, with the services in their own process; the renderer's JS
// heap (over CDP, after HeapProfiler.collectGarbage) and the services' resident
// memory (after global.gc() in that process) are taken after a warm-up and
// again at the end. Growth beyond a few MB over a day's donations would be a
// leak that a kiosk running for twelve hours turns into a crash.
import type { CDPSession, Page } from '@playwright/test';
import type { Figure } from './report.ts';
import type { BrowserKiosk } from './browser-kiosk.ts';
import { donateOnce, donateButton } from './donor-driver.ts';

const SECTION = '5 day at the kiosk';
const MB = 1024 * 1024;
const WARMUP_CYCLES = 10;

async function rendererHeapBytes(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return usage.usedSize;
}

async function cycles(page: Page, count: number, progress: (line: string) => void): Promise<void> {
  for (let i = 1; i <= count; i += 1) {
    await donateOnce(page);
    if (i % 100 === 0) progress(`  ${i} of ${count} donations`);
  }
}

export async function benchDayAtKiosk(kiosk: BrowserKiosk, donations: number, progress: (line: string) => void): Promise<Figure[]> {
  // Reduced motion: Checkout's opening animation makes every tap inside it wait
  // for the frame to settle, and it allocates nothing on the JS heap.
  const { context, page } = await kiosk.newPage({ reducedMotion: 'reduce' });
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await page.goto(kiosk.url);
    await donateButton(page).waitFor();
    const atLoad = { heap: await rendererHeapBytes(cdp), rss: (await kiosk.servicesMemory()).rssBytes };
    // Warm-up first: the first donations load Checkout, compile code paths and fill caches once, which is not growth.
    await cycles(page, WARMUP_CYCLES, progress);
    const before = { heap: await rendererHeapBytes(cdp), services: await kiosk.servicesMemory() };
    const started = performance.now();
    await cycles(page, donations, progress);
    const seconds = (performance.now() - started) / 1000;
    const after = { heap: await rendererHeapBytes(cdp), services: await kiosk.servicesMemory() };
    const paid = kiosk.simulator.listPayments().filter((p) => p.status === 'captured').length;
    if (paid < donations + WARMUP_CYCLES) throw new Error(`only ${paid} payments captured for ${donations + WARMUP_CYCLES} donations`);
    return [
      {
        section: SECTION,
        name: `renderer JS heap growth over ${donations} donations`,
        value: (after.heap - before.heap) / MB,
        unit: 'MB',
        target: 5,
        comparison: 'under',
        detail: { beforeMB: before.heap / MB, afterMB: after.heap / MB, atLoadMB: atLoad.heap / MB },
      },
      {
        section: SECTION,
        name: `services resident memory growth over ${donations} donations`,
        value: (after.services.rssBytes - before.services.rssBytes) / MB,
        unit: 'MB',
        target: 5,
        comparison: 'under',
        detail: {
          beforeMB: before.services.rssBytes / MB,
          afterMB: after.services.rssBytes / MB,
          atLoadMB: atLoad.rss / MB,
          heapBeforeMB: before.services.heapUsedBytes / MB,
          heapAfterMB: after.services.heapUsedBytes / MB,
        },
      },
      { section: SECTION, name: 'one whole donation through the screens, mean', value: (seconds * 1000) / donations, unit: 'ms', target: null, comparison: 'info', detail: { donations } },
    ];
  } finally {
    await context.close();
  }
}
