// Every way a call to Razorpay can fail, as data. The SDK rejects with plain
// objects, TypeErrors or nothing at all (razorpay.md §4.2); the gateway turns
// all of them into one of these so callers can decide per kind.

export type NetworkCause = 'timeout' | 'refused' | 'reset' | 'dns' | 'other';

export type GatewayError =
  /** No HTTP answer: refused, reset, DNS failure, or nothing within the timeout. */
  | { kind: 'network'; cause: NetworkCause; detail: string }
  /** Razorpay answered with an error status and its JSON error body. */
  | { kind: 'http'; status: number; code: string; description: string; reason?: string; field?: string }
  /**
   * An answer that is not Razorpay's JSON (an HTML page from a load balancer,
   * a captive portal's login page, a truncated body). `notJson`: the body was
   * not JSON at all, so something other than Razorpay may have answered.
   */
  | { kind: 'bad_response'; status: number; detail: string; notJson?: boolean };

export type GatewayResult<T> = { ok: true; value: T } | { ok: false; error: GatewayError };

export function describeGatewayError(error: GatewayError): string {
  switch (error.kind) {
    case 'network':
      return `network ${error.cause}: ${error.detail}`;
    case 'http':
      return `HTTP ${error.status} ${error.code}: ${error.description}`;
    case 'bad_response':
      return `bad response (HTTP ${error.status}): ${error.detail}`;
  }
}

/**
 * True when it was not Razorpay that answered: no answer at all, or a page
 * that is not JSON below 500 (a captive portal's 200 login page, a proxy's
 * 403). A 5xx page is Razorpay's own load balancer: Razorpay is reachable.
 */
export function isRazorpayUnreachable(error: GatewayError): boolean {
  if (error.kind === 'network') return true;
  return error.kind === 'bad_response' && error.notJson === true && error.status < 500;
}

/** True when Razorpay's own answer did not come back (no answer, a 5xx page, a page that is not Razorpay's), so a write may or may not have happened. */
export function isOutcomeUnknown(error: GatewayError): boolean {
  return error.kind === 'network' || (error.kind === 'bad_response' && (error.status >= 500 || error.notJson === true));
}
