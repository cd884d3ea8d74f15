// The kiosk's own keypad and keyboard. The Windows touch keyboard is
// unreliable in Electron, so donors type here; the input beside it keeps
// working with a physical keyboard. Keys never take the focus away from the
// input they type into (pointer-down is cancelled), so the caret stays put
// for both. Every key is at least 56 px square (WCAG 2.5.8 asks for 24,
// the kiosk's own rule 48).
import { useState, type PointerEvent, type ReactNode } from 'react';
import { t } from '../i18n/t.ts';

export type KeyLayout = 'numeric' | 'name' | 'email' | 'pan' | 'address' | 'text';

interface OnScreenKeysProps {
  layout: KeyLayout;
  value: string;
  onChange: (next: string) => void;
  /** The longest value the field takes; keys stop adding at this length. */
  maxLength: number;
  /** The id of the input these keys type into (aria-controls). */
  controls: string;
}

const LETTER_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const DIGIT_ROW = '1234567890';

/** Keeps the focus (and the caret) in the input while a key is pressed. */
const keepFocus = (e: PointerEvent): void => e.preventDefault();

function Key({ label, onPress, wide, name, pressed }: { label: ReactNode; onPress: () => void; wide?: 'wide' | 'space'; name?: string; pressed?: boolean }) {
  return (
    <button
      type="button"
      className={`key${wide ? ` key-${wide}` : ''}`}
      onPointerDown={keepFocus}
      onClick={onPress}
      aria-label={name}
      aria-pressed={pressed}
    >
      {label}
    </button>
  );
}

export function OnScreenKeys({ layout, value, onChange, maxLength, controls }: OnScreenKeysProps) {
  const [shift, setShift] = useState(false);
  const type = (text: string): void => {
    if (value.length + text.length > maxLength) return;
    onChange(value + text);
    if (shift) setShift(false);
  };
  const erase = (): void => onChange(value.slice(0, -1));

  if (layout === 'numeric') {
    return (
      <div className="keys keys-numeric" role="group" aria-label={t('keypad.label')} aria-controls={controls} data-testid="numeric-pad">
        {'123456789'.split('').map((d) => (
          <Key key={d} label={d} onPress={() => type(d)} />
        ))}
        <Key label={t('keypad.clear')} onPress={() => onChange('')} />
        <Key label="0" onPress={() => type('0')} />
        <Key label={<span aria-hidden="true">⌫</span>} name={t('keypad.delete')} onPress={erase} />
      </div>
    );
  }

  const upper = layout === 'pan' || shift;
  const rows = layout === 'name' ? LETTER_ROWS : [DIGIT_ROW, ...LETTER_ROWS];
  const letter = (c: string): string => (upper ? c.toUpperCase() : c);
  return (
    <div className={`keys keys-letters keys-${layout}`} role="group" aria-label={t('keyboard.label')} aria-controls={controls} data-testid={`keyboard-${layout}`}>
      {rows.map((row) => (
        <div className="keys-row" key={row}>
          {row.split('').map((c) => (
            <Key key={c} label={letter(c)} onPress={() => type(letter(c))} />
          ))}
        </div>
      ))}
      <div className="keys-row">
        {layout !== 'pan' && <Key label={t('keyboard.shift')} wide="wide" pressed={shift} onPress={() => setShift(!shift)} />}
        {layout === 'email' && ['@', '.', '-', '_'].map((c) => <Key key={c} label={c} onPress={() => type(c)} />)}
        {layout === 'email' && <Key label=".com" wide="wide" onPress={() => type('.com')} />}
        {layout === 'name' && ['.', "'", '-'].map((c) => <Key key={c} label={c} onPress={() => type(c)} />)}
        {layout === 'address' && [',', '.', '-', '/'].map((c) => <Key key={c} label={c} onPress={() => type(c)} />)}
        {/* Any short text the operator types in the console: names with apostrophes, key ids, addresses of updates. */}
        {layout === 'text' && [',', '.', "'", '-', '_', '/', ':', '&'].map((c) => <Key key={c} label={c} onPress={() => type(c)} />)}
        {(layout === 'name' || layout === 'address' || layout === 'text') && <Key label={t('keyboard.space')} wide="space" onPress={() => type(' ')} />}
        <Key label={<span aria-hidden="true">⌫</span>} name={t('keyboard.delete')} wide="wide" onPress={erase} />
      </div>
    </div>
  );
}
