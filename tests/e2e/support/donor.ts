// What a donor does, step by step, in the words on the screen.
import { expect, type FrameLocator, type Page } from '@playwright/test';

export function screen(page: Page, name: string) {
  return page.locator(`[data-screen="${name}"]`);
}

/** The welcome screen's amount button (one cause), e.g. "₹100": the first of the fastest path's taps. */
export function welcomeAmount(page: Page, label = '₹100') {
  return screen(page, 'welcome').getByRole('button', { name: label, exact: true });
}

/** The amount screen's "Pay ₹…" button: the fastest path's second tap. */
export function payButton(page: Page) {
  return screen(page, 'amount').getByRole('button', { name: /^Pay/ });
}

/** Welcome → the amount screen with `label` chosen. */
export async function tapAmount(page: Page, label = '₹100'): Promise<void> {
  await welcomeAmount(page, label).click();
  await expect(screen(page, 'amount')).toBeVisible();
}

/** Welcome → amount → "Add name, email or 80G receipt": ends on the details screen. */
export async function chooseAmount(page: Page, label: string): Promise<void> {
  await tapAmount(page, label);
  await page.getByRole('button', { name: 'Add name, email or 80G receipt' }).click();
  await expect(screen(page, 'details')).toBeVisible();
}

/** Fills what is given; no name means an anonymous gift. */
export async function enterDetails(page: Page, details: { name?: string; phone?: string; email?: string }): Promise<void> {
  if (details.name !== undefined) await page.getByLabel(/^Your name/).fill(details.name);
  if (details.phone) await page.getByLabel('Mobile (optional)').fill(details.phone);
  if (details.email) await page.getByLabel('Email (optional)').fill(details.email);
}

export function checkoutFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.razorpay-checkout-frame');
}

/** Waits for the simulator's Checkout to be open and showing its payment methods. */
export async function waitForCheckout(page: Page): Promise<FrameLocator> {
  const frame = checkoutFrame(page);
  await expect(frame.getByTestId('sim-method-upi')).toBeVisible();
  return frame;
}

/** Card number, then the bank's OTP page (any 4 to 10 digits pass in test mode). */
export async function payByCard(frame: FrameLocator, cardNumber: string, otp = '1234'): Promise<void> {
  await frame.getByTestId('sim-method-card').click();
  await frame.getByTestId('sim-card-number').fill(cardNumber);
  await frame.getByTestId('sim-card-pay').click();
  await frame.getByTestId('sim-otp-input').fill(otp);
  await frame.getByTestId('sim-otp-submit').click();
}

export const SUCCESS_CARD = '4100 2800 0000 1007';
export const INSUFFICIENT_FUNDS_CARD = '4100 2800 0008 0001';

export async function payByUpi(frame: FrameLocator): Promise<void> {
  await frame.getByTestId('sim-method-upi').click();
  await frame.getByTestId('sim-upi-pay').click();
}

/** The fastest path, anonymously: the amount on the welcome screen, then Pay (Checkout opens). */
export async function startAnonymousDonation(page: Page, label = '₹100'): Promise<void> {
  await tapAmount(page, label);
  await payButton(page).click();
}

/**
 * Proves the kiosk is usable: from the welcome screen (waiting for its ₹100
 * button to be enabled, as after an outage), a ₹100 gift by UPI ends on
 * "Thank you!" and Done returns to the welcome screen.
 */
export async function donateSuccessfully(page: Page, { recoverTimeoutMs = 15_000 } = {}): Promise<void> {
  await expect(screen(page, 'welcome')).toBeVisible();
  await expect(welcomeAmount(page)).toBeEnabled({ timeout: recoverTimeoutMs });
  await startAnonymousDonation(page);
  await payByUpi(await waitForCheckout(page));
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(screen(page, 'welcome')).toBeVisible();
}

/** From the welcome screen: a named donor's gift of `label` that the bank declines; back at the welcome screen. */
export async function declinedByTheBank(page: Page, label: string, name: string): Promise<void> {
  await chooseAmount(page, label);
  await enterDetails(page, { name });
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await payByCard(await waitForCheckout(page), INSUFFICIENT_FUNDS_CARD);
  await expect(page.getByRole('heading', { name: 'Payment not completed' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to start' }).click();
  await expect(screen(page, 'welcome')).toBeVisible();
}
