// A field the kiosk's own keys (./OnScreenKeys.tsx) type into: no system
// keyboard, no autofill or spell checking, and the same label, hint and error
// wiring on every screen that asks the donor to type.
import type { ReactNode, Ref } from 'react';

interface KeyedFieldProps {
  id: string;
  label: ReactNode;
  /** Read by screen readers only (the field's purpose is shown some other way). */
  labelHidden?: boolean;
  /** Shown under the field while it has no error. */
  hint?: ReactNode;
  /** The field's problem in words; empty when there is none. */
  error: string;
  /** The on-screen keys type into this field now: it is marked. */
  typing?: boolean;
  /** Extra classes on the field's box. */
  className?: string;
  /** Inside the field's box, before its label (e.g. a choice that decides what is typed). */
  lead?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  onFocus?: () => void;
  maxLength: number;
  type?: 'text' | 'tel';
  name?: string;
  autoCapitalize?: 'off' | 'words' | 'characters';
  enterKeyHint?: 'next' | 'go';
  inputRef?: Ref<HTMLInputElement>;
}

export function KeyedField({ id, label, labelHidden, hint, error, typing, className, lead, value, onChange, onFocus, maxLength, type = 'text', name, autoCapitalize = 'off', enterKeyHint, inputRef }: KeyedFieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const boxClass = ['field', error ? 'field-invalid' : '', typing ? 'field-typing' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <div className={boxClass}>
      {lead}
      <label htmlFor={id} className={labelHidden ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        name={name}
        type={type}
        inputMode="none"
        autoComplete="off"
        autoCapitalize={autoCapitalize}
        spellCheck={false}
        enterKeyHint={enterKeyHint}
        maxLength={maxLength}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={hint === undefined ? errorId : `${hintId} ${errorId}`}
        onFocus={onFocus}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint !== undefined && (
        <p id={hintId} className="hint" hidden={Boolean(error)}>
          {hint}
        </p>
      )}
      <p id={errorId} className="field-error" aria-live="polite">
        {error}
      </p>
    </div>
  );
}
