// A day chosen with taps, no typing: the field shows it day/month/year; a tap
// opens a month calendar (with a step of a year for dates such as an 80G
// approval's end), a tap on a day chooses it. The value is YYYY-MM-DD, a day
// in India's calendar, as main takes it.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { currentLanguage, t } from '../../i18n/t.ts';
import { dayString, daysInMonth, formatDay, indiaToday, mondayOffset, parseDay, type CalendarDay } from '../india-date.ts';
import { FieldNotes } from './fields.tsx';

interface DateFieldProps {
  id: string;
  label: string;
  /** YYYY-MM-DD, or "" for no day. */
  value: string;
  onChange: (day: string) => void;
  /** "No day" may be chosen (the field may be empty). */
  optional?: boolean;
  hint?: ReactNode;
  error?: string | undefined;
}

function monthName(year: number, month: number): string {
  return new Intl.DateTimeFormat(currentLanguage().intlLocale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
}

function dayName(day: CalendarDay): string {
  return new Intl.DateTimeFormat(currentLanguage().intlLocale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(day.year, day.month - 1, day.day));
}

/** Monday first, in the console's language. */
function weekdayNames(): string[] {
  const format = new Intl.DateTimeFormat(currentLanguage().intlLocale, { weekday: 'short', timeZone: 'UTC' });
  // 5 January 1970 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(Date.UTC(1970, 0, 5 + i)));
}

function shift(view: { year: number; month: number }, months: number): { year: number; month: number } {
  const index = view.year * 12 + (view.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function DateField({ id, label, value, onChange, optional, hint, error }: DateFieldProps) {
  const chosen = parseDay(value);
  const today = parseDay(indiaToday()) ?? { year: 2026, month: 1, day: 1 };
  const [open, setOpen] = useState(false);
  const [view, setView] = useState(() => ({ year: (chosen ?? today).year, month: (chosen ?? today).month }));
  const calendar = useRef<HTMLDivElement>(null);
  // The calendar opens under the field: all of it in view.
  useEffect(() => {
    if (open) calendar.current?.scrollIntoView({ block: 'nearest', behavior: 'instant' });
  }, [open]);

  const choose = (day: string): void => {
    onChange(day);
    setOpen(false);
  };
  const toggle = (): void => {
    if (!open) setView({ year: (chosen ?? today).year, month: (chosen ?? today).month });
    setOpen(!open);
  };

  const blanks = mondayOffset(view.year, view.month);
  const count = daysInMonth(view.year, view.month);
  const step = (months: number, name: string) => (
    <button type="button" className="btn calendar-step" aria-label={name} onClick={() => setView(shift(view, months))}>
      <span aria-hidden="true">{months < 0 ? (months === -12 ? '«' : '‹') : months === 12 ? '»' : '›'}</span>
    </button>
  );

  return (
    <div className={`field field-date${error ? ' field-invalid' : ''}`}>
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
      <button
        type="button"
        id={id}
        className="date-value"
        aria-labelledby={`${id}-label ${id}`}
        aria-describedby={[hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ')}
        aria-expanded={open}
        aria-controls={`${id}-calendar`}
        aria-invalid={error ? true : undefined}
        onClick={toggle}
      >
        <span>{chosen ? formatDay(value) : t('operator.date.none')}</span>
        <span className="date-icon" aria-hidden="true" />
      </button>
      {open && (
        <div className="calendar" ref={calendar} id={`${id}-calendar`} role="group" aria-label={t('operator.date.calendar', { field: label })}>
          <div className="calendar-head">
            {step(-12, t('operator.date.previousYear'))}
            {step(-1, t('operator.date.previousMonth'))}
            <p className="calendar-month" aria-live="polite">
              {monthName(view.year, view.month)}
            </p>
            {step(1, t('operator.date.nextMonth'))}
            {step(12, t('operator.date.nextYear'))}
          </div>
          <div className="calendar-grid">
            {weekdayNames().map((name) => (
              <span key={name} className="calendar-weekday" aria-hidden="true">
                {name}
              </span>
            ))}
            {Array.from({ length: blanks }, (_, i) => (
              <span key={`blank-${i}`} aria-hidden="true" />
            ))}
            {Array.from({ length: count }, (_, i) => {
              const day = { year: view.year, month: view.month, day: i + 1 };
              const text = dayString(day);
              const isToday = text === dayString(today);
              return (
                <button
                  key={text}
                  type="button"
                  className={`calendar-day${isToday ? ' calendar-today' : ''}`}
                  aria-label={dayName(day)}
                  aria-pressed={text === value}
                  aria-current={isToday ? 'date' : undefined}
                  onClick={() => choose(text)}
                >
                  {i + 1}
                </button>
              );
            })}
          </div>
          <div className="actions calendar-actions">
            <button type="button" className="btn btn-secondary" onClick={() => choose(dayString(today))}>
              {t('operator.date.today')}
            </button>
            {optional && (
              <button type="button" className="btn btn-secondary" onClick={() => choose('')}>
                {t('operator.date.clear')}
              </button>
            )}
            <button type="button" className="btn btn-secondary" onClick={() => setOpen(false)}>
              {t('operator.date.close')}
            </button>
          </div>
        </div>
      )}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
