// Credentials out of any text that came from a gateway (Razorpay's error
// replies, a proxy's error page, Checkout's failure words) before the kiosk
// logs it or keeps it in the ledger (issue 14, item 9). An upstream that
// echoes the request's Authorization header would otherwise put
// base64(key_id:key_secret) into the log, the ledger and the reply.
//
// Taken out:
// - the secrets the caller knows (the key secret, and its Basic-auth form);
// - `Basic <token>` and `Bearer <token>`, whatever the token;
// - `key_secret`, `secret`, `password`, `authorization` followed by = or :
//   and a value (JSON, form or header style);
// - any base64 run that decodes to text naming a Razorpay key (`rzp_…`):
//   an Authorization header echoed without its "Basic" word.
// Control characters become spaces and the text is cut to MAX_GATEWAY_TEXT:
// a reply is evidence, not a place to store anything.

export const REDACTED = '[redacted]';
export const MAX_GATEWAY_TEXT = 500;

const AUTH_SCHEME = /\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]+/gi;
const NAMED_SECRET = /\b(key_secret|secret|password|passwd|authorization|api[_-]?key)(["']?\s*[:=]\s*["']?)(?:(?:Basic|Bearer)\s+)?[^\s"',;&}]+/gi;
const BASE64_RUN = /[A-Za-z0-9+/]{24,}={0,2}/g;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

function namesRazorpayKey(run: string): boolean {
  const decoded = Buffer.from(run, 'base64').toString('latin1');
  return /rzp_(test|live)_/.test(decoded);
}

/** The text with credentials replaced by [redacted]; `known` are exact secrets to take out wherever they appear. */
export function redactCredentials(text: string, known: readonly string[] = []): string {
  let out = text;
  for (const secret of known) if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  out = out
    .replace(AUTH_SCHEME, (_match, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(NAMED_SECRET, (_match, name: string, separator: string) => `${name}${separator}${REDACTED}`)
    .replace(BASE64_RUN, (run) => (namesRazorpayKey(run) ? REDACTED : run))
    .replace(CONTROL, ' ');
  return out.length > MAX_GATEWAY_TEXT ? `${out.slice(0, MAX_GATEWAY_TEXT)}…` : out;
}

/** The Basic-auth forms of a key pair, for `known`: what an echoed Authorization header carries. */
export function credentialForms(keyId: string, keySecret: string): string[] {
  const pair = `${keyId}:${keySecret}`;
  return [keySecret, pair, Buffer.from(pair).toString('base64')];
}
