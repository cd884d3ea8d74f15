// Content-Security-Policy for the kiosk's own documents (razorpay.md §5.5).
//
// Electron-free: the app:// protocol handler and the browser-mode server both
// send it as a response header on HTML documents only. It is never applied
// session-wide, so Razorpay's own iframe and popups keep their own headers.

export interface ContentSecurityPolicyOptions {
  /**
   * The kiosk's own origin (e.g. `app://kiosk`, or `http://127.0.0.1:5173` in
   * browser mode). Omitted: `'self'` alone stands for it. Given: it is listed
   * next to `'self'`, which helps custom schemes where `'self'` matching has
   * historically been unreliable.
   */
  appOrigin?: string;
  /**
   * Origins Checkout needs: `https://checkout.razorpay.com`,
   * `https://api.razorpay.com`, `https://*.razorpay.com` in test/live; the
   * simulator's `http://127.0.0.1:PORT` in demo.
   */
  checkoutOrigins: readonly string[];
}

// scheme "://" [ "*." ] host [ ":" port ], nothing else: no paths, quotes,
// separators or whitespace that could smuggle another directive in.
const ORIGIN_SOURCE = /^(https?|app):\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/;

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
  const checkout = unique(options.checkoutOrigins.map(assertCspOrigin));

  const directives: [string, string[]][] = [
    ['default-src', self],
    ['script-src', [...self, ...checkout]],
    ['frame-src', checkout.length > 0 ? checkout : ["'none'"]],
    ['connect-src', [...self, ...checkout]],
    ['img-src', [...self, 'data:', ...checkout]],
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
