// The kiosk's browser-mode services alone in a child process (run with
// --expose-gc), so its resident memory is the services' own: the simulator
// they talk to stays in the bench's process. The parent talks to it over the
// fork channel: it says "ready" with the page's address, answers "memory"
// after forcing garbage collection, and stops on "stop".
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserMode } from '../../src-main/browser-mode/server.ts';
import { CONFIG_FILE_NAME } from '../../src-main/domain/kiosk-config.ts';

export type ChildRequest = { type: 'memory' } | { type: 'stop' };
export type ChildReply = { type: 'ready'; url: string } | { type: 'memory'; rssBytes: number; heapUsedBytes: number } | { type: 'failed'; message: string };

function send(reply: ChildReply): void {
  process.send?.(reply);
}

const forceGc = (globalThis as { gc?: () => void }).gc;
const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-browser-'));

try {
  // The shipped defaults, except that the bench never waits out a result screen.
  writeFileSync(join(dataDir, CONFIG_FILE_NAME), JSON.stringify({ resultScreenSeconds: 60 }));
  const server = await startBrowserMode({
    dataDir,
    env: {
      KIOSK_RAZORPAY_KEY_ID: process.env.BENCH_KEY_ID ?? '',
      KIOSK_RAZORPAY_KEY_SECRET: process.env.BENCH_KEY_SECRET ?? '',
      KIOSK_RAZORPAY_API_URL: process.env.BENCH_API_URL ?? '',
      KIOSK_CHECKOUT_SCRIPT_URL: process.env.BENCH_CHECKOUT_SCRIPT_URL ?? '',
    },
    log: () => undefined,
  });
  process.on('message', (request: ChildRequest) => {
    if (request.type === 'memory') {
      if (!forceGc) return send({ type: 'failed', message: 'run the child with --expose-gc' });
      forceGc();
      forceGc();
      const usage = process.memoryUsage();
      send({ type: 'memory', rssBytes: usage.rss, heapUsedBytes: usage.heapUsed });
    } else {
      void server.close().then(() => {
        rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      });
    }
  });
  send({ type: 'ready', url: server.url });
} catch (error) {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
}
