// A donor who walks away: "Are you still there?", then a clean start for the next donor.
import { test, expect, E2E_CONFIG } from './support/kiosk-fixture.ts';
import { chooseAmount, enterDetails, screen, startAnonymousDonation, SUCCESS_CARD, waitForCheckout } from './support/donor.ts';

// The minimums: 10 s without input, then a 5 s countdown.
test.use({ kioskConfig: { ...E2E_CONFIG, idleResetSeconds: 10, idlePromptSeconds: 5 } });

/** Long enough for the idle wait plus a margin on a slow machine; the tests wait on the screen, never on a clock. */
const PROMPT_TIMEOUT_MS = 20_000;
const RESET_TIMEOUT_MS = 12_000;

test('a half-filled form is cleared after "Are you still there?" runs out', async ({ kiosk }) => {
  test.setTimeout(60_000);
  const { page, shot } = kiosk;
  await chooseAmount(page, '₹500');
  await enterDetails(page, { name: 'Priya Sharma', phone: '9876543210' });

  // The donor walks away.
  const prompt = page.getByRole('alertdialog', { name: 'Are you still there?' });
  await expect(prompt).toBeVisible({ timeout: PROMPT_TIMEOUT_MS });
  await expect(prompt).toContainText(/Returning to the start in \d seconds?/);
  await expect(prompt.getByRole('button', { name: "I'm still here" })).toBeFocused();
  await expect(prompt.getByRole('button', { name: 'Start over' })).toBeVisible();
  await shot('still-there-prompt');

  await expect(screen(page, 'welcome')).toBeVisible({ timeout: RESET_TIMEOUT_MS });
  await expect(prompt).toHaveCount(0);
  await shot('welcome-after-idle');

  // The next donor finds nothing of the last one.
  await page.getByRole('button', { name: 'Other amount' }).click();
  await expect(screen(page, 'amount')).toBeVisible();
  await expect(page.getByRole('button', { name: '₹500', exact: true })).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: '₹100', exact: true }).click();
  await page.getByRole('button', { name: 'Add name, email or 80G receipt' }).click();
  await expect(screen(page, 'details')).toBeVisible();
  await expect(page.getByLabel(/^Your name/)).toHaveValue('');
  await expect(page.getByLabel('Mobile (optional)')).toHaveValue('');
  await expect(page.getByLabel('Email (optional)')).toHaveValue('');
  // No donation was ever started, so there was nothing to cancel.
  expect(kiosk.donations()).toHaveLength(0);
});

test('"I\'m still here" closes the prompt and keeps what the donor entered', async ({ kiosk }) => {
  test.setTimeout(60_000);
  const { page } = kiosk;
  await chooseAmount(page, '₹500');
  await enterDetails(page, { name: 'Arjun Mehta', phone: '9876543210' });

  const prompt = page.getByRole('alertdialog', { name: 'Are you still there?' });
  await expect(prompt).toBeVisible({ timeout: PROMPT_TIMEOUT_MS });
  await prompt.getByRole('button', { name: "I'm still here" }).tap();

  await expect(prompt).toHaveCount(0);
  await expect(screen(page, 'details')).toBeVisible();
  await expect(page.getByLabel(/^Your name/)).toHaveValue('Arjun Mehta');
  await expect(page.getByLabel('Mobile (optional)')).toHaveValue('9876543210');
  await expect(page.getByText('₹500')).toBeVisible();

  // The idle wait starts again: the prompt comes back, and "Start over" leaves at once.
  await expect(prompt).toBeVisible({ timeout: PROMPT_TIMEOUT_MS });
  await expect(screen(page, 'details')).toBeAttached();
  await prompt.getByRole('button', { name: 'Start over' }).tap();
  await expect(screen(page, 'welcome')).toBeVisible();
});

test.describe('a payment window left alone (the page on a fake clock)', () => {
  // The clock is Playwright's, so the test moves time on instead of waiting for it.
  test.use({ kioskConfig: { ...E2E_CONFIG, idleResetSeconds: 10, idlePromptSeconds: 5 } });

  test('with no payment under way, "Are you still there?" comes over Checkout and the window is closed and cleared; the ledger says abandoned', async ({ kiosk }) => {
    const { page, shot } = kiosk;
    await page.clock.install();
    await page.reload();
    await chooseAmount(page, '₹100');
    await enterDetails(page, { phone: '9876543210', email: 'asha@example.com' });
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    const frame = await waitForCheckout(page);
    await expect(frame.getByTestId('sim-prefill-email')).toContainText('asha@example.com');

    // 11 s with the window open and no payment on the order: the kiosk asks, and the prompt comes over the window.
    const prompt = page.getByRole('alertdialog', { name: 'Are you still there?' });
    await page.clock.runFor(11_000);
    await expect(prompt).toBeVisible();
    await expect(prompt).toContainText('No payment has started');
    await shot('still-there-over-checkout');

    // "I'm still here" keeps the window; the wait starts again.
    await prompt.getByRole('button', { name: "I'm still here" }).tap();
    await expect(prompt).toHaveCount(0);
    await expect(frame.getByTestId('sim-method-upi')).toBeVisible();

    // Nobody answers the second time: the window closes, the phone and email leave the screen.
    await page.clock.runFor(11_000);
    await expect(prompt).toBeVisible();
    await page.clock.runFor(6_000);
    await expect(screen(page, 'welcome')).toBeVisible();
    await expect(page.locator('iframe.razorpay-checkout-frame')).not.toBeVisible();
    await expect.poll(() => kiosk.donations()[0]?.state).toBe('closed_by_donor');
    const id = kiosk.donations()[0]?.id ?? '';
    expect(kiosk.events(id).at(-1)?.detail).toMatchObject({ reason: 'abandoned' });
  });

  test("a donor in the middle of paying (a payment created, at the bank's page) is never cut off, however long it takes", async ({ kiosk }) => {
    const { page } = kiosk;
    await page.clock.install();
    await page.reload();
    await startAnonymousDonation(page);
    const frame = await waitForCheckout(page);
    // The card is submitted: Razorpay has a payment in `created` while the donor is at the bank's OTP page.
    await frame.getByTestId('sim-method-card').click();
    await frame.getByTestId('sim-card-number').fill(SUCCESS_CARD);
    await frame.getByTestId('sim-card-pay').click();
    await expect(frame.getByTestId('sim-otp-input')).toBeVisible();
    await expect.poll(() => kiosk.simulator.listPayments().map((p) => p.status)).toEqual(['created']);

    // Well past the idle time: the kiosk asks, hears that a payment is under way, and leaves the window alone.
    const prompt = page.getByRole('alertdialog', { name: 'Are you still there?' });
    for (let i = 0; i < 4; i += 1) {
      await page.clock.runFor(11_000);
      await expect.poll(() => kiosk.ipcReplies.filter((reply) => reply.includes('"underway":true')).length).toBeGreaterThan(i);
    }
    await expect(prompt).toHaveCount(0);
    await expect(screen(page, 'checkout')).toBeVisible();

    await frame.getByTestId('sim-otp-input').fill('1234');
    await frame.getByTestId('sim-otp-submit').click();
    await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
    expect(kiosk.donations()[0]).toMatchObject({ state: 'paid' });
  });
});
