// Cause names, descriptions and the welcome message per language: older files
// with plain strings still load, the operator's translations reach the donor
// screens, an empty translation falls back to English, and what the ledger,
// Razorpay's notes and the receipt record stays the English name.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CauseInfo, CheckoutSession, KioskState, LocalizedText, Result } from '../../src-main/contract/kiosk-api.ts';
import { CONFIG_FILE_NAME } from '../../src-main/domain/kiosk-config.ts';
import { localized } from '../../src-renderer/src/i18n/localized.ts';
import { setLanguage } from '../../src-renderer/src/i18n/t.ts';
import { kioskPerTest } from './support/kiosk-under-test.ts';
import { startOperatorKiosk, type OperatorKiosk } from './support/operator-kiosk.ts';

const harness = kioskPerTest();
let operatorKiosk: OperatorKiosk | null = null;
afterEach(async () => {
  setLanguage('en');
  await operatorKiosk?.stop();
  operatorKiosk = null;
});

const MEALS: CauseInfo = {
  id: 'meals',
  name: { en: 'Mid-day meals', hi: 'मध्याह्न भोजन' },
  description: { en: 'A hot meal at school', hi: 'स्कूल में गरम भोजन' },
  presetAmountsRupees: [100, 250],
};

async function kioskState(): Promise<KioskState> {
  const reply = (await harness.call('getKioskState', null)) as Result<KioskState>;
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

describe('per-language texts in the settings file', () => {
  it('an older file with plain strings loads them as the English text', async () => {
    await harness.start({
      causes: [{ id: 'books', name: 'Library books', description: 'Books for a village library', presetAmountsRupees: [300] }],
      attractMessage: 'Thank you for stopping by',
    });
    const state = await kioskState();
    expect(state.causes).toEqual([{ id: 'books', name: { en: 'Library books' }, description: { en: 'Books for a village library' }, presetAmountsRupees: [300] }]);
    expect(state.attractMessage).toEqual({ en: 'Thank you for stopping by' });
  });

  it('keeps each language the operator gave, and drops an empty translation so English shows instead', async () => {
    await harness.start({
      causes: [{ ...MEALS, description: { en: 'A hot meal at school', hi: '  ' } }],
      attractMessage: { en: 'Welcome', hi: 'स्वागत है' },
    });
    const state = await kioskState();
    expect(state.causes[0]?.name).toEqual({ en: 'Mid-day meals', hi: 'मध्याह्न भोजन' });
    expect(state.causes[0]?.description).toEqual({ en: 'A hot meal at school' });
    expect(state.attractMessage).toEqual({ en: 'Welcome', hi: 'स्वागत है' });
  });

  it('records the English name in the ledger, the order notes and Checkout, whatever the donor reads', async () => {
    const kiosk = await harness.start({ causes: [MEALS], feeCoverPercent: 0 });
    const started = (await harness.call('startDonation', { amountRupees: 100, donor: { anonymous: true }, causeId: 'meals' })) as Result<CheckoutSession>;
    if (!started.ok) throw new Error(started.error.message);
    expect(started.value.options.description).toBe('Donation: Mid-day meals');
    expect(kiosk.simulator.getOrder(started.value.options.order_id)?.notes).toMatchObject({ cause: 'Mid-day meals', cause_id: 'meals' });
    expect(kiosk.services.ledger.get(started.value.donationId)).toMatchObject({ cause: 'Mid-day meals' });
  });
});

describe('updateSettings with per-language texts', () => {
  it('saves the Hindi name and message, and the donor screens get them', async () => {
    operatorKiosk = await startOperatorKiosk();
    await operatorKiosk.unlocked();
    const reply = await operatorKiosk.call('updateSettings', { settings: { causes: [MEALS], attractMessage: { en: 'Welcome', hi: 'स्वागत है' } } });
    expect(reply.ok).toBe(true);
    const file = JSON.parse(readFileSync(join(operatorKiosk.dataDir, CONFIG_FILE_NAME), 'utf8')) as { causes: CauseInfo[]; attractMessage: LocalizedText };
    expect(file.causes[0]?.name).toEqual(MEALS.name);
    expect(file.attractMessage).toEqual({ en: 'Welcome', hi: 'स्वागत है' });
    const state = await operatorKiosk.call('getKioskState');
    expect(state.ok && state.value.causes[0]?.name).toEqual(MEALS.name);
  });

  it('refuses a language the kiosk does not have, or a cause without an English name, and writes nothing', async () => {
    operatorKiosk = await startOperatorKiosk();
    await operatorKiosk.unlocked();
    const before = readFileSync(join(operatorKiosk.dataDir, CONFIG_FILE_NAME), { flag: 'a+' }).toString();
    const unknownLanguage = await operatorKiosk.call('updateSettings', { settings: { attractMessage: { en: 'Welcome', fr: 'Bienvenue' } } });
    expect(unknownLanguage).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const noEnglish = await operatorKiosk.call('updateSettings', { settings: { causes: [{ ...MEALS, name: { en: ' ', hi: 'भोजन' } }] } });
    expect(noEnglish).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(readFileSync(join(operatorKiosk.dataDir, CONFIG_FILE_NAME), { flag: 'a+' }).toString()).toBe(before);
  });
});

describe('localized()', () => {
  it('shows the asked language, and English when that language is missing or blank', () => {
    expect(localized(MEALS.name, 'hi')).toBe('मध्याह्न भोजन');
    expect(localized(MEALS.name, 'en')).toBe('Mid-day meals');
    expect(localized({ en: 'Scholarships' }, 'hi')).toBe('Scholarships');
    expect(localized({ en: 'Scholarships', hi: ' ' }, 'hi')).toBe('Scholarships');
  });

  it("follows the donor's current language when none is named", () => {
    expect(localized(MEALS.name)).toBe('Mid-day meals');
    setLanguage('hi');
    expect(localized(MEALS.name)).toBe('मध्याह्न भोजन');
  });
});
