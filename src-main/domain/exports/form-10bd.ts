// Form 10BD, Part B ("Details of donors and donations"): the CSV the
// income-tax e-filing portal takes, one row per 80G donation
// (kiosk-domain.md §4.2). Rows missing what the form requires are refused and
// listed for the operator, never silently dropped or sent half-empty.
//
// The coded columns use the wording of the portal's drop-downs (the CSV
// template's Annexures): ID code, section code, donation type, mode of receipt.
import { csvLine, neutraliseFormula } from './csv.ts';
import { checkTaxId, type TaxIdType } from '../receipts/tax-id.ts';
import { CASH_80G_LIMIT_RUPEES } from '../../../src-shared/amounts.ts';

export const FORM_10BD_COLUMNS = [
  'Sl. No.',
  'Pre Acknowledgement Number',
  'ID Code',
  'Unique Identification Number',
  'Section Code',
  'Unique Registration Number (URN)',
  'Date of Issuance of Unique Registration Number',
  'Name of donor',
  'Address of donor',
  'Donation Type',
  'Mode of receipt',
  'Amount of donation (Indian rupees)',
] as const;

export const ID_CODES: Record<TaxIdType, string> = { pan: 'Permanent Account Number', aadhaar: 'Aadhaar Number' };
export const SECTION_CODE_80G = 'Section 80G';
/** Kiosk gifts are general donations: neither corpus nor a specific grant. */
export const DONATION_TYPE_OTHERS = 'Others';
export const MODE_CASH = 'Cash';
/** s.80G(5D): cash above this gets no deduction (the rule: src-shared/amounts.ts). */
export const CASH_80G_LIMIT_PAISE = CASH_80G_LIMIT_RUPEES * 100;
export const MODE_ELECTRONIC = 'Electronic modes including account payee cheque/draft';

/** One 80G donation as the export reads it from the ledger. */
export interface Form10bdDonation {
  donationId: string;
  receiptNumber: string | null;
  amountPaise: number;
  paymentMethod: string | null;
  taxName: string | null;
  taxIdType: TaxIdType | null;
  taxIdNumber: string | null;
  taxAddress: string | null;
}

export interface Form10bdIssuer {
  registration80G: string;
  /** YYYY-MM-DD or "". */
  registrationDate: string;
}

export interface RefusedRow {
  donationId: string;
  receiptNumber: string | null;
  /** Why, in plain words: "no PAN or Aadhaar number", "no address", "cash above ₹2,000 (no 80G deduction)"... */
  missing: string[];
}

export interface Form10bdExport {
  csv: string;
  rows: number;
  totalPaise: number;
  refused: RefusedRow[];
}

function dayForPortal(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : '';
}

function missingFields(donation: Form10bdDonation): string[] {
  const missing: string[] = [];
  if (donation.receiptNumber === null) missing.push('no receipt number');
  if (donation.taxIdType === null || donation.taxIdNumber === null || donation.taxIdNumber.trim() === '') missing.push('no PAN or Aadhaar number');
  else if (!checkTaxId(donation.taxIdType, donation.taxIdNumber).ok) missing.push(`not a valid ${donation.taxIdType === 'pan' ? 'PAN' : 'Aadhaar number'}`);
  if (donation.taxName === null || donation.taxName.trim() === '') missing.push('no name as on PAN');
  if (donation.taxAddress === null || donation.taxAddress.trim() === '') missing.push('no address');
  if (donation.paymentMethod === null) missing.push('no mode of payment');
  // s.80G(5D): no deduction for cash above ₹2,000, so no 10BE certificate should be issued for it.
  if (donation.paymentMethod === 'cash' && donation.amountPaise > CASH_80G_LIMIT_PAISE) missing.push('cash above ₹2,000 (no 80G deduction, s.80G(5D))');
  return missing;
}

/**
 * The CSV for `donations` (80G donations, paid, in the period) and the rows it
 * refused. `issuer` without a registration number refuses the whole export:
 * the form cannot be filed without it.
 */
export function buildForm10bd(issuer: Form10bdIssuer, donations: readonly Form10bdDonation[]): Form10bdExport {
  const refused: RefusedRow[] = [];
  const rows: string[][] = [];
  let totalPaise = 0;
  for (const donation of donations) {
    const missing = missingFields(donation);
    if (issuer.registration80G.trim() === '') missing.push("no 80G registration number in the receipt settings");
    if (missing.length > 0) {
      refused.push({ donationId: donation.donationId, receiptNumber: donation.receiptNumber, missing });
      continue;
    }
    totalPaise += donation.amountPaise;
    rows.push(
      [
        String(rows.length + 1),
        '',
        ID_CODES[donation.taxIdType as TaxIdType],
        donation.taxIdNumber ?? '',
        SECTION_CODE_80G,
        issuer.registration80G,
        dayForPortal(issuer.registrationDate),
        donation.taxName ?? '',
        donation.taxAddress ?? '',
        DONATION_TYPE_OTHERS,
        donation.paymentMethod === 'cash' ? MODE_CASH : MODE_ELECTRONIC,
        (donation.amountPaise / 100).toFixed(2).replace(/\.00$/, ''),
      ].map(neutraliseFormula),
    );
  }
  const csv = [FORM_10BD_COLUMNS, ...rows].map(csvLine).join('');
  return { csv, rows: rows.length, totalPaise, refused };
}
