// Email receipts end to end in browser mode, against a real SMTP server read
// back with mailparser: the operator sets the mail server up and sends a test;
// a donor's receipt arrives with the PDF attached and the right receipt
// number; with the server down the email waits in the outbox, survives a
// restart of the kiosk and goes when the server is back; a refused address
// fails. The console shows each state.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, E2E_CONFIG } from './support/kiosk-fixture.ts';
import { chooseAmount, enterDetails, payByUpi, screen, startAnonymousDonation, waitForCheckout } from './support/donor.ts';
import { answerPinPrompt, enterPin, leaveConsole, setUpPin } from './support/operator.ts';
import { pdfText } from './support/pdf.ts';
import { startTestSmtpServer, SMTP_PASSWORD, SMTP_USER, UNKNOWN_RECIPIENT, type TestSmtpServer } from '../support/test-smtp-server.ts';

const PIN = '731905';

test.use({
  kioskConfig: {
    ...E2E_CONFIG,
    organisationAddress: '14 Lake Road, Koregaon Park, Pune 411001',
    organisationPan: 'AAATA1234F',
    registration80G: 'AAATA1234FF20214',
  },
  // Browser mode keeps no passwords (the installed app stores it with safeStorage); retries a second apart, not a minute.
  kioskEnv: { KIOSK_SMTP_PASSWORD: SMTP_PASSWORD, KIOSK_EMAIL_RETRY_SECONDS: '1' },
});

let smtp: TestSmtpServer;
test.beforeEach(async () => {
  smtp = await startTestSmtpServer();
});
test.afterEach(async () => {
  await smtp.close();
});


async function openReceiptsTab(page: Page, firstTime: boolean): Promise<void> {
  await expect(screen(page, 'welcome')).toBeVisible();
  await page.keyboard.press('Control+Alt+O');
  if (firstTime) await setUpPin(page, PIN);
  else {
    await expect(screen(page, 'operator-pin')).toBeVisible();
    await enterPin(page, PIN);
    await expect(screen(page, 'operator-console')).toBeVisible();
  }
  await page.getByRole('tab', { name: 'Receipts' }).click();
  await expect(page.getByTestId('email-receipts')).toBeVisible();
}

function outboxRow(page: Page, to: string) {
  return page.getByTestId('email-outbox').getByRole('row').filter({ hasText: to });
}

test('the operator sets up email receipts; a receipt arrives with its PDF; one waits through an outage and a restart; a refused address fails', async ({ kiosk }) => {
  test.setTimeout(180_000);
  const { page, shot } = kiosk;

  // The operator: the organisation's mail server, and a test send.
  await openReceiptsTab(page, true);
  await page.getByLabel('Email donors their receipt (PDF) through our mail server').check();
  await page.getByLabel('Mail server (SMTP)').fill('127.0.0.1');
  await page.getByRole('textbox', { name: 'Port', exact: true }).fill(String(smtp.port));
  await page.getByRole('radiogroup', { name: 'Encryption' }).getByRole('radio', { name: /None/ }).click();
  await page.getByLabel('User name (empty if none)').fill(SMTP_USER);
  await expect(page.getByText('Browser mode keeps no passwords')).toBeVisible();
  await page.getByLabel('Sender address').fill('receipts@asha.example.org');
  await page.getByRole('button', { name: 'Save email settings' }).click();
  // The mail password (from the environment in browser mode) would go to a new server: the PIN again first.
  await answerPinPrompt(page, PIN);
  await expect(page.getByTestId('email-settings-message')).toContainText('Saved:');
  await page.getByLabel('Send a test message to').fill('operator@asha.example.org');
  await page.getByRole('button', { name: 'Send test' }).click();
  await expect(page.getByTestId('email-test-result')).toContainText('The mail server took the test message');
  expect(smtp.received.map((m) => m.subject)).toEqual([expect.stringContaining('Test message')]);
  await page.getByTestId('email-receipts').scrollIntoViewIfNeeded();
  await shot('console-email-settings');
  await leaveConsole(page);

  // A donor who gives an email: the receipt arrives, PDF attached, with the ledger's receipt number in it.
  await chooseAmount(page, '₹500');
  await expect(page.getByText('We will email your receipt here.')).toBeVisible();
  await enterDetails(page, { name: 'Asha Rao', email: 'asha@example.com' });
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await payByUpi(await waitForCheckout(page));
  await expect(page.getByTestId('receipt-emailed')).toHaveText('Your receipt is on its way to as•••@example.com.');
  await shot('thank-you-emailed');
  await expect.poll(() => smtp.received.length, { timeout: 30_000 }).toBe(2);
  const first = kiosk.donations()[0];
  const mail = smtp.received[1];
  expect(mail?.subject).toBe(`Your receipt ${first?.receiptNo ?? 'missing'} from Asha Education Trust`);
  expect(mail?.attachments[0]?.contentType).toBe('application/pdf');
  const text = await pdfText(mail?.attachments[0]?.content ?? Buffer.alloc(0));
  expect(text).toContain(first?.receiptNo ?? 'missing');
  expect(text).toContain('Asha Rao');
  expect(text).toContain('Rupees Five Hundred Only');
  await page.getByTestId('done').click();

  // The server goes away. A donor who gave no email asks for it on the thank-you screen.
  await smtp.stop();
  await startAnonymousDonation(page, '₹100');
  await payByUpi(await waitForCheckout(page));
  await page.getByRole('button', { name: 'Email my receipt' }).click();
  await expect(page.getByTestId('receipt-email-form')).toBeVisible();
  await shot('thank-you-email-form');
  await page.getByLabel('Your email address').fill('ravi@example.com');
  await page.getByRole('button', { name: 'Send my receipt' }).click();
  await expect(page.getByTestId('receipt-emailed')).toContainText('ra•••@example.com');
  await page.getByTestId('done').click();
  // And one to an address the server will refuse, for the failed state.
  await chooseAmount(page, '₹100');
  await enterDetails(page, { email: UNKNOWN_RECIPIENT });
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await payByUpi(await waitForCheckout(page));
  await page.getByTestId('done').click();

  // The console: both waiting, with why.
  await openReceiptsTab(page, false);
  await expect(outboxRow(page, 'ravi@example.com')).toContainText('Waiting');
  await expect(outboxRow(page, 'ravi@example.com')).toContainText('could not be reached');
  await expect(outboxRow(page, 'asha@example.com')).toContainText('Sent');
  await page.getByTestId('email-outbox').scrollIntoViewIfNeeded();
  await shot('console-outbox-waiting');
  await leaveConsole(page);

  // The kiosk restarts while the server is still away: the outbox is in the ledger.
  await kiosk.restart();
  await openReceiptsTab(page, false);
  await expect(outboxRow(page, 'ravi@example.com')).toContainText('Waiting');

  // The server is back: the waiting receipts go by themselves; the refused address fails for good.
  await smtp.start();
  await expect.poll(() => smtp.received.map((m) => m.to && 'text' in m.to ? m.to.text : ''), { timeout: 60_000 }).toContain('ravi@example.com');
  // The list follows the outbox by itself while something waits.
  await expect(outboxRow(page, 'ravi@example.com')).toContainText('Sent');
  await expect(outboxRow(page, UNKNOWN_RECIPIENT)).toContainText('Failed', { timeout: 30_000 });
  await expect(outboxRow(page, UNKNOWN_RECIPIENT)).toContainText('refused the address');
  await page.getByTestId('email-outbox').scrollIntoViewIfNeeded();
  await shot('console-outbox-sent-and-failed');
  const ravi = smtp.received.find((m) => (m.to && 'text' in m.to ? m.to.text : '') === 'ravi@example.com');
  expect(ravi?.attachments[0]?.contentType).toBe('application/pdf');

  // "Send again" on the failed one queues it afresh (it fails again: the address does not exist).
  await outboxRow(page, UNKNOWN_RECIPIENT).getByRole('button', { name: 'Send again' }).click();
  await expect(page.getByText(`Queued again for ${UNKNOWN_RECIPIENT}.`)).toBeVisible();
  expect(readFileSync(`${kiosk.dataDir}/email-settings.json`, 'utf8')).not.toContain(SMTP_PASSWORD);
});
