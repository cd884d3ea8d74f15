// Days and times as the console shows them: India's (Asia/Kolkata), written
// day/month/year, whatever zone the kiosk computer's clock is set to. Days
// travel to main as YYYY-MM-DD (main counts them in India's time too:
// src-main/domain/india-time.ts).

export const INDIA_TIME_ZONE = 'Asia/Kolkata';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: INDIA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function indiaParts(at: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const found = Object.fromEntries(parts.formatToParts(at).map((p) => [p.type, p.value]));
  return { year: found['year'] ?? '', month: found['month'] ?? '', day: found['day'] ?? '', hour: found['hour'] ?? '', minute: found['minute'] ?? '' };
}

/** Today in India, YYYY-MM-DD. */
export function indiaToday(now: Date = new Date()): string {
  const { year, month, day } = indiaParts(now);
  return `${year}-${month}-${day}`;
}

/** "2026-11-26" → "26/11/2026"; anything else as it is. */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}

/** An ISO instant as India's "26/11/2026 14:05". */
export function formatDateTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const { year, month, day, hour, minute } = indiaParts(at);
  return `${day}/${month}/${year} ${hour}:${minute}`;
}

/** An ISO instant as India's "14:05". */
export function formatTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const { hour, minute } = indiaParts(at);
  return `${hour}:${minute}`;
}

/** A calendar day (no time zone: the numbers are the day's). */
export interface CalendarDay {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export function parseDay(day: string): CalendarDay | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const at = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return at.getUTCDate() === Number(match[3]) ? { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() } : null;
}

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
