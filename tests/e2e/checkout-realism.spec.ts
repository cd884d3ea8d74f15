// Where Razorpay's Checkout is less kind than a stand-in (issue 12), the kiosk
// against it: the domestic restriction shown as configured, an order Checkout
// does not know (alert, no ondismiss), a Checkout that never answers (the
// kiosk's guard closes it), and callbacks in any order (a late ondismiss does
// nothing; a success after a close is still confirmed).
import type { Page } from '@playwright/test';
import { test, expect, E2E_CONFIG, TEST_KEY_ID, type Kiosk } from './support/kiosk-fixture.ts';
import { screen, startAnonymousDonation, waitForCheckout } from './support/donor.ts';

/** Checkout at its minimum (60 s), so the kiosk's guard (timeout + 30 s) is reached with the page clock. */
const SHORT_CHECKOUT = { ...E2E_CONFIG, checkoutTimeoutSeconds: 60 };
const PAST_THE_GUARD_MS = 91_000;

/** Kiosk shapes: portrait first, then a small landscape screen; back to the fixture's shape after. */
async function shotAtShapes(page: Page, shot: (name: string) => Promise<string>, name: string): Promise<void> {
  for (const [width, height] of [[1080, 1920], [1280, 800]] as const) {
    await page.setViewportSize({ width, height });
    await shot(`${name}-${width}x${height}`);
  }
}

async function shownBlocks(page: Page): Promise<Array<[string, string, string[]]>> {
  const frame = await waitForCheckout(page);
  return frame.locator('[data-testid="sim-methods"] .block').evaluateAll((blocks) =>
    blocks.map((b) => [
      b.getAttribute('data-testid') ?? '',
      b.querySelector('h3')?.textContent ?? '',
      [...b.querySelectorAll('button.method')].map((m) => m.getAttribute('data-testid') ?? ''),
    ]),
  );
}

test.describe('which methods Checkout shows', () => {
  test('a domestic-only kiosk\'s Checkout shows exactly the methods it lists: UPI, card, netbanking, wallet', async ({ kiosk }) => {
    const { page, shot } = kiosk;
    await startAnonymousDonation(page);
    expect(await shownBlocks(page)).toEqual([
      ['sim-block-india', 'Pay with an Indian account', ['sim-method-upi', 'sim-method-card', 'sim-method-netbanking', 'sim-method-wallet']],
    ]);
    await shotAtShapes(page, shot, 'checkout-domestic');
  });

  test('the stand-in\'s payment views, at kiosk shapes', async ({ kiosk }) => {
    const { page, shot } = kiosk;
    await startAnonymousDonation(page);
    const frame = await waitForCheckout(page);
    await frame.getByTestId('sim-method-upi').click();
    await expect(frame.getByTestId('sim-upi-pay')).toBeEnabled();
    await shotAtShapes(page, shot, 'upi');
    await frame.getByTestId('sim-back').click();
    await frame.getByTestId('sim-method-card').click();
    await frame.getByTestId('sim-card-fill-success').click();
    await frame.getByTestId('sim-card-pay').click();
    await expect(frame.getByTestId('sim-otp-input')).toBeVisible();
    await shotAtShapes(page, shot, 'card-otp');
    await frame.getByTestId('sim-otp-cancel').click();
    await expect(page.getByRole('heading', { name: 'Payment not completed' })).toBeVisible();
    await page.getByRole('button', { name: 'Try again' }).click();
    const again = await waitForCheckout(page);
    await again.getByTestId('sim-method-wallet').click();
    await expect(again.getByTestId('sim-wallet-select')).toBeVisible();
    await shotAtShapes(page, shot, 'wallet');
    const orderId = kiosk.donations()[0]?.orderId ?? '';
    // The QR code shown and abandoned is a created payment; the cancelled card a failed one.
    expect(kiosk.simulator.listPayments().filter((p) => p.order_id === orderId).map((p) => p.status)).toEqual(['created', 'failed']);
  });

  test.describe('an FCRA-registered charity', () => {
    test.use({ kioskConfig: { ...E2E_CONFIG, acceptForeignContributions: true } });

    test('gets Checkout\'s default methods', async ({ kiosk }) => {
      await startAnonymousDonation(kiosk.page);
      expect(await shownBlocks(kiosk.page)).toEqual([
        ['sim-block-default', 'Cards, UPI & More', ['sim-method-upi', 'sim-method-card', 'sim-method-netbanking', 'sim-method-wallet']],
      ]);
    });
  });

  test('a donor pays from a wallet in its popup', async ({ kiosk }) => {
    const { page } = kiosk;
    await startAnonymousDonation(page);
    const frame = await waitForCheckout(page);
    await frame.getByTestId('sim-method-wallet').click();
    await frame.getByTestId('sim-wallet-select').selectOption('amazonpay');
    const popupOpened = page.waitForEvent('popup');
    await frame.getByTestId('sim-wallet-pay').click();
    const popup = await popupOpened;
    await popup.getByTestId('sim-bank-success').click();
    await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
    await expect.poll(() => kiosk.donations()[0]).toMatchObject({ state: 'paid', paymentMethod: 'wallet' });
  });
});

/** Accepts every alert() and keeps its text. */
function acceptAlerts(page: Page): string[] {
  const alerts: string[] = [];
  page.on('dialog', (dialog) => {
    alerts.push(dialog.message());
    void dialog.accept();
  });
  return alerts;
}

/** Makes startDonation hand Checkout an order id the API has never seen. */
async function giveCheckoutAnUnknownOrder(page: Page): Promise<void> {
  await page.route('**/ipc/startDonation', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value?: { options: { order_id: string } } };
    if (body.ok && body.value) body.value.options.order_id = 'order_NotKnownHere01';
    await route.fulfill({ response, json: body });
  });
}

test.describe('an order Checkout does not know', () => {
  test('Checkout alerts "Oops! Something went wrong." and closes without ondismiss; the donor gets a plain message and a way on', async ({ kiosk }) => {
    const { page, shot } = kiosk;
    const alerts = acceptAlerts(page);
    await giveCheckoutAnUnknownOrder(page);
    await startAnonymousDonation(page);

    await expect(page.getByRole('heading', { name: 'Payment not completed' })).toBeVisible();
    await expect(page.getByText("The payment window closed because of an error on the payment service's side.")).toBeVisible();
    await expect(page.getByText('If any money left your account, it is not lost')).toBeVisible();
    expect(alerts).toEqual(['Oops! Something went wrong.\nThe id provided does not exist']);
    await expect(page.locator('.razorpay-container')).toBeHidden();
    await shotAtShapes(page, shot, 'checkout-fault');
    // Recorded as a Checkout failure, not as the donor closing it (no ondismiss came).
    await expect.poll(() => kiosk.donations()[0]).toMatchObject({ state: 'payment_failed', failureCode: 'checkout_fault' });

    await page.getByRole('button', { name: 'Back to start' }).click();
    await expect(screen(page, 'welcome')).toBeVisible();
    await expect.poll(() => kiosk.donations()[0]?.state).toBe('closed_by_donor');
  });

  test.describe('with a checkout.js that emits no fault.close', () => {
    test.use({ kioskConfig: SHORT_CHECKOUT });

    test('the alert, then nothing: the kiosk\'s guard returns the donor to a plain message', async ({ kiosk }) => {
      const { page, shot } = kiosk;
      const alerts = acceptAlerts(page);
      // Older or newer checkout.js builds need not emit fault.close: drop the kiosk's listener.
      await page.addInitScript(() => {
        let value: unknown;
        Object.defineProperty(window, 'Razorpay', {
          configurable: true,
          get: () => value,
          set: (ctor: { prototype: { on: (name: string, cb: unknown) => unknown } }) => {
            const on = ctor.prototype.on;
            ctor.prototype.on = function (this: unknown, name: string, cb: unknown) {
              return name === 'fault.close' ? this : on.call(this, name, cb);
            };
            value = ctor;
          },
        });
      });
      await page.clock.install();
      await page.reload();
      await giveCheckoutAnUnknownOrder(page);
      await startAnonymousDonation(page);

      await expect.poll(() => alerts).toEqual(['Oops! Something went wrong.\nThe id provided does not exist']);
      await expect(screen(page, 'checkout')).toBeVisible();
      await page.clock.fastForward(PAST_THE_GUARD_MS);
      await expect(page.getByRole('heading', { name: 'Payment not completed' })).toBeVisible();
      await expect(page.getByText('The payment window stopped responding and was closed.')).toBeVisible();
      await shot('guard-after-alert');
      await expect.poll(() => kiosk.donations()[0]?.state).toBe('checkout_expired');
      await page.getByRole('button', { name: 'Back to start' }).click();
      await expect(screen(page, 'welcome')).toBeVisible();
    });
  });
});

test.describe('a Checkout that never answers (the simulator\'s never-calls-back switch)', () => {
  test.use({ kioskConfig: SHORT_CHECKOUT });

  /** On the page's fake clock: the donor pays, Checkout takes the money and never says so, and the kiosk's guard gives up on it. */
  async function paysInASilentCheckoutUntilTheGuard(page: Page): Promise<void> {
    await page.clock.install();
    await page.reload();
    await startAnonymousDonation(page);
    const frame = await waitForCheckout(page);
    await frame.getByTestId('sim-method-upi').click();
    await frame.getByTestId('sim-upi-pay').click();
    await expect(frame.getByTestId('sim-success')).toBeVisible();
    await expect(screen(page, 'checkout')).toBeVisible();
    await page.clock.fastForward(PAST_THE_GUARD_MS);
    await expect(page.getByRole('heading', { name: 'Payment not completed' })).toBeVisible();
  }

  test('the guard calls close() on it, uncovers the screen and tells the donor; the payment made in it waits on the order for reconciliation', async ({ kiosk }) => {
    const { page, shot, simulator } = kiosk;
    simulator.configure({ checkoutNeverCallsBack: true });
    // Count close() calls on whatever Checkout the kiosk loads.
    await page.addInitScript(() => {
      const w = window as unknown as { __closeCalls: number; Razorpay?: unknown };
      w.__closeCalls = 0;
      let value: unknown;
      Object.defineProperty(window, 'Razorpay', {
        configurable: true,
        get: () => value,
        set: (ctor: { prototype: { close: () => void } }) => {
          const close = ctor.prototype.close;
          ctor.prototype.close = function (this: unknown) {
            w.__closeCalls += 1;
            close.call(this);
          };
          value = ctor;
        },
      });
    });
    await paysInASilentCheckoutUntilTheGuard(page);
    await expect(page.getByText('The payment window stopped responding and was closed.')).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __closeCalls: number }).__closeCalls)).toBe(1);
    await expect(page.locator('.razorpay-container')).toBeHidden();
    await shotAtShapes(page, shot, 'checkout-stuck');
    await expect.poll(() => kiosk.donations()[0]?.state).toBe('checkout_expired');
    // The donor can act on the message: nothing covers it.
    await page.getByRole('button', { name: 'Back to start' }).click();
    await expect(screen(page, 'welcome')).toBeVisible();
    const orderId = kiosk.donations()[0]?.orderId ?? '';
    expect(simulator.listPayments().filter((p) => p.order_id === orderId).map((p) => p.status)).toEqual(['captured']);
  });

  test('"Try again" after it finds the payment the lost window took: Thank you, and no second payment window', async ({ kiosk }) => {
    const { page, shot, simulator } = kiosk;
    simulator.configure({ checkoutNeverCallsBack: true });
    await paysInASilentCheckoutUntilTheGuard(page);

    simulator.configure({ checkoutNeverCallsBack: false });
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
    await shot('try-again-finds-the-payment');
    await expect(page.locator('.razorpay-container')).toBeHidden();
    const [donation] = kiosk.donations();
    expect(donation).toMatchObject({ state: 'paid' });
    expect(simulator.listPayments().filter((p) => p.order_id === donation?.orderId)).toHaveLength(1);
  });
});

test.describe('callbacks in any order', () => {
  test.use({ kioskConfig: SHORT_CHECKOUT });

  /** A Checkout the test drives by hand: it records close() and calls back when told. */
  async function useHandDrivenCheckout(page: Page): Promise<void> {
    await page.addInitScript(() => {
      type Instance = { options: Record<string, unknown>; closeCalls: number };
      const w = window as unknown as { __checkouts: Instance[]; Razorpay: unknown };
      w.__checkouts = [];
      w.Razorpay = function HandDriven(this: unknown, options: Record<string, unknown>) {
        const instance = {
          options,
          closeCalls: 0,
          open() {
            return instance;
          },
          close() {
            instance.closeCalls += 1;
          },
          on() {
            return instance;
          },
        };
        w.__checkouts.push(instance);
        return instance;
      };
    });
    await page.clock.install();
    await page.reload();
  }

  const checkouts = (page: Page) =>
    page.evaluate(() => (window as unknown as { __checkouts: Array<{ options: { order_id: string }; closeCalls: number }> }).__checkouts.map((c) => ({ orderId: c.options.order_id, closeCalls: c.closeCalls })));

  async function callHandler(page: Page, response: Record<string, string>): Promise<void> {
    await page.evaluate((r) => {
      const w = window as unknown as { __checkouts: Array<{ options: { handler: (r: unknown) => void } }> };
      w.__checkouts.at(-1)?.options.handler(r);
    }, response);
  }

  async function callOndismiss(page: Page, reason?: string): Promise<void> {
    await page.evaluate((r) => {
      const w = window as unknown as { __checkouts: Array<{ options: { modal: { ondismiss: (r?: string) => void } } }> };
      w.__checkouts.at(-1)?.options.modal.ondismiss(r ?? undefined);
    }, reason ?? null);
  }

  /** A real, signed payment on the order, as Checkout would report it. */
  function payOrder(kiosk: Kiosk, orderId: string) {
    const paid = kiosk.simulator.pay({ keyId: TEST_KEY_ID, orderId, method: 'upi', outcome: 'success' });
    if (!paid.ok) throw new Error('the simulator should take the payment');
    return { razorpay_payment_id: paid.paymentId, razorpay_order_id: orderId, razorpay_signature: paid.signature };
  }

  async function openStuckCheckout(page: Page): Promise<string> {
    await startAnonymousDonation(page);
    await expect(screen(page, 'checkout')).toBeVisible();
    await page.clock.fastForward(PAST_THE_GUARD_MS);
    await expect(page.getByText('The payment window stopped responding and was closed.')).toBeVisible();
    const [checkout] = await checkouts(page);
    expect(checkout?.closeCalls).toBe(1);
    return checkout?.orderId ?? '';
  }

  test('a success reported after the kiosk closed Checkout is confirmed: the donor sees Thank you', async ({ kiosk }) => {
    const { page } = kiosk;
    await useHandDrivenCheckout(page);
    const orderId = await openStuckCheckout(page);
    await callHandler(page, payOrder(kiosk, orderId));
    await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
    await expect.poll(() => kiosk.donations()[0]?.state).toBe('paid');
  });

  test('a success reported after the donor left is still confirmed, out of sight', async ({ kiosk }) => {
    const { page } = kiosk;
    await useHandDrivenCheckout(page);
    const orderId = await openStuckCheckout(page);
    await page.getByRole('button', { name: 'Back to start' }).click();
    await expect(screen(page, 'welcome')).toBeVisible();
    await callHandler(page, payOrder(kiosk, orderId));
    await expect.poll(() => kiosk.donations()[0]?.state).toBe('paid');
    await expect(screen(page, 'welcome')).toBeVisible();
  });

  test('a late ondismiss, after the kiosk moved on, changes nothing', async ({ kiosk }) => {
    const { page } = kiosk;
    await useHandDrivenCheckout(page);
    await openStuckCheckout(page);
    const donationId = kiosk.donations()[0]?.id ?? '';
    await expect.poll(() => kiosk.donations()[0]?.state).toBe('checkout_expired');
    const eventsBefore = kiosk.events(donationId).length;
    await callOndismiss(page);
    await callOndismiss(page, 'timeout');
    await expect(page.getByText('The payment window stopped responding and was closed.')).toBeVisible();
    expect(kiosk.events(donationId)).toHaveLength(eventsBefore);
    expect(kiosk.donations()[0]?.state).toBe('checkout_expired');
  });

  test('ondismiss first and the success after it: the payment still wins', async ({ kiosk }) => {
    const { page } = kiosk;
    await useHandDrivenCheckout(page);
    await startAnonymousDonation(page);
    await expect(screen(page, 'checkout')).toBeVisible();
    const [checkout] = await checkouts(page);
    await callOndismiss(page);
    await expect(page.getByRole('heading', { name: 'Payment cancelled' })).toBeVisible();
    await callHandler(page, payOrder(kiosk, checkout?.orderId ?? ''));
    await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
    await expect.poll(() => kiosk.donations()[0]?.state).toBe('paid');
  });
});
