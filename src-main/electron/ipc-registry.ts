// The ONE place that registers the kiosk's IPC handlers (Electron Fiddle's
// `IpcMainManager` style). For every method in the contract's CHANNELS:
//   1. the sender must be the top frame of the window of the method's
//      audience (contract AUDIENCE), on that window's own origin
//      (electron.md §1 #17): donor methods only from the kiosk window on
//      app://kiosk, operator methods only from the console window on
//      app://operator (issue 14, item 3). Anything else is `forbidden_sender`,
//      so neither checkout.js in the donor page nor a Razorpay frame can reach
//      an operator method, even with the console open;
//   2. the dispatcher validates the payload and runs the service.
// Nothing is thrown across IPC: every reply is a Result.
//
// Electron objects are injected through the small structural interfaces
// below, so tests drive this with typed fakes and no Electron binary.

import { AUDIENCE, CHANNELS, KIOSK_METHODS, type Audience, type KioskErrorCode, type KioskMethod, type Result } from '../contract/kiosk-api.ts';
import { APP_ORIGIN, isSenderAllowed, OPERATOR_ORIGIN, urlForLog } from '../security/navigation-policy.ts';

/** Same shape as `IpcDispatcher` in src-main/services/ipc-dispatcher.ts. */
export type KioskDispatch = (method: KioskMethod, payload: unknown) => Promise<Result<unknown>>;

/** What the registry reads of a `WebFrameMain`. */
export interface FrameLike {
  readonly url: string;
}

/** What the registry reads of an `IpcMainInvokeEvent`. */
export interface InvokeEventLike<Sender> {
  readonly sender: Sender;
  readonly senderFrame: FrameLike | null;
}

/** What the registry uses of `ipcMain`. */
export interface IpcMainLike<Sender> {
  handle(channel: string, listener: (event: InvokeEventLike<Sender>, payload: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** What the registry reads of the kiosk `BrowserWindow`. */
export interface KioskWindowLike {
  isDestroyed(): boolean;
  readonly webContents: { readonly mainFrame: FrameLike };
}

export interface IpcRegistryOptions<Sender> {
  ipcMain: IpcMainLike<Sender>;
  /** The window each audience's calls must come from, now; null while it is not open (the console is opened on demand). */
  windows: Record<Audience, () => KioskWindowLike | null>;
  /** `BrowserWindow.fromWebContents`. */
  windowFromSender: (sender: Sender) => unknown;
  dispatch: KioskDispatch;
  log: (line: string) => void;
  /** Each audience's origin; defaults to `app://kiosk` and `app://operator`. */
  origins?: Partial<Record<Audience, string>>;
}

export const DEFAULT_ORIGINS: Readonly<Record<Audience, string>> = { donor: APP_ORIGIN, operator: OPERATOR_ORIGIN };

export function errorResult(code: KioskErrorCode, message: string, retryable = false): Result<never> {
  return { ok: false, error: { code, message, retryable } };
}

const FORBIDDEN = 'The call did not come from the kiosk page.';

/** Why a sender is refused for a method of `audience`, or null when it is that audience's window's own top frame. */
export function senderRejection<Sender>(
  event: InvokeEventLike<Sender>,
  audience: Audience,
  options: Pick<IpcRegistryOptions<Sender>, 'windows' | 'windowFromSender' | 'origins'>,
): string | null {
  // Frame objects throw once disposed; any surprise is a refusal.
  try {
    const frame = event.senderFrame;
    if (frame === null) return 'sender frame is gone';
    const window = options.windows[audience]();
    if (window === null) return `no ${audience} window is open`;
    if (window.isDestroyed()) return `the ${audience} window is destroyed`;
    if (options.windowFromSender(event.sender) !== window) return `sender is not the ${audience} window`;
    const allowed = isSenderAllowed({
      senderFrameIsMainFrame: frame === window.webContents.mainFrame,
      senderFrameUrl: frame.url,
      appOrigin: options.origins?.[audience] ?? DEFAULT_ORIGINS[audience],
    });
    if (!allowed) {
      return frame === window.webContents.mainFrame
        ? `sender is not on the ${audience} origin (${urlForLog(frame.url)})`
        : `sender is a subframe (${urlForLog(frame.url)})`;
    }
    return null;
  } catch (error) {
    return `sender check failed: ${errorText(error)}`;
  }
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; value?: unknown; error?: unknown };
  if (candidate.ok === true) return 'value' in candidate;
  if (candidate.ok !== false) return false;
  const error = candidate.error as { code?: unknown; message?: unknown; retryable?: unknown } | null | undefined;
  return typeof error === 'object' && error !== null && typeof error.code === 'string' && typeof error.message === 'string';
}

/** The handler for one method, exported for tests; `registerIpcHandlers` wires all of them. */
export function createIpcHandler<Sender>(
  method: KioskMethod,
  options: IpcRegistryOptions<Sender>,
): (event: InvokeEventLike<Sender>, payload: unknown) => Promise<Result<unknown>> {
  const channel = CHANNELS[method];
  const audience = AUDIENCE[method];
  return async (event, payload) => {
    const rejection = senderRejection(event, audience, options);
    if (rejection !== null) {
      safeLog(options.log, `ipc: ${channel} refused: ${rejection}`);
      return errorResult('forbidden_sender', FORBIDDEN);
    }
    try {
      const reply = await options.dispatch(method, payload);
      if (isResult(reply)) return reply;
      safeLog(options.log, `ipc: ${channel} dispatcher returned a non-Result`);
      return errorResult('internal_error', 'The kiosk hit an unexpected problem.');
    } catch (error) {
      safeLog(options.log, `ipc: ${channel} dispatcher threw: ${errorText(error)}`);
      return errorResult('internal_error', 'The kiosk hit an unexpected problem.');
    }
  };
}

/**
 * Registers a handler for every contract method. Returns a function that
 * removes them again. Throws only if called twice without disposing (Electron
 * refuses a second handler for a channel), which is a wiring bug.
 */
export function registerIpcHandlers<Sender>(options: IpcRegistryOptions<Sender>): () => void {
  for (const method of KIOSK_METHODS) {
    options.ipcMain.handle(CHANNELS[method], createIpcHandler(method, options));
  }
  return () => {
    for (const method of KIOSK_METHODS) options.ipcMain.removeHandler(CHANNELS[method]);
  };
}

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  try {
    return String(error);
  } catch {
    return 'unprintable error';
  }
}

function safeLog(log: (line: string) => void, line: string): void {
  try {
    log(line);
  } catch {
    // Logging must never turn a reply into a rejection.
  }
}
