// Secrets kept encrypted by the OS (electron.md §4): the operator's Razorpay
// keys (payment-keys.bin), the key that seals donors' identity numbers
// (identity-key.bin) and the mail server's password for email receipts
// (smtp-password.bin), each a file in the data folder written with safeStorage.
// Electron-free by structural typing, so tests drive it with a fake safeStorage.
//
// - Uses the async API (encryptStringAsync / decryptStringAsync), which needs
//   the app to be ready: every call waits for `whenReady` first.
// - On Linux, refuses the `basic_text` backend (no keyring: the "encryption"
//   is a fixed key, i.e. plaintext) and `unknown` (Electron could not tell
//   which backend it has, so it cannot promise a keyring either).
// - Re-encrypts when safeStorage says the key was rotated.
// - Errors never carry the secret.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../domain/atomic-file.ts';
import { IDENTITY_KEY_BYTES, newIdentityKey } from '../domain/ledger/identity-cipher.ts';
import { KeyStoreError, parseStoredKeys, type KeyStore, type StoredPaymentKeys } from '../services/key-store.ts';
import type { IdentityKeySource } from '../services/identity-key.ts';
import type { SecretStore } from '../services/secret-store.ts';

export const PAYMENT_KEYS_FILE = 'payment-keys.bin';
export const IDENTITY_KEY_FILE = 'identity-key.bin';
export const SMTP_PASSWORD_FILE = 'smtp-password.bin';

/** The part of Electron's `safeStorage` used here. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend(): string;
}

export interface SafeStorageKeyStoreOptions {
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  dataDir: string;
  whenReady: () => Promise<unknown>;
}

/** Linux secret-store backends that are no keyring at all. */
export const UNSAFE_LINUX_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'unknown']);

interface SecretFile {
  path: string;
  /** null when the file does not exist. */
  load(): Promise<string | null>;
  save(text: string): Promise<void>;
}

/** One OS-encrypted file; `what` names it in messages ("the payment keys"). */
function safeStorageSecretFile(options: SafeStorageKeyStoreOptions, fileName: string, what: string): SecretFile {
  const path = join(options.dataDir, fileName);
  const What = `${what.charAt(0).toUpperCase()}${what.slice(1)}`;

  async function ensureUsable(): Promise<void> {
    await options.whenReady();
    if (options.platform === 'linux' && UNSAFE_LINUX_BACKENDS.has(options.safeStorage.getSelectedStorageBackend())) {
      throw new KeyStoreError(`No keyring (GNOME Keyring / KWallet) is available on this computer, so ${what} cannot be stored encrypted; nothing was stored.`);
    }
    if (!(await options.safeStorage.isAsyncEncryptionAvailable())) {
      throw new KeyStoreError(`The operating system's encryption is not available, so ${what} cannot be stored encrypted; nothing was stored.`);
    }
  }

  async function save(text: string): Promise<void> {
    await ensureUsable();
    let cipher: Buffer;
    try {
      cipher = await options.safeStorage.encryptStringAsync(text);
    } catch (error) {
      throw new KeyStoreError(`Encrypting ${what} failed; nothing was stored.`, { cause: error });
    }
    writeFileAtomic(path, cipher, { mode: 0o600 });
  }

  return {
    path,
    save,
    async load() {
      let cipher: Buffer;
      try {
        cipher = readFileSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new KeyStoreError(`${What} (${path}) cannot be read.`, { cause: error });
      }
      await ensureUsable();
      let decrypted: { result: string; shouldReEncrypt: boolean };
      try {
        decrypted = await options.safeStorage.decryptStringAsync(cipher);
      } catch {
        throw new KeyStoreError(`${What} (${path}) cannot be decrypted by this user on this computer.`);
      }
      if (decrypted.shouldReEncrypt) await save(decrypted.result);
      return decrypted.result;
    },
  };
}

export function createSafeStorageKeyStore(options: SafeStorageKeyStoreOptions): KeyStore & { path: string } {
  const file = safeStorageSecretFile(options, PAYMENT_KEYS_FILE, 'the payment keys');
  return {
    path: file.path,
    async save(keys: StoredPaymentKeys) {
      await file.save(JSON.stringify({ keyId: keys.keyId, keySecret: keys.keySecret }));
    },
    async load() {
      let text: string | null;
      try {
        text = await file.load();
      } catch (error) {
        if (error instanceof KeyStoreError && /cannot be decrypted/.test(error.message)) {
          throw new KeyStoreError(`${error.message} Enter them again in the operator console.`);
        }
        throw error;
      }
      return text === null ? null : parseStoredKeys(text);
    },
  };
}

/**
 * The key that seals donors' PAN and Aadhaar numbers, kept like the payment
 * keys: created on first use, then read back. No keyring, no key: the kiosk
 * then offers no 80G receipts (kiosk-services.ts) rather than keep numbers in clear.
 */
export function safeStorageIdentityKey(options: SafeStorageKeyStoreOptions): IdentityKeySource {
  const file = safeStorageSecretFile(options, IDENTITY_KEY_FILE, "the key for donors' identity numbers");
  return async () => {
    const text = await file.load();
    if (text !== null) {
      const key = Buffer.from(text, 'base64');
      if (key.length !== IDENTITY_KEY_BYTES) throw new KeyStoreError(`${file.path} does not hold a ${IDENTITY_KEY_BYTES}-byte key.`);
      return key;
    }
    const key = newIdentityKey();
    await file.save(key.toString('base64'));
    return key;
  };
}

/** The mail server's password for email receipts (src-main/services/receipt-mailer.ts). */
export function createSafeStorageSecretStore(options: SafeStorageKeyStoreOptions): SecretStore & { path: string } {
  const file = safeStorageSecretFile(options, SMTP_PASSWORD_FILE, 'the mail password');
  return {
    path: file.path,
    canStore: true,
    load: () => file.load(),
    async save(secret) {
      if (secret === null) rmSync(file.path, { force: true });
      else await file.save(secret);
    },
  };
}
