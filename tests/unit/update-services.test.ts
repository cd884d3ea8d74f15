// Updates through the real services and dispatcher: the activity the policy
// reads comes from the renderer's calls; the operator's update methods and
// settings; and the exit guard that an update lifts and puts back.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UpdateStatus } from '../../src-main/contract/kiosk-api.ts';
import { CONFIG_FILE_NAME } from '../../src-main/domain/kiosk-config.ts';
import { QUIET_PERIOD_MS } from '../../src-main/domain/updates/update-policy.ts';
import type { UpdateControl } from '../../src-main/domain/updates/update-control.ts';
import { QuitGuard } from '../../src-main/electron/quit-guard.ts';
import { startOperatorKiosk, type OperatorKiosk } from './support/operator-kiosk.ts';

let kiosk: OperatorKiosk | null = null;
afterEach(async () => {
  await kiosk?.stop();
  kiosk = null;
});

describe('kiosk activity from the renderer calls', () => {
  it('welcome polls make the kiosk idle; a donation step or operator mode makes it busy', async () => {
    let now = Date.now();
    const running = await startOperatorKiosk({ extra: { now: () => now }, withPin: true });
    kiosk = running;
    const activity = () => running.services.activity.current();
    expect(activity()).toEqual({ kind: 'donation-in-progress' });

    for (let elapsed = 0; elapsed <= QUIET_PERIOD_MS; elapsed += 3_000) {
      await kiosk.call('getKioskStatus');
      now += 3_000;
    }
    expect(activity()).toMatchObject({ kind: 'welcome-idle', idleForMs: expect.any(Number) });
    expect((activity() as { idleForMs: number }).idleForMs).toBeGreaterThanOrEqual(QUIET_PERIOD_MS);

    const session = await kiosk.call('startDonation', { amountRupees: 100, donor: { anonymous: true } });
    expect(session.ok).toBe(true);
    await kiosk.call('getKioskStatus');
    expect(activity()).toMatchObject({ kind: 'welcome-idle', idleForMs: 0 });

    await kiosk.unlocked();
    expect(activity()).toEqual({ kind: 'operator-session' });
  });
});

describe('operator update methods', () => {
  it('without an updater (browser mode) the status says the installed app manages updates, and check is not_supported', async () => {
    // A settings file from before issue 14 still carries the retired update address: it loads, the address is ignored and logged.
    kiosk = await startOperatorKiosk({ config: { updateFeedUrl: 'https://attacker.example.net/kiosk', updateInstallHour: 4 } });
    expect(kiosk.logLines).toContain('settings: ignoring updateFeedUrl (the update address is fixed when the kiosk is built)');
    await kiosk.unlocked();
    expect(await kiosk.call('getUpdateStatus')).toEqual({
      ok: true,
      value: {
        currentVersion: '1.2.3',
        state: 'not-supported',
        message: expect.stringContaining('does not update itself'),
        availableVersion: null,
        downloadPercent: null,
        lastCheckedAt: null,
        feedUrl: '',
        installHour: 4,
      },
    });
    expect(await kiosk.call('checkForUpdates')).toMatchObject({ ok: false, error: { code: 'not_supported' } });
    expect(await kiosk.call('installUpdateNow')).toMatchObject({ ok: false, error: { code: 'not_supported' } });
  });

  it('with an updater the console sees its status, and "check now" asks it', async () => {
    const waiting: UpdateStatus = {
      currentVersion: '1.2.3',
      state: 'waiting-to-install',
      message: 'Version 1.3.0 is ready.',
      availableVersion: '1.3.0',
      downloadPercent: null,
      lastCheckedAt: '2026-11-26T08:00:00.000Z',
      feedUrl: 'https://updates.example.org/donation-kiosk/win',
      installHour: null,
    };
    const installing: UpdateStatus = { ...waiting, state: 'installing', message: 'Installing version 1.3.0.' };
    let ready = false;
    const updates: UpdateControl = {
      status: () => waiting,
      checkNow: vi.fn(async () => waiting),
      installNow: vi.fn(() => (ready ? { ok: true as const, status: installing } : { ok: false as const, message: 'No update is ready to install yet.' })),
    };
    kiosk = await startOperatorKiosk({ extra: { updates } });
    expect(await kiosk.call('getUpdateStatus')).toMatchObject({ ok: false, error: { code: 'operator_required' } });
    await kiosk.unlocked();
    expect(await kiosk.call('getUpdateStatus')).toEqual({ ok: true, value: waiting });
    expect(await kiosk.call('checkForUpdates')).toEqual({ ok: true, value: waiting });
    expect(updates.checkNow).toHaveBeenCalledTimes(1);

    // "Install now": refused plainly while nothing is ready; once ready it installs and operator mode ends.
    expect(await kiosk.call('installUpdateNow')).toEqual({ ok: false, error: { code: 'illegal_state', message: 'No update is ready to install yet.', retryable: false } });
    ready = true;
    expect(await kiosk.call('installUpdateNow')).toEqual({ ok: true, value: installing });
    expect(await kiosk.call('getOperatorGate')).toMatchObject({ ok: true, value: { operatorActive: false } });
  });

  it('update settings: no update address at all (it is fixed at build time); an hour 0-23 or none, with the PIN again; a refused value changes nothing', async () => {
    kiosk = await startOperatorKiosk();
    await kiosk.unlocked();
    const configFile = join(kiosk.dataDir, CONFIG_FILE_NAME);
    // The console cannot point updates anywhere (issue 14, item 6).
    expect(await kiosk.services.dispatch('updateSettings', { settings: { updateFeedUrl: 'https://attacker.example.net/kiosk' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringContaining('updateFeedUrl') },
    });
    expect(await kiosk.call('updateSettings', { settings: { updateInstallHour: 3 } })).toMatchObject({ ok: false, error: { code: 'pin_required' } });
    await kiosk.confirmPin();
    expect(await kiosk.call('updateSettings', { settings: { updateInstallHour: 24 } })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    await kiosk.confirmPin();
    expect(await kiosk.call('updateSettings', { settings: { updateInstallHour: 2.5 } })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(existsSync(configFile)).toBe(false);

    await kiosk.confirmPin();
    const saved = await kiosk.call('updateSettings', { settings: { updateInstallHour: 3 } });
    expect(saved).toMatchObject({ ok: true, value: { updateInstallHour: 3 } });
    expect(JSON.parse(readFileSync(configFile, 'utf8'))).toMatchObject({ updateInstallHour: 3 });

    await kiosk.confirmPin();
    expect(await kiosk.call('updateSettings', { settings: { updateInstallHour: null } })).toMatchObject({ ok: true, value: { updateInstallHour: null } });
    expect(await kiosk.call('getUpdateStatus')).toMatchObject({ ok: true, value: { feedUrl: '', installHour: null } });
  });

  it('an older settings file with an update address is rewritten without it at the next save', async () => {
    kiosk = await startOperatorKiosk({ config: { updateFeedUrl: 'https://attacker.example.net/kiosk', eventName: 'Mela' } });
    await kiosk.unlocked();
    expect(await kiosk.call('updateSettings', { settings: { eventName: 'Diwali mela' } })).toMatchObject({ ok: true });
    const file = JSON.parse(readFileSync(join(kiosk.dataDir, CONFIG_FILE_NAME), 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ eventName: 'Diwali mela' });
    expect(file).not.toHaveProperty('updateFeedUrl');
  });
});

describe('the exit guard around an update', () => {
  it('is lifted for the install and restored when the install does not happen', () => {
    const log = vi.fn<(line: string) => void>();
    const guard = new QuitGuard({ lockedDown: true, closeServices: async () => {}, log });
    guard.allowQuit('installing update 1.3.0');
    expect(guard.beforeQuit()).toBe('prevent-and-shut-down');
    guard.restoreGuard('update install failed');
    expect(guard.shouldPreventClose()).toBe(true);
    expect(guard.beforeQuit()).toBe('prevent');
    expect(log).toHaveBeenCalledWith('quit guard restored: update install failed');
  });

  it('is not restored once shutdown has begun: the app is leaving either way', async () => {
    const guard = new QuitGuard({ lockedDown: true, closeServices: async () => {}, log: () => {} });
    guard.allowQuit('installing update 1.3.0');
    await guard.shutdown();
    guard.restoreGuard('too late');
    expect(guard.beforeQuit()).toBe('proceed');
  });
});
