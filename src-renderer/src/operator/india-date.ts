// Days and times as the console shows them: India's, written day/month/year,
// whatever zone the kiosk computer's clock is set to. The rule is main's too
// and is written once, in src-shared/india-time.ts; here are only the console's
// own shapes (ISO instants from main, the calendar's month grid). Days travel
// to main as YYYY-MM-DD.
import {
  formatIndianDate,
  formatIndianDateTime,
  formatIndianTime,
  indianDayRange,
  isoIndianDay,
  parseIndianDay,
  type IndianDate,
} from '../../../src-shared/india-time.ts';

/** Today in India, YYYY-MM-DD. */
export function indiaToday(now: Date = new Date()): string {
  return isoIndianDay(now.getTime());
}

/** "2026-11-26" → "26/11/2026"; anything that is no day as it is. */
export function formatDay(day: string): string {
  const range = indianDayRange(day);
  return range ? formatIndianDate(range.from) : day;
}

/** An ISO instant, or the text itself when it is not one, in India's terms. */
function formatInstant(iso: string, format: (epochMs: number) => string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : format(at);
}

/** An ISO instant as India's "26/11/2026 14:05". */
export function formatDateTime(iso: string): string {
  return formatInstant(iso, formatIndianDateTime);
}

/** An ISO instant as India's "14:05". */
export function formatTime(iso: string): string {
  return formatInstant(iso, formatIndianTime);
}

/** A calendar day (no time zone: the numbers are the day's). */
export type CalendarDay = IndianDate;

/** A YYYY-MM-DD that names a real day, or null. */
export const parseDay = parseIndianDay;

export function dayString({ year, month, day }: CalendarDay): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days in a month (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 = Monday ... 6 = Sunday: the weekday of the month's first day, for a calendar that starts on Monday. */
export function mondayOffset(year: number, month: number): number {
  return (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
}
