// What the renderer needs to know about the kiosk's health right now. The
// connectivity monitor and the ledger set it; getKioskStatus reads it.
import type { KioskStatus } from '../contract/kiosk-api.ts';

export class KioskHealth {
  /** Razorpay answered recently (any HTTP answer counts; only no answer means offline). */
  online = true;
  /** The ledger is open and writable. */
  ledgerAvailable = true;
  /** Why the kiosk id holds donations for the event (src-main/domain/fleet/event-fleet.ts); null when it does not. */
  kioskIdHold: () => 'checking' | 'taken' | null = () => null;

  status(): KioskStatus {
    const hold = this.kioskIdHold();
    return { online: this.online, acceptingDonations: this.online && this.ledgerAvailable && hold === null, ...(hold === null ? {} : { kioskIdHold: hold }) };
  }
}
