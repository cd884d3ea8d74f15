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
  close(): void;
  on(event: 'payment.failed', callback: (response: RazorpayFailure) => void): void;
}

export type RazorpayConstructor = new (options: RazorpayOptions) => RazorpayInstance;

declare global {
  interface Window {
    Razorpay?: RazorpayConstructor;
  }
}

type ScriptState = 'loading' | 'loaded' | 'failed';
let script: { el: HTMLScriptElement; state: ScriptState } | null = null;

/**
 * window.Razorpay, loading checkout.js once if needed. Resolves null (never
 * rejects) if the script fails, does not define Razorpay, or takes longer than
 * timeoutMs. A failed script is removed so the next call adds a fresh one; a
 * slow one is kept, so a late load still counts next time.
 */
export function loadCheckout(url: string, timeoutMs: number): Promise<RazorpayConstructor | null> {
  const ready = window.Razorpay;
  if (typeof ready === 'function') return Promise.resolve(ready);

  if (script && (script.state === 'failed' || script.state === 'loaded' || script.el.src !== new URL(url, location.href).href)) {
    // Failed, or loaded without defining Razorpay, or a different URL: start over.
    script.el.remove();
    script = null;
  }

  if (!script) {
    const el = document.createElement('script');
    const entry: { el: HTMLScriptElement; state: ScriptState } = { el, state: 'loading' };
    el.src = url;
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

  const { el } = script;
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
    const timer = setTimeout(() => finish(null), Math.max(0, timeoutMs));
    el.addEventListener('load', onLoad);
    el.addEventListener('error', onError);
  });
}
