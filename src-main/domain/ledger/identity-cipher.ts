// Donors' PAN and Aadhaar numbers are sealed before the ledger keeps them
// (issue 14, item 8): AES-256-GCM with a 32-byte key that is kept like the
// payment keys (the installed app: encrypted by the OS, safeStorage; see
// src-main/electron/safe-storage-secret-file.ts). A copy of the ledger or a
// backup without that key shows only the masked number (XXXXXX1234F), which
// is also all any screen, receipt or CSV shows; only the Form 10BD export opens
// the sealed value.
//
// Sealed form: `sealed:v1:<iv>:<tag>:<ciphertext>` (base64 each), with a fixed
// associated-data string so a value sealed for something else does not open
// here. Electron-free, so plain Node tests cover it.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export const SEALED_PREFIX = 'sealed:v1:';
export const IDENTITY_KEY_BYTES = 32;
const AAD = Buffer.from('donation-kiosk identity number v1');

export interface IdentityCipher {
  seal(plain: string): string;
  /** Throws IdentityCipherError when the value was not sealed with this key. */
  open(sealed: string): string;
}

export class IdentityCipherError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IdentityCipherError';
  }
}

export function isSealed(value: string): boolean {
  return value.startsWith(SEALED_PREFIX);
}

export function newIdentityKey(): Buffer {
  return randomBytes(IDENTITY_KEY_BYTES);
}

export function aesGcmIdentityCipher(key: Buffer): IdentityCipher {
  if (key.length !== IDENTITY_KEY_BYTES) throw new IdentityCipherError(`the identity key must be ${IDENTITY_KEY_BYTES} bytes`);
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(AAD);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${SEALED_PREFIX}${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${body.toString('base64')}`;
    },
    open(sealed) {
      if (!isSealed(sealed)) throw new IdentityCipherError('not a sealed identity number');
      const [ivText, tagText, bodyText] = sealed.slice(SEALED_PREFIX.length).split(':');
      if (ivText === undefined || tagText === undefined || bodyText === undefined) throw new IdentityCipherError('a sealed identity number has three parts');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivText, 'base64'));
        decipher.setAAD(AAD);
        decipher.setAuthTag(Buffer.from(tagText, 'base64'));
        return Buffer.concat([decipher.update(Buffer.from(bodyText, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw new IdentityCipherError('the identity number cannot be opened with this kiosk\'s key');
      }
    },
  };
}
