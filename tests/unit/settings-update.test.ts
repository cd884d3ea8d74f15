// The operator changes settings: validated with the kiosk-config rules, written
// atomically with a version, applied live, and a bad value changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_FILE_NAME, DEFAULT_KIOSK_CONFIG, loadKioskConfig, SUPPORTED_LANGUAGES } from '../../src-main/domain/kiosk-config.ts';
import { updateKioskSettings } from '../../src-main/domain/settings-update.ts';
import { startOperatorKiosk, type OperatorKiosk } from './support/operator-kiosk.ts';

let kiosk: OperatorKiosk | null = null;
const dirs: string[] = [];
afterEach(async () => {
  await kiosk?.stop();
  kiosk = null;
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-settings-'));
  dirs.push(dir);
  return dir;
}
const configPath = (k: OperatorKiosk) => join(k.dataDir, CONFIG_FILE_NAME);

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The signature and a few bytes after it: what the check looks at. */
function pngUri(): string {
  return `data:image/png;base64,${Buffer.concat([PNG_MAGIC, Buffer.from('rest of a small picture')]).toString('base64')}`;
}

describe('updateSettings', () => {
  it('writes a versioned file, and the kiosk state and donation limits change at once', async () => {
    kiosk = await startOperatorKiosk({ config: { gatewayTimeoutMs: 800, themeColor: '#123456' } });
    await kiosk.unlocked();
    const reply = await kiosk.call('updateSettings', {
      settings: { presetAmountsRupees: [51, 101, 251], minAmountRupees: 51, maxAmountRupees: 5000, eventName: '  Diwali mela ', organisationName: 'Seva Trust', kioskId: 'GATE-2', idleResetSeconds: 90 },
    });
    expect(reply).toEqual({
      ok: true,
      value: {
        organisationName: 'Seva Trust',
        causeName: DEFAULT_KIOSK_CONFIG.causeName,
        eventName: 'Diwali mela',
        eventStartDate: '',
        kioskId: 'GATE-2',
        presetAmountsRupees: [51, 101, 251],
        minAmountRupees: 51,
        maxAmountRupees: 5000,
        idleResetSeconds: 90,
        language: 'en',
        causes: [{ id: 'main', name: { en: DEFAULT_KIOSK_CONFIG.causeName }, description: { en: '' }, presetAmountsRupees: [51, 101, 251] }],
        goalRupees: 0,
        attractMessage: { en: '' },
        showDonorWall: false,
        feeCoverPercent: DEFAULT_KIOSK_CONFIG.feeCoverPercent,
        themeColor: '#123456',
        accentColor: DEFAULT_KIOSK_CONFIG.accentColor,
        updateFeedUrl: '',
        updateInstallHour: null,
      },
    });
    const file = JSON.parse(readFileSync(configPath(kiosk), 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ version: 1, themeColor: '#123456', gatewayTimeoutMs: 800, maxAmountRupees: 5000, eventName: 'Diwali mela' });
    expect(file).not.toHaveProperty('checkoutTimeoutSeconds'); // defaults stay defaults

    expect(await kiosk.call('getKioskState')).toMatchObject({
      ok: true,
      value: { presetAmountsRupees: [51, 101, 251], minAmountRupees: 51, maxAmountRupees: 5000, organisationName: 'Seva Trust', kioskId: 'GATE-2', idleResetSeconds: 90 },
    });
    expect(await kiosk.call('startDonation', { amountRupees: 6000, donor: { anonymous: true } })).toMatchObject({ ok: false, error: { code: 'amount_out_of_range' } });
    expect(await kiosk.call('startDonation', { amountRupees: 50, donor: { anonymous: true } })).toMatchObject({ ok: false, error: { code: 'amount_out_of_range' } });
    const started = await kiosk.call('startDonation', { amountRupees: 5000, donor: { anonymous: true } });
    expect(started).toMatchObject({ ok: true, value: { options: { name: 'Seva Trust', notes: { kiosk_id: 'GATE-2' } } } });

    // And after a restart, from the file.
    await kiosk.restart();
    expect(await kiosk.call('getKioskState')).toMatchObject({ ok: true, value: { presetAmountsRupees: [51, 101, 251], kioskId: 'GATE-2' } });
  });

  it('refuses a bad value or combination with a plain message and changes nothing', async () => {
    kiosk = await startOperatorKiosk({ config: { gatewayTimeoutMs: 800 } });
    await kiosk.unlocked();
    const before = readFileSync(configPath(kiosk), 'utf8');
    const refused = [
      [{ maxAmountRupees: 200 }, 'Preset amounts'], // presets 500, 1000 above it
      [{ minAmountRupees: 2000, maxAmountRupees: 1000 }, 'Minimum amount'],
      [{ presetAmountsRupees: [] }, 'presetAmountsRupees'],
      [{ presetAmountsRupees: [100.5] }, 'presetAmountsRupees'],
      [{ kioskId: 'has space' }, 'kioskId'],
      [{ organisationName: '   ' }, 'organisationName'],
      [{ idleResetSeconds: 5 }, 'idleResetSeconds'],
      [{ maxAmountRupees: 200_000 }, 'maxAmountRupees'],
      [{ themeColor: 'black' }, 'themeColor'],
      [{ checkoutTimeoutSeconds: 100 }, 'checkoutTimeoutSeconds'], // not editable from the console
      [{ feeCoverPercent: 6 }, 'feeCoverPercent'],
      [{ causes: [{ id: 'a', name: 'A', description: '', presetAmountsRupees: [5] }] }, 'Causes'],
    ] as const;
    for (const [settings, mentions] of refused) {
      const reply = await kiosk.services.dispatch('updateSettings', { settings });
      expect(reply, JSON.stringify(settings)).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining(mentions) } });
    }
    expect(readFileSync(configPath(kiosk), 'utf8')).toBe(before);
    expect(await kiosk.call('getKioskState')).toMatchObject({ ok: true, value: { presetAmountsRupees: [100, 500, 1000], maxAmountRupees: 100_000 } });
  });

  it('takes a PNG or JPEG logo: in the file, the kiosk state, the overview and Checkout; "" removes it', async () => {
    kiosk = await startOperatorKiosk({ config: { gatewayTimeoutMs: 800 } });
    await kiosk.unlocked();
    const png = pngUri();
    expect(await kiosk.call('updateSettings', { settings: { logoDataUri: png } })).toMatchObject({ ok: true, value: { logoDataUri: png } });
    expect(JSON.parse(readFileSync(configPath(kiosk), 'utf8'))).toMatchObject({ version: 1, logoDataUri: png });
    expect(await kiosk.call('getKioskState')).toMatchObject({ ok: true, value: { logoDataUri: png } });
    expect(await kiosk.call('getOperatorOverview', {})).toMatchObject({ ok: true, value: { settings: { logoDataUri: png } } });
    const started = await kiosk.call('startDonation', { amountRupees: 500, donor: { anonymous: true } });
    expect(started).toMatchObject({ ok: true, value: { options: { image: png } } });

    const jpeg = `data:image/jpeg;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]).toString('base64')}`;
    expect(await kiosk.call('updateSettings', { settings: { logoDataUri: jpeg } })).toMatchObject({ ok: true, value: { logoDataUri: jpeg } });
    // Other settings keep the logo.
    expect(await kiosk.call('updateSettings', { settings: { eventName: 'Mela' } })).toMatchObject({ ok: true, value: { logoDataUri: jpeg, eventName: 'Mela' } });

    const removed = await kiosk.call('updateSettings', { settings: { logoDataUri: '' } });
    expect(removed.ok && removed.value).not.toHaveProperty('logoDataUri');
    expect(JSON.parse(readFileSync(configPath(kiosk), 'utf8'))).not.toHaveProperty('logoDataUri');
    const state = await kiosk.call('getKioskState');
    expect(state.ok && state.value).not.toHaveProperty('logoDataUri');
    const plain = await kiosk.call('startDonation', { amountRupees: 500, donor: { anonymous: true } });
    expect(plain.ok && plain.value.options).not.toHaveProperty('image');
  });

  it('refuses an SVG, a PNG claiming to be a JPEG, a picture over 256 KB and garbage, and writes nothing', async () => {
    kiosk = await startOperatorKiosk({ config: { gatewayTimeoutMs: 800 } });
    await kiosk.unlocked();
    const before = readFileSync(configPath(kiosk), 'utf8');
    const pngBytes = Buffer.from(pngUri().split(',')[1] ?? '', 'base64');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>').toString('base64');
    const big = Buffer.concat([PNG_MAGIC, Buffer.alloc(256 * 1024 - PNG_MAGIC.length + 1)]).toString('base64');
    const refused: [string, string][] = [
      [`data:image/svg+xml;base64,${svg}`, 'must be a PNG or JPEG picture'],
      [`data:image/jpeg;base64,${pngBytes.toString('base64')}`, 'not really a JPEG picture'],
      [`data:image/png;base64,${Buffer.from([0xff, 0xd8, 0xff, 0xe0]).toString('base64')}`, 'not really a PNG picture'],
      [`data:image/png;base64,${big}`, 'larger than 256 KB'],
      ['data:image/png;base64,not*base64!', 'damaged'],
      ['data:image/png;base64,', 'damaged'],
      ['hello', 'must be a PNG or JPEG picture'],
      ['https://example.org/logo.png', 'must be a PNG or JPEG picture'],
    ];
    for (const [logoDataUri, mentions] of refused) {
      const reply = await kiosk.services.dispatch('updateSettings', { settings: { logoDataUri } });
      expect(reply, logoDataUri.slice(0, 40)).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining(mentions) } });
    }
    // A bad logo hand-written into the file is refused there too (the kiosk would not start with it).
    expect(updateKioskSettings(kiosk.dataDir, { logoDataUri: 'hello' })).toMatchObject({ ok: false, message: expect.stringContaining('Logo: the logo must be a PNG or JPEG') });
    expect(readFileSync(configPath(kiosk), 'utf8')).toBe(before);
    const state = await kiosk.call('getKioskState');
    expect(state.ok && state.value).not.toHaveProperty('logoDataUri');
  });

  it('language: one of the supported languages (listed in the overview), default English', async () => {
    kiosk = await startOperatorKiosk({ config: { gatewayTimeoutMs: 800 } });
    await kiosk.unlocked();
    expect(await kiosk.call('getKioskState')).toMatchObject({ ok: true, value: { language: 'en' } });
    expect(await kiosk.call('getOperatorOverview', {})).toMatchObject({ ok: true, value: { supportedLanguages: [...SUPPORTED_LANGUAGES], settings: { language: 'en' } } });
    const before = readFileSync(configPath(kiosk), 'utf8');
    for (const language of ['fr', 'EN', '', 'english']) {
      expect(await kiosk.services.dispatch('updateSettings', { settings: { language } }), language).toMatchObject({
        ok: false,
        error: { code: 'invalid_request', message: expect.stringContaining('the language must be one of: en, hi') },
      });
    }
    expect(readFileSync(configPath(kiosk), 'utf8')).toBe(before);
    expect(await kiosk.call('updateSettings', { settings: { language: 'en' } })).toMatchObject({ ok: true, value: { language: 'en' } });
    expect(JSON.parse(readFileSync(configPath(kiosk), 'utf8'))).toMatchObject({ language: 'en' });
    writeFileSync(configPath(kiosk), JSON.stringify({ language: 'fr' }));
    expect(loadKioskConfig(kiosk.dataDir)).toMatchObject({ ok: false, message: expect.stringContaining('language') });
  });

  it('leaves a settings file that became unreadable as it is', () => {
    const dir = tempDir();
    writeFileSync(join(dir, CONFIG_FILE_NAME), '{"kioskId": "A"');
    const result = updateKioskSettings(dir, { eventName: 'x' });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('left as it is') });
    expect(readFileSync(join(dir, CONFIG_FILE_NAME), 'utf8')).toBe('{"kioskId": "A"');
  });

  it('creates the file on first change; the loader accepts version 1 and refuses other versions', () => {
    const dir = tempDir();
    expect(updateKioskSettings(dir, { eventName: 'Fair' })).toMatchObject({ ok: true, config: { eventName: 'Fair' } });
    expect(JSON.parse(readFileSync(join(dir, CONFIG_FILE_NAME), 'utf8'))).toEqual({ version: 1, eventName: 'Fair' });
    expect(loadKioskConfig(dir)).toMatchObject({ ok: true, config: { eventName: 'Fair', version: 1 } });
    writeFileSync(join(dir, CONFIG_FILE_NAME), JSON.stringify({ version: 2 }));
    expect(loadKioskConfig(dir)).toMatchObject({ ok: false });
    expect(existsSync(join(dir, `${CONFIG_FILE_NAME}.partial`))).toBe(false);
    expect(loadKioskConfig(tempDir())).toMatchObject({ ok: true, config: { eventName: '' } });
  });
});
