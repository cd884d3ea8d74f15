// Payments Razorpay has authorised that are not captured when Checkout calls
// back (issue 12 item 1, issue 13 defect 1): the kiosk shows it is
// confirming, never offers a second payment, and shows "Thank you" once the
// payment is captured; a donor who leaves is recovered for the operator.
import { test, expect, E2E_CONFIG } from './support/kiosk-fixture.ts';
import { enterDetails, chooseAmount, payByUpi, screen, startAnonymousDonation, waitForCheckout } from './support/donor.ts';
import { enterPin, leaveConsole, longPressCorner, setUpPin } from './support/operator.ts';

/** The kiosk shapes a donor meets: portrait first. */
const SHAPES = [
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
  { width: 1280, height: 800 },
  { width: 768, height: 1024 },
];

test.describe('on a manual-capture account whose capture answers 502', () => {
  test.use({ simulatorOptions: { autoCapture: false }, kioskConfig: { ...E2E_CONFIG, reconcileIntervalSeconds: 1 } });

  test('the donor is told the payment reached us and is being confirmed, with the reference and no second payment; then Thank you once captured', async ({ kiosk }) => {
    const { page, shot, simulator } = kiosk;
    simulator.faults.inject('payments.capture', { kind: 'status', status: 502, body: 'json' });
    await startAnonymousDonation(page, '₹500');
    await payByUpi(await waitForCheckout(page));

    await expect(page.getByRole('heading', { name: 'Your payment has reached us' })).toBeVisible({ timeout: 30_000 });
    const [donation] = kiosk.donations();
    if (!donation) throw new Error('no ledger row');
    expect(donation).toMatchObject({ state: 'authorized' });
    await expect(screen(page, 'failure')).toContainText('Please do not pay again');
    await expect(screen(page, 'failure')).toContainText(donation.id.toUpperCase());
    await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
    for (const shape of SHAPES) {
      await page.setViewportSize(shape);
      await shot(`being-confirmed-${shape.width}x${shape.height}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    // One order, one payment: nothing was started again.
    expect(simulator.listOrders()).toHaveLength(1);
    expect(simulator.listPayments()).toHaveLength(1);

    // Razorpay recovers: the kiosk's own checks capture it, and the donor sees Thank you.
    simulator.faults.clear('payments.capture');
    await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible({ timeout: 30_000 });
    await shot('thank-you-after-confirming');
    expect(simulator.listPayments().map((p) => p.status)).toEqual(['captured']);
    const [paid] = kiosk.donations();
    expect(paid).toMatchObject({ state: 'paid', paymentId: simulator.listPayments()[0]?.id });
  });

  test('a donor who leaves the screen is recovered by reconciliation and flagged for the operator, with their contact', async ({ kiosk }) => {
    const { page, shot, simulator } = kiosk;
    // The operator's PIN is chosen before the day's first donation, as on a real set-up.
    await longPressCorner(page, 'operator-setup');
    await setUpPin(page, '482915');
    await leaveConsole(page);
    simulator.faults.inject('payments.capture', { kind: 'status', status: 500, body: 'json' });
    await chooseAmount(page, '₹100');
    await enterDetails(page, { name: 'Farah Khan', phone: '9876501234' });
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await payByUpi(await waitForCheckout(page));
    await expect(page.getByRole('heading', { name: 'Your payment has reached us' })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Back to start' }).click();
    await expect(screen(page, 'welcome')).toBeVisible();

    // The operator sees the payment being confirmed, whom to tell, and not to ask for a second payment.
    await longPressCorner(page, 'operator-pin');
    await enterPin(page, '482915');
    const beingConfirmed = page.getByTestId('being-confirmed');
    await expect(beingConfirmed).toContainText('Farah Khan');
    await expect(beingConfirmed).toContainText('9876501234');
    await expect(beingConfirmed).toContainText('Do not ask these donors to pay again');
    for (const shape of SHAPES) {
      await page.setViewportSize(shape);
      await expect(beingConfirmed).toBeInViewport({ ratio: 0.5 });
      await shot(`console-payment-being-confirmed-${shape.width}x${shape.height}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await leaveConsole(page);

    simulator.faults.clear('payments.capture');
    await expect.poll(() => kiosk.donations()[0]?.state, { timeout: 20_000 }).toBe('paid');
    const [donation] = kiosk.donations();
    expect(kiosk.events(donation?.id ?? '').find((e) => e.toState === 'paid')).toMatchObject({ source: 'reconciliation', detail: { recovered: true } });
    expect(simulator.listPayments()).toHaveLength(1);

    // Once captured it leaves that list and shows as recovered, with the contact to follow up.
    await longPressCorner(page, 'operator-pin');
    await enterPin(page, '482915');
    await expect(page.getByTestId('being-confirmed')).toHaveCount(0);
    const row = page.getByTestId('today-list').locator('tr[data-state="paid"]');
    await expect(row).toContainText(/recovered/i);
    await expect(row).toContainText('9876501234');
    await shot('console-payment-recovered');
  });
});

test.describe('on an automatic-capture account that captures shortly after the handler', () => {
  test.use({ simulatorOptions: { autoCapture: true, captureDelayMs: 10_000 } });

  test('the payment is still authorised when Checkout calls back: the kiosk shows it is confirming, captures it, and shows Thank you', async ({ kiosk }) => {
    const { page, shot, simulator } = kiosk;
    // Razorpay is slow to answer the kiosk's capture: the donor sees the kiosk confirming meanwhile.
    simulator.faults.inject('payments.capture', { kind: 'latency', ms: 2_000 }, { times: 1 });
    await startAnonymousDonation(page, '₹500');
    await payByUpi(await waitForCheckout(page));
    await expect(page.getByRole('heading', { name: 'Confirming your payment…' })).toBeVisible();
    await shot('confirming');
    await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
    const [paid] = kiosk.donations();
    expect(kiosk.events(paid?.id ?? '').map((e) => e.toState)).toEqual(['started', 'order_created', 'checkout_open', 'authorized', 'paid']);
    expect(simulator.listPayments().map((p) => p.status)).toEqual(['captured']);
  });
});
