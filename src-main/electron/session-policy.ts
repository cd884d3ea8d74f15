// What every session the kiosk uses refuses (electron.md §1 #5; issue 14,
// item 5), and the donor session's reset between donations. Electron objects
// come in through the small structural interfaces below, so tests drive this
// with typed fakes (tests/unit/electron-session-policy.test.ts).
//
// Sessions: the donor window's (an in-memory partition: Razorpay's and the
// banks' cookies and storage never reach the disk), the console's, the receipt
// printer's and Electron's default session. In each:
// - every permission request and check is refused (camera, notifications,
//   file-system access pickers, HID/serial/USB devices ...);
// - every download is refused before Chromium asks where to save it: no
//   native Save dialog, the classic kiosk escape.
//
// Between donations the donor session forgets everything the last donor's
// Checkout, bank or wallet left in it (cookies, local storage, IndexedDB,
// service workers, cache storage, HTTP auth), and every child window (a bank's
// 3-D Secure popup) is closed: when a donation starts, when it ends (paid,
// cancelled, the donor left), and when the donor page reloads or its renderer
// is recovered.

export interface DownloadItemLike {
  getFilename(): string;
  getURL(): string;
}

/** What the policy uses of an Electron `Session`. */
export interface SessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  on(event: 'will-download', listener: (event: { preventDefault(): void }, item: DownloadItemLike) => void): unknown;
}

/** What the donor-session reset uses of an Electron `Session`. */
export interface ClearableSessionLike {
  clearStorageData(): Promise<void>;
  clearAuthCache(): Promise<void>;
}

export interface ChildWindowLike {
  isDestroyed(): boolean;
  close(): void;
}

/** Refuses permissions and downloads in one session; `name` is for the log. */
export function applySessionPolicy(session: SessionLike, name: string, log: (line: string) => void): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`session ${name}: permission denied: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event, item) => {
    event.preventDefault();
    log(`session ${name}: download refused: ${safeName(item)}`);
  });
}

function safeName(item: DownloadItemLike): string {
  try {
    // The file name only: a URL's query may carry a payment's details.
    return JSON.stringify(item.getFilename().slice(0, 80));
  } catch {
    return 'unknown file';
  }
}

export interface DonorSessionResetOptions {
  session: ClearableSessionLike;
  /** The donor window's child windows now (Checkout's popups). */
  childWindows: () => readonly ChildWindowLike[];
  log: (line: string) => void;
}

/** Closes every child window and forgets what the last donor's payment pages stored; resolves when the storage is gone. */
export function createDonorSessionReset(options: DonorSessionResetOptions): (why: string) => Promise<void> {
  return async (why) => {
    let closed = 0;
    for (const child of options.childWindows()) {
      try {
        if (!child.isDestroyed()) {
          child.close();
          closed += 1;
        }
      } catch {
        // A window that is going away anyway.
      }
    }
    try {
      await Promise.all([options.session.clearStorageData(), options.session.clearAuthCache()]);
      options.log(`donor session reset (${why})${closed > 0 ? `: ${closed} child window(s) closed` : ''}`);
    } catch (error) {
      options.log(`donor session reset (${why}) failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

/**
 * When the donor session is reset, from the donor page's calls: before a
 * donation starts (so Checkout opens in an empty session), after it is paid
 * or cancelled, and when the page is back on the welcome screen after one.
 */
export class DonationSessionTracker {
  #inDonation = false;

  /** Before the call is answered: true when the session must be reset first. */
  beforeCall(method: string): boolean {
    if (method !== 'startDonation') return false;
    this.#inDonation = true;
    return true;
  }

  /** After the answer: true when the donation has ended and the session should be reset. */
  afterCall(method: string, reply: { ok: boolean }): boolean {
    if ((method === 'confirmPayment' && reply.ok) || method === 'cancelDonation') {
      this.#inDonation = false;
      return true;
    }
    if (method === 'getKioskStatus' && this.#inDonation) {
      // The welcome screen polls the status; the donor left without a cancel (after a result screen).
      this.#inDonation = false;
      return true;
    }
    return false;
  }
}
