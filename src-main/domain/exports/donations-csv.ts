// The operator's CSV export of donation attempts, one row per attempt, made to
// be matched against the receipts, Razorpay's dashboard and the cash box: the
// receipt number, the donation's reference (Razorpay's order receipt), the
// order and payment ids, cash or online, the 80G flag, the cause, the fee, and
// the times in India's time zone as ISO 8601 with the +05:30 offset.
//
// The cells and lines are written by ./csv.ts (RFC 4180, formula-safe).
// Nothing secret is in the ledger, so nothing secret can reach the file.
import type { Donation } from '../ledger/ledger.ts';
import { indianTimestamp } from '../../../src-shared/india-time.ts';
import { csvLine, neutraliseFormula } from './csv.ts';

export const CSV_COLUMNS = [
  'Receipt number',
  'Donation reference',
  'Started at',
  'Paid at',
  'State',
  'Amount (INR)',
  'Fee covered (INR)',
  'Cash or online',
  'Method',
  'Cause',
  '80G receipt',
  'Donor name',
  'Phone',
  'Email',
  'Razorpay order id',
  'Razorpay payment id',
  'Failure code',
  'Recovered',
  'Donation id',
] as const;

export function donationCsvRow(donation: Donation, recovered: boolean): string[] {
  const cash = donation.paymentMethod === 'cash';
  const row = [
    donation.receiptNo ?? '',
    donation.receipt,
    indianTimestamp(donation.createdAt),
    donation.paidAt === null ? '' : indianTimestamp(donation.paidAt),
    donation.state,
    (donation.amountPaise / 100).toFixed(2),
    (donation.feePaise / 100).toFixed(2),
    cash ? 'cash' : 'online',
    donation.paymentMethod ?? '',
    donation.cause,
    donation.tax === null ? 'no' : 'yes',
    donation.anonymous || donation.donorName === null ? 'Anonymous' : donation.donorName,
    donation.phone ?? '',
    donation.email ?? '',
    donation.orderId ?? '',
    donation.paymentId ?? '',
    donation.failureCode ?? '',
    recovered ? 'yes' : 'no',
    donation.id,
  ];
  return row.map(neutraliseFormula);
}

/** The whole file: a UTF-8 BOM (so spreadsheets read Indian scripts right), a header row, one row per donation. */
export function donationsCsv(donations: Iterable<Donation>, recoveredIds: ReadonlySet<string>): string {
  const lines = [`\uFEFF${csvLine(CSV_COLUMNS)}`];
  for (const d of donations) lines.push(csvLine(donationCsvRow(d, recoveredIds.has(d.id))));
  return lines.join('');
}
