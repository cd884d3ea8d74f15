// Which keys put the kiosk in which mode, and browser mode never takes real money.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePaymentKeys } from '../../src-main/services/payment-keys.ts';
import { RAZORPAY_CHECKOUT_SOURCES, startKioskServices, type KioskServices } from '../../src-main/services/kiosk-services.ts';
import { startBrowserMode } from '../../src-main/browser-mode/server.ts';
import type { KioskState, Result } from '../../src-main/contract/kiosk-api.ts';
import { DEMO_CAPTURE_DELAY_MS } from '../../src-main/simulator/index.ts';

const dirs: string[] = [];
const running: KioskServices[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-modes-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

describe('payment keys and modes', () => {
  it('no keys → demo; rzp_test_ → test; rzp_live_ → live', () => {
    expect(resolvePaymentKeys({})).toEqual({ ok: true, keys: null });
    expect(resolvePaymentKeys({ KIOSK_RAZORPAY_KEY_ID: 'rzp_test_ABCDEFGHIJKLMN', KIOSK_RAZORPAY_KEY_SECRET: 's' })).toMatchObject({ ok: true, keys: { mode: 'test' } });
    expect(resolvePaymentKeys({ KIOSK_RAZORPAY_KEY_ID: 'rzp_live_ABCDEFGHIJKLMN', KIOSK_RAZORPAY_KEY_SECRET: 's' })).toMatchObject({ ok: true, keys: { mode: 'live' } });
  });

  it('refuses half-configured or malformed keys with a message that does not echo the secret', () => {
    const onlyId = resolvePaymentKeys({ KIOSK_RAZORPAY_KEY_ID: 'rzp_test_ABCDEFGHIJKLMN' });
    expect(onlyId.ok).toBe(false);
    const bad = resolvePaymentKeys({ KIOSK_RAZORPAY_KEY_ID: 'pk_live_123', KIOSK_RAZORPAY_KEY_SECRET: 'topsecret' });
    expect(bad).toMatchObject({ ok: false });
    expect(JSON.stringify(bad)).not.toContain('topsecret');
    // The two swapped: what is in the id's place is the secret, so none of it is echoed.
    const swapped = resolvePaymentKeys({ KIOSK_RAZORPAY_KEY_ID: 'Zq8Xr2Lm5Np7Vt3Kc9Wb1Yd4', KIOSK_RAZORPAY_KEY_SECRET: 'rzp_test_ABCDEFGHIJKLMN' });
    expect(swapped).toMatchObject({ ok: false });
    expect(JSON.stringify(swapped)).not.toContain('Zq8X');
  });

  it('demo mode starts the built-in simulator and points Checkout at it', async () => {
    const services = await startKioskServices({ dataDir: dataDir(), env: {}, log: () => undefined });
    running.push(services);
    expect(services.mode).toBe('demo');
    expect(services.simulator).not.toBeNull();
    const state = (await services.dispatch('getKioskState', null)) as Result<KioskState>;
    expect(state).toMatchObject({ ok: true, value: { mode: 'demo', checkout: { scriptUrl: services.simulator?.checkoutScriptUrl } } });
    const simulatorOrigin = new URL(services.simulator?.baseUrl ?? 'http://x').origin;
    expect(services.checkoutSources).toEqual({ script: [simulatorOrigin], frame: [simulatorOrigin], connect: [simulatorOrigin], img: [simulatorOrigin] });
    expect(services.popupOrigins).toEqual([simulatorOrigin]);
    // Razorpay captures shortly after authorisation: the demo donor sees the kiosk confirm.
    expect(services.simulator?.settings()).toMatchObject({ autoCapture: true, captureDelayMs: DEMO_CAPTURE_DELAY_MS });
  });

  it('live keys use Razorpay itself, whatever the environment says', async () => {
    const services = await startKioskServices({
      dataDir: dataDir(),
      env: { KIOSK_RAZORPAY_KEY_ID: 'rzp_live_ABCDEFGHIJKLMN', KIOSK_RAZORPAY_KEY_SECRET: 's', KIOSK_CHECKOUT_SCRIPT_URL: 'http://127.0.0.1:1/checkout.js' },
      log: () => undefined,
    });
    running.push(services);
    const state = (await services.dispatch('getKioskState', null)) as Result<KioskState>;
    expect(state).toMatchObject({ ok: true, value: { mode: 'live', checkout: { scriptUrl: 'https://checkout.razorpay.com/v1/checkout.js' } } });
    expect(services.checkoutSources).toBe(RAZORPAY_CHECKOUT_SOURCES);
    expect(services.popupOrigins).toEqual([]);
  });

  it('browser mode refuses live keys', async () => {
    await expect(
      startBrowserMode({ dataDir: dataDir(), env: { KIOSK_RAZORPAY_KEY_ID: 'rzp_live_ABCDEFGHIJKLMN', KIOSK_RAZORPAY_KEY_SECRET: 's' }, log: () => undefined }),
    ).rejects.toThrow(/refuses live/);
  });

  it('a settings file that does not validate stops the kiosk with a message', async () => {
    const dir = dataDir();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'kiosk-config.json'), JSON.stringify({ minAmountRupees: 500, maxAmountRupees: 100 }));
    await expect(startKioskServices({ dataDir: dir, env: {}, log: () => undefined })).rejects.toThrow(/settings are invalid/);
  });
});
