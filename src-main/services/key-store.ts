// Where the operator's Razorpay keys are kept once entered: a port, so the
// services never touch Electron. The Electron implementation
// (src-main/electron/safe-storage-key-store.ts) encrypts them with safeStorage;
// browser mode has none and refuses to store keys.
import { KEY_ID_PATTERN } from './payment-keys.ts';

export interface StoredPaymentKeys {
  keyId: string;
  keySecret: string;
}

export interface KeyStore {
  /** null when none were saved. Throws KeyStoreError when they cannot be read back. */
  load(): Promise<StoredPaymentKeys | null>;
  /** Throws KeyStoreError when they cannot be kept safely (no keyring, encryption unavailable). */
  save(keys: StoredPaymentKeys): Promise<void>;
}

/** The message never contains the secret. */
export class KeyStoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KeyStoreError';
  }
}

/** Checks what came back from the store; the secret is never part of a message. */
export function parseStoredKeys(text: string): StoredPaymentKeys {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new KeyStoreError('the stored payment keys are not readable');
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const keyId = record['keyId'];
  const keySecret = record['keySecret'];
  if (typeof keyId !== 'string' || !KEY_ID_PATTERN.test(keyId) || typeof keySecret !== 'string' || keySecret.length === 0) {
    throw new KeyStoreError('the stored payment keys are incomplete');
  }
  return { keyId, keySecret };
}
