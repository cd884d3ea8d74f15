// How the operator PIN is kept: a salted scrypt hash, never the PIN.
//
// kiosk-domain.md §5: ISSO leaked a default admin password and shipped a
// hard-coded kiosk unlock. Here nothing secret is in the source, and what is
// saved (operator-access.ts) cannot be turned back into the PIN except by
// guessing, which scrypt makes slow: with N=2^15, r=8 each guess costs 32 MiB
// and tens of milliseconds.  A 4-8 digit PIN has few possibilities, so the
// hash alone does not protect it against someone who copies the file; it
// stops the PIN being read at a glance (logs, backups, support bundles) and
// the lockout (pin-lockout.ts) is what protects the pad.
//
// The stored string describes itself, so the parameters can be raised later
// and old hashes still verify:
//   scrypt$<N>$<r>$<p>$<salt, base64>$<key, base64>
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
  saltBytes: number;
  keyBytes: number;
}

export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1, saltBytes: 16, keyBytes: 32 };

/**
 * Bounds a stored string must respect before we spend CPU on it, so a
 * corrupted or tampered file cannot ask for gigabytes (N=2^30) or hours.
 * The floor admits the cheap parameters unit tests use; production hashes
 * are made with DEFAULT_SCRYPT_PARAMS.
 */
const LIMITS = { minLogN: 10, maxLogN: 20, maxR: 32, maxP: 4, maxMemoryBytes: 256 * 1024 * 1024, minSalt: 16, maxSalt: 64, minKey: 16, maxKey: 64 };

/** The longest PIN worth hashing; anything longer is refused without work. */
const MAX_PIN_CHARS = 64;

export class PinHashFormatError extends Error {
  constructor(detail: string) {
    super(`stored PIN hash is not usable: ${detail}`);
    this.name = 'PinHashFormatError';
  }
}

interface ParsedHash {
  params: Omit<ScryptParams, 'saltBytes' | 'keyBytes'>;
  salt: Buffer;
  key: Buffer;
}

export async function hashPin(pin: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  if (pin.length > MAX_PIN_CHARS) throw new RangeError('PIN too long to hash');
  checkParams(params.N, params.r, params.p);
  if (params.saltBytes < LIMITS.minSalt || params.saltBytes > LIMITS.maxSalt) throw new RangeError('salt length out of range');
  if (params.keyBytes < LIMITS.minKey || params.keyBytes > LIMITS.maxKey) throw new RangeError('key length out of range');
  const salt = randomBytes(params.saltBytes);
  const key = await derive(pin, salt, params.keyBytes, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * True if `pin` is the PIN behind `stored`. Compares in constant time.
 * Throws PinHashFormatError if `stored` is not a hash this module made:
 * a broken store is not the same as a wrong PIN, and the caller should say so.
 */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parsePinHash(stored);
  if (pin.length > MAX_PIN_CHARS) return false;
  const candidate = await derive(pin, parsed.salt, parsed.key.length, parsed.params);
  return timingSafeEqual(candidate, parsed.key);
}

/** True if `stored` parses as a hash verifyPin accepts. */
export function isPinHash(stored: unknown): stored is string {
  if (typeof stored !== 'string') return false;
  try {
    parsePinHash(stored);
    return true;
  } catch {
    return false;
  }
}

function parsePinHash(stored: string): ParsedHash {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') throw new PinHashFormatError('expected scrypt$N$r$p$salt$key');
  const [, nText, rText, pText, saltText, keyText] = parts as [string, string, string, string, string, string];
  const N = parsePositiveInt(nText, 'N');
  const r = parsePositiveInt(rText, 'r');
  const p = parsePositiveInt(pText, 'p');
  try {
    checkParams(N, r, p);
  } catch (error) {
    throw new PinHashFormatError((error as Error).message);
  }
  const salt = parseBase64(saltText, 'salt');
  const key = parseBase64(keyText, 'key');
  if (salt.length < LIMITS.minSalt || salt.length > LIMITS.maxSalt) throw new PinHashFormatError('salt length out of range');
  if (key.length < LIMITS.minKey || key.length > LIMITS.maxKey) throw new PinHashFormatError('key length out of range');
  return { params: { N, r, p }, salt, key };
}

function parsePositiveInt(text: string, name: string): number {
  if (!/^[1-9][0-9]{0,9}$/.test(text)) throw new PinHashFormatError(`${name} is not a positive integer`);
  return Number(text);
}

function parseBase64(text: string, name: string): Buffer {
  if (text.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw new PinHashFormatError(`${name} is not base64`);
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) throw new PinHashFormatError(`${name} is not canonical base64`);
  return bytes;
}

function checkParams(N: number, r: number, p: number): void {
  const logN = Math.log2(N);
  if (!Number.isInteger(logN) || logN < LIMITS.minLogN || logN > LIMITS.maxLogN) throw new RangeError('N must be a power of two in range');
  if (!Number.isInteger(r) || r < 1 || r > LIMITS.maxR) throw new RangeError('r out of range');
  if (!Number.isInteger(p) || p < 1 || p > LIMITS.maxP) throw new RangeError('p out of range');
  if (128 * N * r > LIMITS.maxMemoryBytes) throw new RangeError('N * r needs too much memory');
}

function derive(pin: string, salt: Buffer, keyBytes: number, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    // scrypt needs about 128 * N * r bytes; Node's default ceiling (32 MiB)
    // is exactly that for N=2^15, r=8 and OpenSSL refuses it, so allow double.
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, keyBytes, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
