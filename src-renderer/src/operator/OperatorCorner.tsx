// The hidden way in: hold the top-left corner for 3 seconds (touch, pen or
// mouse), or press Ctrl+Alt+O. Invisible to donors; a quick tap does nothing.
// Opening asks main for the console, which has its own window (Electron) or
// its own origin (browser mode): the donor page holds no operator method.
import { useEffect, useRef, type PointerEvent } from 'react';
import { getKioskApi } from '../bridge/bridge.ts';
import { currentLanguage, t } from '../i18n/t.ts';

function openConsole(): void {
  void getKioskApi()
    .then((api) => api.openOperatorConsole({ language: currentLanguage().code }))
    .catch((err: unknown) => console.error('[kiosk] the operator console could not be opened:', err));
}

export const LONG_PRESS_MS = 3_000;
/** A finger that slides further than this is scrolling or swiping, not holding. */
const MOVE_TOLERANCE_PX = 24;

export function OperatorCorner() {
  const press = useRef<{ id: number; x: number; y: number; timer: ReturnType<typeof setTimeout> } | null>(null);

  const cancel = (): void => {
    if (press.current) clearTimeout(press.current.timer);
    press.current = null;
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey && e.altKey && !e.metaKey && e.code === 'KeyO') {
        e.preventDefault();
        openConsole();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (press.current) clearTimeout(press.current.timer);
    };
  }, []);

  const down = (e: PointerEvent<HTMLButtonElement>): void => {
    cancel();
    try {
      e.currentTarget.setPointerCapture(e.pointerId);
    } catch {
      // Not every pointer can be captured; the hold still works while it stays on the corner.
    }
    const timer = setTimeout(() => {
      press.current = null;
      openConsole();
    }, LONG_PRESS_MS);
    press.current = { id: e.pointerId, x: e.clientX, y: e.clientY, timer };
  };

  const move = (e: PointerEvent<HTMLButtonElement>): void => {
    const p = press.current;
    if (!p || p.id !== e.pointerId) return;
    if (Math.hypot(e.clientX - p.x, e.clientY - p.y) > MOVE_TOLERANCE_PX) cancel();
  };

  return (
    <button
      type="button"
      className="operator-corner"
      aria-label={t('operator.corner')}
      aria-keyshortcuts="Control+Alt+O"
      tabIndex={-1}
      data-testid="operator-corner"
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={cancel}
      onPointerCancel={cancel}
      onLostPointerCapture={cancel}
      onContextMenu={(e) => e.preventDefault()}
    />
  );
}
