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

/** Fields a form-encoded body carries as text that the API reads as numbers or booleans. */
export interface FormFieldTypes {
  integers?: readonly string[];
  booleans?: readonly string[];
}

/**
 * A request body as Razorpay reads it: JSON, or (older SDKs and hand-written
 * integrations) `application/x-www-form-urlencoded` with PHP-style nested keys
 * (`notes[kiosk]=K1`, `payment[capture]=manual`). Form values are text, so the
 * fields named in `types` are read as the integers/booleans they stand for.
 */
export function parseRequestBody(text: string, contentType: string | undefined, types: FormFieldTypes = {}): unknown {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/x-www-form-urlencoded') return parseJsonBody(text);
  const body = parseFormBody(text);
  for (const name of types.integers ?? []) {
    const value = body[name];
    if (typeof value === 'string' && /^-?\d+$/.test(value)) body[name] = Number(value);
  }
  for (const name of types.booleans ?? []) {
    const value = body[name];
    if (value === '1' || value === 'true') body[name] = true;
    else if (value === '0' || value === 'false') body[name] = false;
  }
  return body;
}

type FormValue = string | FormObject | FormValue[];
interface FormObject {
  [key: string]: FormValue | number | boolean;
}

/** `a=1&b[c]=2&d[]=3` -> `{a: '1', b: {c: '2'}, d: ['3']}`. */
export function parseFormBody(text: string): FormObject {
  const root: FormObject = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const path = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
    if (!path?.[1]) throw badRequest(`The field name ${JSON.stringify(rawKey)} is not valid.`);
    const keys = [path[1], ...[...(path[2] ?? '').matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? '')];
    let node: FormObject | FormValue[] = root;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] ?? '';
      const last = i === keys.length - 1;
      const child = (): FormObject | FormValue[] => (keys[i + 1] === '' ? [] : {});
      if (Array.isArray(node)) {
        if (last) {
          node.push(value);
        } else {
          const next = child();
          node.push(next);
          node = next;
        }
      } else {
        if (key === '') throw badRequest(`The field name ${JSON.stringify(rawKey)} is not valid.`);
        const existing: FormValue | number | boolean | undefined = node[key];
        if (last) {
          node[key] = value;
        } else if (typeof existing === 'object' && existing !== null) {
          node = existing;
        } else {
          const next = child();
          node[key] = next;
          node = next;
        }
      }
    }
  }
  return root;
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
