// What the welcome screen shows while it waits for a donor: the event's goal
// and how much has been received towards it (captured payments only, from the
// ledger), and, if the operator turned it on, the first names of recent donors.
// Nothing personal beyond a first name ever leaves here.
import type { AttractInfo } from '../contract/kiosk-api.ts';
import type { KioskConfig } from './kiosk-config.ts';
import type { Ledger } from './ledger/ledger.ts';
import { indianDayRange, indianDayRangeAt } from '../../src-shared/india-time.ts';

export const DONOR_WALL_SIZE = 12;

/** The start of the event's first day, or of today when no event start date is set (India's days). */
function periodStart(config: Pick<KioskConfig, 'eventStartDate'>, now: Date): number {
  return (indianDayRange(config.eventStartDate) ?? indianDayRangeAt(now.getTime())).from;
}

/** "Asha" from "Asha Rao"; a name is never shown in full on a public screen. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

export function attractInfo(ledger: Ledger, config: Pick<KioskConfig, 'eventStartDate' | 'goalRupees' | 'showDonorWall'>, now: Date): AttractInfo {
  const raisedPaise = ledger.sumPaidSince(periodStart(config, now));
  const recentDonors = config.showDonorWall
    ? ledger.listRecentPaidNames(DONOR_WALL_SIZE).map((name) => (name === null || firstName(name) === '' ? null : firstName(name)))
    : [];
  return { goalRupees: config.goalRupees, raisedRupees: Math.floor(raisedPaise / 100), recentDonors };
}
