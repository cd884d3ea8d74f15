// The whole event on the welcome screen (issue 17): under the goal bar, each
// kiosk's share; under the bar and the donor wall, when the figures were last
// brought up to date from Razorpay, or that the kiosk is offline and shows the
// figures it last knew. Small and self-contained, so the welcome layout stays
// the donor screens' own (Welcome.tsx).
import type { EventTotals } from '../../../src-main/contract/kiosk-api.ts';
import { formatClockTime, formatRupees, t } from '../i18n/t.ts';

/** "All kiosks, updated 4:05 pm", or "Offline: the total as of 4:05 pm". */
export function EventFreshness({ event, testId }: { event: EventTotals; testId: string }) {
  let text: string;
  if (event.lastKnown) text = event.updatedAt === null ? t('welcome.event.lastKnownNever') : t('welcome.event.lastKnown', { time: formatClockTime(event.updatedAt) });
  else text = event.updatedAt === null ? t('welcome.event.updating') : t('welcome.event.updated', { time: formatClockTime(event.updatedAt) });
  return (
    <p className={`event-freshness${event.lastKnown ? ' event-freshness-offline' : ''}`} data-testid={testId} data-last-known={event.lastKnown}>
      {text}
    </p>
  );
}

/** Each kiosk's part of the total, this kiosk named as such; nothing with a single kiosk. */
export function EventShares({ event }: { event: EventTotals }) {
  if (event.kiosks.length < 2) return null;
  return (
    <ul className="event-shares" aria-label={t('welcome.event.shares')} data-testid="event-shares">
      {event.kiosks.map((share) => (
        <li key={share.kioskId} data-kiosk={share.kioskId} data-raised={share.raisedRupees} className={share.thisKiosk ? 'event-share-own' : undefined}>
          <span className="event-share-name">{share.thisKiosk ? `${t('welcome.event.thisKiosk')} · ${share.kioskId}` : share.kioskId}</span>
          <span className="event-share-amount">{formatRupees(share.raisedRupees)}</span>
        </li>
      ))}
    </ul>
  );
}
