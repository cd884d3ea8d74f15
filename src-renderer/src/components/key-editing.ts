// What an on-screen key does to a field: types at the caret (replacing a
// selection), erases the character before it, or clears. Pure, so the unit
// tests can run it without a DOM (../components/OnScreenKeys.tsx reads the
// caret and puts it back).
//
// A field may show its value differently (the amount's "1,00,000" for
// "100000"): the caret is in what is shown, the edit is on the value. A shown
// string is the value with separators added, so the two map by counting the
// value's characters.

export type KeyPress = { kind: 'text'; text: string } | { kind: 'erase' } | { kind: 'clear' };

export interface EditContext {
  value: string;
  /** What the field shows (the value itself unless `display` formats it). */
  shown: string;
  /** The caret or selection in `shown`; null when the field does not have the focus (keys type at the end). */
  selection: { start: number; end: number } | null;
  maxLength: number;
  display?: ((value: string) => string) | undefined;
}

export interface Edit {
  value: string;
  /** Where the caret goes in what the field will show. */
  caret: number;
}

/** How many of the value's characters come before `position` in the shown string. */
export function valueIndex(value: string, shown: string, position: number): number {
  let matched = 0;
  for (let i = 0; i < Math.min(position, shown.length) && matched < value.length; i++) {
    if (shown[i] === value[matched]) matched++;
  }
  return matched;
}

/** The position in the shown string just after the value's first `count` characters. */
export function shownIndex(value: string, shown: string, count: number): number {
  if (count <= 0) return 0;
  let matched = 0;
  for (let i = 0; i < shown.length; i++) {
    if (shown[i] === value[matched]) {
      matched++;
      if (matched === count) return i + 1;
    }
  }
  return shown.length;
}

/** The field after the key, or null when the key changes nothing (too long, nothing to erase). */
export function applyKey(context: EditContext, key: KeyPress): Edit | null {
  const { value, shown, maxLength } = context;
  const show = context.display ?? ((v: string) => v);
  if (key.kind === 'clear') return value === '' ? null : { value: '', caret: 0 };
  const start = context.selection ? valueIndex(value, shown, context.selection.start) : value.length;
  const end = context.selection ? Math.max(start, valueIndex(value, shown, context.selection.end)) : value.length;
  let next: string;
  let at: number;
  if (key.kind === 'text') {
    next = value.slice(0, start) + key.text + value.slice(end);
    if (next.length > maxLength) return null;
    at = start + key.text.length;
  } else if (start !== end) {
    next = value.slice(0, start) + value.slice(end);
    at = start;
  } else {
    if (start === 0) return null;
    next = value.slice(0, start - 1) + value.slice(end);
    at = start - 1;
  }
  return { value: next, caret: shownIndex(next, show(next), at) };
}
