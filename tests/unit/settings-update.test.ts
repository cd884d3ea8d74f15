// The operator changes settings: validated with the kiosk-config rules, written
// atomically with a version, applied live, and a bad value changes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAME, DEFAULT_KIOSK_CONFIG, loadKioskConfig, SUPPORTED_LANGUAGES } from '../../src-main/domain/kiosk-config.ts';
import { updateKioskSettings } from '../../src-main/domain/settings-update.ts';
import { tempDirs } from './support/temp-dirs.ts';
import { startOperatorKiosk, type OperatorKiosk } from './support/operator-kiosk.ts';

// Registered before the kiosk's afterEach, so the kiosk stops before its folder is removed.
const tempDir = tempDirs('kiosk-settings-');
let kiosk: OperatorKiosk | null = null;
afterEach(async () => {
  await kiosk?.stop();
  kiosk = null;
});
const configPath = (k: OperatorKiosk) => join(k.dataDir, CONFIG_FILE_NAME);

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The signature and a few bytes after it: what the check looks at. */
function pngUri(): string {
  return `data:image/png;base64,${Buffer.concat([PNG_MAGIC, Buffer.from('rest of a small picture')]).toString('base64')}`;
}

describe('updateSettings', () => {
  const MAIN_CAUSE = { id: 'main', name: { en: "Children's education" }, description: { en: '' }, presetAmountsRupees: [51, 101, 251] };

  it('writes a versioned file, and the kiosk state and donation limits change at once', async () => {
    kiosk = await startOperatorKiosk({ config: { gatewayTimeoutMs: 800, themeColor: '#123456' } });
    await kiosk.unlocked();
    const reply = await kiosk.call('updateSettings', {
      settings: { causes: [MAIN_CAUSE], minAmountRupees: 51, maxAmountRupees: 5000, eventName: '  Diwali mela ', organisationName: 'Seva Trust', kioskId: 'GATE-2', idleResetSeconds: 90 },
    });
    expect(reply).toEqual({
      ok: true,
      value: {
        organisationName: 'Seva Trust',
        eventId: '',
        eventName: 'Diwali mela',
        eventStartDate: '',
        kioskId: 'GATE-2',
        minAmountRupees: 51,
        maxAmountRupees: 5000,
        idleResetSeconds: 90,
        language: 'en',
        causes: [MAIN_CAUSE],
        goalRupees: 0,
        attractMessage: { en: '' },
        showDonorWall: false,
        feeCoverPercent: DEFAULT_KIOSK_CONFIG.feeCoverPercent,
        themeColor: '#123456',
        accentColor: DEFAULT_KIOSK_CONFIG.accentColor,
        updateInstallHour: null,
      },
    });
    const file = JSON.parse(readFileSync(configPath(kiosk), 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({ version: 1, themeColor: '#123456', gatewayTimeoutMs: 800, maxAmountRupees: 5000, eventName: 'Diwali mela', causes: [MAIN_CAUSE] });
    expect(file).not.toHaveProperty('checkoutTimeoutSeconds'); // defaults stay defaults

    expect(await kiosk.call('getKioskState')).toMatchObject({
      ok: true,
      value: { causes: [MAIN_CAUSE], presetAmountsRupees: [51, 101, 251], minAmountRupees: 51, maxAmountRupees: 5000, organisationName: 'Seva Trust', kioskId: 'GATE-2', idleResetSeconds: 90 },
    });
    expect(await kiosk.call('startDonation', { amountRupees: 6000, donor: { anonymous: true } })).toMatchObject({ ok: false, error: { code: 'amount_out_of_range' } });
    expect(await kiosk.call('startDonation', { amountRupees: 50, donor: { anonymous: true } })).toMatchObject({ ok: false, error: { code: 'amount_out_of_range' } });
    const started = await kiosk.call('startDonation', { amountRupees: 5000, donor: { anonymous: true } });
    expect(started).toMatchObject({ ok: true, value: { options: { name: 'Seva Trust', notes: { kiosk_id: 'GATE-2' } } } });

    // And after a restart, from the file.
    await kiosk.restart();
    expect(await kiosk.call('getKioskState')).toMatchObject({ ok: true, value: { causes: [MAIN_CAUSE], kioskId: 'GATE-2' } });
  });

  it('refuses a bad value or combination, naming the field and the problem, and changes nothing', async () => {
    kiosk = await startOperatorKiosk({ config: { gatewayTimeoutMs: 800 } });
    await kiosk.unlocked();
    const before = readFileSync(configPath(kiosk), 'utf8');
    const cause = (presetAmountsRupees: number[], extra: object = {}) => ({ ...MAIN_CAUSE, presetAmountsRupees, ...extra });
    const refused: [object, object][] = [
      [{ maxAmountRupees: 200 }, { path: 'settings.causes.0.presetAmountsRupees.1', problem: 'outside_limits' }], // 500 and 1000 above it
      [{ minAmountRupees: 2000, maxAmountRupees: 1000 }, { path: 'settings.minAmountRupees', problem: 'min_above_max' }],
      [{ causes: [] }, { path: 'settings.causes', problem: 'too_few', limit: 1 }],
      [{ causes: [cause([])] }, { path: 'settings.causes.0.presetAmountsRupees', problem: 'too_few', limit: 1 }],
      [{ causes: [cause([100.5])] }, { path: 'settings.causes.0.presetAmountsRupees.0', problem: 'not_whole' }],
      [{ causes: [cause([5])] }, { path: 'settings.causes.0.presetAmountsRupees.0', problem: 'outside_limits' }],
      [{ causes: [cause([100], { name: { en: '' } })] }, { path: 'settings.causes.0.name.en', problem: 'required' }],
      [{ causes: [cause([100]), cause([200], { id: 'other', name: { en: "children's EDUCATION" } })] }, { path: 'settings.causes.1.name.en', problem: 'duplicate' }],
      [{ kioskId: 'has space' }, { path: 'settings.kioskId', problem: 'format' }],
      [{ organisationName: '   ' }, { path: 'settings.organisationName', problem: 'required' }],
      [{ organisationName: 'x'.repeat(81) }, { path: 'settings.organisationName', problem: 'too_long', limit: 80 }],
      [{ idleResetSeconds: 5 }, { path: 'settings.idleResetSeconds', problem: 'too_small', limit: 10 }],
      [{ maxAmountRupees: 200_000 }, { path: 'settings.maxAmountRupees', problem: 'too_big', limit: 100_000 }],
      [{ themeColor: 'black' }, { path: 'settings.themeColor', problem: 'format' }],
      [{ eventStartDate: '2026-02-30' }, { path: 'settings.eventStartDate', problem: 'format' }],
      [{ checkoutTimeoutSeconds: 100 }, { path: 'settings.checkoutTimeoutSeconds', problem: 'unknown_choice' }], // not editable from the console
      [{ feeCoverPercent: 6 }, { path: 'settings.feeCoverPercent', problem: 'too_big', limit: 5 }],
      [{ attractMessage: { en: 'Hello', fr: 'Bonjour' } }, { path: 'settings.attractMessage.fr', problem: 'unknown_choice' }],
    ];
    for (const [settings, field] of refused) {
      const reply = await kiosk.services.dispatch('updateSettings', { settings });
      expect(reply, JSON.stringify(settings)).toMatchObject({ ok: false, error: { code: 'invalid_request', fields: expect.arrayContaining([field]) } });
    }
    expect(readFileSync(configPath(kiosk), 'utf8')).toBe(before);
    expect(await kiosk.call('getKioskState')).toMatchObject({ ok: true, value: { presetAmountsRupees: [100, 500, 1000], maxAmountRupees: 100_000 } });
  });

  it('sets causes, their names and their amounts in one place: the older fields are refused, not "saved" without effect', async () => {
    // Before: with a causes list saved, a new causeName or presetAmountsRupees was written and answered "saved" though donors never saw it.
    kiosk = await startOperatorKiosk({ config: { gatewayTimeoutMs: 800, causes: [{ ...MAIN_CAUSE, id: 'meals', name: 'Meals' }] } });
    await kiosk.unlocked();
    const before = readFileSync(configPath(kiosk), 'utf8');
    for (const settings of [{ causeName: 'Books' }, { presetAmountsRupees: [70, 80] }]) {
      expect(await kiosk.services.dispatch('updateSettings', { settings }), JSON.stringify(settings)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
    expect(readFileSync(configPath(kiosk), 'utf8')).toBe(before);
  });

  it("reads an older file's one cause from causeName and presetAmountsRupees, and drops them once causes are saved", async () => {
    kiosk = await startOperatorKiosk({ config: { gatewayTimeoutMs: 800, causeName: 'Clean water', presetAmountsRupees: [50, 150] } });
    await kiosk.unlocked();
    const overview = await kiosk.call('getOperatorOverview', {});
    const older = { id: 'main', name: { en: 'Clean water' }, description: { en: '' }, presetAmountsRupees: [50, 150] };
    expect(overview.ok && overview.value.settings.causes).toEqual([older]);
    const saved = await kiosk.call('updateSettings', { settings: { causes: [{ ...older, presetAmountsRupees: [60, 160] }] } });
    expect(saved.ok && saved.value.causes).toEqual([{ ...older, presetAmountsRupees: [60, 160] }]);
    const file = JSON.parse(readFileSync(configPath(kiosk), 'utf8')) as Record<string, unknown>;
    expect(file).not.toHaveProperty('causeName');
    expect(file).not.toHaveProperty('presetAmountsRupees');
    expect(await kiosk.call('getKioskState')).toMatchObject({ ok: true, value: { causeName: 'Clean water', presetAmountsRupees: [60, 160] } });
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
      expect(reply, logoDataUri.slice(0, 40)).toMatchObject({
        ok: false,
        error: { code: 'invalid_request', message: expect.stringContaining(mentions), fields: [{ path: 'settings.logoDataUri', problem: 'picture' }] },
      });
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
        error: { code: 'invalid_request', message: expect.stringContaining('the language must be one of: en, hi'), fields: [{ path: 'settings.language', problem: 'unknown_choice' }] },
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
