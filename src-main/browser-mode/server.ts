// Browser mode: the built renderer and the real main-process services, served
// to a browser on 127.0.0.1, for development and for the end-to-end tests
// where Electron cannot run. Same handlers, same contract, same validation as
// Electron's IPC. What Electron does with windows, preloads and sender checks
// is done here with origins, tokens and a cookie (issue 14, items 3 and 11):
//
// - Two origins, one per audience: the donor page on the printed port serves
//   index.html and answers donor methods only; the operator console on a
//   second port serves operator.html and answers operator methods only. The
//   browser's same-origin policy keeps a script in the donor page (Razorpay's
//   checkout.js, say) out of the console's document and its token, and the
//   server refuses operator methods on the donor origin whatever the caller
//   holds. The donor page opens the console by navigating to it; the console
//   goes back by navigating to the donor page.
// - The printed address carries a per-run token once: it is exchanged for an
//   HttpOnly, SameSite=Strict cookie and a redirect to `/`, so the token leaves
//   the address bar and the history. Documents need the cookie; each document
//   carries its own origin's IPC token, sent back as a header (other sites
//   cannot forge it), with an Origin check on top.
// - Only `127.0.0.1` and `localhost` Host headers are served (a DNS-rebinding
//   page gets nothing); every response says `Referrer-Policy: no-referrer`; a
//   request the server cannot parse is a 400, and nothing it receives can stop it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { AUDIENCE, type Audience, type Result } from '../contract/kiosk-api.ts';
import { buildContentSecurityPolicy, NO_CHECKOUT } from '../security/content-security-policy.ts';
import { serveStaticFile } from '../security/static-files.ts';
import { isLedgerUnavailableError } from '../domain/ledger/ledger-file.ts';
import { escapingLog } from '../domain/log-line.ts';
import { isKioskMethod, type IpcDispatcher } from '../services/ipc-dispatcher.ts';
import { startKioskServices, type KioskServices } from '../services/kiosk-services.ts';
import { chromiumReceiptPrinter } from './chromium-receipt-printer.ts';

export const TOKEN_HEADER = 'x-kiosk-token';
export const SESSION_COOKIE = 'kiosk-session';
const MAX_BODY_BYTES = 64 * 1024;
/** updateSettings may carry the logo (a data URI of up to 256 KB of picture). */
const MAX_SETTINGS_BODY_BYTES = 512 * 1024;
const DOCUMENT: Record<Audience, string> = { donor: 'index.html', operator: 'operator.html' };

export interface BrowserModeOptions {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /** The donor page's port (the printed address); 0 or absent: any free port. */
  port?: number;
  /** The operator console's port; absent: any free port. */
  operatorPort?: number;
  rendererDir?: string;
  log?: (line: string) => void;
  /** Tests only: read the event from Razorpay more often than a kiosk's once a minute (src-main/domain/fleet/read-budget.ts). */
  eventReadGapMs?: number;
}

export interface BrowserModeServer {
  /** Open this in the browser: it carries the per-run token, once. */
  url: string;
  /** The donor page's origin. */
  origin: string;
  /** The operator console's origin. */
  operatorOrigin: string;
  /** The donor page's IPC token. */
  token: string;
  /** Null when the kiosk is out of service (the ledger was refused): every call then answers kiosk_unavailable. */
  services: KioskServices | null;
  /** The operator-facing reason the kiosk is out of service, or null. */
  unavailableMessage: string | null;
  close(): Promise<void>;
}

/** The version in ./package.json (browser mode runs from the project folder). */
function packageVersion(): string {
  try {
    const parsed = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version?: unknown };
    return typeof parsed.version === 'string' ? parsed.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

function sameToken(expected: string, received: unknown): boolean {
  if (typeof received !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Headers on every answer. */
const COMMON_HEADERS = { 'Referrer-Policy': 'no-referrer', 'X-Content-Type-Options': 'nosniff' };

function sendJson(response: ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(text);
}

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  response.end(text);
}

async function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function cookieValue(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** The request's URL on this listener, or null when it cannot be parsed (`GET //[ HTTP/1.1`). */
function requestUrl(request: IncomingMessage, base: string): URL | null {
  const raw = request.url ?? '';
  if (!raw.startsWith('/') || raw.startsWith('//')) return null;
  try {
    return new URL(raw, base);
  } catch {
    return null;
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen((server.address() as AddressInfo).port);
    });
  });
}

export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserModeServer> {
  const log = escapingLog(options.log ?? ((line: string) => console.log(line)));
  let services: KioskServices | null = null;
  let unavailableMessage: string | null = null;
  const emailRetrySeconds = Number(options.env.KIOSK_EMAIL_RETRY_SECONDS ?? 0) || 0;
  let operatorUrl = '';
  let donorUrl = '';
  try {
    // No keyStore and no onExitRequested: storing keys and exiting are for the installed app (not_supported here).
    services = await startKioskServices({
      dataDir: options.dataDir,
      env: options.env,
      log,
      refuseLiveKeys: true,
      appVersion: packageVersion(),
      receiptPrinter: chromiumReceiptPrinter(),
      // Development and tests only: email receipts retry sooner than a kiosk's minute.
      ...(emailRetrySeconds > 0 ? { emailRetryBaseMs: emailRetrySeconds * 1000 } : {}),
      ...(options.eventReadGapMs === undefined ? {} : { eventReadGapMs: options.eventReadGapMs }),
    });
  } catch (error) {
    // A refused ledger is a safe stop, not a crash: the page still loads and
    // shows the operator why no donations are taken. Other start errors still throw.
    if (!isLedgerUnavailableError(error)) throw error;
    unavailableMessage = error.operatorMessage;
    log(`kiosk out of service: ${unavailableMessage}`);
  }
  const outOfService = unavailableMessage ?? '';
  const dispatch: IpcDispatcher =
    services?.dispatch ?? (async () => ({ ok: false, error: { code: 'kiosk_unavailable', message: outOfService, retryable: false } }));
  const rendererDir = resolve(options.rendererDir ?? 'out/renderer');
  /**
   * In the printed address, once (exchanged for the session cookie), and the
   * donor page's IPC token: the donor page can read it from its own document
   * anyway, and it opens nothing the donor page does not already have.
   */
  const startToken = randomBytes(24).toString('hex');
  /** The cookie's value: this browser opened the printed address. */
  const sessionSecret = randomBytes(24).toString('hex');
  /** The console's token is never printed and lives only in the console's own document. */
  const ipcTokens: Record<Audience, string> = { donor: startToken, operator: randomBytes(24).toString('hex') };
  const csp: Record<Audience, string> = {
    donor: buildContentSecurityPolicy({ checkout: services?.checkoutSources ?? NO_CHECKOUT }),
    operator: buildContentSecurityPolicy({ checkout: NO_CHECKOUT }),
  };
  const ports: Record<Audience, number> = { donor: 0, operator: 0 };
  const origins = (audience: Audience): string[] => [`http://127.0.0.1:${ports[audience]}`, `http://localhost:${ports[audience]}`];

  const forbidden = (response: ServerResponse, message: string) =>
    sendJson(response, 403, { ok: false, error: { code: 'forbidden_sender', message, retryable: false } });

  async function handleIpc(audience: Audience, request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    if (request.method !== 'POST') return forbidden(response, 'IPC calls are POST');
    if (!sameToken(ipcTokens[audience], request.headers[TOKEN_HEADER])) return forbidden(response, 'missing or wrong kiosk token');
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && !origins(audience).includes(requestOrigin)) return forbidden(response, 'wrong origin');
    if (!isKioskMethod(method)) {
      return sendJson(response, 404, { ok: false, error: { code: 'invalid_request', message: `unknown method ${method}`, retryable: false } });
    }
    // The donor page never reaches an operator method, nor the console a donor one (issue 14, item 3).
    if (AUDIENCE[method] !== audience) return forbidden(response, `${method} is not answered on the ${audience} origin`);
    const limit = method === 'updateSettings' ? MAX_SETTINGS_BODY_BYTES : MAX_BODY_BYTES;
    const text = await readBody(request, limit);
    let envelope: unknown;
    try {
      envelope = text === null ? undefined : JSON.parse(text);
    } catch {
      envelope = undefined;
    }
    if (typeof envelope !== 'object' || envelope === null || !('payload' in envelope)) {
      return sendJson(response, 400, { ok: false, error: { code: 'invalid_request', message: `body must be JSON {"payload": ...} under ${limit / 1024} KB`, retryable: false } });
    }
    sendJson(response, 200, await dispatch(method, (envelope as { payload: unknown }).payload));
  }

  async function handleStatic(audience: Audience, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const isDocument = url.pathname === '/' || url.pathname === `/${DOCUMENT[audience]}`;
    if (isDocument && audience === 'donor' && url.searchParams.has('token')) {
      // The printed address: the token becomes a cookie, and leaves the address bar and the history.
      if (!sameToken(startToken, url.searchParams.get('token'))) return sendText(response, 403, 'This address has a wrong token. Open the address that the kiosk printed when it started.');
      return sendText(response, 303, 'See /', {
        Location: '/',
        'Set-Cookie': `${SESSION_COOKIE}=${sessionSecret}; HttpOnly; SameSite=Strict; Path=/`,
      });
    }
    if (isDocument && !sameToken(sessionSecret, cookieValue(request, SESSION_COOKIE))) {
      return sendText(response, 403, 'Open the address that the kiosk printed when it started (it carries a token).');
    }
    const pathname = url.pathname === '/' ? `/${DOCUMENT[audience]}` : url.pathname;
    const file = await serveStaticFile(request.method ?? 'GET', new URL(pathname, url).href, {
      rootDir: rendererDir,
      contentSecurityPolicy: csp[audience],
      documents: [DOCUMENT[audience]],
    });
    let body = file.body;
    const headers: Record<string, string> = { ...file.headers, ...COMMON_HEADERS };
    if (isDocument && body) {
      // The web bridge finds its token and the other audience's address here; the Electron build never has them.
      const meta = [
        `<meta name="kiosk-bridge-token" content="${ipcTokens[audience]}">`,
        audience === 'donor' ? `<meta name="kiosk-operator-url" content="${operatorUrl}">` : `<meta name="kiosk-donor-url" content="${donorUrl}">`,
      ].join('\n    ');
      const html = Buffer.from(body).toString('utf8').replace('<head>', `<head>\n    ${meta}`);
      body = Buffer.from(html, 'utf8');
      headers['Content-Length'] = String(body.length);
      headers['Cache-Control'] = 'no-store';
    }
    response.writeHead(file.status, headers);
    response.end(body ?? undefined);
  }

  function createListener(audience: Audience): Server {
    const server = createServer((request, response) => {
      const fail = (error: unknown): void => {
        log(`browser mode: ${error instanceof Error ? error.message : String(error)}`);
        if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal_error', message: 'browser mode failed', retryable: true } });
        else response.destroy();
      };
      try {
        // Only this machine's names for this listener: a page on a DNS-rebound name gets nothing.
        const host = request.headers.host ?? '';
        if (!origins(audience).some((origin) => origin.slice('http://'.length) === host)) return sendText(response, 421, 'This kiosk answers only on 127.0.0.1 and localhost.');
        const url = requestUrl(request, origins(audience)[0] ?? 'http://127.0.0.1');
        if (url === null) return sendText(response, 400, 'Bad request.');
        const ipc = /^\/ipc\/([A-Za-z][A-Za-z0-9]*)$/.exec(url.pathname);
        const work = ipc?.[1] ? handleIpc(audience, request, response, ipc[1]) : handleStatic(audience, request, response, url);
        work.catch(fail);
      } catch (error) {
        fail(error);
      }
    });
    // A request Node cannot even parse is answered 400 and forgotten; it never reaches the kiosk.
    server.on('clientError', (_error, socket: Socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      else socket.destroy();
    });
    return server;
  }

  const servers: Record<Audience, Server> = { donor: createListener('donor'), operator: createListener('operator') };
  ports.donor = await listen(servers.donor, options.port ?? 0);
  ports.operator = await listen(servers.operator, options.operatorPort ?? 0);
  const [origin = '', operatorOrigin = ''] = [origins('donor')[0], origins('operator')[0]];
  donorUrl = `${origin}/`;
  operatorUrl = `${operatorOrigin}/${DOCUMENT.operator}`;

  return {
    url: `${origin}/?token=${startToken}`,
    origin,
    operatorOrigin,
    token: ipcTokens.donor,
    services,
    unavailableMessage,
    async close() {
      for (const server of Object.values(servers)) server.closeAllConnections();
      await Promise.all(Object.values(servers).map((server) => new Promise<void>((resolveClose) => server.close(() => resolveClose()))));
      await services?.close();
    },
  };
}
