// Kiosk ids are unique within an event. Two kiosks with one id would number
// their receipts in one sequence each, so two donors would get the same 80G
// receipt number (receipt-number.ts). There is no server to ask, but Razorpay
// refuses a second order with the same receipt (razorpay.md §1.1): the first
// installation to create the event's claim order for a kiosk id owns that id
// for the event, for good. Any later installation finds the claim with another
// installation id in its notes and is told before it takes a donation.
//
// Look up first (a restart finds its own claim with one read), create only
// when there is none, and look up again when the create's answer is lost or
// says the receipt is taken (someone was quicker).
import type { GatewayResult } from '../gateway/gateway-error.ts';
import type { AccountOrder, AccountReads } from './account-reads.ts';
import { EVENT_NOTE, kioskClaimNotes, kioskClaimReceipt } from './event-notes.ts';

/** Razorpay's smallest order: the claim is never paid, so it moves no money. */
export const CLAIM_AMOUNT_PAISE = 100;

export interface KioskIdClaimRequest {
  eventId: string;
  eventStartDate: string;
  kioskId: string;
  installationId: string;
}

export interface KioskIdClaimOutcome {
  receipt: string;
  ownerInstallationId: string;
  /** Razorpay's created_at of the claim order, Unix seconds. */
  ownerSince: number;
  /** This installation owns the id. */
  ours: boolean;
}

function outcomeOf(request: KioskIdClaimRequest, receipt: string, order: AccountOrder): GatewayResult<KioskIdClaimOutcome> {
  const owner = order.notes?.[EVENT_NOTE.installationId];
  if (typeof owner !== 'string' || owner === '') {
    // Someone made an order with this receipt that is not a claim: treat the id as taken rather than guess.
    return { ok: true, value: { receipt, ownerInstallationId: 'unknown', ownerSince: order.created_at, ours: false } };
  }
  return { ok: true, value: { receipt, ownerInstallationId: owner, ownerSince: order.created_at, ours: owner === request.installationId } };
}

export async function claimKioskId(reads: AccountReads, request: KioskIdClaimRequest): Promise<GatewayResult<KioskIdClaimOutcome>> {
  const receipt = kioskClaimReceipt(request.eventId, request.eventStartDate, request.kioskId);
  const existing = await reads.findOrderByReceipt(receipt);
  if (!existing.ok) return existing;
  if (existing.value !== null) return outcomeOf(request, receipt, existing.value);

  const created = await reads.createOrder({
    amountPaise: CLAIM_AMOUNT_PAISE,
    receipt,
    notes: kioskClaimNotes(request.eventId, request.kioskId, request.installationId),
  });
  if (created.ok) return outcomeOf(request, receipt, created.value);
  // Taken meanwhile ("Order receipt should be unique."), or the answer was lost: Razorpay knows which.
  const after = await reads.findOrderByReceipt(receipt);
  if (!after.ok) return after;
  if (after.value !== null) return outcomeOf(request, receipt, after.value);
  return created;
}
