// Online/offline follows the gateway's answers; while offline the kiosk probes
// Razorpay on a timer and recovers by itself (fake timers, scripted probe).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKioskServices } from '../../src-main/services/kiosk-services.ts';
import { UNIT_KEY_ID, UNIT_KEY_SECRET } from './support/kiosk-under-test.ts';
import type { GatewayResult } from '../../src-main/domain/gateway/gateway-error.ts';
import { ConnectivityMonitor } from '../../src-main/services/connectivity-monitor.ts';
import { KioskHealth } from '../../src-main/services/kiosk-health.ts';

const REFUSED: GatewayResult<never> = { ok: false, error: { kind: 'network', cause: 'refused', detail: 'ECONNREFUSED 127.0.0.1:9' } };
const DNS: GatewayResult<never> = { ok: false, error: { kind: 'network', cause: 'dns', detail: 'ENOTFOUND api.razorpay.com' } };
const HTML_502: GatewayResult<never> = { ok: false, error: { kind: 'bad_response', status: 502, detail: 'non-JSON' } };
const BAD_REQUEST: GatewayResult<never> = { ok: false, error: { kind: 'http', status: 400, code: 'BAD_REQUEST_ERROR', description: 'The id provided does not exist' } };
const OK: GatewayResult<null> = { ok: true, value: null };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function monitorWith(probeAnswers: GatewayResult<unknown>[]) {
  const health = new KioskHealth();
  const log: string[] = [];
  let probes = 0;
  let onlineCalls = 0;
  const monitor = new ConnectivityMonitor({
    health,
    probe: async () => probeAnswers[Math.min(probes++, probeAnswers.length - 1)] ?? OK,
    probeIntervalMs: 15_000,
    onOnline: () => onlineCalls++,
    log: (line) => log.push(line),
  });
  return { monitor, health, log, probes: () => probes, onlineCalls: () => onlineCalls };
}

describe('connectivity monitor', () => {
  it('a network failure makes the kiosk offline and stops it accepting donations', () => {
    const { monitor, health, log } = monitorWith([]);
    monitor.report(REFUSED);
    expect(health.status()).toEqual({ online: false, acceptingDonations: false });
    expect(log).toEqual(['connectivity: offline (network refused: ECONNREFUSED 127.0.0.1:9)']);
    monitor.report(DNS);
    expect(log).toHaveLength(1);
    monitor.close();
  });

  it.each([
    ['a 502 HTML page', HTML_502],
    ['a 400', BAD_REQUEST],
    ['a success', OK],
  ])('%s is an HTTP answer, so the kiosk stays online', (_label, answer) => {
    const { monitor, health } = monitorWith([]);
    monitor.report(answer);
    expect(health.online).toBe(true);
    monitor.close();
  });

  it('probes every interval while offline, then recovers by itself and asks for reconciliation', async () => {
    const { monitor, health, log, probes, onlineCalls } = monitorWith([REFUSED, REFUSED, OK]);
    monitor.report(REFUSED);
    const back = monitor.whenOnline();
    await vi.advanceTimersByTimeAsync(14_999);
    expect(probes()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(probes()).toBe(1);
    expect(health.online).toBe(false);
    await vi.advanceTimersByTimeAsync(30_000);
    await back;
    expect(probes()).toBe(3);
    expect(health.status()).toEqual({ online: true, acceptingDonations: true });
    expect(onlineCalls()).toBe(1);
    expect(log).toEqual([expect.stringMatching(/^connectivity: offline \(/), 'connectivity: online']);
    // Online again: no more probes.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(probes()).toBe(3);
    monitor.close();
  });

  it('any gateway answer while offline also brings it back, without waiting for a probe', () => {
    const { monitor, health, onlineCalls, probes } = monitorWith([]);
    monitor.report(REFUSED);
    monitor.report(BAD_REQUEST);
    expect(health.online).toBe(true);
    expect(onlineCalls()).toBe(1);
    expect(probes()).toBe(0);
    monitor.close();
  });

  it('does not start a probe while the last one is still waiting for an answer', async () => {
    const health = new KioskHealth();
    let started = 0;
    let answer: ((r: GatewayResult<unknown>) => void) | undefined;
    const monitor = new ConnectivityMonitor({
      health,
      probe: () => {
        started++;
        return new Promise((resolve) => (answer = resolve));
      },
      probeIntervalMs: 1_000,
      onOnline: () => undefined,
      log: () => undefined,
    });
    monitor.report(REFUSED);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(started).toBe(1);
    answer?.(OK);
    await monitor.whenOnline();
    expect(health.online).toBe(true);
    monitor.close();
  });

  it('stops probing when closed', async () => {
    const { monitor, probes } = monitorWith([REFUSED]);
    monitor.report(REFUSED);
    monitor.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(probes()).toBe(0);
  });
});

describe('connectivity at start-up', () => {
  it('a kiosk that starts without Razorpay says so before any donor tries', async () => {
    vi.useRealTimers();
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-offline-'));
    const lines: string[] = [];
    const services = await startKioskServices({
      dataDir,
      // Port 9 (discard) on loopback: nothing listens, the connection is refused.
      env: { KIOSK_RAZORPAY_KEY_ID: UNIT_KEY_ID, KIOSK_RAZORPAY_KEY_SECRET: UNIT_KEY_SECRET, KIOSK_RAZORPAY_API_URL: 'http://127.0.0.1:9', KIOSK_CHECKOUT_SCRIPT_URL: 'http://127.0.0.1:9/v1/checkout.js' },
      log: (line) => lines.push(line),
    });
    try {
      await services.connectivity.probeNow();
      expect(await services.dispatch('getKioskStatus', null)).toEqual({ ok: true, value: { online: false, acceptingDonations: false } });
      expect(await services.dispatch('startDonation', { amountRupees: 500, donor: { anonymous: true } })).toMatchObject({ ok: false, error: { code: 'kiosk_unavailable' } });
      expect(services.ledger.list()).toEqual([]);
      expect(lines).toContainEqual(expect.stringMatching(/^connectivity: offline \(network refused/));
    } finally {
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
