// The browser-mode bridge: POST /ipc/<method> on the page's own origin, with
// the token the server put in the page. The donor page and the operator
// console each have their own origin, token and methods (the server answers
// each only its own: src-main/browser-mode/server.ts). Every method resolves
// with a Result; nothing here rejects or throws.
import type { DonorMethod, KioskError, KioskMethod, OperatorMethod, Result } from '../../../src-main/contract/kiosk-api.ts';
import { bridgeMethods } from '../../../src-shared/bridge-methods.ts';

/** Every donor method. A new method in DonorApi fails the type check until it is listed here. */
export const WEB_DONOR_METHODS = Object.keys({
  getKioskState: true,
  getKioskStatus: true,
  startDonation: true,
  checkoutOpened: true,
  recordPaymentFailure: true,
  confirmPayment: true,
  cancelDonation: true,
  getAttractInfo: true,
  checkTaxDetails: true,
  printReceipt: true,
  openOperatorConsole: true,
  getReceiptOptions: true,
  emailReceipt: true,
  getPaymentActivity: true,
} as const satisfies Record<DonorMethod, true>) as DonorMethod[];

/** Every operator method. A new method in OperatorApi fails the type check until it is listed here. */
export const WEB_OPERATOR_METHODS = Object.keys({
  getOperatorGate: true,
  setUpOperatorPin: true,
  unlockOperator: true,
  confirmOperatorPin: true,
  noteOperatorActivity: true,
  endOperatorSession: true,
  getOperatorOverview: true,
  updateSettings: true,
  exportDonationsCsv: true,
  reconcileNow: true,
  getPaymentKeysStatus: true,
  setPaymentKeys: true,
  checkPaymentKeys: true,
  exitKiosk: true,
  restartKiosk: true,
  getReceiptAdmin: true,
  updateReceiptSettings: true,
  reprintReceipt: true,
  testPrint: true,
  recordCashGift: true,
  exportForm10bd: true,
  getUpdateStatus: true,
  checkForUpdates: true,
  installUpdateNow: true,
  getEmailReceiptAdmin: true,
  updateEmailSettings: true,
  sendTestEmail: true,
  resendReceiptEmail: true,
  exportEventReport: true,
} as const satisfies Record<OperatorMethod, true>) as OperatorMethod[];

function unavailable<T>(message: string): Result<T> {
  const error: KioskError = { code: 'kiosk_unavailable', message, retryable: true };
  return { ok: false, error };
}

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null) return false;
  const r = body as { ok?: unknown; value?: unknown; error?: unknown };
  if (r.ok === true) return 'value' in r;
  if (r.ok !== false || typeof r.error !== 'object' || r.error === null) return false;
  const e = r.error as { code?: unknown; message?: unknown };
  return typeof e.code === 'string';
}

/**
 * The API over HTTP for `methods`. `afterOk` runs after a method's ok answer:
 * what Electron's main does with windows, browser mode does by navigating
 * (opening the console, leaving it).
 */
export function createWebBridge<Api>(token: string, methods: readonly KioskMethod[], afterOk: Partial<Record<KioskMethod, (payload: unknown) => void>> = {}): Api {
  async function call(method: string, payload: unknown): Promise<Result<unknown>> {
    try {
      let response: Response;
      try {
        response = await fetch(`/ipc/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': token },
          body: JSON.stringify({ payload: payload ?? null }),
          cache: 'no-store',
          credentials: 'same-origin',
        });
      } catch (err) {
        return unavailable(`The kiosk server could not be reached (${String(err)}).`);
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return unavailable(`The kiosk server answered ${response.status} without a JSON body.`);
      }
      if (!isResult(body)) return unavailable(`The kiosk server answered ${response.status} with an unexpected body.`);
      if (body.ok) afterOk[method as KioskMethod]?.(payload);
      return body;
    } catch (err) {
      return unavailable(`Kiosk bridge error: ${String(err)}`);
    }
  }
  return bridgeMethods<Api>(methods, call);
}
