// The updater wiring (src-main/electron/auto-update.ts) against a typed fake of
// electron-updater: background download, the built-in feed only, install only
// an update whose ed25519 signature verifies with the built-in key and only
// when the policy says so, the exit guard lifted just for the install and put
// back when it fails.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { AutoUpdateService, expandFeedUrl, type Scheduler, type Updater, type UpdateQuitGuard } from '../../src-main/electron/auto-update.ts';
import type { KioskActivity } from '../../src-main/domain/updates/kiosk-activity.ts';
import { QUIET_PERIOD_MS } from '../../src-main/domain/updates/update-policy.ts';
import { generateUpdateSigningKeys, signUpdate } from '../../src-main/domain/updates/update-signature.ts';

const RELEASE_KEYS = generateUpdateSigningKeys();
const OTHER_KEYS = generateUpdateSigningKeys();
const FEED = 'https://updates.example.org/donation-kiosk/linux';

/** Lets the signature check (file read, signature fetch) finish. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

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

/** What a feed serves and the cache holds: an update file and its signature, good or not. */
type Signing = 'signed' | 'unsigned' | 'other-key' | 'tampered' | 'garbage';

function setUp(options: { installHour?: number | null; builtIn?: string; publicKeyPem?: string } = {}) {
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
  const settings = { updateInstallHour: options.installHour ?? null };
  const files = new Map<string, Buffer>();
  const signatures = new Map<string, string>();
  const fetched: string[] = [];
  let now = new Date(2026, 10, 26, 14, 0).getTime();
  const scheduler = new ManualScheduler();
  const logLines: string[] = [];
  const service = new AutoUpdateService({
    updater,
    quitGuard,
    activity: () => activity,
    settings: () => settings,
    builtInFeedUrl: options.builtIn ?? FEED,
    publicKeyPem: options.publicKeyPem ?? RELEASE_KEYS.publicKeyPem,
    readFile: async (path) => {
      const bytes = files.get(path);
      if (bytes === undefined) throw new Error(`ENOENT ${path}`);
      return bytes;
    },
    fetchText: async (url) => {
      fetched.push(url);
      const text = signatures.get(url);
      if (text === undefined) throw new Error('HTTP 404');
      return text;
    },
    currentVersion: '1.0.0',
    log: (line) => logLines.push(line),
    now: () => now,
    scheduler,
    installTimeoutMs: 60_000,
  });
  /** electron-updater finished downloading `version`; the feed's signature is as `signing` says. */
  const downloaded = async (version: string, signing: Signing = 'signed'): Promise<void> => {
    const path = `/cache/donation-kiosk-updater/pending/Donation Kiosk-${version}.AppImage`;
    const bytes = Buffer.from(`the ${version} installer`);
    files.set(path, signing === 'tampered' ? Buffer.from(`the ${version} installer, changed on the way`) : bytes);
    const url = `${FEED}/Donation%20Kiosk-${version}.AppImage.sig`;
    if (signing === 'signed' || signing === 'tampered') signatures.set(url, signUpdate(bytes, RELEASE_KEYS.privateKeyPem));
    if (signing === 'other-key') signatures.set(url, signUpdate(bytes, OTHER_KEYS.privateKeyPem));
    if (signing === 'garbage') signatures.set(url, 'not a signature');
    updater.emit('update-downloaded', { version, downloadedFile: path });
    await settle();
  };
  return {
    service,
    updater,
    journal,
    scheduler,
    settings,
    logLines,
    fetched,
    downloaded,
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

  it('an update downloaded mid-donation waits; once the welcome screen is quiet the guard is lifted, then it installs silently and restarts', async () => {
    const kiosk = setUp();
    kiosk.service.start();
    await kiosk.downloaded('1.1.0');
    expect(kiosk.fetched).toEqual([`${FEED}/Donation%20Kiosk-1.1.0.AppImage.sig`]);
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

  it('puts the exit guard back when the installer does not start, and waits before trying again', async () => {
    const kiosk = setUp();
    kiosk.service.start();
    kiosk.setActivity({ kind: 'welcome-idle', idleForMs: QUIET_PERIOD_MS });
    kiosk.updater.throwOnInstall = new Error('installer missing');
    await kiosk.downloaded('1.1.0');
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

  it('the operator\'s "install now" installs a downloaded update at once, and refuses when none is ready', async () => {
    const kiosk = setUp({ installHour: 3 });
    kiosk.service.start();
    kiosk.setActivity({ kind: 'operator-session' });
    expect(kiosk.service.installNow()).toEqual({ ok: false, message: 'No update is ready to install yet.' });
    await kiosk.downloaded('1.1.0');
    expect(kiosk.updater.installs).toEqual([]);
    expect(kiosk.service.installNow()).toMatchObject({ ok: true, status: { state: 'installing' } });
    expect(kiosk.journal).toEqual(['allowQuit: installing update 1.1.0', 'quitAndInstall']);
    expect(kiosk.updater.installs).toEqual([[true, true]]);
    kiosk.service.stop();
  });

  it('a later check that finds nothing newer leaves the downloaded update waiting', async () => {
    const kiosk = setUp();
    kiosk.service.start();
    await kiosk.downloaded('1.1.0');
    kiosk.updater.emit('checking-for-update');
    expect(kiosk.service.status().state).toBe('checking');
    kiosk.updater.emit('update-not-available', { version: '1.1.0' });
    expect(kiosk.service.status()).toMatchObject({ state: 'waiting-to-install', availableVersion: '1.1.0' });
    kiosk.service.stop();
  });

  it('puts the exit guard back when the app is still running a minute after quitAndInstall', async () => {
    const kiosk = setUp();
    kiosk.service.start();
    kiosk.setActivity({ kind: 'welcome-idle', idleForMs: QUIET_PERIOD_MS });
    await kiosk.downloaded('1.1.0');
    expect(kiosk.guardLifted()).toBe(true);
    kiosk.scheduler.fireOnce(60_000);
    expect(kiosk.guardLifted()).toBe(false);
    expect(kiosk.journal.at(-1)).toMatch(/^restoreGuard: update install failed: the app was not closed by the installer/);
    kiosk.service.stop();
  });

  it('checks only the feed the app was built with; a failed check is a status, not a throw', async () => {
    const kiosk = setUp();
    expect(await kiosk.service.checkNow()).toMatchObject({ feedUrl: FEED });
    expect(kiosk.updater.feeds).toEqual([FEED]);
    kiosk.updater.failCheckWith = new Error('net::ERR_NAME_NOT_RESOLVED');
    const status = await kiosk.service.checkNow();
    expect(kiosk.updater.feeds).toEqual([FEED, FEED]);
    expect(status).toMatchObject({ state: 'error', message: 'Update check failed: net::ERR_NAME_NOT_RESOLVED' });
    expect(kiosk.logLines.at(-1)).toContain('ERR_NAME_NOT_RESOLVED');
  });

  it('without a built-in feed, or without a built-in key, it checks nothing and says why', async () => {
    const noFeed = setUp({ builtIn: '' });
    expect(await noFeed.service.checkNow()).toMatchObject({ state: 'error', message: expect.stringContaining('no update address') });
    expect(noFeed.updater.checks).toBe(0);
    const noKey = setUp({ publicKeyPem: '' });
    expect(await noKey.service.checkNow()).toMatchObject({ state: 'error', message: expect.stringContaining('no update signing key') });
    expect(noKey.updater.checks).toBe(0);
  });

  it.each([
    ['unsigned', 'the signature could not be checked (HTTP 404)'],
    ['other-key', 'the signature does not match'],
    ['tampered', 'the signature does not match'],
    ['garbage', 'not a base64 ed25519 signature'],
  ] as const)('never installs an update whose signature does not verify with the built-in key (%s)', async (signing, reason) => {
    const kiosk = setUp();
    kiosk.service.start();
    kiosk.setActivity({ kind: 'welcome-idle', idleForMs: QUIET_PERIOD_MS * 10 });
    await kiosk.downloaded('6.6.6', signing);
    expect(kiosk.service.status()).toMatchObject({ state: 'error', message: expect.stringContaining(reason) });
    expect(kiosk.service.status().message).toContain('is not installed');
    kiosk.service.decide();
    expect(kiosk.service.installNow()).toEqual({ ok: false, message: 'No update is ready to install yet.' });
    expect(kiosk.updater.installs).toEqual([]);
    expect(kiosk.guardLifted()).toBe(false);
    // A properly signed one afterwards installs as usual.
    await kiosk.downloaded('1.1.0');
    expect(kiosk.updater.installs).toEqual([[true, true]]);
    kiosk.service.stop();
  });

  it('in the install hour only: waits outside it even when idle', async () => {
    const kiosk = setUp({ installHour: 3 });
    kiosk.service.start();
    kiosk.setActivity({ kind: 'welcome-idle', idleForMs: QUIET_PERIOD_MS * 10 });
    await kiosk.downloaded('1.1.0');
    expect(kiosk.updater.installs).toEqual([]);
    expect(kiosk.service.status()).toMatchObject({ state: 'waiting-to-install', installHour: 3, message: expect.stringContaining('03:00') });
    kiosk.advance(13 * 60 * 60_000);
    kiosk.service.decide();
    expect(kiosk.updater.installs).toEqual([[true, true]]);
    kiosk.service.stop();
  });
});

describe('expandFeedUrl', () => {
  it("fills in electron-builder's ${os} per platform, and keeps https addresses only", () => {
    const template = 'https://updates.example.org/donation-kiosk/${os}';
    expect(expandFeedUrl(template, 'win32')).toBe('https://updates.example.org/donation-kiosk/win');
    expect(expandFeedUrl(template, 'darwin')).toBe('https://updates.example.org/donation-kiosk/mac');
    expect(expandFeedUrl(template, 'linux')).toBe('https://updates.example.org/donation-kiosk/linux');
    expect(expandFeedUrl('http://insecure.example.org/${os}', 'linux')).toBe('');
    expect(expandFeedUrl('', 'linux')).toBe('');
  });
});
