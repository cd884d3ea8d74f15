// Typing in the console on the kiosk's own keys (OnScreenKeys, the keyboard
// donors use): a field shows its keys in the dock at the bottom of the
// console when it is tapped, until another field is tapped or "Hide keys".
// The dock stays put while the operator taps elsewhere (Save, a checkbox), so
// nothing under the finger moves. A physical keyboard types into the same
// inputs (inputMode "none" only keeps a system keyboard away).
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type InputHTMLAttributes, type PointerEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { OnScreenKeys, type KeyLayout, type Script } from '../../components/OnScreenKeys.tsx';
import { t } from '../../i18n/t.ts';

interface TypingState {
  active: string | null;
  setActive: (id: string | null) => void;
  dock: HTMLElement | null;
}

const TypingContext = createContext<TypingState | null>(null);

/**
 * The console's dock for the keys; every TypedInput inside types through it.
 * While `suspended` (a prompt over the console, such as the PIN asked again,
 * has keys of its own) the dock is empty, and the field's keys come back after.
 */
export function TypingArea({ children, suspended = false }: { children: ReactNode; suspended?: boolean }) {
  const [typing, setActive] = useState<string | null>(null);
  const [dock, setDock] = useState<HTMLElement | null>(null);
  const active = suspended ? null : typing;
  const state = useMemo(() => ({ active, setActive, dock }), [active, dock]);
  return (
    <TypingContext.Provider value={state}>
      <div className={active ? 'typing-area typing-open' : 'typing-area'}>
        {children}
        {/* While typing, room for the last field of a short form to scroll up above the keys. */}
        {active && <div className="typing-room" aria-hidden="true" />}
        <div className="typing-dock" ref={setDock} data-testid="typing-dock" />
      </div>
    </TypingContext.Provider>
  );
}

/** Closes the keys (after a save, or when the panel changes). */
export function useHideKeys(): () => void {
  const typing = useContext(TypingContext);
  return useCallback(() => typing?.setActive(null), [typing]);
}

const keepFocus = (e: PointerEvent): void => e.preventDefault();

export interface TypedInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'id' | 'maxLength'> {
  id: string;
  /** What the dock says the keys type into. */
  label: string;
  layout: KeyLayout;
  /** The name keyboard's first script (a Hindi text starts in Devanagari). */
  script?: Script | undefined;
  maxLength: number;
  value: string;
  onChange: (value: string) => void;
}

/** An input typed on the kiosk's keys (and a physical keyboard). */
export function TypedInput({ id, label, layout, script, maxLength, value, onChange, onFocus, ...rest }: TypedInputProps) {
  const typing = useContext(TypingContext);
  const active = typing !== null && typing.active === id;
  const input = useRef<HTMLInputElement>(null);
  // Once the keys are docked, a field they would hide goes to the top of the screen, above them (scroll-margin in console.css).
  const dock = typing?.dock ?? null;
  useEffect(() => {
    const field = input.current;
    if (!active || !field) return;
    const { top, bottom } = field.getBoundingClientRect();
    const keysTop = window.innerHeight - (dock?.getBoundingClientRect().height ?? 0);
    if (top < 0 || bottom > keysTop) field.scrollIntoView({ block: 'start', behavior: 'instant' });
  }, [active, dock]);
  return (
    <>
      <input
        {...rest}
        ref={input}
        id={id}
        value={value}
        maxLength={maxLength}
        inputMode="none"
        autoComplete="off"
        spellCheck={false}
        aria-controls={active ? `${id}-keys` : undefined}
        onFocus={(e) => {
          typing?.setActive(id);
          onFocus?.(e);
        }}
        onChange={(e) => onChange(e.target.value)}
      />
      {active &&
        typing.dock &&
        createPortal(
          <div className="typing-keys" id={`${id}-keys`}>
            <div className="typing-head">
              <p className="typing-target">{t('operator.typing.into', { field: label })}</p>
              <button type="button" className="btn btn-secondary typing-hide" onPointerDown={keepFocus} onClick={() => typing.setActive(null)}>
                {t('operator.typing.hide')}
              </button>
            </div>
            <OnScreenKeys key={`${id}-${layout}`} layout={layout} {...(script ? { script } : {})} value={value} onChange={onChange} maxLength={maxLength} controls={id} />
          </div>,
          typing.dock,
        )}
    </>
  );
}
