// What an on-screen key does to a field (src-renderer/src/components/key-editing.ts):
// it types at the caret, replaces a selection, erases before the caret, and
// keeps the caret right through the amount's Indian grouping.
import { describe, expect, it } from 'vitest';
import { applyKey, shownIndex, valueIndex } from '../../src-renderer/src/components/key-editing.ts';
import { formatGrouped } from '../../src-renderer/src/i18n/t.ts';

const plain = (value: string, start: number | null, end = start) => ({ value, shown: value, selection: start === null ? null : { start, end: end ?? start }, maxLength: 60 });

describe('on-screen keys', () => {
  it('type at the caret, not at the end', () => {
    expect(applyKey(plain('sha', 0), { kind: 'text', text: 'A' })).toEqual({ value: 'Asha', caret: 1 });
    expect(applyKey(plain('Asa', 2), { kind: 'text', text: 'h' })).toEqual({ value: 'Asha', caret: 3 });
  });

  it('replace a selection, and erase the selection or the character before the caret', () => {
    expect(applyKey(plain('Asha Rao', 5, 8), { kind: 'text', text: 'K' })).toEqual({ value: 'Asha K', caret: 6 });
    expect(applyKey(plain('Asha Rao', 4, 8), { kind: 'erase' })).toEqual({ value: 'Asha', caret: 4 });
    expect(applyKey(plain('Asha', 2), { kind: 'erase' })).toEqual({ value: 'Aha', caret: 1 });
    expect(applyKey(plain('Asha', 0), { kind: 'erase' })).toBeNull();
  });

  it('type at the end when the field does not have the caret, and stop at the longest value', () => {
    expect(applyKey(plain('Ash', null), { kind: 'text', text: 'a' })).toEqual({ value: 'Asha', caret: 4 });
    expect(applyKey({ ...plain('A'.repeat(60), 60) }, { kind: 'text', text: 'B' })).toBeNull();
    expect(applyKey(plain('Asha', 2), { kind: 'clear' })).toEqual({ value: '', caret: 0 });
  });

  it('keep the caret through the amount\'s Indian grouping', () => {
    const amount = (value: string, at: number) => ({ value, shown: formatGrouped(value), selection: { start: at, end: at }, maxLength: 7, display: formatGrouped });
    expect(formatGrouped('100000')).toBe('1,00,000');
    // "4,500" with the caret after the 4: a 9 goes there, and the caret follows it past the new comma.
    expect(applyKey(amount('4500', 1), { kind: 'text', text: '9' })).toEqual({ value: '49500', caret: 2 });
    expect(formatGrouped('49500')).toBe('49,500');
    // Erasing just after a comma erases the digit before it.
    expect(applyKey(amount('49500', 3), { kind: 'erase' })).toEqual({ value: '4500', caret: 1 });
    expect(valueIndex('100000', '1,00,000', 2)).toBe(1);
    expect(shownIndex('100000', '1,00,000', 3)).toBe(4);
  });
});
