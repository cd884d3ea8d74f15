// Operator calls: always resolve with a Result (never throw), within a time limit.
//
// How a console panel calls main (issue 14): it receives `call` (an
// OperatorCaller) from the console and writes
//     const result = await call((api) => api.someOperatorMethod(request));
// `api` is the console's OperatorApi (window.kioskOperator: the operator
// window's own preload, or the console's own origin in browser mode); the
// donor page has no such object. `call` answers null when there is nothing
// for the panel to show: operator mode ended (the console shows the PIN pad),
// or the operator cancelled the PIN prompt. When main asks for the PIN again
// (pin_required: payment keys, update settings, exports, exit), `call` shows
// the prompt and repeats the call itself: panels need no code for it.
import type { KioskError, OperatorApi, Result } from '../../../src-main/contract/kiosk-api.ts';
import { getOperatorApi } from '../bridge/bridge.ts';

const OPERATOR_CALL_TIMEOUT_MS = 60_000;

/** The operator call the console hands to its panels: a Result, or null when there is nothing to show (see above). */
export type OperatorCaller = <T>(fn: (api: OperatorApi) => Promise<Result<T>>) => Promise<Result<T> | null>;

function fail<T>(message: string): Result<T> {
  const error: KioskError = { code: 'kiosk_unavailable', message, retryable: true };
  return { ok: false, error };
}

export async function operatorCall<T>(fn: (api: OperatorApi) => Promise<Result<T>>): Promise<Result<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const api = await getOperatorApi();
    const timeout = new Promise<Result<T>>((resolve) => {
      timer = setTimeout(() => resolve(fail('The kiosk did not answer in time.')), OPERATOR_CALL_TIMEOUT_MS);
    });
    const result: unknown = await Promise.race([fn(api), timeout]);
    if (typeof result !== 'object' || result === null || !('ok' in result)) return fail('The kiosk answered without a Result.');
    return result as Result<T>;
  } catch (err) {
    return fail(`Kiosk call failed: ${String(err)}`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Leaves the console: ends operator mode, then Electron closes the console's
 * window and browser mode goes back to the donor page (src-renderer/src/bridge/bridge.ts).
 */
export async function leaveConsole(): Promise<void> {
  await operatorCall((api) => api.endOperatorSession());
}

/** "0:30", "1:05" */
export function formatMinutesSeconds(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
