// The kiosk's days and times are India's (Asia/Kolkata, UTC+05:30, with no
// daylight saving since 1945), whatever zone the kiosk computer's clock is set
// to: a day's totals, an export's range, the event's start, the financial year
// and every date a person reads. Days travel as YYYY-MM-DD; people read them
// as day/month/year (the console's date picker, receipts, reports); the CSV
// carries full ISO 8601 times with the +05:30 offset.
// Written once for both processes: main counts days and writes receipts and
// files with it; the console shows days and times with it
// (src-renderer/src/operator/india-date.ts). Plain TypeScript, no imports.

export const INDIA_UTC_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;
const INDIA_OFFSET_TEXT = '+05:30';
const DAY_MS = 24 * 60 * 60 * 1000;

export interface IndianDate {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

const two = (n: number): string => String(n).padStart(2, '0');

/** The Indian calendar date of an instant. */
export function indianDate(epochMs: number): IndianDate {
  const shifted = new Date(epochMs + INDIA_UTC_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** YYYY-MM-DD in Indian time. */
export function isoIndianDay(epochMs: number): string {
  const { year, month, day } = indianDate(epochMs);
  return `${year}-${two(month)}-${two(day)}`;
}

/** 26/11/2026: the date as people in India write it. */
export function formatIndianDate(epochMs: number): string {
  const { year, month, day } = indianDate(epochMs);
  return `${two(day)}/${two(month)}/${year}`;
}

/** 14:05, Indian time. */
export function formatIndianTime(epochMs: number): string {
  const shifted = new Date(epochMs + INDIA_UTC_OFFSET_MS);
  return `${two(shifted.getUTCHours())}:${two(shifted.getUTCMinutes())}`;
}

/** 26/11/2026 14:05, Indian time. */
export function formatIndianDateTime(epochMs: number): string {
  return `${formatIndianDate(epochMs)} ${formatIndianTime(epochMs)}`;
}

/** 2026-11-26T14:05:09+05:30: ISO 8601 with India's offset, for files a spreadsheet or an accountant reads. */
export function indianTimestamp(epochMs: number): string {
  const shifted = new Date(epochMs + INDIA_UTC_OFFSET_MS);
  return `${isoIndianDay(epochMs)}T${two(shifted.getUTCHours())}:${two(shifted.getUTCMinutes())}:${two(shifted.getUTCSeconds())}${INDIA_OFFSET_TEXT}`;
}

/** A YYYY-MM-DD that names a real day, or null. */
export function parseIndianDay(text: string): IndianDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? { year, month, day } : null;
}

/** Midnight to the next midnight, Indian time, of a YYYY-MM-DD day; null when there is no such day. */
export function indianDayRange(text: string): { from: number; to: number } | null {
  const day = parseIndianDay(text);
  if (day === null) return null;
  const from = Date.UTC(day.year, day.month - 1, day.day) - INDIA_UTC_OFFSET_MS;
  return { from, to: from + DAY_MS };
}

/** The Indian day (midnight to midnight) an instant falls in. */
export function indianDayRangeAt(epochMs: number): { from: number; to: number } {
  return indianDayRange(isoIndianDay(epochMs)) as { from: number; to: number };
}

/** From the first day's midnight to the midnight after the last day (both YYYY-MM-DD, Indian time); null when either is no day or the last is before the first. */
export function indianPeriod(firstDay: string, lastDay: string): { from: number; to: number } | null {
  const first = indianDayRange(firstDay);
  const last = indianDayRange(lastDay);
  if (first === null || last === null || first.from > last.from) return null;
  return { from: first.from, to: last.to };
}
