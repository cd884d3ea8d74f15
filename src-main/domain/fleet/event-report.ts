// The event report: one row per payment of the whole event (every kiosk's
// online payments as Razorpay listed them, this kiosk's payments Razorpay had
// not listed yet, and this kiosk's cash gifts), then a summary per kiosk. The
// "Ledger" column says which kiosk's ledger should hold each payment: this
// one (checked against it), another kiosk's ("on another kiosk": that kiosk's
// own report checks it), or this one and it does not ("not in this kiosk's
// ledger", which should never happen and is what the operator must look into).
// Written by ../exports/csv.ts (RFC 4180, formula-safe, UTF-8 BOM); times are
// India's, ISO 8601 with the +05:30 offset, as in the donations CSV.
import type { Donation } from '../ledger/ledger.ts';
import { csvLine, neutraliseFormula } from '../exports/csv.ts';
import { totalOf, type EventPayment } from './event-totals.ts';
import { indianTimestamp } from '../../../src-shared/india-time.ts';

export const EVENT_REPORT_COLUMNS = [
  'Kiosk id',
  'Ledger',
  'Source',
  'Order id',
  'Payment id',
  'Method',
  'Donation id',
  'Order receipt',
  'Receipt number',
  'At',
  'Amount (INR)',
] as const;

export const LEDGER_CHECK = {
  thisKiosk: "in this kiosk's ledger",
  anotherKiosk: 'on another kiosk',
  missing: "not in this kiosk's ledger",
} as const;

export interface EventReportInput {
  eventId: string;
  eventName: string;
  payments: readonly EventPayment[];
  cashGifts: readonly Donation[];
  self: { kioskId: string; installationId: string };
  /** This kiosk's ledger, by order id. */
  ledgerDonationFor: (orderId: string) => Donation | undefined;
  /** ms: the Razorpay read the rows come from; null when there has been none. */
  asOf: number | null;
  lastKnown: boolean;
}

export interface EventReport {
  csv: string;
  rows: number;
  onlinePaise: number;
  cashPaise: number;
  kiosks: number;
  missingFromThisLedger: number;
}

const rupees = (paise: number) => (paise / 100).toFixed(2);

function ledgerCheck(payment: EventPayment, input: EventReportInput): { check: string; receiptNumber: string } {
  const own = input.ledgerDonationFor(payment.orderId);
  if (own) return { check: LEDGER_CHECK.thisKiosk, receiptNumber: own.receiptNo ?? '' };
  // Orders of kiosks older than issue 17 carry no installation id: their kiosk id is all there is to go by.
  const mine = payment.installationId === null ? payment.kioskId === input.self.kioskId : payment.installationId === input.self.installationId;
  return { check: mine ? LEDGER_CHECK.missing : LEDGER_CHECK.anotherKiosk, receiptNumber: '' };
}

export function eventReportCsv(input: EventReportInput): EventReport {
  const lines = [`\uFEFF${csvLine(EVENT_REPORT_COLUMNS)}`];
  let missing = 0;
  // Oldest first, as a day's report reads.
  for (const p of [...input.payments].sort((a, b) => a.at - b.at)) {
    const { check, receiptNumber } = ledgerCheck(p, input);
    if (check === LEDGER_CHECK.missing) missing += 1;
    lines.push(
      csvLine(
        [
          p.kioskId,
          check,
          p.source === 'razorpay' ? 'Razorpay' : 'this kiosk (not yet listed by Razorpay)',
          p.orderId,
          p.paymentId ?? '',
          p.paymentMethod ?? '',
          p.donationId ?? '',
          p.receipt ?? '',
          receiptNumber,
          indianTimestamp(p.at),
          rupees(p.amountPaise),
        ].map(neutraliseFormula),
      ),
    );
  }
  for (const gift of input.cashGifts) {
    lines.push(
      csvLine(
        [
          gift.kioskId,
          LEDGER_CHECK.thisKiosk,
          'cash (this kiosk)',
          '',
          '',
          'cash',
          gift.id,
          gift.receipt,
          gift.receiptNo ?? '',
          indianTimestamp(gift.paidAt ?? gift.createdAt),
          rupees(gift.amountPaise),
        ].map(neutraliseFormula),
      ),
    );
  }

  const online = totalOf(input.payments);
  const cashByKiosk = new Map<string, { n: number; paise: number }>();
  for (const gift of input.cashGifts) {
    const entry = cashByKiosk.get(gift.kioskId) ?? { n: 0, paise: 0 };
    entry.n += 1;
    entry.paise += gift.amountPaise;
    cashByKiosk.set(gift.kioskId, entry);
  }
  const kioskIds = [...new Set([...online.shares.map((s) => s.kioskId), ...cashByKiosk.keys()])];
  const cashPaise = input.cashGifts.reduce((sum, gift) => sum + gift.amountPaise, 0);

  lines.push(csvLine([]));
  lines.push(csvLine(['Summary by kiosk', 'Online payments', 'Online (INR)', 'Cash gifts (this kiosk only)', 'Cash (INR)', 'Total (INR)']));
  for (const kioskId of kioskIds) {
    const share = online.shares.find((s) => s.kioskId === kioskId);
    const cash = cashByKiosk.get(kioskId) ?? { n: 0, paise: 0 };
    const onlinePaise = share?.amountPaise ?? 0;
    lines.push(csvLine([kioskId, String(share?.payments ?? 0), rupees(onlinePaise), String(cash.n), rupees(cash.paise), rupees(onlinePaise + cash.paise)].map(neutraliseFormula)));
  }
  lines.push(csvLine(['All kiosks', String(online.payments), rupees(online.amountPaise), String(input.cashGifts.length), rupees(cashPaise), rupees(online.amountPaise + cashPaise)]));
  lines.push(csvLine([]));
  const readAt = input.asOf === null ? 'never (Razorpay has not been read yet)' : indianTimestamp(input.asOf);
  lines.push(csvLine(['Event', neutraliseFormula(input.eventId), neutraliseFormula(input.eventName)]));
  lines.push(csvLine(['Razorpay read at', readAt, input.lastKnown ? "Razorpay could not be reached: these are the figures this kiosk last knew" : '']));
  lines.push(csvLine([`Payments ${LEDGER_CHECK.missing}`, String(missing), missing > 0 ? 'Look into these: the kiosk took them but its ledger has no record' : '']));
  lines.push(csvLine(['Note', "Cash gifts are in this kiosk's report only: other kiosks' cash is in their own reports"]));

  return {
    csv: lines.join(''),
    rows: input.payments.length + input.cashGifts.length,
    onlinePaise: online.amountPaise,
    cashPaise,
    kiosks: kioskIds.length,
    missingFromThisLedger: missing,
  };
}
