// The session, download and child-window policy (src-main/electron/session-policy.ts)
// with typed fakes of Electron's Session and BrowserWindow (issue 14, item 5).
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  applySessionPolicy,
  createDonorSessionReset,
  DonationSessionTracker,
  type ChildWindowLike,
  type ClearableSessionLike,
  type DownloadItemLike,
  type SessionLike,
} from '../../src-main/electron/session-policy.ts';

class FakeSession extends EventEmitter implements SessionLike, ClearableSessionLike {
  requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  checkHandler: (() => boolean) | null = null;
  deviceHandler: (() => boolean) | null = null;
  cleared = 0;
  failClear: Error | null = null;
  setPermissionRequestHandler(handler: FakeSession['requestHandler']): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: () => boolean): void {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: () => boolean): void {
    this.deviceHandler = handler;
  }
  async clearStorageData(): Promise<void> {
    if (this.failClear) throw this.failClear;
    this.cleared += 1;
  }
  async clearAuthCache(): Promise<void> {}
}

class FakeChild implements ChildWindowLike {
  destroyed = false;
  closed = 0;
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.closed += 1;
    this.destroyed = true;
  }
}

function download(filename: string): DownloadItemLike {
  return { getFilename: () => filename, getURL: () => `https://bank.example/${filename}?account=123` };
}

describe('applySessionPolicy', () => {
  it('refuses every permission, request or check, and every device', () => {
    const target = new FakeSession();
    const log = vi.fn<(line: string) => void>();
    applySessionPolicy(target, 'donor', log);
    for (const permission of ['media', 'notifications', 'fileSystem', 'clipboard-read', 'hid', 'geolocation']) {
      const callback = vi.fn();
      target.requestHandler?.({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
    }
    expect(target.checkHandler?.()).toBe(false);
    expect(target.deviceHandler?.()).toBe(false);
    expect(log).toHaveBeenCalledWith('session donor: permission denied: media');
  });

  it('refuses every download before any Save dialog, and logs the file name only', () => {
    const target = new FakeSession();
    const log = vi.fn<(line: string) => void>();
    applySessionPolicy(target, 'donor', log);
    for (const name of ['receipt.pdf', 'statement.exe', '']) {
      const event = { prevented: false, preventDefault: () => (event.prevented = true) };
      target.emit('will-download', event, download(name));
      expect(event.prevented, name).toBe(true);
    }
    expect(log).toHaveBeenCalledWith('session donor: download refused: "statement.exe"');
    expect(log.mock.calls.flat().join('\n')).not.toContain('account=123');
  });
});

describe('createDonorSessionReset', () => {
  it('closes every open child window and clears the session\'s storage', async () => {
    const target = new FakeSession();
    const children = [new FakeChild(), new FakeChild()];
    const gone = new FakeChild();
    gone.destroyed = true;
    const log = vi.fn<(line: string) => void>();
    const reset = createDonorSessionReset({ session: target, childWindows: () => [...children, gone], log });
    await reset('the donation ended');
    expect(children.map((c) => c.closed)).toEqual([1, 1]);
    expect(gone.closed).toBe(0);
    expect(target.cleared).toBe(1);
    expect(log).toHaveBeenCalledWith('donor session reset (the donation ended): 2 child window(s) closed');
  });

  it('never throws: a failed clear is logged', async () => {
    const target = new FakeSession();
    target.failClear = new Error('busy');
    const log = vi.fn<(line: string) => void>();
    await expect(createDonorSessionReset({ session: target, childWindows: () => [], log })('a donation starts')).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledWith('donor session reset (a donation starts) failed: busy');
  });
});

describe('DonationSessionTracker', () => {
  it('resets before a donation starts, after it is paid or cancelled, and when the welcome screen is back', () => {
    const tracker = new DonationSessionTracker();
    const ok = { ok: true };
    const failed = { ok: false };
    expect(tracker.afterCall('getKioskStatus', ok)).toBe(false);
    expect(tracker.beforeCall('getKioskStatus')).toBe(false);
    expect(tracker.beforeCall('startDonation')).toBe(true);
    expect(tracker.afterCall('checkoutOpened', ok)).toBe(false);
    expect(tracker.afterCall('recordPaymentFailure', ok)).toBe(false);
    // A failed confirmation may be retried: the session stays for now.
    expect(tracker.afterCall('confirmPayment', failed)).toBe(false);
    expect(tracker.afterCall('confirmPayment', ok)).toBe(true);
    expect(tracker.afterCall('getKioskStatus', ok)).toBe(false);

    tracker.beforeCall('startDonation');
    expect(tracker.afterCall('cancelDonation', ok)).toBe(true);

    // The donor walked away from the failure screen without a cancel: the first welcome poll ends it.
    tracker.beforeCall('startDonation');
    expect(tracker.afterCall('getKioskStatus', ok)).toBe(true);
    expect(tracker.afterCall('getKioskStatus', ok)).toBe(false);
  });
});
