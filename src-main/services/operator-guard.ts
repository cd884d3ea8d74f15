// The two checks in front of every operator handler, in one place for
// operator-service.ts and receipt-service.ts (and any later console panel):
// - `whileOperator`: operator mode must be on. It is only checked here, never
//   extended: console calls are not a person (operator-session.ts);
// - `withFreshPin`: also a PIN entered again within the last minute
//   (confirmOperatorPin), used up by this one step: payment keys, update
//   settings, exports of donor data, exiting the kiosk (issue 14, item 1).
//   Without it the answer is `pin_required`; the console asks for the PIN and
//   repeats the call (src-renderer/src/operator/operator-api.ts).
import type { KioskError, KioskErrorCode, Result } from '../contract/kiosk-api.ts';
import type { OperatorAccess } from '../domain/operator/operator-access.ts';

type Work<A extends unknown[], T> = (...args: A) => Promise<Result<T>> | Result<T>;
type Guarded<A extends unknown[], T> = (...args: A) => Promise<Result<T>>;

export function operatorFailure(code: KioskErrorCode, message: string, retryable = false): { ok: false; error: KioskError } {
  return { ok: false, error: { code, message, retryable } };
}

export const OPERATOR_MODE_ENDED = 'Operator mode has ended; enter the PIN again.';
export const PIN_AGAIN = 'Enter the PIN again to do this.';

export interface OperatorGuards {
  whileOperator<A extends unknown[], T>(work: Work<A, T>): Guarded<A, T>;
  withFreshPin<A extends unknown[], T>(work: Work<A, T>): Guarded<A, T>;
}

export function operatorGuards(access: Pick<OperatorAccess, 'isOperatorActive' | 'takeFreshPin'>): OperatorGuards {
  return {
    whileOperator:
      (work) =>
      async (...args) =>
        access.isOperatorActive() ? work(...args) : operatorFailure('operator_required', OPERATOR_MODE_ENDED),
    withFreshPin:
      (work) =>
      async (...args) => {
        if (!access.isOperatorActive()) return operatorFailure('operator_required', OPERATOR_MODE_ENDED);
        if (!access.takeFreshPin()) return operatorFailure('pin_required', PIN_AGAIN);
        return work(...args);
      },
  };
}
