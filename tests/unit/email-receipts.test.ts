// Email receipts through a real SMTP server (smtp-server), read back with
// mailparser: settings with the password kept apart and never shown, a test
// send, the receipt PDF attached with the right number, the outbox across a
// server outage and a restart, backoff, a refused address, resend, and the
// donor asking from the thank-you screen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import type { CheckoutSession, DonationReceipt, EmailReceiptAdmin, ReceiptOptions, Result } from '../../src-main/contract/kiosk-api.ts';
import type { ReceiptPrinter } from '../../src-main/domain/receipts/receipt-printer.ts';
import type { SecretStore } from '../../src-main/services/secret-store.ts';
import { classifySendError, maskEmail, retryDelayMs } from '../../src-main/services/receipt-mailer.ts';
import { startOperatorKiosk, OP_KEY_ID, type OperatorKiosk } from './support/operator-kiosk.ts';
import { startTestSmtpServer, SMTP_PASSWORD, SMTP_USER, UNKNOWN_RECIPIENT, type TestSmtpServer } from '../support/test-smtp-server.ts';

const RECEIPT_SETTINGS = {
  organisationName: 'Asha Education Trust',
  organisationAddress: '14 Lake Road, Pune 411001',
  organisationPan: 'AAATA1234F',
  registration80G: 'AAATA1234FF20214',
  printerName: 'TM-T82',
};

/** A PDF maker that writes a small real-looking PDF holding the receipt's HTML length, and a printer list with TM-T82. */
const printer: ReceiptPrinter = {
  listPrinters: async () => ['TM-T82'],
  print: async () => ({ ok: true }),
  savePdf: async ({ path, html }) => {
    writeFileSync(path, `%PDF-1.4\n% receipt of ${html.length} characters\n%%EOF\n`);
    return { ok: true };
  },
};

/** The password store, as safeStorage would hold it (encryption is tested with the key store). */
function memorySecrets(): SecretStore & { value: string | null } {
  const store = {
    value: null as string | null,
    canStore: true,
    load: async () => store.value,
    save: async (secret: string | null) => {
      store.value = secret;
    },
  };
  return store;
}

let smtp: TestSmtpServer;
let kiosk: OperatorKiosk;
let secrets: ReturnType<typeof memorySecrets>;

beforeEach(async () => {
  smtp = await startTestSmtpServer();
  secrets = memorySecrets();
  kiosk = await startOperatorKiosk({ config: RECEIPT_SETTINGS, extra: { receiptPrinter: printer, smtpSecrets: secrets, emailRetryBaseMs: 100 } });
  await kiosk.unlocked();
});

afterEach(async () => {
  await kiosk.stop();
  await smtp.close();
});

/** `password` null: the request carries none (an explicit undefined would take the default). */
async function setUpEmail(patch: Record<string, unknown> = {}, password: string | null = SMTP_PASSWORD) {
  // A new password is a secret like the payment keys: the PIN again first.
  if (password !== null) await kiosk.confirmPin();
  return kiosk.call('updateEmailSettings', {
    settings: { enabled: true, host: '127.0.0.1', port: smtp.port, security: 'none', username: SMTP_USER, fromAddress: 'receipts@asha.example.org', fromName: '', ...patch },
    ...(password === null ? {} : { password }),
  });
}

async function paid(donor: Record<string, unknown>, amountRupees = 1234): Promise<DonationReceipt> {
  const started = (await kiosk.call('startDonation', { amountRupees, donor: donor as never })) as Result<CheckoutSession>;
  if (!started.ok) throw new Error(started.error.message);
  await kiosk.call('checkoutOpened', { donationId: started.value.donationId });
  const pay = kiosk.simulator.pay({ keyId: OP_KEY_ID, orderId: started.value.options.order_id, method: 'upi', outcome: 'success' });
  if (!pay.ok) throw new Error('simulator refused');
  const confirmed = await kiosk.call('confirmPayment', {
    donationId: started.value.donationId,
    razorpayPaymentId: pay.paymentId,
    razorpayOrderId: started.value.options.order_id,
    razorpaySignature: pay.signature,
  });
  if (!confirmed.ok) throw new Error(confirmed.error.message);
  return confirmed.value;
}

async function outbox(): Promise<EmailReceiptAdmin> {
  const admin = await kiosk.call('getEmailReceiptAdmin', {});
  if (!admin.ok) throw new Error(admin.error.message);
  return admin.value;
}

describe('email receipts', () => {
  it('the settings keep the password apart and never show it; the donor screens learn receipts go by email', async () => {
    expect((await kiosk.call('getKioskState')).ok && (await kiosk.call('getKioskState'))).toMatchObject({ value: { emailReceipts: false } });
    const saved = await setUpEmail();
    expect(saved).toMatchObject({ ok: true, value: { enabled: true, host: '127.0.0.1', passwordSet: true, canStorePassword: true } });
    expect(secrets.value).toBe(SMTP_PASSWORD);
    expect(await kiosk.call('getKioskState')).toMatchObject({ ok: true, value: { emailReceipts: true } });
    // Saving again without a password keeps the stored one.
    await setUpEmail({ fromName: 'Asha receipts' }, null);
    expect(secrets.value).toBe(SMTP_PASSWORD);
    for (const reply of kiosk.replies) expect(JSON.stringify(reply)).not.toContain(SMTP_PASSWORD);
    for (const line of kiosk.logLines) expect(line).not.toContain(SMTP_PASSWORD);
    // Bad settings are refused in plain words, and nothing changes.
    expect(await setUpEmail({ fromAddress: 'receipts@exa_mple.org' }, null)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await setUpEmail({ host: '' }, null)).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('mail server') } });
    expect(await kiosk.call('getKioskState')).toMatchObject({ ok: true, value: { emailReceipts: true } });
  });

  it('a test send reaches the server, and a wrong password is reported as such', async () => {
    await setUpEmail();
    expect(await kiosk.call('sendTestEmail', { to: 'operator@asha.example.org' })).toMatchObject({ ok: true, value: { sent: true } });
    expect(smtp.received[0]?.subject).toContain('Test message from the donation kiosk');
    expect(smtp.users).toEqual([SMTP_USER]);
    await setUpEmail({}, 'wrong-password');
    expect(await kiosk.call('sendTestEmail', { to: 'operator@asha.example.org' })).toMatchObject({
      ok: true,
      value: { sent: false, message: expect.stringContaining('refused the user name or password') },
    });
  });

  it('a donor who gave an email gets the PDF receipt (80G fields included), with the right receipt number', async () => {
    await setUpEmail();
    const receipt = await paid({
      anonymous: false,
      name: 'Asha Rao',
      email: 'asha@example.com',
      taxReceipt: { nameOnPan: 'Asha Rao', idType: 'pan', idNumber: 'ABCPE1234F', address: '12 MG Road, Pune 411001' },
    });
    await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBe(1);
    const mail = smtp.received[0];
    expect(mail?.to && 'text' in mail.to ? mail.to.text : '').toBe('asha@example.com');
    expect(mail?.from?.text).toContain('receipts@asha.example.org');
    expect(mail?.subject).toBe(`Your 80G receipt ${receipt.receiptNumber} from Asha Education Trust`);
    expect(mail?.text).toContain('Dear Asha Rao');
    expect(mail?.text).toContain('₹1,234');
    expect(mail?.attachments).toHaveLength(1);
    const pdf = mail?.attachments[0];
    expect(pdf?.contentType).toBe('application/pdf');
    expect(pdf?.filename).toBe(`${receipt.receiptNumber.replace(/[^A-Za-z0-9-]+/g, '_')}.pdf`);
    expect(pdf?.content.toString('latin1')).toMatch(/^%PDF-1\.4/);
    await expect.poll(async () => (await outbox()).counts).toEqual({ queued: 0, sent: 1, failed: 0 });
    // The thank-you screen says where it is going, masked.
    expect(await kiosk.call('getReceiptOptions', { donationId: receipt.donationId })).toEqual({ ok: true, value: { canPrint: true, email: { queuedTo: 'as•••@example.com' } } });
  });

  it('with the server down the email waits in the outbox, survives a restart, and goes when the server is back', async () => {
    await setUpEmail();
    await smtp.stop();
    const receipt = await paid({ anonymous: false, name: 'Ravi Kumar', email: 'ravi@example.com' });
    await expect.poll(async () => (await outbox()).entries[0]?.attempts ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    const waiting = (await outbox()).entries[0];
    expect(waiting).toMatchObject({ status: 'queued', to: 'ravi@example.com', receiptNumber: receipt.receiptNumber, lastError: expect.stringContaining('could not be reached') });

    await kiosk.restart({ receiptPrinter: printer, smtpSecrets: secrets, emailRetryBaseMs: 100 });
    await kiosk.unlocked().catch(() => undefined);
    expect((await kiosk.services.ledger.emails.list())[0]).toMatchObject({ status: 'queued', recipient: 'ravi@example.com' });

    await smtp.start();
    await expect.poll(() => smtp.received.length, { timeout: 15_000 }).toBe(1);
    expect(smtp.received[0]?.subject).toContain(receipt.receiptNumber);
    expect(kiosk.services.ledger.emails.list()[0]).toMatchObject({ status: 'sent', lastError: null });
  });

  it('an address the server refuses fails at once, and "Send again" queues it afresh', async () => {
    await setUpEmail();
    await paid({ anonymous: false, name: 'Nobody', email: UNKNOWN_RECIPIENT });
    await expect.poll(async () => (await outbox()).entries[0]?.status, { timeout: 10_000 }).toBe('failed');
    const failed = (await outbox()).entries[0];
    expect(failed?.lastError).toContain('refused the address');
    expect(failed?.attempts).toBe(1);
    const again = await kiosk.call('resendReceiptEmail', { id: failed?.id ?? 0 });
    expect(again).toMatchObject({ ok: true, value: { status: 'queued', attempts: 0 } });
    await expect.poll(async () => (await outbox()).entries[0]?.status, { timeout: 10_000 }).toBe('failed');
  });

  it('a donor who gave no email can ask on the thank-you screen, with the same address rule as the details screen', async () => {
    await setUpEmail();
    const receipt = await paid({ anonymous: true });
    expect(await kiosk.call('getReceiptOptions', { donationId: receipt.donationId })).toEqual({ ok: true, value: { canPrint: true, email: { queuedTo: null } } });
    expect(await kiosk.call('emailReceipt', { donationId: receipt.donationId, email: 'asha@exa_mple.com' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await kiosk.call('emailReceipt', { donationId: receipt.donationId, email: 'meera@example.in' })).toEqual({ ok: true, value: { queuedTo: 'me•••@example.in' } });
    await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBe(1);
    expect(smtp.received[0]?.subject).toBe(`Your receipt ${receipt.receiptNumber} from Asha Education Trust`);
    expect(smtp.received[0]?.text).toContain('Dear donor');
  });

  it('the donor page sends a receipt to one address: a script in it cannot mail the receipt to many', async () => {
    await setUpEmail();
    const receipt = await paid({ anonymous: false, name: 'Asha Rao', email: 'asha@example.com' });
    // The address given with the payment is queued already; asking again for it changes nothing.
    expect(await kiosk.call('emailReceipt', { donationId: receipt.donationId, email: 'asha@example.com' })).toEqual({ ok: true, value: { queuedTo: 'as•••@example.com' } });
    expect(await kiosk.call('emailReceipt', { donationId: receipt.donationId, email: 'someone@elsewhere.example' })).toMatchObject({ ok: false, error: { code: 'illegal_state' } });
    await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBe(1);
    expect((await outbox()).entries.map((e) => e.to)).toEqual(['asha@example.com']);
  });

  it('nothing is sent while email receipts are off: the receipt waits, and goes once they are on', async () => {
    await paid({ anonymous: false, name: 'Asha Rao', email: 'asha@example.com' });
    expect(await kiosk.call('emailReceipt', { donationId: kiosk.services.ledger.list(1)[0]?.id ?? '', email: 'asha@example.com' })).toMatchObject({ ok: false, error: { code: 'not_supported' } });
    expect((await outbox()).counts).toEqual({ queued: 1, sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
    await setUpEmail();
    await expect.poll(() => smtp.received.length, { timeout: 10_000 }).toBe(1);
  });

  it('a new password needs the PIN entered again; other changes need only operator mode', async () => {
    expect(await kiosk.call('updateEmailSettings', { settings: { host: '127.0.0.1' }, password: 'x-new-password' })).toMatchObject({ ok: false, error: { code: 'pin_required' } });
    expect(secrets.value).toBeNull();
    expect(await kiosk.call('updateEmailSettings', { settings: { host: '127.0.0.1' } })).toMatchObject({ ok: true, value: { host: '127.0.0.1', passwordSet: false } });
  });

  it('refused settings keep the old password too: nothing changes', async () => {
    expect(await setUpEmail()).toMatchObject({ ok: true, value: { passwordSet: true } });
    expect(await setUpEmail({ host: '' }, 'x-other-password')).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('mail server') } });
    expect(secrets.value).toBe(SMTP_PASSWORD);
    expect(await setUpEmail({}, '')).toMatchObject({ ok: true, value: { passwordSet: false } });
    expect(await setUpEmail({ fromAddress: 'receipts@exa_mple.org' }, 'x-other-password')).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(secrets.value).toBeNull();
    expect(await kiosk.call('getEmailReceiptAdmin', {})).toMatchObject({ ok: true, value: { settings: { passwordSet: false } } });
  });

  it('while a password is kept, sending it to another server, port, security or user needs the PIN again', async () => {
    expect(await setUpEmail()).toMatchObject({ ok: true, value: { passwordSet: true } });
    // Someone at a console left open must not point the kiosk's login at their own server.
    for (const patch of [{ host: 'mail.elsewhere.example' }, { port: smtp.port + 1 }, { security: 'tls' }, { username: 'someone-else' }]) {
      expect(await setUpEmail(patch, null), JSON.stringify(patch)).toMatchObject({ ok: false, error: { code: 'pin_required' } });
    }
    expect(await kiosk.call('getEmailReceiptAdmin', {})).toMatchObject({ ok: true, value: { settings: { host: '127.0.0.1', port: smtp.port, security: 'none', username: SMTP_USER } } });
    // The same settings again, or a change that sends the password nowhere new, need only operator mode.
    expect(await setUpEmail({ fromName: 'Asha receipts' }, null)).toMatchObject({ ok: true });
    await kiosk.confirmPin();
    expect(await setUpEmail({ host: 'localhost' }, null)).toMatchObject({ ok: true, value: { host: 'localhost', passwordSet: true } });
  });

  it('the console methods need an operator session', async () => {
    await kiosk.call('endOperatorSession');
    for (const [method, payload] of [
      ['getEmailReceiptAdmin', {}],
      ['updateEmailSettings', { settings: { enabled: true } }],
      ['sendTestEmail', { to: 'a@example.com' }],
      ['resendReceiptEmail', { id: 1 }],
    ] as const) {
      expect(await kiosk.call(method, payload as never), method).toMatchObject({ ok: false, error: { code: 'operator_required' } });
    }
  });
});

describe('email receipt rules', () => {
  it('backs off 1, 2, 4 … minutes, capped at an hour', () => {
    expect([1, 2, 3, 4, 7, 8, 20].map((n) => retryDelayMs(n, 60_000) / 60_000)).toEqual([1, 2, 4, 8, 60, 60, 60]);
  });

  it('tells a refused address (for good) from a server that is away or refusing for now', () => {
    expect(classifySendError({ code: 'EENVELOPE', responseCode: 550, response: '550 No such user here' })).toMatchObject({ permanent: true });
    expect(classifySendError({ code: 'EENVELOPE', responseCode: 451, response: '451 try later' })).toMatchObject({ permanent: false });
    expect(classifySendError({ code: 'ECONNECTION', message: 'connect ECONNREFUSED' })).toMatchObject({ permanent: false, message: expect.stringContaining('could not be reached') });
    expect(classifySendError({ code: 'EAUTH', responseCode: 535, response: '535 Invalid' })).toMatchObject({ permanent: false });
  });

  it('masks the address on the donor screen', () => {
    expect(maskEmail('asha@example.com')).toBe('as•••@example.com');
    expect(maskEmail('a@example.com')).toBe('a•••@example.com');
  });
});

/** The receipt options when no printer answers: not offered. */
describe('print offer', () => {
  it('is not made when the printer set up is not listed by the system', async () => {
    const receipt = await paid({ anonymous: true });
    const withoutPrinter = await kiosk.call('updateReceiptSettings', { settings: { printerName: 'Switched off' } });
    expect(withoutPrinter.ok).toBe(true);
    expect((await kiosk.call('getReceiptOptions', { donationId: receipt.donationId })) as Result<ReceiptOptions>).toEqual({ ok: true, value: { canPrint: false, email: null } });
  });
});
