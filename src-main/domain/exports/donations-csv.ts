// The operator's CSV export of donation attempts, one row per attempt.
//
// RFC 4180: a field with a comma, a double quote, a CR or an LF is quoted, its
// quotes doubled; rows end in CRLF. (Written here rather than through
// csv-stringify, which took 1.1 s of the 2 s budget for 100,000 rows: issue 8's
// bench; this is four times faster, and it also quotes a lone CR or LF, which
// csv-stringify left bare when rows end in CRLF.) Spreadsheets run a cell that
// starts with = + - @ (or a tab / carriage return before one) as a formula, and
// donor names come from a public touch screen, so every text cell that starts
// with one of those gets a leading apostrophe (OWASP "CSV injection").
// Nothing secret is in the ledger, so nothing secret can reach the file.
import type { Donation } from '../ledger/ledger.ts';

export const CSV_COLUMNS = [
  'Donation id',
  'Receipt',
  'Created at',
  'State',
  'Amount (INR)',
  'Donor name',
  'Phone',
  'Email',
  'Order id',
  'Payment id',
  'Method',
  'Failure code',
  'Recovered',
  'Cause',
  'Fee covered (INR)',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet would run as a formula gets a leading apostrophe. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function donationCsvRow(donation: Donation, recovered: boolean): string[] {
  const row = [
    donation.id,
    donation.receipt,
    new Date(donation.createdAt).toISOString(),
    donation.state,
    (donation.amountPaise / 100).toFixed(2),
    donation.anonymous || donation.donorName === null ? 'Anonymous' : donation.donorName,
    donation.phone ?? '',
    donation.email ?? '',
    donation.orderId ?? '',
    donation.paymentId ?? '',
    donation.paymentMethod ?? '',
    donation.failureCode ?? '',
    recovered ? 'yes' : 'no',
    donation.cause,
    (donation.feePaise / 100).toFixed(2),
  ];
  return row.map(neutraliseFormula);
}

const NEEDS_QUOTES = /[",\r\n]/;

function csvField(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** The whole file: a UTF-8 BOM (so spreadsheets read Indian scripts right), a header row, one row per donation. */
export function donationsCsv(donations: Iterable<Donation>, recoveredIds: ReadonlySet<string>): string {
  const lines = [`\uFEFF${csvLine(CSV_COLUMNS)}`];
  for (const d of donations) lines.push(csvLine(donationCsvRow(d, recoveredIds.has(d.id))));
  return lines.join('');
}
