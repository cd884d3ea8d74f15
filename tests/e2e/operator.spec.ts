// The operator's side: first-start PIN setup, the PIN pad and its lockout,
// settings the donor sees at once, and the CSV export of a day.
import { readFileSync } from 'node:fs';
import { test, expect, TEST_KEY_SECRET } from './support/kiosk-fixture.ts';
import {
  donateSuccessfully,
  enterDetails,
  chooseAmount,
  payByCard,
  screen,
  waitForCheckout,
  INSUFFICIENT_FUNDS_CARD,
} from './support/donor.ts';
import { answerPinPrompt, enterPin, leaveConsole, longPressCorner, parseCsv, setUpPin, touchHoldCorner } from './support/operator.ts';

const PIN = '482613';

test('first start: the operator must choose a PIN of 6 digits or more, and a weak one is refused as soon as it is typed', async ({ kiosk }) => {
  const { page, shot } = kiosk;
  await expect(screen(page, 'welcome')).toBeVisible();
  // Nothing shows in the corner, and a quick tap there does nothing.
  await page.mouse.click(30, 30);
  await expect(screen(page, 'welcome')).toBeVisible();

  await longPressCorner(page, 'operator-setup');
  await expect(page.getByRole('heading', { name: 'Choose an operator PIN' })).toBeVisible();
  await shot('operator-setup');

  const message = page.getByTestId('operator-message');
  // Refused at the first entry, with the reason: the operator is never asked to type a weak PIN twice.
  for (const [weak, reason] of [
    ['111111', /repeats the same digits/],
    ['123456', /digits in a row/],
    ['4826', /at least 6 digits/],
    ['147258', /most common PINs/],
  ] as const) {
    await enterPin(page, weak);
    await expect(message).toContainText(reason);
    await expect(page.getByText('Enter the same PIN again')).toHaveCount(0);
    await expect(screen(page, 'operator-setup')).toBeVisible();
    await shot(`setup-refused-${weak}`);
  }
  // The physical keyboard works too.
  await page.keyboard.type('654321');
  await page.keyboard.press('Enter');
  await expect(message).toContainText(/digits in a row/);
  await expect(page.getByText('Enter the same PIN again')).toHaveCount(0);

  // Two different entries are not accepted either.
  await enterPin(page, PIN);
  await enterPin(page, '482614');
  await expect(message).toHaveText('The two PINs were different. Please choose a PIN again.');

  await enterPin(page, PIN);
  await expect(page.getByText('Enter the same PIN again')).toBeVisible();
  await enterPin(page, PIN);
  await expect(screen(page, 'operator-console')).toBeVisible();
  await shot('console-today-empty');

  await leaveConsole(page);
  // The PIN now exists: the corner asks for it, and the keyboard chord opens the pad too.
  await page.keyboard.press('Control+Alt+KeyO');
  await expect(screen(page, 'operator-pin')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(screen(page, 'welcome')).toBeVisible();
  // And a finger held on the corner.
  await touchHoldCorner(page, 'operator-pin');
  await shot('pin-after-touch-hold');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(screen(page, 'welcome')).toBeVisible();
});

test('five wrong PINs lock the pad; after the wait the right PIN opens the console, and new presets reach the donor', async ({ kiosk }) => {
  test.setTimeout(150_000);
  const { page, shot } = kiosk;
  await longPressCorner(page, 'operator-setup');
  await setUpPin(page, PIN);
  await leaveConsole(page);

  await longPressCorner(page, 'operator-pin');
  await shot('operator-pin');
  const message = page.getByTestId('operator-message');
  for (let i = 1; i <= 4; i++) {
    await enterPin(page, '739105');
    await expect(message).toContainText(/Wrong PIN\./);
  }
  await shot('pin-wrong');
  await enterPin(page, '739105');
  await expect(message).toContainText(/Locked\. Try again in 0:[0-3]\d/);
  await expect(page.getByRole('button', { name: '5', exact: true })).toBeDisabled();
  await shot('pin-locked');

  // The lock is 30 s: wait for the countdown to end on screen.
  await expect(page.getByText(/Locked\. Try again in/)).toHaveCount(0, { timeout: 45_000 });
  await expect(page.getByRole('button', { name: '5', exact: true })).toBeEnabled();
  await enterPin(page, PIN);
  await expect(screen(page, 'operator-console')).toBeVisible();

  await page.getByRole('tab', { name: 'Settings' }).click();
  const presets = page.getByLabel('Preset amounts (₹, separated by commas)');
  await expect(presets).toHaveValue(/\d/);
  // A bad value is refused with a message, and nothing changes.
  await presets.fill('200, seven hundred');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-message')).toContainText('Preset amounts must be whole rupees');
  // Main refuses what it cannot accept (a minimum above the maximum), and says why.
  await presets.fill('200, 700, 1500');
  await page.getByLabel('Minimum amount (₹)').fill('5000');
  await page.getByLabel('Maximum amount (₹)').fill('100');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-message')).toContainText('Nothing was changed.');
  await expect(page.getByTestId('settings-message')).not.toContainText('Preset amounts must be');
  await shot('console-settings-refused');
  // Nothing was changed: the donor screens still have the old presets (checked after Done below).
  await page.getByLabel('Minimum amount (₹)').fill('10');
  await page.getByLabel('Maximum amount (₹)').fill('100000');
  await presets.fill('200, 700, 1500');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-message')).toContainText('Saved');
  await shot('console-settings-saved');

  await leaveConsole(page);
  // The new presets are the welcome screen's amounts, and the amount screen's.
  for (const label of ['₹200', '₹700', '₹1,500']) await expect(page.getByRole('button', { name: label, exact: true })).toBeVisible();
  await page.getByRole('button', { name: '₹200', exact: true }).click();
  await expect(screen(page, 'amount')).toBeVisible();
  for (const label of ['₹200', '₹700', '₹1,500']) await expect(page.getByRole('button', { name: label, exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '₹500', exact: true })).toHaveCount(0);
  await shot('amount-new-presets');
});

test('the CSV export of a day holds the paid, failed and abandoned donations with their states', async ({ kiosk }) => {
  test.setTimeout(120_000);
  const { page, shot } = kiosk;
  // The PIN is chosen before the first donation: afterwards a kiosk without one shows "operator access lost".
  await longPressCorner(page, 'operator-setup');
  await setUpPin(page, PIN);
  await leaveConsole(page);

  // Paid: ₹100 by UPI.
  await donateSuccessfully(page);
  // Failed: ₹1,000 by a card the bank declines, then the donor leaves.
  await chooseAmount(page, '₹1,000');
  await enterDetails(page, { name: 'Arjun Mehta' });
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await payByCard(await waitForCheckout(page), INSUFFICIENT_FUNDS_CARD);
  await expect(page.getByRole('heading', { name: 'Payment not completed' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to start' }).click();
  await expect(screen(page, 'welcome')).toBeVisible();
  // Abandoned: ₹500, the donor closes Checkout.
  await chooseAmount(page, '₹500');
  await enterDetails(page, { name: 'Kavya Iyer' });
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  const frame = await waitForCheckout(page);
  await frame.getByTestId('sim-close').click();
  await frame.getByTestId('sim-confirm-close-yes').click();
  await expect(page.getByRole('heading', { name: 'Payment cancelled' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to start' }).click();
  await expect(screen(page, 'welcome')).toBeVisible();

  await longPressCorner(page, 'operator-pin');
  await enterPin(page, PIN);
  await expect(screen(page, 'operator-console')).toBeVisible();
  // Today: three donations, newest first, and a search by donor name.
  const list = page.getByTestId('today-list');
  await expect(list.locator('tbody tr')).toHaveCount(3);
  await expect(list.locator('tbody tr').first()).toContainText('Kavya Iyer');
  await expect(page.getByTestId('today-received')).toContainText('₹100');
  const byState = page.getByTestId('today-by-state');
  await expect(byState.locator('tr[data-state="paid"]')).toContainText(/Paid\s*1\s*₹100/);
  const unpaid = byState.locator('tbody tr:not([data-state="paid"]) td:nth-child(2)');
  expect((await unpaid.allTextContents()).reduce((sum, n) => sum + Number(n), 0)).toBe(2);
  await shot('console-today');
  await page.getByLabel('Search by reference or donor name').fill('Arjun');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(list).toContainText('Arjun Mehta');
  await shot('console-today-search');

  // This event: named and started today, its totals sit beside today's.
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByLabel('Event name').fill('Diwali Mela');
  const today = new Date();
  const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  await page.getByLabel('Event start date').fill(day);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByTestId('settings-message')).toContainText('Saved');
  await page.getByRole('tab', { name: 'Today' }).click();
  await expect(page.getByTestId('event-received')).toContainText(`This event: Diwali Mela, since ${day}`);
  await expect(page.getByTestId('event-received')).toContainText('₹100');
  await expect(page.getByTestId('event-received')).toContainText('3 attempts in all');
  await shot('console-today-event');

  await page.getByRole('tab', { name: 'Export' }).click();
  await page.getByRole('button', { name: 'Export CSV' }).click();
  // Donor data leaves the kiosk: the PIN again.
  await answerPinPrompt(page, PIN);
  await expect(page.getByTestId('export-result')).toContainText('Exported 3 donations to:');
  await shot('console-export');
  const path = (await page.getByTestId('export-path').textContent())?.trim() ?? '';
  expect(path).toMatch(/\.csv$/);

  const text = readFileSync(path, 'utf8');
  expect(text).not.toContain(TEST_KEY_SECRET);
  const [header, ...rows] = parseCsv(text);
  expect(rows).toHaveLength(3);
  const col = (name: string): number => {
    const i = header?.indexOf(name) ?? -1;
    expect(i, `column ${name}`).toBeGreaterThanOrEqual(0);
    return i;
  };
  const [idCol, stateCol, amountCol] = [col('Donation id'), col('State'), col('Amount (INR)')];
  const byAmount = new Map(rows.map((r) => [Number(r[amountCol]), r]));
  expect(byAmount.get(100)?.[stateCol]).toBe('paid');
  expect(['payment_failed', 'closed_by_donor']).toContain(byAmount.get(1000)?.[stateCol]);
  expect(['closed_by_donor', 'order_created']).toContain(byAmount.get(500)?.[stateCol]);
  // Every row matches the ledger.
  const ledger = new Map(kiosk.donations().map((d) => [d.id, d]));
  for (const r of rows) {
    const d = ledger.get(r[idCol] ?? '');
    expect(d?.state).toBe(r[stateCol]);
    expect((d?.amountPaise ?? 0) / 100).toBe(Number(r[amountCol]));
  }

  // The other sections answer plainly in browser mode.
  await page.getByRole('tab', { name: 'Payment keys' }).click();
  await expect(page.getByLabel('Key secret')).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: 'Check keys' }).click();
  await expect(page.getByTestId('keys-message')).not.toBeEmpty();
  await expect(page.getByTestId('keys-message')).not.toContainText(TEST_KEY_SECRET);
  await page.getByLabel('Key id').fill('rzp_test_Another0000001');
  await page.getByLabel('Key secret').fill('AnotherSecretValue123');
  await page.getByRole('button', { name: 'Save keys' }).click();
  await answerPinPrompt(page, PIN);
  await expect(page.getByTestId('keys-message')).toContainText(/only|installed|not/i);
  await expect(page.getByLabel('Key secret')).toHaveValue('');
  await shot('console-keys');

  await page.getByRole('tab', { name: 'Kiosk' }).click();
  await page.getByRole('button', { name: 'Reconcile now' }).click();
  await expect(page.getByTestId('reconcile-result')).toContainText(/Checked \d+, settled \d+, recovered \d+\./);
  await page.getByRole('button', { name: 'Exit kiosk' }).click();
  await page.getByRole('button', { name: 'Yes, exit kiosk' }).click();
  await answerPinPrompt(page, PIN);
  await expect(page.getByTestId('exit-result')).toContainText('installed kiosk app');
  await page.getByRole('button', { name: 'Restart kiosk' }).click();
  await page.getByRole('button', { name: 'Yes, restart kiosk' }).click();
  await expect(page.getByTestId('restart-result')).toContainText('Restarting is only possible in the installed kiosk app');
  await shot('console-kiosk');
  await leaveConsole(page);
});
