// The whole event's money: every kiosk's paid orders as Razorpay listed them,
// plus this kiosk's own paid donations that Razorpay has not listed yet (paid
// since the last read). Each payment is counted once, by its order id: an
// order Razorpay lists as paid is taken from Razorpay; a paid donation of this
// ledger whose order Razorpay has not listed as paid is taken from the ledger.
// Paid means captured (order status `paid`, ledger state `paid`); nothing
// else counts. Cash gifts are money only this kiosk knows of, so they are
// kept apart: every kiosk shows the same shared figure.
import type { Donation } from '../ledger/ledger.ts';
import { firstName } from '../attract.ts';
import type { CachedEventOrder } from './event-order-cache.ts';

export interface EventPayment {
  orderId: string;
  kioskId: string;
  installationId: string | null;
  donationId: string | null;
  receipt: string | null;
  amountPaise: number;
  /** ms since the epoch: the order's creation (Razorpay) or the payment (this ledger). */
  at: number;
  /** Razorpay listed it as paid, or only this kiosk's ledger knows it yet. */
  source: 'razorpay' | 'this_ledger';
  paymentId: string | null;
  paymentMethod: string | null;
  donorFirstName: string | null;
}

/** The event as Razorpay last listed it: built after each read, reused for every screen refresh until the next. */
export interface ListedEvent {
  /** Paid donation orders, newest first. */
  payments: EventPayment[];
  paidOrderIds: ReadonlySet<string>;
}

export interface KioskShareTotal {
  kioskId: string;
  amountPaise: number;
  payments: number;
}

export interface EventTotal {
  amountPaise: number;
  payments: number;
  /** Largest share first, then by kiosk id. */
  shares: KioskShareTotal[];
}

export function listedEvent(cached: readonly CachedEventOrder[]): ListedEvent {
  const payments = cached
    .filter((order) => order.purpose === 'donation' && order.status === 'paid')
    .map(
      (order): EventPayment => ({
        orderId: order.orderId,
        kioskId: order.kioskId,
        installationId: order.installationId,
        donationId: order.donationId,
        receipt: order.receipt,
        amountPaise: order.amountPaise,
        at: order.createdAt * 1000,
        source: 'razorpay',
        paymentId: order.paymentId,
        paymentMethod: order.paymentMethod,
        donorFirstName: order.donorFirstName,
      }),
    )
    .sort((a, b) => b.at - a.at);
  return { payments, paidOrderIds: new Set(payments.map((p) => p.orderId)) };
}

/** This ledger's paid online donations of the event that Razorpay has not listed as paid yet, newest first. */
export function unlistedOwnPayments(listed: ListedEvent, ownPaid: readonly Donation[], installationId: string): EventPayment[] {
  return ownPaid
    .filter((d) => d.paymentMethod !== 'cash' && d.orderId !== null && !listed.paidOrderIds.has(d.orderId))
    .map(
      (d): EventPayment => ({
        orderId: d.orderId ?? '',
        kioskId: d.kioskId,
        installationId,
        donationId: d.id,
        receipt: d.receipt,
        amountPaise: d.amountPaise,
        at: d.paidAt ?? d.updatedAt,
        source: 'this_ledger',
        paymentId: d.paymentId,
        paymentMethod: d.paymentMethod,
        donorFirstName: d.anonymous || d.donorName === null || firstName(d.donorName) === '' ? null : firstName(d.donorName),
      }),
    )
    .sort((a, b) => b.at - a.at);
}

/** Every payment of the event once: Razorpay's list and this ledger's not yet listed. */
export function eventPayments(listed: ListedEvent, ownPaid: readonly Donation[], installationId: string): EventPayment[] {
  return [...listed.payments, ...unlistedOwnPayments(listed, ownPaid, installationId)].sort((a, b) => b.at - a.at);
}

export function totalOf(payments: readonly EventPayment[]): EventTotal {
  const byKiosk = new Map<string, KioskShareTotal>();
  let amountPaise = 0;
  for (const p of payments) {
    amountPaise += p.amountPaise;
    const share = byKiosk.get(p.kioskId) ?? { kioskId: p.kioskId, amountPaise: 0, payments: 0 };
    share.amountPaise += p.amountPaise;
    share.payments += 1;
    byKiosk.set(p.kioskId, share);
  }
  const shares = [...byKiosk.values()].sort((a, b) => b.amountPaise - a.amountPaise || a.kioskId.localeCompare(b.kioskId));
  return { amountPaise, payments: payments.length, shares };
}

/** This kiosk's cash gifts of the event: in the event report, never in the shared total (no other kiosk can see them). */
export function cashGiftsOf(ownPaid: readonly Donation[]): Donation[] {
  return ownPaid.filter((d) => d.paymentMethod === 'cash');
}

/** Newest first: first names (null = anonymous) for the donor wall. */
export function recentDonors(payments: readonly EventPayment[], limit: number): (string | null)[] {
  return [...payments]
    .sort((a, b) => b.at - a.at)
    .slice(0, limit)
    .map((p) => p.donorFirstName);
}
