// The console's Updates panel in browser mode: the version, "updates are
// managed by the installed app", no update address to change (it is fixed when
// the app is built: issue 14), and the install hour, which asks for the PIN again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/kiosk-fixture.ts';
import { answerPinPrompt, longPressCorner, openTab, setUpPin } from './support/operator.ts';

const PIN = '482613';

test('the Updates panel shows the version and who manages updates, has no update address to change, and saves an install hour after the PIN again', async ({ kiosk }) => {
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
  // Nothing to check in browser mode, and nowhere to point updates.
  await expect(panel.getByRole('button', { name: 'Check for updates now' })).toHaveCount(0);
  await expect(panel.getByRole('textbox')).toHaveCount(0);

  // The install hour is set by taps; changing it asks for the PIN again.
  await page.getByText('Install updates only in one hour of the day').click();
  await expect(page.getByTestId('update-hour')).toHaveText('Only between 03:00 and 04:00');
  await page.getByRole('button', { name: 'One hour later' }).click();
  await page.getByRole('button', { name: 'One hour earlier' }).click();
  await page.getByRole('button', { name: 'Save update settings' }).click();
  await answerPinPrompt(page, PIN);
  await expect(page.getByTestId('update-settings-message')).toHaveText('Saved: When to install updates.');
  const configFile = join(kiosk.dataDir, 'kiosk-config.json');
  const saved = JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>;
  expect(saved).toMatchObject({ updateInstallHour: 3 });
  expect(saved).not.toHaveProperty('updateFeedUrl');
  await panel.scrollIntoViewIfNeeded();
  await shot('console-updates');
});
