// A new kiosk with no keys runs on its built-in simulator and says so on every screen.
import { test, expect } from './support/kiosk-fixture.ts';
import { payButton, screen, tapAmount, waitForCheckout } from './support/donor.ts';

test.use({ demoMode: true });

test('with no keys the kiosk runs in demo mode, with a DEMO banner on every screen', async ({ kiosk }) => {
  const { page, shot } = kiosk;
  const banner = page.getByText(/DEMO/).first();
  await expect(screen(page, 'welcome')).toBeVisible();
  await expect(banner).toBeVisible();
  await shot('demo-welcome');

  await tapAmount(page, '₹100');
  await expect(banner).toBeVisible();
  await payButton(page).click();
  const frame = await waitForCheckout(page);
  await shot('demo-checkout');
  await frame.getByTestId('sim-method-upi').click();
  await frame.getByTestId('sim-upi-pay').click();
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await expect(banner).toBeVisible();
  await shot('demo-thank-you');
  expect(kiosk.donations()[0]).toMatchObject({ state: 'paid', amountPaise: 10_000 });
  await expect(page.getByText('TEST MODE', { exact: true })).toHaveCount(0);
});
