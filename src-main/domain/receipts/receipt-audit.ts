// Checks a ledger's receipt numbers the way an auditor would: every paid (or
// refunded after being paid) donation has one, nothing else has one, and each kiosk's
// numbers in each financial year run 1, 2, 3... with no gap and no repeat.
// The crash-recovery run uses it after killing the kiosk at random points.
import type { Donation } from '../ledger/ledger.ts';

const NUMBER_SHAPE = /^(.+)\/(\d{4}-\d{2})\/(\d{6,})$/;

export function receiptNumberProblems(donations: readonly Donation[]): string[] {
  const problems: string[] = [];
  const sequences = new Map<string, number[]>();
  for (const donation of donations) {
    // Refunded after being paid keeps its receipt; an authorisation Razorpay refunded uncaptured was never paid and has none.
    const settledPaid = donation.state === 'paid' || (donation.state === 'refunded' && donation.paidAt !== null);
    if (donation.receiptNo === null) {
      if (settledPaid) problems.push(`donation ${donation.id} is ${donation.state} but has no receipt number`);
      continue;
    }
    if (!settledPaid) problems.push(`donation ${donation.id} is ${donation.state} but has receipt number ${donation.receiptNo}`);
    const match = NUMBER_SHAPE.exec(donation.receiptNo);
    if (!match) {
      problems.push(`donation ${donation.id}: receipt number ${donation.receiptNo} is not KIOSK/YYYY-YY/NNNNNN`);
      continue;
    }
    const key = `${match[1] ?? ''}/${match[2] ?? ''}`;
    sequences.set(key, [...(sequences.get(key) ?? []), Number(match[3])]);
  }
  for (const [key, numbers] of sequences) {
    const sorted = [...numbers].sort((a, b) => a - b);
    sorted.forEach((n, index) => {
      if (n !== index + 1) problems.push(`receipt numbers ${key}: expected ${index + 1}, found ${n} (a gap or a repeat)`);
    });
  }
  return problems;
}
