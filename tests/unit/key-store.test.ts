// Payment keys: stored with safeStorage (refusing Linux's plaintext backend),
// checked with one harmless call, and the secret never in a reply or a log line.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSafeStorageKeyStore, PAYMENT_KEYS_FILE, type SafeStorageLike } from '../../src-main/electron/safe-storage-key-store.ts';
import { KeyStoreError, type KeyStore, type StoredPaymentKeys } from '../../src-main/services/key-store.ts';
import { checkRazorpayKeys, describeKeyCheck, type KeyChecker } from '../../src-main/domain/gateway/key-check.ts';
import { startRazorpaySimulator } from '../../src-main/simulator/index.ts';
import { startKioskServices, KioskStartError } from '../../src-main/services/kiosk-services.ts';
import { tempDirs } from './support/temp-dirs.ts';
import { startOperatorKiosk, CHEAP_SCRYPT, OP_KEY_ID, OP_KEY_SECRET, type OperatorKiosk } from './support/operator-kiosk.ts';

const NEW_KEY_ID = 'rzp_test_NewKeyId000001';
const NEW_SECRET = 'BrandNewSecretValue9876543';

// Registered before the kiosk's afterEach, so the kiosk stops before its folder is removed.
const tempDir = tempDirs('kiosk-keys-');
let kiosk: OperatorKiosk | null = null;
afterEach(async () => {
  await kiosk?.stop();
  kiosk = null;
});

/** A stand-in for safeStorage: "encrypts" by XOR, so the plaintext is not in the bytes. */
function fakeSafeStorage(overrides: Partial<SafeStorageLike> = {}): SafeStorageLike {
  const xor = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x5a));
  return {
    isAsyncEncryptionAvailable: async () => true,
    encryptStringAsync: async (text) => xor(Buffer.from(text, 'utf8')),
    decryptStringAsync: async (cipher) => ({ result: xor(cipher).toString('utf8'), shouldReEncrypt: false }),
    getSelectedStorageBackend: () => 'gnome_libsecret',
    ...overrides,
  };
}

class MemoryKeyStore implements KeyStore {
  saved: StoredPaymentKeys | null = null;
  failWith: Error | null = null;
  async load() {
    return this.saved;
  }
  async save(keys: StoredPaymentKeys) {
    if (this.failWith) throw this.failWith;
    this.saved = keys;
  }
}

describe('safeStorage key store', () => {
  it('stores the keys encrypted in payment-keys.bin, after the app is ready, and reads them back', async () => {
    const dataDir = tempDir();
    const whenReady = vi.fn(async () => undefined);
    const store = createSafeStorageKeyStore({ safeStorage: fakeSafeStorage(), platform: 'linux', dataDir, whenReady });
    expect(await store.load()).toBeNull();
    await store.save({ keyId: NEW_KEY_ID, keySecret: NEW_SECRET });
    expect(whenReady).toHaveBeenCalled();
    const bytes = readFileSync(join(dataDir, PAYMENT_KEYS_FILE));
    expect(bytes.toString('latin1')).not.toContain(NEW_SECRET);
    expect(await store.load()).toEqual({ keyId: NEW_KEY_ID, keySecret: NEW_SECRET });
  });

  it("refuses Linux's basic_text and unknown backends and unavailable encryption, storing nothing", async () => {
    for (const [platform, overrides] of [
      ['linux', { getSelectedStorageBackend: () => 'basic_text' }],
      // Electron could not tell which store it has: no keyring can be promised (issue 14, item 12).
      ['linux', { getSelectedStorageBackend: () => 'unknown' }],
      ['win32', { isAsyncEncryptionAvailable: async () => false }],
    ] as const) {
      const dataDir = tempDir();
      const encrypt = vi.fn(async (text: string) => Buffer.from(text));
      const store = createSafeStorageKeyStore({ safeStorage: fakeSafeStorage({ ...overrides, encryptStringAsync: encrypt }), platform, dataDir, whenReady: async () => undefined });
      const error = await store.save({ keyId: NEW_KEY_ID, keySecret: NEW_SECRET }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(KeyStoreError);
      expect(String((error as Error).message)).not.toContain(NEW_SECRET);
      expect(encrypt).not.toHaveBeenCalled();
      expect(existsSync(join(dataDir, PAYMENT_KEYS_FILE))).toBe(false);
    }
  });

  it('re-encrypts when safeStorage asks, and reports undecryptable data without the secret', async () => {
    const dataDir = tempDir();
    const base = fakeSafeStorage();
    const encrypt = vi.fn(base.encryptStringAsync);
    const store = createSafeStorageKeyStore({
      safeStorage: { ...base, encryptStringAsync: encrypt, decryptStringAsync: async (c) => ({ ...(await base.decryptStringAsync(c)), shouldReEncrypt: true }) },
      platform: 'darwin',
      dataDir,
      whenReady: async () => undefined,
    });
    await store.save({ keyId: NEW_KEY_ID, keySecret: NEW_SECRET });
    await store.load();
    expect(encrypt).toHaveBeenCalledTimes(2);

    const broken = createSafeStorageKeyStore({
      safeStorage: fakeSafeStorage({ decryptStringAsync: async () => Promise.reject(new Error(`bad mac for ${NEW_SECRET}`)) }),
      platform: 'darwin',
      dataDir,
      whenReady: async () => undefined,
    });
    const error = await broken.load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyStoreError);
    expect((error as Error).message).not.toContain(NEW_SECRET);
    writeFileSync(join(dataDir, PAYMENT_KEYS_FILE), Buffer.from('{"keyId":"x"}').map((b) => b ^ 0x5a));
    await expect(store.load()).rejects.toBeInstanceOf(KeyStoreError);
  });
});

describe('checking keys', () => {
  it('one list-orders call: works, refused (401) or unreachable, in plain words', async () => {
    const simulator = await startRazorpaySimulator({ port: 0 });
    try {
      simulator.addKey(NEW_KEY_ID, NEW_SECRET);
      const ok = await checkRazorpayKeys({ keyId: NEW_KEY_ID, keySecret: NEW_SECRET, baseUrl: simulator.baseUrl, timeoutMs: 2000 });
      expect(describeKeyCheck('test', ok)).toEqual({ ok: true, message: 'The keys work (test mode).' });
      const refused = await checkRazorpayKeys({ keyId: NEW_KEY_ID, keySecret: 'WrongSecret123456', baseUrl: simulator.baseUrl, timeoutMs: 2000 });
      expect(refused).toMatchObject({ ok: false, error: { kind: 'http', status: 401 } });
      expect(describeKeyCheck('test', refused).message).toContain('The keys were refused by Razorpay');
    } finally {
      await simulator.close();
    }
    const unreachable = await checkRazorpayKeys({ keyId: NEW_KEY_ID, keySecret: NEW_SECRET, baseUrl: 'http://127.0.0.1:1', timeoutMs: 2000 });
    expect(describeKeyCheck('live', unreachable)).toEqual({ ok: false, message: expect.stringContaining('Razorpay could not be reached') });
  });

  it('checkPaymentKeys checks the keys typed, not the ones the kiosk runs with, and stores nothing', async () => {
    const keyStore = new MemoryKeyStore();
    kiosk = await startOperatorKiosk({ config: { gatewayTimeoutMs: 800 }, extra: { keyStore } });
    await kiosk.unlocked();
    expect(await kiosk.call('checkPaymentKeys', { keyId: NEW_KEY_ID, keySecret: NEW_SECRET })).toEqual({
      ok: true,
      value: { mode: 'test', ok: false, message: 'The keys were refused by Razorpay (test mode). Nothing was saved.' },
    });
    kiosk.simulator.addKey(NEW_KEY_ID, NEW_SECRET);
    expect(await kiosk.call('checkPaymentKeys', { keyId: NEW_KEY_ID, keySecret: NEW_SECRET })).toEqual({
      ok: true,
      value: { mode: 'test', ok: true, message: 'The keys work (test mode). Nothing was saved.' },
    });
    expect(keyStore.saved).toBeNull();
  });
});

describe('setPaymentKeys', () => {
  it('stores checked keys for the next start; the secret is in no reply and no log line', async () => {
    const keyStore = new MemoryKeyStore();
    const checks: string[] = [];
    const checkKeys: KeyChecker = async (input) => {
      checks.push(input.keyId);
      return { ok: true };
    };
    kiosk = await startOperatorKiosk({ config: { gatewayTimeoutMs: 800 }, extra: { keyStore, checkKeys } });
    await kiosk.unlocked();
    // Changing the keys asks for the PIN again.
    expect(await kiosk.call('setPaymentKeys', { keyId: NEW_KEY_ID, keySecret: NEW_SECRET })).toMatchObject({ ok: false, error: { code: 'pin_required' } });
    expect(keyStore.saved).toBeNull();
    await kiosk.confirmPin();
    const reply = await kiosk.call('setPaymentKeys', { keyId: NEW_KEY_ID, keySecret: NEW_SECRET });
    expect(reply).toEqual({ ok: true, value: { mode: 'test', ok: true, message: expect.stringContaining('take effect when the kiosk restarts') } });
    expect(keyStore.saved).toEqual({ keyId: NEW_KEY_ID, keySecret: NEW_SECRET });
    expect(checks).toEqual([NEW_KEY_ID]);
    expect(await kiosk.call('getPaymentKeysStatus')).toMatchObject({ ok: true, value: { keyId: OP_KEY_ID, source: 'environment', savedForRestart: { keyId: NEW_KEY_ID, mode: 'test' } } });

    // Refused by Razorpay: not saved. A store that cannot keep them safely: not_supported.
    keyStore.saved = null;
    const refusing: KeyChecker = async () => ({ ok: false, error: { kind: 'http', status: 401, code: 'BAD_REQUEST_ERROR', description: 'Authentication failed' } });
    await kiosk.restart({ keyStore, checkKeys: refusing });
    await kiosk.unlocked();
    await kiosk.confirmPin();
    expect(await kiosk.call('setPaymentKeys', { keyId: NEW_KEY_ID, keySecret: NEW_SECRET })).toMatchObject({ ok: true, value: { ok: false, message: expect.stringContaining('not saved') } });
    expect(keyStore.saved).toBeNull();
    keyStore.failWith = new KeyStoreError('No keyring is available; they were not stored.');
    await kiosk.restart({ keyStore, checkKeys });
    await kiosk.unlocked();
    await kiosk.confirmPin();
    expect(await kiosk.call('setPaymentKeys', { keyId: NEW_KEY_ID, keySecret: NEW_SECRET })).toMatchObject({ ok: false, error: { code: 'not_supported', message: expect.stringContaining('keyring') } });
    // A malformed request does not echo the secret either.
    expect(await kiosk.call('setPaymentKeys', { keyId: 'pk_live_x', keySecret: NEW_SECRET })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await kiosk.services.dispatch('setPaymentKeys', { keyId: NEW_KEY_ID, keySecret: `${NEW_SECRET}!` })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    await kiosk.call('getOperatorOverview', {});
    await kiosk.call('checkPaymentKeys', { keyId: NEW_KEY_ID, keySecret: NEW_SECRET });

    const everything = JSON.stringify(kiosk.replies) + kiosk.logLines.join('\n');
    expect(everything).toContain(NEW_KEY_ID); // the search below looks in the right place
    expect(everything).not.toContain(NEW_SECRET);
    expect(everything).not.toContain(OP_KEY_SECRET); // nor the secret the kiosk runs with
  });

  it('is not_supported without a key store (browser mode)', async () => {
    kiosk = await startOperatorKiosk({ config: { gatewayTimeoutMs: 800 } });
    await kiosk.unlocked();
    await kiosk.confirmPin();
    expect(await kiosk.call('setPaymentKeys', { keyId: NEW_KEY_ID, keySecret: NEW_SECRET })).toMatchObject({
      ok: false,
      error: { code: 'not_supported', message: 'Keys can only be stored by the installed kiosk app.' },
    });
  });

  it('the kiosk starts with the stored keys when the environment has none, and refuses to start on unreadable ones', async () => {
    const dataDir = tempDir();
    const keyStore = new MemoryKeyStore();
    keyStore.saved = { keyId: NEW_KEY_ID, keySecret: NEW_SECRET };
    const logLines: string[] = [];
    const env = { KIOSK_RAZORPAY_API_URL: 'http://127.0.0.1:1' };
    const services = await startKioskServices({ dataDir, env, log: (l) => logLines.push(l), keyStore, operatorAccess: { scryptParams: CHEAP_SCRYPT } });
    try {
      expect(services.mode).toBe('test');
      expect(services.simulator).toBeNull();
      expect(await services.dispatch('startDonation', { amountRupees: 100, donor: { anonymous: true } })).toMatchObject({ ok: false });
    } finally {
      await services.close();
    }
    expect(logLines.join('\n')).toContain(NEW_KEY_ID);
    expect(logLines.join('\n')).not.toContain(NEW_SECRET);

    const broken: KeyStore = { load: async () => Promise.reject(new KeyStoreError('cannot be decrypted')), save: async () => undefined };
    await expect(startKioskServices({ dataDir, env, log: () => undefined, keyStore: broken })).rejects.toBeInstanceOf(KioskStartError);
  });

  it('the installed app takes keys from the console only: the environment can neither replace them nor send them elsewhere (issue 14, item 4)', async () => {
    const dataDir = tempDir();
    const keyStore = new MemoryKeyStore();
    keyStore.saved = { keyId: NEW_KEY_ID, keySecret: NEW_SECRET };
    const attacker = await startRazorpaySimulator({ port: 0 });
    attacker.addKey(OP_KEY_ID, OP_KEY_SECRET);
    const env = {
      KIOSK_RAZORPAY_KEY_ID: OP_KEY_ID,
      KIOSK_RAZORPAY_KEY_SECRET: OP_KEY_SECRET,
      KIOSK_RAZORPAY_API_URL: attacker.baseUrl,
      KIOSK_CHECKOUT_SCRIPT_URL: attacker.checkoutScriptUrl,
    };
    const logLines: string[] = [];
    const installed = await startKioskServices({ dataDir, env, log: (l) => logLines.push(l), keyStore, readKeysFromEnvironment: false, operatorAccess: { scryptParams: CHEAP_SCRYPT } });
    try {
      // Checkout comes from Razorpay, not from the address in the environment.
      expect(await installed.dispatch('getKioskState', null)).toMatchObject({ ok: true, value: { checkout: { scriptUrl: 'https://checkout.razorpay.com/v1/checkout.js' } } });
      expect(installed.mode).toBe('test');
      expect(installed.popupOrigins).toEqual([]);
      await installed.dispatch('setUpOperatorPin', { pin: '273951' });
      expect(await installed.dispatch('getPaymentKeysStatus', null)).toEqual({ ok: true, value: { keyId: NEW_KEY_ID, mode: 'test', source: 'console', savedForRestart: null } });
      // The stored secret never went to the address in the environment.
      expect(attacker.listOrders()).toHaveLength(0);
    } finally {
      await installed.close();
    }
    // With no stored keys, environment keys still give demo mode, never a redirected test mode.
    const empty = await startKioskServices({ dataDir: tempDir(), env, log: () => undefined, keyStore: new MemoryKeyStore(), readKeysFromEnvironment: false });
    try {
      expect(empty.mode).toBe('demo');
    } finally {
      await empty.close();
      await attacker.close();
    }
    expect(logLines.join('\n')).toContain(`key ${NEW_KEY_ID}`);
  });
});
