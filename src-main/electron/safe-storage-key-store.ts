// What the kiosk keeps encrypted with Electron's safeStorage in its data
// folder (electron.md §4): the Razorpay keys (payment-keys.bin) and the mail
// server's password for email receipts (smtp-password.bin). Electron-free by
// structural typing, so tests drive it with a fake safeStorage.
//
// - Uses the async API (encryptStringAsync / decryptStringAsync), which needs
//   the app to be ready: every call waits for `whenReady` first.
// - On Linux, refuses the `basic_text` backend: without a keyring the
//   "encryption" is a fixed key, i.e. plaintext.
// - Re-encrypts when safeStorage says the key was rotated.
// - Errors never carry the secret.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../domain/atomic-file.ts';
import { KeyStoreError, parseStoredKeys, type KeyStore, type StoredPaymentKeys } from '../services/key-store.ts';
import type { SecretStore } from '../services/secret-store.ts';

export const PAYMENT_KEYS_FILE = 'payment-keys.bin';
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

/** One encrypted text file; `what` names its content in messages ("keys", "mail password"). */
function encryptedFile(options: SafeStorageKeyStoreOptions, fileName: string, what: string) {
  const path = join(options.dataDir, fileName);

  async function ensureUsable(): Promise<void> {
    await options.whenReady();
    if (options.platform === 'linux' && options.safeStorage.getSelectedStorageBackend() === 'basic_text') {
      throw new KeyStoreError(`No keyring (GNOME Keyring / KWallet) is available on this computer, so the ${what} cannot be stored encrypted; nothing was stored.`);
    }
    if (!(await options.safeStorage.isAsyncEncryptionAvailable())) {
      throw new KeyStoreError(`The operating system's encryption is not available, so the ${what} cannot be stored encrypted; nothing was stored.`);
    }
  }

  async function write(text: string): Promise<void> {
    await ensureUsable();
    let cipher: Buffer;
    try {
      cipher = await options.safeStorage.encryptStringAsync(text);
    } catch (error) {
      throw new KeyStoreError(`Encrypting the ${what} failed; nothing was stored.`, { cause: error });
    }
    writeFileAtomic(path, cipher, { mode: 0o600 });
  }

  /** The decrypted text, or null when nothing is stored; `reEncrypt` when safeStorage asks for it. */
  async function read(): Promise<{ text: string; reEncrypt: boolean } | null> {
    let cipher: Buffer;
    try {
      cipher = readFileSync(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new KeyStoreError(`The stored ${what} (${path}) cannot be read.`, { cause: error });
    }
    await ensureUsable();
    try {
      const decrypted = await options.safeStorage.decryptStringAsync(cipher);
      return { text: decrypted.result, reEncrypt: decrypted.shouldReEncrypt };
    } catch {
      throw new KeyStoreError(`The stored ${what} (${path}) cannot be decrypted by this user on this computer; enter ${what === 'payment keys' ? 'them' : 'it'} again in the operator console.`);
    }
  }

  return { path, write, read, remove: () => rmSync(path, { force: true }) };
}

export function createSafeStorageKeyStore(options: SafeStorageKeyStoreOptions): KeyStore & { path: string } {
  const file = encryptedFile(options, PAYMENT_KEYS_FILE, 'payment keys');
  const save = (keys: StoredPaymentKeys): Promise<void> => file.write(JSON.stringify({ keyId: keys.keyId, keySecret: keys.keySecret }));
  return {
    path: file.path,
    save,
    async load() {
      const stored = await file.read();
      if (stored === null) return null;
      const keys = parseStoredKeys(stored.text);
      if (stored.reEncrypt) await save(keys);
      return keys;
    },
  };
}

/** The mail server's password for email receipts. */
export function createSafeStorageSecretStore(options: SafeStorageKeyStoreOptions): SecretStore & { path: string } {
  const file = encryptedFile(options, SMTP_PASSWORD_FILE, 'mail password');
  return {
    path: file.path,
    canStore: true,
    async load() {
      const stored = await file.read();
      if (stored === null) return null;
      if (stored.reEncrypt) await file.write(stored.text);
      return stored.text;
    },
    async save(secret) {
      if (secret === null) file.remove();
      else await file.write(secret);
    },
  };
}
