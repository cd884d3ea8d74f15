// Console methods answer only within an operator session: each call renews
// it (the session ends after a few idle minutes), or is refused in plain words.
import type { KioskError, Result } from '../contract/kiosk-api.ts';
import type { OperatorAccess } from '../domain/operator/operator-access.ts';

export function operatorOnly(access: Pick<OperatorAccess, 'touchOperator'>) {
  return <A extends unknown[], T>(work: (...args: A) => Promise<Result<T>> | Result<T>) =>
    async (...args: A): Promise<Result<T>> => {
      if (!access.touchOperator()) {
        const error: KioskError = { code: 'operator_required', message: 'Operator mode has ended; enter the PIN again.', retryable: false };
        return { ok: false, error };
      }
      return work(...args);
    };
}
