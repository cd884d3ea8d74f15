import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, KIOSK_METHODS, type KioskApi } from '../../src-main/contract/kiosk-api.ts';
import { createKioskApi, type Invoke } from '../../src-main/preload/kiosk-api-client.ts';

const requests = {
  getKioskState: undefined,
  startDonation: { amountRupees: 500, donor: { anonymous: false, name: 'Asha' } },
  checkoutOpened: { donationId: 'd1' },
  recordPaymentFailure: { donationId: 'd1', failure: { code: 'BAD_REQUEST_ERROR' } },
  confirmPayment: { donationId: 'd1', razorpayPaymentId: 'pay_1', razorpayOrderId: 'order_1', razorpaySignature: 'ab' },
  cancelDonation: { donationId: 'd1', reason: 'donor_closed' },
  setUpOperatorPin: { pin: '2739' },
  unlockOperator: { pin: '2739' },
  getOperatorOverview: { day: '2026-11-26', search: 'Asha' },
  updateSettings: { settings: { eventName: 'Diwali mela' } },
  exportDonationsCsv: { from: '2026-11-01', to: '2026-11-26' },
  setPaymentKeys: { keyId: 'rzp_test_ABCDEFGHIJKLMN', keySecret: 'secret' },
  checkTaxDetails: { nameOnPan: 'Asha Rao', idType: 'pan', idNumber: 'ABCPE1234F', address: '12 MG Road, Pune' },
  printReceipt: { donationId: 'd1' },
  getReceiptAdmin: { search: 'KIOSK-1' },
  updateReceiptSettings: { settings: { printerName: 'TM-T82' } },
  reprintReceipt: { receiptNumber: 'KIOSK-1/2026-27/000001' },
  recordCashGift: { amountRupees: 500, donorName: 'Asha', print: false },
  exportForm10bd: { from: '2026-04-01', to: '2026-11-26' },
} as const;

const NO_PAYLOAD = ['getKioskState', 'getKioskStatus', 'getAttractInfo', 'getOperatorGate', 'endOperatorSession', 'reconcileNow', 'checkPaymentKeys', 'exitKiosk', 'restartKiosk', 'testPrint', 'getUpdateStatus', 'checkForUpdates', 'installUpdateNow', 'exportEventReport'] as const;

function callAll(api: KioskApi) {
  return {
    getKioskState: api.getKioskState(),
    getKioskStatus: api.getKioskStatus(),
    startDonation: api.startDonation(requests.startDonation),
    checkoutOpened: api.checkoutOpened(requests.checkoutOpened),
    recordPaymentFailure: api.recordPaymentFailure(requests.recordPaymentFailure),
    confirmPayment: api.confirmPayment(requests.confirmPayment),
    cancelDonation: api.cancelDonation(requests.cancelDonation),
    getAttractInfo: api.getAttractInfo(),
    getOperatorGate: api.getOperatorGate(),
    setUpOperatorPin: api.setUpOperatorPin(requests.setUpOperatorPin),
    unlockOperator: api.unlockOperator(requests.unlockOperator),
    endOperatorSession: api.endOperatorSession(),
    getOperatorOverview: api.getOperatorOverview(requests.getOperatorOverview),
    updateSettings: api.updateSettings(requests.updateSettings),
    exportDonationsCsv: api.exportDonationsCsv(requests.exportDonationsCsv),
    reconcileNow: api.reconcileNow(),
    setPaymentKeys: api.setPaymentKeys(requests.setPaymentKeys),
    checkPaymentKeys: api.checkPaymentKeys(),
    exitKiosk: api.exitKiosk(),
    restartKiosk: api.restartKiosk(),
    checkTaxDetails: api.checkTaxDetails(requests.checkTaxDetails),
    printReceipt: api.printReceipt(requests.printReceipt),
    getReceiptAdmin: api.getReceiptAdmin(requests.getReceiptAdmin),
    updateReceiptSettings: api.updateReceiptSettings(requests.updateReceiptSettings),
    reprintReceipt: api.reprintReceipt(requests.reprintReceipt),
    testPrint: api.testPrint(),
    recordCashGift: api.recordCashGift(requests.recordCashGift),
    exportForm10bd: api.exportForm10bd(requests.exportForm10bd),
    getUpdateStatus: api.getUpdateStatus(),
    checkForUpdates: api.checkForUpdates(),
    installUpdateNow: api.installUpdateNow(),
    exportEventReport: api.exportEventReport(),
  } satisfies Record<keyof KioskApi, Promise<unknown>>;
}

describe('createKioskApi', () => {
  it('exposes exactly the contract methods, all functions', () => {
    const api = createKioskApi(async () => ({ ok: true, value: null }));
    expect(Object.keys(api).sort()).toEqual([...KIOSK_METHODS].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('invokes each method on its own channel with just its payload', async () => {
    const invoke = vi.fn<Invoke>(async (channel, payload) => ({ ok: true, value: { channel, payload } }));
    const api = createKioskApi(invoke);
    const replies = callAll(api);
    for (const method of KIOSK_METHODS) {
      const expectedPayload = (NO_PAYLOAD as readonly string[]).includes(method) ? null : requests[method as Exclude<typeof method, (typeof NO_PAYLOAD)[number]>];
      expect(await replies[method]).toEqual({ ok: true, value: { channel: CHANNELS[method], payload: expectedPayload } });
    }
    expect(invoke).toHaveBeenCalledTimes(KIOSK_METHODS.length);
    for (const call of invoke.mock.calls) expect(call).toHaveLength(2);
  });

  it('drops extra arguments from the page', async () => {
    const invoke = vi.fn<Invoke>(async () => ({ ok: true, value: null }));
    const api = createKioskApi(invoke);
    await (api.checkoutOpened as (...args: unknown[]) => Promise<unknown>)({ donationId: 'd1' }, 'extra', () => {});
    expect(invoke).toHaveBeenCalledExactlyOnceWith(CHANNELS.checkoutOpened, { donationId: 'd1' });
  });

  it('passes error Results from main through unchanged', async () => {
    const error = { ok: false, error: { code: 'amount_out_of_range', message: 'too big', retryable: false } } as const;
    const api = createKioskApi(async () => error);
    expect(await api.startDonation(requests.startDonation)).toEqual(error);
  });

  it('resolves kiosk_unavailable instead of rejecting when invoke rejects or throws', async () => {
    const rejecting = createKioskApi(async () => {
      throw new Error("No handler registered for 'donation:start'");
    });
    const throwing = createKioskApi(() => {
      throw new Error('sync');
    });
    for (const api of [rejecting, throwing]) {
      for (const reply of Object.values(callAll(api))) {
        await expect(reply).resolves.toMatchObject({ ok: false, error: { code: 'kiosk_unavailable', retryable: true } });
      }
    }
  });

  it('treats a reply that is not a Result as kiosk_unavailable', async () => {
    for (const odd of [undefined, null, 'x', 42, {}, { ok: 'yes' }]) {
      const api = createKioskApi(async () => odd);
      await expect(api.getKioskState()).resolves.toMatchObject({ ok: false, error: { code: 'kiosk_unavailable' } });
    }
  });
});
