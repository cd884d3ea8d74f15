// What a kiosk writes into the notes of its Razorpay orders so that every
// kiosk of the event can read the whole event back from the account (issue
// 17), and how those notes are read. Razorpay keeps at most 15 notes of at
// most 512 characters each (razorpay.md §1.1); a donation order carries 8.
import { createHash } from 'node:crypto';
import { firstName } from '../attract.ts';

export const EVENT_NOTE = {
  eventId: 'event_id',
  kioskId: 'kiosk_id',
  installationId: 'installation_id',
  donationId: 'donation_id',
  donorName: 'donor_name',
  purpose: 'purpose',
} as const;

/** The one order that is not a donation: it reserves a kiosk id for an event (kiosk-id-claim.ts). */
export const KIOSK_CLAIM_PURPOSE = 'kiosk_claim';
/** What donation-service.ts writes as donor_name for an anonymous gift. */
const ANONYMOUS = 'Anonymous';

/** The notes a donation order gets for the event, beside kiosk_id and donation_id (which donation-service.ts writes anyway). */
export function eventOrderNotes(eventId: string, installationId: string | undefined): Record<string, string> {
  return {
    ...(eventId === '' ? {} : { [EVENT_NOTE.eventId]: eventId }),
    ...(installationId === undefined ? {} : { [EVENT_NOTE.installationId]: installationId }),
  };
}

export type EventOrderPurpose = 'donation' | 'kiosk_claim';

/** An order's notes, as far as the event is concerned. */
export interface EventOrderNotes {
  eventId: string;
  kioskId: string;
  /** Absent on orders of kiosks older than issue 17. */
  installationId: string | null;
  donationId: string | null;
  purpose: EventOrderPurpose;
  /** Only the first name ever leaves the notes (it may reach the donor wall); null for an anonymous gift. */
  donorFirstName: string | null;
}

function noteText(notes: Record<string, unknown>, key: string): string | null {
  const value = notes[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * The event fields of an order's notes, or null when the order is not one of
 * an event's kiosks (no event_id or kiosk_id). Razorpay sends empty notes as
 * `[]`, not `{}` (razorpay.md §1.1).
 */
export function readEventNotes(notes: unknown): EventOrderNotes | null {
  if (typeof notes !== 'object' || notes === null || Array.isArray(notes)) return null;
  const record = notes as Record<string, unknown>;
  const eventId = noteText(record, EVENT_NOTE.eventId);
  const kioskId = noteText(record, EVENT_NOTE.kioskId);
  if (eventId === null || kioskId === null) return null;
  const donorName = noteText(record, EVENT_NOTE.donorName);
  const first = donorName === null || donorName === ANONYMOUS ? '' : firstName(donorName);
  return {
    eventId,
    kioskId,
    installationId: noteText(record, EVENT_NOTE.installationId),
    donationId: noteText(record, EVENT_NOTE.donationId),
    purpose: noteText(record, EVENT_NOTE.purpose) === KIOSK_CLAIM_PURPOSE ? 'kiosk_claim' : 'donation',
    donorFirstName: first === '' ? null : first,
  };
}

/**
 * The receipt of the order that claims `kioskId` for the event. Razorpay
 * refuses a second order with the same receipt ("Order receipt should be
 * unique.", razorpay.md §1.1), so whichever installation creates it first owns
 * the kiosk id for that event, for good. The event's start day is part of it:
 * an event id used again in another year is a new event. 39 characters (≤ 40).
 */
export function kioskClaimReceipt(eventId: string, eventStartDate: string, kioskId: string): string {
  const digest = createHash('sha256').update(`${eventId}\n${eventStartDate}\n${kioskId}`).digest('hex');
  return `kclaim-${digest.slice(0, 32)}`;
}

/** The notes of the claim order: who claims which id, in words for whoever finds it in the Razorpay dashboard. */
export function kioskClaimNotes(eventId: string, kioskId: string, installationId: string): Record<string, string> {
  return {
    [EVENT_NOTE.eventId]: eventId,
    [EVENT_NOTE.kioskId]: kioskId,
    [EVENT_NOTE.installationId]: installationId,
    [EVENT_NOTE.purpose]: KIOSK_CLAIM_PURPOSE,
    about: `Not a donation: it reserves kiosk id ${kioskId} for event ${eventId}, so two kiosks never issue the same receipt numbers. It is never paid.`,
  };
}
