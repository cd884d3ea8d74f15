// Where the key that seals donors' identity numbers comes from
// (src-main/domain/ledger/identity-cipher.ts). The installed app keeps it like
// the payment keys, encrypted by the OS (src-main/electron/safe-storage-key-store.ts).
// Browser mode and tests, which have no OS key store, keep it in a file in the
// data folder, readable by the kiosk account only: a development convenience
// that protects nothing against someone who can read that folder, and the log
// says so.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../domain/atomic-file.ts';
import { aesGcmIdentityCipher, IDENTITY_KEY_BYTES, newIdentityKey, type IdentityCipher } from '../domain/ledger/identity-cipher.ts';

/** Loads the key, creating it on first use; throws when it cannot be kept safely. */
export type IdentityKeySource = () => Promise<Buffer>;

export const DEVELOPMENT_IDENTITY_KEY_FILE = 'identity-key.development';

export function identityKeyInDataFolder(dataDir: string): IdentityKeySource {
  const path = join(dataDir, DEVELOPMENT_IDENTITY_KEY_FILE);
  return async () => {
    try {
      const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
      if (key.length === IDENTITY_KEY_BYTES) return key;
      throw new Error(`${path} does not hold a ${IDENTITY_KEY_BYTES}-byte key`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const key = newIdentityKey();
    writeFileAtomic(path, `${key.toString('base64')}\n`, { mode: 0o600 });
    return key;
  };
}

/** The cipher, or null (logged) when the key cannot be had: the kiosk then keeps no identity numbers and offers no 80G receipts. */
export async function identityCipherFrom(source: IdentityKeySource, log: (line: string) => void): Promise<IdentityCipher | null> {
  try {
    return aesGcmIdentityCipher(await source());
  } catch (error) {
    log(`identity numbers: no key (${error instanceof Error ? error.message : String(error)}); 80G receipts are not offered until it is available`);
    return null;
  }
}
