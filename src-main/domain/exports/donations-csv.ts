// The operator's CSV export of donation attempts, one row per attempt.
//
// The cells and lines are written by ./csv.ts (RFC 4180, formula-safe).
// Nothing secret is in the ledger, so nothing secret can reach the file.
import type { Donation } from '../ledger/ledger.ts';
import { csvLine, neutraliseFormula } from './csv.ts';

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

/** The whole file: a UTF-8 BOM (so spreadsheets read Indian scripts right), a header row, one row per donation. */
export function donationsCsv(donations: Iterable<Donation>, recoveredIds: ReadonlySet<string>): string {
  const lines = [`\uFEFF${csvLine(CSV_COLUMNS)}`];
  for (const d of donations) lines.push(csvLine(donationCsvRow(d, recoveredIds.has(d.id))));
  return lines.join('');
}
