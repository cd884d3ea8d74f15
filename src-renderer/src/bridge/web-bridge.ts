// KioskApi over HTTP for browser mode: POST /ipc/<method> with the page's token.
// Every method resolves with a Result; nothing here rejects or throws.
import type {
  KioskApi,
  KioskError,
  KioskMethod,
  Result,
} from '../../../src-main/contract/kiosk-api.ts';

/** Every contract method. A new method in KioskApi fails the type check until it is listed here. */
const METHODS = {
  getKioskState: true,
  getKioskStatus: true,
  startDonation: true,
  checkoutOpened: true,
  recordPaymentFailure: true,
  confirmPayment: true,
  cancelDonation: true,
  getAttractInfo: true,
  getOperatorGate: true,
  setUpOperatorPin: true,
  unlockOperator: true,
  endOperatorSession: true,
  getOperatorOverview: true,
  updateSettings: true,
  exportDonationsCsv: true,
  reconcileNow: true,
  setPaymentKeys: true,
  checkPaymentKeys: true,
  exitKiosk: true,
  restartKiosk: true,
  checkTaxDetails: true,
  printReceipt: true,
  getReceiptAdmin: true,
  updateReceiptSettings: true,
  reprintReceipt: true,
  testPrint: true,
  recordCashGift: true,
  exportForm10bd: true,
  getUpdateStatus: true,
  checkForUpdates: true,
  installUpdateNow: true,
  exportEventReport: true,
} as const satisfies Record<KioskMethod, true>;

export const WEB_BRIDGE_METHODS = Object.keys(METHODS) as KioskMethod[];

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

export function createWebBridge(token: string): KioskApi {
  async function call<T>(method: KioskMethod, payload: unknown): Promise<Result<T>> {
    try {
      if (!Object.hasOwn(METHODS, method)) return unavailable(`Unknown kiosk method: ${method}`);
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
      return body as Result<T>;
    } catch (err) {
      return unavailable(`Kiosk bridge error: ${String(err)}`);
    }
  }

  const api = {
    getKioskState: () => call('getKioskState', null),
    getKioskStatus: () => call('getKioskStatus', null),
    startDonation: (request) => call('startDonation', request),
    checkoutOpened: (request) => call('checkoutOpened', request),
    recordPaymentFailure: (request) => call('recordPaymentFailure', request),
    confirmPayment: (request) => call('confirmPayment', request),
    cancelDonation: (request) => call('cancelDonation', request),
    getAttractInfo: () => call('getAttractInfo', null),
    getOperatorGate: () => call('getOperatorGate', null),
    setUpOperatorPin: (request) => call('setUpOperatorPin', request),
    unlockOperator: (request) => call('unlockOperator', request),
    endOperatorSession: () => call('endOperatorSession', null),
    getOperatorOverview: (request) => call('getOperatorOverview', request),
    updateSettings: (request) => call('updateSettings', request),
    exportDonationsCsv: (request) => call('exportDonationsCsv', request),
    reconcileNow: () => call('reconcileNow', null),
    setPaymentKeys: (request) => call('setPaymentKeys', request),
    checkPaymentKeys: () => call('checkPaymentKeys', null),
    exitKiosk: () => call('exitKiosk', null),
    restartKiosk: () => call('restartKiosk', null),
    checkTaxDetails: (request) => call('checkTaxDetails', request),
    printReceipt: (request) => call('printReceipt', request),
    getReceiptAdmin: (request) => call('getReceiptAdmin', request),
    updateReceiptSettings: (request) => call('updateReceiptSettings', request),
    reprintReceipt: (request) => call('reprintReceipt', request),
    testPrint: () => call('testPrint', null),
    recordCashGift: (request) => call('recordCashGift', request),
    exportForm10bd: (request) => call('exportForm10bd', request),
    getUpdateStatus: () => call('getUpdateStatus', null),
    checkForUpdates: () => call('checkForUpdates', null),
    installUpdateNow: () => call('installUpdateNow', null),
    exportEventReport: () => call('exportEventReport', null),
  } satisfies KioskApi;
  return api;
}
