// The console speaks plainly: the operator gives cause names, descriptions and
// the welcome message per language and donors read their own; a refused save
// says what is wrong under the field it concerns, in the operator's language,
// never with an internal name, and changes nothing. (A physical keyboard types
// here: the taps-only set-up is operator-console-touch.spec.ts.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, E2E_CONFIG } from './support/kiosk-fixture.ts';
import { screen } from './support/donor.ts';
import { longPressCorner, openTab, setUpPin } from './support/operator.ts';

const PIN = '731905';

test('cause names, descriptions and the welcome message in Hindi too: a Hindi donor reads them, and English where none was given', async ({ kiosk }) => {
  const { page, shot } = kiosk;
  await longPressCorner(page, 'operator-setup');
  await setUpPin(page, PIN);

  await openTab(page, 'Causes and amounts');
  await page.getByLabel('Name', { exact: true }).fill('Mid-day meals');
  await page.getByLabel('Name in Hindi', { exact: true }).fill('मध्याह्न भोजन');
  await page.getByLabel('Short description (optional)', { exact: true }).fill('A hot meal at school');
  await page.getByLabel('Short description in Hindi (optional)', { exact: true }).fill('स्कूल में गरम खाना');
  await page.getByRole('button', { name: 'Add a cause' }).click();
  const second = page.locator('.cause-card').nth(1);
  await second.getByLabel('Name', { exact: true }).fill('Library books');
  await second.getByLabel('Amount 1', { exact: true }).fill('300');
  await second.getByLabel('Amount 2', { exact: true }).fill('600');
  await page.getByRole('button', { name: 'Save causes and amounts' }).click();
  await expect(page.getByTestId('causes-message')).toHaveText(
    'Saved: Mid-day meals: name, name (Hindi), description, description (Hindi); new cause Library books.',
  );
  await openTab(page, 'Welcome screen');
  await page.getByLabel('Welcome message', { exact: true }).fill('Thank you for visiting our stall.');
  await page.getByLabel('Welcome message in Hindi', { exact: true }).fill('हमारे स्टॉल पर आने के लिए धन्यवाद।');
  await page.getByRole('button', { name: 'Save welcome screen' }).click();
  await expect(page.getByTestId('welcome-message')).toHaveText('Saved: Welcome message; Welcome message (Hindi).');
  const file = JSON.parse(readFileSync(join(kiosk.dataDir, 'kiosk-config.json'), 'utf8')) as { causes: { name: object }[]; attractMessage: object };
  expect(file.causes.map((c) => c.name)).toEqual([{ en: 'Mid-day meals', hi: 'मध्याह्न भोजन' }, { en: 'Library books' }]);
  expect(file.attractMessage).toEqual({ en: 'Thank you for visiting our stall.', hi: 'हमारे स्टॉल पर आने के लिए धन्यवाद।' });
  await page.getByRole('button', { name: 'Done', exact: true }).click();

  // English first, then Hindi: each reads their own, and the untranslated cause in English.
  await expect(page.getByText('Thank you for visiting our stall.')).toBeVisible();
  await page.getByRole('button', { name: 'हिन्दी' }).click();
  await expect(page.getByText('हमारे स्टॉल पर आने के लिए धन्यवाद।')).toBeVisible();
  const causes = page.locator('.welcome-causes .cause');
  await expect(causes.nth(0)).toContainText('मध्याह्न भोजन');
  await expect(causes.nth(0)).toContainText('स्कूल में गरम खाना');
  await expect(causes.nth(1)).toContainText('Library books');
  await shot('causes-in-hindi');
});

test.describe('refusals', () => {
  test.use({ kioskConfig: { ...E2E_CONFIG, minAmountRupees: 10 } });

  test('stand under the field they concern, in the operator’s language (Hindi here), with no internal names, and change nothing', async ({ kiosk }) => {
    const { page, shot } = kiosk;
    await longPressCorner(page, 'operator-setup');
    await setUpPin(page, PIN);
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    const before = readFileSync(join(kiosk.dataDir, 'kiosk-config.json'), 'utf8');

    // The console speaks the language the kiosk is showing.
    await page.getByRole('button', { name: 'हिन्दी' }).click();
    await longPressCorner(page, 'operator-pin');
    for (const digit of PIN) await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'ठीक है', exact: true }).click();
    await expect(screen(page, 'operator-console')).toBeVisible();

    await page.getByRole('tab', { name: /^उद्देश्य और राशियाँ/ }).click();
    await page.getByLabel('राशि 1', { exact: true }).fill('5');
    await page.getByRole('button', { name: 'उद्देश्य और राशियाँ सहेजें' }).click();
    const amount = page.locator('#causes-causes-0-presetAmountsRupees-0-error');
    await expect(amount).toHaveText('₹10 से ₹1,00,000 के बीच होनी चाहिए (न्यूनतम और अधिकतम राशि)।');
    await expect(page.getByLabel('राशि 1', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('causes-message')).toHaveText('सहेजा नहीं गया: ऊपर 1 जगह ध्यान देना है। कुछ नहीं बदला गया।');
    await shot('refused-under-the-field-hindi');

    await page.getByRole('tab', { name: /^आयोजन और कियोस्क/ }).click();
    // The amount is still there, unsaved, when the operator comes back: the tab change asked first.
    await expect(page.getByTestId('unsaved-dialog')).toBeVisible();
    await page.getByRole('button', { name: 'बदलाव छोड़ दें' }).click();
    await page.getByLabel('कियोस्क ID', { exact: true }).fill('has space');
    await page.getByRole('button', { name: 'आयोजन और कियोस्क सहेजें' }).click();
    await expect(page.locator('#event-kioskId-error')).toHaveText('1 से 12 अक्षर, अंक या हाइफ़न लिखें, जैसे GATE-2।');
    // No internal field names anywhere on the screen.
    await expect(page.locator('body')).not.toContainText(/settings\.|kioskId|presetAmountsRupees|invalid_request/);
    expect(readFileSync(join(kiosk.dataDir, 'kiosk-config.json'), 'utf8')).toBe(before);
  });
});
