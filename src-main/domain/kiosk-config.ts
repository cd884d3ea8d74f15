// The kiosk's own settings, read from kiosk-config.json in its data folder.
// Amount limits live here, in main: the renderer proposes an amount, main
// decides whether it is allowed.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { LocalizedText } from '../contract/kiosk-api.ts';
import { logoProblem } from './logo.ts';
import { checkPan } from './receipts/tax-id.ts';
import { problemParams } from './field-problems.ts';
import { parseIndianDay } from '../../src-shared/india-time.ts';

/** Razorpay's minimum order is ₹1; UPI merchant payments stop at ₹1,00,000. */
const RAZORPAY_MIN_RUPEES = 1;
const UPI_MAX_RUPEES = 100_000;

const Rupees = z.number().int().min(RAZORPAY_MIN_RUPEES).max(UPI_MAX_RUPEES);

/** The languages the donor screens can be shown in: one per catalogue in src-renderer/src/i18n/locales (tests/unit/i18n.test.ts checks they agree). */
export const SUPPORTED_LANGUAGES = ['en', 'hi'] as const;
export type KioskLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/**
 * Text the operator enters per language (the contract's LocalizedText): English,
 * required when `required`, and any other supported language, optional. A
 * plain string (files written before per-language text) is the English text;
 * an empty translation is dropped, so the donor screens fall back to English.
 */
export function localizedTextSchema(options: { maxLength: number; required: boolean }) {
  const text = z.string().trim().max(options.maxLength);
  const perLanguage = z.partialRecord(z.enum(SUPPORTED_LANGUAGES), text);
  return z.preprocess((value) => (typeof value === 'string' ? { en: value } : value), perLanguage).transform((entries, context): LocalizedText => {
    const english = entries.en ?? '';
    if (options.required && english === '') {
      context.addIssue({ code: 'custom', path: ['en'], message: 'the English text is required', ...problemParams('required') });
      return z.NEVER;
    }
    const localized: LocalizedText = { en: english };
    for (const code of SUPPORTED_LANGUAGES) {
      const translation = entries[code];
      if (code !== 'en' && translation !== undefined && translation !== '') localized[code] = translation;
    }
    return localized;
  });
}

/** A PNG or JPEG data URI of at most 256 KB (logo.ts); with `emptyRemoves`, "" is accepted too (it removes the logo). */
export function logoDataUriSchema(options: { emptyRemoves: boolean; what?: string }) {
  return z.string().superRefine((uri, context) => {
    if (options.emptyRemoves && uri === '') return;
    const problem = logoProblem(uri, options.what);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem, ...problemParams('picture') });
  });
}

// ---- receipts (80G, printing, FCRA) ----
/** A day, YYYY-MM-DD (India's calendar: src-shared/india-time.ts), or "" for none. */
const ConfigDay = z.string().refine((day) => day === '' || parseIndianDay(day) !== null, 'must be a real day like 2026-04-01');
/** The receipt settings' own rules; the cross-field rules are in KioskConfigSchema. */
export const ReceiptConfigFields = {
  /** Printed on every receipt. */
  organisationAddress: z.string().trim().max(300),
  organisationPan: z.string().trim().refine((pan) => pan === '' || checkPan(pan).ok, 'must be a PAN like AAATA1234F').transform((pan) => pan.toUpperCase()),
  /** The 80G approval number (the URN in Form 10BD). */
  registration80G: z.string().trim().max(100),
  registration80GValidFrom: ConfigDay,
  registration80GValidTo: ConfigDay,
  /** The system name of the receipt printer; "" = none (receipts are saved as PDF). */
  printerName: z.string().trim().max(200),
  receiptLayout: z.enum(['thermal-80mm', 'a4']),
  /** Only for FCRA-registered charities (kiosk-domain.md §4.4). */
  acceptForeignContributions: z.boolean(),
};
/** One cause donors can give to; with two or more, the donor picks one before the amount. */
export const CauseSchema = z
  .object({
    /** Stable, short and plain: it travels in the order notes and the ledger. */
    id: z.string().regex(/^[a-z0-9-]{1,24}$/, 'a cause id is 1-24 lower-case letters, digits or hyphens'),
    name: localizedTextSchema({ maxLength: 60, required: true }),
    description: localizedTextSchema({ maxLength: 140, required: false }),
    imageDataUri: logoDataUriSchema({ emptyRemoves: false, what: 'cause picture' }).optional(),
    presetAmountsRupees: z.array(Rupees).min(1).max(6),
  })
  .strict();
export type Cause = z.infer<typeof CauseSchema>;
/** The causes, in the donor's order: one at least, at most six. */
export const CausesSchema = z.array(CauseSchema).min(1).max(6);

/** The one cause of a new kiosk, and of an older file that named neither `causes` nor `causeName`. */
export const DEFAULT_CAUSE: Cause = { id: 'main', name: { en: "Children's education" }, description: { en: '' }, presetAmountsRupees: [100, 500, 1000] };

/** A colour as #rrggbb; the renderer darkens it if needed so text on and in it stays readable (WCAG AA). */
const HexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written like #9a3412');

/** Short and plain, like the kiosk id: it goes into every order's notes and the kiosk-id claim's receipt. */
export const EVENT_ID_PATTERN = /^[A-Za-z0-9-]{1,24}$/;
const EventId = z.union([z.literal(''), z.string().trim().regex(EVENT_ID_PATTERN, 'The event id is 1-24 letters, digits or hyphens, e.g. DIWALI-MELA-2026')]);

/** The file format's version; files without it (written before the operator console) are read as version 1. */
export const CONFIG_FILE_VERSION = 1;

/** Every field and its own rule; the cross-field rules are in KioskConfigSchema. */
export const KioskConfigFields = z
  .object({
    version: z.literal(CONFIG_FILE_VERSION).optional(),
    // Goes into every receipt (≤40 chars in all), so it is short and plain.
    kioskId: z.string().regex(/^[A-Za-z0-9-]{1,12}$/, 'kioskId: 1-12 letters, digits or hyphens'),
    organisationName: z.string().trim().min(1).max(80),
    /** Older files only: the one cause's name, when there was no `causes` list (read into `causes`, never written). */
    causeName: z.string().trim().min(1).max(80).optional(),
    /**
     * The event every kiosk of the charity shares (docs/operator.md, "Several kiosks at one event"): it travels
     * in every order's notes, so each kiosk can read the whole event's totals from Razorpay. "" = this kiosk alone.
     */
    eventId: EventId,
    /** Shown to the operator and in exports; may be empty. */
    eventName: z.string().trim().max(80),
    /** Local day (YYYY-MM-DD) the current event began; the console totals "this event" from it. "" = no event. */
    eventStartDate: ConfigDay,
    /** Older files only: the one cause's amounts, when there was no `causes` list (read into `causes`, never written). */
    presetAmountsRupees: z.array(Rupees).min(1).max(6).optional(),
    minAmountRupees: Rupees,
    maxAmountRupees: Rupees,
    /** Checkout closes itself after this long; the donor sees "timed out". */
    checkoutTimeoutSeconds: z.number().int().min(60).max(900),
    checkoutScriptLoadTimeoutMs: z.number().int().min(1_000).max(60_000),
    /** Per request to Razorpay. A donor is waiting, so it is short. */
    gatewayTimeoutMs: z.number().int().min(500).max(60_000),
    resultScreenSeconds: z.number().int().min(5).max(300),
    /** On the amount and details screens: this long without a touch or key press, and "Are you still there?" appears. */
    idleResetSeconds: z.number().int().min(10).max(600),
    /** The prompt's countdown: when it ends, everything the donor entered is cleared and the kiosk returns to welcome. */
    idlePromptSeconds: z.number().int().min(5).max(60),
    /** How often unsettled donations are checked against Razorpay (also at start-up and when the network returns). */
    reconcileIntervalSeconds: z.number().int().min(1).max(3600),
    /** While offline, how often the kiosk asks Razorpay whether it is back. */
    connectivityProbeSeconds: z.number().int().min(1).max(300),
    /** Checkout's accent and the donor screens' main colour. */
    themeColor: HexColour,
    /** The donor screens' language. */
    language: z.enum(SUPPORTED_LANGUAGES, { message: `the language must be one of: ${SUPPORTED_LANGUAGES.join(', ')}` }),
    /** Shown on the welcome screen and in Checkout; absent means no logo. */
    logoDataUri: logoDataUriSchema({ emptyRemoves: false }).optional(),
    ...ReceiptConfigFields,
    /** The causes donors choose from, each with its preset amounts: the one place they are set. Absent or empty in older files (see `causeName`). */
    causes: z.array(CauseSchema).max(6).optional(),
    /** The event's goal in rupees for the welcome screen's progress bar; 0 = no goal shown. */
    goalRupees: z.number().int().min(0).max(1_000_000_000),
    /** The charity's message on the welcome screen (may be empty). */
    attractMessage: localizedTextSchema({ maxLength: 200, required: false }),
    /** Show recent donors' first names (or "Anonymous") on the welcome screen. */
    showDonorWall: z.boolean(),
    /** The processing fee a donor may choose to add, in percent of the gift; 0 turns the offer off. */
    feeCoverPercent: z.number().min(0).max(5).multipleOf(0.01),
    /** The second brand colour (progress bar, highlights); `themeColor` is the main one. */
    accentColor: HexColour,
    /** A background picture for the donor screens (PNG or JPEG data URI, at most 256 KB). */
    backgroundDataUri: logoDataUriSchema({ emptyRemoves: false, what: 'background picture' }).optional(),
    /** Updates install only in this local hour (0-23), while the kiosk is idle; null = whenever the kiosk is idle. */
    updateInstallHour: z.number().int().min(0, 'The install hour is 0 to 23').max(23, 'The install hour is 0 to 23').nullable(),
  })
  .strict();
type ConfigFields = z.output<typeof KioskConfigFields>;

/** The causes a file describes: its `causes`, or (older files) the one `causeName` cause with `presetAmountsRupees`. */
function causesIn(fields: Pick<ConfigFields, 'causes' | 'causeName' | 'presetAmountsRupees'>): { causes: Cause[]; legacy: boolean } {
  if (fields.causes !== undefined && fields.causes.length > 0) return { causes: fields.causes, legacy: false };
  return {
    causes: [{ ...DEFAULT_CAUSE, name: { en: fields.causeName ?? DEFAULT_CAUSE.name.en }, presetAmountsRupees: fields.presetAmountsRupees ?? DEFAULT_CAUSE.presetAmountsRupees }],
    legacy: true,
  };
}

/**
 * The whole file: every field's own rule, the rules between fields, and the
 * causes in one place (`causes`, read from `causeName` in older files).
 */
export const KioskConfigSchema = KioskConfigFields.superRefine((c, context) => {
  const problem = (path: (string | number)[], message: string, code: Parameters<typeof problemParams>[0]): void => {
    context.addIssue({ code: 'custom', path, message, ...problemParams(code) });
  };
  if (c.minAmountRupees > c.maxAmountRupees) problem(['minAmountRupees'], 'minAmountRupees must not exceed maxAmountRupees', 'min_above_max');
  const { causes, legacy } = causesIn(c);
  causes.forEach((cause, i) => {
    cause.presetAmountsRupees.forEach((amount, j) => {
      if (amount < c.minAmountRupees || amount > c.maxAmountRupees) {
        problem(legacy ? ['presetAmountsRupees', j] : ['causes', i, 'presetAmountsRupees', j], 'every preset amount must lie within the limits', 'outside_limits');
      }
    });
    if (causes.findIndex((other) => other.id === cause.id) < i) problem(['causes', i, 'id'], 'two causes have the same id', 'duplicate');
    if (causes.findIndex((other) => other.name.en.toLowerCase() === cause.name.en.toLowerCase()) < i) problem(['causes', i, 'name', 'en'], 'two causes have the same name', 'duplicate');
  });
  if (c.registration80GValidFrom !== '' && c.registration80GValidTo !== '' && c.registration80GValidFrom > c.registration80GValidTo) {
    problem(['registration80GValidTo'], 'the 80G validity must not end before it starts', 'ends_before_start');
  }
  // The kiosks read the event's orders from Razorpay from its first day on.
  if (c.eventId !== '' && c.eventStartDate === '') problem(['eventStartDate'], 'an event id needs the event start date', 'required');
}).transform((fields) => {
  const config: Omit<ConfigFields, 'causes' | 'causeName' | 'presetAmountsRupees'> & { causes: Cause[]; causeName?: string; presetAmountsRupees?: number[] } = { ...fields, causes: causesIn(fields).causes };
  // The older fields are read into `causes` above; the kiosk runs on `causes` alone.
  delete config.causeName;
  delete config.presetAmountsRupees;
  return config as Omit<ConfigFields, 'causes' | 'causeName' | 'presetAmountsRupees'> & { causes: Cause[] };
});

export type KioskConfig = z.output<typeof KioskConfigSchema>;
/** What a kiosk-config.json may hold: texts may still be plain strings (English), as older files wrote them. */
export type KioskConfigFile = z.input<typeof KioskConfigSchema>;

export const DEFAULT_KIOSK_CONFIG: KioskConfig = {
  kioskId: 'KIOSK-1',
  organisationName: 'Asha Education Trust',
  eventId: '',
  eventName: '',
  eventStartDate: '',
  causes: [DEFAULT_CAUSE],
  minAmountRupees: 10,
  maxAmountRupees: 100_000,
  checkoutTimeoutSeconds: 300,
  checkoutScriptLoadTimeoutMs: 10_000,
  gatewayTimeoutMs: 10_000,
  resultScreenSeconds: 20,
  idleResetSeconds: 60,
  idlePromptSeconds: 15,
  reconcileIntervalSeconds: 60,
  connectivityProbeSeconds: 15,
  themeColor: '#9a3412', // the renderer's --primary, so Checkout looks like part of the kiosk
  language: 'en',
  organisationAddress: '',
  organisationPan: '',
  registration80G: '',
  registration80GValidFrom: '',
  registration80GValidTo: '',
  printerName: '',
  receiptLayout: 'thermal-80mm',
  acceptForeignContributions: false,
  goalRupees: 0,
  attractMessage: { en: '' },
  showDonorWall: false,
  // Razorpay's standard domestic fee is about 2%.
  feeCoverPercent: 2,
  accentColor: '#0f766e',
  updateInstallHour: null,
};

export const CONFIG_FILE_NAME = 'kiosk-config.json';

export type ConfigLoadResult = { ok: true; config: KioskConfig; ignored: string[] } | { ok: false; message: string };

/**
 * Settings older kiosks kept that no longer exist, and why: a file that still
 * holds one loads, the setting is ignored, and the kiosk logs it.
 */
export const RETIRED_SETTINGS: Readonly<Record<string, string>> = {
  // Issue 14: a console override let anyone with the PIN point updates at any https address.
  updateFeedUrl: 'the update address is fixed when the kiosk is built',
};

/** The file's settings without the retired ones, and which of those it held. */
export function withoutRetiredSettings(raw: Record<string, unknown>): { settings: Record<string, unknown>; ignored: string[] } {
  const retired = (key: string) => Object.hasOwn(RETIRED_SETTINGS, key);
  return {
    settings: Object.fromEntries(Object.entries(raw).filter(([key]) => !retired(key))),
    ignored: Object.keys(raw).filter(retired),
  };
}

/** Defaults, overlaid with the file if there is one. A bad file is an error, never silently ignored; a retired setting is ignored and named. */
export function loadKioskConfig(dataDir: string): ConfigLoadResult {
  const path = join(dataDir, CONFIG_FILE_NAME);
  if (!existsSync(path)) return { ok: true, config: DEFAULT_KIOSK_CONFIG, ignored: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { ok: false, message: `${path} is not valid JSON: ${(error as Error).message}` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, message: `${path} does not hold a JSON object` };
  const { settings, ignored } = withoutRetiredSettings(raw as Record<string, unknown>);
  const parsed = KioskConfigSchema.safeParse(withDefaults(settings));
  if (!parsed.success) return { ok: false, message: `${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  return { ok: true, config: parsed.data, ignored: ignored.map((key) => `${key} (${RETIRED_SETTINGS[key] ?? 'retired'})`) };
}

/**
 * The defaults, overlaid with a file's fields. An older file that names its one
 * cause by `causeName` (or its amounts by `presetAmountsRupees`) and has no
 * `causes` keeps that cause rather than the default one.
 */
export function withDefaults(file: Record<string, unknown>): Record<string, unknown> {
  const { causes: defaultCauses, ...defaults } = DEFAULT_KIOSK_CONFIG;
  const namesOwnCause = !Array.isArray(file['causes']) || file['causes'].length === 0 ? 'causeName' in file || 'presetAmountsRupees' in file : false;
  return { ...defaults, ...(namesOwnCause ? {} : { causes: defaultCauses }), ...file };
}
