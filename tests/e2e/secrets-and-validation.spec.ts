// key_secret stays in main, and a renderer cannot talk main into a bad order.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, TEST_KEY_ID, TEST_KEY_SECRET } from './support/kiosk-fixture.ts';
import { chooseAmount, enterDetails, screen, waitForCheckout } from './support/donor.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('key_secret is in no renderer bundle, no IPC reply and no log line', async ({ kiosk }, testInfo) => {
  const { page } = kiosk;
  await chooseAmount(page, '₹500');
  await enterDetails(page, { name: 'Rohan Das' });
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  const frame = await waitForCheckout(page);
  await frame.getByTestId('sim-method-upi').click();
  await frame.getByTestId('sim-upi-pay').click();
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();

  const bundles = filesUnder('out/renderer').concat(filesUnder('out/preload'));
  expect(bundles.length).toBeGreaterThan(2);
  for (const file of bundles) expect(readFileSync(file, 'utf8'), file).not.toContain(TEST_KEY_SECRET);

  const html = await page.content();
  expect(html).not.toContain(TEST_KEY_SECRET);

  if (testInfo.project.name === 'browser') {
    // The recording works (it saw key_id, which Checkout needs) and holds no secret.
    // getKioskState, startDonation, checkoutOpened, confirmPayment; bodies arrive asynchronously.
    await expect.poll(() => kiosk.ipcReplies.length).toBeGreaterThanOrEqual(4);
    expect(kiosk.ipcReplies.some((reply) => reply.includes(TEST_KEY_ID))).toBe(true);
    for (const reply of kiosk.ipcReplies) expect(reply).not.toContain(TEST_KEY_SECRET);
    expect(kiosk.logLines.length).toBeGreaterThan(0);
    for (const line of kiosk.logLines) expect(line).not.toContain(TEST_KEY_SECRET);
  }
});

test('out-of-range, fractional and malformed requests get typed errors and create no order', async ({ kiosk }) => {
  const { page } = kiosk;
  await expect(screen(page, 'welcome')).toBeVisible();

  const attempts: { payload: unknown; code: string }[] = [
    { payload: { amountRupees: 5, donor: { anonymous: true } }, code: 'amount_out_of_range' },
    { payload: { amountRupees: 100_001, donor: { anonymous: true } }, code: 'amount_out_of_range' },
    { payload: { amountRupees: 100.5, donor: { anonymous: true } }, code: 'invalid_request' },
    { payload: { amountRupees: '500', donor: { anonymous: true } }, code: 'invalid_request' },
    { payload: { amountRupees: 500, donor: { anonymous: false } }, code: 'invalid_request' },
    { payload: { amountRupees: 500, donor: { anonymous: true }, amountPaise: 1 }, code: 'invalid_request' },
    { payload: 'give me money', code: 'invalid_request' },
    { payload: null, code: 'invalid_request' },
  ];
  for (const attempt of attempts) {
    const reply = await page.evaluate((payload) => window.kiosk?.startDonation(payload as never), attempt.payload);
    expect(reply, JSON.stringify(attempt.payload)).toMatchObject({ ok: false, error: { code: attempt.code } });
  }
  const confirmReply = await page.evaluate(() =>
    window.kiosk?.confirmPayment({ donationId: 'not-an-id', razorpayPaymentId: 'pay_x', razorpayOrderId: 'order_x', razorpaySignature: '' }),
  );
  expect(confirmReply).toMatchObject({ ok: false, error: { code: 'invalid_request' } });

  expect(kiosk.simulator.listOrders()).toHaveLength(0);
  expect(kiosk.donations()).toHaveLength(0);
  // The kiosk still works for the next donor.
  await expect(screen(page, 'welcome')).toBeVisible();
});

test('browser mode refuses calls without the per-run token', async ({ kiosk }, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', 'the token guards browser mode only; Electron checks the sender frame');
  const { page } = kiosk;
  const reply = await page.evaluate(async () => {
    const response = await fetch('/ipc/getKioskState', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': 'wrong' }, body: '{"payload":null}' });
    return { status: response.status, body: (await response.json()) as unknown };
  });
  expect(reply).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden_sender' } } });
});
