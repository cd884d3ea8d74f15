// Every donor screen fits every kiosk shape: at 1080×1920 (floor-standing
// portrait), 1920×1080 and 1280×800 (counter kiosks) and 768×1024 (tablets),
// in English and Hindi, with normal and high-contrast/large text, the primary
// action and every field and button are inside the viewport, not covered, and
// the page does not scroll. A screenshot of each combination is saved under
// test-results/screens/ (look at them: fitting is not the same as looking right).
import type { Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMAIL_SETTINGS_FILE } from '../../src-main/domain/email/email-settings.ts';
import { test, expect, E2E_CONFIG, type Kiosk } from './support/kiosk-fixture.ts';
import { payByUpi, screen, waitForCheckout } from './support/donor.ts';

const SHAPES = [
  { name: 'portrait-1080x1920', width: 1080, height: 1920 },
  { name: 'landscape-1920x1080', width: 1920, height: 1080 },
  { name: 'landscape-1280x800', width: 1280, height: 800 },
  { name: 'tablet-768x1024', width: 768, height: 1024 },
] as const;
const LANGUAGES = [
  { code: 'en', button: 'English' },
  { code: 'hi', button: 'हिन्दी' },
] as const;
const CONTRASTS = ['normal', 'high-contrast'] as const;

const FIT_CONFIG = {
  ...E2E_CONFIG,
  attractMessage: 'Every child deserves a school day with a meal and a book.',
  goalRupees: 50_000,
  showDonorWall: true,
  feeCoverPercent: 2,
  organisationAddress: '14 Lake Road, Koregaon Park, Pune 411001',
  organisationPan: 'AAATA1234F',
  registration80G: 'AAATA1234FF20214',
  registration80GValidFrom: '2024-04-01',
  registration80GValidTo: '2029-03-31',
};

const CAUSES = [
  { id: 'meals', name: 'Mid-day meals', description: 'A hot meal for a child at school', presetAmountsRupees: [100, 250, 500] },
  { id: 'books', name: 'Library books', description: 'Books for a village library', presetAmountsRupees: [300, 600, 900] },
  { id: 'scholarships', name: 'Scholarships', description: 'A year of school fees', presetAmountsRupees: [1000, 2500] },
  { id: 'water', name: 'Clean water', description: 'A filter for a village school', presetAmountsRupees: [500, 1500] },
];

/**
 * Runs in the page: what is wrong with the current screen's fit. Every
 * button, field and progress bar must be inside the viewport, with its own
 * centre not covered (by another element, the operator corner, a clipping
 * parent) and its text not spilling out; the page must not scroll; the first
 * control sits close under the screen's heading.
 */
function fitProblems(needsPrimary: boolean): string[] {
  const problems: string[] = [];
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const page = document.scrollingElement ?? document.documentElement;
  if (page.scrollHeight > vh + 1) problems.push(`the page scrolls: ${page.scrollHeight}px tall in ${vh}px`);
  if (page.scrollWidth > vw + 1) problems.push(`the page scrolls sideways: ${page.scrollWidth}px wide in ${vw}px`);
  const root = document.querySelector('[data-screen]');
  if (!root) return ['no screen'];
  const describe = (el: Element): string => {
    const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${label}"`;
  };
  const targets = root.querySelectorAll('button, input, select, textarea, [role="progressbar"], .field-error:not(:empty)');
  if (needsPrimary && !root.querySelector('.btn-primary, .welcome-causes .cause')) problems.push('no primary action on the screen');
  for (const el of targets) {
    if (el.closest('[hidden]')) continue;
    // Check boxes and radios are drawn by their label (the input itself is a 1 px stand-in).
    const input = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
    const target = input ? (el.closest('label') ?? el) : el;
    const box = target.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) {
      problems.push(`${describe(el)} has no size`);
      continue;
    }
    if (box.left < -0.5 || box.top < -0.5 || box.right > vw + 0.5 || box.bottom > vh + 0.5) {
      problems.push(`${describe(el)} is outside the viewport (${Math.round(box.left)},${Math.round(box.top)})-(${Math.round(box.right)},${Math.round(box.bottom)})`);
      continue;
    }
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (!hit || !(target.contains(hit) || hit.contains(target))) problems.push(`${describe(el)} is covered by ${hit ? describe(hit) : 'nothing'}`);
    if (target instanceof HTMLElement && target.tagName === 'BUTTON' && (target.scrollWidth > target.clientWidth + 2 || target.scrollHeight > target.clientHeight + 2)) {
      problems.push(`${describe(el)}: its text spills out of it`);
    }
  }
  // The first thing to answer sits right under the question: no hole between a heading and its fields.
  const head = root.querySelector('.panel-head');
  const firstControl = [...targets].find((el) => !el.closest('[hidden]') && !el.closest('.panel-head'));
  if (head && firstControl) {
    const controlTop = firstControl.getBoundingClientRect().top;
    // Text between them (an introduction, a label) is not a hole: measure from the last of it.
    let above = head.getBoundingClientRect().bottom;
    for (const el of root.querySelectorAll('*')) {
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      const box = el.getBoundingClientRect();
      const seen = box.width > 4 && box.height > 4 && !el.closest('.visually-hidden');
      if (ownText && seen && box.bottom <= controlTop + 0.5 && box.bottom > above) above = box.bottom;
    }
    const hole = controlTop - above;
    if (hole > vh * 0.1) problems.push(`a ${Math.round(hole)}px hole between the heading and ${describe(firstControl)}`);
  }
  return problems;
}

/** Asserts the fit and saves the screenshot, named by the combination. */
async function checkScreen(kiosk: Kiosk, combo: string, name: string, { primary = true } = {}): Promise<void> {
  // Fonts and layout settle before measuring (no animations on these screens' layout).
  await kiosk.page.evaluate(() => document.fonts.ready.then(() => undefined));
  const problems = await kiosk.page.evaluate(fitProblems, primary);
  await kiosk.shot(`${combo}-${name}`);
  expect(problems, `${combo} ${name}`).toEqual([]);
}

async function chooseLanguageAndContrast(page: Page, language: (typeof LANGUAGES)[number], contrast: (typeof CONTRASTS)[number]): Promise<void> {
  await expect(screen(page, 'welcome')).toBeVisible();
  await page.getByRole('button', { name: language.button, exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', language.code);
  if (contrast === 'high-contrast') {
    await page.getByTestId('contrast-toggle').click();
    await expect(page.locator('html')).toHaveClass(/high-contrast/);
  }
}

test.describe('one cause, 80G, fee, goal and donor wall', () => {
  test.use({ kioskConfig: FIT_CONFIG });

  for (const shape of SHAPES) {
    test(`every donor screen fits ${shape.name} in English and Hindi, normal and high contrast`, async ({ kiosk }) => {
      test.setTimeout(240_000);
      const { page } = kiosk;
      // No fades: each screenshot shows the screen as it settles, not halfway through a tap's colour change.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      // Email receipts on (to a server that is not there: nothing needs sending here), so the thank-you screen offers them.
      writeFileSync(join(kiosk.dataDir, EMAIL_SETTINGS_FILE), JSON.stringify({ enabled: true, host: '127.0.0.1', port: 9, security: 'none', fromAddress: 'receipts@asha.example.org' }));
      await kiosk.restart();
      await page.setViewportSize({ width: shape.width, height: shape.height });
      for (const language of LANGUAGES) {
        for (const contrast of CONTRASTS) {
          const combo = `${shape.name}-${language.code}-${contrast}`;
          await chooseLanguageAndContrast(page, language, contrast);
          await checkScreen(kiosk, combo, 'welcome');

          await screen(page, 'welcome').locator('.welcome-amount').first().click();
          await expect(screen(page, 'amount')).toBeVisible();
          await checkScreen(kiosk, combo, 'amount');

          await page.getByTestId('add-details').click();
          await expect(screen(page, 'details')).toBeVisible();
          await checkScreen(kiosk, combo, 'details');
          // The email keyboard is the widest; the number pad the narrowest: neither may move anything.
          await page.locator('#donor-email').focus();
          await checkScreen(kiosk, combo, 'details-email');

          // An 80G receipt needs a name: the error shows under the field, the rest stays.
          await page.locator('.tax-opt-in .check').click();
          await page.locator('#donor-phone').fill('98765');
          await page.locator('.screen-details .btn-primary').click();
          await expect(page.locator('#donor-name-error')).not.toBeEmpty();
          await expect(page.locator('#donor-phone-error')).not.toBeEmpty();
          await checkScreen(kiosk, combo, 'details-errors');
          await page.locator('#donor-name').fill('Asha Rao');
          await page.locator('#donor-phone').fill('98765 43210');
          await page.locator('.screen-details .btn-primary').click();
          await expect(screen(page, 'tax')).toBeVisible();
          await checkScreen(kiosk, combo, 'tax');
          // Each problem under its field, all at once: the tallest the 80G step gets.
          await page.locator('.screen-tax .btn-primary').click();
          await expect(page.locator('#tax-address-error')).not.toBeEmpty();
          await checkScreen(kiosk, combo, 'tax-errors');

          await page.locator('.screen-tax .btn-secondary').click();
          await expect(screen(page, 'details')).toBeVisible();
          await page.locator('.tax-opt-in .check').click();
          await page.locator('.screen-details .btn-primary').click();
          await waitForCheckout(page);
          // The payment window is Razorpay's, over the kiosk's calm background: nothing of the kiosk's to press there.
          await checkScreen(kiosk, combo, 'checkout', { primary: false });

          const frame = await waitForCheckout(page);
          await frame.getByTestId('sim-close').click();
          await frame.getByTestId('sim-confirm-close-yes').click();
          await expect(screen(page, 'failure')).toBeVisible();
          await checkScreen(kiosk, combo, 'failure');

          await page.locator('.screen-failure .btn-primary').click();
          await payByUpi(await waitForCheckout(page));
          await expect(screen(page, 'thank-you')).toBeVisible();
          await checkScreen(kiosk, combo, 'thank-you');
          // "Email my receipt": the address on the kiosk's keys, on the same screen.
          await page.locator('.receipt-offer .btn-secondary').first().click();
          await expect(page.getByTestId('receipt-email-form')).toBeVisible();
          await checkScreen(kiosk, combo, 'thank-you-email');
          await page.getByTestId('receipt-email-form').locator('.btn-secondary').click();
          await page.getByTestId('done').click();
          await expect(screen(page, 'welcome')).toBeVisible();
        }
      }
    });
  }
});

test.describe('four causes', () => {
  test.use({ kioskConfig: { ...FIT_CONFIG, causes: CAUSES } });

  test('the welcome screen with causes and the amount screen fit every shape, language and contrast', async ({ kiosk }) => {
    test.setTimeout(180_000);
    const { page } = kiosk;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    for (const shape of SHAPES) {
      await page.setViewportSize({ width: shape.width, height: shape.height });
      for (const language of LANGUAGES) {
        for (const contrast of CONTRASTS) {
          const combo = `${shape.name}-${language.code}-${contrast}`;
          await chooseLanguageAndContrast(page, language, contrast);
          await checkScreen(kiosk, combo, 'welcome-causes');
          await page.getByRole('button', { name: /Library books/ }).click();
          await expect(screen(page, 'amount')).toBeVisible();
          await checkScreen(kiosk, combo, 'amount-cause');
          await page.locator('.screen-amount .actions .btn-secondary').first().click();
          await expect(screen(page, 'welcome')).toBeVisible();
          // Back keeps the donor's language and contrast: set them back for the next combination.
          await expect(page.locator('html')).toHaveAttribute('lang', language.code);
          if (contrast === 'high-contrast') await page.getByTestId('contrast-toggle').click();
        }
      }
    }
  });
});
