// An unreadable ledger: the kiosk cannot keep a record, so it takes no
// donations. Donors see a plain "out of service"; the operator sees why.
import { test, expect } from './support/kiosk-fixture.ts';
import { screen } from './support/donor.ts';

test.use({ ledgerFileContents: 'this is not an SQLite database\n'.repeat(200) });

test('a garbage ledger file: out of service with the operator message, and no donation can start', async ({ kiosk }) => {
  const { page, shot, simulator } = kiosk;
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));

  const outOfService = screen(page, 'out-of-service');
  await expect(outOfService).toBeVisible();
  await expect(page.getByRole('heading', { name: 'This kiosk is out of service' })).toBeVisible();
  await expect(outOfService).toContainText('Please ask a volunteer for help.');
  await expect(outOfService).toContainText('For the operator:');
  // Main's own message (not a catalogue sentence) is shown for the operator.
  const operatorMessage = (await outOfService.locator('.operator-message').textContent()) ?? '';
  expect(operatorMessage.trim().length).toBeGreaterThan(10);
  await expect(outOfService).toContainText(/ledger|database/i);
  await shot('out-of-service');

  // No way to start a donation: no button, and main refuses a direct call too.
  await expect(page.getByTestId('welcome-amounts')).toHaveCount(0);
  const refused = await page.evaluate(() => window.kiosk?.startDonation({ amountRupees: 100, donor: { anonymous: true } }));
  expect(refused).toMatchObject({ ok: false, error: { code: 'kiosk_unavailable', retryable: false } });
  expect(simulator.listOrders()).toHaveLength(0);
  expect(pageErrors).toEqual([]);
});
