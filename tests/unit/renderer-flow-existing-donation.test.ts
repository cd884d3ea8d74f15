// The renderer's flow after something goes wrong with a donation that already
// exists (issue 13, defects 1 and 9): it never starts a new donation on its
// own, it follows a payment that is being confirmed until it is captured, and
// it waits for main as long as main may legitimately need. Runs the real
// KioskFlow with a scripted KioskApi and a fake Checkout on fake timers.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckoutSession, DonationReceipt, KioskApi, KioskState, Result } from '../../src-main/contract/kiosk-api.ts';
import type { RazorpayOptions } from '../../src-renderer/src/checkout/razorpay.ts';

const KIOSK: KioskState = {
  mode: 'test',
  kioskId: 'KIOSK-1',
  organisationName: 'Seva Trust',
  causeName: 'General',
  currency: 'INR',
  presetAmountsRupees: [100, 500, 1000],
  minAmountRupees: 10,
  maxAmountRupees: 100_000,
  checkout: { scriptUrl: 'http://127.0.0.1:1/v1/checkout.js', loadTimeoutMs: 3_000 },
  resultScreenSeconds: 30,
  idleResetSeconds: 60,
  idlePromptSeconds: 20,
  language: 'en',
  taxReceiptsOffered: false,
  acceptsForeignContributions: false,
  causes: [{ id: 'general', name: { en: 'General' }, description: { en: '' }, presetAmountsRupees: [100, 500, 1000] }],
  feeCoverPercent: 0,
  attractMessage: { en: '' },
  goalRupees: 0,
  showDonorWall: false,
  branding: { primaryColor: '#123456', accentColor: '#654321' },
  emailReceipts: false,
  // The largest gatewayTimeoutMs (60 s) makes main's longest donor call about three minutes.
  donorCallTimeoutMs: 200_000,
};

const SESSION: CheckoutSession = {
  donationId: 'dabcdefghij0123',
  options: {
    key: 'rzp_test_x',
    order_id: 'order_ABCDEFGHIJKLMN',
    amount: 50_000,
    currency: 'INR',
    name: 'Seva Trust',
    description: 'Donation',
    prefill: {},
    notes: {},
    timeout: 300,
    retry: { enabled: false },
    modal: { escape: false, backdropclose: false, confirm_close: true, animation: false },
    theme: { color: '#123456' },
  },
};

const RECEIPT: DonationReceipt = {
  donationId: SESSION.donationId,
  amountRupees: 500,
  paymentId: 'pay_ABCDEFGHIJKLMN',
  receiptNumber: 'KIOSK-1/2026-27/000001',
  method: 'upi',
  paidAt: '2026-11-26T10:00:00.000Z',
  taxReceipt: false,
};

const ok = <T,>(value: T): Result<T> => ({ ok: true, value });

/** Every contract method answers a plain success unless a test scripts it. */
function scriptedApi(overrides: Partial<Record<keyof KioskApi, (...args: unknown[]) => Promise<Result<unknown>>>>) {
  const calls: { method: string; payload: unknown }[] = [];
  const defaults: Partial<Record<keyof KioskApi, () => Promise<Result<unknown>>>> = {
    getKioskState: async () => ok(KIOSK),
    getKioskStatus: async () => ok({ online: true, acceptingDonations: true }),
    startDonation: async () => ok(SESSION),
    checkoutOpened: async () => ok(null),
    cancelDonation: async () => ok(null),
    recordPaymentFailure: async () => ok(null),
    getAttractInfo: async () => ok({ goalRupees: 0, raisedRupees: 0, recentDonors: [] }),
  };
  const api = new Proxy({} as KioskApi, {
    // Not a thenable: `await getKioskApi()` must get the api itself.
    get: (_target, method: string) => (method === 'then' ? undefined : async (payload: unknown) => {
      calls.push({ method, payload });
      const handler = overrides[method as keyof KioskApi] ?? defaults[method as keyof KioskApi];
      if (!handler) return { ok: false, error: { code: 'internal_error', message: `unscripted ${method}`, retryable: false } };
      return handler(payload);
    }),
  });
  return { api, calls, count: (method: string) => calls.filter((c) => c.method === method).length };
}

let opened: RazorpayOptions[] = [];

class FakeCheckout {
  readonly options: RazorpayOptions;
  constructor(options: RazorpayOptions) {
    this.options = options;
  }
  open() {
    opened.push(this.options);
  }
  close() {}
  on() {}
}

async function donorReachesCheckout(api: KioskApi) {
  (globalThis as unknown as { window: unknown }).window = { kiosk: api, Razorpay: FakeCheckout, matchMedia: () => ({ matches: false }) };
  const { KioskFlow } = await import('../../src-renderer/src/flow/controller.ts');
  const flow = new KioskFlow();
  await flow.boot();
  // Three taps: an amount on the welcome screen, Pay.
  await flow.begin({ amount: 500 });
  flow.pay();
  await vi.waitFor(() => expect(flow.getState().screen.name).toBe('checkout'));
  return flow;
}

function donorPays() {
  const checkout = opened.at(-1);
  if (!checkout) throw new Error('Checkout never opened');
  checkout.handler({ razorpay_payment_id: RECEIPT.paymentId, razorpay_order_id: SESSION.options.order_id, razorpay_signature: 'a'.repeat(64) });
}

beforeEach(() => {
  vi.useFakeTimers();
  opened = [];
});
afterEach(() => {
  vi.useRealTimers();
  vi.resetModules();
});

describe('the kiosk flow after a failure of an existing donation', () => {
  it('a payment being confirmed shows the truth and the reference, offers no second payment, and ends in Thank you once captured', async () => {
    let captured = false;
    const { api, count } = scriptedApi({
      confirmPayment: async () => ({ ok: false, error: { code: 'payment_confirming', message: 'authorised, capture pending', retryable: false } }),
      getDonationProgress: async () => ok(captured ? { status: 'paid', receipt: RECEIPT } : { status: 'confirming' }),
    });
    const flow = await donorReachesCheckout(api);
    donorPays();
    await vi.waitFor(() => expect(flow.getState().screen.name).toBe('failure'));
    const screen = flow.getState().screen;
    expect(screen).toMatchObject({ failure: { heading: 'failure.heading.beingConfirmed', donationId: SESSION.donationId, retry: null } });

    // The kiosk keeps asking, with backoff, and the donor sees Thank you once Razorpay has it captured.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(count('getDonationProgress')).toBeGreaterThanOrEqual(2);
    captured = true;
    await vi.advanceTimersByTimeAsync(30_000);
    expect(flow.getState().screen).toMatchObject({ name: 'thank-you', receipt: { paymentId: RECEIPT.paymentId } });
    expect(count('startDonation')).toBe(1);
  });

  it('never starts a new donation by itself when main will not reopen the old one', async () => {
    const { api, count } = scriptedApi({
      confirmPayment: async () => ({ ok: false, error: { code: 'payment_not_completed', message: 'not captured yet', retryable: true } }),
      // Main refuses to reopen: the payment on this order is authorised after all.
      checkoutOpened: async () => (count('checkoutOpened') > 1 ? { ok: false, error: { code: 'illegal_state', message: 'donation is authorized', retryable: false } } : ok(null)),
      getDonationProgress: async () => ok({ status: 'confirming' }),
    });
    const flow = await donorReachesCheckout(api);
    donorPays();
    await vi.waitFor(() => expect(flow.getState().screen.name).toBe('failure'));
    await flow.retry();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(count('startDonation')).toBe(1);
    expect(opened).toHaveLength(1);
    expect(flow.getState().screen).toMatchObject({ name: 'failure', failure: { heading: 'failure.heading.beingConfirmed', retry: null } });
  });

  it('waits for a confirmation as long as main says it may take (longer than two minutes at the largest gateway timeout)', async () => {
    const { api } = scriptedApi({
      confirmPayment: () => new Promise((resolve) => setTimeout(() => resolve(ok(RECEIPT)), 150_000)),
    });
    const flow = await donorReachesCheckout(api);
    donorPays();
    await vi.advanceTimersByTimeAsync(149_000);
    expect(flow.getState().screen.name).toBe('verifying');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(flow.getState().screen).toMatchObject({ name: 'thank-you', receipt: { receiptNumber: RECEIPT.receiptNumber } });
  });
});

describe('one submit starts one donation', () => {
  it('a second Pay while the first is still being started does not start another donation', async () => {
    let answer: (value: Result<unknown>) => void = () => undefined;
    const { api, count } = scriptedApi({ startDonation: () => new Promise((resolve) => (answer = resolve)) });
    (globalThis as unknown as { window: unknown }).window = { kiosk: api, Razorpay: FakeCheckout, matchMedia: () => ({ matches: false }) };
    const { KioskFlow } = await import('../../src-renderer/src/flow/controller.ts');
    const flow = new KioskFlow();
    await flow.boot();
    await flow.begin({ amount: 500 });
    flow.pay();
    flow.pay();
    expect(flow.getState().screen.name).toBe('opening');
    answer(ok(SESSION));
    await vi.waitFor(() => expect(flow.getState().screen.name).toBe('checkout'));
    expect(count('startDonation')).toBe(1);
    expect(opened).toHaveLength(1);
  });
});

describe('the kiosk flow when the ledger cannot be written', () => {
  it('the welcome screen turns into the out-of-service screen with the operator\'s reason, and comes back by itself', async () => {
    let reason: string | undefined = 'The kiosk cannot write to its donation ledger: database or disk is full.';
    const { api } = scriptedApi({
      getKioskStatus: async () => ok({ online: true, acceptingDonations: reason === undefined, ...(reason === undefined ? {} : { outOfServiceReason: reason }) }),
      getKioskState: async () => (reason === undefined ? ok(KIOSK) : { ok: false, error: { code: 'kiosk_unavailable', message: reason, retryable: false } }),
    });
    (globalThis as unknown as { window: unknown }).window = { kiosk: api, Razorpay: FakeCheckout, matchMedia: () => ({ matches: false }) };
    const { KioskFlow, OUT_OF_SERVICE_RETRY_MS } = await import('../../src-renderer/src/flow/controller.ts');
    const flow = new KioskFlow();
    // Started while the ledger was fine, then the disk filled up.
    const full = reason;
    reason = undefined;
    await flow.boot();
    expect(flow.getState().screen.name).toBe('welcome');
    reason = full;
    await vi.advanceTimersByTimeAsync(4_000);
    expect(flow.getState().screen).toEqual({ name: 'out-of-service', operatorMessage: full });

    reason = undefined;
    await vi.advanceTimersByTimeAsync(OUT_OF_SERVICE_RETRY_MS + 1_000);
    expect(flow.getState().screen.name).toBe('welcome');
  });
});

describe('a payment window that never answers close()', () => {
  it('is hidden when the kiosk gives up on it, so the next donor does not find it over the welcome screen', async () => {
    const overlay = { style: { display: '' } };
    const page = globalThis as unknown as { document?: unknown };
    page.document = { querySelectorAll: () => [overlay] };
    try {
      const { api, count } = scriptedApi({ getPaymentActivity: async () => ok({ underway: false }) });
      const flow = await donorReachesCheckout(api);
      // Nobody pays and nobody answers "Are you still there?": well before Checkout's own 5-minute timeout.
      await vi.advanceTimersByTimeAsync(150_000);
      expect(flow.getState().screen.name).toBe('welcome');
      expect(count('cancelDonation')).toBe(1);
      expect(overlay.style.display).toBe('none');
    } finally {
      delete page.document;
    }
  });
});
