// The renderer-facing `KioskApi`, built over one `invoke(channel, payload)`
// function. Electron-free so plain Node tests cover it; preload.ts passes
// `ipcRenderer.invoke` and exposes the result through the context bridge.
//
// Only intent methods, each taking at most its one payload (extra arguments
// are dropped), no channels, no event objects. A rejected invoke (no handler,
// window closing, structured-clone failure) resolves to a `kiosk_unavailable`
// Result: the API never rejects.

import { CHANNELS, type KioskApi, type KioskMethod, type KioskReply, type Result } from '../contract/kiosk-api.ts';

export type Invoke = (channel: string, payload: unknown) => Promise<unknown>;

function unavailable(): Result<never> {
  return { ok: false, error: { code: 'kiosk_unavailable', message: 'The kiosk service did not answer.', retryable: true } };
}

function looksLikeResult(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export function createKioskApi(invoke: Invoke): KioskApi {
  function call<M extends KioskMethod>(method: M, payload: unknown): Promise<KioskReply<M>> {
    let pending: Promise<unknown>;
    try {
      pending = invoke(CHANNELS[method], payload);
    } catch {
      pending = Promise.reject(new Error('invoke threw'));
    }
    // Main answers every call with a Result for this method (see ipc-registry.ts).
    return pending.then(
      (reply) => (looksLikeResult(reply) ? reply : unavailable()) as KioskReply<M>,
      () => unavailable() as KioskReply<M>,
    );
  }

  return {
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
}
