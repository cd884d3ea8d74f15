// The guard that disarms native dialogs inside a page (src-shared/native-dialog-guard.ts;
// issue 14, item 5), against a fake window: print does nothing, a click on a
// file input (or its label) is cancelled, showPicker and the file-system
// pickers refuse, and a page cannot put print back.
import { describe, expect, it, vi } from 'vitest';
import { neutraliseNativeDialogs, type DialogGuardEvent, type DialogGuardTarget } from '../../src-shared/native-dialog-guard.ts';

function fakeWindow() {
  const listeners: ((event: DialogGuardEvent) => void)[] = [];
  const originalPrint = vi.fn();
  const originalShowPicker = vi.fn(function (this: unknown) {
    return this;
  });
  const target: DialogGuardTarget & { print: unknown } = {
    print: originalPrint,
    showOpenFilePicker: vi.fn(),
    HTMLInputElement: { prototype: { showPicker: originalShowPicker } },
    addEventListener: (type, listener, options) => {
      expect(type).toBe('click');
      expect(options).toEqual({ capture: true });
      listeners.push(listener);
    },
  };
  const click = (node: unknown) => {
    const event = { target: node, prevented: false, stopped: false, preventDefault: () => (event.prevented = true), stopImmediatePropagation: () => (event.stopped = true) };
    for (const listener of listeners) listener(event);
    return event;
  };
  return { target, click, originalPrint, originalShowPicker };
}

describe('neutraliseNativeDialogs', () => {
  it('makes print do nothing, for good', () => {
    const { target, originalPrint } = fakeWindow();
    neutraliseNativeDialogs(target);
    (target.print as () => void)();
    expect(originalPrint).not.toHaveBeenCalled();
    expect(() => {
      'use strict';
      (target as { print: unknown }).print = originalPrint;
    }).toThrow(TypeError);
  });

  it('cancels clicks on a file input, its label or anything inside them, and leaves other clicks alone', () => {
    const { target, click } = fakeWindow();
    neutraliseNativeDialogs(target);
    const fileInput = { tagName: 'INPUT', type: 'file', parentElement: null };
    const label = { tagName: 'LABEL', control: fileInput, parentElement: null };
    const inside = { tagName: 'SPAN', parentElement: label };
    for (const node of [fileInput, label, inside]) expect(click(node)).toMatchObject({ prevented: true, stopped: true });
    for (const node of [{ tagName: 'BUTTON', parentElement: null }, { tagName: 'INPUT', type: 'text', parentElement: null }, { tagName: 'LABEL', control: { tagName: 'INPUT', type: 'text' }, parentElement: null }]) {
      expect(click(node)).toMatchObject({ prevented: false });
    }
  });

  it('refuses showPicker on a file input and the file-system pickers; other pickers still work', async () => {
    const { target, originalShowPicker } = fakeWindow();
    neutraliseNativeDialogs(target);
    const showPicker = target.HTMLInputElement?.prototype.showPicker as (this: { type: string }) => unknown;
    expect(() => showPicker.call({ type: 'file' })).toThrow(/Not available/);
    const date = { type: 'date' };
    expect(showPicker.call(date)).toBe(date);
    expect(originalShowPicker).toHaveBeenCalledTimes(1);
    await expect((target.showOpenFilePicker as () => Promise<unknown>)()).rejects.toThrow(/Not available/);
  });
});
