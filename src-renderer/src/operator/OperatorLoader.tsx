// The operator screens are a chunk of their own: donors never open them, and
// keeping them out of the entry chunk shortens every start (issue 8). They load
// when the operator corner is held, so by the time the PIN pad is wanted the
// chunk is usually there; if it is not, a plain message shows, and a failed
// load says so with a way back.
import { useEffect, useState } from 'react';
import type { KioskMode } from '../../../src-main/contract/kiosk-api.ts';
import { ScreenFrame } from '../components/ScreenFrame.tsx';
import { t } from '../i18n/t.ts';
import type * as OperatorScreens from './Operator.tsx';
import { OperatorUnavailable } from './OperatorUnavailable.tsx';

type OperatorModule = typeof OperatorScreens;

let loading: Promise<OperatorModule> | null = null;

/** Starts (or joins) loading the operator chunk; a failed load is tried afresh next time. */
export function preloadOperator(): Promise<OperatorModule> {
  loading ??= import('./Operator.tsx').catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

interface OperatorLoaderProps {
  mode: KioskMode | undefined;
  onClose: () => void;
}

export function OperatorLoader({ mode, onClose }: OperatorLoaderProps) {
  const [loaded, setLoaded] = useState<OperatorModule | 'failed' | null>(null);

  useEffect(() => {
    let live = true;
    preloadOperator().then(
      (module) => live && setLoaded(module),
      (err: unknown) => {
        console.error('[kiosk] operator screens could not be loaded:', err);
        if (live) setLoaded('failed');
      },
    );
    return () => {
      live = false;
    };
  }, []);

  if (loaded === null) {
    return (
      <ScreenFrame name="operator-loading" mode={mode}>
        <div className="panel operator-panel" role="status">
          <p>{t('operator.loading')}</p>
        </div>
      </ScreenFrame>
    );
  }
  if (loaded === 'failed') return <OperatorUnavailable mode={mode} onClose={onClose} />;
  return <loaded.Operator mode={mode} onClose={onClose} />;
}
