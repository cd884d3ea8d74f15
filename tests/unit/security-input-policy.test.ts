import { describe, expect, it } from 'vitest';
import { isOperatorChord, shouldBlockInput, type KeyInput } from '../../src-main/security/input-policy.ts';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

const kiosk = { lockedDown: true, devToolsAllowed: false };
const dev = { lockedDown: false, devToolsAllowed: true };

describe('shouldBlockInput', () => {
  it.each<[string, KeyInput]>([
    ['Ctrl+R', key('r', { control: true })],
    ['Cmd+R', key('R', { meta: true })],
    ['Ctrl+Shift+R', key('R', { control: true, shift: true })],
    ['F5', key('F5')],
    ['F11', key('F11')],
    ['Ctrl+W', key('w', { control: true })],
    ['Cmd+Q', key('q', { meta: true })],
    ['Ctrl+F4', key('F4', { control: true })],
    ['Alt+F4', key('F4', { alt: true })],
    ['Alt+Left', key('ArrowLeft', { alt: true })],
    ['Ctrl+P', key('p', { control: true })],
    ['Ctrl+=', key('=', { control: true })],
    ['Ctrl+-', key('-', { control: true })],
    ['Ctrl+0', key('0', { control: true })],
    ['Ctrl+Cmd+F', key('f', { control: true, meta: true })],
    ['F12', key('F12')],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['Cmd+Alt+I', key('i', { meta: true, alt: true })],
  ])('blocks %s in kiosk mode', (_label, input) => {
    expect(shouldBlockInput(input, kiosk)).toBe(true);
  });

  it.each<[string, KeyInput]>([
    ['a', key('a')],
    ['Shift+A', key('A', { shift: true })],
    ['digits', key('7')],
    ['Backspace', key('Backspace')],
    ['Enter', key('Enter')],
    ['Tab', key('Tab')],
    ['Ctrl+C', key('c', { control: true })],
    ['Ctrl+V', key('v', { control: true })],
    ['Ctrl+A', key('a', { control: true })],
    ['Ctrl+Z', key('z', { control: true })],
    ['Escape', key('Escape')],
    ['ArrowLeft', key('ArrowLeft')],
  ])('lets %s through in kiosk mode', (_label, input) => {
    expect(shouldBlockInput(input, kiosk)).toBe(false);
  });

  it('only looks at key-down events', () => {
    expect(shouldBlockInput({ ...key('r', { control: true }), type: 'keyUp' }, kiosk)).toBe(false);
    expect(shouldBlockInput({ ...key('r', { control: true }), type: 'rawKeyDown' }, kiosk)).toBe(true);
  });

  it('blocks nothing but disallowed DevTools when windowed', () => {
    expect(shouldBlockInput(key('r', { control: true }), dev)).toBe(false);
    expect(shouldBlockInput(key('F12'), dev)).toBe(false);
    expect(shouldBlockInput(key('F12'), { lockedDown: false, devToolsAllowed: false })).toBe(true);
    expect(shouldBlockInput(key('F12'), { lockedDown: true, devToolsAllowed: true })).toBe(false);
  });

  it('lets the documented Ctrl+Alt+O through in kiosk mode, so the welcome screen can open the console; Ctrl+O stays blocked (issue 14, item 12)', () => {
    expect(shouldBlockInput(key('o', { control: true, alt: true }), kiosk)).toBe(false);
    expect(shouldBlockInput(key('O', { control: true, alt: true, shift: true }), kiosk)).toBe(false);
    expect(isOperatorChord(key('o', { control: true, alt: true }))).toBe(true);
    expect(isOperatorChord({ ...key('o', { control: true, alt: true }), type: 'keyUp' })).toBe(false);
    expect(isOperatorChord(key('o', { control: true, alt: true, meta: true }))).toBe(false);
    expect(shouldBlockInput(key('o', { control: true }), kiosk)).toBe(true);
    expect(shouldBlockInput(key('o', { meta: true }), kiosk)).toBe(true);
  });
});
