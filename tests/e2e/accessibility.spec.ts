// axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) finds nothing on any
// screen, in English and Hindi, in the normal and the high-contrast look.
// Screenshots of every screen in each variant land in test-results/screens.
import { test, expect, E2E_CONFIG } from './support/kiosk-fixture.ts';
import { screen, waitForCheckout } from './support/donor.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import type { Page } from '@playwright/test';

test.use({
  kioskConfig: {
    ...E2E_CONFIG,
    idleResetSeconds: 10,
    idlePromptSeconds: 30,
    causes: [
      { id: 'meals', name: 'Mid-day meals', description: 'A hot meal for a child at school', presetAmountsRupees: [100, 250, 500] },
      { id: 'books', name: 'Library books', description: 'Books for a village library', presetAmountsRupees: [300, 600, 900] },
    ],
    goalRupees: 25_000,
    showDonorWall: true,
    feeCoverPercent: 2,
    attractMessage: 'Every child deserves a school day with a meal and a book.',
  },
});

/** Words the tests press, per language: the screens' own catalogue text. */
const WORDS = {
  en: { payNow: 'Pay', details: 'Add name, email or 80G receipt', pay: 'Continue to payment', phone: 'Mobile (optional)', retry: 'Try again', done: 'Done', stay: "I'm still here", thanks: 'Thank you!' },
  hi: { payNow: 'भुगतान करें', details: 'नाम, ईमेल या 80G रसीद जोड़ें', pay: 'भुगतान पर जाएँ', phone: 'मोबाइल (ज़रूरी नहीं)', retry: 'फिर से कोशिश करें', done: 'हो गया', stay: 'मैं यहीं हूँ', thanks: 'धन्यवाद!' },
} as const;

type Language = keyof typeof WORDS;

/** The operator's PIN on the on-screen pad, OK in the language on screen. */
async function enterPin(page: Page, pin: string, language: Language): Promise<void> {
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: language === 'hi' ? 'ठीक है' : 'OK', exact: true }).click();
}

/** On the welcome screen: the donor's language and look for this donation. */
async function choose(page: Page, language: Language, highContrast: boolean): Promise<void> {
  await expect(screen(page, 'welcome')).toBeVisible();
  await page.getByRole('button', { name: language === 'hi' ? 'हिन्दी' : 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  // Back from the first step keeps the donor's contrast: toggle only when it differs.
  const on = (await page.locator('html').getAttribute('class'))?.includes('high-contrast') ?? false;
  if (on !== highContrast) await page.getByTestId('contrast-toggle').click();
  if (highContrast) await expect(page.locator('html')).toHaveClass(/high-contrast/);
  else await expect(page.locator('html')).not.toHaveClass(/high-contrast/);
}

for (const language of ['en', 'hi'] as const) {
  for (const highContrast of [false, true]) {
    const variant = `${language}${highContrast ? ', high contrast' : ''}`;
    test(`every screen passes axe (${variant})`, async ({ kiosk }) => {
      test.setTimeout(120_000);
      const { page, shot } = kiosk;
      // Reduced motion (which the kiosk honours) turns transitions off, so axe measures colours
      // as they end, not halfway through a 120 ms fade after a tap.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const words = WORDS[language];
      const check = async (name: string): Promise<void> => {
        await expectNoAxeViolations(page, `${name} (${variant})`);
        await shot(name);
      };

      // The operator's PIN set-up pad and console (Ctrl+Alt+O from the welcome screen), first: a
      // kiosk that has taken donations without a PIN shows "operator access lost" instead (issue 14).
      await choose(page, language, highContrast);
      await page.keyboard.press('Control+Alt+O');
      await expect(screen(page, 'operator-setup')).toBeVisible();
      await check('operator-pin-setup');
      await enterPin(page, '731905', language);
      await expect(screen(page, 'operator-setup')).toContainText(language === 'hi' ? 'वही PIN फिर से डालें' : 'Enter the same PIN again');
      await enterPin(page, '731905', language);
      await expect(screen(page, 'operator-console')).toBeVisible();
      await check('operator-console');
      await page.getByRole('tab', { name: language === 'hi' ? 'उद्देश्य और राशियाँ' : 'Causes and amounts' }).click();
      await expect(page.locator('#causes-causes-0-name-en')).toBeVisible();
      await check('operator-settings');
      // The day picker, open, and the kiosk's keys docked under a field.
      await page.getByRole('tab', { name: language === 'hi' ? 'आयोजन और कियोस्क' : 'Event and kiosk' }).click();
      await page.locator('#event-eventStartDate').click();
      await page.locator('#event-organisationName').click();
      await expect(page.getByTestId('typing-dock').getByRole('group')).toBeVisible();
      await check('operator-date-and-keys');
      await page.getByRole('button', { name: words.done, exact: true }).click();

      // Welcome, with the goal bar once main has answered.
      await choose(page, language, highContrast);
      await expect(page.getByRole('progressbar')).toBeVisible();
      await check('welcome');

      // Two causes: the welcome screen offers them.
      await page.getByRole('button', { name: /Library books/ }).click();
      await expect(screen(page, 'amount')).toBeVisible();
      await check('amount-empty');
      await page.getByRole('button', { name: words.payNow, exact: true }).click();
      await expect(page.locator('#other-amount-error')).not.toBeEmpty();
      await check('amount-error');
      for (const key of '450') await page.getByRole('button', { name: key, exact: true }).click();
      await page.getByTestId('cover-fee').check();
      await check('amount-with-fee');
      await page.getByRole('button', { name: words.details }).click();

      await expect(screen(page, 'details')).toBeVisible();
      await check('details-keyboard');
      await page.getByLabel(words.phone).fill('12345');
      await page.getByRole('button', { name: words.pay }).click();
      await expect(page.locator('#donor-phone-error')).not.toBeEmpty();
      await check('details-error');
      await page.getByLabel(words.phone).fill('');
      await page.getByRole('button', { name: words.pay }).click();

      // Checkout is Razorpay's window (the simulator's here): the kiosk's page behind it is checked.
      const frame = await waitForCheckout(page);
      await expect(screen(page, 'checkout')).toBeVisible();
      await check('checkout-background');
      await frame.getByTestId('sim-close').click();
      await frame.getByTestId('sim-confirm-close-yes').click();
      await expect(screen(page, 'failure')).toBeVisible();
      await check('failure');

      await page.getByRole('button', { name: words.retry }).click();
      const again = await waitForCheckout(page);
      await again.getByTestId('sim-method-upi').click();
      await again.getByTestId('sim-upi-pay').click();
      await expect(page.getByRole('heading', { name: words.thanks })).toBeVisible();
      await check('thank-you');
      await page.getByRole('button', { name: words.done }).click();

      // The idle prompt, over the amount screen.
      await choose(page, language, highContrast);
      await page.getByRole('button', { name: /Mid-day meals/ }).click();
      await expect(screen(page, 'amount')).toBeVisible();
      await expect(page.getByRole('alertdialog')).toBeVisible({ timeout: 20_000 });
      await check('idle-prompt');
      await page.getByRole('button', { name: words.stay }).click();
      await page.getByRole('button', { name: language === 'hi' ? 'पीछे' : 'Back', exact: true }).click();

    });
  }
}

test('the axe check itself fails on a real violation (a nameless button, grey-on-white text)', async ({ kiosk }) => {
  const { page } = kiosk;
  await expect(screen(page, 'welcome')).toBeVisible();
  await expect(page.getByRole('progressbar')).toBeVisible();
  await page.evaluate(() => {
    // Inside the goal card: a plain white surface, where axe can measure contrast for sure.
    const main = document.querySelector('.goal');
    const button = document.createElement('button');
    const faint = document.createElement('p');
    faint.textContent = 'Faint words';
    faint.style.color = '#cccccc';
    main?.append(button, faint);
  });
  const failure = await expectNoAxeViolations(page, 'a page with planted faults').then(
    () => null,
    (error: unknown) => String(error),
  );
  expect(failure).toContain('button-name');
  expect(failure).toContain('color-contrast');
});
