import { useEffect, useRef, type ReactNode } from 'react';
import type { KioskMode } from '../../../src-main/contract/kiosk-api.ts';
import { formatRupees, t } from '../i18n/t.ts';

function ModeBanner({ mode }: { mode: KioskMode | undefined }) {
  if (mode === 'demo') return <div className="banner banner-demo">{t('banner.demo')}</div>;
  if (mode === 'test') return <div className="banner banner-test">{t('banner.test')}</div>;
  return null;
}

interface ScreenFrameProps {
  /** data-screen, for tests and styling. */
  name: string;
  mode: KioskMode | undefined;
  className?: string;
  children: ReactNode;
}

/** Every screen's root: the mode banner, then the screen's content. */
export function ScreenFrame({ name, mode, className, children }: ScreenFrameProps) {
  return (
    <div className={`screen screen-${name}${className ? ` ${className}` : ''}`} data-screen={name}>
      <ModeBanner mode={mode} />
      <main className="screen-body">{children}</main>
    </div>
  );
}

/** The screen's h1, focused when the screen appears so screen readers and keyboards start there. */
export function ScreenHeading({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={className}>
      {children}
    </h1>
  );
}

/** A form screen's head: its heading, and the gift being given beside it. */
export function FormHead({ heading, amount }: { heading: ReactNode; amount: number | null }) {
  return (
    <div className="panel-head">
      <ScreenHeading>{heading}</ScreenHeading>
      {amount !== null && (
        <p className="amount-chip">
          <span>{t('details.summary')}</span>
          <strong>{formatRupees(amount)}</strong>
        </p>
      )}
    </div>
  );
}

/** A busy indicator; static when the donor prefers reduced motion (see styles.css). */
export function Spinner() {
  return (
    <div className="spinner" aria-hidden="true">
      <span />
      <span />
      <span />
    </div>
  );
}
