// The operator's side: first-start PIN setup, the PIN pad and its lockout,
// settings the donor sees at once, and the CSV export of a day.
import { readFileSync } from 'node:fs';
import { test, expect, TEST_KEY_SECRET } from './support/kiosk-fixture.ts';
import { declinedByTheBank, donateSuccessfully, enterDetails, chooseAmount, screen, waitForCheckout } from './support/donor.ts';
import { answerPinPrompt, enterPin, leaveConsole, longPressCorner, openTab, parseCsv, setUpPin, tapDate, touchHoldCorner } from './support/operator.ts';

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

  await openTab(page, 'Causes and amounts');
  const amount = (n: number) => page.getByLabel(`Amount ${n}`, { exact: true });
  await expect(amount(1)).toHaveValue(/\d/);
  // A bad value is refused under its field, and nothing changes.
  await amount(2).fill('seven hundred');
  await page.getByRole('button', { name: 'Save causes and amounts' }).click();
  await expect(page.locator('#causes-causes-0-presetAmountsRupees-1-error')).toHaveText('Use whole numbers only, like 500.');
  // Main refuses what it cannot accept (a minimum above the maximum), and says so under the minimum.
  await amount(1).fill('200');
  await amount(2).fill('700');
  await amount(3).fill('1500');
  await page.getByLabel('Minimum amount', { exact: true }).fill('5000');
  await page.getByLabel('Maximum amount', { exact: true }).fill('100');
  await page.getByRole('button', { name: 'Save causes and amounts' }).click();
  await expect(page.getByTestId('causes-message')).toContainText('Nothing was changed.');
  await expect(page.locator('#causes-minAmountRupees-error')).toHaveText('The minimum must not be more than the maximum.');
  // The amounts are outside those limits too, and each says so in place of "whole numbers only".
  await expect(page.locator('#causes-causes-0-presetAmountsRupees-1-error')).toHaveText('Must be from ₹5,000 to ₹100 (the minimum and maximum amounts).');
  await shot('console-settings-refused');
  // Nothing was changed: the donor screens still have the old presets (checked after Done below).
  await page.getByLabel('Minimum amount', { exact: true }).fill('10');
  await page.getByLabel('Maximum amount', { exact: true }).fill('100000');
  await page.getByRole('button', { name: 'Save causes and amounts' }).click();
  await expect(page.getByTestId('causes-message')).toHaveText("Saved: Children's education: amounts.");
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
  await declinedByTheBank(page, '₹1,000', 'Arjun Mehta');
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
  await page.getByLabel('Find a donation: receipt number, reference or name').fill('Arjun');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(list.locator('tbody tr')).toHaveCount(1);
  await expect(list).toContainText('Arjun Mehta');
  await shot('console-today-search');

  // This event: named and started today, its totals sit beside today's.
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await openTab(page, 'Event and kiosk');
  await page.getByLabel('Event name').fill('Diwali Mela');
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kolkata', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  await tapDate(page, 'Event start date', `${part('year')}-${part('month')}-${part('day')}`);
  await page.getByRole('button', { name: 'Save event and kiosk' }).click();
  await expect(page.getByTestId('event-message')).toHaveText('Saved: Event name; Event start date.');
  await openTab(page, 'Today');
  await expect(page.getByTestId('event-received')).toContainText(`This event: Diwali Mela, since ${part('day')}/${part('month')}/${part('year')}`);
  await expect(page.getByTestId('event-received')).toContainText('₹100');
  await expect(page.getByTestId('event-received')).toContainText('3 attempts in all');
  await shot('console-today-event');

  await openTab(page, 'Export');
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
  await openTab(page, 'Payment keys');
  await expect(page.getByLabel('Key secret')).toHaveAttribute('type', 'password');
  await page.getByRole('button', { name: 'Check keys' }).click();
  // Nothing typed: each field says so.
  await expect(page.locator('#key-id-error')).toHaveText('Please fill this in.');
  await expect(page.locator('#key-secret-error')).toHaveText('Please fill this in.');
  await expect(page.getByTestId('keys-message')).not.toContainText(TEST_KEY_SECRET);
  await page.getByLabel('Key id').fill('rzp_test_Another0000001');
  await page.getByLabel('Key secret').fill('AnotherSecretValue123');
  await page.getByRole('button', { name: 'Save keys' }).click();
  await answerPinPrompt(page, PIN);
  await expect(page.getByTestId('keys-message')).toHaveText('Keys can only be stored by the installed kiosk app. This browser cannot keep them.');
  await expect(page.getByLabel('Key secret')).toHaveValue('');
  await shot('console-keys');

  await openTab(page, 'Kiosk');
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
