// The operator PIN is kept as a self-describing salted scrypt hash.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT_PARAMS, hashPin, isPinHash, PinHashFormatError, verifyPin, type ScryptParams } from '../../src-main/domain/operator/pin-hash.ts';

// Cheap parameters keep the suite fast; one test runs the production ones.
const FAST: ScryptParams = { ...DEFAULT_SCRYPT_PARAMS, N: 2 ** 10 };

describe('hashPin / verifyPin', () => {
  it('with the production parameters: scrypt N=2^15 r=8 p=1, 16-byte salt, 32-byte key', async () => {
    const stored = await hashPin('582913');
    const [scheme, N, r, p, salt, key] = stored.split('$');
    expect([scheme, N, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
    expect(await verifyPin('582913', stored)).toBe(true);
    expect(await verifyPin('582914', stored)).toBe(false);
  });

  it('never contains the PIN and salts every hash differently', async () => {
    const a = await hashPin('582913', FAST);
    const b = await hashPin('582913', FAST);
    expect(a).not.toContain('582913');
    expect(a).not.toBe(b);
    expect(await verifyPin('582913', a)).toBe(true);
    expect(await verifyPin('582913', b)).toBe(true);
  });

  it('refuses near misses and other lengths', async () => {
    const stored = await hashPin('5829', FAST);
    for (const wrong of ['5828', '58290', '582', '', '5829 ', ' 5829']) expect(await verifyPin(wrong, stored)).toBe(false);
  });

  it('verifies with the parameters recorded in the string, not the current defaults', async () => {
    const stored = await hashPin('7093', { N: 2 ** 11, r: 4, p: 2, saltBytes: 24, keyBytes: 48 });
    expect(stored.startsWith('scrypt$2048$4$2$')).toBe(true);
    expect(await verifyPin('7093', stored)).toBe(true);
    // Changing a recorded parameter changes the derived key, so it no longer matches.
    expect(await verifyPin('7093', stored.replace('scrypt$2048$4$2$', 'scrypt$2048$4$1$'))).toBe(false);
  });

  it('detects a changed hash', async () => {
    const stored = await hashPin('7093', FAST);
    const parts = stored.split('$');
    const key = Buffer.from(parts[5] ?? '', 'base64');
    key[0] = (key[0] ?? 0) ^ 1;
    parts[5] = key.toString('base64');
    expect(await verifyPin('7093', parts.join('$'))).toBe(false);
  });

  it('throws PinHashFormatError on a stored string it did not make, rather than saying "wrong PIN"', async () => {
    const good = await hashPin('7093', FAST);
    const [, , , , salt, key] = good.split('$');
    const bad = [
      '',
      '7093',
      'bcrypt$1024$8$1$' + salt + '$' + key,
      `scrypt$1000$8$1$${salt}$${key}`, // N not a power of two
      `scrypt$${2 ** 30}$8$1$${salt}$${key}`, // asks for far too much memory
      `scrypt$1024$8$1$${salt}`,
      `scrypt$1024$8$1$!!!$${key}`,
      `scrypt$1024$8$1$${salt}$`,
      `scrypt$1024$8$1$AAAA$${key}`, // 3-byte salt
    ];
    for (const stored of bad) {
      expect(isPinHash(stored)).toBe(false);
      await expect(verifyPin('7093', stored)).rejects.toBeInstanceOf(PinHashFormatError);
    }
    expect(isPinHash(good)).toBe(true);
  });

  it('refuses weak or absurd parameters when hashing', async () => {
    await expect(hashPin('7093', { ...FAST, N: 2 ** 4 })).rejects.toThrow(RangeError);
    await expect(hashPin('7093', { ...FAST, saltBytes: 4 })).rejects.toThrow(RangeError);
  });
});
