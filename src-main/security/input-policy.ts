// Keyboard shortcuts the kiosk swallows in `before-input-event` (electron.md
// §7), before the page and any menu see them. Electron-free.
//
// With `Menu.setApplicationMenu(null)` most of these do nothing anyway; this
// is the second layer. Plain typing, editing (Ctrl+C/V/A/Z) and Tab are never
// blocked, so Checkout's forms keep working.

/** The fields of Electron's `Input` this policy reads. */
export interface KeyInput {
  type: string; // 'keyDown' | 'keyUp' | …
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

export interface InputPolicyOptions {
  /** Kiosk mode: block quit, close, reload, fullscreen toggles, zoom, history and printing. */
  lockedDown: boolean;
  /** DevTools shortcuts pass only when DevTools are allowed (unpackaged builds). */
  devToolsAllowed: boolean;
}

const DEVTOOLS_LETTERS = new Set(['i', 'j', 'c']);
const LOCKED_COMMAND_LETTERS = new Set(['r', 'w', 'q', 'p', 's', 'o', 'n', 't', 'm', 'h']);
const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0']);

/**
 * Ctrl+Alt+O, the documented way to the operator console besides the hidden
 * corner (docs/operator.md). It passes the lockdown filter (which would
 * otherwise swallow it as Ctrl+O: issue 14, item 12) so the welcome screen can
 * ask for the console, in the language it is showing.
 */
export function isOperatorChord(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  return input.control && input.alt && !input.meta && input.key.toLowerCase() === 'o';
}

export function shouldBlockInput(input: KeyInput, options: InputPolicyOptions): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const command = input.control || input.meta;

  const devTools =
    key === 'F12' ||
    (command && input.shift && DEVTOOLS_LETTERS.has(key)) ||
    (input.meta && input.alt && DEVTOOLS_LETTERS.has(key));
  if (devTools) return !options.devToolsAllowed;

  if (!options.lockedDown || isOperatorChord(input)) return false;
  if (key === 'F5' || key === 'F11' || key === 'BrowserRefresh' || key === 'BrowserBack' || key === 'BrowserForward') {
    return true;
  }
  if (input.alt && (key === 'F4' || key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home')) return true;
  if (command && (key === 'F4' || LOCKED_COMMAND_LETTERS.has(key) || ZOOM_KEYS.has(key))) return true;
  // macOS: Ctrl+Cmd+F toggles fullscreen.
  if (input.control && input.meta && key === 'f') return true;
  return false;
}
