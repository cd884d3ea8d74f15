// The app:// scheme (electron.md §1 #18): the renderer is served from
// `app://kiosk/…`, only from out/renderer, with the CSP header on HTML
// documents. Every decision lives in ../security/static-files.ts (plain Node);
// this file only adapts it to Electron's `protocol` API.

import type { Protocol } from 'electron';
import { serveStaticFile } from '../security/static-files.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';

/** Must run before the app's `ready` event. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export interface AppProtocolOptions {
  /** Absolute path of out/renderer. */
  rendererDir: string;
  contentSecurityPolicy: string;
  log: (line: string) => void;
}

/** The `protocol.handle('app', …)` handler, as a plain function of a fetch Request. */
export function createAppRequestHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const result = await serveStaticFile(request.method, request.url, {
      rootDir: options.rendererDir,
      contentSecurityPolicy: options.contentSecurityPolicy,
      expectedOrigin: { protocol: `${APP_SCHEME}:`, host: APP_HOST },
    });
    if (result.status !== 200) options.log(`app-protocol: ${result.status} ${request.method} ${request.url}`);
    return new Response(result.body, { status: result.status, headers: result.headers });
  };
}

/** Call after `ready`. */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, options: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(options));
}
