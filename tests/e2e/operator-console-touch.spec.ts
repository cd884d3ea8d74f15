// A volunteer sets the kiosk up on its own touchscreen, from the first start
// to a test donation, with taps only: the kiosk's keys for every field, the
// day picker for dates, buttons for choices (no page.keyboard, no fill):
// the event, causes with their amounts, the welcome screen, the 80G details
// and the email receipts' mail server. The
// donor screens then show exactly what was saved. At the two kiosk shapes the
// issue names, with a screenshot of every console tab, and no sideways
// scrolling at 1280×800, 1920×1080 or 1080×1920.
import { test, expect } from './support/kiosk-fixture.ts';
import { screen, waitForCheckout, payByUpi } from './support/donor.ts';
import { enterPin, expectNoSidewaysScroll, hideKeys, longPressCorner, openTab, tapChoice, tapDate, tapType } from './support/operator.ts';

const PIN = '482613';

/** India's day, as the console's "Today" is. */
function indiaToday(): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Kolkata', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
const dmy = (day: string): string => day.split('-').reverse().join('/');

const TABS = ['Today', 'Cash gift', 'Receipts', 'Event and kiosk', 'Causes and amounts', 'Welcome screen', 'Export', 'Payment keys', 'Kiosk'];

for (const shape of [
  { name: 'landscape 1280×800', width: 1280, height: 800 },
  { name: 'portrait 1080×1920', width: 1080, height: 1920 },
]) {
  test(`${shape.name}: a volunteer sets the kiosk up with taps only, and the donor screens show exactly what was saved`, async ({ kiosk }) => {
    test.setTimeout(300_000);
    const { page, shot } = kiosk;
    await page.setViewportSize({ width: shape.width, height: shape.height });
    // Screenshots of settled screens, not of a tab's colour fading in.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const today = indiaToday();

    // First start: the PIN is chosen on the pad.
    await longPressCorner(page, 'operator-setup');
    await enterPin(page, PIN);
    await expect(page.getByText('Enter the same PIN again')).toBeVisible();
    await enterPin(page, PIN);
    await expect(screen(page, 'operator-console')).toBeVisible();

    // Event and kiosk.
    await openTab(page, 'Event and kiosk');
    await tapType(page, 'Organisation name', 'Seva Trust');
    await shot('typing-on-the-kiosk-keys');
    await tapType(page, 'Event name', 'Diwali Mela');
    await tapType(page, 'Kiosk id', 'GATE-2');
    await hideKeys(page);
    await tapDate(page, 'Event start date', today);
    await expect(page.getByRole('button', { name: /^Event start date / })).toContainText(dmy(today));
    await page.getByRole('button', { name: 'Save event and kiosk' }).click();
    await expect(page.getByTestId('event-message')).toHaveText('Saved: Organisation name; Event name; Event start date; Kiosk id.');

    // Causes and amounts: the first cause renamed with new amounts, a second one added.
    await openTab(page, 'Causes and amounts');
    await tapType(page, 'Name', 'Mid-day meals');
    await tapType(page, 'Amount 1', '50');
    await tapType(page, 'Amount 2', '100');
    await tapType(page, 'Amount 3', '250');
    await page.getByRole('button', { name: 'Add a cause' }).click();
    const second = page.locator('.cause-card').nth(1);
    await tapType(page, second.getByLabel('Name', { exact: true }), 'Library books');
    await tapType(page, second.getByLabel('Short description (optional)', { exact: true }), 'Books for a village library');
    await tapType(page, second.getByLabel('Amount 1', { exact: true }), '300');
    await tapType(page, second.getByLabel('Amount 2', { exact: true }), '600');
    await hideKeys(page);
    await shot('causes-before-saving');
    await page.getByRole('button', { name: 'Save causes and amounts' }).click();
    await expect(page.getByTestId('causes-message')).toHaveText("Saved: Mid-day meals: name, amounts; new cause Library books.");

    // Welcome screen: message, goal, donor wall, fee, colour.
    await openTab(page, 'Welcome screen');
    await tapType(page, 'Welcome message', 'Every child deserves a school day.');
    await tapType(page, 'Event goal (0 for no goal)', '50000');
    await hideKeys(page);
    await page.getByText('Show recent donors’ first names on the welcome screen').click();
    await tapChoice(page, 'Processing fee donors may add', '2.5%');
    await tapChoice(page, 'Main colour', 'Blue');
    await page.getByRole('button', { name: 'Save welcome screen' }).click();
    await expect(page.getByTestId('welcome-message')).toHaveText('Saved: Event goal (0 for no goal); Show recent donors’ first names on the welcome screen; Processing fee donors may add; Main colour; Welcome message.');

    // Receipts: the organisation's 80G details, so donors are offered 80G receipts.
    await openTab(page, 'Receipts');
    await tapType(page, 'Organisation address', '14 Lake Road, Pune 411001');
    await tapType(page, 'Organisation PAN', 'AAATA1234F');
    await tapType(page, '80G registration number', 'AAATA1234FF20214');
    await hideKeys(page);
    await tapDate(page, '80G valid from', '2024-04-01');
    await tapDate(page, '80G valid to', '2029-03-31');
    await page.getByRole('button', { name: 'Save receipt settings' }).click();
    await expect(page.getByTestId('receipt-settings-message')).toHaveText('Saved: Organisation address; Organisation PAN; 80G registration number; 80G valid from; 80G valid to.');
    await expect(page.getByTestId('tax-offered')).toHaveText('Donors are offered 80G receipts.');

    // Email receipts: the organisation's mail server (browser mode keeps no password).
    await page.getByText('Email donors their receipt (PDF) through our mail server').click();
    await tapType(page, 'Mail server (SMTP)', 'smtp.asha.example.org');
    await tapType(page, 'Port', '587');
    await tapType(page, 'User name (empty if none)', 'receipts@asha.example.org');
    await tapType(page, 'Sender address', 'receipts@asha.example.org');
    await hideKeys(page);
    await tapChoice(page, 'Encryption', 'STARTTLS (usually port 587)');
    await page.getByRole('button', { name: 'Save email settings' }).click();
    await expect(page.getByTestId('email-settings-message')).toHaveText(
      'Saved: Email donors their receipt (PDF) through our mail server; Mail server (SMTP); User name (empty if none); Sender address.',
    );
    await page.getByRole('button', { name: 'Save email settings' }).scrollIntoViewIfNeeded();
    await shot('email-settings-saved');

    // Every tab, at this shape and at the third one, fits without sideways scrolling.
    for (const tab of TABS) {
      await openTab(page, tab);
      await expectNoSidewaysScroll(page);
      await shot(`console-${tab}`);
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
    for (const tab of TABS) {
      await openTab(page, tab);
      await expectNoSidewaysScroll(page);
    }
    await shot('console-kiosk-1920x1080');
    await page.setViewportSize({ width: shape.width, height: shape.height });

    // Done: the donor screens show what was saved.
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await expect(screen(page, 'welcome')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Seva Trust' })).toBeVisible();
    await expect(page.getByText('Every child deserves a school day.')).toBeVisible();
    await expect(page.getByTestId('goal-progress')).toContainText('₹50,000');
    await shot('welcome-as-saved');
    // Two causes: the welcome screen asks which, each with its own amounts.
    const causes = page.locator('.welcome-causes .cause');
    await expect(causes).toHaveCount(2);
    await expect(causes.nth(0)).toContainText('Mid-day meals');
    await expect(causes.nth(0)).toContainText('₹50 · ₹100 · ₹250');
    await expect(causes.nth(1)).toContainText('Library books');
    await expect(causes.nth(1)).toContainText('Books for a village library · ₹300 · ₹600');
    await causes.nth(1).click();
    await expect(screen(page, 'amount')).toBeVisible();
    await expect(page.locator('.presets .preset')).toHaveText(['₹300', '₹600']);
    await page.getByRole('button', { name: '₹300', exact: true }).click();
    // 2.5% of ₹300, rounded up to whole rupees.
    await expect(page.getByTestId('cover-fee').locator('..')).toContainText('₹8');
    await shot('amount-as-saved');
    await page.getByRole('button', { name: 'Add name, email or 80G receipt' }).click();
    await expect(screen(page, 'details')).toBeVisible();
    await expect(page.getByText('I want an 80G tax receipt')).toBeVisible();
    await shot('details-as-saved');
    await page.getByRole('button', { name: 'Continue to payment' }).click();
    await payByUpi(await waitForCheckout(page));
    await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
    await expect(page.locator('.result-lead')).toContainText('Library books');
    await shot('thank-you-test-donation');

    // The test donation is in the ledger with the kiosk id and the cause that were saved.
    const [donation] = kiosk.donations();
    expect(donation).toMatchObject({ kioskId: 'GATE-2', cause: 'Library books', amountPaise: 300_00, state: 'paid' });
  });
}
