// Email receipts: the PDF receipt (80G fields included when the donor asked
// for them) sent through the organisation's own mail server, from the
// ledger's outbox (src-main/domain/ledger/email-outbox.ts).
//
// - Durable: what to send is in the ledger, written with the payment; this
//   service only works through it. A restart, a crash or offline hours lose
//   nothing: it starts again from the outbox.
// - Retries with backoff (1, 2, 4 … minutes, then hourly) while the server
//   cannot be reached or refuses for now; an address the server refuses for
//   good fails at once; after MAX_ATTEMPTS (about three days) it gives up.
//   Either way the operator sees why, and can send it again.
// - One message at a time, never two passes at once; sending never holds up
//   a donor (the thank-you screen only queues).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type {
  DonationRef,
  EmailOutboxEntry,
  EmailReceiptAdmin,
  EmailReceiptQueued,
  EmailSettingsView,
  KioskError,
  KioskErrorCode,
  ReceiptOptions,
  Result,
  TestEmailResult,
  UpdateEmailSettingsRequest,
} from '../contract/kiosk-api.ts';
import type { KioskConfig } from '../domain/kiosk-config.ts';
import type { Donation, Ledger } from '../domain/ledger/ledger.ts';
import type { ReceiptEmail, ReceiptEmailStatus } from '../domain/ledger/email-outbox.ts';
import type { OperatorAccess } from '../domain/operator/operator-access.ts';
import { DEFAULT_EMAIL_SETTINGS, loadEmailSettings, mergeEmailSettings, saveEmailSettings, type EmailSettings, type EmailSettingsPatch } from '../domain/email/email-settings.ts';
import { buildReceiptModel } from '../domain/receipts/receipt-model.ts';
import { renderReceiptHtml } from '../domain/receipts/receipt-html.ts';
import { receiptFileStem } from '../domain/receipts/receipt-number.ts';
import { withDeadline, type ReceiptPrinter } from '../domain/receipts/receipt-printer.ts';
import { formatIndianRupees } from '../domain/receipts/amount-in-words.ts';
import { formatIndianDate } from '../../src-shared/india-time.ts';
import type { SecretStore } from './secret-store.ts';
import { DONOR_PRINT_WINDOW_MS, hasReceiptNo, issuerOf, receiptDonationOf } from './receipt-service.ts';
import type { KioskHandlers } from './ipc-dispatcher.ts';
import { operatorGuards } from './operator-guard.ts';

export type MailerMethod = 'getReceiptOptions' | 'emailReceipt' | 'getEmailReceiptAdmin' | 'updateEmailSettings' | 'sendTestEmail' | 'resendReceiptEmail';

/** About three days of tries at the hourly cap: a kiosk offline over a weekend still delivers. */
export const MAX_ATTEMPTS = 80;
const RETRY_CAP_MS = 60 * 60 * 1000;
/** The settings that decide where the mail password goes when the kiosk logs in. */
const PASSWORD_DESTINATION = ['host', 'port', 'security', 'username'] as const satisfies readonly (keyof EmailSettingsPatch)[];

/** The wait after the `attempts`-th failed try: base, 2×, 4× … up to an hour. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(RETRY_CAP_MS, baseMs * 2 ** Math.max(0, attempts - 1));
}

/** "as•••@example.com": enough for the donor to recognise, not enough for the next person at the kiosk. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${address.slice(0, Math.min(2, at))}•••${address.slice(at)}`;
}

/** What the mail server's answer means for the row: try later, or this address will never work. */
export function classifySendError(error: unknown): { permanent: boolean; message: string } {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : 0;
  const said = typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : String(error);
  // The server refused the recipient outright (550 no such user, 553 bad address): no retry will change that.
  const permanent = code === 'EENVELOPE' && responseCode >= 500;
  let message: string;
  if (code === 'EAUTH') message = `The mail server refused the user name or password (${said.trim()}).`;
  else if (code === 'ECONNECTION' || code === 'ESOCKET' || code === 'ETIMEDOUT' || code === 'EDNS') message = `The mail server could not be reached (${said.trim()}).`;
  else if (permanent) message = `The mail server refused the address (${said.trim()}).`;
  else message = `The mail server did not take the message (${said.trim()}).`;
  return { permanent, message: message.slice(0, 500) };
}

export interface ReceiptMailerDeps {
  ledger: Ledger;
  dataDir: string;
  /** Makes the PDF (Electron: printToPDF; browser mode: headless Chromium). */
  printer: ReceiptPrinter;
  /** The receipt printer is set up and the system lists it. */
  printerAnswers: () => Promise<boolean>;
  access: Pick<OperatorAccess, 'isOperatorActive' | 'takeFreshPin'>;
  getConfig: () => KioskConfig;
  secrets: SecretStore;
  log: (line: string) => void;
  now?: () => number;
  /** The first retry's wait; each next one doubles. Default one minute. */
  retryBaseMs?: number;
  /** How often the outbox is looked at besides when something is queued (payments recorded by reconciliation, retries). Default 15 s. */
  pollMs?: number;
}

function fail(code: KioskErrorCode, message: string, retryable = false): { ok: false; error: KioskError } {
  return { ok: false, error: { code, message, retryable } };
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function entryOf(email: ReceiptEmail): EmailOutboxEntry {
  return {
    id: email.id,
    donationId: email.donationId,
    receiptNumber: email.receiptNo,
    to: email.recipient,
    status: email.status,
    attempts: email.attempts,
    createdAt: new Date(email.createdAt).toISOString(),
    nextAttemptAt: email.status === 'queued' ? iso(email.nextAttemptAt) : null,
    sentAt: iso(email.sentAt),
    lastError: email.lastError,
  };
}

export class ReceiptMailer {
  readonly #deps: ReceiptMailerDeps;
  readonly #now: () => number;
  #settings: EmailSettings;
  #passwordSet = false;
  #timer: NodeJS.Timeout | undefined;
  /** The next retry, at the time the outbox says (backoff), rather than at the next poll. */
  #retryTimer: NodeJS.Timeout | undefined;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;

  constructor(deps: ReceiptMailerDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
    const loaded = loadEmailSettings(deps.dataDir);
    if (!loaded.ok) deps.log(`email receipts: the settings cannot be read, so nothing is sent until they are fixed: ${loaded.message}`);
    this.#settings = loaded.ok ? loaded.settings : { ...DEFAULT_EMAIL_SETTINGS, enabled: false };
  }

  /** Email receipts are on: the donor screens say so. */
  get enabled(): boolean {
    return this.#settings.enabled;
  }

  /** Looks at the outbox now and every pollMs from here on. */
  async start(): Promise<void> {
    this.#passwordSet = (await this.#password()) !== null;
    this.#timer = setInterval(() => this.wake(), this.#deps.pollMs ?? 15_000);
    this.#timer.unref();
    this.wake();
  }

  /** No new passes; waits for the one in flight, so the ledger can be closed after. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    clearTimeout(this.#retryTimer);
    await this.#running;
  }

  /** Sends what is due, soon (a pass in flight runs once more when it ends). */
  wake(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.sendDue()
      .catch((error: unknown) => this.#deps.log(`email receipts: pass failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`))
      .finally(() => {
        this.#running = null;
        if (this.#again) {
          this.#again = false;
          this.wake();
        } else this.#scheduleRetry();
      });
  }

  #scheduleRetry(): void {
    clearTimeout(this.#retryTimer);
    const next = this.#stopped || !this.#settings.enabled ? null : this.#deps.ledger.emails.nextDueAt();
    if (next === null) return;
    this.#retryTimer = setTimeout(() => this.wake(), Math.min(Math.max(0, next - this.#now()), 2 ** 31 - 1));
    this.#retryTimer.unref();
  }

  /** One pass: every due email, one at a time. Exposed for tests; the timer and wake() call it. */
  async sendDue(): Promise<void> {
    if (!this.#settings.enabled) return;
    for (const email of this.#deps.ledger.emails.due(this.#now(), 20)) {
      if (this.#stopped || !this.#settings.enabled) return;
      await this.#attempt(email);
    }
  }

  handlers(): Pick<KioskHandlers, MailerMethod> {
    const { whileOperator, withFreshPin } = operatorGuards(this.#deps.access);
    const updateSettings = (request: UpdateEmailSettingsRequest) => this.#updateSettings(request);
    return {
      getReceiptOptions: (request) => this.#receiptOptions(request),
      emailReceipt: (request) => this.#emailReceipt(request.donationId, request.email),
      getEmailReceiptAdmin: whileOperator((request: { status?: ReceiptEmailStatus | undefined }) => this.#admin(request.status)),
      // A new password is a secret like the payment keys: the PIN again first (issue 14). So is sending the
      // kept one somewhere new: whoever finds the console open could otherwise point the login at their own server.
      updateEmailSettings: (request) => (request.password !== undefined || this.#movesPassword(request.settings) ? withFreshPin : whileOperator)(updateSettings)(request),
      sendTestEmail: whileOperator((request: { to: string }) => this.#sendTest(request.to)),
      resendReceiptEmail: whileOperator((request: { id: number }) => this.#resend(request.id)),
    };
  }

  // ---- the donor ------------------------------------------------------------

  /** A receipt the donor may act on at the kiosk: paid, numbered, and only just now. */
  #recentReceipt(donationId: string): Result<Donation & { receiptNo: string }> {
    const donation = this.#deps.ledger.get(donationId);
    if (!donation) return fail('unknown_donation', `no donation ${donationId}`);
    if (donation.state !== 'paid' || !hasReceiptNo(donation)) return fail('illegal_state', `donation ${donationId} is ${donation.state}: no receipt yet`);
    if (this.#now() - (donation.paidAt ?? 0) > DONOR_PRINT_WINDOW_MS) return fail('illegal_state', 'the receipt can be sent from the kiosk only just after paying; the operator can send it again');
    return { ok: true, value: donation };
  }

  async #receiptOptions(request: DonationRef): Promise<Result<ReceiptOptions>> {
    const found = this.#recentReceipt(request.donationId);
    if (!found.ok) return found;
    const canPrint = await this.#deps.printerAnswers().catch(() => false);
    if (!this.#settings.enabled) return { ok: true, value: { canPrint, email: null } };
    const queued = this.#deps.ledger.emails.forDonation(found.value.id).find((e) => e.status !== 'failed');
    return { ok: true, value: { canPrint, email: { queuedTo: queued ? maskEmail(queued.recipient) : null } } };
  }

  #emailReceipt(donationId: string, address: string): Result<EmailReceiptQueued> {
    if (!this.#settings.enabled) return fail('not_supported', 'Email receipts are not set up on this kiosk.');
    const found = this.#recentReceipt(donationId);
    if (!found.ok) return found;
    // One address at a time from the donor page (the screen offers it once): no script in the page can make
    // the kiosk mail this donor's receipt to a list of addresses. A refused address may be replaced.
    const live = this.#deps.ledger.emails.forDonation(donationId).find((e) => e.status !== 'failed');
    if (live !== undefined && live.recipient !== address) return fail('illegal_state', 'This receipt is already being sent by email, to another address.');
    this.#deps.ledger.emails.enqueue(donationId, address);
    this.#deps.ledger.note(donationId, 'donor', { receiptEmailAsked: maskEmail(address) });
    this.wake();
    return { ok: true, value: { queuedTo: maskEmail(address) } };
  }

  // ---- sending ----------------------------------------------------------------

  async #password(): Promise<string | null> {
    try {
      return await this.#deps.secrets.load();
    } catch (error) {
      this.#deps.log(`email receipts: the mail password cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }

  async #transport() {
    const s = this.#settings;
    const password = s.username === '' ? null : await this.#password();
    return nodemailer.createTransport({
      host: s.host,
      port: s.port,
      secure: s.security === 'tls',
      requireTLS: s.security === 'starttls',
      ignoreTLS: s.security === 'none',
      ...(s.username === '' ? {} : { auth: { user: s.username, pass: password ?? '' } }),
      // A kiosk on a slow link: generous, but a dead server must not hold the outbox for long.
      connectionTimeout: 20_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    });
  }

  #from(): { name: string; address: string } {
    return { name: this.#settings.fromName || this.#deps.getConfig().organisationName, address: this.#settings.fromAddress };
  }

  async #attempt(email: ReceiptEmail): Promise<void> {
    const donation = this.#deps.ledger.get(email.donationId);
    if (!donation || !hasReceiptNo(donation)) {
      this.#deps.ledger.emails.markFailed(email.id, 'The donation has no receipt to send.');
      return;
    }
    const pdf = await this.#pdf(donation);
    if (!pdf.ok) {
      this.#retry(email, `The PDF receipt could not be made (${pdf.reason}).`);
      return;
    }
    const config = this.#deps.getConfig();
    const transport = await this.#transport();
    try {
      const info = await transport.sendMail({
        from: this.#from(),
        to: email.recipient,
        subject: `${donation.tax ? 'Your 80G receipt' : 'Your receipt'} ${donation.receiptNo} from ${config.organisationName}`,
        text: this.#body(donation, config),
        attachments: [{ filename: `${receiptFileStem(donation.receiptNo)}.pdf`, content: pdf.bytes, contentType: 'application/pdf' }],
      });
      this.#deps.ledger.emails.markSent(email.id, typeof info.messageId === 'string' ? info.messageId : null);
      this.#deps.log(`email receipts: ${donation.receiptNo} sent (outbox ${email.id})`);
    } catch (error) {
      const { permanent, message } = classifySendError(error);
      if (permanent) {
        this.#deps.ledger.emails.markFailed(email.id, message);
        this.#deps.log(`email receipts: ${donation.receiptNo} failed for good (outbox ${email.id}): ${message}`);
      } else this.#retry(email, message);
    } finally {
      transport.close();
    }
  }

  #retry(email: ReceiptEmail, message: string): void {
    const attempts = email.attempts + 1;
    if (attempts >= MAX_ATTEMPTS) {
      this.#deps.ledger.emails.markFailed(email.id, `Gave up after ${attempts} tries. ${message}`);
      this.#deps.log(`email receipts: outbox ${email.id} given up after ${attempts} tries: ${message}`);
      return;
    }
    const next = this.#now() + retryDelayMs(attempts, this.#deps.retryBaseMs ?? 60_000);
    this.#deps.ledger.emails.markRetry(email.id, message, next);
    this.#deps.log(`email receipts: outbox ${email.id} not sent (try ${attempts}), next at ${new Date(next).toISOString()}: ${message}`);
  }

  /** The receipt as an A4 PDF (what a donor prints at home), made afresh from the ledger each time. */
  async #pdf(donation: Donation & { receiptNo: string }): Promise<{ ok: true; bytes: Buffer } | { ok: false; reason: string }> {
    const config = this.#deps.getConfig();
    const html = renderReceiptHtml(buildReceiptModel(issuerOf(config), receiptDonationOf(donation)), 'a4');
    const work = mkdtempSync(join(this.#deps.dataDir, 'email-pdf-'));
    const path = join(work, `${receiptFileStem(donation.receiptNo)}.pdf`);
    try {
      const saved = await withDeadline(this.#deps.printer.savePdf({ html, layout: 'a4', path }), 60_000, 'making the PDF');
      return saved.ok ? { ok: true, bytes: readFileSync(path) } : { ok: false, reason: saved.reason };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }

  #body(donation: Donation & { receiptNo: string }, config: KioskConfig): string {
    const name = donation.tax?.nameOnPan ?? (donation.anonymous ? null : donation.donorName);
    const lines = [
      `Dear ${name ?? 'donor'},`,
      '',
      `Thank you for your donation of ${formatIndianRupees(donation.amountPaise)} to ${donation.cause} on ${formatIndianDate(donation.paidAt ?? donation.updatedAt)}.`,
      `Your receipt ${donation.receiptNo} is attached as a PDF.${donation.tax ? ' It is your receipt under section 80G of the Income-tax Act.' : ''}`,
      ...(donation.paymentId && donation.paymentMethod !== 'cash' ? ['', `Payment reference: ${donation.paymentId}`] : []),
      '',
      config.organisationName,
      ...(config.organisationAddress ? [config.organisationAddress] : []),
    ];
    return `${lines.join('\n')}\n`;
  }

  // ---- the operator -------------------------------------------------------------

  #view(): EmailSettingsView {
    return { ...this.#settings, passwordSet: this.#passwordSet, canStorePassword: this.#deps.secrets.canStore };
  }

  /** The patch would send the kept password to another server, port or user, or with other security ("" sends it nowhere). */
  #movesPassword(patch: EmailSettingsPatch): boolean {
    if (!this.#passwordSet) return false;
    return PASSWORD_DESTINATION.some((key) => {
      const value = patch[key];
      return value !== undefined && value !== '' && value !== this.#settings[key];
    });
  }

  #admin(status: ReceiptEmailStatus | undefined): Result<EmailReceiptAdmin> {
    const { emails } = this.#deps.ledger;
    return {
      ok: true,
      value: { settings: this.#view(), counts: emails.counts(), entries: emails.list({ ...(status === undefined ? {} : { status }), limit: 100 }).map(entryOf) },
    };
  }

  async #updateSettings(request: UpdateEmailSettingsRequest): Promise<Result<EmailSettingsView>> {
    // Settings refused: the password stays as it was too.
    const updated = mergeEmailSettings(this.#deps.dataDir, request.settings);
    if (!updated.ok) return fail('invalid_request', updated.message);
    if (request.password !== undefined) {
      if (!this.#deps.secrets.canStore) return fail('not_supported', 'Browser mode keeps no passwords: set KIOSK_SMTP_PASSWORD for it instead.');
      try {
        await this.#deps.secrets.save(request.password === '' ? null : request.password);
      } catch (error) {
        // The message never holds the password.
        return fail('not_supported', error instanceof Error ? error.message : 'The password could not be stored safely; nothing was stored.');
      }
      this.#passwordSet = request.password !== '';
    }
    saveEmailSettings(this.#deps.dataDir, updated.settings);
    this.#settings = updated.settings;
    this.#deps.log(`operator: email settings changed (${[...Object.keys(request.settings), ...(request.password === undefined ? [] : ['password'])].join(', ')})`);
    // New settings may be what the waiting emails needed: try them now rather than at their backoff.
    this.#deps.ledger.emails.retryQueuedNow();
    this.wake();
    return { ok: true, value: this.#view() };
  }

  async #sendTest(to: string): Promise<Result<TestEmailResult>> {
    const s = this.#settings;
    if (s.host === '' || s.fromAddress === '') return { ok: true, value: { sent: false, message: 'Enter the mail server and the sender address first, and save.' } };
    const transport = await this.#transport();
    try {
      const info = await transport.sendMail({
        from: this.#from(),
        to,
        subject: `Test message from the donation kiosk ${this.#deps.getConfig().kioskId}`,
        text: `This is a test from the donation kiosk ${this.#deps.getConfig().kioskId} of ${this.#deps.getConfig().organisationName}. Email receipts will be sent like this.\n`,
      });
      const said = typeof info.response === 'string' ? info.response : 'accepted';
      this.#deps.log(`operator: test email sent to ${maskEmail(to)}`);
      return { ok: true, value: { sent: true, message: `The mail server took the test message (${said}).` } };
    } catch (error) {
      return { ok: true, value: { sent: false, message: classifySendError(error).message } };
    } finally {
      transport.close();
    }
  }

  #resend(id: number): Result<EmailOutboxEntry> {
    const email = this.#deps.ledger.emails.resend(id);
    if (!email) return fail('invalid_request', `No email ${id} in the outbox.`);
    this.#deps.log(`operator: receipt email ${id} queued again`);
    this.wake();
    return { ok: true, value: entryOf(email) };
  }
}
