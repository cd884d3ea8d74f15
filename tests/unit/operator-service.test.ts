// The operator PIN pad and session through the real dispatcher: first-start
// setup, weak PINs, lockout, idle expiry, and the gate on every console method.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserMode } from '../../src-main/browser-mode/server.ts';
import type { KioskMethod } from '../../src-main/contract/kiosk-api.ts';
import { OPERATOR_ACCESS_FILE } from '../../src-main/services/operator-access-file.ts';
import { GOOD_PIN, startOperatorKiosk, type OperatorKiosk } from './support/operator-kiosk.ts';

let kiosk: OperatorKiosk | null = null;
afterEach(async () => {
  await kiosk?.stop();
  kiosk = null;
});

const GUARDED: [KioskMethod, unknown][] = [
  ['getOperatorOverview', {}],
  ['updateSettings', { settings: { eventName: 'Fair' } }],
  ['exportDonationsCsv', { from: '2026-01-01', to: '2026-01-02' }],
  ['reconcileNow', null],
  ['setPaymentKeys', { keyId: 'rzp_test_ABCDEFGHIJKLMN', keySecret: 'abcdefgh12345678' }],
  ['checkPaymentKeys', null],
  ['exitKiosk', null],
  ['restartKiosk', null],
  ['getUpdateStatus', null],
  ['checkForUpdates', null],
  ['installUpdateNow', null],
];

describe('operator gate', () => {
  it('starts with no PIN: needs_setup, and every console method answers operator_required', async () => {
    kiosk = await startOperatorKiosk();
    expect(await kiosk.call('getOperatorGate')).toEqual({ ok: true, value: { status: 'needs_setup', retryAfterMs: 0, attemptsBeforeLock: 0, operatorActive: false } });
    for (const [method, payload] of GUARDED) {
      expect(await kiosk.services.dispatch(method, payload), method).toMatchObject({ ok: false, error: { code: 'operator_required' } });
    }
    expect(await kiosk.call('unlockOperator', { pin: GOOD_PIN })).toMatchObject({ ok: false, error: { code: 'illegal_state' } });
  });

  it('refuses trivial PINs with the reason, and malformed ones at the schema', async () => {
    kiosk = await startOperatorKiosk();
    expect(await kiosk.call('setUpOperatorPin', { pin: '1111' })).toMatchObject({ ok: false, error: { code: 'weak_pin', message: expect.stringContaining('1111: repeated digits') } });
    expect(await kiosk.call('setUpOperatorPin', { pin: '1234' })).toMatchObject({ ok: false, error: { code: 'weak_pin', message: expect.stringContaining('sequence') } });
    expect(await kiosk.call('setUpOperatorPin', { pin: '2580' })).toMatchObject({ ok: false, error: { code: 'weak_pin', message: expect.stringContaining('common') } });
    for (const pin of ['123', '123456789', '12a4', ' 2739', '２７３９']) {
      expect(await kiosk.services.dispatch('setUpOperatorPin', { pin }), pin).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
    expect(await kiosk.services.dispatch('setUpOperatorPin', { pin: GOOD_PIN, extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(existsSync(join(kiosk.dataDir, OPERATOR_ACCESS_FILE))).toBe(false);
    expect(await kiosk.call('getOperatorGate')).toMatchObject({ ok: true, value: { status: 'needs_setup' } });
  });

  it('sets the PIN once (a salted scrypt hash on disk), starts operator mode, and refuses a second setup', async () => {
    kiosk = await startOperatorKiosk();
    expect(await kiosk.call('setUpOperatorPin', { pin: GOOD_PIN })).toEqual({
      ok: true,
      value: { status: 'ready', retryAfterMs: 0, attemptsBeforeLock: 5, operatorActive: true },
    });
    const saved = readFileSync(join(kiosk.dataDir, OPERATOR_ACCESS_FILE), 'utf8');
    expect(saved).toMatch(/"pinHash":"scrypt\$/);
    expect(saved).not.toContain(GOOD_PIN);
    expect(await kiosk.call('setUpOperatorPin', { pin: '5813' })).toMatchObject({ ok: false, error: { code: 'pin_already_set' } });
    expect(await kiosk.call('getOperatorOverview', {})).toMatchObject({ ok: true });
    expect(kiosk.logLines.join('\n')).not.toContain(GOOD_PIN);
  });

  it('ends the session on request and after 3 idle minutes; activity keeps it open', async () => {
    kiosk = await startOperatorKiosk();
    await kiosk.unlocked();
    expect(await kiosk.call('endOperatorSession')).toEqual({ ok: true, value: null });
    expect(await kiosk.call('getOperatorOverview', {})).toMatchObject({ ok: false, error: { code: 'operator_required' } });

    expect(await kiosk.call('unlockOperator', { pin: GOOD_PIN })).toMatchObject({ ok: true, value: { operatorActive: true } });
    kiosk.clock.now += 2 * 60_000;
    expect(await kiosk.call('getOperatorOverview', {})).toMatchObject({ ok: true }); // touches
    kiosk.clock.now += 2 * 60_000;
    expect(await kiosk.call('getOperatorOverview', {})).toMatchObject({ ok: true });
    kiosk.clock.now += 3 * 60_000;
    expect(await kiosk.call('getOperatorOverview', {})).toMatchObject({ ok: false, error: { code: 'operator_required' } });
    expect(await kiosk.call('getOperatorGate')).toMatchObject({ ok: true, value: { operatorActive: false } });
  });

  it('locks after 4 free wrong PINs with a growing delay, and the lock survives a restart', async () => {
    kiosk = await startOperatorKiosk();
    await kiosk.unlocked();
    await kiosk.call('endOperatorSession');
    for (let left = 4; left >= 1; left--) {
      expect(await kiosk.call('unlockOperator', { pin: '9999' })).toMatchObject({ ok: false, error: { code: 'wrong_pin', message: expect.stringContaining(`${left} more`) } });
    }
    expect(await kiosk.call('unlockOperator', { pin: '9999' })).toMatchObject({ ok: false, error: { code: 'wrong_pin', message: expect.stringContaining('locked for 30 seconds') } });
    expect(await kiosk.call('getOperatorGate')).toMatchObject({ ok: true, value: { status: 'locked', retryAfterMs: 30_000, attemptsBeforeLock: 0 } });
    // Even the right PIN is refused while locked.
    expect(await kiosk.call('unlockOperator', { pin: GOOD_PIN })).toMatchObject({ ok: false, error: { code: 'pin_locked', message: expect.stringContaining('30 seconds') } });

    await kiosk.restart();
    expect(await kiosk.call('getOperatorGate')).toMatchObject({ ok: true, value: { status: 'locked' } });
    kiosk.clock.now += 30_000;
    expect(await kiosk.call('unlockOperator', { pin: '9998' })).toMatchObject({ ok: false, error: { code: 'wrong_pin', message: expect.stringContaining('1 minute') } });
    kiosk.clock.now += 60_000;
    expect(await kiosk.call('unlockOperator', { pin: GOOD_PIN })).toMatchObject({ ok: true, value: { status: 'ready', operatorActive: true, attemptsBeforeLock: 5 } });
  });

  it('reports an unreadable PIN record instead of falling back to "no PIN", and leaves it alone', async () => {
    kiosk = await startOperatorKiosk();
    const path = join(kiosk.dataDir, OPERATOR_ACCESS_FILE);
    for (const damage of ['{"version":1,"pinHash":', 'null', '{"version":7}']) {
      writeFileSync(path, damage);
      await kiosk.restart();
      const gate = await kiosk.call('getOperatorGate');
      expect(gate, damage).toMatchObject({ ok: false, error: { code: 'kiosk_unavailable', message: expect.stringContaining('operator PIN record cannot be read') } });
      expect(await kiosk.call('setUpOperatorPin', { pin: GOOD_PIN })).toMatchObject({ ok: false, error: { code: 'kiosk_unavailable' } });
      expect(await kiosk.call('unlockOperator', { pin: GOOD_PIN })).toMatchObject({ ok: false, error: { code: 'kiosk_unavailable' } });
      expect(readFileSync(path, 'utf8')).toBe(damage);
    }
  });

  it('reconcileNow runs a pass; exitKiosk calls the exit hook, or is not_supported without one', async () => {
    let exits = 0;
    kiosk = await startOperatorKiosk({ extra: { onExitRequested: () => void exits++ } });
    await kiosk.unlocked();
    expect(await kiosk.call('reconcileNow')).toEqual({ ok: true, value: { checked: 0, settled: 0, recovered: 0 } });
    expect(await kiosk.call('exitKiosk')).toEqual({ ok: true, value: null });
    expect(exits).toBe(1);
    // Exiting ends operator mode.
    expect(await kiosk.call('exitKiosk')).toMatchObject({ ok: false, error: { code: 'operator_required' } });

    await kiosk.restart({ onExitRequested: undefined });
    await kiosk.call('unlockOperator', { pin: GOOD_PIN });
    expect(await kiosk.call('exitKiosk')).toMatchObject({ ok: false, error: { code: 'not_supported' } });
  });

  it('restartKiosk calls the restart hook and ends operator mode, or is not_supported without one', async () => {
    let restarts = 0;
    let exits = 0;
    kiosk = await startOperatorKiosk({ extra: { onRestartRequested: () => void restarts++, onExitRequested: () => void exits++ } });
    await kiosk.unlocked();
    expect(await kiosk.call('restartKiosk')).toEqual({ ok: true, value: null });
    expect([restarts, exits]).toEqual([1, 0]);
    expect(kiosk.logLines).toContain('operator: restart requested');
    expect(await kiosk.call('restartKiosk')).toMatchObject({ ok: false, error: { code: 'operator_required' } });
    expect(restarts).toBe(1);

    await kiosk.restart({ onRestartRequested: undefined });
    await kiosk.call('unlockOperator', { pin: GOOD_PIN });
    expect(await kiosk.call('restartKiosk')).toMatchObject({ ok: false, error: { code: 'not_supported', message: expect.stringContaining('installed kiosk app') } });
  });

  it('browser mode: keys cannot be stored and the kiosk cannot be exited; the version comes from package.json', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-operator-browser-'));
    const server = await startBrowserMode({ dataDir, env: {}, port: 0, log: () => undefined });
    try {
      const dispatch = server.services?.dispatch;
      if (!dispatch) throw new Error('browser mode did not start');
      expect(await dispatch('setUpOperatorPin', { pin: GOOD_PIN })).toMatchObject({ ok: true });
      expect(await dispatch('exitKiosk', null)).toMatchObject({ ok: false, error: { code: 'not_supported' } });
      expect(await dispatch('restartKiosk', null)).toMatchObject({ ok: false, error: { code: 'not_supported' } });
      expect(await dispatch('unlockOperator', { pin: GOOD_PIN })).toMatchObject({ ok: true });
      expect(await dispatch('setPaymentKeys', { keyId: 'rzp_test_ABCDEFGHIJKLMN', keySecret: 'abcdefgh12345678' })).toMatchObject({
        ok: false,
        error: { code: 'not_supported', message: 'Keys can only be stored by the installed kiosk app.' },
      });
      const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
      expect(await dispatch('getOperatorOverview', {})).toMatchObject({ ok: true, value: { mode: 'demo', version } });
      expect(await dispatch('checkPaymentKeys', null)).toMatchObject({ ok: true, value: { mode: 'demo', ok: true, message: expect.stringContaining('built-in simulator') } });
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
