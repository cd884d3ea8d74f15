// Browser mode: the built renderer and the real main-process services, served
// to a browser on 127.0.0.1, for development and for the end-to-end tests
// where Electron cannot run. Same handlers, same contract, same validation as
// Electron's IPC; what Electron's sender check does here is done by a per-run
// token (sent as a header, so other sites cannot forge it) and an Origin check.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Result } from '../contract/kiosk-api.ts';
import { buildContentSecurityPolicy } from '../security/content-security-policy.ts';
import { serveStaticFile } from '../security/static-files.ts';
import { isLedgerUnavailableError } from '../domain/ledger/ledger-file.ts';
import { isKioskMethod, type IpcDispatcher } from '../services/ipc-dispatcher.ts';
import { startKioskServices, type KioskServices } from '../services/kiosk-services.ts';
import { chromiumReceiptPrinter } from './chromium-receipt-printer.ts';

export const TOKEN_HEADER = 'x-kiosk-token';
const MAX_BODY_BYTES = 64 * 1024;
/** updateSettings may carry the logo (a data URI of up to 256 KB of picture). */
const MAX_SETTINGS_BODY_BYTES = 512 * 1024;

export interface BrowserModeOptions {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  port?: number;
  rendererDir?: string;
  log?: (line: string) => void;
  /** Tests only: read the event from Razorpay more often than a kiosk's once a minute (src-main/domain/fleet/read-budget.ts). */
  eventReadGapMs?: number;
}

export interface BrowserModeServer {
  /** Open this in the browser: it carries the per-run token. */
  url: string;
  origin: string;
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

function sameToken(expected: string, received: string | undefined): boolean {
  if (typeof received !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(response: ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
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

export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserModeServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  let services: KioskServices | null = null;
  let unavailableMessage: string | null = null;
  try {
    // No keyStore and no onExitRequested: storing keys and exiting are for the installed app (not_supported here).
    services = await startKioskServices({
      dataDir: options.dataDir,
      env: options.env,
      log,
      refuseLiveKeys: true,
      appVersion: packageVersion(),
      receiptPrinter: chromiumReceiptPrinter(),
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
  const token = randomBytes(24).toString('hex');
  const csp = buildContentSecurityPolicy({ checkoutOrigins: services?.checkoutOrigins ?? [] });
  let origin = '';

  const forbidden = (response: ServerResponse, message: string) =>
    sendJson(response, 403, { ok: false, error: { code: 'forbidden_sender', message, retryable: false } });

  async function handleIpc(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    if (request.method !== 'POST') return forbidden(response, 'IPC calls are POST');
    if (!sameToken(token, request.headers[TOKEN_HEADER] as string | undefined)) return forbidden(response, 'missing or wrong kiosk token');
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin) return forbidden(response, 'wrong origin');
    if (!isKioskMethod(method)) {
      return sendJson(response, 404, { ok: false, error: { code: 'invalid_request', message: `unknown method ${method}`, retryable: false } });
    }
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

  async function handleStatic(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const isDocument = url.pathname === '/' || url.pathname === '/index.html';
    if (isDocument && !sameToken(token, url.searchParams.get('token') ?? undefined)) {
      response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Open the address that the kiosk printed when it started (it carries a token).');
      return;
    }
    const file = await serveStaticFile(request.method ?? 'GET', url.href, { rootDir: rendererDir, contentSecurityPolicy: csp });
    let body = file.body;
    if (isDocument && body) {
      // The web bridge finds its token here; the Electron build never has it.
      const html = Buffer.from(body).toString('utf8').replace('<head>', `<head>\n    <meta name="kiosk-bridge-token" content="${token}">`);
      body = Buffer.from(html, 'utf8');
      file.headers['Content-Length'] = String(body.length);
    }
    response.writeHead(file.status, file.headers);
    response.end(body ?? undefined);
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin || 'http://127.0.0.1');
    const ipc = /^\/ipc\/([A-Za-z][A-Za-z0-9]*)$/.exec(url.pathname);
    const work = ipc?.[1] ? handleIpc(request, response, ipc[1]) : handleStatic(request, response, url);
    work.catch((error: unknown) => {
      log(`browser mode: ${error instanceof Error ? error.message : String(error)}`);
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal_error', message: 'browser mode failed', retryable: true } });
      else response.destroy();
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    services,
    unavailableMessage,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      await services?.close();
    },
  };
}
