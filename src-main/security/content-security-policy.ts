// Content-Security-Policy for the kiosk's own documents (razorpay.md §5.5).
//
// Electron-free: the app:// protocol handler and the browser-mode server both
// send it as a response header on HTML documents only. It is never applied
// session-wide, so Razorpay's own iframe and popups keep their own headers.

/**
 * The exact origins Checkout needs, per directive (razorpay.md §5.5): no
 * wildcard, so a script on some other *.razorpay.com host, or a frame from
 * one, is refused (issue 14, item 3). The donor page's CSP only; the console's
 * names none.
 */
export interface CheckoutSources {
  /** checkout.js and what it loads into the page. */
  script: readonly string[];
  /** Checkout's iframe. */
  frame: readonly string[];
  /** What checkout.js calls from the page (its API, telemetry). */
  connect: readonly string[];
  img: readonly string[];
}

export const NO_CHECKOUT: CheckoutSources = { script: [], frame: [], connect: [], img: [] };

/** One origin for everything (the built-in simulator serves checkout.js, its frame and its API). */
export function sameCheckoutOrigins(origins: readonly string[]): CheckoutSources {
  return { script: origins, frame: origins, connect: origins, img: origins };
}

export interface ContentSecurityPolicyOptions {
  /**
   * The kiosk's own origin (e.g. `app://kiosk`, or `http://127.0.0.1:5173` in
   * browser mode). Omitted: `'self'` alone stands for it. Given: it is listed
   * next to `'self'`, which helps custom schemes where `'self'` matching has
   * historically been unreliable.
   */
  appOrigin?: string;
  /** Checkout's hosts (Razorpay's, or the simulator's in demo mode); NO_CHECKOUT for the console. */
  checkout: CheckoutSources;
}

// scheme "://" host [ ":" port ], nothing else: no wildcard, paths, quotes,
// separators or whitespace that could smuggle another directive in.
const ORIGIN_SOURCE = /^(https?|app):\/\/[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/;

/** Throws on anything that is not a plain origin: a bad config must fail at start-up, not weaken the policy. */
export function assertCspOrigin(origin: string): string {
  const lowered = origin.toLowerCase();
  if (!ORIGIN_SOURCE.test(lowered)) {
    throw new Error(`Not a plain origin for the Content-Security-Policy: ${JSON.stringify(origin)}`);
  }
  return lowered;
}

export function buildContentSecurityPolicy(options: ContentSecurityPolicyOptions): string {
  const self = ["'self'"];
  if (options.appOrigin !== undefined) self.push(assertCspOrigin(options.appOrigin));
  const origins = (list: readonly string[]) => unique(list.map(assertCspOrigin));
  const frames = origins(options.checkout.frame);

  const directives: [string, string[]][] = [
    ['default-src', self],
    ['script-src', [...self, ...origins(options.checkout.script)]],
    ['frame-src', frames.length > 0 ? frames : ["'none'"]],
    ['connect-src', [...self, ...origins(options.checkout.connect)]],
    ['img-src', [...self, 'data:', ...origins(options.checkout.img)]],
    ['font-src', [...self, 'data:']],
    // Checkout injects <style> elements and style attributes.
    ['style-src', [...self, "'unsafe-inline'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${unique(sources).join(' ')}`).join('; ');
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
