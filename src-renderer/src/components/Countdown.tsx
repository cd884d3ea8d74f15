import { useEffect, useRef, useState } from 'react';
import { tCount } from '../i18n/t.ts';

interface CountdownProps {
  seconds: number;
  onExpire: () => void;
}

/**
 * "Returning to the start in N seconds". Any touch, click or key press on the
 * page starts the count again, so a donor who is still reading is not rushed.
 */
export function Countdown({ seconds, onExpire }: CountdownProps) {
  const total = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : 30;
  const [left, setLeft] = useState(total);
  const expire = useRef(onExpire);
  useEffect(() => {
    expire.current = onExpire;
  }, [onExpire]);

  useEffect(() => {
    const tick = setInterval(() => setLeft((n) => Math.max(0, n - 1)), 1000);
    const restart = (): void => setLeft(total);
    window.addEventListener('pointerdown', restart);
    window.addEventListener('keydown', restart);
    return () => {
      clearInterval(tick);
      window.removeEventListener('pointerdown', restart);
      window.removeEventListener('keydown', restart);
    };
  }, [total]);

  useEffect(() => {
    if (left === 0) expire.current();
  }, [left]);

  return (
    <p className="countdown" aria-live="polite" aria-atomic="true">
      {tCount('countdown', left)}
    </p>
  );
}
