// When may a downloaded update be installed? A pure decision, so it can be
// tested with a fake clock (tests/unit/update-policy.test.ts).
//
// Installing closes and restarts the app (up to a minute on a kiosk), so:
// - never while a donor is giving, or while the operator console is open;
// - without an install hour: once the welcome screen has stood untouched for
//   a quiet period, so a donor who just finished is not met by a restart;
// - with an install hour (0-23, the kiosk's local time): only during that hour,
//   and still only while the welcome screen is idle. The operator picks an hour
//   the event is closed (say 3 a.m.); an update that is still waiting when the
//   hour ends waits for the next day's.

import type { KioskActivity } from './kiosk-activity.ts';

/** How long the welcome screen must stand untouched before an unscheduled install. */
export const QUIET_PERIOD_MS = 2 * 60_000;

export interface UpdateSituation {
  /** The update is downloaded and verified, ready to install. */
  updateDownloaded: boolean;
  activity: KioskActivity;
  /** Now, on the kiosk's clock (its local hour counts). */
  now: Date;
  /** 0-23 local time, or null: install whenever the kiosk is quiet. */
  installHour: number | null;
  quietPeriodMs?: number;
}

export type WaitReason =
  /** Nothing downloaded yet. */
  | 'no-update'
  | 'donation-in-progress'
  | 'operator-session'
  /** On the welcome screen, but not yet for the quiet period. */
  | 'welcome-not-quiet-yet'
  | 'outside-install-hour';

export type UpdateDecision = { action: 'install' } | { action: 'wait'; reason: WaitReason };

export function decideUpdateInstall(situation: UpdateSituation): UpdateDecision {
  if (!situation.updateDownloaded) return { action: 'wait', reason: 'no-update' };
  const { activity } = situation;
  if (activity.kind === 'donation-in-progress') return { action: 'wait', reason: 'donation-in-progress' };
  if (activity.kind === 'operator-session') return { action: 'wait', reason: 'operator-session' };
  if (situation.installHour !== null && situation.now.getHours() !== situation.installHour) {
    return { action: 'wait', reason: 'outside-install-hour' };
  }
  if (activity.idleForMs < (situation.quietPeriodMs ?? QUIET_PERIOD_MS)) return { action: 'wait', reason: 'welcome-not-quiet-yet' };
  return { action: 'install' };
}

/** The operator's words for a wait. */
export function describeWait(reason: WaitReason, installHour: number | null): string {
  switch (reason) {
    case 'no-update':
      return 'No update is waiting.';
    case 'donation-in-progress':
      return 'Waiting: a donation is in progress; the update installs once the kiosk is back on the welcome screen and quiet.';
    case 'operator-session':
      return 'Waiting: the update installs after operator mode ends and the welcome screen is quiet.';
    case 'welcome-not-quiet-yet':
      return 'Waiting for the welcome screen to stay untouched for two minutes, then it installs.';
    case 'outside-install-hour':
      return `Waiting for the install hour (${formatHour(installHour ?? 0)}); it installs then if the kiosk is idle.`;
  }
}

export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}
