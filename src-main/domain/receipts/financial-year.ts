// India's financial year runs from 1 April to 31 March, and receipts are
// numbered afresh each year. The year is decided in Indian time (Asia/Kolkata,
// UTC+05:30 with no daylight saving since 1945), whatever the kiosk's clock
// zone is set to: a gift at 00:10 IST on 1 April belongs to the new year even
// though it is still 31 March in UTC.

const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;

/** The Indian calendar date of an instant. */
export function indianDate(epochMs: number): { year: number; month: number; day: number } {
  const shifted = new Date(epochMs + IST_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** "2026-27" for any instant from 1 April 2026 00:00 IST to 31 March 2027 23:59:59.999 IST. */
export function financialYearOf(epochMs: number): string {
  const { year, month } = indianDate(epochMs);
  const startYear = month >= 4 ? year : year - 1;
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** 26/11/2026: the date as receipts in India print it. */
export function formatIndianDate(epochMs: number): string {
  const { year, month, day } = indianDate(epochMs);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** YYYY-MM-DD in Indian time. */
export function isoIndianDay(epochMs: number): string {
  const { year, month, day } = indianDate(epochMs);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
