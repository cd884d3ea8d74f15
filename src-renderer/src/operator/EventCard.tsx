// The console's "this event" card. Without an event id: this kiosk's own
// totals since the event's first day. With one (issue 17): the whole event
// across its kiosks from Razorpay, each kiosk's share, when it was last
// brought up to date (or that Razorpay cannot be reached and these are the
// last known figures), this kiosk's cash, and the event report.
import { useState } from 'react';
import type { EventFleetView, EventReportResult, OperatorOverview } from '../../../src-main/contract/kiosk-api.ts';
import { formatClockTime, formatRupees, t } from '../i18n/t.ts';
import type { OperatorCaller } from './operator-api.ts';
import { formatDay } from './india-date.ts';

type OverviewEvent = NonNullable<OperatorOverview['event']>;

export function EventCard({ event, call, onRefresh }: { event: OverviewEvent; call: OperatorCaller; onRefresh: () => void }) {
  const attempts = event.byState.reduce((sum, line) => sum + line.count, 0);
  const heading = t('operator.event.received', { name: event.name || t('operator.event.unnamed'), since: formatDay(event.since) });
  if (event.fleet === null) {
    return (
      <div className="today-total" data-testid="event-received">
        <span className="today-total-label">{heading}</span>
        <span className="today-total-amount">{formatRupees(event.receivedRupees)}</span>
        <span>{t(event.paidCount === 1 ? 'operator.today.paidCount.one' : 'operator.today.paidCount.other', { n: event.paidCount })}</span>
        <span>{t('operator.event.attempts', { n: attempts })}</span>
      </div>
    );
  }
  const { totals } = event.fleet;
  return (
    <div className="today-total event-card" data-testid="event-received" data-event-id={totals.eventId}>
      <span className="today-total-label">{heading}</span>
      <span className="today-total-amount" data-testid="event-total" data-raised={totals.raisedRupees}>
        {t('operator.event.allKiosks', { amount: formatRupees(totals.raisedRupees) })}
      </span>
      <span>{t(totals.donations === 1 ? 'operator.event.fleetDonations.one' : 'operator.event.fleetDonations.other', { n: totals.donations })}</span>
      <Freshness fleet={event.fleet} />
      {totals.kiosks.length > 0 && (
        <table className="op-table event-shares-table" data-testid="event-shares-table">
          <caption>{t('operator.event.shares')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('operator.event.col.kiosk')}</th>
              <th scope="col">{t('operator.event.col.donations')}</th>
              <th scope="col">{t('operator.col.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {totals.kiosks.map((share) => (
              <tr key={share.kioskId} data-kiosk={share.kioskId} data-raised={share.raisedRupees}>
                <td>
                  {share.kioskId}
                  {share.thisKiosk && <span className="tag">{t('operator.event.thisKioskTag')}</span>}
                </td>
                <td className="num">{share.donations}</td>
                <td className="num">{formatRupees(share.raisedRupees)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <span>
        {t('operator.event.thisKiosk', { amount: formatRupees(event.receivedRupees) })} · {t('operator.event.attempts', { n: attempts })}
      </span>
      {event.fleet.cashGifts > 0 && <span>{t('operator.event.cash', { amount: formatRupees(event.fleet.cashRupees), n: event.fleet.cashGifts })}</span>}
      {event.fleet.kioskIdCheck.foreignPayments > 0 && (
        <p className="operator-error" role="alert">
          {t('operator.event.foreign', { n: event.fleet.kioskIdCheck.foreignPayments })}
        </p>
      )}
      <EventReport call={call} onRefresh={onRefresh} />
    </div>
  );
}

function Freshness({ fleet }: { fleet: EventFleetView }) {
  const { totals } = fleet;
  let text: string;
  if (totals.updatedAt === null) text = t('operator.event.notYet');
  else if (totals.lastKnown) text = t('operator.event.lastKnown', { time: formatClockTime(totals.updatedAt) });
  else text = t('operator.event.updated', { time: formatClockTime(totals.updatedAt), next: formatClockTime(fleet.nextReadAt) });
  return (
    <span className={totals.lastKnown ? 'event-freshness-offline' : undefined} data-testid="event-freshness" data-last-known={totals.lastKnown}>
      {text}
    </span>
  );
}

function EventReport({ call, onRefresh }: { call: OperatorCaller; onRefresh: () => void }) {
  const [result, setResult] = useState<EventReportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const exportReport = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    const r = await call((api) => api.exportEventReport());
    setBusy(false);
    if (!r) return;
    if (r.ok) {
      setResult(r.value);
      setError(null);
    } else {
      setResult(null);
      setError(r.error.message);
    }
  };

  return (
    <div className="event-actions">
      <div className="actions">
        <button type="button" className="btn btn-secondary" onClick={onRefresh}>
          {t('operator.event.refresh')}
        </button>
        <button type="button" className="btn btn-secondary" disabled={busy} onClick={() => void exportReport()}>
          {busy ? t('operator.working') : t('operator.event.report')}
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="event-report-result">
        {error && <p className="operator-error">{error}</p>}
        {result && (
          <div className="operator-ok">
            <p>{t(result.rows === 1 ? 'operator.event.reportDone.one' : 'operator.event.reportDone.other', { n: result.rows, kiosks: result.kiosks })}</p>
            <p className="mono export-path" data-testid="event-report-path">
              {result.path}
            </p>
            {result.missingFromThisLedger > 0 && <p className="operator-error">{t('operator.event.reportMissing', { n: result.missingFromThisLedger })}</p>}
            {result.lastKnown && result.asOf !== null && <p>{t('operator.event.reportLastKnown', { time: formatClockTime(result.asOf) })}</p>}
          </div>
        )}
      </div>
    </div>
  );
}

/** On every tab of the console: the kiosk id is not (yet) this kiosk's for the event, so donations wait. */
export function KioskIdBanner({ fleet, onChangeId }: { fleet: EventFleetView | null; onChangeId: () => void }) {
  if (fleet === null || fleet.kioskIdCheck.state === 'ours') return null;
  const { kioskIdCheck } = fleet;
  if (kioskIdCheck.state === 'checking') {
    return (
      <p className="kiosk-id-banner kiosk-id-checking" role="status" data-testid="kiosk-id-banner" data-state="checking">
        {t('operator.kioskId.checking', { kioskId: kioskIdCheck.kioskId })}
      </p>
    );
  }
  return (
    <div className="kiosk-id-banner kiosk-id-taken" role="alert" data-testid="kiosk-id-banner" data-state="taken">
      <p>{t('operator.kioskId.taken', { kioskId: kioskIdCheck.kioskId, since: kioskIdCheck.takenSince === null ? '?' : formatClockTime(kioskIdCheck.takenSince) })}</p>
      <button type="button" className="btn btn-primary" onClick={onChangeId}>
        {t('operator.kioskId.change')}
      </button>
    </div>
  );
}
