// The console's fields, all usable with a finger: text and numbers typed on
// the kiosk's keys, choices as buttons, a tick box. Each says what is wrong
// with it right under it (in the operator's language), and a hint where one
// helps.
import type { ReactNode } from 'react';
import type { KeyLayout, Script } from '../../components/OnScreenKeys.tsx';
import { TypedInput } from './typing.tsx';

/** Ids of the hint and the error under a field, for aria-describedby. */
function describedBy(id: string, hint: ReactNode, extra?: string): string {
  return [hint ? `${id}-hint` : null, `${id}-error`, extra ?? null].filter((x) => x !== null).join(' ');
}

function Under({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | undefined }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <p id={`${id}-error`} className="field-error" aria-live="polite">
        {error ?? ''}
      </p>
    </>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  layout?: KeyLayout;
  script?: Script | undefined;
  hint?: ReactNode;
  error?: string | undefined;
  /** Shown before the value, e.g. ₹. */
  prefix?: string;
  password?: boolean;
  /** The field's own language (lang attribute), for a text in another language than the console's. */
  lang?: string;
  className?: string;
  disabled?: boolean;
}

export function TextField({ id, label, value, onChange, maxLength, layout = 'text', script, hint, error, prefix, password, lang, className, disabled }: TextFieldProps) {
  const input = (
    <TypedInput
      id={id}
      label={label}
      layout={layout}
      script={script}
      maxLength={maxLength}
      value={value}
      onChange={onChange}
      type={password ? 'password' : 'text'}
      lang={lang}
      disabled={disabled}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy(id, hint)}
    />
  );
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {prefix ? (
        <div className="input-prefix">
          <span aria-hidden="true">{prefix}</span>
          {input}
        </div>
      ) : (
        input
      )}
      <Under id={id} hint={hint} error={error} />
    </div>
  );
}

/** Whole numbers on the number pad. */
export function NumberField(props: Omit<TextFieldProps, 'layout' | 'script' | 'password'>) {
  return <TextField {...props} layout="numeric" className={`field-number${props.className ? ` ${props.className}` : ''}`} />;
}

export interface Choice<T extends string> {
  value: T;
  label: string;
  /** A colour shown on the button (colour choices). */
  swatch?: string;
  lang?: string;
}

interface ChoicesProps<T extends string> {
  id: string;
  label: string;
  value: T;
  choices: Choice<T>[];
  onChange: (value: T) => void;
  hint?: ReactNode;
  error?: string | undefined;
}

/** One of a few choices, each a button (a radio group): no drop-down list to scroll on a touchscreen. */
export function Choices<T extends string>({ id, label, value, choices, onChange, hint, error }: ChoicesProps<T>) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <span className="field-label" id={`${id}-label`}>
        {label}
      </span>
      <div className="choices" role="radiogroup" id={id} aria-labelledby={`${id}-label`} aria-describedby={describedBy(id, hint)} aria-invalid={error ? true : undefined}>
        {choices.map((choice) => (
          <button
            key={choice.value}
            type="button"
            role="radio"
            aria-checked={choice.value === value}
            lang={choice.lang}
            className={`btn choice-button${choice.swatch ? ' choice-swatch' : ''}`}
            onClick={() => onChange(choice.value)}
          >
            {choice.swatch && <span className="swatch" style={{ background: choice.swatch }} aria-hidden="true" />}
            {choice.label}
          </button>
        ))}
      </div>
      <Under id={id} hint={hint} error={error} />
    </div>
  );
}

/** A tick box the size of a finger. */
export function TickBox({ id, label, checked, onChange, hint }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: ReactNode }) {
  return (
    <div className="field">
      <label className="check" htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
        <span className="check-box" aria-hidden="true" />
        <span>{label}</span>
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

export { Under as FieldNotes };
