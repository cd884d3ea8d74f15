// The organisation's logo, shown on the welcome screen and in Checkout.
//
// Kept in the settings as a data URI, so nothing outside the kiosk is loaded.
// PNG or JPEG only (an SVG can carry scripts), at most 256 KB once decoded, and
// the bytes must really be what the URI says (checked by their magic bytes).

export const MAX_LOGO_BYTES = 256 * 1024;

const PREFIXES = {
  'data:image/png;base64,': { kind: 'PNG', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  'data:image/jpeg;base64,': { kind: 'JPEG', magic: [0xff, 0xd8, 0xff] },
} as const;

/** Longest prefix plus the base64 of MAX_LOGO_BYTES. */
export const MAX_LOGO_URI_LENGTH = 'data:image/jpeg;base64,'.length + Math.ceil(MAX_LOGO_BYTES / 3) * 4;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Null when `uri` is an acceptable logo (or, with `what`, another picture such as the background), else why not, in plain words. */
export function logoProblem(uri: string, what = 'logo'): string | null {
  const prefix = (Object.keys(PREFIXES) as (keyof typeof PREFIXES)[]).find((p) => uri.startsWith(p));
  if (prefix === undefined) return `the ${what} must be a PNG or JPEG picture (other kinds, such as SVG, are not accepted)`;
  if (uri.length > MAX_LOGO_URI_LENGTH) return `the ${what} is larger than 256 KB; please use a smaller picture`;
  const body = uri.slice(prefix.length);
  if (body.length === 0 || !BASE64.test(body)) return `the ${what} picture is damaged (not valid base64)`;
  const bytes = Buffer.from(body, 'base64');
  if (bytes.length > MAX_LOGO_BYTES) return `the ${what} is larger than 256 KB; please use a smaller picture`;
  const { kind, magic } = PREFIXES[prefix];
  if (bytes.length < magic.length || magic.some((b, i) => bytes[i] !== b)) return `the ${what} file is not really a ${kind} picture`;
  return null;
}
