// Everything a printed receipt shows, gathered from the ledger and the
// operator's settings. The 80G fields follow kiosk-domain.md §4.1; a donor who
// did not ask for an 80G receipt gets a plain one (no tax statement, no id).
import { amountInWords, formatIndianRupees } from './amount-in-words.ts';
import { formatIndianDate } from '../../../src-shared/india-time.ts';
import { maskTaxId, type TaxIdType } from './tax-id.ts';

export type ReceiptLayout = 'thermal-80mm' | 'a4';
export const RECEIPT_LAYOUTS: readonly ReceiptLayout[] = ['thermal-80mm', 'a4'];

/** The organisation's side, from the operator's settings. */
export interface ReceiptIssuer {
  organisationName: string;
  organisationAddress: string;
  organisationPan: string;
  registration80G: string;
  /** YYYY-MM-DD, or "" when not set. */
  registration80GValidFrom: string;
  registration80GValidTo: string;
}

/** The donation's side, from the ledger. */
export interface ReceiptDonation {
  receiptNumber: string;
  paidAt: number;
  amountPaise: number;
  /** upi, card, netbanking, wallet, emi, cash or other. */
  paymentMethod: string;
  /** Razorpay's payment id; null for cash. */
  paymentId: string | null;
  causeName: string;
  donorName: string | null;
  /** The identity number only ever arrives masked (the ledger keeps it sealed); it is masked again here all the same. */
  tax: { nameOnPan: string; idType: TaxIdType; idNumberMasked: string; address: string } | null;
}

export interface ReceiptModel {
  kind: '80g' | 'plain';
  title: string;
  issuer: ReceiptIssuer;
  receiptNumber: string;
  date: string;
  amountFigures: string;
  amountWords: string;
  modeOfPayment: string;
  paymentReference: string | null;
  causeName: string;
  donorName: string;
  donorIdLabel: string | null;
  /** Masked: only the last four characters show. */
  donorIdMasked: string | null;
  donorAddress: string | null;
  /** The statement of the 80G approval; null on a plain receipt. */
  approvalStatement: string | null;
  validity: string | null;
}

const MODE_WORDS: Record<string, string> = {
  upi: 'UPI',
  card: 'Card',
  netbanking: 'Net banking',
  wallet: 'Wallet',
  emi: 'Card (EMI)',
  cash: 'Cash',
};

export function modeOfPaymentWords(method: string): string {
  return MODE_WORDS[method] ?? 'Electronic (other)';
}

function dayWords(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}

export function validityWords(issuer: ReceiptIssuer): string | null {
  const from = issuer.registration80GValidFrom;
  const to = issuer.registration80GValidTo;
  if (from === '' && to === '') return null;
  if (from === '') return `valid up to ${dayWords(to)}`;
  if (to === '') return `valid from ${dayWords(from)}`;
  return `valid from ${dayWords(from)} to ${dayWords(to)}`;
}

export function buildReceiptModel(issuer: ReceiptIssuer, donation: ReceiptDonation): ReceiptModel {
  const tax = donation.tax;
  const cashAboveLimit = donation.paymentMethod === 'cash' && donation.amountPaise > 2_000_00;
  const approval =
    tax === null
      ? null
      : cashAboveLimit
        ? // s.80G(5D): cash above ₹2,000 gets no deduction; the receipt must not suggest otherwise.
          `${issuer.organisationName} is approved under section 80G of the Income-tax Act, 1961 (${issuer.registration80G}). This gift was received in cash above Rs 2,000 and is not eligible for a deduction under section 80G (s.80G(5D)).`
        : `Donations to ${issuer.organisationName} are eligible for deduction under section 80G of the Income-tax Act, 1961, approval number ${issuer.registration80G}${validityWords(issuer) ? `, ${validityWords(issuer)}` : ''}. The deduction is allowed on the donor's Form 10BE certificate, which we issue after filing Form 10BD.`;
  return {
    kind: tax === null ? 'plain' : '80g',
    title: tax === null ? 'Donation receipt' : 'Donation receipt under section 80G',
    issuer,
    receiptNumber: donation.receiptNumber,
    date: formatIndianDate(donation.paidAt),
    amountFigures: formatIndianRupees(donation.amountPaise),
    amountWords: amountInWords(donation.amountPaise),
    modeOfPayment: modeOfPaymentWords(donation.paymentMethod),
    paymentReference: donation.paymentId,
    causeName: donation.causeName,
    donorName: tax?.nameOnPan ?? donation.donorName ?? 'Anonymous donor',
    donorIdLabel: tax === null ? null : tax.idType === 'pan' ? 'PAN' : 'Aadhaar',
    donorIdMasked: tax === null ? null : maskTaxId(tax.idNumberMasked),
    donorAddress: tax?.address ?? null,
    approvalStatement: approval,
    validity: tax === null ? null : validityWords(issuer),
  };
}
