// Receipts: the donor's "Print my receipt", the operator's reprint, test
// print, receipt settings, cash gifts and the Form 10BD export.
//
// Printing never holds up a donation: the payment and its receipt number are
// already in the ledger when anything here runs. A receipt that cannot be
// printed (no printer, printer failed) is saved as a PDF under
// <data dir>/receipts/<FY>/, and the ledger notes where, for the operator.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  CashGiftRequest,
  CashGiftResult,
  Form10bdResult,
  PrintReceiptResult,
  ReceiptAdmin,
  ReceiptSettings,
  ReceiptSummary,
  Result,
  TaxDetailsCheckResult,
  TaxReceiptDetails,
} from '../contract/kiosk-api.ts';
import { DEFAULT_CAUSE, type KioskConfig } from '../domain/kiosk-config.ts';
import { prefixed } from '../domain/field-problems.ts';
import type { Donation, Ledger } from '../domain/ledger/ledger.ts';
import type { OperatorAccess } from '../domain/operator/operator-access.ts';
import { receiptSettingsOf, updateReceiptSettings, type ReceiptSettingsPatch } from '../domain/settings-update.ts';
import { buildReceiptModel, type ReceiptDonation, type ReceiptIssuer } from '../domain/receipts/receipt-model.ts';
import { renderReceiptHtml } from '../domain/receipts/receipt-html.ts';
import { financialYearOf } from '../domain/receipts/financial-year.ts';
import { indianPeriod } from '../../src-shared/india-time.ts';
import { TAX_RECEIPT_NOT_OFFERED, taxReceiptsOffered } from '../domain/receipts/tax-receipts-offered.ts';
import { receiptFileStem } from '../domain/receipts/receipt-number.ts';
import { withDeadline, type ReceiptPrinter } from '../domain/receipts/receipt-printer.ts';
import { checkTaxDetails } from '../domain/receipts/tax-details.ts';
import { buildForm10bd, CASH_80G_LIMIT_PAISE } from '../domain/exports/form-10bd.ts';
import { newDonationId, receiptFor } from '../domain/donation-ids.ts';
import { writeFileAtomic } from '../domain/atomic-file.ts';
import type { KioskHandlers } from './ipc-dispatcher.ts';
import { operatorFailure as fail, operatorGuards } from './operator-guard.ts';

export type ReceiptServiceMethod =
  | 'checkTaxDetails'
  | 'printReceipt'
  | 'getReceiptAdmin'
  | 'updateReceiptSettings'
  | 'reprintReceipt'
  | 'testPrint'
  | 'recordCashGift'
  | 'exportForm10bd';

export interface ReceiptServiceDeps {
  ledger: Ledger;
  dataDir: string;
  printer: ReceiptPrinter;
  access: OperatorAccess;
  getConfig: () => KioskConfig;
  applyConfig: (config: KioskConfig) => void;
  chooseExportFolder: () => Promise<string | null>;
  log: (line: string) => void;
  now?: () => number;
  /** How long a print or PDF job may take before it counts as failed. */
  jobTimeoutMs?: number;
}

/** A donor may print their own receipt only shortly after paying: the kiosk is public, and receipts carry names and addresses. */
export const DONOR_PRINT_WINDOW_MS = 15 * 60 * 1000;


export function issuerOf(config: KioskConfig): ReceiptIssuer {
  return {
    organisationName: config.organisationName,
    organisationAddress: config.organisationAddress,
    organisationPan: config.organisationPan,
    registration80G: config.registration80G,
    registration80GValidFrom: config.registration80GValidFrom,
    registration80GValidTo: config.registration80GValidTo,
  };
}

export function receiptDonationOf(donation: Donation & { receiptNo: string }): ReceiptDonation {
  return {
    receiptNumber: donation.receiptNo,
    paidAt: donation.paidAt ?? donation.updatedAt,
    amountPaise: donation.amountPaise,
    paymentMethod: donation.paymentMethod ?? 'other',
    paymentId: donation.paymentMethod === 'cash' ? null : donation.paymentId,
    causeName: donation.cause,
    donorName: donation.anonymous ? null : donation.donorName,
    tax: donation.tax,
  };
}

function summaryOf(donation: Donation & { receiptNo: string }): ReceiptSummary {
  return {
    donationId: donation.id,
    receiptNumber: donation.receiptNo,
    paidAt: new Date(donation.paidAt ?? donation.updatedAt).toISOString(),
    amountRupees: donation.amountPaise / 100,
    donorName: donation.tax?.nameOnPan ?? (donation.anonymous ? null : donation.donorName),
    method: donation.paymentMethod ?? 'other',
    taxReceipt: donation.tax !== null,
  };
}

export const hasReceiptNo = (donation: Donation): donation is Donation & { receiptNo: string } => donation.receiptNo !== null;

export class ReceiptService {
  readonly #deps: ReceiptServiceDeps;
  readonly #now: () => number;

  constructor(deps: ReceiptServiceDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
  }

  handlers(): Pick<KioskHandlers, ReceiptServiceMethod> {
    const { whileOperator, withFreshPin } = operatorGuards(this.#deps.access);
    return {
      checkTaxDetails: (request) => ({ ok: true, value: this.#checkTaxDetails(request) }),
      printReceipt: (request) => this.#donorPrint(request.donationId),
      getReceiptAdmin: whileOperator((request: { search?: string | undefined }) => this.#admin(request.search)),
      updateReceiptSettings: whileOperator((request: { settings: ReceiptSettingsPatch }) => this.#updateSettings(request.settings)),
      reprintReceipt: whileOperator((request: { receiptNumber: string }) => this.#reprint(request.receiptNumber)),
      testPrint: whileOperator(() => this.#testPrint()),
      recordCashGift: whileOperator((request: CashGiftRequest) => this.#recordCashGift(request)),
      // Donor names, addresses and identity numbers leave the kiosk: the PIN again.
      exportForm10bd: withFreshPin((request: { from: string; to: string }) => this.#exportForm10bd(request.from, request.to)),
    };
  }

  /** A receipt printer is set up and the system lists it (asked within a few seconds, so the thank-you screen never waits long). */
  async printerAnswers(): Promise<boolean> {
    const name = this.#deps.getConfig().printerName;
    if (name === '') return false;
    const listed = await Promise.race([this.#deps.printer.listPrinters().catch(() => [] as string[]), new Promise<string[]>((resolve) => setTimeout(() => resolve([]), 3_000).unref())]);
    return listed.includes(name);
  }

  #checkTaxDetails(request: TaxReceiptDetails): TaxDetailsCheckResult {
    const checked = checkTaxDetails(request);
    return checked.ok ? { ok: true, problems: {} } : { ok: false, problems: checked.problems };
  }

  async #donorPrint(donationId: string): Promise<Result<PrintReceiptResult>> {
    const donation = this.#deps.ledger.get(donationId);
    if (!donation) return fail('unknown_donation', `no donation ${donationId}`);
    if (donation.state !== 'paid' || !hasReceiptNo(donation)) return fail('illegal_state', `donation ${donationId} is ${donation.state}: no receipt to print`);
    if (this.#now() - (donation.paidAt ?? 0) > DONOR_PRINT_WINDOW_MS) return fail('illegal_state', 'the receipt can be printed at the kiosk only just after paying; the operator can reprint it');
    // One donor print per donation (issue 14, item 10): anyone at the screen could
    // otherwise print the last donor's name and address again and again. Noted
    // before printing, in the same turn as the check, so a second tap cannot slip in.
    if (this.#deps.ledger.events(donationId).some((event) => event.source === 'donor' && ('receiptRequested' in event.detail || 'receiptOutput' in event.detail))) {
      return fail('illegal_state', 'this receipt was already printed at the kiosk; the operator can reprint it');
    }
    this.#deps.ledger.note(donationId, 'donor', { receiptRequested: true });
    return { ok: true, value: await this.#print(donation, 'donor') };
  }

  async #reprint(receiptNumber: string): Promise<Result<PrintReceiptResult>> {
    const donation = this.#deps.ledger.findByReceiptNo(receiptNumber.trim());
    if (!donation || !hasReceiptNo(donation)) return fail('unknown_donation', `No receipt ${receiptNumber} in this kiosk's ledger.`);
    return { ok: true, value: await this.#print(donation, 'operator') };
  }

  /** Prints to the operator's printer, or saves the PDF when there is none or it failed. */
  async #print(donation: Donation & { receiptNo: string }, by: 'donor' | 'operator'): Promise<PrintReceiptResult> {
    const config = this.#deps.getConfig();
    const html = renderReceiptHtml(buildReceiptModel(issuerOf(config), receiptDonationOf(donation)), config.receiptLayout);
    const folder = join(this.#deps.dataDir, 'receipts', financialYearOf(donation.paidAt ?? donation.updatedAt));
    const outcome = await this.#printOrSave(html, config, folder, `${receiptFileStem(donation.receiptNo)}.pdf`);
    this.#deps.ledger.note(donation.id, by === 'donor' ? 'donor' : 'operator', {
      receiptOutput: { receiptNo: donation.receiptNo, printed: outcome.printed, problem: outcome.problem, pdfPath: outcome.pdfPath },
    });
    return { receiptNumber: donation.receiptNo, ...outcome };
  }

  async #printOrSave(html: string, config: KioskConfig, folder: string, fileName: string): Promise<Omit<PrintReceiptResult, 'receiptNumber'>> {
    const timeoutMs = this.#deps.jobTimeoutMs ?? 30_000;
    let problem: PrintReceiptResult['problem'] = 'no_printer';
    if (config.printerName !== '') {
      const printed = await withDeadline(this.#deps.printer.print({ html, layout: config.receiptLayout, deviceName: config.printerName }), timeoutMs, 'printing');
      if (printed.ok) return { printed: true, problem: null, pdfPath: null };
      problem = 'printer_failed';
      this.#deps.log(`receipts: printing on "${config.printerName}" failed: ${printed.reason}`);
    }
    mkdirSync(folder, { recursive: true });
    const path = join(folder, fileName);
    const saved = await withDeadline(this.#deps.printer.savePdf({ html, layout: config.receiptLayout, path }), timeoutMs, 'saving the PDF');
    if (!saved.ok) this.#deps.log(`receipts: the PDF ${path} could not be saved: ${saved.reason}`);
    return { printed: false, problem, pdfPath: saved.ok ? path : null };
  }

  async #testPrint(): Promise<Result<PrintReceiptResult>> {
    const config = this.#deps.getConfig();
    const model = buildReceiptModel(issuerOf(config), {
      receiptNumber: 'TEST PRINT',
      paidAt: this.#now(),
      amountPaise: 100_00,
      paymentMethod: 'upi',
      paymentId: 'pay_TESTPRINT00000',
      causeName: (config.causes[0] ?? DEFAULT_CAUSE).name.en,
      donorName: 'Test print: not a receipt',
      tax: null,
    });
    const html = renderReceiptHtml({ ...model, title: 'TEST PRINT: not a receipt' }, config.receiptLayout);
    const outcome = await this.#printOrSave(html, config, join(this.#deps.dataDir, 'receipts'), 'test-print.pdf');
    this.#deps.log(`receipts: test print: ${outcome.printed ? 'printed' : `not printed (${outcome.problem ?? ''}), PDF ${outcome.pdfPath ?? 'not saved'}`}`);
    return { ok: true, value: { receiptNumber: 'TEST PRINT', ...outcome } };
  }

  async #admin(search: string | undefined): Promise<Result<ReceiptAdmin>> {
    const printers = await this.#deps.printer.listPrinters().catch(() => []);
    const receipts = this.#deps.ledger.listReceipts({ ...(search === undefined ? {} : { search }), limit: 50 }).filter(hasReceiptNo).map(summaryOf);
    const config = this.#deps.getConfig();
    return { ok: true, value: { settings: receiptSettingsOf(config), taxReceiptsOffered: taxReceiptsOffered(config, this.#now()), printers, receipts } };
  }

  #updateSettings(patch: ReceiptSettingsPatch): Result<ReceiptSettings> {
    const result = updateReceiptSettings(this.#deps.dataDir, patch);
    if (!result.ok) return { ok: false, error: { code: 'invalid_request', message: result.message, retryable: false, fields: prefixed('settings', result.fields) } };
    this.#deps.applyConfig(result.config);
    this.#deps.log(`operator: receipt settings changed (${Object.keys(patch).join(', ')})`);
    return { ok: true, value: receiptSettingsOf(result.config) };
  }

  async #recordCashGift(request: CashGiftRequest): Promise<Result<CashGiftResult>> {
    const config = this.#deps.getConfig();
    const cause = request.causeId === undefined ? config.causes[0] : config.causes.find((c) => c.id === request.causeId);
    if (!cause) return { ok: false, error: { code: 'invalid_request', message: `No cause ${request.causeId ?? ''} on this kiosk.`, retryable: false, fields: [{ path: 'causeId', problem: 'unknown_choice' }] } };
    if (request.taxReceipt !== undefined && !(taxReceiptsOffered(config, this.#now()) && this.#deps.ledger.keepsIdentityNumbers)) {
      return fail('invalid_request', TAX_RECEIPT_NOT_OFFERED);
    }
    const id = newDonationId(this.#now());
    const amountPaise = request.amountRupees * 100;
    const donation = this.#deps.ledger.recordCashGift({
      id,
      receipt: receiptFor(config.kioskId, id),
      kioskId: config.kioskId,
      eventId: config.eventId,
      cause: cause.name.en,
      amountPaise,
      donorName: request.donorName,
      phone: request.phone ?? null,
      tax: request.taxReceipt ?? null,
      receivedAt: this.#now(),
    });
    if (!hasReceiptNo(donation)) return fail('internal_error', 'the cash gift was recorded without a receipt number', true);
    this.#deps.log(`operator: cash gift ${donation.receiptNo} recorded (${request.amountRupees} INR)`);
    const print = request.print ? await this.#print(donation, 'operator') : null;
    return {
      ok: true,
      value: { donationId: id, receiptNumber: donation.receiptNo, eligibleFor80G: request.taxReceipt !== undefined && amountPaise <= CASH_80G_LIMIT_PAISE, print },
    };
  }

  async #exportForm10bd(fromDay: string, toDay: string): Promise<Result<Form10bdResult>> {
    // The request's days were checked on the way in (ipc-schemas.ts); this is the same rule, for callers that skip it.
    const period = indianPeriod(fromDay, toDay);
    if (period === null) return fail('invalid_request', 'The days must be real dates (YYYY-MM-DD), the first not after the last.');
    const folder = await this.#deps.chooseExportFolder();
    if (folder === null) return fail('invalid_request', 'No folder was chosen; nothing was exported.');
    const config = this.#deps.getConfig();
    const { ledger } = this.#deps;
    const donations = ledger.listPaidBetween(period.from, period.to).filter((d) => d.tax !== null);
    if (donations.length > 0 && !ledger.keepsIdentityNumbers) {
      return fail('kiosk_unavailable', "Form 10BD needs the donors' PAN and Aadhaar numbers, and this kiosk cannot open them: its identity key is not available (see the kiosk's log). Nothing was exported.");
    }
    const built = buildForm10bd(
      { registration80G: config.registration80G, registrationDate: config.registration80GValidFrom },
      donations.map((d) => ({
        donationId: d.id,
        receiptNumber: d.receiptNo,
        amountPaise: d.amountPaise,
        paymentMethod: d.paymentMethod,
        taxName: d.tax?.nameOnPan ?? null,
        taxIdType: d.tax?.idType ?? null,
        // The one place an identity number is opened (issue 14, item 8): the form the Income Tax Department requires.
        taxIdNumber: ledger.revealTaxIdNumber(d.id),
        taxAddress: d.tax?.address ?? null,
      })),
    );
    mkdirSync(folder, { recursive: true });
    const path = join(folder, `form-10bd-${fromDay}-to-${toDay}.csv`);
    writeFileAtomic(path, built.csv);
    this.#deps.log(`operator: Form 10BD export: ${built.rows} row(s) to ${path}, ${built.refused.length} refused`);
    return { ok: true, value: { path, rows: built.rows, totalRupees: built.totalPaise / 100, refused: built.refused } };
  }
}
