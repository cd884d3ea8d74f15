// India's financial year runs from 1 April to 31 March, and receipts are
// numbered afresh each year. The year is decided in Indian time
// (src-shared/india-time.ts), whatever the kiosk's clock zone is set to:
// a gift at 00:10 IST on 1 April belongs to the new year even though it is
// still 31 March in UTC.
import { indianDate } from '../../../src-shared/india-time.ts';

/** "2026-27" for any instant from 1 April 2026 00:00 IST to 31 March 2027 23:59:59.999 IST. */
export function financialYearOf(epochMs: number): string {
  const { year, month } = indianDate(epochMs);
  const startYear = month >= 4 ? year : year - 1;
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}
