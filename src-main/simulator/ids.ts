// Identifiers in Razorpay's formats: `order_` / `pay_` / `card_` + 14 base62
// characters, keys `rzp_test_` + 14 (razorpay.md §1.1, §6). Random, so ids from
// one simulator run never collide with those a kiosk remembers from an earlier run.
import { randomInt } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function randomBase62(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE62[randomInt(BASE62.length)];
  return out;
}

export type IdPrefix = 'order' | 'pay' | 'card';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBase62(14)}`;
}

export function isWellFormedId(prefix: IdPrefix, id: string): boolean {
  return new RegExp(`^${prefix}_[A-Za-z0-9]{14}$`).test(id);
}

/**
 * Razorpay's BasicAuth accepts key ids of these lengths only ($validKeyLengths,
 * razorpay.md §6): e.g. 23 = `rzp_test_` + 14.
 */
const VALID_KEY_LENGTHS = new Set([8, 14, 23, 31, 33]);

export function isValidKeyId(keyId: string): boolean {
  if (!VALID_KEY_LENGTHS.has(keyId.length)) return false;
  // `rzp_` keys carry their mode (razorpay.md §6): catch typos such as a truncated suffix.
  if (keyId.startsWith('rzp_')) return /^rzp_(test|live)_[A-Za-z0-9]{14,}$/.test(keyId);
  return /^[A-Za-z0-9_]+$/.test(keyId);
}

export function newTestKey(): { keyId: string; keySecret: string } {
  return { keyId: `rzp_test_${randomBase62(14)}`, keySecret: randomBase62(24) };
}
