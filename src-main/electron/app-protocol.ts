// The app:// scheme (electron.md §1 #18): the renderer is served from
// out/renderer only, on two origins: `app://kiosk/` serves the donor page
// (index.html, whose CSP names Razorpay's hosts) and `app://operator/` the
// operator console (operator.html, whose CSP names nothing outside the app),
// each with its CSP header. Every decision lives in ../security/static-files.ts
// (plain Node); this file only adapts it to Electron's `protocol` API.

import type { Protocol } from 'electron';
import { responseHeadersFor, serveStaticFile } from '../security/static-files.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const OPERATOR_HOST = 'operator';
export const DONOR_DOCUMENT = 'index.html';
export const OPERATOR_DOCUMENT = 'operator.html';

/**
 * Served by main itself, not from out/renderer, so it shows even when the
 * renderer bundle is what keeps crashing (renderer-recovery.ts). No script.
 */
export const OUT_OF_SERVICE_PATH = '/__kiosk/out-of-service.html';

export const OUT_OF_SERVICE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Out of service</title>
<style>
  html, body { margin: 0; height: 100%; background: #ffffff; color: #1f2933; font-family: system-ui, sans-serif; user-select: none; }
  main { display: flex; flex-direction: column; align-items: center; justify-content: center; height: 100%; text-align: center; padding: 0 10vw; box-sizing: border-box; }
  h1 { font-size: 3rem; margin: 0 0 1rem; }
  p { font-size: 1.5rem; margin: 0.25rem 0; }
</style>
</head>
<body>
<main>
  <h1>This kiosk is out of service</h1>
  <p>Sorry, donations cannot be taken here right now.</p>
  <p>If you were part-way through a donation, please ask a member of staff to check it.</p>
</main>
</body>
</html>
`;

/** Must run before the app's `ready` event. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export interface AppProtocolOptions {
  /** Absolute path of out/renderer. */
  rendererDir: string;
  /** The donor page's CSP (Checkout's hosts). */
  contentSecurityPolicy: string;
  /** The console's CSP (the app only). */
  operatorContentSecurityPolicy: string;
  log: (line: string) => void;
}

/** The `protocol.handle('app', …)` handler, as a plain function of a fetch Request. */
export function createAppRequestHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const outOfService = outOfServiceResponse(request);
    if (outOfService !== null) return outOfService;
    const operator = hostOf(request.url) === OPERATOR_HOST;
    const result = await serveStaticFile(request.method, request.url, {
      rootDir: options.rendererDir,
      contentSecurityPolicy: operator ? options.operatorContentSecurityPolicy : options.contentSecurityPolicy,
      expectedOrigin: { protocol: `${APP_SCHEME}:`, host: operator ? OPERATOR_HOST : APP_HOST },
      documents: [operator ? OPERATOR_DOCUMENT : DONOR_DOCUMENT],
    });
    if (result.status !== 200) options.log(`app-protocol: ${result.status} ${request.method} ${request.url}`);
    return new Response(result.body, { status: result.status, headers: result.headers });
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

function outOfServiceResponse(request: Request): Response | null {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.pathname !== OUT_OF_SERVICE_PATH) return null;
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') return null;
  // Same headers (CSP included) as any app document.
  const headers = responseHeadersFor('out-of-service.html', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  return new Response(method === 'HEAD' ? null : OUT_OF_SERVICE_HTML, { status: 200, headers });
}

/** Call after `ready`, once per session that loads app:// (each partition has its own protocol table). */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, options: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(options));
}
