// The donor's taps, in the words on the screen, for the bench's browser runs:
// the fastest path, ₹100 on the welcome screen → "Pay ₹100" → Checkout (the
// simulator's stand-in) → pay by UPI → "Thank you!" → "Done" → welcome. One
// small module so the flow can be adjusted in one place when screens change.
import type { Frame, FrameLocator, Page } from '@playwright/test';

const TIMEOUT_MS = 15_000;

export const CHECKOUT_FRAME = 'iframe.razorpay-checkout-frame';

function screen(page: Page, name: string) {
  return page.locator(`[data-screen="${name}"]`);
}

/** The welcome screen's ₹100: the first tap of the fastest path. */
export function donateButton(page: Page) {
  return screen(page, 'welcome').getByRole('button', { name: '₹100', exact: true });
}

/** From the welcome screen to the amount screen with the amount chosen, ready for the "Pay" tap. */
export async function reachPay(page: Page, amountLabel = '₹100'): Promise<void> {
  await screen(page, 'welcome').getByRole('button', { name: amountLabel, exact: true }).click({ timeout: TIMEOUT_MS });
  await screen(page, 'amount').waitFor({ timeout: TIMEOUT_MS });
}

/** The "Pay" tap: the amount screen's "Pay ₹…", which opens Checkout. */
export function payButton(page: Page) {
  return screen(page, 'amount').getByRole('button', { name: /^Pay/ });
}

export function checkoutFrame(page: Page): FrameLocator {
  return page.frameLocator(CHECKOUT_FRAME);
}

/** The element that shows Checkout is open and usable: its first payment method. */
export const CHECKOUT_READY_TEST_ID = 'sim-method-upi';

/** Pays in the open Checkout and returns to the welcome screen through "Thank you!". */
export async function payAndFinish(page: Page): Promise<void> {
  const frame = checkoutFrame(page);
  await frame.getByTestId(CHECKOUT_READY_TEST_ID).click({ timeout: TIMEOUT_MS });
  await frame.getByTestId('sim-upi-pay').click({ timeout: TIMEOUT_MS });
  await page.getByRole('heading', { name: 'Thank you!' }).waitFor({ timeout: TIMEOUT_MS });
  // One tap back to the start.
  await page.getByTestId('done').click({ timeout: TIMEOUT_MS });
  await screen(page, 'welcome').waitFor({ timeout: TIMEOUT_MS });
}

/** One whole donation, welcome to welcome. */
export async function donateOnce(page: Page): Promise<void> {
  await reachPay(page);
  await payButton(page).click({ timeout: TIMEOUT_MS });
  await payAndFinish(page);
}

/** The Checkout iframe's own Frame, once it is attached. */
export async function checkoutFrameHandle(page: Page): Promise<Frame> {
  const element = await page.waitForSelector(CHECKOUT_FRAME, { state: 'attached', timeout: TIMEOUT_MS });
  const frame = await element.contentFrame();
  if (!frame) throw new Error('the Checkout iframe has no frame');
  return frame;
}
