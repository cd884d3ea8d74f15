// Whether the kiosk offers 80G receipts today: one rule for the details
// screen (KioskState.taxReceiptsOffered), for main refusing 80G details it
// does not offer (donation-service.ts, receipt-service.ts's cash gifts) and
// for the console.
import type { KioskConfig } from '../kiosk-config.ts';
import { isoIndianDay } from '../../../src-shared/india-time.ts';

/**
 * Offered only when the receipt can carry what the law asks of the
 * organisation (address, PAN, 80G approval number), and only while the 80G
 * approval is valid, in Indian dates.
 */
export function taxReceiptsOffered(config: KioskConfig, now: number = Date.now()): boolean {
  const today = isoIndianDay(now);
  const inForce =
    (config.registration80GValidFrom === '' || config.registration80GValidFrom <= today) &&
    (config.registration80GValidTo === '' || today <= config.registration80GValidTo);
  return config.organisationPan !== '' && config.registration80G !== '' && config.organisationAddress !== '' && inForce;
}

/** What main answers when 80G details come in on a day the kiosk does not offer 80G receipts. */
export const TAX_RECEIPT_NOT_OFFERED = '80G receipts are not offered by this kiosk today (no 80G registration, or outside its validity); nothing was recorded.';
