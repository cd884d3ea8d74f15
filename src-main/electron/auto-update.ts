// Updates for the installed kiosk, with electron-updater behind a small typed
// interface (main.ts passes `autoUpdater`; tests pass a typed fake).
//
// - Checks the feed at start-up and every few hours; a found update downloads
//   in the background (autoDownload) while the kiosk keeps taking donations.
// - Installing is decided by the update policy (../domain/updates/update-policy.ts)
//   every 30 s: only when the welcome screen has been quiet for a while, or in
//   the operator's install hour, and never during a donation or operator mode.
// - To install, the exit guard is lifted (the kiosk otherwise refuses to quit,
//   electron.md §7) and quitAndInstall runs silently and restarts the app. If
//   the installer does not take over (quitAndInstall throws, or the app is
//   still running a minute later), the guard is put back and the install is
//   tried again later.
// - The feed is fixed when the app is built (electron-builder.yml `publish`,
//   baked into the main bundle: src-main/electron/build-info.ts); nothing at
//   run time can point it elsewhere (issue 14, item 6).
// - A downloaded update installs only after its detached ed25519 signature
//   (`<file>.sig` in the feed) verifies with the public key built into the app
//   (src-main/domain/updates/update-signature.ts), on every platform. A build
//   without a key, or without a feed, checks for nothing.
// - Nothing installs on an ordinary quit (autoInstallOnAppQuit off): an OS
//   shutdown could cut an installer off halfway.

import { basename } from 'node:path';
import type { UpdateState, UpdateStatus } from '../contract/kiosk-api.ts';
import type { KioskActivity } from '../domain/updates/kiosk-activity.ts';
import type { UpdateControl } from '../domain/updates/update-control.ts';
import { decideUpdateInstall, describeWait, formatHour } from '../domain/updates/update-policy.ts';
import { parseUpdatePublicKey, verifyUpdateSignature } from '../domain/updates/update-signature.ts';

/** The part of electron-updater's AppUpdater the kiosk uses. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'checking-for-update' | 'update-not-available' | 'update-cancelled', listener: () => void): unknown;
  on(event: 'update-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string; downloadedFile: string }) => void): unknown;
  on(event: 'download-progress', listener: (progress: { percent: number }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateQuitGuard {
  allowQuit(reason: string): void;
  restoreGuard(reason: string): void;
}

export interface Scheduler {
  every(ms: number, task: () => void): () => void;
  after(ms: number, task: () => void): () => void;
}

export const realScheduler: Scheduler = {
  every(ms, task) {
    const timer = setInterval(task, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
  after(ms, task) {
    const timer = setTimeout(task, ms);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

export interface AutoUpdateOptions {
  updater: Updater;
  quitGuard: UpdateQuitGuard;
  /** What the kiosk is doing now (KioskServices.activity). */
  activity: () => KioskActivity;
  /** The operator's install hour, read at each decision. */
  settings: () => { updateInstallHour: number | null };
  /** The feed the app was built with; "" if none (then nothing is checked). */
  builtInFeedUrl: string;
  /** The ed25519 public key (PEM) built into the app; "" if none (then nothing is checked or installed). */
  publicKeyPem: string;
  /** Reads the downloaded file. */
  readFile: (path: string) => Promise<Buffer>;
  /** Fetches a small text file over https (the signature); rejects on any failure. */
  fetchText: (url: string) => Promise<string>;
  currentVersion: string;
  log: (line: string) => void;
  now?: () => number;
  scheduler?: Scheduler;
  checkEveryMs?: number;
  decideEveryMs?: number;
  /** How long the installer may take to close the app before the guard is put back. */
  installTimeoutMs?: number;
  /** After a failed install, how long before trying again. */
  retryInstallAfterMs?: number;
}

export class AutoUpdateService implements UpdateControl {
  readonly #options: AutoUpdateOptions;
  readonly #now: () => number;
  readonly #scheduler: Scheduler;
  #state: UpdateState = 'idle';
  #message = 'No check has run yet.';
  #availableVersion: string | null = null;
  #downloadedVersion: string | null = null;
  #downloadPercent: number | null = null;
  #lastCheckedAt: number | null = null;
  #noInstallBefore = 0;
  #stops: (() => void)[] = [];

  constructor(options: AutoUpdateOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#scheduler = options.scheduler ?? realScheduler;
  }

  /** Wires the updater's events, checks now, then on a timer; decides every 30 s. */
  start(): void {
    const { updater } = this.#options;
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = false;
    updater.on('checking-for-update', () => this.#set('checking', 'Checking for updates…'));
    updater.on('update-not-available', () => {
      this.#lastCheckedAt = this.#now();
      if (this.#downloadedVersion === null) this.#set('up-to-date', `Version ${this.#options.currentVersion} is the newest.`);
      else this.decide(); // a downloaded update still waits (or installs)
    });
    updater.on('update-available', (info) => {
      this.#availableVersion = info.version;
      this.#lastCheckedAt = this.#now();
      this.#set('downloading', `Downloading version ${info.version} in the background.`);
    });
    updater.on('download-progress', (progress) => {
      this.#downloadPercent = Math.max(0, Math.min(100, Math.round(progress.percent)));
      if (this.#state !== 'waiting-to-install') this.#state = 'downloading';
    });
    updater.on('update-downloaded', (info) => {
      this.#availableVersion = info.version;
      this.#downloadPercent = 100;
      this.#options.log(`update: version ${info.version} downloaded; checking its signature`);
      void this.#verifyThenDecide(info.version, info.downloadedFile);
    });
    updater.on('update-cancelled', () => this.#set('idle', 'The download was cancelled; it is tried again at the next check.'));
    updater.on('error', (error) => this.#fail(`Update check or download failed: ${error.message}`));
    void this.checkNow();
    this.#stops.push(this.#scheduler.every(this.#options.checkEveryMs ?? 6 * 60 * 60_000, () => void this.checkNow()));
    this.#stops.push(this.#scheduler.every(this.#options.decideEveryMs ?? 30_000, () => this.decide()));
  }

  stop(): void {
    for (const stop of this.#stops.splice(0)) stop();
  }

  feedUrl(): string {
    return this.#options.builtInFeedUrl;
  }

  status(): UpdateStatus {
    const settings = this.#options.settings();
    return {
      currentVersion: this.#options.currentVersion,
      state: this.#state,
      message: this.#message,
      availableVersion: this.#availableVersion,
      downloadPercent: this.#state === 'downloading' ? this.#downloadPercent : null,
      lastCheckedAt: this.#lastCheckedAt === null ? null : new Date(this.#lastCheckedAt).toISOString(),
      feedUrl: this.feedUrl(),
      installHour: settings.updateInstallHour,
    };
  }

  async checkNow(): Promise<UpdateStatus> {
    if (this.#state === 'installing') return this.status();
    const url = this.feedUrl();
    if (url === '') {
      this.#fail('This build has no update address, so it does not update itself; install new versions by hand.');
      return this.status();
    }
    const key = parseUpdatePublicKey(this.#options.publicKeyPem);
    if (!key.ok) {
      this.#fail(`Updates are off: ${key.reason}, so no update could be trusted; install new versions by hand.`);
      return this.status();
    }
    try {
      this.#options.updater.setFeedURL({ provider: 'generic', url });
      await this.#options.updater.checkForUpdates();
    } catch (error) {
      this.#fail(`Update check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.#lastCheckedAt ??= this.#now();
    return this.status();
  }

  /** The operator's "install now": the operator is at the kiosk, so no donor is mid-donation. */
  installNow(): { ok: true; status: UpdateStatus } | { ok: false; message: string } {
    if (this.#state === 'installing') return { ok: true, status: this.status() };
    if (this.#downloadedVersion === null) return { ok: false, message: 'No update is ready to install yet.' };
    this.#install(this.#downloadedVersion, 'operator asked');
    return { ok: true, status: this.status() };
  }

  /** Runs the policy once; installs if it says so. */
  decide(): void {
    if (this.#downloadedVersion === null || this.#state === 'installing') return;
    const installHour = this.#options.settings().updateInstallHour;
    const decision = decideUpdateInstall({ updateDownloaded: true, activity: this.#options.activity(), now: new Date(this.#now()), installHour });
    if (decision.action === 'wait' || this.#now() < this.#noInstallBefore) {
      const why = decision.action === 'wait' ? describeWait(decision.reason, installHour) : 'The last install did not start; it is tried again soon.';
      const when = installHour === null ? '' : ` Install hour: ${formatHour(installHour)}.`;
      this.#set('waiting-to-install', `Version ${this.#downloadedVersion} is ready. ${why}${when}`);
      return;
    }
    this.#install(this.#downloadedVersion, 'kiosk idle');
  }

  /** Only a file whose signature verifies with the built-in key ever becomes installable. */
  async #verifyThenDecide(version: string, file: string): Promise<void> {
    const signatureUrl = new URL(`${encodeURIComponent(basename(file))}.sig`, this.feedUrl().endsWith('/') ? this.feedUrl() : `${this.feedUrl()}/`).href;
    let verdict: { ok: true } | { ok: false; reason: string };
    try {
      const [bytes, signature] = await Promise.all([this.#options.readFile(file), this.#options.fetchText(signatureUrl)]);
      verdict = verifyUpdateSignature(bytes, signature, this.#options.publicKeyPem);
    } catch (error) {
      verdict = { ok: false, reason: `the signature could not be checked (${error instanceof Error ? error.message : String(error)})` };
    }
    if (!verdict.ok) {
      this.#downloadedVersion = null;
      this.#fail(`Version ${version} was downloaded but is not installed: ${verdict.reason}.`);
      return;
    }
    this.#downloadedVersion = version;
    this.#options.log(`update: version ${version} signature verified`);
    this.decide();
  }

  #install(version: string, why: string): void {
    this.#set('installing', `Installing version ${version}; the kiosk restarts by itself.`);
    this.#options.log(`update: installing version ${version} (${why})`);
    this.#options.quitGuard.allowQuit(`installing update ${version}`);
    try {
      this.#options.updater.quitAndInstall(true, true);
    } catch (error) {
      this.#installFailed(`the installer did not start (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    // If we are still here when this fires, the installer never took over.
    this.#stops.push(this.#scheduler.after(this.#options.installTimeoutMs ?? 60_000, () => this.#installFailed('the app was not closed by the installer')));
  }

  #installFailed(why: string): void {
    if (this.#state !== 'installing') return;
    this.#options.quitGuard.restoreGuard(`update install failed: ${why}`);
    this.#noInstallBefore = this.#now() + (this.#options.retryInstallAfterMs ?? 60 * 60_000);
    this.#fail(`Installing version ${this.#downloadedVersion ?? '?'} failed: ${why}. The kiosk carries on and tries again in an hour.`);
  }

  #fail(message: string): void {
    this.#options.log(`update: ${message}`);
    this.#set('error', message);
  }

  #set(state: UpdateState, message: string): void {
    this.#state = state;
    this.#message = message;
  }
}

/** electron-builder's `${os}` in a feed address, for this platform (win, mac, linux); an https address only, else "". */
export function expandFeedUrl(template: string, platform: NodeJS.Platform): string {
  const os = platform === 'win32' ? 'win' : platform === 'darwin' ? 'mac' : 'linux';
  const url = template.replaceAll('${os}', os);
  try {
    return new URL(url).protocol === 'https:' ? url : '';
  } catch {
    return '';
  }
}
