// Ledger vs simulator: does the kiosk's record agree with the gateway's own
// record of every order and payment, and with what the donors were told?
// Pure function, so the rules are easy to read and to test.
import type { Donation, DonationEvent } from '../../src-main/domain/ledger/ledger.ts';
import { financialYearOf } from '../../src-main/domain/receipts/financial-year.ts';
import { receiptNumberProblems } from '../../src-main/domain/receipts/receipt-audit.ts';
import type { OrderEntity, PaymentEntity } from '../../src-main/simulator/index.ts';

/** What the donor was told: a kiosk that said it, must still have it after any crash. */
export interface Acknowledged {
  donationId: string;
  /** startDonation answered with this order. */
  orderId?: string;
  /** The donor saw "Thank you" (confirmPayment or getDonationProgress answered with a receipt) for this payment. */
  receiptPaymentId?: string;
}

/** The ledger as the comparison reads it. */
export interface LedgerView {
  donations: Donation[];
  /** The event that recorded the payment, for paid donations. */
  paidEvents: Map<string, DonationEvent>;
  /** Second payments reconciliation noted on paid orders (for the operator to refund). */
  extraPaymentIds: Set<string>;
}

export interface CompareOptions {
  /** After the final reconciliation with Razorpay's clock past the late-authorisation window: every donation must be final. */
  requireFinal?: boolean;
  /** Donations whose confirmPayment was in flight when the kiosk was killed: the donor saw nothing, yet the confirmation itself may have recorded it. */
  confirmationsCutShort?: ReadonlySet<string>;
}

export interface Comparison {
  differences: string[];
  ledgerStates: Record<string, number>;
  orderStatuses: Record<string, number>;
  paymentStatuses: Record<string, number>;
  ledgerDonations: number;
  ledgerWithOrder: number;
  simulatorOrders: number;
  capturedPayments: number;
  paidDonations: number;
  recoveredDonations: number;
  capturedPaise: number;
  paidPaise: number;
}

function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** Ledger states that claim money arrived, or is about to. */
const MONEY_STATES = new Set(['paid', 'authorized']);
/** Where every donation must be once Razorpay's clock is past the late-authorisation window and reconciliation has run. */
const FINAL_STATES = new Set(['paid', 'expired', 'refunded']);

export function viewOfDonations(donations: Donation[], paidEvents: Map<string, DonationEvent> = new Map(), extraPaymentIds: Set<string> = new Set()): LedgerView {
  return { donations, paidEvents, extraPaymentIds };
}

export function compareLedgerWithSimulator(view: LedgerView, orders: OrderEntity[], payments: PaymentEntity[], acknowledged: Acknowledged[] = [], options: CompareOptions = {}): Comparison {
  const { donations, paidEvents, extraPaymentIds } = view;
  const differences: string[] = [];
  const byOrder = new Map<string, Donation[]>();
  const byId = new Map(donations.map((d) => [d.id, d]));
  for (const donation of donations) {
    if (donation.orderId) byOrder.set(donation.orderId, [...(byOrder.get(donation.orderId) ?? []), donation]);
  }
  const orderById = new Map(orders.map((o) => [o.id, o]));
  const paymentsByOrder = new Map<string, PaymentEntity[]>();
  for (const payment of payments) paymentsByOrder.set(payment.order_id, [...(paymentsByOrder.get(payment.order_id) ?? []), payment]);
  const paymentById = new Map(payments.map((p) => [p.id, p]));
  const ackById = new Map(acknowledged.map((a) => [a.donationId, a]));

  // Every gateway order: exactly one donation, same amount, same receipt.
  for (const order of orders) {
    const matches = byOrder.get(order.id) ?? [];
    if (matches.length !== 1) {
      differences.push(`order ${order.id} (receipt ${order.receipt ?? '-'}, ${order.status}): ${matches.length} ledger donations`);
      continue;
    }
    const donation = matches[0] as Donation;
    if (donation.amountPaise !== order.amount) differences.push(`order ${order.id}: amount ${order.amount} at the gateway, ${donation.amountPaise} in the ledger`);
    if (order.receipt !== donation.receipt) differences.push(`order ${order.id}: receipt ${order.receipt ?? '-'} at the gateway, ${donation.receipt} in the ledger`);
    const ofOrder = paymentsByOrder.get(order.id) ?? [];
    const captured = ofOrder.filter((p) => p.status === 'captured');
    if (captured.length > 1) differences.push(`order ${order.id}: ${captured.length} captured payments (a double charge)`);
    const capture = captured[0];
    if (capture) {
      if (donation.state !== 'paid' || donation.paymentId !== capture.id || donation.amountPaise !== capture.amount) {
        differences.push(`order ${order.id}: payment ${capture.id} captured (${capture.amount}) but the ledger has ${donation.id} ${donation.state} payment ${donation.paymentId ?? '-'}`);
      }
    } else if (MONEY_STATES.has(donation.state)) {
      differences.push(`donation ${donation.id} is ${donation.state} but order ${order.id} has no captured payment`);
    } else if (donation.state === 'refunded' && !ofOrder.some((p) => p.status === 'refunded')) {
      differences.push(`donation ${donation.id} is refunded but order ${order.id} has no refunded payment`);
    } else if (donation.state === 'payment_failed' && donation.paymentId) {
      const failed = paymentById.get(donation.paymentId);
      if (failed?.status !== 'failed' || failed.order_id !== order.id) {
        differences.push(`donation ${donation.id} is payment_failed with ${donation.paymentId}, which the gateway has as ${failed ? `${failed.status} on ${failed.order_id}` : 'unknown'}`);
      }
    }
    // Money Razorpay holds that nobody will capture: the kiosk must have captured it, or noted it for the operator as a second payment.
    for (const held of ofOrder.filter((p) => p.status === 'authorized')) {
      if (!extraPaymentIds.has(held.id)) differences.push(`order ${order.id}: payment ${held.id} is authorised and left uncaptured, and the operator was not told (ledger: ${donation.state})`);
    }
    if (donation.state === 'verification_failed') differences.push(`donation ${donation.id} is verification_failed, but every signature the harness sent was genuine`);
  }

  // Every donation: its order exists; without an order, no order carries its receipt and it claims no money.
  const orderByReceipt = new Map(orders.filter((o) => o.receipt).map((o) => [o.receipt as string, o]));
  for (const donation of donations) {
    if (options.requireFinal && !FINAL_STATES.has(donation.state)) {
      differences.push(`donation ${donation.id} is still ${donation.state} after the final reconciliation, with Razorpay's clock past the late-authorisation window`);
    }
    if (donation.orderId) {
      if (!orderById.has(donation.orderId)) differences.push(`donation ${donation.id}: order ${donation.orderId} does not exist at the gateway`);
      continue;
    }
    const lost = orderByReceipt.get(donation.receipt);
    if (lost) differences.push(`donation ${donation.id} (${donation.state}) has no order id, but the gateway has order ${lost.id} for receipt ${donation.receipt}`);
    if (MONEY_STATES.has(donation.state) || donation.state === 'refunded') differences.push(`donation ${donation.id} is ${donation.state} without an order`);
  }

  // Every paid donation is a captured payment of its own order; one the donor did not see confirmed is flagged for the operator.
  for (const donation of donations.filter((d) => d.state === 'paid')) {
    const payment = donation.paymentId ? paymentById.get(donation.paymentId) : undefined;
    if (payment?.status !== 'captured' || payment.order_id !== donation.orderId) {
      differences.push(`donation ${donation.id} is paid by ${donation.paymentId ?? '-'}, which is not a captured payment of ${donation.orderId ?? '-'}`);
    }
    const event = paidEvents.get(donation.id);
    const sawThankYou = ackById.get(donation.id)?.receiptPaymentId === donation.paymentId;
    const flagged = event?.detail.recovered === true;
    if (!sawThankYou && !flagged && !options.confirmationsCutShort?.has(donation.id)) {
      differences.push(`donation ${donation.id} was paid (recorded by ${event?.source ?? 'unknown'}) without the donor seeing "Thank you", and is not flagged recovered for the operator`);
    }
  }

  // Nothing the donor was told is lost: every "Thank you" has its paid row.
  for (const ack of acknowledged) {
    const donation = byId.get(ack.donationId);
    if (!donation) {
      differences.push(`donation ${ack.donationId} was acknowledged to the donor but is not in the ledger`);
      continue;
    }
    if (ack.orderId && donation.orderId !== ack.orderId) differences.push(`donation ${ack.donationId}: Checkout opened on ${ack.orderId}, the ledger has ${donation.orderId ?? 'no order'}`);
    if (ack.receiptPaymentId && (donation.state !== 'paid' || donation.paymentId !== ack.receiptPaymentId)) {
      differences.push(`donation ${ack.donationId}: the donor saw "Thank you" for ${ack.receiptPaymentId}, the ledger has ${donation.state} ${donation.paymentId ?? '-'}`);
    }
  }

  const captured = payments.filter((p) => p.status === 'captured');
  const paid = donations.filter((d) => d.state === 'paid');
  const capturedPaise = captured.reduce((sum, p) => sum + p.amount, 0);
  const paidPaise = paid.reduce((sum, d) => sum + d.amountPaise, 0);
  const ledgerWithOrder = donations.filter((d) => d.orderId).length;
  if (ledgerWithOrder !== orders.length) differences.push(`count: ${orders.length} gateway orders, ${ledgerWithOrder} ledger donations with an order`);
  if (captured.length !== paid.length) differences.push(`count: ${captured.length} captured payments, ${paid.length} paid donations`);
  if (capturedPaise !== paidPaise) differences.push(`amount: ${capturedPaise} paise captured, ${paidPaise} paise paid in the ledger`);
  // Receipt numbers: one per paid donation, gap-free, whatever point the kiosk was killed at...
  differences.push(...receiptNumberProblems(donations));
  // ...and dated as issued: never before the receipt numbered before them, in the financial year they are numbered in.
  differences.push(...receiptDateProblems(donations));

  return {
    differences,
    ledgerStates: tally(donations.map((d) => d.state)),
    orderStatuses: tally(orders.map((o) => o.status)),
    paymentStatuses: tally(payments.map((p) => p.status)),
    ledgerDonations: donations.length,
    ledgerWithOrder,
    simulatorOrders: orders.length,
    capturedPayments: captured.length,
    paidDonations: paid.length,
    recoveredDonations: paid.filter((d) => paidEvents.get(d.id)?.detail.recovered === true).length,
    capturedPaise,
    paidPaise,
  };
}

const NUMBER_SHAPE = /^(.+)\/(\d{4}-\d{2})\/(\d{6,})$/;

/** Receipt dates never go backwards along the numbering, and each receipt's date is in its number's financial year. */
export function receiptDateProblems(donations: readonly Donation[]): string[] {
  const problems: string[] = [];
  const numbered = donations
    .filter((d) => d.receiptNo !== null && d.paidAt !== null)
    .map((d) => ({ donation: d, match: NUMBER_SHAPE.exec(d.receiptNo ?? '') }))
    .filter((x): x is { donation: Donation; match: RegExpExecArray } => x.match !== null)
    .sort((a, b) => (a.match[2] ?? '').localeCompare(b.match[2] ?? '') || Number(a.match[3]) - Number(b.match[3]));
  let previous: Donation | null = null;
  for (const { donation, match } of numbered) {
    const paidAt = donation.paidAt ?? 0;
    if (financialYearOf(paidAt) !== match[2]) problems.push(`receipt ${donation.receiptNo ?? ''} is dated ${new Date(paidAt).toISOString()}, outside financial year ${match[2] ?? ''}`);
    if (previous && (previous.paidAt ?? 0) > paidAt) problems.push(`receipt ${donation.receiptNo ?? ''} is dated before ${previous.receiptNo ?? ''}, numbered before it`);
    previous = donation;
  }
  return problems;
}
