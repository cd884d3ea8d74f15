// The little of Razorpay Standard Checkout (checkout.js) the kiosk uses, and
// its loader. The script comes from state.checkout.scriptUrl: Razorpay's CDN in
// test/live mode, the simulator's stand-in in demo mode.
import type { CheckoutOptions } from '../../../src-main/contract/kiosk-api.ts';

export interface RazorpaySuccess {
  razorpay_payment_id?: string;
  razorpay_order_id?: string;
  razorpay_signature?: string;
}

export interface RazorpayErrorDetail {
  code?: string;
  description?: string;
  source?: string;
  step?: string;
  reason?: string;
  field?: string;
  metadata?: { order_id?: string; payment_id?: string } | unknown[];
}

export interface RazorpayFailure {
  error?: RazorpayErrorDetail;
}

/** undefined (donor closed), 'timeout' (options.timeout), or {error} (retry disabled). */
export type RazorpayDismiss = undefined | 'timeout' | RazorpayFailure;

export interface RazorpayOptions extends Omit<CheckoutOptions, 'modal'> {
  handler: (response: RazorpaySuccess) => void;
  modal: CheckoutOptions['modal'] & { ondismiss: (reason?: RazorpayDismiss) => void };
}

export interface RazorpayInstance {
  open(): unknown;
  /** Posts a close message to Checkout's frame; ondismiss (if any) comes later, never inside close(). */
  close(): void;
  on(event: 'payment.failed', callback: (response: RazorpayFailure) => void): void;
  /** Checkout closed itself after alerting "Oops! Something went wrong."; no ondismiss follows. */
  on(event: 'fault.close', callback: () => void): void;
}

export type RazorpayConstructor = new (options: RazorpayOptions) => RazorpayInstance;

declare global {
  interface Window {
    Razorpay?: RazorpayConstructor;
  }
}

/**
 * Hides Checkout's full-screen container (checkout.js adds div.razorpay-container
 * at load and hides it itself when its frame answers). For a Checkout the kiosk has
 * given up on: if its frame never answers close(), the container would cover the
 * kiosk's own screen for good. The next open() shows it again.
 */
export function hideCheckoutOverlay(): void {
  for (const el of document.querySelectorAll<HTMLElement>('.razorpay-container')) el.style.display = 'none';
}

type ScriptState = 'loading' | 'loaded' | 'failed';
/** timedOut: a caller gave up on it while it was still loading (e.g. a hung request). */
let script: { el: HTMLScriptElement; url: string; state: ScriptState; timedOut: boolean } | null = null;
let attempts = 0;

/**
 * The URL for a fresh request. After a timed-out (possibly hung) request the
 * URL gets a harmless query parameter: Chromium holds a second request for the
 * same URL behind the first one still in flight (its HTTP cache lock), so the
 * retry would hang too.
 */
function freshUrl(url: string, afterTimeout: boolean): string {
  if (!afterTimeout) return url;
  const u = new URL(url, location.href);
  u.searchParams.set('kiosk_attempt', String(++attempts));
  return u.href;
}

/**
 * window.Razorpay, loading checkout.js once if needed. Resolves null (never
 * rejects) if the script fails, does not define Razorpay, or takes longer than
 * timeoutMs. A failed script is removed so the next call adds a fresh one. A
 * script that timed out is replaced by a fresh request on the next call (a hung
 * request may never finish); if the old one does load late, window.Razorpay is
 * set and the next call uses it.
 */
export function loadCheckout(url: string, timeoutMs: number): Promise<RazorpayConstructor | null> {
  const ready = window.Razorpay;
  if (typeof ready === 'function') return Promise.resolve(ready);

  let afterTimeout = false;
  if (script && (script.state !== 'loading' || script.timedOut || script.url !== url)) {
    // Failed, loaded without defining Razorpay, timed out, or a different URL: start over.
    afterTimeout = script.timedOut && script.url === url;
    script.el.remove();
    script = null;
  }

  if (!script) {
    const el = document.createElement('script');
    const entry: { el: HTMLScriptElement; url: string; state: ScriptState; timedOut: boolean } = { el, url, state: 'loading', timedOut: false };
    el.src = freshUrl(url, afterTimeout);
    el.async = true;
    el.dataset['kioskCheckout'] = '';
    el.onload = () => {
      entry.state = 'loaded';
    };
    el.onerror = () => {
      entry.state = 'failed';
    };
    script = entry;
    document.head.append(el);
  }

  const entry = script;
  const { el } = entry;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: RazorpayConstructor | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      el.removeEventListener('load', onLoad);
      el.removeEventListener('error', onError);
      resolve(value);
    };
    const onLoad = (): void => {
      const loaded = window.Razorpay;
      finish(typeof loaded === 'function' ? loaded : null);
    };
    const onError = (): void => finish(null);
    const timer = setTimeout(() => {
      if (entry.state === 'loading') entry.timedOut = true;
      finish(null);
    }, Math.max(0, timeoutMs));
    el.addEventListener('load', onLoad);
    el.addEventListener('error', onError);
  });
}
