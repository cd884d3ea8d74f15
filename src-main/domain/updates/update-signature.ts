// Updates install only when their detached ed25519 signature verifies with
// the public key built into the app (issue 14, item 6). electron-updater checks
// the code signature of signed Windows builds only; this check covers every
// platform, signed or not: an update feed (or whoever can answer for it) that
// serves a file the release key did not sign gets nothing installed.
//
// The release manager signs each update file with the private key
// (`npm run update-signing -- sign <file> <private-key.pem>`, src-main/tools/
// update-signing.ts) and publishes `<file>.sig` (base64 of the 64-byte
// signature) next to it in the feed. The public half is built into the app
// from assets/build/update-public-key.pem (electron.vite.config.ts); a build
// without one installs no update at all.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

const SIGNATURE_BYTES = 64;

/** The public key from its PEM text, if it is an ed25519 key; else the reason. */
export function parseUpdatePublicKey(pem: string): { ok: true; key: KeyObject } | { ok: false; reason: string } {
  if (pem.trim() === '') return { ok: false, reason: 'this build has no update signing key' };
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    return { ok: false, reason: 'the built-in update key is not a readable public key' };
  }
  if (key.asymmetricKeyType !== 'ed25519') return { ok: false, reason: `the built-in update key is ${key.asymmetricKeyType ?? 'unknown'}, not ed25519` };
  return { ok: true, key };
}

/** The detached signature file's text: base64 of 64 bytes, whitespace around it allowed. */
export function parseSignatureFile(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return null;
  const bytes = Buffer.from(trimmed, 'base64');
  return bytes.length === SIGNATURE_BYTES && bytes.toString('base64') === trimmed ? bytes : null;
}

export function verifyUpdateSignature(file: Buffer, signatureText: string, publicKeyPem: string): SignatureCheck {
  const key = parseUpdatePublicKey(publicKeyPem);
  if (!key.ok) return key;
  const signature = parseSignatureFile(signatureText);
  if (signature === null) return { ok: false, reason: 'the signature file is not a base64 ed25519 signature' };
  // ed25519 hashes internally: the algorithm argument is null.
  return verify(null, file, key.key, signature) ? { ok: true } : { ok: false, reason: 'the signature does not match the file and the built-in key' };
}

/** The release tool's half: base64 signature of `file` with an ed25519 private key (PEM). */
export function signUpdate(file: Buffer, privateKeyPem: string): string {
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the signing key is ${key.asymmetricKeyType ?? 'unknown'}, not ed25519`);
  return `${sign(null, file, key).toString('base64')}\n`;
}

export function generateUpdateSigningKeys(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
