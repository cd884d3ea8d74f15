// Donation ids and Razorpay receipts. Receipts must be unique across the
// merchant account for ever (Razorpay refuses a reused one), including after a
// kiosk is reinstalled with an empty ledger, so they carry a time part and a
// random part, not a counter.
import { randomBytes } from 'node:crypto';

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

function randomBase36(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += BASE36[byte % 36];
  return out;
}

/** `d` + time (base36, sorts by creation) + 6 random characters. */
export function newDonationId(now: number = Date.now()): string {
  return `d${now.toString(36)}${randomBase36(6)}`;
}

/** ≤ 40 characters: kiosk id (≤ 12) + '-' + donation id (≤ 27 for centuries to come). */
export function receiptFor(kioskId: string, donationId: string): string {
  const receipt = `${kioskId}-${donationId}`.toUpperCase();
  if (receipt.length > 40) throw new Error(`receipt ${receipt} is longer than Razorpay's 40 characters`);
  return receipt;
}
