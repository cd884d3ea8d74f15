// Small helpers for the simulator's node:http server: replies are values, so the
// pipeline can decide to deliver them, delay them, or drop them (fault `response_lost`).
import type { IncomingMessage } from 'node:http';
import { badRequest } from '../errors.ts';
import type { SimulatorApiError } from '../errors.ts';

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function jsonReply(status: number, value: unknown): HttpReply {
  return { status, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(value) };
}

export function errorReply(err: SimulatorApiError): HttpReply {
  return jsonReply(err.status, err.body);
}

/** Request bodies are small JSON documents; anything bigger is a client bug. */
const MAX_BODY_BYTES = 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw badRequest('The request body is too large.');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** An empty body counts as `{}`, as for Razorpay's form-style endpoints. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest('The request body must be valid JSON.');
  }
}

/** `Basic <base64(key:secret)>`, exactly: Razorpay rejects `basic`, `BASIC` and quoted tokens (§1.1). */
export function parseBasicAuth(header: string | undefined): { keyId: string; keySecret: string } | null {
  const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/.exec(header ?? '');
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  return { keyId: decoded.slice(0, colon), keySecret: decoded.slice(colon + 1) };
}
