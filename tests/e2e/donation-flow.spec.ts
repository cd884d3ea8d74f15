// A donor's whole journey on the simulator, and the ways it can go wrong.
import { test, expect } from './support/kiosk-fixture.ts';
import { chooseAmount, enterDetails, payByCard, screen, waitForCheckout, INSUFFICIENT_FUNDS_CARD, SUCCESS_CARD } from './support/donor.ts';

test('a donor gives ₹500 by UPI and sees a thank-you with the receipt', async ({ kiosk }) => {
  const { page, shot } = kiosk;
  await expect(screen(page, 'welcome')).toBeVisible();
  await expect(page.getByText('TEST MODE')).toBeVisible();
  await shot('welcome');

  await page.getByRole('button', { name: '₹500', exact: true }).click();
  await expect(screen(page, 'amount')).toBeVisible();
  await expect(page.getByRole('button', { name: '₹500', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await shot('amount');
  await page.getByRole('button', { name: 'Add name, email or 80G receipt' }).click();

  await expect(screen(page, 'details')).toBeVisible();
  await enterDetails(page, { name: 'Priya Sharma', phone: '9876543210', email: 'priya@example.in' });
  await shot('details');
  await page.getByRole('button', { name: 'Continue to payment' }).click();

  const frame = await waitForCheckout(page);
  await shot('checkout');
  // The ledger knows the attempt before the donor can pay.
  const [opened] = kiosk.donations();
  expect(opened?.state).toBe('checkout_open');
  expect(opened?.orderId).toMatch(/^order_[A-Za-z0-9]{14}$/);

  await frame.getByTestId('sim-method-upi').click();
  await frame.getByTestId('sim-upi-pay').click();

  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await shot('thank-you');
  const [paid] = kiosk.donations();
  expect(paid).toMatchObject({ state: 'paid', amountPaise: 50_000, donorName: 'Priya Sharma', phone: '9876543210', paymentMethod: 'upi' });
  await expect(screen(page, 'thank-you')).toContainText('₹500');
  await expect(screen(page, 'thank-you')).toContainText(paid?.receiptNo ?? 'missing receipt number');
  await expect(screen(page, 'thank-you')).toContainText(paid?.paymentId ?? 'missing payment');
  expect(kiosk.events(paid?.id ?? '').map((e) => e.toState)).toEqual(['started', 'order_created', 'checkout_open', 'paid']);
  expect(kiosk.simulator.getOrder(paid?.orderId ?? '')?.status).toBe('paid');
  await expect(page.getByText(/Returning to the start in \d+ seconds/)).toBeVisible();

  await page.getByRole('button', { name: 'Done' }).click();
  await expect(screen(page, 'welcome')).toBeVisible();
});

test('a failed card payment, then a retry on the same order that succeeds', async ({ kiosk }) => {
  const { page, shot } = kiosk;
  await chooseAmount(page, '₹1,000');
  await enterDetails(page, { name: 'Arjun Mehta' });
  await page.getByRole('button', { name: 'Continue to payment' }).click();

  await payByCard(await waitForCheckout(page), INSUFFICIENT_FUNDS_CARD);
  await expect(page.getByRole('heading', { name: 'Payment not completed' })).toBeVisible();
  await shot('failure');
  const [failed] = kiosk.donations();
  expect(failed).toMatchObject({ state: 'payment_failed', failureCode: 'insufficient_funds' });

  await page.getByRole('button', { name: 'Try again' }).click();
  await payByCard(await waitForCheckout(page), SUCCESS_CARD);
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await shot('thank-you-after-retry');

  const donations = kiosk.donations();
  expect(donations).toHaveLength(1);
  expect(donations[0]).toMatchObject({ state: 'paid', amountPaise: 100_000, paymentMethod: 'card', failureCode: null });
  expect(kiosk.events(donations[0]?.id ?? '').map((e) => e.toState)).toEqual(['started', 'order_created', 'checkout_open', 'payment_failed', 'checkout_open', 'paid']);
  const order = kiosk.simulator.getOrder(donations[0]?.orderId ?? '');
  expect(order?.status).toBe('paid');
  expect(order?.attempts).toBe(2);
});

test('the donor closes Checkout and goes back to the start', async ({ kiosk }) => {
  const { page, shot } = kiosk;
  await chooseAmount(page, '₹100');
  await enterDetails(page, {});
  await page.getByRole('button', { name: 'Continue to payment' }).click();

  const frame = await waitForCheckout(page);
  await frame.getByTestId('sim-close').click();
  await frame.getByTestId('sim-confirm-close-yes').click();
  await expect(page.getByRole('heading', { name: 'Payment cancelled' })).toBeVisible();
  await shot('cancelled');
  expect(kiosk.donations()[0]).toMatchObject({ state: 'closed_by_donor', anonymous: true, donorName: null });

  await page.getByRole('button', { name: 'Back to start' }).click();
  await expect(screen(page, 'welcome')).toBeVisible();
  // Nothing the donor chose or typed survives.
  await page.getByRole('button', { name: 'Other amount' }).click();
  await expect(page.getByRole('button', { name: '₹100', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: '₹100', exact: true }).click();
  await page.getByRole('button', { name: 'Add name, email or 80G receipt' }).click();
  await expect(page.getByLabel(/^Your name/)).toHaveValue('');
});

test('order creation fails (500, then a hang past the timeout): the donor is told and gets back to the start', async ({ kiosk }) => {
  const { page, shot, simulator } = kiosk;
  simulator.faults.inject('orders.create', { kind: 'status', status: 500, body: 'json' }, { times: 1 });
  await chooseAmount(page, '₹500');
  await enterDetails(page, { name: 'Kavya Iyer' });
  await page.getByRole('button', { name: 'Continue to payment' }).click();

  await expect(page.getByRole('heading', { name: "We couldn't start your payment" })).toBeVisible();
  await shot('order-failed-500');
  expect(kiosk.donations()[0]).toMatchObject({ state: 'order_failed', failureCode: 'gateway_unavailable' });

  simulator.faults.inject('orders.create', { kind: 'hang' }, { times: 1 });
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: "We couldn't start your payment" })).toBeVisible();
  await expect(screen(page, 'failure')).toContainText(/taking too long/i);
  await shot('order-failed-timeout');
  const donations = kiosk.donations();
  expect(donations.map((d) => [d.state, d.failureCode])).toEqual([
    ['order_failed', 'gateway_timeout'],
    ['order_failed', 'gateway_unavailable'],
  ]);

  await page.getByRole('button', { name: 'Back to start' }).click();
  await expect(screen(page, 'welcome')).toBeVisible();
});
