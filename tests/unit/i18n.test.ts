// Every language has every English key, with the same placeholders; the
// catalogues are found on disk, as the renderer finds them, so a new language
// file is checked without touching this test.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, afterEach } from 'vitest';
import { en } from '../../src-renderer/src/i18n/en.ts';
import type { LocaleModule } from '../../src-renderer/src/i18n/catalogue.ts';
import { formatRupees, LOCALES, setLanguage, t, tCount } from '../../src-renderer/src/i18n/t.ts';
import { SUPPORTED_LANGUAGES } from '../../src-main/domain/kiosk-config.ts';

const localesDir = join(import.meta.dirname, '../../src-renderer/src/i18n/locales');
const files = readdirSync(localesDir).filter((f) => f.endsWith('.ts'));
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();

const loaded = await Promise.all(
  files.map(async (file) => ({ file, module: (await import(pathToFileURL(join(localesDir, file)).href)) as LocaleModule })),
);

afterEach(() => {
  setLanguage('en');
});

describe('message catalogues', () => {
  it('has English and Hindi, and main accepts exactly the languages there are files for', () => {
    const codes = loaded.map((l) => l.module.locale.code).sort();
    expect(codes).toEqual(expect.arrayContaining(['en', 'hi']));
    expect([...SUPPORTED_LANGUAGES].sort()).toEqual(codes);
    expect(LOCALES.map((l) => l.code).sort()).toEqual(codes);
  });

  for (const { file, module } of loaded) {
    describe(file, () => {
      it('names itself by its file name', () => {
        expect(`${module.locale.code}.ts`).toBe(file);
      });

      it('has every English key and no other, none empty', () => {
        const keys = Object.keys(module.messages).sort();
        const missing = Object.keys(en).filter((k) => !(k in module.messages));
        const extra = keys.filter((k) => !(k in en));
        expect(missing, `missing in ${file}`).toEqual([]);
        expect(extra, `unknown keys in ${file}`).toEqual([]);
        for (const [key, text] of Object.entries(module.messages)) expect(text.trim(), `${file}: ${key}`).not.toBe('');
      });

      it('keeps the same placeholders as English in every message', () => {
        for (const [key, english] of Object.entries(en)) {
          const text = (module.messages as Record<string, string>)[key] ?? '';
          // A plural form may show its count or not (English "1 donation" is fixed text; Hindi's "one" form also covers 0).
          const ignore = /\.(one|other)$/.test(key) ? ['n'] : [];
          const own = (s: string) => placeholders(s).filter((p) => !ignore.includes(p));
          expect(own(text), `${file}: ${key}`).toEqual(own(english));
        }
      });
    });
  }
});

describe('t() and formatRupees()', () => {
  it('fills {name} placeholders in the chosen language', () => {
    expect(t('amount.summary', { amount: '₹500' })).toBe('You are giving ₹500');
    setLanguage('hi');
    expect(t('amount.summary', { amount: '₹500' })).toBe('आप ₹500 दे रहे हैं');
  });

  it('chooses plural forms by each language’s rules, not by the key asked for', () => {
    expect(tCount('countdown', 1)).toBe('Returning to the start in 1 second');
    expect(t('operator.today.paidCount.other', { n: 1 })).toBe('1 paid donation');
    expect(t('operator.today.paidCount.one', { n: 0 })).toBe('0 paid donations');
    setLanguage('hi');
    // Hindi counts 0 with 1 ("one"); 2 and more are "other".
    expect(t('pinpad.entered.other', { n: 0 })).toBe('0 अंक डाला गया');
    expect(t('pinpad.entered.one', { n: 2 })).toBe('2 अंक डाले गए');
  });

  it('formats rupees for en-IN and hi-IN with Indian grouping', () => {
    expect(formatRupees(100000)).toBe('₹1,00,000');
    setLanguage('hi');
    expect(formatRupees(1250)).toBe('₹1,250');
  });

  it('falls back to English for a language it has no catalogue for', () => {
    expect(setLanguage('xx')).toBe('en');
    expect(t('thanks.heading')).toBe('Thank you!');
  });
});
