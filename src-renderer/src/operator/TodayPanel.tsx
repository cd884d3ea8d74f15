// The "Today" tab: the day's money and attempts (any day can be chosen), the
// event's totals, and the day's donations; a search finds a donation by its
// receipt number, reference, payment id or donor name, on any day.
import { useState, type FormEvent } from 'react';
import type { OperatorOverview } from '../../../src-main/contract/kiosk-api.ts';
import { en } from '../i18n/en.ts';
import { formatRupees, t, type MessageKey } from '../i18n/t.ts';
import { formatDateTime, formatDay, formatTime, indiaToday } from './india-date.ts';
import { DateField } from './touch/DateField.tsx';
import { TextField } from './touch/fields.tsx';
import { EventCard } from './EventCard.tsx';
import type { OperatorCaller } from './operator-api.ts';
import { useHideKeys } from './touch/typing.tsx';

/** A receipt number that may wrap after its slashes (KIOSK-1/2026-27/000001), not in the middle of a part. */
export function Breakable({ text }: { text: string }) {
  const parts = text.split('/');
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </span>
      ))}
    </>
  );
}

export function stateLabel(state: string): string {
  const key = `state.${state}`;
  return Object.hasOwn(en, key) ? t(key as MessageKey) : state;
}

interface TodayProps {
  overview: OperatorOverview;
  call: OperatorCaller;
  /** Reads the overview again (after the event report). */
  onRefresh: () => void;
  search: string;
  onSearch: (query: string) => void;
  onDay: (day: string) => void;
}

export function TodayPanel({ overview, call, onRefresh, search, onSearch, onDay }: TodayProps) {
  const [query, setQuery] = useState(search);
  const today = indiaToday();
  const isToday = overview.day === today;
  const searching = search !== '';
  const hideKeys = useHideKeys();
  // The keys make way for what the search found.
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    hideKeys();
    onSearch(query.trim());
  };
  const paid = (n: number): string => t(n === 1 ? 'operator.today.paidCount.one' : 'operator.today.paidCount.other', { n });

  return (
    <div className="today">
      {overview.outOfService !== null && (
        <p role="alert" className="op-alert" data-testid="out-of-service">
          {t('operator.outOfService', { reason: overview.outOfService })}
        </p>
      )}
      {overview.beingConfirmed.length > 0 && <BeingConfirmed rows={overview.beingConfirmed} />}
      <div className="today-summary">
        <div className="today-total" data-testid="today-received">
          <span className="today-total-label">{isToday ? t('operator.today.received') : t('operator.today.receivedOn', { day: formatDay(overview.day) })}</span>
          <span className="today-total-amount">{formatRupees(overview.receivedRupees)}</span>
          <span>{paid(overview.paidCount)}</span>
          {overview.recoveredCount > 0 && <span>{t('operator.today.recovered', { n: overview.recoveredCount })}</span>}
        </div>
        {overview.event && <EventCard event={overview.event} call={call} onRefresh={onRefresh} />}
        {overview.byState.length > 0 && (
          <table className="op-table today-states" data-testid="today-by-state">
            <caption>{t('operator.today.byState')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('operator.col.state')}</th>
                <th scope="col">{t('operator.col.count')}</th>
                <th scope="col">{t('operator.col.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {overview.byState.map((s) => (
                <tr key={s.state} data-state={s.state}>
                  <td>{stateLabel(s.state)}</td>
                  <td className="num">{s.count}</td>
                  <td className="num">{formatRupees(s.amountRupees)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>

      <div className="today-tools">
        <DateField id="today-day" label={t('operator.today.day')} value={overview.day} onChange={(day) => onDay(day)} />
        <form className="today-search" onSubmit={submit} role="search">
          <TextField id="op-search" label={t('operator.today.search')} value={query} maxLength={80} onChange={setQuery} />
          <div className="actions">
            <button type="submit" className="btn btn-secondary">
              {t('operator.today.searchButton')}
            </button>
            {searching && (
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => {
                  setQuery('');
                  onSearch('');
                }}
              >
                {t('operator.today.clear')}
              </button>
            )}
          </div>
        </form>
      </div>

      {overview.donations.length === 0 ? (
        <p className="today-empty">{searching ? t('operator.today.noMatch', { search }) : isToday ? t('operator.today.none') : t('operator.today.noneOn', { day: formatDay(overview.day) })}</p>
      ) : (
        <table className="op-table today-list cards-when-narrow" data-testid="today-list">
          <caption>{searching ? t('operator.today.matches', { search }) : t('operator.today.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('operator.col.time')}</th>
              <th scope="col">{t('operator.col.receipt')}</th>
              <th scope="col">{t('operator.col.donor')}</th>
              <th scope="col">{t('operator.col.cause')}</th>
              <th scope="col">{t('operator.col.amount')}</th>
              <th scope="col">{t('operator.col.state')}</th>
            </tr>
          </thead>
          <tbody>
            {overview.donations.map((d) => (
              <tr key={d.donationId} data-state={d.state} data-receipt={d.receiptNumber ?? ''}>
                <td data-label={t('operator.col.time')}>{searching || !isToday ? formatDateTime(d.createdAt) : formatTime(d.createdAt)}</td>
                <td data-label={t('operator.col.receipt')}>
                  <span className="mono">{d.receiptNumber ? <Breakable text={d.receiptNumber} /> : '—'}</span>
                  <span className="mono reference">{d.receipt}</span>
                </td>
                <td data-label={t('operator.col.donor')}>{d.donorName ?? <span className="muted">{t('operator.anonymous')}</span>}</td>
                <td data-label={t('operator.col.cause')}>{d.cause}</td>
                <td data-label={t('operator.col.amount')} className="num">
                  {formatRupees(d.amountRupees)}
                </td>
                <td data-label={t('operator.col.state')}>
                  {stateLabel(d.state)}
                  {d.recovered && <span className="tag">{t('operator.recoveredTag')}</span>}
                  {d.contact !== null && <span className="muted op-contact">{t('operator.contact', { contact: d.contact })}</span>}
                  {d.cash && <span className="tag">{t('operator.cashTag')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Payments Razorpay has authorised that the kiosk has not captured yet: staff must not ask these donors to pay again. */
function BeingConfirmed({ rows }: { rows: OperatorOverview['beingConfirmed'] }) {
  return (
    <table className="op-table cards-when-narrow" data-testid="being-confirmed">
      <caption>{t('operator.beingConfirmed.heading', { n: rows.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('operator.col.time')}</th>
          <th scope="col">{t('operator.col.receipt')}</th>
          <th scope="col">{t('operator.col.donor')}</th>
          <th scope="col">{t('operator.col.amount')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => (
          <tr key={d.donationId}>
            <td data-label={t('operator.col.time')}>{formatDateTime(d.since)}</td>
            <td data-label={t('operator.col.receipt')} className="mono">{d.receipt}</td>
            <td data-label={t('operator.col.donor')}>
              {d.donorName ?? <span className="muted">{t('operator.anonymous')}</span>}
              {d.contact !== null && <span className="muted op-contact">{t('operator.contact', { contact: d.contact })}</span>}
            </td>
            <td data-label={t('operator.col.amount')} className="num">{formatRupees(d.amountRupees)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={4} className="op-note">{t('operator.beingConfirmed.note')}</td>
        </tr>
      </tfoot>
    </table>
  );
}
