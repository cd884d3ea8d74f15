// Navigation, window-open and IPC-sender decisions (electron.md §1 #13, #14,
// #17 and §2). Electron-free so plain Node tests cover every rule; the
// Electron wiring in src-main/electron only calls these.
//
// URLs are compared with `new URL`, never with string prefixes. Node's URL
// parser reports `origin === 'null'` for schemes it does not know (such as
// `app:`), so origins are compared by scheme, host and port, with no
// credentials allowed.

/** The donor page's origin in Electron. */
export const APP_ORIGIN = 'app://kiosk';
/** The operator console's origin in Electron: its own window, its own preload, no Razorpay (issue 14, item 3). */
export const OPERATOR_ORIGIN = 'app://operator';

/** Parses a URL, or returns null for anything unparsable. */
export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Scheme and host only, for logs: paths and query strings may carry data we should not log. */
export function urlForLog(url: string): string {
  const parsed = parseUrl(url);
  if (parsed === null) return 'unparsable url';
  return parsed.host === '' ? parsed.protocol : `${parsed.protocol}//${parsed.host}`;
}

interface OriginParts {
  protocol: string;
  host: string; // hostname plus ":port" when not the default
}

function originParts(url: string): OriginParts | null {
  const parsed = parseUrl(url);
  if (parsed === null) return null;
  // Credentials (`app://kiosk@evil`) and hostless URLs (`app:kiosk`) never match.
  if (parsed.username !== '' || parsed.password !== '' || parsed.host === '') return null;
  return { protocol: parsed.protocol, host: parsed.host.toLowerCase() };
}

/** True when `url` belongs to exactly `appOrigin` (scheme, host and port). */
export function isAppUrl(url: string, appOrigin: string = APP_ORIGIN): boolean {
  const candidate = originParts(url);
  const expected = originParts(appOrigin);
  if (candidate === null || expected === null) return false;
  return candidate.protocol === expected.protocol && candidate.host === expected.host;
}

/** The parts of Electron's `HandlerDetails` this policy looks at. */
export interface WindowOpenRequest {
  url: string;
  frameName: string;
  features: string;
  /** Electron passes `{ url, policy }`; the url is empty when there is no referrer. */
  referrer?: { url: string } | null;
}

export type WindowOpenDecision = 'allow-checkout-popup' | 'deny';

export interface PopupPolicyOptions {
  /**
   * Extra exact origins a Checkout popup may open, refer from and navigate to:
   * the simulator's `http://127.0.0.1:PORT` in demo mode. Https is always allowed.
   */
  extraOrigins?: readonly string[];
}

// Razorpay names its popups `popup_<trackId>` (razorpay.md §5.4).
const CHECKOUT_POPUP_NAME = /^popup_[A-Za-z0-9_.-]{1,128}$/;

function isExtraOrigin(url: string, options: PopupPolicyOptions): boolean {
  return (options.extraOrigins ?? []).some((origin) => isAppUrl(url, origin));
}

/** Https (any host: bank and 3DS domains vary) or one of the extra origins; never credentials. */
function isPopupDestination(url: string, options: PopupPolicyOptions): boolean {
  const parsed = parseUrl(url);
  if (parsed === null || parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === 'https:' && parsed.hostname !== '') return true;
  return isExtraOrigin(url, options);
}

function isRazorpayReferrer(url: string, options: PopupPolicyOptions): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  if (parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '') {
    const host = parsed.hostname.toLowerCase();
    if (host === 'razorpay.com' || host.endsWith('.razorpay.com')) return true;
  }
  return isExtraOrigin(url, options);
}

/**
 * Razorpay Checkout opens its 3DS / netbanking / wallet popup from inside the
 * api.razorpay.com iframe as `window.open('', 'popup_<id>', features)`. Allow
 * that pattern only; deny everything else. A heuristic: the real guard is the
 * popup's own settings (sandboxed, no preload, no further windows).
 */
export function decideWindowOpen(
  request: WindowOpenRequest,
  options: PopupPolicyOptions = {},
): WindowOpenDecision {
  if (!CHECKOUT_POPUP_NAME.test(request.frameName)) return 'deny';
  if (request.url !== 'about:blank' && !isPopupDestination(request.url, options)) return 'deny';
  const referrer = request.referrer?.url ?? '';
  if (referrer !== '' && !isRazorpayReferrer(referrer, options)) return 'deny';
  return 'allow-checkout-popup';
}

/**
 * Navigation of the kiosk window. Only its top frame is restricted to the app
 * origin; subframes (Razorpay's iframe) navigate within their own CSP.
 */
export function isKioskNavigationAllowed(
  navigation: { url: string; isMainFrame: boolean },
  appOrigin: string = APP_ORIGIN,
): boolean {
  if (!navigation.isMainFrame) return true;
  return isAppUrl(navigation.url, appOrigin);
}

/** Navigation inside a Checkout popup, any frame: https, about:blank or an extra (demo) origin. */
export function isPopupNavigationAllowed(url: string, options: PopupPolicyOptions = {}): boolean {
  return url === 'about:blank' || isPopupDestination(url, options);
}

export interface SenderCheck {
  /** `event.senderFrame === kioskWindow.webContents.mainFrame` */
  senderFrameIsMainFrame: boolean;
  /** `event.senderFrame.url`, or null when the frame is gone. */
  senderFrameUrl: string | null;
  appOrigin: string;
}

/** IPC is answered only for the kiosk window's own top frame on the app origin. */
export function isSenderAllowed(check: SenderCheck): boolean {
  return (
    check.senderFrameIsMainFrame &&
    check.senderFrameUrl !== null &&
    isAppUrl(check.senderFrameUrl, check.appOrigin)
  );
}
