// Serving the built renderer (out/renderer) safely: URL → file path with no
// way out of the root, MIME type, and response headers (CSP on HTML
// documents). Electron-free: the app:// protocol handler wraps it, and the
// browser-mode server may reuse it.

import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

export type PathResolution = { ok: true; relativePath: string } | { ok: false; status: 400 | 404 };

/**
 * Maps a URL pathname (still percent-encoded, as `URL.pathname` gives it) to a
 * path relative to the root, using `/` separators. Refuses anything that could
 * leave the root or name something odd: `..` or `.` segments (also encoded as
 * `%2e`, `..%2f`, `%5c`), encoded separators, backslashes, NUL, drive letters
 * and other colons. `/` and directories ending in `/` mean `index.html`.
 */
export function resolveRequestPath(pathname: string): PathResolution {
  if (!pathname.startsWith('/')) return { ok: false, status: 400 };
  const rawSegments = pathname.slice(1).split('/');
  const segments: string[] = [];
  for (const [index, raw] of rawSegments.entries()) {
    const last = index === rawSegments.length - 1;
    if (raw === '') {
      if (last) break; // trailing slash → index.html below
      return { ok: false, status: 404 }; // `//` inside the path
    }
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400 };
    }
    if (segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return { ok: false, status: 404 };
    if (segment.trim() !== segment || segment.endsWith('.')) return { ok: false, status: 404 }; // Windows trims these
    segments.push(segment);
  }
  if (segments.length === 0 || pathname.endsWith('/')) segments.push('index.html');
  return { ok: true, relativePath: segments.join('/') };
}

/** Joins a resolved relative path to the root and checks it is still inside. */
export function joinInsideRoot(rootDir: string, relativePath: string): string | null {
  const root = path.resolve(rootDir);
  const full = path.resolve(root, ...relativePath.split('/'));
  return isInside(root, full) ? full : null;
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export function isHtmlDocument(filePath: string): boolean {
  return path.extname(filePath).toLowerCase() === '.html';
}

/** Headers for a served file: MIME, nosniff, no caching of the app shell, CSP on HTML documents. */
export function responseHeadersFor(filePath: string, contentSecurityPolicy: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': mimeTypeFor(filePath),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
  if (isHtmlDocument(filePath)) headers['Content-Security-Policy'] = contentSecurityPolicy;
  return headers;
}

export interface StaticFileResponse {
  status: 200 | 400 | 404 | 405;
  headers: Record<string, string>;
  /** Null for errors and HEAD requests. */
  body: Uint8Array | null;
}

export interface ServeStaticOptions {
  /** Directory whose files are served (out/renderer). */
  rootDir: string;
  /** Sent on HTML documents. */
  contentSecurityPolicy: string;
  /** When set, the URL's scheme+host must match it (e.g. `app://kiosk`). */
  expectedOrigin?: { protocol: string; host: string };
  /**
   * The HTML documents this origin serves (paths relative to the root, e.g.
   * `index.html`); any other document is a 404. The donor origin serves the
   * donor page only and the console's origin the console only (issue 14,
   * item 3); scripts, styles and pictures are shared.
   */
  documents?: readonly string[];
}

const PLAIN_HEADERS = { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };

function failure(status: 400 | 404 | 405): StaticFileResponse {
  return { status, headers: { ...PLAIN_HEADERS }, body: null };
}

/**
 * The whole decision for one request: method, origin, path, existence (a
 * regular file whose real path is inside the real root), MIME and headers,
 * and the bytes. Never throws; anything unexpected is a 404.
 */
export async function serveStaticFile(
  method: string,
  requestUrl: string,
  options: ServeStaticOptions,
): Promise<StaticFileResponse> {
  const upper = method.toUpperCase();
  if (upper !== 'GET' && upper !== 'HEAD') return failure(405);

  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return failure(400);
  }
  if (url.username !== '' || url.password !== '') return failure(400);
  if (options.expectedOrigin !== undefined) {
    if (url.protocol !== options.expectedOrigin.protocol) return failure(404);
    if (url.host.toLowerCase() !== options.expectedOrigin.host.toLowerCase()) return failure(404);
  }

  const resolved = resolveRequestPath(url.pathname);
  if (!resolved.ok) return failure(resolved.status);
  if (options.documents !== undefined && isHtmlDocument(resolved.relativePath) && !options.documents.includes(resolved.relativePath)) return failure(404);
  const filePath = joinInsideRoot(options.rootDir, resolved.relativePath);
  if (filePath === null) return failure(404);

  try {
    // Symlinks must not lead out of the root either.
    const [realRoot, realFile] = await Promise.all([realpath(path.resolve(options.rootDir)), realpath(filePath)]);
    if (!isInside(realRoot, realFile)) return failure(404);
    const info = await stat(realFile);
    if (!info.isFile()) return failure(404);
    const headers = responseHeadersFor(filePath, options.contentSecurityPolicy);
    headers['Content-Length'] = String(info.size);
    const body = upper === 'HEAD' ? null : new Uint8Array(await readFile(realFile));
    return { status: 200, headers, body };
  } catch {
    return failure(404);
  }
}
