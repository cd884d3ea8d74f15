// The donor's path: no dead ends (every value main refuses is refused on
// screen first, under its field, with everything else kept), three taps to
// pay, and the smaller things a donor notices (keys at the caret, Indian
// grouping, Devanagari digits, a fee offer that says why it is off, Back that
// keeps the language, keys out of the Tab order).
import type { Page } from '@playwright/test';
import { test, expect, E2E_CONFIG } from './support/kiosk-fixture.ts';
import { chooseAmount, payButton, screen, waitForCheckout } from './support/donor.ts';

/** What main does with the same value: startDonation straight from the page, as a renderer that skipped the check would. */
async function mainRefuses(page: Page, donor: Record<string, unknown>): Promise<string | null> {
  const reply = await page.evaluate((d) => window.kiosk?.startDonation({ amountRupees: 100, donor: d as never }), donor);
  return reply && !reply.ok ? reply.error.code : null;
}

const GOOD = { name: 'Asha Rao', phone: '98765 43210', email: 'asha@example.com' };

const REFUSED: { field: 'name' | 'phone' | 'email'; value: string; why: RegExp }[] = [
  { field: 'name', value: 'Asha '.repeat(13).trim(), why: /shorter name \(at most 60 characters\)/ }, // 64 characters
  { field: 'name', value: 'A'.repeat(80), why: /shorter name/ },
  { field: 'name', value: "'Asha", why: /start with a letter/ },
  { field: 'name', value: '.Asha', why: /start with a letter/ },
  { field: 'name', value: '-Asha', why: /start with a letter/ },
  { field: 'email', value: 'asha@exa_mple.com', why: /email address like name@example.com/ },
  { field: 'email', value: 'आशा@example.com', why: /email address like name@example.com/ },
  { field: 'phone', value: '12345', why: /10-digit mobile number/ },
];

const LABELS = { name: /^Your name/, phone: 'Mobile (optional)', email: 'Email (optional)' } as const;

test('every value main refuses is refused on screen first, under its field, with the other fields kept', async ({ kiosk }) => {
  const { page, shot } = kiosk;
  await chooseAmount(page, '₹100');
  for (const { field, value, why } of REFUSED) {
    // Main's own answer for the same value, so the two cannot drift apart unnoticed.
    expect(await mainRefuses(page, { anonymous: false, ...GOOD, [field]: value }), `main and ${field} "${value}"`).toBe('invalid_request');

    for (const [name, good] of Object.entries(GOOD)) await page.getByLabel(LABELS[name as keyof typeof LABELS]).fill(name === field ? value : good);
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await expect(screen(page, 'details')).toBeVisible();
    await expect(page.locator(`#donor-${field}-error`)).toHaveText(why);
    await expect(page.getByLabel(LABELS[field])).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel(LABELS[field])).toBeFocused();
    // Everything typed is kept: the refused value too, so the donor can fix it.
    for (const [name, good] of Object.entries(GOOD)) await expect(page.getByLabel(LABELS[name as keyof typeof LABELS])).toHaveValue(name === field ? value : good);
    for (const other of Object.keys(GOOD).filter((name) => name !== field)) await expect(page.locator(`#donor-${other}-error`)).toBeEmpty();
  }
  await shot('details-refused-email');
  expect(kiosk.donations()).toHaveLength(0);

  // Fixed, it goes through, and main stores what the screen showed.
  for (const [name, good] of Object.entries(GOOD)) await page.getByLabel(LABELS[name as keyof typeof LABELS]).fill(good);
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await waitForCheckout(page);
  expect(kiosk.donations()[0]).toMatchObject({ donorName: 'Asha Rao', phone: '9876543210', email: 'asha@example.com' });
});

test('three taps to pay: an amount on the welcome screen, Pay, and Checkout opens with UPI first', async ({ kiosk }) => {
  const { page } = kiosk;
  await expect(screen(page, 'welcome')).toBeVisible();
  let taps = 0;
  const tap = async (name: string | RegExp) => {
    taps += 1;
    await page.getByRole('button', { name, exact: typeof name === 'string' }).click();
  };
  await tap('₹500');
  await expect(payButton(page)).toHaveText('Pay ₹500');
  await tap(/^Pay/);
  const frame = await waitForCheckout(page);
  expect(taps).toBeLessThanOrEqual(3);
  // UPI is the first method offered.
  await expect(frame.locator('[data-testid^="sim-method-"]').first()).toHaveAttribute('data-testid', 'sim-method-upi');
  expect(kiosk.donations()[0]).toMatchObject({ state: 'checkout_open', amountPaise: 50_000, anonymous: true, donorName: null });
});

test.describe('the amount screen', () => {
  test.use({ kioskConfig: { ...E2E_CONFIG, maxAmountRupees: 50_000, feeCoverPercent: 2 } });

  test('keys type at the caret with Indian grouping; Devanagari digits count; the fee says why it is off; Back keeps the language', async ({ kiosk }) => {
    const { page, shot } = kiosk;
    await page.getByRole('button', { name: 'हिन्दी' }).click();
    await page.getByRole('button', { name: 'कोई और राशि' }).click();
    const other = page.getByLabel('कोई और राशि (₹)');
    // Arriving by "Other amount", the caret is in the field.
    await expect(other).toBeFocused();
    // No amount yet: the fee box is off and says why.
    await expect(page.getByTestId('cover-fee')).toBeDisabled();
    await expect(page.getByTestId('fee-hint')).toHaveText('पहले राशि चुनें।');

    for (const key of '4500') await page.getByRole('button', { name: key, exact: true }).click();
    await expect(other).toHaveValue('4,500');
    // The caret after the 4: the next key goes there, not at the end.
    await other.evaluate((input: HTMLInputElement) => input.setSelectionRange(1, 1));
    await page.getByRole('button', { name: '9', exact: true }).click();
    await expect(other).toHaveValue('49,500');
    await expect(page.getByTestId('amount-summary')).toContainText('₹49,500');
    // ₹49,500 + ₹990 would pass the ₹50,000 limit: off, and it says so.
    await expect(page.getByTestId('cover-fee')).toBeDisabled();
    await expect(page.getByTestId('fee-hint')).toContainText('₹50,000');
    await shot('amount-hi-fee-off');

    // Devanagari digits from a keyboard are read as the same amount.
    await other.fill('१२५०');
    await expect(other).toHaveValue('1,250');
    await expect(page.getByTestId('amount-summary')).toContainText('₹1,250');
    await expect(page.getByTestId('cover-fee')).toBeEnabled();

    // Back on the first step: the welcome screen, still in Hindi.
    await page.getByRole('button', { name: 'पीछे', exact: true }).click();
    await expect(screen(page, 'welcome')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
  });
});

test('the details form: the caret starts in the name, keys type at the caret, and Tab goes from the last field past the keys', async ({ kiosk }) => {
  const { page } = kiosk;
  await chooseAmount(page, '₹100');
  const name = page.getByLabel(/^Your name/);
  await expect(name).toBeFocused();
  await name.fill('sha Rao');
  await name.evaluate((input: HTMLInputElement) => input.setSelectionRange(0, 0));
  await page.getByRole('button', { name: 'Shift', exact: true }).click();
  await page.getByRole('button', { name: 'A', exact: true }).click();
  await expect(name).toHaveValue('Asha Rao');
  await expect(name).toBeFocused();
  // A selection is replaced, as on any keyboard.
  await name.evaluate((input: HTMLInputElement) => input.setSelectionRange(5, 8));
  for (const key of 'rao') await page.getByRole('button', { name: key, exact: true }).click();
  await expect(name).toHaveValue('Asha rao');

  await page.getByLabel('Email (optional)').focus();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent ?? '', inKeys: Boolean(document.activeElement?.closest('.keys')) }));
  expect(focused.inKeys).toBe(false);
  expect(focused.text).toBe('Back');
});
