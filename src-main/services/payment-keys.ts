// Where the Razorpay keys come from, and which mode they put the kiosk in.
// From the environment of the main process (development, tests) or, in the
// installed app, from what the operator stored (key-store.ts, safeStorage). They never go to the renderer:
// only key_id travels, inside Checkout's options.
import type { KioskMode } from '../contract/kiosk-api.ts';

export interface PaymentKeys {
  mode: KioskMode;
  keyId: string;
  keySecret: string;
}

export type KeysResult = { ok: true; keys: PaymentKeys | null } | { ok: false; message: string };

export const KEY_ID_PATTERN = /^rzp_(test|live)_[A-Za-z0-9]{14}$/;
const KEY_ID = KEY_ID_PATTERN;

/** test or live, from the key id's prefix. */
export function modeOfKeyId(keyId: string): 'test' | 'live' {
  return keyId.startsWith('rzp_live_') ? 'live' : 'test';
}

export function resolvePaymentKeys(env: NodeJS.ProcessEnv): KeysResult {
  const keyId = env.KIOSK_RAZORPAY_KEY_ID?.trim() ?? '';
  const keySecret = env.KIOSK_RAZORPAY_KEY_SECRET?.trim() ?? '';
  if (!keyId && !keySecret) return { ok: true, keys: null };
  if (!keyId || !keySecret) return { ok: false, message: 'Set both KIOSK_RAZORPAY_KEY_ID and KIOSK_RAZORPAY_KEY_SECRET, or neither for demo mode.' };
  const match = KEY_ID.exec(keyId);
  // Only a Razorpay prefix is echoed: a value without one may be the secret, put in the id's place.
  const got = /^rzp_(test|live)_/.exec(keyId)?.[0];
  if (!match) return { ok: false, message: `KIOSK_RAZORPAY_KEY_ID must look like rzp_test_XXXXXXXXXXXXXX or rzp_live_XXXXXXXXXXXXXX (got ${got === undefined ? 'something else' : `${got}…`})` };
  return { ok: true, keys: { mode: match[1] === 'live' ? 'live' : 'test', keyId, keySecret } };
}
