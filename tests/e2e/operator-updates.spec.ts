// The console's Updates panel in browser mode: the version, "updates are
// managed by the installed app", and the two update settings (https only).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/kiosk-fixture.ts';
import { longPressCorner, openTab, setUpPin } from './support/operator.ts';

const PIN = '4826';

test('the Updates panel shows the version and who manages updates, and saves an https address and an install hour', async ({ kiosk }) => {
  const { page, shot } = kiosk;
  await longPressCorner(page, 'operator-setup');
  await setUpPin(page, PIN);
  await openTab(page, 'Kiosk');

  const panel = page.getByTestId('update-panel');
  await expect(panel.getByRole('heading', { name: 'Updates' })).toBeVisible();
  const status = page.getByTestId('update-status');
  await expect(status).toHaveAttribute('data-state', 'not-supported');
  await expect(status).toContainText('0.1.0');
  await expect(status).toContainText('Managed by the installed app');
  // Nothing to check in browser mode.
  await expect(panel.getByRole('button', { name: 'Check for updates now' })).toHaveCount(0);

  // http is refused with a plain message, and nothing is written.
  await page.getByLabel('Update address (https)').fill('http://updates.example.org/kiosk');
  await page.getByRole('button', { name: 'Save update settings' }).click();
  await expect(page.locator('#updates-updateFeedUrl-error')).toHaveText('The update address must start with https://.');
  await expect(page.getByTestId('update-settings-message')).toHaveText('Not saved: 1 field above needs attention. Nothing was changed.');
  const configFile = join(kiosk.dataDir, 'kiosk-config.json');
  expect(JSON.parse(readFileSync(configFile, 'utf8'))).toMatchObject({ updateFeedUrl: '', updateInstallHour: null });

  await page.getByLabel('Update address (https)').fill('https://updates.example.org/kiosk');
  await page.getByText('Install updates only in one hour of the day').click();
  await expect(page.getByTestId('update-hour')).toHaveText('Only between 03:00 and 04:00');
  await page.getByRole('button', { name: 'One hour later' }).click();
  await page.getByRole('button', { name: 'One hour earlier' }).click();
  await page.getByRole('button', { name: 'Save update settings' }).click();
  await expect(page.getByTestId('update-settings-message')).toHaveText('Saved: Update address (https); When to install updates.');
  expect(JSON.parse(readFileSync(configFile, 'utf8'))).toMatchObject({ updateFeedUrl: 'https://updates.example.org/kiosk', updateInstallHour: 3 });
  await panel.scrollIntoViewIfNeeded();
  await shot('console-updates');
});
