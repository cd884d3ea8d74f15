// The README's screenshots, taken the way a newcomer meets the kiosk: demo
// mode (no keys: the DEMO banner, the built-in simulator), the shipped
// settings (20-second countdowns), landscape 1280×800 and portrait 1080×1920.
// Written into assets/screenshots/ only when asked (`npm run screenshots`,
// which sets README_SCREENSHOTS=1); skipped in every other run.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/kiosk-fixture.ts';
import { chooseAmount, enterDetails, tapAmount, INSUFFICIENT_FUNDS_CARD, payByCard, payByUpi, screen, startAnonymousDonation, waitForCheckout } from './support/donor.ts';
import { enterPin, leaveConsole, longPressCorner, openTab, setUpPin } from './support/operator.ts';
import { KioskConfigSchema, withDefaults, type KioskConfigFile } from '../../src-main/domain/kiosk-config.ts';
import { showReceipt } from './support/receipt-page.ts';

const OUT = resolve('assets/screenshots');
const PIN = '482613';
const SHAPES = [
  { suffix: '', width: 1280, height: 800 },
  { suffix: '-portrait', width: 1080, height: 1920 },
];

test.skip(process.env['README_SCREENSHOTS'] !== '1', 'README screenshots are taken only when asked: npm run screenshots');
test.use({ demoMode: true, kioskConfig: {} });

async function prepare(page: Page, shape: (typeof SHAPES)[number]): Promise<(name: string) => Promise<void>> {
  mkdirSync(OUT, { recursive: true });
  await page.setViewportSize({ width: shape.width, height: shape.height });
  // Settled screens, not a button's colour half-way through its fade.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  return async (name) => {
    await page.mouse.move(0, shape.height - 1);
    await page.screenshot({ path: join(OUT, `${name}${shape.suffix}.png`) });
  };
}

for (const shape of SHAPES) {
  test(`the donor's path and the console, as a newcomer sees them, at ${shape.width}×${shape.height}`, async ({ kiosk }) => {
    test.setTimeout(180_000);
    const { page, simulator } = kiosk;
    const save = await prepare(page, shape);
    await expect(screen(page, 'welcome')).toBeVisible();
    await expect(page.getByText(/DEMO/).first()).toBeVisible();
    // The newcomer's first step: the operator PIN, chosen before any donation
    // (a kiosk with donations and no PIN says "operator access lost").
    await longPressCorner(page, 'operator-setup');
    await save('operator-setup');
    await setUpPin(page, PIN);
    await leaveConsole(page);
    await save('welcome');

    await tapAmount(page, '₹500');
    await save('amount');
    await page.getByRole('button', { name: 'Add name, email or 80G receipt' }).click();
    await expect(screen(page, 'details')).toBeVisible();
    await enterDetails(page, { name: 'Meera Nair' });
    await save('details');
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    const checkout = await waitForCheckout(page);
    await save('checkout');
    await payByUpi(checkout);
    await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
    await expect(page.getByText(/in 20 seconds/)).toBeVisible();
    await save('thank-you');
    await page.getByRole('button', { name: 'Done' }).click();

    await chooseAmount(page, '₹1,000');
    await enterDetails(page, {});
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await payByCard(await waitForCheckout(page), INSUFFICIENT_FUNDS_CARD);
    await expect(page.getByRole('heading', { name: 'Payment not completed' })).toBeVisible();
    await save('failure');
    await page.getByRole('button', { name: 'Back to start' }).click();

    await longPressCorner(page, 'operator-pin');
    await enterPin(page, PIN);
    await expect(page.getByTestId('today-list')).toBeVisible();
    await save('operator-console');
    await openTab(page, 'Causes and amounts');
    await save('operator-causes');
    await page.getByLabel('Name', { exact: true }).click();
    await expect(page.getByTestId('typing-dock').getByRole('group')).toBeVisible();
    await save('operator-typing');
    await page.getByRole('button', { name: 'Hide keys' }).click();
    await openTab(page, 'Event and kiosk');
    await page.getByRole('button', { name: /^Event start date / }).click();
    await save('operator-date');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await page.getByRole('button', { name: 'Done', exact: true }).click();

    // The network goes away: the welcome screen says donations are paused.
    simulator.faults.inject('orders.create', { kind: 'reset' });
    simulator.faults.inject('orders.list', { kind: 'reset' });
    await startAnonymousDonation(page);
    await page.getByRole('button', { name: 'Back to start' }).click();
    await expect(page.getByTestId('welcome-paused')).toBeVisible();
    await save('paused');
    simulator.faults.clear();
  });
}

/** What the operator set up for the feature screenshots: three causes, Hindi texts, a goal, 80G. */
const SET_UP: Partial<KioskConfigFile> = {
  causes: [
    { id: 'meals', name: { en: 'Mid-day meals', hi: 'मध्याह्न भोजन' }, description: { en: 'A hot meal for a child at school', hi: 'स्कूल में बच्चे के लिए गरम खाना' }, presetAmountsRupees: [100, 250, 500] },
    { id: 'books', name: { en: 'Library books', hi: 'पुस्तकालय की किताबें' }, description: { en: 'Books for a village library', hi: 'गाँव के पुस्तकालय के लिए किताबें' }, presetAmountsRupees: [300, 600, 900] },
    { id: 'scholarships', name: { en: 'Scholarships', hi: 'छात्रवृत्ति' }, description: { en: 'A year of school fees', hi: 'एक साल की स्कूल फ़ीस' }, presetAmountsRupees: [1000, 2500] },
  ],
  attractMessage: { en: 'Every child deserves a school day with a meal and a book.', hi: 'हर बच्चे को भोजन और किताब के साथ स्कूल का दिन मिले।' },
  goalRupees: 50_000,
  showDonorWall: true,
  organisationAddress: '14 Lake Road, Koregaon Park, Pune 411001',
  organisationPan: 'AAATA1234F',
  registration80G: 'AAATA1234FF20214',
  registration80GValidFrom: '2024-04-01',
  registration80GValidTo: '2029-03-31',
};

/** The same settings as the kiosk reads them from its file. */
const SET_UP_CONFIG = KioskConfigSchema.parse(withDefaults(SET_UP));

test.describe('set up by the operator', () => {
  test.use({ kioskConfig: SET_UP });

  for (const shape of SHAPES) {
    test(`Hindi, causes, 80G and the printed receipt, at ${shape.width}×${shape.height}`, async ({ kiosk }) => {
      test.setTimeout(120_000);
      const { page } = kiosk;
      const save = await prepare(page, shape);
      await page.getByRole('button', { name: 'हिन्दी' }).click();
      await expect(page.getByText('हर बच्चे को भोजन और किताब के साथ स्कूल का दिन मिले।')).toBeVisible();
      await save('welcome-hindi');
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.getByTestId('welcome-causes')).toBeVisible();
      await save('causes');
      await page.getByRole('button', { name: /Library books/ }).click();
      await page.getByRole('button', { name: '₹600', exact: true }).click();
      await page.getByRole('button', { name: 'Add name, email or 80G receipt' }).click();
      await enterDetails(page, { name: 'Asha Rao' });
      await page.getByLabel('I want an 80G tax receipt').check();
      await page.getByRole('button', { name: 'Continue', exact: true }).click();
      await expect(screen(page, 'tax')).toBeVisible();
      await expect(page.getByLabel('Name as on your PAN')).toHaveValue('Asha Rao');
      await page.getByRole('textbox', { name: 'PAN', exact: true }).fill('ABCPE1234F');
      await page.getByLabel('Address', { exact: true }).fill('12 MG Road, Camp, Pune 411001');
      await save('details-80g');
      await page.getByRole('button', { name: 'Continue to payment' }).click();
      await payByUpi(await waitForCheckout(page));
      await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();

      if (shape.suffix !== '') return;
      // The 80 mm receipt as the thermal printer gets it.
      const [paid] = kiosk.donations();
      if (!paid?.receiptNo) throw new Error('no receipt');
      await showReceipt(page, SET_UP_CONFIG, paid, 'thermal-80mm');
      await page.screenshot({ path: join(OUT, 'receipt-thermal.png') });
    });
  }
});
