// The one entry point for renderer calls, shared by Electron's ipcMain and the
// browser-mode server: known method → zod-validated payload → handler →
// Result. Nothing is thrown to the caller; a bug becomes `internal_error`.
import { KIOSK_METHODS, type KioskMethod, type KioskReply, type Result } from '../contract/kiosk-api.ts';
import { IPC_SCHEMAS } from './ipc-schemas.ts';
import { fieldProblemsOf } from '../domain/field-problems.ts';

export type IpcDispatcher = (method: KioskMethod, payload: unknown) => Promise<Result<unknown>>;

type ValidatedRequest<M extends KioskMethod> = ReturnType<(typeof IPC_SCHEMAS)[M]['parse']>;

export type KioskHandlers = {
  [M in KioskMethod]: (request: ValidatedRequest<M>) => KioskReply<M> | Promise<KioskReply<M>>;
};

export function isKioskMethod(name: string): name is KioskMethod {
  return (KIOSK_METHODS as string[]).includes(name);
}

export function createIpcDispatcher(handlers: KioskHandlers, log: (line: string) => void): IpcDispatcher {
  return async (method, payload) => {
    if (!isKioskMethod(method)) {
      return { ok: false, error: { code: 'invalid_request', message: `unknown method ${String(method)}`, retryable: false } };
    }
    const parsed = IPC_SCHEMAS[method].safeParse(payload);
    if (!parsed.success) {
      const message = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`).join('; ');
      return { ok: false, error: { code: 'invalid_request', message, retryable: false, fields: fieldProblemsOf(parsed.error.issues) } };
    }
    try {
      const handler = handlers[method] as (request: unknown) => Promise<Result<unknown>> | Result<unknown>;
      return await handler(parsed.data);
    } catch (error) {
      log(`ipc ${method}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { ok: false, error: { code: 'internal_error', message: 'Something went wrong inside the kiosk', retryable: true } };
    }
  };
}
