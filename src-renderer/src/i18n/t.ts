/// <reference types="vite/client" />
// The one way screens read text: i18next over the catalogues in ./locales.
//
// Every file in ./locales is one language (found by import.meta.glob, so a
// third language is one new file). Keys are flat ("amount.heading"), so
// i18next's key and namespace separators are off; placeholders keep the
// catalogue's `{name}` form; plurals are i18next's, with `.one` / `.other`
// suffixes chosen by Intl.PluralRules for the current language (Hindi counts
// 0 as "one", English does not).
import i18next, { type TFunction } from 'i18next';
import type { Catalogue, LocaleInfo, LocaleModule, MessageKey } from './catalogue.ts';

export type { MessageKey } from './catalogue.ts';
export type MessageParams = Readonly<Record<string, string | number>>;

export const DEFAULT_LANGUAGE = 'en';

const modules = import.meta.glob<LocaleModule>('./locales/*.ts', { eager: true });

/** The languages the donor can choose, English first, then by code. */
export const LOCALES: readonly LocaleInfo[] = Object.values(modules)
  .map((m) => m.locale)
  .sort((a, b) => (a.code === DEFAULT_LANGUAGE ? -1 : b.code === DEFAULT_LANGUAGE ? 1 : a.code.localeCompare(b.code)));

const catalogues = new Map<string, Catalogue>(Object.values(modules).map((m) => [m.locale.code, m.messages]));

const i18n = i18next.createInstance();
void i18n.init({
  resources: Object.fromEntries([...catalogues].map(([code, messages]) => [code, { translation: messages }])),
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  // Everything is in memory: initialise synchronously so the first render has its text.
  initAsync: false,
  keySeparator: false,
  nsSeparator: false,
  pluralSeparator: '.',
  // React escapes what it renders; i18next must not escape twice.
  interpolation: { prefix: '{', suffix: '}', escapeValue: false },
});

let current: LocaleInfo = LOCALES.find((l) => l.code === DEFAULT_LANGUAGE) ?? { code: DEFAULT_LANGUAGE, nativeName: 'English', intlLocale: 'en-IN' };
let translate: TFunction = i18n.getFixedT(current.code);

/** Switches every later t() and formatRupees() call; an unknown code falls back to English. Returns the code in force. */
export function setLanguage(code: string): string {
  const next = LOCALES.find((l) => l.code === code) ?? LOCALES.find((l) => l.code === DEFAULT_LANGUAGE);
  if (next && next.code !== current.code) {
    current = next;
    translate = i18n.getFixedT(next.code);
  }
  return current.code;
}

export function currentLanguage(): LocaleInfo {
  return current;
}

const PLURAL_KEY = /^(.+)\.(one|other)$/;

/**
 * The message for `key` in the current language, with each `{name}` filled
 * from `params`. A plural key (`x.one` / `x.other`) given a number `n` is
 * resolved by the current language's plural rules, whichever form was asked for.
 */
export function t(key: MessageKey, params?: MessageParams): string {
  const plural = PLURAL_KEY.exec(key);
  if (plural && typeof params?.['n'] === 'number') {
    return String(translate(plural[1] as string, { ...params, count: params['n'] }));
  }
  return String(translate(key as string, { ...params }));
}

/** "... in 1 second" / "... in 5 seconds". */
export function tCount(base: 'countdown', n: number): string {
  return t(`${base}.other`, { n });
}

const rupeeFormats = new Map<string, Intl.NumberFormat>();

/** ₹1,00,000, in the current language's digits and grouping. */
export function formatRupees(amount: number): string {
  let format = rupeeFormats.get(current.intlLocale);
  if (!format) {
    format = new Intl.NumberFormat(current.intlLocale, { style: 'currency', currency: 'INR', maximumFractionDigits: 0 });
    rupeeFormats.set(current.intlLocale, format);
  }
  return format.format(amount);
}

/**
 * Digits as the donor types them, in Indian grouping ("100000" → "1,00,000"):
 * the last three, then pairs. Only commas are added, so the digits map one to
 * one onto what is shown (the on-screen keypad's caret relies on it).
 */
export function formatGrouped(digits: string): string {
  if (digits.length <= 3) return digits;
  const head = digits.slice(0, -3);
  const pairs = head.replace(/\B(?=(\d{2})+$)/g, ',');
  return `${pairs},${digits.slice(-3)}`;
}

/** "4:05 pm" from an ISO time, in India's time and the current language's way; the text itself if it is not a time. */
export function formatClockTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleTimeString(current.intlLocale, { hour: 'numeric', minute: '2-digit', timeZone: 'Asia/Kolkata' });
}
