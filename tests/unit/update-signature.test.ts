// The detached ed25519 signature every update must carry (issue 14, item 6;
// src-main/domain/updates/update-signature.ts), checked in plain Node.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateUpdateSigningKeys, parseSignatureFile, parseUpdatePublicKey, signUpdate, verifyUpdateSignature } from '../../src-main/domain/updates/update-signature.ts';

const release = generateUpdateSigningKeys();
const file = Buffer.from('Donation-Kiosk-Setup-1.1.0.exe bytes');

describe('verifyUpdateSignature', () => {
  it('accepts the release key\'s signature of exactly this file', () => {
    const signature = signUpdate(file, release.privateKeyPem);
    expect(signature).toMatch(/^[A-Za-z0-9+/]{86}==\n$/);
    expect(verifyUpdateSignature(file, signature, release.publicKeyPem)).toEqual({ ok: true });
  });

  it('refuses a changed file, another key\'s signature, and a signature that is not one', () => {
    const signature = signUpdate(file, release.privateKeyPem);
    expect(verifyUpdateSignature(Buffer.concat([file, Buffer.from('!')]), signature, release.publicKeyPem)).toMatchObject({ ok: false, reason: expect.stringContaining('does not match') });
    const other = generateUpdateSigningKeys();
    expect(verifyUpdateSignature(file, signUpdate(file, other.privateKeyPem), release.publicKeyPem)).toMatchObject({ ok: false });
    for (const text of ['', 'abc', `${signature.trim()}AA`, Buffer.alloc(63).toString('base64'), '<html>Not found</html>']) {
      expect(verifyUpdateSignature(file, text, release.publicKeyPem), text).toMatchObject({ ok: false, reason: expect.stringContaining('not a base64 ed25519 signature') });
    }
  });

  it('refuses every update when the build has no key, or a key that is not ed25519', () => {
    const signature = signUpdate(file, release.privateKeyPem);
    expect(verifyUpdateSignature(file, signature, '')).toEqual({ ok: false, reason: 'this build has no update signing key' });
    expect(verifyUpdateSignature(file, signature, 'not a key')).toMatchObject({ ok: false, reason: expect.stringContaining('not a readable public key') });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(parseUpdatePublicKey(rsa)).toMatchObject({ ok: false, reason: expect.stringContaining('not ed25519') });
  });

  it('signs with ed25519 keys only', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => signUpdate(file, rsa)).toThrow(/not ed25519/);
  });

  it('reads a signature file with whitespace around it, and nothing that is not 64 bytes of canonical base64', () => {
    const bytes = Buffer.alloc(64, 7);
    expect(parseSignatureFile(`  ${bytes.toString('base64')}\r\n`)).toEqual(bytes);
    expect(parseSignatureFile(bytes.toString('base64').replace(/=+$/, ''))).toBeNull();
  });
});
