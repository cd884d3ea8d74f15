// The kiosk's own keypad and keyboard. The Windows touch keyboard is
// unreliable in Electron, so donors type here; the input beside it keeps
// working with a physical keyboard. Keys never take the focus away from the
// input they type into (pointer-down is cancelled), and they type where the
// caret is, replacing a selection, as a keyboard would. Keys are out of the
// Tab order: a keyboard user tabs from the last field to Continue. Every key
// is at least 56 px square (WCAG 2.5.8 asks for 24, the kiosk's own rule 48).
//
// The name keyboard also has Devanagari in the InScript layout (the Indian
// standard on every Indian keyboard), so a donor can write their name in Hindi.
import { useLayoutEffect, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { currentLanguage, t } from '../i18n/t.ts';
import { applyKey, type Edit, type KeyPress } from './key-editing.ts';

export type KeyLayout = 'numeric' | 'name' | 'email' | 'pan' | 'address' | 'text';

interface OnScreenKeysProps {
  layout: KeyLayout;
  /** The field's value, as the flow keeps it. */
  value: string;
  onChange: (next: string) => void;
  /** The longest value the field takes; keys stop adding at this length. */
  maxLength: number;
  /** The id of the input these keys type into (aria-controls; its caret says where keys type). */
  controls: string;
  /** How the field shows the value when that differs (the amount's Indian grouping); the caret is mapped through it. */
  display?: (value: string) => string;
  /** The name keyboard's first script; the screen's language decides when absent (the console's Hindi fields start in Devanagari). */
  script?: Script;
}

const LATIN_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const DIGIT_ROW = '1234567890';

/**
 * InScript, unshifted and shifted, as on the q, a and z rows of an Indian
 * keyboard; the z row also takes the letters InScript keeps on the number row
 * (ृ ॉ ः, ऋ ऑ ज्ञ त्र क्ष श्र). Left out: what a name cannot hold (comma, danda)
 * and the rare Tamil-transliteration letters, so no row has more than 12 keys.
 */
const INSCRIPT_ROWS: readonly { plain: readonly string[]; shifted: readonly string[] }[] = [
  { plain: ['ौ', 'ै', 'ा', 'ी', 'ू', 'ब', 'ह', 'ग', 'द', 'ज', 'ड', '़'], shifted: ['औ', 'ऐ', 'आ', 'ई', 'ऊ', 'भ', 'ङ', 'घ', 'ध', 'झ', 'ढ', 'ञ'] },
  { plain: ['ो', 'े', '्', 'ि', 'ु', 'प', 'र', 'क', 'त', 'च', 'ट'], shifted: ['ओ', 'ए', 'अ', 'इ', 'उ', 'फ', 'ऱ', 'ख', 'थ', 'छ', 'ठ'] },
  { plain: ['ॆ', 'ं', 'म', 'न', 'व', 'ल', 'स', 'य', 'ृ', 'ॉ', 'ः'], shifted: ['ऎ', 'ँ', 'ण', 'ळ', 'श', 'ष', 'ऋ', 'ऑ', 'ज्ञ', 'त्र', 'क्ष', 'श्र'] },
];

export type Script = 'latin' | 'devanagari';

/** A vowel sign or other combining mark is shown on a dotted circle, as printed keyboards do. */
function keyFace(text: string): string {
  return /^\p{M}/u.test(text) ? `\u25CC${text}` : text;
}

/** Keeps the focus (and the caret) in the input while a key is pressed. */
const keepFocus = (e: PointerEvent): void => e.preventDefault();

function Key({ label, onPress, wide, name, pressed, lang }: { label: ReactNode; onPress: () => void; wide?: 'wide' | 'space'; name?: string; pressed?: boolean; lang?: string }) {
  return (
    <button
      type="button"
      tabIndex={-1}
      className={`key${wide ? ` key-${wide}` : ''}`}
      onPointerDown={keepFocus}
      onClick={onPress}
      aria-label={name}
      aria-pressed={pressed}
      lang={lang}
    >
      {label}
    </button>
  );
}

/** The input the keys type into, when the donor's caret is in it. */
function focusedInput(id: string): HTMLInputElement | null {
  const el = document.getElementById(id);
  return el instanceof HTMLInputElement && document.activeElement === el ? el : null;
}

export function OnScreenKeys({ layout, value, onChange, maxLength, controls, display, script: firstScript }: OnScreenKeysProps) {
  const [shift, setShift] = useState(false);
  const [script, setScript] = useState<Script>(layout === 'name' ? (firstScript ?? (currentLanguage().code === 'hi' ? 'devanagari' : 'latin')) : 'latin');
  // Where the caret goes once the field shows the new value (set after React renders it).
  const caretAfter = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = caretAfter.current;
    caretAfter.current = null;
    const input = at === null ? null : focusedInput(controls);
    input?.setSelectionRange(at, at);
  }, [value, controls]);

  const press = (key: KeyPress): void => {
    const input = focusedInput(controls);
    const shown = display ? display(value) : value;
    const selection = input && input.selectionStart !== null && input.selectionEnd !== null ? { start: input.selectionStart, end: input.selectionEnd } : null;
    const edit: Edit | null = applyKey({ value, shown, selection, maxLength, display }, key);
    if (!edit) return;
    caretAfter.current = edit.caret;
    onChange(edit.value);
  };
  const type = (text: string): void => {
    press({ kind: 'text', text });
    if (shift) setShift(false);
  };
  const erase = (): void => press({ kind: 'erase' });

  if (layout === 'numeric') {
    return (
      <div className="keys keys-numeric" role="group" aria-label={t('keypad.label')} aria-controls={controls} data-testid="numeric-pad">
        {'123456789'.split('').map((d) => (
          <Key key={d} label={d} onPress={() => type(d)} />
        ))}
        <Key label={t('keypad.clear')} onPress={() => press({ kind: 'clear' })} />
        <Key label="0" onPress={() => type('0')} />
        <Key label={<span aria-hidden="true">⌫</span>} name={t('keypad.delete')} onPress={erase} />
      </div>
    );
  }

  const devanagari = layout === 'name' && script === 'devanagari';
  const upper = layout === 'pan' || shift;
  const latinRows = layout === 'name' ? LATIN_ROWS : [DIGIT_ROW, ...LATIN_ROWS];
  const letter = (c: string): string => (upper ? c.toUpperCase() : c);
  const rows: readonly (readonly string[])[] = devanagari
    ? INSCRIPT_ROWS.map((row) => (shift ? row.shifted : row.plain))
    : latinRows.map((row) => row.split('').map(letter));
  return (
    <div
      className={`keys keys-letters keys-${layout}${devanagari ? ' keys-devanagari' : ''}`}
      role="group"
      aria-label={t('keyboard.label')}
      aria-controls={controls}
      data-testid={`keyboard-${layout}`}
      data-script={layout === 'name' ? script : undefined}
    >
      {rows.map((row, i) => (
        <div className="keys-row" key={`${script}-${i}`}>
          {row.map((c) => (
            <Key key={c} label={keyFace(c)} name={keyFace(c) === c ? undefined : c} lang={devanagari ? 'hi' : undefined} onPress={() => type(c)} />
          ))}
        </div>
      ))}
      <div className="keys-row">
        {layout !== 'pan' && <Key label={t('keyboard.shift')} wide="wide" pressed={shift} onPress={() => setShift(!shift)} />}
        {layout === 'name' && (
          <Key
            label={script === 'latin' ? 'अ आ' : 'ABC'}
            // The name holds the face too (WCAG 2.5.3: a voice user says what they see).
            name={`${script === 'latin' ? 'अ आ' : 'ABC'} ${t(script === 'latin' ? 'keyboard.toDevanagari' : 'keyboard.toLatin')}`}
            lang={script === 'latin' ? 'hi' : 'en'}
            wide="wide"
            onPress={() => {
              setScript(script === 'latin' ? 'devanagari' : 'latin');
              setShift(false);
            }}
          />
        )}
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
