// No native dialog from a page the donor can reach (issue 14, item 5): the
// print dialog, a file chooser and the File System Access pickers are a way
// out of a kiosk (a file browser can open and run things). Electron has no
// hook for <input type=file> (electron/electron#32671) nor for window.print,
// so this guard disarms them inside the page itself, before any other script
// runs: in the donor page (src-renderer/src/main.tsx, before checkout.js is
// loaded) and, through a session preload, in every frame and popup of the
// donor's session (src-main/preload/dialog-guard.ts). Downloads, the Save
// dialog's way in, are refused by the session (src-main/electron/session-policy.ts).
//
// The function is self-contained (no imports, no outer variables): the
// preload hands its source to contextBridge.executeInMainWorld.

/** The parts of a window the guard touches (structural, so Node tests can pass a fake). */
export interface DialogGuardTarget {
  print?: unknown;
  showOpenFilePicker?: unknown;
  showSaveFilePicker?: unknown;
  showDirectoryPicker?: unknown;
  HTMLInputElement?: { prototype: { showPicker?: unknown } };
  addEventListener(type: string, listener: (event: DialogGuardEvent) => void, options: { capture: boolean }): void;
}

export interface DialogGuardEvent {
  target: unknown;
  preventDefault(): void;
  stopImmediatePropagation(): void;
}

/** Disarms the dialogs in `target` (the page's own window when called without one, as executeInMainWorld does). */
export function neutraliseNativeDialogs(target: DialogGuardTarget = globalThis as unknown as DialogGuardTarget): void {
  const refused = (): never => {
    throw new Error('Not available at this kiosk.');
  };
  const lock = (object: object, name: string, value: unknown): void => {
    try {
      Object.defineProperty(object, name, { value, writable: false, configurable: false });
    } catch {
      // Already locked (the guard ran twice).
    }
  };
  lock(target, 'print', () => undefined);
  for (const picker of ['showOpenFilePicker', 'showSaveFilePicker', 'showDirectoryPicker']) lock(target, picker, () => Promise.reject(new Error('Not available at this kiosk.')));
  const input = target.HTMLInputElement?.prototype;
  if (input !== undefined) {
    const original = input.showPicker;
    lock(input, 'showPicker', function showPicker(this: { type?: unknown }) {
      if (this.type === 'file') refused();
      if (typeof original === 'function') return (original as () => unknown).call(this);
      return undefined;
    });
  }
  // A click (or label click, or element.click()) on a file input opens the chooser only if not cancelled.
  const isFileInput = (node: unknown): boolean => {
    let current = node as { tagName?: unknown; type?: unknown; control?: unknown; parentElement?: unknown } | null;
    for (let depth = 0; current !== null && current !== undefined && depth < 32; depth += 1) {
      if (typeof current.tagName === 'string' && current.tagName.toUpperCase() === 'INPUT' && current.type === 'file') return true;
      if (typeof current.tagName === 'string' && current.tagName.toUpperCase() === 'LABEL' && isFileInputControl(current.control)) return true;
      current = (current.parentElement ?? null) as typeof current;
    }
    return false;
  };
  const isFileInputControl = (control: unknown): boolean => {
    const c = control as { tagName?: unknown; type?: unknown } | null | undefined;
    return c !== null && c !== undefined && typeof c.tagName === 'string' && c.tagName.toUpperCase() === 'INPUT' && c.type === 'file';
  };
  target.addEventListener(
    'click',
    (event) => {
      if (!isFileInput(event.target)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    },
    { capture: true },
  );
}
