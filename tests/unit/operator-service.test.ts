// The operator PIN pad and session through the real dispatcher: first-start
// setup, lost access, weak PINs, lockout, operator mode that only a person
// keeps open, the PIN asked again for protected steps, and the gate on every
// console method.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserMode } from '../../src-main/browser-mode/server.ts';
import type { KioskMethod } from '../../src-main/contract/kiosk-api.ts';
import { OPERATOR_ACCESS_FILE, resetOperatorAccessFile } from '../../src-main/services/operator-access-file.ts';
import { GOOD_PIN, OP_KEY_ID, startOperatorKiosk, type OperatorKiosk } from './support/operator-kiosk.ts';

let kiosk: OperatorKiosk | null = null;
afterEach(async () => {
  await kiosk?.stop();
  kiosk = null;
});

const KEYS = { keyId: 'rzp_test_ABCDEFGHIJKLMN', keySecret: 'abcdefgh12345678' };
const GUARDED: [KioskMethod, unknown][] = [
  ['getOperatorOverview', {}],
  ['updateSettings', { settings: { eventName: 'Fair' } }],
  ['exportDonationsCsv', { from: '2026-01-01', to: '2026-01-02' }],
  ['reconcileNow', null],
  ['getPaymentKeysStatus', null],
  ['setPaymentKeys', KEYS],
  ['checkPaymentKeys', KEYS],
  ['exitKiosk', null],
  ['restartKiosk', null],
  ['getUpdateStatus', null],
  ['checkForUpdates', null],
  ['installUpdateNow', null],
  ['noteOperatorActivity', null],
  ['confirmOperatorPin', { pin: GOOD_PIN }],
  ['getReceiptAdmin', {}],
  ['exportForm10bd', { from: '2026-01-01', to: '2026-01-02' }],
];

/** The steps that ask for the PIN again (issue 14, item 1). */
const PROTECTED: [KioskMethod, unknown][] = [
  ['setPaymentKeys', KEYS],
  ['updateSettings', { settings: { updateInstallHour: 3 } }],
  ['exportDonationsCsv', { from: '2026-01-01', to: '2026-01-02' }],
  ['exportForm10bd', { from: '2026-01-01', to: '2026-01-02' }],
  ['exitKiosk', null],
];

describe('operator gate', () => {
  it('starts with no PIN: needs_setup, and every console method answers operator_required', async () => {
    kiosk = await startOperatorKiosk();
    expect(await kiosk.call('getOperatorGate')).toEqual({
      ok: true,
      value: {
        status: 'needs_setup',
        retryAfterMs: 0,
        attemptsBeforeLock: 0,
        operatorActive: false,
        idleTimeoutMs: 180_000,
        maxSessionMs: 900_000,
        mode: 'test',
        wrongAttemptsBeforeThisVisit: 0,
        lastWrongAttemptAt: null,
      },
    });
    for (const [method, payload] of GUARDED) {
      expect(await kiosk.services.dispatch(method, payload), method).toMatchObject({ ok: false, error: { code: 'operator_required' } });
    }
    expect(await kiosk.call('unlockOperator', { pin: GOOD_PIN })).toMatchObject({ ok: false, error: { code: 'illegal_state' } });
  });

  it('refuses weak PINs with the reason (the same rule the pad applies), and malformed ones at the schema', async () => {
    kiosk = await startOperatorKiosk();
    expect(await kiosk.call('setUpOperatorPin', { pin: '111111' })).toMatchObject({ ok: false, error: { code: 'weak_pin', message: expect.stringContaining('repeated digits') } });
    expect(await kiosk.call('setUpOperatorPin', { pin: '123456' })).toMatchObject({ ok: false, error: { code: 'weak_pin', message: expect.stringContaining('sequence') } });
    expect(await kiosk.call('setUpOperatorPin', { pin: '147258' })).toMatchObject({ ok: false, error: { code: 'weak_pin', message: expect.stringContaining('common') } });
    expect(await kiosk.call('setUpOperatorPin', { pin: '4826' })).toMatchObject({ ok: false, error: { code: 'weak_pin', message: expect.stringContaining('at least 6 digits') } });
    for (const pin of ['123', '1234567890123', '12a4', ' 2739', '２７３９']) {
      expect(await kiosk.services.dispatch('setUpOperatorPin', { pin }), pin).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
    expect(await kiosk.services.dispatch('setUpOperatorPin', { pin: GOOD_PIN, extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(existsSync(join(kiosk.dataDir, OPERATOR_ACCESS_FILE))).toBe(false);
    expect(await kiosk.call('getOperatorGate')).toMatchObject({ ok: true, value: { status: 'needs_setup' } });
    expect(kiosk.logLines.join('\n')).not.toContain('111111');
  });

  it('sets the PIN once (a salted scrypt hash on disk), starts operator mode, and refuses a second setup', async () => {
    kiosk = await startOperatorKiosk();
    expect(await kiosk.call('setUpOperatorPin', { pin: GOOD_PIN })).toMatchObject({
      ok: true,
      value: { status: 'ready', retryAfterMs: 0, attemptsBeforeLock: 5, operatorActive: true },
    });
    const saved = readFileSync(join(kiosk.dataDir, OPERATOR_ACCESS_FILE), 'utf8');
    expect(saved).toMatch(/"pinHash":"scrypt\$/);
    expect(saved).not.toContain(GOOD_PIN);
    expect(await kiosk.call('setUpOperatorPin', { pin: '581302' })).toMatchObject({ ok: false, error: { code: 'pin_already_set' } });
    expect(await kiosk.call('getOperatorOverview', {})).toMatchObject({ ok: true });
    expect(kiosk.logLines.join('\n')).not.toContain(GOOD_PIN);
  });

  it('a missing PIN file on a kiosk with donations is lost access: no set-up from the screen until a reset from the machine', async () => {
    kiosk = await startOperatorKiosk();
    await kiosk.unlocked();
    expect(await kiosk.call('recordCashGift', { amountRupees: 500, donorName: 'Asha Rao', print: false })).toMatchObject({ ok: true });
    rmSync(join(kiosk.dataDir, OPERATOR_ACCESS_FILE));
    await kiosk.restart();
    expect(await kiosk.call('getOperatorGate')).toMatchObject({ ok: true, value: { status: 'access_lost', operatorActive: false } });
    expect(await kiosk.call('setUpOperatorPin', { pin: GOOD_PIN })).toMatchObject({ ok: false, error: { code: 'operator_access_lost', message: expect.stringContaining('docs/security.md') } });
    expect(await kiosk.call('unlockOperator', { pin: GOOD_PIN })).toMatchObject({ ok: false, error: { code: 'operator_access_lost' } });
    expect(existsSync(join(kiosk.dataDir, OPERATOR_ACCESS_FILE))).toBe(false);
    // The donor side carries on.
    expect(await kiosk.call('getKioskState')).toMatchObject({ ok: true });

    resetOperatorAccessFile(kiosk.dataDir);
    await kiosk.restart();
    expect(await kiosk.call('getOperatorGate')).toMatchObject({ ok: true, value: { status: 'needs_setup' } });
    expect(await kiosk.call('setUpOperatorPin', { pin: '581302' })).toMatchObject({ ok: true, value: { status: 'ready', operatorActive: true } });
  });

  it('only a person keeps operator mode open: console calls do not, and it ends after 3 minutes without a touch', async () => {
    kiosk = await startOperatorKiosk();
    await kiosk.unlocked();
    expect(await kiosk.call('endOperatorSession')).toEqual({ ok: true, value: null });
    expect(await kiosk.call('getOperatorOverview', {})).toMatchObject({ ok: false, error: { code: 'operator_required' } });

    expect(await kiosk.call('unlockOperator', { pin: GOOD_PIN })).toMatchObject({ ok: true, value: { operatorActive: true } });
    // The Kiosk tab polls the update status every 5 s: four minutes of that, and no person.
    for (let second = 5; second <= 175; second += 5) {
      kiosk.clock.now += 5_000;
      expect(await kiosk.call('getUpdateStatus'), `poll at ${second} s`).toMatchObject({ ok: true });
    }
    kiosk.clock.now += 5_000;
    expect(await kiosk.call('getUpdateStatus')).toMatchObject({ ok: false, error: { code: 'operator_required' } });
    expect(await kiosk.call('getOperatorGate')).toMatchObject({ ok: true, value: { operatorActive: false } });

    // A touch on the console is what keeps it open.
    await kiosk.call('unlockOperator', { pin: GOOD_PIN });
    kiosk.clock.now += 2 * 60_000;
    expect(await kiosk.call('noteOperatorActivity')).toMatchObject({ ok: true, value: { operatorActive: true } });
    kiosk.clock.now += 2 * 60_000;
    expect(await kiosk.call('getOperatorOverview', {})).toMatchObject({ ok: true });
  });

  it('ends operator mode a quarter of an hour after the PIN, however busy the operator is', async () => {
    kiosk = await startOperatorKiosk();
    await kiosk.unlocked();
    for (let minute = 1; minute < 15; minute++) {
      kiosk.clock.now += 60_000;
      expect(await kiosk.call('noteOperatorActivity'), `minute ${minute}`).toMatchObject({ ok: true });
    }
    kiosk.clock.now += 60_000;
    expect(await kiosk.call('noteOperatorActivity')).toMatchObject({ ok: false, error: { code: 'operator_required' } });
    expect(await kiosk.call('getOperatorOverview', {})).toMatchObject({ ok: false, error: { code: 'operator_required' } });
  });

  it('asks for the PIN again before payment keys, the update settings, exports and exit; one right PIN lets one step through', async () => {
    kiosk = await startOperatorKiosk();
    await kiosk.unlocked();
    for (const [method, payload] of PROTECTED) {
      expect(await kiosk.services.dispatch(method, payload), method).toMatchObject({ ok: false, error: { code: 'pin_required' } });
    }
    // Other settings need operator mode only.
    expect(await kiosk.call('updateSettings', { settings: { eventName: 'Diwali mela' } })).toMatchObject({ ok: true });

    expect(await kiosk.call('confirmOperatorPin', { pin: '999999' })).toMatchObject({ ok: false, error: { code: 'wrong_pin' } });
    expect(await kiosk.call('updateSettings', { settings: { updateInstallHour: 3 } })).toMatchObject({ ok: false, error: { code: 'pin_required' } });
    await kiosk.confirmPin();
    expect(await kiosk.call('updateSettings', { settings: { updateInstallHour: 3 } })).toMatchObject({ ok: true, value: { updateInstallHour: 3 } });
    expect(await kiosk.call('updateSettings', { settings: { updateInstallHour: 4 } })).toMatchObject({ ok: false, error: { code: 'pin_required' } });

    // A confirmed PIN is good for a minute only.
    await kiosk.confirmPin();
    kiosk.clock.now += 61_000;
    expect(await kiosk.call('exportDonationsCsv', { from: '2026-01-01', to: '2026-01-02' })).toMatchObject({ ok: false, error: { code: 'pin_required' } });
    await kiosk.confirmPin();
    expect(await kiosk.call('exportDonationsCsv', { from: '2026-01-01', to: '2026-01-02' })).toMatchObject({ ok: true });
  });

  it('tells the operator how many wrong PINs were tried since the last visit', async () => {
    kiosk = await startOperatorKiosk();
    await kiosk.unlocked();
    await kiosk.call('endOperatorSession');
    await kiosk.call('unlockOperator', { pin: '999999' });
    kiosk.clock.now += 60_000;
    await kiosk.call('unlockOperator', { pin: '999998' });
    const lastWrong = new Date(kiosk.clock.now).toISOString();
    kiosk.clock.now += 60_000;
    expect(await kiosk.call('unlockOperator', { pin: GOOD_PIN })).toMatchObject({ ok: true, value: { wrongAttemptsBeforeThisVisit: 2, lastWrongAttemptAt: lastWrong } });
    await kiosk.call('endOperatorSession');
    expect(await kiosk.call('unlockOperator', { pin: GOOD_PIN })).toMatchObject({ ok: true, value: { wrongAttemptsBeforeThisVisit: 0, lastWrongAttemptAt: null } });
  });

  it('locks after 4 free wrong PINs with a growing delay, and the lock survives a restart', async () => {
    kiosk = await startOperatorKiosk();
    await kiosk.unlocked();
    await kiosk.call('endOperatorSession');
    for (let left = 4; left >= 1; left--) {
      expect(await kiosk.call('unlockOperator', { pin: '999999' })).toMatchObject({ ok: false, error: { code: 'wrong_pin', message: expect.stringContaining(`${left} more`) } });
    }
    expect(await kiosk.call('unlockOperator', { pin: '999999' })).toMatchObject({ ok: false, error: { code: 'wrong_pin', message: expect.stringContaining('locked for 30 seconds') } });
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
      // Removing the file would not do on a kiosk with donations ("access lost"): the message names the reset.
      expect(gate, damage).toMatchObject({ error: { message: expect.stringContaining('reset operator access') } });
      expect(await kiosk.call('setUpOperatorPin', { pin: GOOD_PIN })).toMatchObject({ ok: false, error: { code: 'kiosk_unavailable' } });
      expect(await kiosk.call('unlockOperator', { pin: GOOD_PIN })).toMatchObject({ ok: false, error: { code: 'kiosk_unavailable' } });
      expect(readFileSync(path, 'utf8')).toBe(damage);
    }
  });

  it('reconcileNow runs a pass; exitKiosk (PIN again) calls the exit hook, or is not_supported without one', async () => {
    let exits = 0;
    kiosk = await startOperatorKiosk({ extra: { onExitRequested: () => void exits++ } });
    await kiosk.unlocked();
    expect(await kiosk.call('reconcileNow')).toEqual({ ok: true, value: { checked: 0, settled: 0, recovered: 0 } });
    expect(await kiosk.call('exitKiosk')).toMatchObject({ ok: false, error: { code: 'pin_required' } });
    expect(exits).toBe(0);
    await kiosk.confirmPin();
    expect(await kiosk.call('exitKiosk')).toEqual({ ok: true, value: null });
    expect(exits).toBe(1);
    // Exiting ends operator mode.
    expect(await kiosk.call('exitKiosk')).toMatchObject({ ok: false, error: { code: 'operator_required' } });

    await kiosk.restart({ onExitRequested: undefined });
    await kiosk.call('unlockOperator', { pin: GOOD_PIN });
    await kiosk.confirmPin();
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

  it('says which keys are in use and where from; "check keys" checks the keys typed, not the ones in use', async () => {
    kiosk = await startOperatorKiosk();
    await kiosk.unlocked();
    expect(await kiosk.call('getPaymentKeysStatus')).toEqual({ ok: true, value: { keyId: OP_KEY_ID, mode: 'test', source: 'environment', savedForRestart: null } });
    // The simulator knows OP_KEY_ID only: keys typed that it does not know are refused, though the keys in use work.
    expect(await kiosk.call('checkPaymentKeys', KEYS)).toMatchObject({ ok: true, value: { mode: 'test', ok: false, message: expect.stringContaining('refused') } });
    kiosk.simulator.addKey(KEYS.keyId, KEYS.keySecret);
    expect(await kiosk.call('checkPaymentKeys', KEYS)).toMatchObject({ ok: true, value: { mode: 'test', ok: true, message: expect.stringContaining('Nothing was saved') } });
  });

  it('browser mode: keys cannot be stored and the kiosk cannot be exited; the version comes from package.json', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-operator-browser-'));
    const server = await startBrowserMode({ dataDir, env: {}, port: 0, log: () => undefined });
    try {
      const dispatch = server.services?.dispatch;
      if (!dispatch) throw new Error('browser mode did not start');
      expect(await dispatch('setUpOperatorPin', { pin: GOOD_PIN })).toMatchObject({ ok: true });
      expect(await dispatch('confirmOperatorPin', { pin: GOOD_PIN })).toMatchObject({ ok: true });
      expect(await dispatch('exitKiosk', null)).toMatchObject({ ok: false, error: { code: 'not_supported' } });
      expect(await dispatch('restartKiosk', null)).toMatchObject({ ok: false, error: { code: 'not_supported' } });
      expect(await dispatch('unlockOperator', { pin: GOOD_PIN })).toMatchObject({ ok: true });
      expect(await dispatch('confirmOperatorPin', { pin: GOOD_PIN })).toMatchObject({ ok: true });
      expect(await dispatch('setPaymentKeys', KEYS)).toMatchObject({
        ok: false,
        error: { code: 'not_supported', message: 'Keys can only be stored by the installed kiosk app.' },
      });
      const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
      expect(await dispatch('getOperatorOverview', {})).toMatchObject({ ok: true, value: { mode: 'demo', version } });
      expect(await dispatch('getPaymentKeysStatus', null)).toEqual({ ok: true, value: { keyId: null, mode: 'demo', source: 'none', savedForRestart: null } });
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
