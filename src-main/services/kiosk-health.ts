// What the renderer needs to know about the kiosk's health right now. The
// connectivity monitor sets `online`; the ledger's own check says whether it
// can be written (ledger-health.ts); getKioskStatus reads both.
import type { KioskStatus } from '../contract/kiosk-api.ts';

export class KioskHealth {
  /** Razorpay answered recently (any answer of Razorpay's counts; no answer, or a page that is not Razorpay's, means offline). */
  online = true;
  /** Why the ledger cannot take donations now (the operator's words), or null; checked on every status read. */
  ledgerProblem: () => string | null = () => null;
  /** Why the kiosk id holds donations for the event (src-main/domain/fleet/event-fleet.ts); null when it does not. */
  kioskIdHold: () => 'checking' | 'taken' | null = () => null;

  status(): KioskStatus {
    const problem = this.ledgerProblem();
    const hold = this.kioskIdHold();
    return {
      online: this.online,
      acceptingDonations: this.online && problem === null && hold === null,
      ...(problem === null ? {} : { outOfServiceReason: problem }),
      ...(hold === null ? {} : { kioskIdHold: hold }),
    };
  }
}
