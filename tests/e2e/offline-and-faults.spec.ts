// The fault matrix: for each gateway call and each way it can fail, what the
// donor sees, what the ledger keeps to explain it, and that the next donor
// can still give. Faults are injected into the test's own Razorpay simulator.
import type { Fault } from '../../src-main/simulator/index.ts';
import { test, expect, E2E_CONFIG, type Kiosk } from './support/kiosk-fixture.ts';
import { donateSuccessfully, payByUpi, screen, startAnonymousDonation, waitForCheckout, welcomeAmount } from './support/donor.ts';

// A network-level fault takes the kiosk offline; probing every second lets it
// come back quickly, so the "next donation" step does not wait 15 s.
test.use({ kioskConfig: { ...E2E_CONFIG, connectivityProbeSeconds: 1 } });

/** No page error (uncaught exception or unhandled rejection in the renderer), for the whole test. */
function watchPageErrors(kiosk: Kiosk): string[] {
  const errors: string[] = [];
  kiosk.page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

// Browser mode runs main's services in this process: none of them may leave a rejection unhandled.
const mainRejections: string[] = [];
const onRejection = (reason: unknown) => mainRejections.push(String(reason));
test.beforeEach(() => {
  mainRejections.length = 0;
  process.on('unhandledRejection', onRejection);
});
test.afterEach(() => {
  process.off('unhandledRejection', onRejection);
  expect(mainRejections, 'unhandled rejections in main-process code').toEqual([]);
});

const COULD_NOT_START = "We couldn't start your payment";

interface OrderFault {
  name: string;
  fault: Fault;
  /** What the failure screen says, in the donor's words. */
  says: RegExp;
  failureCode: string;
}

const ORDER_FAULTS: OrderFault[] = [
  { name: '500 json', fault: { kind: 'status', status: 500, body: 'json' }, says: /cannot be reached/i, failureCode: 'gateway_unavailable' },
  { name: '502 html page', fault: { kind: 'status', status: 502, body: 'html' }, says: /cannot be reached/i, failureCode: 'gateway_unavailable' },
  { name: '429 busy', fault: { kind: 'status', status: 429, body: 'json' }, says: /busy/i, failureCode: 'gateway_busy' },
  { name: 'connection reset', fault: { kind: 'reset' }, says: /cannot be reached/i, failureCode: 'gateway_unavailable' },
];

for (const { name, fault, says, failureCode } of ORDER_FAULTS) {
  test(`orders.create ${name}: the donor is told, the ledger says why, the next donor can give`, async ({ kiosk }) => {
    const { page, shot, simulator } = kiosk;
    const pageErrors = watchPageErrors(kiosk);
    simulator.faults.inject('orders.create', fault, { times: 1 });

    await startAnonymousDonation(page);
    await expect(page.getByRole('heading', { name: COULD_NOT_START })).toBeVisible();
    await expect(screen(page, 'failure')).toContainText(says);
    await expect(screen(page, 'failure')).toContainText('No money has been taken');
    await shot(`order-${name}`);
    const [failed] = kiosk.donations();
    expect(failed).toMatchObject({ state: 'order_failed', failureCode, orderId: null });
    expect(kiosk.events(failed?.id ?? '').map((e) => e.toState)).toEqual(['started', 'order_failed']);

    await page.getByRole('button', { name: 'Back to start' }).click();
    await donateSuccessfully(page);
    expect(kiosk.donations()[0]).toMatchObject({ state: 'paid' });
    expect(pageErrors).toEqual([]);
  });
}

test('orders.create response lost: the order is found again or the donor is told, and never created twice', async ({ kiosk }) => {
  const { page, shot, simulator } = kiosk;
  const pageErrors = watchPageErrors(kiosk);
  simulator.faults.inject('orders.create', { kind: 'response_lost' }, { times: 1 });

  await startAnonymousDonation(page);
  const checkout = screen(page, 'checkout');
  const failure = screen(page, 'failure');
  await expect(checkout.or(failure)).toBeVisible();
  const [donation] = kiosk.donations();
  if (!donation) throw new Error('no ledger row for the attempt');
  // Whatever the kiosk did, Razorpay holds at most one order for this receipt.
  const ordersForReceipt = () => simulator.listOrders().filter((o) => o.receipt === donation.receipt);
  expect(ordersForReceipt()).toHaveLength(1);

  if (await checkout.isVisible()) {
    // The kiosk found its order again by the receipt: the donor just pays.
    const frame = await waitForCheckout(page);
    await shot('response-lost-order-recovered');
    await payByUpi(frame);
    await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
    expect(kiosk.donations()[0]).toMatchObject({ id: donation.id, state: 'paid', orderId: ordersForReceipt()[0]?.id });
    await page.getByRole('button', { name: 'Done' }).click();
  } else {
    await expect(page.getByRole('heading', { name: COULD_NOT_START })).toBeVisible();
    await expect(failure).toContainText('No money has been taken');
    await shot('response-lost-donor-told');
    // The ledger explains it: the attempt went to order_failed with a reason
    // (reconciliation may since have attached the order it found by receipt).
    const events = kiosk.events(donation.id);
    const failedStep = events.find((e) => e.toState === 'order_failed');
    expect(failedStep, JSON.stringify(events)).toBeDefined();
    expect(kiosk.donations().find((d) => d.id === donation.id)?.failureCode ?? 'reconciled').toMatch(/^gateway_|^reconciled$/);
    await page.getByRole('button', { name: 'Back to start' }).click();
  }

  await donateSuccessfully(page);
  expect(ordersForReceipt()).toHaveLength(1);
  expect(pageErrors).toEqual([]);
});

test('payments.fetch 502 while confirming: "still confirming", never "Thank you!" until verified; Try again succeeds', async ({ kiosk }) => {
  const { page, shot, simulator } = kiosk;
  const pageErrors = watchPageErrors(kiosk);
  // Until cleared: the kiosk retries a read a few times on its own before telling the donor.
  simulator.faults.inject('payments.fetch', { kind: 'status', status: 502, body: 'html' });

  await startAnonymousDonation(page, '₹500');
  await payByUpi(await waitForCheckout(page));
  await expect(page.getByRole('heading', { name: "We're still confirming your payment" })).toBeVisible();
  await expect(screen(page, 'failure')).toContainText(/Try again/);
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toHaveCount(0);
  await shot('confirm-502-still-confirming');
  // The signature proved Razorpay authorised it: the ledger keeps that, and why it is not paid yet.
  const [pending] = kiosk.donations();
  expect(pending).toMatchObject({ state: 'authorized' });
  expect(pending?.paymentId).toMatch(/^pay_/);
  const authorised = kiosk.events(pending?.id ?? '').find((e) => e.toState === 'authorized');
  expect(authorised?.detail).toHaveProperty('fetchError');

  simulator.faults.clear();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await shot('confirm-502-then-thank-you');
  expect(kiosk.donations()).toHaveLength(1);
  expect(kiosk.donations()[0]).toMatchObject({ state: 'paid', paymentId: pending?.paymentId, amountPaise: 50_000 });
  await page.getByRole('button', { name: 'Done' }).click();

  await donateSuccessfully(page);
  expect(pageErrors).toEqual([]);
});

const SCRIPT_FAULTS: { name: string; fault: Fault }[] = [
  { name: '404 html page', fault: { kind: 'status', status: 404, body: 'html' } },
  { name: 'hang past the load timeout', fault: { kind: 'hang' } },
];

for (const { name, fault } of SCRIPT_FAULTS) {
  test(`checkout.js ${name}: "could not be opened", Back to start works, the next donation succeeds`, async ({ kiosk }) => {
    const { page, shot, simulator } = kiosk;
    const pageErrors = watchPageErrors(kiosk);
    simulator.faults.inject('checkout.script', fault, { times: 1 });

    await startAnonymousDonation(page);
    // The load timeout is 3 s in E2E_CONFIG: the "Opening secure payment…" spinner ends.
    await expect(page.getByRole('heading', { name: COULD_NOT_START })).toBeVisible();
    await expect(screen(page, 'failure')).toContainText('The payment window could not be opened. No money has been taken.');
    await shot(`checkout-script-${name}`);
    const [donation] = kiosk.donations();
    // The order exists but Checkout never showed: the ledger keeps why.
    expect(donation).toMatchObject({ state: 'order_created' });
    expect(kiosk.events(donation?.id ?? '').some((e) => e.detail['checkoutUnavailable'] === true)).toBe(true);

    await page.getByRole('button', { name: 'Back to start' }).click();
    await donateSuccessfully(page);
    expect(kiosk.donations()[0]).toMatchObject({ state: 'paid' });
    expect(pageErrors).toEqual([]);
  });
}

test('offline: welcome says donations are paused, nothing starts, and the kiosk recovers by itself', async ({ kiosk }) => {
  const { page, shot, simulator } = kiosk;
  const pageErrors = watchPageErrors(kiosk);
  const tap = welcomeAmount(page);
  await expect(tap).toBeEnabled();
  // The network goes away: every connection to Razorpay is dropped until cleared.
  simulator.faults.inject('orders.create', { kind: 'reset' });
  simulator.faults.inject('orders.list', { kind: 'reset' });

  // The first donor finds out the hard way, and the ledger says so.
  await startAnonymousDonation(page);
  await expect(page.getByRole('heading', { name: COULD_NOT_START })).toBeVisible();
  await expect(screen(page, 'failure')).toContainText(/cannot be reached/i);
  expect(kiosk.donations()).toHaveLength(1);
  expect(kiosk.donations()[0]).toMatchObject({ state: 'order_failed', failureCode: 'gateway_unavailable' });

  // Now the kiosk knows it is offline: Try again is refused before any ledger row or order.
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Donations are paused' })).toBeVisible();
  await expect(screen(page, 'failure')).toContainText("can't take donations right now");
  await expect(screen(page, 'failure')).toContainText('No money has been taken');
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await shot('offline-start-refused');
  expect(kiosk.donations()).toHaveLength(1);

  await page.getByRole('button', { name: 'Back to start' }).click();
  await expect(screen(page, 'welcome')).toBeVisible();
  const paused = page.getByTestId('welcome-paused');
  await expect(paused).toContainText('Donations are paused');
  await expect(paused).toContainText("can't reach the payment service");
  await expect(tap).toBeDisabled();
  await shot('offline-welcome-paused');
  // Nor can anything else start one while offline: main refuses, and writes nothing.
  const refused = await page.evaluate(() => window.kiosk?.startDonation({ amountRupees: 100, donor: { anonymous: true } }));
  expect(refused).toMatchObject({ ok: false, error: { code: 'kiosk_unavailable' } });
  expect(kiosk.donations()).toHaveLength(1);
  expect(simulator.listOrders()).toHaveLength(0);

  // The network comes back: no one touches the kiosk, and it says so by itself.
  simulator.faults.clear();
  await expect(paused).toHaveCount(0, { timeout: 15_000 });
  await expect(tap).toBeEnabled();
  await shot('online-again');
  await donateSuccessfully(page);
  expect(kiosk.donations()[0]).toMatchObject({ state: 'paid' });
  expect(pageErrors).toEqual([]);
});
