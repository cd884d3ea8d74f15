// The two preloads' APIs: the donor page's window.kiosk has the donor methods
// only (no operator method at all, issue 14 item 3) and the console's
// window.kioskOperator the operator methods only; each method sends only its
// one payload on its own channel, and nothing rejects.
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, DONOR_METHODS, KIOSK_METHODS, OPERATOR_METHODS, type KioskMethod } from '../../src-main/contract/kiosk-api.ts';
import { createDonorApi, createOperatorApi, type Invoke } from '../../src-main/preload/kiosk-api-client.ts';

/** A payload per method (main validates them; here they only have to travel). */
const PAYLOADS: Partial<Record<KioskMethod, unknown>> = {
  startDonation: { amountRupees: 500, donor: { anonymous: false, name: 'Asha' } },
  checkoutOpened: { donationId: 'd1' },
  recordPaymentFailure: { donationId: 'd1', failure: { code: 'BAD_REQUEST_ERROR' } },
  confirmPayment: { donationId: 'd1', razorpayPaymentId: 'pay_1', razorpayOrderId: 'order_1', razorpaySignature: 'ab' },
  cancelDonation: { donationId: 'd1', reason: 'donor_closed' },
  checkTaxDetails: { nameOnPan: 'Asha Rao', idType: 'pan', idNumber: 'ABCPE1234F', address: '12 MG Road, Pune' },
  printReceipt: { donationId: 'd1' },
  openOperatorConsole: { language: 'hi' },
  setUpOperatorPin: { pin: '273951' },
  unlockOperator: { pin: '273951' },
  confirmOperatorPin: { pin: '273951' },
  getOperatorOverview: { day: '2026-11-26', search: 'Asha' },
  updateSettings: { settings: { eventName: 'Diwali mela' } },
  exportDonationsCsv: { from: '2026-11-01', to: '2026-11-26' },
  setPaymentKeys: { keyId: 'rzp_test_ABCDEFGHIJKLMN', keySecret: 'secret' },
  checkPaymentKeys: { keyId: 'rzp_test_ABCDEFGHIJKLMN', keySecret: 'secret' },
  getReceiptAdmin: { search: 'KIOSK-1' },
  updateReceiptSettings: { settings: { printerName: 'TM-T82' } },
  reprintReceipt: { receiptNumber: 'KIOSK-1/2026-27/000001' },
  recordCashGift: { amountRupees: 500, donorName: 'Asha', print: false },
  exportForm10bd: { from: '2026-04-01', to: '2026-11-26' },
  getReceiptOptions: { donationId: 'd1' },
  emailReceipt: { donationId: 'd1', email: 'asha@example.com' },
  getPaymentActivity: { donationId: 'd1' },
  getEmailReceiptAdmin: { status: 'queued' },
  updateEmailSettings: { settings: { host: 'smtp.example.org' }, password: 'hunter2' },
  sendTestEmail: { to: 'asha@example.com' },
  resendReceiptEmail: { id: 1 },
};

type AnyApi = Record<string, (payload?: unknown, ...extra: unknown[]) => Promise<unknown>>;
const asAny = (api: object): AnyApi => api as AnyApi;

describe('the preload APIs', () => {
  it('give the donor page the donor methods only, and the console the operator methods only', () => {
    const donor = createDonorApi(async () => ({ ok: true, value: null }));
    const operator = createOperatorApi(async () => ({ ok: true, value: null }));
    expect(Object.keys(donor).sort()).toEqual([...DONOR_METHODS].sort());
    expect(Object.keys(operator).sort()).toEqual([...OPERATOR_METHODS].sort());
    for (const method of OPERATOR_METHODS) expect(donor, method).not.toHaveProperty(method);
    expect([...DONOR_METHODS, ...OPERATOR_METHODS].sort()).toEqual([...KIOSK_METHODS].sort());
    for (const value of [...Object.values(donor), ...Object.values(operator)]) expect(typeof value).toBe('function');
    expect(Object.isFrozen(donor)).toBe(true);
  });

  it('invokes each method on its own channel with just its payload (null when it takes none)', async () => {
    const invoke = vi.fn<Invoke>(async (channel, payload) => ({ ok: true, value: { channel, payload } }));
    const apis = [asAny(createDonorApi(invoke)), asAny(createOperatorApi(invoke))];
    for (const method of KIOSK_METHODS) {
      const api = apis.find((candidate) => method in candidate);
      const payload = PAYLOADS[method];
      const reply = await api?.[method]?.(payload);
      expect(reply, method).toEqual({ ok: true, value: { channel: CHANNELS[method], payload: payload ?? null } });
    }
    expect(invoke).toHaveBeenCalledTimes(KIOSK_METHODS.length);
    for (const call of invoke.mock.calls) expect(call).toHaveLength(2);
  });

  it('drops extra arguments from the page', async () => {
    const invoke = vi.fn<Invoke>(async () => ({ ok: true, value: null }));
    const api = asAny(createDonorApi(invoke));
    await api['checkoutOpened']?.({ donationId: 'd1' }, 'extra', () => {});
    expect(invoke).toHaveBeenCalledExactlyOnceWith(CHANNELS.checkoutOpened, { donationId: 'd1' });
  });

  it('passes error Results from main through unchanged', async () => {
    const error = { ok: false, error: { code: 'amount_out_of_range', message: 'too big', retryable: false } } as const;
    const api = createDonorApi(async () => error);
    expect(await api.startDonation({ amountRupees: 500, donor: { anonymous: true } })).toEqual(error);
  });

  it('resolves kiosk_unavailable instead of rejecting when invoke rejects or throws', async () => {
    const rejecting: Invoke = async () => {
      throw new Error("No handler registered for 'donation:start'");
    };
    const throwing: Invoke = () => {
      throw new Error('sync');
    };
    for (const invoke of [rejecting, throwing]) {
      for (const api of [asAny(createDonorApi(invoke)), asAny(createOperatorApi(invoke))]) {
        for (const [method, call] of Object.entries(api)) {
          await expect(call(PAYLOADS[method as KioskMethod]), method).resolves.toMatchObject({ ok: false, error: { code: 'kiosk_unavailable', retryable: true } });
        }
      }
    }
  });

  it('treats a reply that is not a Result as kiosk_unavailable', async () => {
    for (const odd of [undefined, null, 'x', 42, {}, { ok: 'yes' }]) {
      const api = createDonorApi(async () => odd);
      await expect(api.getKioskState()).resolves.toMatchObject({ ok: false, error: { code: 'kiosk_unavailable' } });
    }
  });
});
