// An on-screen numeric PIN pad: big buttons 0-9, delete and OK; the physical
// keyboard's digits, Backspace and Enter work too. Digits show as dots only.
import { useEffect, useRef } from 'react';
import { MAX_PIN_LENGTH, MIN_EXISTING_PIN_LENGTH, MIN_PIN_LENGTH } from '../../../src-shared/pin-rule.ts';
import { t } from '../i18n/t.ts';

export const PIN_MAX = MAX_PIN_LENGTH;

interface PinPadProps {
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  disabled?: boolean;
  /** id of the text that says what the pad is for (heading, error). */
  describedBy?: string;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export function PinPad({ value, onChange, onSubmit, disabled = false, describedBy }: PinPadProps) {
  // The keyboard listener reads the latest props without re-subscribing.
  const latest = useRef({ value, onChange, onSubmit, disabled });
  useEffect(() => {
    latest.current = { value, onChange, onSubmit, disabled };
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const { value: v, onChange: change, onSubmit: submit, disabled: off } = latest.current;
      if (off || e.ctrlKey || e.altKey || e.metaKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
      if (/^[0-9]$/.test(e.key)) {
        e.preventDefault();
        if (v.length < PIN_MAX) change(v + e.key);
      } else if (e.key === 'Backspace') {
        e.preventDefault();
        change(v.slice(0, -1));
      } else if (e.key === 'Enter') {
        // A focused pad button handles Enter itself (as a click).
        if (target?.tagName === 'BUTTON') return;
        e.preventDefault();
        submit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const press = (digit: string): void => {
    if (!disabled && value.length < PIN_MAX) onChange(value + digit);
  };
  const entered = t(value.length === 1 ? 'pinpad.entered.one' : 'pinpad.entered.other', { n: value.length });

  return (
    <div className="pinpad" aria-describedby={describedBy}>
      <div className="pin-dots" role="status" aria-live="polite" aria-label={`${t('pinpad.label')}: ${entered}`} data-testid="pin-dots">
        {Array.from({ length: Math.max(MIN_PIN_LENGTH, value.length) }, (_, i) => (
          <span key={i} className={`pin-dot${i < value.length ? ' pin-dot-filled' : ''}`} aria-hidden="true" />
        ))}
      </div>
      <div className="pin-keys">
        {KEYS.map((d) => (
          <button key={d} type="button" className="btn pin-key" disabled={disabled} onClick={() => press(d)}>
            {d}
          </button>
        ))}
        <button type="button" className="btn pin-key pin-key-del" disabled={disabled || value === ''} aria-label={t('pinpad.delete')} onClick={() => onChange(value.slice(0, -1))}>
          ⌫
        </button>
        <button type="button" className="btn pin-key" disabled={disabled} onClick={() => press('0')}>
          0
        </button>
        <button type="button" className="btn btn-primary pin-key pin-key-ok" disabled={disabled || value.length < MIN_EXISTING_PIN_LENGTH} onClick={onSubmit}>
          {t('pinpad.ok')}
        </button>
      </div>
    </div>
  );
}
