// A kiosk as a donor meets it: the browser-mode services in a child process
// (kiosk-child.ts), the simulator in this process at zero latency, and the
// Chromium tests/tools/chromium.ts finds, through Playwright's launcher.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { chromiumPath, launchChromium } from '../tools/chromium.ts';
import { startRazorpaySimulator, type RazorpaySimulator } from '../../src-main/simulator/index.ts';
import type { ChildReply, ChildRequest } from './kiosk-child.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./kiosk-child.ts', import.meta.url));

export interface BrowserKiosk {
  url: string;
  browser: Browser;
  simulator: RazorpaySimulator;
  /** A fresh context and page (1280×800, touch), as the e2e tests use. */
  newPage(options?: { reducedMotion?: 'reduce' | 'no-preference' }): Promise<{ context: BrowserContext; page: Page }>;
  /** The services' resident memory and JS heap, after forced garbage collection. */
  servicesMemory(): Promise<{ rssBytes: number; heapUsedBytes: number }>;
  stop(): Promise<void>;
}

function nextReply(child: ChildProcess, timeoutMs: number): Promise<ChildReply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(() => reject(new Error(`the kiosk child did not answer within ${timeoutMs} ms`))), timeoutMs);
    const onMessage = (reply: ChildReply) => done(() => (reply.type === 'failed' ? reject(new Error(`kiosk child: ${reply.message}`)) : resolve(reply)));
    const onExit = (code: number | null) => done(() => reject(new Error(`the kiosk child exited (${String(code)})`)));
    const done = (settle: () => void) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      settle();
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export async function startBrowserKiosk(): Promise<BrowserKiosk> {
  const simulator = await startRazorpaySimulator({ port: 0 });
  const keys = simulator.createTestKey();
  const child = fork(CHILD, [], {
    cwd: REPO_ROOT,
    execArgv: ['--expose-gc'],
    // The child's receipt printer renders PDFs with the same Chromium.
    env: { ...process.env, CHROMIUM_PATH: chromiumPath(), BENCH_KEY_ID: keys.keyId, BENCH_KEY_SECRET: keys.keySecret, BENCH_API_URL: simulator.baseUrl, BENCH_CHECKOUT_SCRIPT_URL: simulator.checkoutScriptUrl },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = async (request: ChildRequest, timeoutMs = 30_000) => {
    const reply = nextReply(child, timeoutMs);
    child.send(request);
    return reply;
  };
  let browser: Browser | null = null;
  try {
    const ready = await nextReply(child, 60_000);
    if (ready.type !== 'ready') throw new Error(`unexpected first message ${ready.type}`);
    browser = await launchChromium();
    const launched = browser;
    return {
      url: ready.url,
      browser: launched,
      simulator,
      async newPage(options = {}) {
        const context = await launched.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true, reducedMotion: options.reducedMotion ?? 'no-preference' });
        return { context, page: await context.newPage() };
      },
      async servicesMemory() {
        const reply = await ask({ type: 'memory' });
        if (reply.type !== 'memory') throw new Error(`unexpected reply ${reply.type}`);
        return { rssBytes: reply.rssBytes, heapUsedBytes: reply.heapUsedBytes };
      },
      async stop() {
        await launched.close();
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        if (child.exitCode === null) child.send({ type: 'stop' } satisfies ChildRequest);
        await exited;
        await simulator.close();
      },
    };
  } catch (error) {
    await browser?.close();
    child.kill('SIGKILL');
    await simulator.close();
    throw error;
  }
}
