// The update policy: an update never installs mid-donation; it installs once
// the kiosk is idle on the welcome screen, or in the operator's install hour.
// Activity comes from the renderer's calls as main sees them (kiosk-activity.ts).
import { describe, expect, it } from 'vitest';
import { KioskActivityTracker, WELCOME_HEARTBEAT_GAP_MS } from '../../src-main/domain/updates/kiosk-activity.ts';
import { decideUpdateInstall, QUIET_PERIOD_MS, type UpdateSituation } from '../../src-main/domain/updates/update-policy.ts';

/** A clock tests move by hand, starting on 26 Nov 2026 at 14:00 local time. */
function fakeClock() {
  let now = new Date(2026, 10, 26, 14, 0, 0).getTime();
  return {
    now: () => now,
    date: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

/** A kiosk whose renderer polls status every 3 s on the welcome screen, as the real one does. */
function kioskUnderClock(options: { operatorActive?: () => boolean } = {}) {
  const clock = fakeClock();
  const tracker = new KioskActivityTracker({ now: clock.now, isOperatorActive: options.operatorActive ?? (() => false) });
  const welcomeFor = (ms: number) => {
    for (let elapsed = 0; elapsed < ms; elapsed += 3_000) {
      tracker.observe('getKioskStatus');
      clock.advance(3_000);
    }
    tracker.observe('getKioskStatus');
  };
  const decide = (extra: Partial<UpdateSituation> = {}) =>
    decideUpdateInstall({ updateDownloaded: true, activity: tracker.current(), now: clock.date(), installHour: null, ...extra });
  return { clock, tracker, welcomeFor, decide };
}

describe('update policy with the kiosk activity main observes', () => {
  it('an update that arrives mid-donation waits, and installs once the kiosk is idle on welcome', () => {
    const kiosk = kioskUnderClock();
    kiosk.welcomeFor(5 * 60_000);
    // A donor starts: the welcome polls stop, and the donation calls arrive.
    kiosk.tracker.observe('startDonation');
    kiosk.clock.advance(20_000);
    kiosk.tracker.observe('checkoutOpened');
    // The update finishes downloading while Checkout is open.
    expect(kiosk.decide()).toEqual({ action: 'wait', reason: 'donation-in-progress' });
    kiosk.clock.advance(60_000);
    kiosk.tracker.observe('confirmPayment');
    // Thank-you screen: still no welcome polls.
    kiosk.clock.advance(20_000);
    expect(kiosk.decide()).toEqual({ action: 'wait', reason: 'donation-in-progress' });
    // Back on welcome, but only just: a new donor may be walking up.
    kiosk.welcomeFor(30_000);
    expect(kiosk.decide()).toEqual({ action: 'wait', reason: 'welcome-not-quiet-yet' });
    kiosk.welcomeFor(QUIET_PERIOD_MS);
    expect(kiosk.decide()).toEqual({ action: 'install' });
  });

  it('an update that arrives while the kiosk is idle on welcome installs', () => {
    const kiosk = kioskUnderClock();
    kiosk.welcomeFor(QUIET_PERIOD_MS + 3_000);
    expect(kiosk.decide()).toEqual({ action: 'install' });
  });

  it('nothing installs before an update is downloaded', () => {
    const kiosk = kioskUnderClock();
    kiosk.welcomeFor(QUIET_PERIOD_MS * 2);
    expect(kiosk.decide({ updateDownloaded: false })).toEqual({ action: 'wait', reason: 'no-update' });
  });

  it('a donor on the amount screen (no donation call yet) counts as a donation in progress', () => {
    const kiosk = kioskUnderClock();
    kiosk.welcomeFor(10 * 60_000);
    // The donor touched "Donate": the welcome polls stop; no call has been made yet.
    kiosk.clock.advance(WELCOME_HEARTBEAT_GAP_MS + 1);
    expect(kiosk.decide()).toEqual({ action: 'wait', reason: 'donation-in-progress' });
  });

  it('a donation call restarts the quiet period even if a status poll follows at once', () => {
    const kiosk = kioskUnderClock();
    kiosk.welcomeFor(10 * 60_000);
    kiosk.tracker.observe('cancelDonation');
    kiosk.welcomeFor(3_000);
    expect(kiosk.decide()).toEqual({ action: 'wait', reason: 'welcome-not-quiet-yet' });
  });

  it('a kiosk whose welcome screen has not been seen yet is not idle', () => {
    const kiosk = kioskUnderClock();
    expect(kiosk.decide()).toEqual({ action: 'wait', reason: 'donation-in-progress' });
  });

  it('waits while the operator console is open, and installs after operator mode ends', () => {
    let operatorActive = true;
    const kiosk = kioskUnderClock({ operatorActive: () => operatorActive });
    kiosk.welcomeFor(QUIET_PERIOD_MS + 3_000);
    expect(kiosk.decide()).toEqual({ action: 'wait', reason: 'operator-session' });
    operatorActive = false;
    expect(kiosk.decide()).toEqual({ action: 'install' });
  });

  describe('with an install hour', () => {
    it('waits outside the hour even when idle, and installs in it', () => {
      const kiosk = kioskUnderClock();
      kiosk.welcomeFor(QUIET_PERIOD_MS + 3_000);
      // 14:02 local; the operator chose 03:00.
      expect(kiosk.decide({ installHour: 3 })).toEqual({ action: 'wait', reason: 'outside-install-hour' });
      // Through the night on the welcome screen, to 03:10.
      kiosk.welcomeFor(13 * 60 * 60_000 + 8 * 60_000);
      expect(kiosk.clock.date().getHours()).toBe(3);
      expect(kiosk.decide({ installHour: 3 })).toEqual({ action: 'install' });
    });

    it('never installs mid-donation, even in the install hour', () => {
      const kiosk = kioskUnderClock();
      kiosk.welcomeFor(QUIET_PERIOD_MS + 3_000);
      kiosk.tracker.observe('startDonation');
      expect(kiosk.decide({ installHour: 14 })).toEqual({ action: 'wait', reason: 'donation-in-progress' });
    });

    it('a missed hour waits for the next day rather than installing late', () => {
      const kiosk = kioskUnderClock();
      kiosk.welcomeFor(QUIET_PERIOD_MS + 3_000);
      // 14:02: the 13:00 hour has passed today.
      expect(kiosk.decide({ installHour: 13 })).toEqual({ action: 'wait', reason: 'outside-install-hour' });
    });
  });
});
