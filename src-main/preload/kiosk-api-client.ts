// The two renderer-facing APIs, each over one `invoke(channel, payload)`
// function: the donor page's (DonorApi, src-main/preload/preload.ts) and the
// operator console's (OperatorApi, src-main/preload/operator-preload.ts).
// Electron-free so plain Node tests cover it.
//
// Only intent methods, each taking at most its one payload (extra arguments
// are dropped), no channels, no event objects. A rejected invoke (no handler,
// window closing, structured-clone failure) resolves to a `kiosk_unavailable`
// Result: the API never rejects.

import {
  CHANNELS,
  DONOR_METHODS,
  OPERATOR_METHODS,
  type DonorApi,
  type KioskMethod,
  type OperatorApi,
  type Result,
} from '../contract/kiosk-api.ts';
import { bridgeMethods } from '../../src-shared/bridge-methods.ts';

export type Invoke = (channel: string, payload: unknown) => Promise<unknown>;

function unavailable(): Result<never> {
  return { ok: false, error: { code: 'kiosk_unavailable', message: 'The kiosk service did not answer.', retryable: true } };
}

function looksLikeResult(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

function invoker(invoke: Invoke): (method: string, payload: unknown) => Promise<unknown> {
  return (method, payload) => {
    let pending: Promise<unknown>;
    try {
      pending = invoke(CHANNELS[method as KioskMethod], payload);
    } catch {
      pending = Promise.reject(new Error('invoke threw'));
    }
    // Main answers every call with a Result for this method (see ipc-registry.ts).
    return pending.then(
      (reply) => (looksLikeResult(reply) ? reply : unavailable()),
      () => unavailable(),
    );
  };
}

/** The donor page's window.kiosk: donation steps only. */
export function createDonorApi(invoke: Invoke): DonorApi {
  return bridgeMethods<DonorApi>(DONOR_METHODS, invoker(invoke));
}

/** The console's window.kioskOperator: the operator methods only. */
export function createOperatorApi(invoke: Invoke): OperatorApi {
  return bridgeMethods<OperatorApi>(OPERATOR_METHODS, invoker(invoke));
}
