// The simulator's HTTP server: routing, Basic-auth'd API, checkout assets,
// control endpoints, and the place where injected faults take effect.
//
// Order of work per request: read the body, match the route, apply a fault if
// one is queued for it (latency, hang, status, reset happen before any work;
// response_lost after it), run the handler, deliver the reply.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimulatorApiError, routeNotFound } from '../errors.ts';
import type { SimulatorClock } from '../clock.ts';
import type { Faults } from '../faults.ts';
import type { SimulatorSettings } from '../settings.ts';
import type { SimulatorStore } from '../store.ts';
import { apiRoutes } from './api-routes.ts';
import { checkoutRoutes } from './checkout-routes.ts';
import { controlRoutes } from './control-routes.ts';
import { statusFaultReply } from './fault-replies.ts';
import { errorReply, jsonReply, readBody } from './http-io.ts';
import type { HttpReply } from './http-io.ts';
import type { RequestContext, Route } from './route.ts';

export class SimulatorHttpServer {
  readonly #server: Server;
  readonly #routes: Route[];
  readonly #faults: Faults;
  /** Latency-fault timers: cleared on close so they cannot keep the process alive. */
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #origin = '';
  #closing: Promise<void> | null = null;

  constructor(deps: { store: SimulatorStore; faults: Faults; settings: SimulatorSettings; clock: SimulatorClock; controlToken?: string }) {
    this.#faults = deps.faults;
    this.#routes = [
      ...apiRoutes(deps.store),
      ...checkoutRoutes(deps.store, deps.settings, () => this.#origin),
      ...(deps.controlToken ? controlRoutes(deps.controlToken, deps) : []),
    ];
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((err: unknown) => {
        console.error('[razorpay-simulator] request failed', err);
        if (!res.headersSent) res.destroy();
      });
    });
  }

  /** Listens on 127.0.0.1 only: the simulator must never be reachable from the network. */
  listen(port: number): Promise<string> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, '127.0.0.1', () => {
        this.#server.off('error', reject);
        const { port: actual } = this.#server.address() as AddressInfo;
        this.#origin = `http://127.0.0.1:${actual}`;
        resolve(this.#origin);
      });
    });
  }

  /** Stops listening and drops every connection, including hung ones. Idempotent. */
  close(): Promise<void> {
    this.#closing ??= new Promise<void>((resolve) => {
      for (const timer of this.#timers) clearTimeout(timer);
      this.#timers.clear();
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
    return this.#closing;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/$/, '') : url.pathname;
    const method = req.method ?? 'GET';

    let body: string;
    try {
      body = await readBody(req);
    } catch (err) {
      deliver(res, err instanceof SimulatorApiError ? errorReply(err) : errorReply(routeNotFound()));
      return;
    }

    const match = this.#match(method, path);
    if (!match) {
      deliver(res, errorReply(routeNotFound()));
      return;
    }
    const ctx: RequestContext = {
      method,
      path,
      query: url.searchParams,
      headers: req.headers,
      body,
      params: match.params,
      lateAuthorisation: false,
    };

    const fault = match.route.faultRoute ? this.#faults.take(match.route.faultRoute) : undefined;
    switch (fault?.kind) {
      case 'latency':
        await this.#delay(fault.ms);
        if (this.#closing) return;
        break;
      case 'hang':
        // Never answer. close() destroys the socket, so this cannot keep the server open.
        return;
      case 'reset':
        resetConnection(req);
        return;
      case 'status':
        deliver(res, statusFaultReply(fault.status, fault.body));
        return;
      case 'late_authorisation':
        ctx.lateAuthorisation = true;
        break;
      default:
        break;
    }

    const reply = await runHandler(match.route, ctx);
    if (fault?.kind === 'response_lost') {
      // The work is done (e.g. the order is committed); the client never hears about it.
      req.socket.destroy();
      return;
    }
    deliver(res, reply);
  }

  #match(method: string, path: string): { route: Route; params: string[] } | null {
    for (const route of this.#routes) {
      if (route.method !== method) continue;
      const m = route.pattern.exec(path);
      if (m) return { route, params: m.slice(1).map((p) => safeDecode(p ?? '')) };
    }
    return null;
  }

  #delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        resolve();
      }, ms);
      this.#timers.add(timer);
    });
  }
}

async function runHandler(route: Route, ctx: RequestContext): Promise<HttpReply> {
  try {
    return await route.handle(ctx);
  } catch (err) {
    if (err instanceof SimulatorApiError) return errorReply(err);
    // A simulator bug: answer like Razorpay's 500 so the client sees a server error, and say so.
    console.error('[razorpay-simulator] handler failed', err);
    return jsonReply(500, {
      error: {
        code: 'SERVER_ERROR',
        description: 'The server encountered an error. The incident has been reported to admins.',
        source: 'NA',
        step: 'NA',
        reason: 'NA',
        metadata: {},
      },
    });
  }
}

function deliver(res: ServerResponse, reply: HttpReply): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(Buffer.byteLength(reply.body)) });
  res.end(reply.body);
}

/** A TCP reset (RST) rather than a clean close: what a crashed proxy looks like. */
function resetConnection(req: IncomingMessage): void {
  const socket = req.socket;
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
