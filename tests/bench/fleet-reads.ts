// Section 6 (issue 17): one event, many kiosks. A day of an event on one
// Razorpay account: 10,000 paid orders from four kiosks spread over the day
// (plus unpaid orders and another event's), in the simulator. A kiosk's first
// read of the event (from its first day, page by page, orders and payments)
// and then an incremental refresh a minute later, through the real SDK over
// HTTP, with the requests counted on the wire by a proxy in front of the
// simulator. Then the welcome screen's figure over those 10,000 orders.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startRazorpaySimulator } from '../../src-main/simulator/index.ts';
import { createRazorpayClient } from '../../src-main/domain/gateway/razorpay-client.ts';
import { createRazorpayAccountReads, MAX_PAGE, withReadRetries } from '../../src-main/domain/fleet/account-reads.ts';
import { readRetryPolicy } from '../../src-main/domain/gateway/retry-policy.ts';
import { EventFleet } from '../../src-main/domain/fleet/event-fleet.ts';
import { EVENT_READ_GAP_MS } from '../../src-main/domain/fleet/read-budget.ts';
import { Ledger } from '../../src-main/domain/ledger/ledger.ts';
import { DEFAULT_KIOSK_CONFIG, KioskConfigSchema } from '../../src-main/domain/kiosk-config.ts';
import { median, type Figure } from './report.ts';

const SECTION = '6 fleet';
const KIOSKS = 4;
const SPACING_MS = 3_000;

/** Counts the requests that pass, by path, on their way to the simulator. */
async function countingProxy(target: string): Promise<{ url: string; requests: () => number; reset: () => void; close: () => Promise<void> }> {
  const upstream = new URL(target);
  let count = 0;
  const server: Server = createServer((req, res) => {
    count += 1;
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    reset: () => {
      count = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function benchFleetReads(options: { paidOrders: number; log: (line: string) => void }): Promise<Figure[]> {
  const paidOrders = options.paidOrders;
  // The event's day in the simulator's clock: 08:00 local, one order every 3 s from then on.
  const dayStart = new Date();
  dayStart.setHours(8, 0, 0, 0);
  let simNow = dayStart.getTime();
  const simulator = await startRazorpaySimulator({ port: 0, now: () => simNow });
  const { keyId, keySecret } = simulator.createTestKey();
  const sdk = createRazorpayClient({ keyId, keySecret, baseUrl: simulator.baseUrl, timeoutMs: 10_000 });
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-bench-fleet-'));
  const ledger = Ledger.open(join(dataDir, 'ledger.sqlite3'));
  const proxy = await countingProxy(simulator.baseUrl);
  try {
    const eventId = 'BENCH-MELA';
    let expectedPaise = 0;
    let made = 0;
    const makeOrder = async (notes: Record<string, string>, amount: number, pay: boolean) => {
      made += 1;
      simNow += SPACING_MS;
      const order = await sdk.orders.create({ amount, currency: 'INR', receipt: `bench-${made}`, notes });
      if (pay) {
        const paid = simulator.pay({ keyId, orderId: order.id, method: 'upi', outcome: 'success' });
        if (!paid.ok) throw new Error('the simulator refused a bench payment');
      }
    };
    options.log(`fleet: seeding ${paidOrders} paid orders of the event (and ${paidOrders / 10} others) into the simulator`);
    for (let i = 0; i < paidOrders; i += 1) {
      const kiosk = i % KIOSKS;
      const amount = (100 + (i % 20) * 50) * 100;
      expectedPaise += amount;
      await makeOrder({ event_id: eventId, kiosk_id: `GATE-${kiosk + 1}`, installation_id: `inst-${kiosk + 1}`, donation_id: `dbench${i}`, donor_name: 'Bench Donor' }, amount, true);
      // Every tenth donor walks away (an unpaid order), and another event shares the account.
      if (i % 20 === 0) await makeOrder({ event_id: eventId, kiosk_id: `GATE-${kiosk + 1}`, installation_id: `inst-${kiosk + 1}` }, 10_000, false);
      if (i % 20 === 10) await makeOrder({ event_id: 'OTHER-EVENT', kiosk_id: 'X-1' }, 10_000, true);
    }

    // The kiosk: real SDK reads (retried as in production) through the counting proxy; the read budget on its own clock.
    let kioskNow = simNow + 60_000;
    const config = KioskConfigSchema.parse({ ...DEFAULT_KIOSK_CONFIG, eventId, eventName: 'Bench Mela', eventStartDate: localDay(dayStart.getTime()), kioskId: 'GATE-9' });
    const fleet = new EventFleet({
      ledger,
      reads: withReadRetries(createRazorpayAccountReads({ keyId, keySecret, baseUrl: proxy.url, timeoutMs: 10_000 }), readRetryPolicy(10_000)),
      getConfig: () => config,
      isOnline: () => true,
      now: () => kioskNow,
      readGapMs: EVENT_READ_GAP_MS,
      log: () => undefined,
      timers: { set: () => null, clear: () => undefined },
    });

    proxy.reset();
    const fullStarted = performance.now();
    if ((await fleet.refresh()) !== 'read') throw new Error('the first read failed');
    const fullMs = performance.now() - fullStarted;
    const fullRequests = proxy.requests();
    const afterFull = fleet.attractInfo({ goalRupees: 0, showDonorWall: true });
    if (afterFull?.raisedRupees !== expectedPaise / 100) throw new Error(`first read: ${afterFull?.raisedRupees} rupees, expected ${expectedPaise / 100}`);

    // A minute later: 20 more paid orders on the account, and the next read.
    for (let i = 0; i < 20; i += 1) {
      expectedPaise += 10_000;
      await makeOrder({ event_id: eventId, kiosk_id: 'GATE-1', installation_id: 'inst-1', donation_id: `dlate${i}` }, 10_000, true);
    }
    kioskNow += EVENT_READ_GAP_MS;
    proxy.reset();
    const incStarted = performance.now();
    if ((await fleet.refresh()) !== 'read') throw new Error('the incremental read failed');
    const incrementalMs = performance.now() - incStarted;
    const incrementalRequests = proxy.requests();
    const incremental = fleet.lastRead;
    const afterIncremental = fleet.attractInfo({ goalRupees: 0, showDonorWall: true });
    if (afterIncremental?.raisedRupees !== expectedPaise / 100) throw new Error(`incremental read: ${afterIncremental?.raisedRupees} rupees, expected ${expectedPaise / 100}`);

    // Asked again within the minute: no request at all.
    proxy.reset();
    await fleet.refresh();
    const withinMinute = proxy.requests();

    // The welcome screen asks every 4 s: its answer over the event's orders, from the cache in memory.
    const samples: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      const started = performance.now();
      fleet.attractInfo({ goalRupees: 0, showDonorWall: true });
      samples.push(performance.now() - started);
    }
    const accountOrders = made;
    const pagesFull = Math.ceil(accountOrders / MAX_PAGE) + Math.ceil(accountOrders / MAX_PAGE);
    const detail = { paidOrders, accountOrders, kiosks: KIOSKS };
    return [
      { section: SECTION, name: `first full read: requests (orders and payments lists; ${accountOrders} orders on the account)`, value: fullRequests, unit: 'requests', target: pagesFull + 2, comparison: 'at_most', detail },
      { section: SECTION, name: 'first full read: time', value: fullMs, unit: 'ms', target: null, comparison: 'info', detail },
      { section: SECTION, name: 'incremental refresh a minute later (20 new orders): requests', value: incrementalRequests, unit: 'requests', target: 2, comparison: 'at_most', detail: { ordersListed: incremental?.orders ?? 0, paymentsListed: incremental?.payments ?? 0 } },
      { section: SECTION, name: 'incremental refresh: time', value: incrementalMs, unit: 'ms', target: null, comparison: 'info' },
      { section: SECTION, name: 'a second read within the minute: requests', value: withinMinute, unit: 'requests', target: 0, comparison: 'at_most' },
      { section: SECTION, name: 'welcome figure over the event (p50 of 50)', value: median(samples), unit: 'ms', target: 50, comparison: 'at_most', detail: { payments: afterIncremental.event?.donations ?? 0 } },
    ];
  } finally {
    ledger.close();
    await proxy.close();
    await simulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
