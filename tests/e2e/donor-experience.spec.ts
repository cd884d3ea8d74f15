// The donor experience end to end: Hindi, three causes, the on-screen keypad
// and keyboard, the processing fee, and the welcome screen's goal and donor
// wall growing with what the ledger captured.
import { test, expect, E2E_CONFIG } from './support/kiosk-fixture.ts';
import { screen, waitForCheckout } from './support/donor.ts';
import type { Page } from '@playwright/test';

const CAUSES = [
  { id: 'meals', name: 'Mid-day meals', description: 'A hot meal for a child at school', presetAmountsRupees: [100, 250, 500] },
  { id: 'books', name: 'Library books', description: 'Books for a village library', presetAmountsRupees: [300, 600, 900] },
  { id: 'scholarships', name: 'Scholarships', description: 'A year of school fees', presetAmountsRupees: [1000, 2500] },
];

test.use({
  kioskConfig: {
    ...E2E_CONFIG,
    causes: CAUSES,
    goalRupees: 50_000,
    showDonorWall: true,
    feeCoverPercent: 2,
    attractMessage: 'Every child deserves a school day with a meal and a book.',
  },
});

/** The rupees the goal bar shows as raised (its data attribute mirrors aria-valuenow without the cap). */
async function raised(page: Page): Promise<number> {
  const bar = page.getByRole('progressbar');
  await expect(bar).toBeVisible();
  return Number(await bar.getAttribute('data-raised'));
}

async function tapKeys(page: Page, keys: string): Promise<void> {
  for (const key of keys) await page.getByRole('button', { name: key, exact: true }).click();
}

test('a donor switches to Hindi, picks the second cause, types an amount on the keypad, adds the fee and pays; the goal grows by exactly that', async ({ kiosk }) => {
  const { page, shot } = kiosk;
  await expect(screen(page, 'welcome')).toBeVisible();
  await expect(page.getByRole('progressbar')).toBeVisible();
  const before = await raised(page);
  await shot('welcome-en');

  await page.getByRole('button', { name: 'हिन्दी' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
  // Two or more causes: the welcome screen offers them (the first of three taps to pay).
  await expect(page.getByRole('heading', { name: 'आप किस काम में सहयोग करना चाहेंगे?' })).toBeVisible();
  await shot('welcome-hi');
  await page.getByRole('button', { name: /Library books/ }).click();

  await expect(screen(page, 'amount')).toBeVisible();
  // The second cause's own amounts.
  await expect(page.getByRole('button', { name: '₹600', exact: true })).toBeVisible();
  await tapKeys(page, '750');
  await expect(page.getByLabel('कोई और राशि (₹)')).toHaveValue('750');
  const fee = page.getByRole('checkbox', { name: 'प्रोसेसिंग शुल्क के लिए ₹15 जोड़ें' });
  await fee.check();
  await expect(page.getByTestId('amount-summary')).toContainText('कुल भुगतान: ₹765');
  await expect(page.getByTestId('amount-summary')).toContainText('दान ₹750 + प्रोसेसिंग शुल्क ₹15');
  await shot('amount-hi-keypad-fee');
  await page.getByRole('button', { name: 'नाम, ईमेल या 80G रसीद जोड़ें' }).click();

  await expect(screen(page, 'details')).toBeVisible();
  await expect(page.getByText('₹765')).toBeVisible();
  // The name in Hindi on the kiosk's own InScript keyboard (a Hindi donor gets it first), the caret already in the field.
  const name = page.getByLabel('आपका नाम (ज़रूरी नहीं)');
  await expect(name).toBeFocused();
  await expect(page.getByTestId('keyboard-name')).toHaveAttribute('data-script', 'devanagari');
  await page.getByRole('button', { name: 'शिफ़्ट' }).click();
  await page.getByRole('button', { name: 'आ', exact: true }).click();
  await page.getByRole('button', { name: 'शिफ़्ट' }).click();
  await page.getByRole('button', { name: 'श', exact: true }).click();
  await page.getByRole('button', { name: 'ा', exact: true }).click();
  await expect(name).toHaveValue('आशा');
  // The phone on the number pad, after touching the field.
  await page.getByLabel('मोबाइल (ज़रूरी नहीं)').focus();
  await tapKeys(page, '9876543210');
  await expect(page.getByLabel('मोबाइल (ज़रूरी नहीं)')).toHaveValue('9876543210');
  await shot('details-hi-keyboard');
  await page.getByRole('button', { name: 'भुगतान पर जाएँ' }).click();

  const frame = await waitForCheckout(page);
  await frame.getByTestId('sim-method-upi').click();
  await frame.getByTestId('sim-upi-pay').click();
  await expect(page.getByRole('heading', { name: 'धन्यवाद!' })).toBeVisible();
  await expect(screen(page, 'thank-you')).toContainText('Library books');
  await expect(screen(page, 'thank-you')).toContainText('₹765');
  await expect(screen(page, 'thank-you')).toContainText('प्रोसेसिंग शुल्क के लिए जोड़े गए ₹15');
  await shot('thank-you-hi');

  const [paid] = kiosk.donations();
  expect(paid).toMatchObject({ state: 'paid', cause: 'Library books', amountPaise: 76_500, feePaise: 1_500, donorName: 'आशा', phone: '9876543210' });
  expect(kiosk.simulator.getOrder(paid?.orderId ?? '')?.notes).toMatchObject({ cause_id: 'books', fee_covered_inr: '15' });

  await page.getByRole('button', { name: 'हो गया' }).click();
  // Back in the operator's language, with the gift on the bar and the name on the wall.
  await expect(page.getByRole('heading', { name: 'What would you like to support?' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('progressbar')).toHaveAttribute('data-raised', String(before + 765));
  await expect(page.getByTestId('donor-wall')).toContainText('आशा');
  await shot('welcome-after-gift');
});

test('an anonymous donor is "Anonymous" on the wall; high contrast lasts for the donation only', async ({ kiosk }) => {
  const { page, shot } = kiosk;
  await expect(screen(page, 'welcome')).toBeVisible();
  const before = await raised(page);
  await page.getByTestId('contrast-toggle').click();
  await expect(page.locator('html')).toHaveClass(/high-contrast/);
  await shot('welcome-high-contrast');
  await page.getByRole('button', { name: /Mid-day meals/ }).click();
  await page.getByRole('button', { name: '₹250', exact: true }).click();
  await expect(page.getByTestId('amount-summary')).toContainText('You are giving ₹250');
  await shot('amount-high-contrast');
  // No details: an anonymous gift, straight to payment.
  await page.getByRole('button', { name: 'Pay ₹250' }).click();
  const frame = await waitForCheckout(page);
  await frame.getByTestId('sim-method-upi').click();
  await frame.getByTestId('sim-upi-pay').click();
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();

  await expect(page.getByRole('button', { name: /Mid-day meals/ })).toBeVisible();
  await expect(page.locator('html')).not.toHaveClass(/high-contrast/);
  await expect(page.getByRole('progressbar')).toHaveAttribute('data-raised', String(before + 250));
  await expect(page.getByTestId('donor-wall')).toContainText('Anonymous');
  expect(kiosk.donations()[0]).toMatchObject({ state: 'paid', anonymous: true, donorName: null, feePaise: 0, cause: 'Mid-day meals' });
});

test('the physical keyboard still types into the amount, and Back from the amount returns to the causes', async ({ kiosk }) => {
  const { page } = kiosk;
  await page.getByRole('button', { name: /Scholarships/ }).click();
  await page.getByLabel('Other amount (₹)').pressSequentially('1200');
  await expect(page.getByTestId('amount-summary')).toContainText('You are giving ₹1,200');
  await expect(page.getByLabel('Other amount (₹)')).toHaveValue('1,200');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByLabel('Other amount (₹)')).toHaveValue('120');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('button', { name: /Scholarships/ })).toBeVisible();
});
