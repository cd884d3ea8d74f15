// What a simulator route is: a method + path pattern, the fault name that can
// disturb it, and a handler that turns the request into a reply.
import type { IncomingHttpHeaders } from 'node:http';
import type { FaultRoute } from '../faults.ts';
import type { HttpReply } from './http-io.ts';

export interface RequestContext {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Raw body text (already read, so faults can drop the connection after the work). */
  body: string;
  /** Captured path segments, URL-decoded. */
  params: string[];
  /** Set when checkout.pay runs under a `late_authorisation` fault. */
  lateAuthorisation: boolean;
}

export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  pattern: RegExp;
  /** The name faults are injected under; routes without one cannot be disturbed. */
  faultRoute?: FaultRoute;
  handle(ctx: RequestContext): HttpReply | Promise<HttpReply>;
}

export function param(ctx: RequestContext, index: number): string {
  return ctx.params[index] ?? '';
}
