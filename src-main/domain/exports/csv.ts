// The one CSV writer behind every export (donations, Form 10BD).
//
// RFC 4180: a field with a comma, a double quote, a CR or an LF is quoted, its
// quotes doubled; rows end in CRLF. (Written here rather than through
// csv-stringify, which took 1.1 s of the 2 s budget for 100,000 rows: issue 8's
// bench; this is four times faster, and it also quotes a lone CR or LF, which
// csv-stringify left bare when rows end in CRLF.) Spreadsheets run a cell that
// starts with = + - @ as a formula, and many trim spaces, tabs and line breaks
// off a cell before they look, so " =HYPERLINK(...)" runs too (issue 14,
// item 10). Donor names come from a public touch screen, so every cell that
// starts with one of those characters once the white space before it is set
// aside, or that starts with a tab or a carriage return at all, gets a leading
// apostrophe (OWASP "CSV injection").

const FORMULA_START = /^[=+\-@＝＋－＠]/;
const CONTROL_START = /^[\t\r]/;

/** A cell a spreadsheet would run as a formula (after trimming) gets a leading apostrophe. */
export function neutraliseFormula(cell: string): string {
  return CONTROL_START.test(cell) || FORMULA_START.test(cell.trimStart()) ? `'${cell}` : cell;
}

const NEEDS_QUOTES = /[",\r\n]/;

function csvField(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** One row, CRLF-terminated. Cells are written as given: neutralise the ones that came from people first. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}
