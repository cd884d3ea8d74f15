// What the operator console may ask of the updater. The installed app
// implements it (src-main/electron/auto-update.ts); browser mode has none.
import type { UpdateStatus } from '../../contract/kiosk-api.ts';

export interface UpdateControl {
  status(): UpdateStatus;
  /** Checks the feed now (a found update downloads in the background); answers the status after the check. */
  checkNow(): Promise<UpdateStatus>;
  /** The operator's "install now": installs a downloaded update at once, or says why not. */
  installNow(): { ok: true; status: UpdateStatus } | { ok: false; message: string };
}

/** Browser mode and unpackaged runs: no updater. */
export function updatesNotSupported(currentVersion: string, feedUrl: string, installHour: number | null): UpdateStatus {
  return {
    currentVersion,
    state: 'not-supported',
    message: 'This copy of the kiosk (browser mode or a development run) does not update itself.',
    availableVersion: null,
    downloadPercent: null,
    lastCheckedAt: null,
    feedUrl,
    installHour,
  };
}
