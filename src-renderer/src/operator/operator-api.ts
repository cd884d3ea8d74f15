// Operator calls: always resolve with a Result (never throw), within a time limit.
import type { KioskApi, KioskError, Result } from '../../../src-main/contract/kiosk-api.ts';
import { getKioskApi } from '../bridge/bridge.ts';

const OPERATOR_CALL_TIMEOUT_MS = 60_000;

/** The operator call the console hands to its panels: a Result, or null when the operator session had ended (the console shows the PIN pad by then). */
export type OperatorCaller = <T>(fn: (api: KioskApi) => Promise<Result<T>>) => Promise<Result<T> | null>;

function fail<T>(message: string): Result<T> {
  const error: KioskError = { code: 'kiosk_unavailable', message, retryable: true };
  return { ok: false, error };
}

export async function operatorCall<T>(fn: (api: KioskApi) => Promise<Result<T>>): Promise<Result<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const api = await getKioskApi();
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

/** "0:30", "1:05" */
export function formatMinutesSeconds(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}
