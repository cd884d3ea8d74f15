// The console's words for main's answers: a refusal field by field in the
// operator's language (never an internal name), numbers typed with grouping
// commas, what a save changed, and days shown day/month/year in India's time.
import { afterEach, describe, expect, it } from 'vitest';
import type { EditableSettings, KioskError } from '../../src-main/contract/kiosk-api.ts';
import { DEFAULT_KIOSK_CONFIG } from '../../src-main/domain/kiosk-config.ts';
import { editableSettingsOf } from '../../src-main/domain/settings-update.ts';
import { settingsChanges, receiptSettingsChanges } from '../../src-renderer/src/operator/changes.ts';
import { fieldErrorsOf, pathKind, problemText, wholeNumber } from '../../src-renderer/src/operator/field-problems.ts';
import { formatDateTime, formatDay, formatTime, indiaToday, mondayOffset, daysInMonth } from '../../src-renderer/src/operator/india-date.ts';
import { setLanguage } from '../../src-renderer/src/i18n/t.ts';
import { startOperatorKiosk, type OperatorKiosk } from './support/operator-kiosk.ts';

let kiosk: OperatorKiosk | null = null;
afterEach(async () => {
  setLanguage('en');
  await kiosk?.stop();
  kiosk = null;
});

const BASE: EditableSettings = editableSettingsOf(DEFAULT_KIOSK_CONFIG);

describe('refusals in plain words', () => {
  it("says each of main's refusals under its field, without the request's own prefix or any internal name", async () => {
    kiosk = await startOperatorKiosk();
    await kiosk.unlocked();
    const reply = await kiosk.call('updateSettings', { settings: { kioskId: 'has space', minAmountRupees: 5000, maxAmountRupees: 100, eventStartDate: '2026-02-30' } });
    if (reply.ok) throw new Error('accepted');
    const errors = fieldErrorsOf(reply.error, { prefix: 'settings', limits: { min: 5000, max: 100 } });
    expect(errors).toEqual({
      kioskId: 'Use 1 to 12 letters, digits or hyphens, like GATE-2.',
      eventStartDate: 'Choose a day on the calendar.',
    });
    // The cross-field rules come after each field passes its own (main merges first).
    const merged = await kiosk.call('updateSettings', { settings: { minAmountRupees: 5000, maxAmountRupees: 100 } });
    if (merged.ok) throw new Error('accepted');
    expect(fieldErrorsOf(merged.error, { prefix: 'settings', limits: { min: 5000, max: 100 } })).toEqual({
      minAmountRupees: 'The minimum must not be more than the maximum.',
      'causes.0.presetAmountsRupees.0': 'Must be from ₹5,000 to ₹100 (the minimum and maximum amounts).',
      'causes.0.presetAmountsRupees.1': 'Must be from ₹5,000 to ₹100 (the minimum and maximum amounts).',
      'causes.0.presetAmountsRupees.2': 'Must be from ₹5,000 to ₹100 (the minimum and maximum amounts).',
    });
    for (const text of [...Object.values(errors)]) expect(text).not.toMatch(/settings\.|kioskId|Rupees|invalid/);
  });

  it('speaks the operator’s language', () => {
    const error: KioskError = { code: 'invalid_request', message: 'settings.organisationName: Too big', retryable: false, fields: [{ path: 'settings.organisationName', problem: 'too_long', limit: 80 }] };
    expect(fieldErrorsOf(error, { prefix: 'settings' })).toEqual({ organisationName: 'Too long: at most 80 characters.' });
    setLanguage('hi');
    expect(fieldErrorsOf(error, { prefix: 'settings' })).toEqual({ organisationName: 'बहुत लंबा है: ज़्यादा से ज़्यादा 80 अक्षर।' });
  });

  it('words amounts as rupees and each field kind its own way', () => {
    expect(pathKind('causes.1.presetAmountsRupees.0')).toBe('causes.#.presetAmountsRupees.#');
    expect(problemText({ path: 'maxAmountRupees', problem: 'too_big', limit: 100_000 })).toBe('At most ₹1,00,000.');
    expect(problemText({ path: 'idleResetSeconds', problem: 'too_small', limit: 10 })).toBe('Too small: at least 10.');
    expect(problemText({ path: 'causes', problem: 'too_few', limit: 1 })).toBe('Keep at least one cause.');
    expect(problemText({ path: 'organisationPan', problem: 'format' })).toBe('A PAN has 10 characters, like AAATA1234F.');
    expect(problemText({ path: 'somethingElse', problem: 'format' })).toBe('This is not in the right form.');
  });

  it('reads whole numbers typed with spaces, ₹ and Indian or Western grouping, and nothing else', () => {
    expect(wholeNumber('2,500')).toBe(2500);
    expect(wholeNumber('1,00,000')).toBe(100_000);
    expect(wholeNumber(' ₹ 750 ')).toBe(750);
    for (const bad of ['', '2.5', '2,500.50', 'seven', '-5', '1e3']) expect(wholeNumber(bad), bad).toBeNull();
  });
});

describe('what a save changed', () => {
  it('names each changed setting, and causes by name with what about them changed', () => {
    const [first] = BASE.causes;
    if (!first) throw new Error('no default cause');
    const books = { id: 'books', name: { en: 'Library books' }, description: { en: '' }, presetAmountsRupees: [300] };
    const after: EditableSettings = {
      ...BASE,
      organisationName: 'Seva Trust',
      attractMessage: { en: '', hi: 'स्वागत है' },
      causes: [
        { ...first, name: { en: "Children's education", hi: 'बच्चों की शिक्षा' }, presetAmountsRupees: [50, 100] },
        books,
      ],
    };
    expect(settingsChanges(BASE, after)).toEqual([
      'Organisation name',
      'Welcome message (Hindi)',
      "Children's education: name (Hindi), amounts",
      'new cause Library books',
    ]);
    expect(settingsChanges(after, { ...after, causes: [...after.causes].reverse() })).toEqual(['order of the causes']);
    expect(settingsChanges(after, { ...after, causes: after.causes.filter((c) => c !== books) })).toEqual(['cause Library books removed']);
    expect(settingsChanges(BASE, BASE)).toEqual([]);
  });

  it('names the receipt settings that changed', () => {
    const before = { organisationAddress: '', organisationPan: '', registration80G: '', registration80GValidFrom: '', registration80GValidTo: '', printerName: '', receiptLayout: 'thermal-80mm' as const, acceptForeignContributions: false };
    expect(receiptSettingsChanges(before, { ...before, organisationPan: 'AAATA1234F', receiptLayout: 'a4' })).toEqual(['Organisation PAN', 'Receipt layout']);
  });
});

describe("India's days and times", () => {
  it('shows days day/month/year and times in India, whatever zone the computer is in', () => {
    expect(formatDay('2026-11-26')).toBe('26/11/2026');
    // 18:50 UTC on the 20th is 00:20 on the 21st in India.
    expect(formatDateTime('2026-11-20T18:50:00.000Z')).toBe('21/11/2026 00:20');
    expect(formatTime('2026-11-20T18:50:00.000Z')).toBe('00:20');
    expect(indiaToday(new Date('2026-11-20T18:50:00.000Z'))).toBe('2026-11-21');
    expect(indiaToday(new Date('2026-11-20T18:20:00.000Z'))).toBe('2026-11-20');
  });

  it('lays out a month for a calendar that starts on Monday', () => {
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    // 1 November 2026 is a Sunday; 1 December 2026 a Tuesday.
    expect(mondayOffset(2026, 11)).toBe(6);
    expect(mondayOffset(2026, 12)).toBe(1);
  });
});
