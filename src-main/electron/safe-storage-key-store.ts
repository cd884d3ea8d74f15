// The Electron KeyStore: the keys, encrypted with safeStorage, in
// payment-keys.bin in the data folder (electron.md §4). Electron-free by
// structural typing, so tests drive it with a fake safeStorage.
//
// - Uses the async API (encryptStringAsync / decryptStringAsync), which needs
//   the app to be ready: every call waits for `whenReady` first.
// - On Linux, refuses the `basic_text` backend: without a keyring the
//   "encryption" is a fixed key, i.e. plaintext.
// - Re-encrypts when safeStorage says the key was rotated.
// - Errors never carry the secret.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../domain/atomic-file.ts';
import { KeyStoreError, parseStoredKeys, type KeyStore, type StoredPaymentKeys } from '../services/key-store.ts';

export const PAYMENT_KEYS_FILE = 'payment-keys.bin';

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

export function createSafeStorageKeyStore(options: SafeStorageKeyStoreOptions): KeyStore & { path: string } {
  const path = join(options.dataDir, PAYMENT_KEYS_FILE);

  async function ensureUsable(): Promise<void> {
    await options.whenReady();
    if (options.platform === 'linux' && options.safeStorage.getSelectedStorageBackend() === 'basic_text') {
      throw new KeyStoreError('No keyring (GNOME Keyring / KWallet) is available on this computer, so the keys cannot be stored encrypted; they were not stored.');
    }
    if (!(await options.safeStorage.isAsyncEncryptionAvailable())) {
      throw new KeyStoreError("The operating system's encryption is not available, so the keys cannot be stored encrypted; they were not stored.");
    }
  }

  async function save(keys: StoredPaymentKeys): Promise<void> {
    await ensureUsable();
    let cipher: Buffer;
    try {
      cipher = await options.safeStorage.encryptStringAsync(JSON.stringify({ keyId: keys.keyId, keySecret: keys.keySecret }));
    } catch (error) {
      throw new KeyStoreError('Encrypting the keys failed; they were not stored.', { cause: error });
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
        throw new KeyStoreError(`The stored payment keys (${path}) cannot be read.`, { cause: error });
      }
      await ensureUsable();
      let decrypted: { result: string; shouldReEncrypt: boolean };
      try {
        decrypted = await options.safeStorage.decryptStringAsync(cipher);
      } catch {
        throw new KeyStoreError(`The stored payment keys (${path}) cannot be decrypted by this user on this computer; enter them again in the operator console.`);
      }
      const keys = parseStoredKeys(decrypted.result);
      if (decrypted.shouldReEncrypt) await save(keys);
      return keys;
    },
  };
}
