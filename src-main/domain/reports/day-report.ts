// The operator's view of a day (or any date range): how many donation
// attempts ended in each state, and the money. Only captured payments (`paid`)
// count as money received; a payment that reconciliation found captured after
// the donor was shown a failure counts too, and is listed separately so the
// operator can tell those donors.
import type { Donation, ExtraPayment, Ledger, RecoveredDonation } from '../ledger/ledger.ts';
import { DONATION_STATES, type DonationState } from '../ledger/donation-states.ts';
import { formatIndianDateTime } from '../../../src-shared/india-time.ts';

export interface StateLine {
  state: DonationState;
  count: number;
  amountPaise: number;
}

export interface DayReport {
  from: number;
  to: number;
  byState: StateLine[];
  attempts: number;
  /** Captured money of donations started in the range (recovered ones included). */
  receivedPaise: number;
  paidCount: number;
  /** Of paidCount, how many were recovered by reconciliation. */
  recoveredCount: number;
  /** Of receivedPaise and paidCount: cash gifts the operator recorded. */
  cashPaise: number;
  cashCount: number;
  /** Payments found captured in the range after the donor saw a failure. */
  recovered: RecoveredDonation[];
  /** Second payments found in the range on orders already paid: to refund (an authorised one Razorpay refunds by itself). */
  extraPayments: ExtraPayment[];
  /** Payments Razorpay has authorised that the kiosk has not captured yet, any day, newest first: the kiosk keeps capturing them. */
  beingConfirmed: Donation[];
  /** Captured money per cause (fees included), and the fees donors added. */
  byCause: CauseLine[];
}

export interface CauseLine {
  cause: string;
  paidCount: number;
  receivedPaise: number;
  feePaise: number;
}

export function buildDayReport(ledger: Ledger, from: number, to: number): DayReport {
  const donations = ledger.listCreatedBetween(from, to);
  const recoveredInRange = ledger.listRecovered(from, to);
  // Recovered status comes from the events, whenever the recovery happened.
  const recoveredIds = ledger.recoveredDonationIds();
  const byState = DONATION_STATES.map((state) => {
    const inState = donations.filter((d) => d.state === state);
    return { state, count: inState.length, amountPaise: inState.reduce((sum, d) => sum + d.amountPaise, 0) };
  }).filter((line) => line.count > 0);
  const paid = donations.filter((d) => d.state === 'paid');
  return {
    from,
    to,
    byState,
    attempts: donations.length,
    receivedPaise: paid.reduce((sum, d) => sum + d.amountPaise, 0),
    paidCount: paid.length,
    recoveredCount: paid.filter((d) => recoveredIds.has(d.id)).length,
    cashPaise: paid.filter((d) => d.paymentMethod === 'cash').reduce((sum, d) => sum + d.amountPaise, 0),
    cashCount: paid.filter((d) => d.paymentMethod === 'cash').length,
    recovered: recoveredInRange,
    extraPayments: ledger.listExtraPayments(from, to),
    beingConfirmed: ledger.listBeingConfirmed(),
    byCause: [...new Set(paid.map((d) => d.cause))].map((cause) => {
      const inCause = paid.filter((d) => d.cause === cause);
      return {
        cause,
        paidCount: inCause.length,
        receivedPaise: inCause.reduce((sum, d) => sum + d.amountPaise, 0),
        feePaise: inCause.reduce((sum, d) => sum + d.feePaise, 0),
      };
    }),
  };
}

function rupees(paise: number): string {
  return `₹${(paise / 100).toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}


/** The donor's phone and e-mail as given, for staff to follow up; null when neither was given. */
export function donorContact(donation: Pick<Donation, 'phone' | 'email'>): string | null {
  const parts = [donation.phone, donation.email].filter((part): part is string => part !== null && part !== '');
  return parts.length > 0 ? parts.join(', ') : null;
}

/** Plain text for a terminal or a printout. */
export function formatDayReport(report: DayReport): string {
  const out: string[] = [];
  out.push(`Donations started from ${formatIndianDateTime(report.from)} to ${formatIndianDateTime(report.to)} (India time)`);
  out.push('');
  out.push(`${'State'.padEnd(22)}${'Count'.padStart(7)}${'Amount'.padStart(16)}`);
  for (const line of report.byState) out.push(`${line.state.padEnd(22)}${String(line.count).padStart(7)}${rupees(line.amountPaise).padStart(16)}`);
  out.push(`${'All attempts'.padEnd(22)}${String(report.attempts).padStart(7)}`);
  out.push('');
  out.push(`Received (captured only): ${rupees(report.receivedPaise)} from ${report.paidCount} donation(s), ${report.recoveredCount} of them recovered`);
  if (report.cashCount > 0) out.push(`  of which cash (recorded by the operator): ${rupees(report.cashPaise)} from ${report.cashCount} gift(s)`);
  out.push('');
  out.push('Received by cause (processing fees donors added included, and shown)');
  if (report.byCause.length === 0) out.push('  none');
  for (const line of report.byCause) out.push(`  ${line.cause.padEnd(30)}${String(line.paidCount).padStart(5)}${rupees(line.receivedPaise).padStart(16)}   fees ${rupees(line.feePaise)}`);
  out.push('');
  out.push('Recovered after the donor saw a failure');
  if (report.recovered.length === 0) out.push('  none');
  for (const r of report.recovered) {
    const who = r.donation.anonymous ? 'anonymous' : (r.donation.donorName ?? 'no name');
    const contact = donorContact(r.donation);
    out.push(
      `  ${formatIndianDateTime(r.recoveredAt)}  ${r.donation.id}  ${rupees(r.donation.amountPaise)}  ${r.donation.paymentId ?? ''}  donor saw ${r.donorSawState}  (${who}${contact ? `, contact ${contact}` : ', no contact given'}, receipt ${r.donation.receipt})`,
    );
  }
  out.push('');
  out.push('Being confirmed (authorised at Razorpay, not captured yet)');
  if (report.beingConfirmed.length === 0) out.push('  none');
  for (const d of report.beingConfirmed) {
    const contact = donorContact(d);
    out.push(`  ${formatIndianDateTime(d.updatedAt)}  ${d.id}  ${rupees(d.amountPaise)}  ${d.paymentId ?? ''}  (${d.anonymous ? 'anonymous' : (d.donorName ?? 'no name')}${contact ? `, contact ${contact}` : ''}, receipt ${d.receipt}): the kiosk keeps capturing it; do not ask the donor to pay again`);
  }
  out.push('');
  out.push('Second payments on donations already paid (refund them)');
  if (report.extraPayments.length === 0) out.push('  none');
  for (const e of report.extraPayments) {
    const action = e.status === 'captured' ? 'captured: refund it from the Razorpay dashboard' : 'authorised only: Razorpay refunds it by itself';
    out.push(`  ${formatIndianDateTime(e.notedAt)}  ${e.donation.id}  ${rupees(e.amountPaise)}  ${e.paymentId}  ${action}  (receipt ${e.donation.receipt})`);
  }
  return out.join('\n');
}
