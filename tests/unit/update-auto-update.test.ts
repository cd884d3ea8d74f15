// The updater wiring (src-main/electron/auto-update.ts) against a typed fake of
// electron-updater: background download, install only when the policy says so,
// the exit guard lifted just for the install and put back when it fails.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { AutoUpdateService, feedUrlFromAppUpdateYml, type Scheduler, type Updater, type UpdateQuitGuard } from '../../src-main/electron/auto-update.ts';
import type { KioskActivity } from '../../src-main/domain/updates/kiosk-activity.ts';
import { QUIET_PERIOD_MS } from '../../src-main/domain/updates/update-policy.ts';

class FakeUpdater extends EventEmitter implements Updater {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  feeds: string[] = [];
  checks = 0;
  installs: [boolean | undefined, boolean | undefined][] = [];
  failCheckWith: Error | null = null;
  throwOnInstall: Error | null = null;
  private readonly journal: string[];
  constructor(journal: string[]) {
    super();
    this.journal = journal;
  }
  setFeedURL(options: { provider: 'generic'; url: string }): void {
    this.feeds.push(options.url);
  }
  async checkForUpdates(): Promise<unknown> {
    this.checks += 1;
    if (this.failCheckWith) throw this.failCheckWith;
    return null;
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.journal.push('quitAndInstall');
    if (this.throwOnInstall) throw this.throwOnInstall;
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

/** Timers the test fires by hand. */
class ManualScheduler implements Scheduler {
  readonly pending: { ms: number; task: () => void; repeat: boolean; cancelled: boolean }[] = [];
  every(ms: number, task: () => void): () => void {
    return this.add(ms, task, true);
  }
  after(ms: number, task: () => void): () => void {
    return this.add(ms, task, false);
  }
  fireOnce(ms: number): void {
    for (const timer of this.pending.filter((t) => t.ms === ms && !t.repeat && !t.cancelled)) {
      timer.cancelled = true;
      timer.task();
    }
  }
  private add(ms: number, task: () => void, repeat: boolean): () => void {
    const timer = { ms, task, repeat, cancelled: false };
    this.pending.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }
}

function setUp(options: { feedUrl?: string; installHour?: number | null; builtIn?: string } = {}) {
  const journal: string[] = [];
  const updater = new FakeUpdater(journal);
  let guardLifted = false;
  const quitGuard: UpdateQuitGuard = {
    allowQuit: (reason) => {
      guardLifted = true;
      journal.push(`allowQuit: ${reason}`);
    },
    restoreGuard: (reason) => {
      guardLifted = false;
      journal.push(`restoreGuard: ${reason}`);
    },
  };
  let activity: KioskActivity = { kind: 'donation-in-progress' };
  const settings = { updateFeedUrl: options.feedUrl ?? '', updateInstallHour: options.installHour ?? null };
  let now = new Date(2026, 10, 26, 14, 0).getTime();
  const scheduler = new ManualScheduler();
  const logLines: string[] = [];
  const service = new AutoUpdateService({
    updater,
    quitGuard,
    activity: () => activity,
    settings: () => settings,
    builtInFeedUrl: options.builtIn ?? 'https://updates.example.org/donation-kiosk/linux',
    currentVersion: '1.0.0',
    log: (line) => logLines.push(line),
    now: () => now,
    scheduler,
    installTimeoutMs: 60_000,
  });
  return {
    service,
    updater,
    journal,
    scheduler,
    settings,
    logLines,
    guardLifted: () => guardLifted,
    setActivity: (next: KioskActivity) => {
      activity = next;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('AutoUpdateService', () => {
  it('downloads in the background, and never installs on an ordinary quit', async () => {
    const kiosk = setUp();
    kiosk.service.start();
    await Promise.resolve();
    expect(kiosk.updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: false });
    expect(kiosk.updater.checks).toBe(1);
    kiosk.updater.emit('update-available', { version: '1.1.0' });
    kiosk.updater.emit('download-progress', { percent: 41.6 });
    expect(kiosk.service.status()).toMatchObject({ state: 'downloading', availableVersion: '1.1.0', downloadPercent: 42, currentVersion: '1.0.0' });
    kiosk.service.stop();
  });

  it('an update downloaded mid-donation waits; once the welcome screen is quiet the guard is lifted, then it installs silently and restarts', () => {
    const kiosk = setUp();
    kiosk.service.start();
    kiosk.updater.emit('update-downloaded', { version: '1.1.0' });
    expect(kiosk.updater.installs).toEqual([]);
    expect(kiosk.guardLifted()).toBe(false);
    expect(kiosk.service.status()).toMatchObject({ state: 'waiting-to-install', message: expect.stringContaining('a donation is in progress') });

    kiosk.setActivity({ kind: 'welcome-idle', idleForMs: 10_000 });
    kiosk.service.decide();
    expect(kiosk.updater.installs).toEqual([]);

    kiosk.setActivity({ kind: 'welcome-idle', idleForMs: QUIET_PERIOD_MS });
    kiosk.service.decide();
    expect(kiosk.updater.installs).toEqual([[true, true]]);
    expect(kiosk.journal).toEqual(['allowQuit: installing update 1.1.0', 'quitAndInstall']);
    expect(kiosk.service.status().state).toBe('installing');
    kiosk.service.stop();
  });

  it('puts the exit guard back when the installer does not start, and waits before trying again', () => {
    const kiosk = setUp();
    kiosk.service.start();
    kiosk.setActivity({ kind: 'welcome-idle', idleForMs: QUIET_PERIOD_MS });
    kiosk.updater.throwOnInstall = new Error('installer missing');
    kiosk.updater.emit('update-downloaded', { version: '1.1.0' });
    expect(kiosk.journal).toEqual(['allowQuit: installing update 1.1.0', 'quitAndInstall', expect.stringMatching(/^restoreGuard: update install failed: the installer did not start \(installer missing\)/)]);
    expect(kiosk.guardLifted()).toBe(false);
    expect(kiosk.service.status()).toMatchObject({ state: 'error', message: expect.stringContaining('tries again in an hour') });

    kiosk.updater.throwOnInstall = null;
    kiosk.advance(10 * 60_000);
    kiosk.service.decide();
    expect(kiosk.updater.installs).toEqual([]);
    kiosk.advance(51 * 60_000);
    kiosk.service.decide();
    expect(kiosk.updater.installs).toEqual([[true, true]]);
    kiosk.service.stop();
  });

  it('the operator\'s "install now" installs a downloaded update at once, and refuses when none is ready', () => {
    const kiosk = setUp({ installHour: 3 });
    kiosk.service.start();
    kiosk.setActivity({ kind: 'operator-session' });
    expect(kiosk.service.installNow()).toEqual({ ok: false, message: 'No update is ready to install yet.' });
    kiosk.updater.emit('update-downloaded', { version: '1.1.0' });
    expect(kiosk.updater.installs).toEqual([]);
    expect(kiosk.service.installNow()).toMatchObject({ ok: true, status: { state: 'installing' } });
    expect(kiosk.journal).toEqual(['allowQuit: installing update 1.1.0', 'quitAndInstall']);
    expect(kiosk.updater.installs).toEqual([[true, true]]);
    kiosk.service.stop();
  });

  it('a later check that finds nothing newer leaves the downloaded update waiting', () => {
    const kiosk = setUp();
    kiosk.service.start();
    kiosk.updater.emit('update-downloaded', { version: '1.1.0' });
    kiosk.updater.emit('checking-for-update');
    expect(kiosk.service.status().state).toBe('checking');
    kiosk.updater.emit('update-not-available', { version: '1.1.0' });
    expect(kiosk.service.status()).toMatchObject({ state: 'waiting-to-install', availableVersion: '1.1.0' });
    kiosk.service.stop();
  });

  it('puts the exit guard back when the app is still running a minute after quitAndInstall', () => {
    const kiosk = setUp();
    kiosk.service.start();
    kiosk.setActivity({ kind: 'welcome-idle', idleForMs: QUIET_PERIOD_MS });
    kiosk.updater.emit('update-downloaded', { version: '1.1.0' });
    expect(kiosk.guardLifted()).toBe(true);
    kiosk.scheduler.fireOnce(60_000);
    expect(kiosk.guardLifted()).toBe(false);
    expect(kiosk.journal.at(-1)).toMatch(/^restoreGuard: update install failed: the app was not closed by the installer/);
    kiosk.service.stop();
  });

  it('checks the operator\'s feed when set, the built-in one otherwise; a failed check is a status, not a throw', async () => {
    const kiosk = setUp({ feedUrl: 'https://kiosk-updates.example.net/feed' });
    expect(await kiosk.service.checkNow()).toMatchObject({ feedUrl: 'https://kiosk-updates.example.net/feed' });
    expect(kiosk.updater.feeds).toEqual(['https://kiosk-updates.example.net/feed']);
    kiosk.settings.updateFeedUrl = '';
    kiosk.updater.failCheckWith = new Error('net::ERR_NAME_NOT_RESOLVED');
    const status = await kiosk.service.checkNow();
    expect(kiosk.updater.feeds.at(-1)).toBe('https://updates.example.org/donation-kiosk/linux');
    expect(status).toMatchObject({ state: 'error', message: 'Update check failed: net::ERR_NAME_NOT_RESOLVED' });
    expect(kiosk.logLines.at(-1)).toContain('ERR_NAME_NOT_RESOLVED');
  });

  it('without any feed it says so instead of checking', async () => {
    const kiosk = setUp({ builtIn: '' });
    expect(await kiosk.service.checkNow()).toMatchObject({ state: 'error', message: expect.stringContaining('No update address is set') });
    expect(kiosk.updater.checks).toBe(0);
  });

  it('in the install hour only: waits outside it even when idle', () => {
    const kiosk = setUp({ installHour: 3 });
    kiosk.service.start();
    kiosk.setActivity({ kind: 'welcome-idle', idleForMs: QUIET_PERIOD_MS * 10 });
    kiosk.updater.emit('update-downloaded', { version: '1.1.0' });
    expect(kiosk.updater.installs).toEqual([]);
    expect(kiosk.service.status()).toMatchObject({ state: 'waiting-to-install', installHour: 3, message: expect.stringContaining('03:00') });
    kiosk.advance(13 * 60 * 60_000);
    kiosk.service.decide();
    expect(kiosk.updater.installs).toEqual([[true, true]]);
    kiosk.service.stop();
  });
});

describe('feedUrlFromAppUpdateYml', () => {
  it('reads the generic feed electron-builder writes, and nothing else', () => {
    expect(feedUrlFromAppUpdateYml('provider: generic\nurl: https://updates.example.org/donation-kiosk/linux\nchannel: latest\n')).toBe('https://updates.example.org/donation-kiosk/linux');
    expect(feedUrlFromAppUpdateYml('provider: generic\nurl: http://insecure.example.org/\n')).toBe('');
    expect(feedUrlFromAppUpdateYml(null)).toBe('');
  });
});
