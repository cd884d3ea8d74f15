// Run-time validation of every payload the renderer sends, one zod schema per
// contract method. `satisfies` ties each schema to the contract's types, so
// the two cannot drift apart.
import { z } from 'zod';
import type { KioskMethod, KioskRequest } from '../contract/kiosk-api.ts';
import { EditableSettingsPatchSchema } from '../domain/settings-update.ts';
import { KEY_ID_PATTERN } from './payment-keys.ts';
import { ReceiptSettingsPatchSchema } from '../domain/settings-update.ts';
import { TaxDetailsSchema, TaxDetailsShape } from '../domain/receipts/tax-details.ts';
import { CASH_80G_LIMIT_PAISE } from '../domain/exports/form-10bd.ts';
import { problemParams } from '../domain/field-problems.ts';
import { parseIndianDay } from '../../src-shared/india-time.ts';
import { EmailSettingsPatchSchema } from '../domain/email/email-settings.ts';
import {
  checkDonorFields,
  checkDonorName,
  checkEmail,
  checkIndianMobile,
  DONOR_NAME_MAX_LENGTH,
  type DonorFieldProblem,
  type FieldCheck,
} from '../../src-shared/donor-fields.ts';
import { PIN_DIGITS } from '../../src-shared/pin-rule.ts';
import { SUPPORTED_LANGUAGES } from '../domain/kiosk-config.ts';

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

export const DONATION_ID_PATTERN = /^d[0-9a-z]{10,30}$/;
const DonationId = z.string().regex(DONATION_ID_PATTERN, 'not a donation id');

/** What main says about each donor-field problem (logs, operators); the donor sees the renderer's catalogue text for the same code. */
export const DONOR_FIELD_PROBLEM_TEXT: Record<DonorFieldProblem, string> = {
  name_missing: 'A name is needed unless the gift is anonymous',
  name_too_long: `Name is too long (at most ${DONOR_NAME_MAX_LENGTH} characters)`,
  name_characters: 'Name may contain letters, spaces, dots, apostrophes and hyphens, and starts with a letter',
  phone_format: 'Enter a 10-digit Indian mobile number',
  email_format: 'Enter a valid email address',
  email_too_long: 'The email address is too long',
};

/** A field checked by one of the shared rules (src-shared/donor-fields.ts), normalised as the rule returns it. */
const sharedRule = (check: (text: string) => FieldCheck) =>
  z
    .string()
    .max(1_000)
    .transform((text, context) => {
      const checked = check(text);
      if (checked.ok) return checked.value;
      context.addIssue({ code: 'custom', message: DONOR_FIELD_PROBLEM_TEXT[checked.problem] });
      return z.NEVER;
    });

const DonorName = sharedRule(checkDonorName);
const IndianMobile = sharedRule(checkIndianMobile);
const Email = sharedRule(checkEmail);

/** The donor's fields, every one checked by the shared rules (the renderer ran the same before sending). */
const Donor = z
  .object({
    anonymous: z.boolean(),
    name: z.string().max(1_000).optional(),
    phone: z.string().max(1_000).optional(),
    email: z.string().max(1_000).optional(),
    // 80G details: each field checked (PAN format, Aadhaar checksum), normalised.
    taxReceipt: TaxDetailsSchema.optional(),
  })
  .strict()
  .transform((donor, context) => {
    const checked = checkDonorFields(donor);
    if (!checked.ok) {
      for (const [field, problem] of Object.entries(checked.problems)) {
        context.addIssue({ code: 'custom', path: [field], message: DONOR_FIELD_PROBLEM_TEXT[problem] });
      }
      return z.NEVER;
    }
    return { ...checked.fields, ...(donor.taxReceipt === undefined ? {} : { taxReceipt: donor.taxReceipt }) };
  });

/** Razorpay's own formats (razorpay.md §6): an id is a prefix and 14 letters or digits. */
export const PAYMENT_ID_PATTERN = /^pay_[A-Za-z0-9]{14}$/;
export const ORDER_ID_PATTERN = /^order_[A-Za-z0-9]{14}$/;

/**
 * What Checkout's payment.failed reported, as the page passes it on (issue 14,
 * item 10): the payment id in Razorpay's format, the codes as Razorpay writes
 * them (BAD_REQUEST_ERROR, payment_authentication, …), a description of at most
 * 300 characters. Control characters are refused; credentials in the words are
 * taken out before the ledger keeps them (domain/gateway/redact.ts).
 */
const FailureCode = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'not a Razorpay error code').optional();
const FailureText = z
  .string()
  .max(300)
  .refine((text) => !/[\u0000-\u001f\u007f-\u009f]/.test(text), 'control characters are not allowed')
  .optional();

/** Digits only (ASCII, src-shared/pin-rule.ts); the PIN rule decides which new PINs are too easy. */
const Pin = z.object({ pin: z.string().regex(PIN_DIGITS, 'a PIN is 4 to 12 digits') }).strict();

const KeyPair = z
  .object({
    keyId: z.string().trim().regex(KEY_ID_PATTERN, 'a key id looks like rzp_test_XXXXXXXXXXXXXX or rzp_live_XXXXXXXXXXXXXX'),
    // Messages never echo the value: it is the secret.
    keySecret: z.string().trim().regex(/^[A-Za-z0-9]{8,64}$/, 'a key secret is 8 to 64 letters and digits'),
  })
  .strict();

/** A day in India's calendar, YYYY-MM-DD, that exists (src-shared/india-time.ts). */
const Day = z.string().refine((day) => parseIndianDay(day) !== null, 'a day is YYYY-MM-DD, and a real one');

const CauseId = z.string().regex(/^[a-z0-9-]{1,24}$/, 'not a cause id');

/** Two days, the first not after the last (an export's range). */
const DayRange = z
  .object({ from: Day, to: Day })
  .strict()
  .refine((range) => range.from <= range.to, { message: 'the first day must not be after the last day', path: ['to'], ...problemParams('ends_before_start') });

export const IPC_SCHEMAS = {
  getKioskState: z.null(),
  getKioskStatus: z.null(),
  startDonation: z
    .object({
      amountRupees: z.number().int('The amount must be a whole number of rupees').positive('The amount must be positive'),
      donor: Donor,
      causeId: CauseId.optional(),
      coverFee: z.boolean().optional(),
    })
    .strict(),
  checkoutOpened: z.object({ donationId: DonationId }).strict(),
  recordPaymentFailure: z
    .object({
      donationId: DonationId,
      failure: z
        .object({
          code: FailureCode,
          description: FailureText,
          reason: FailureCode,
          source: FailureCode,
          step: FailureCode,
          paymentId: z.string().regex(PAYMENT_ID_PATTERN, 'not a Razorpay payment id').optional(),
        })
        .strict(),
    })
    .strict(),
  confirmPayment: z
    .object({
      donationId: DonationId,
      razorpayPaymentId: z.string().regex(PAYMENT_ID_PATTERN, 'not a Razorpay payment id'),
      razorpayOrderId: z.string().regex(ORDER_ID_PATTERN, 'not a Razorpay order id'),
      // Checked by the signature verification, which records why it failed.
      razorpaySignature: z.string().min(1).max(256),
    })
    .strict(),
  getDonationProgress: z.object({ donationId: DonationId }).strict(),
  cancelDonation: z
    .object({ donationId: DonationId, reason: z.enum(['donor_closed', 'checkout_timeout', 'checkout_unavailable', 'donor_left', 'abandoned']) })
    .strict(),
  getAttractInfo: z.null(),
  openOperatorConsole: z.object({ language: z.enum(SUPPORTED_LANGUAGES) }).strict(),
  getOperatorGate: z.null(),
  setUpOperatorPin: Pin,
  unlockOperator: Pin,
  confirmOperatorPin: Pin,
  noteOperatorActivity: z.null(),
  endOperatorSession: z.null(),
  getOperatorOverview: z.object({ day: Day.optional(), search: z.string().trim().max(80).optional() }).strict(),
  // The same field rules as kiosk-config.json; the cross-field rules are checked after merging with the current settings.
  updateSettings: z.object({ settings: EditableSettingsPatchSchema }).strict(),
  exportDonationsCsv: DayRange,
  reconcileNow: z.null(),
  getPaymentKeysStatus: z.null(),
  setPaymentKeys: KeyPair,
  checkPaymentKeys: KeyPair,
  exitKiosk: z.null(),
  restartKiosk: z.null(),
  // Receipts, 80G, cash gifts, Form 10BD: the field rules themselves are reported per field by checkTaxDetails.
  checkTaxDetails: TaxDetailsShape,
  printReceipt: z.object({ donationId: DonationId }).strict(),
  getReceiptAdmin: z.object({ search: z.string().trim().max(80).optional() }).strict(),
  updateReceiptSettings: z.object({ settings: ReceiptSettingsPatchSchema }).strict(),
  reprintReceipt: z.object({ receiptNumber: z.string().trim().min(1, 'Enter a receipt number').max(60) }).strict(),
  testPrint: z.null(),
  recordCashGift: z
    .object({
      amountRupees: z.number().int('The amount must be a whole number of rupees').positive('The amount must be positive').max(10_000_000, 'The amount is too large'),
      donorName: DonorName,
      phone: z.preprocess(emptyToUndefined, IndianMobile.optional()),
      causeId: CauseId.optional(),
      taxReceipt: TaxDetailsSchema.optional(),
      print: z.boolean(),
    })
    .strict()
    .refine((gift) => gift.taxReceipt === undefined || gift.amountRupees * 100 <= CASH_80G_LIMIT_PAISE, {
      message: 'a cash gift above ₹2,000 gets no 80G deduction (s.80G(5D)), so it takes no 80G details',
      path: ['taxReceipt'],
      ...problemParams('cash_above_80g_limit'),
    }),
  exportForm10bd: DayRange,
  getUpdateStatus: z.null(),
  checkForUpdates: z.null(),
  installUpdateNow: z.null(),
  // The donor's receipt, email receipts, a payment window left alone (issue 15).
  getReceiptOptions: z.object({ donationId: DonationId }).strict(),
  emailReceipt: z.object({ donationId: DonationId, email: Email }).strict(),
  getPaymentActivity: z.object({ donationId: DonationId }).strict(),
  getEmailReceiptAdmin: z.object({ status: z.enum(['queued', 'sent', 'failed']).optional() }).strict(),
  updateEmailSettings: z
    .object({
      settings: EmailSettingsPatchSchema,
      // Messages never echo it: it is a secret.
      password: z.string().max(500, 'the password is too long').optional(),
    })
    .strict(),
  sendTestEmail: z.object({ to: Email }).strict(),
  resendReceiptEmail: z.object({ id: z.number().int().positive() }).strict(),
  exportEventReport: z.null(),
} satisfies { [M in KioskMethod]: z.ZodType<unknown> };

/** Compile-time check that each schema's output is assignable to the contract's request type. */
type SchemaOutputs = { [M in KioskMethod]: z.output<(typeof IPC_SCHEMAS)[M]> };
type NoPayload =
  | 'getKioskState'
  | 'getKioskStatus'
  | 'getAttractInfo'
  | 'getOperatorGate'
  | 'noteOperatorActivity'
  | 'endOperatorSession'
  | 'reconcileNow'
  | 'getPaymentKeysStatus'
  | 'exitKiosk'
  | 'restartKiosk'
  | 'testPrint'
  | 'getUpdateStatus'
  | 'checkForUpdates'
  | 'installUpdateNow'
  | 'exportEventReport';
type Check<M extends KioskMethod> = SchemaOutputs[M] extends (M extends NoPayload ? null : KioskRequest<M>) ? true : never;
export const SCHEMAS_MATCH_CONTRACT: { [M in KioskMethod]: Check<M> } = {
  getKioskState: true,
  getKioskStatus: true,
  startDonation: true,
  checkoutOpened: true,
  recordPaymentFailure: true,
  confirmPayment: true,
  getDonationProgress: true,
  cancelDonation: true,
  getAttractInfo: true,
  openOperatorConsole: true,
  getOperatorGate: true,
  setUpOperatorPin: true,
  unlockOperator: true,
  confirmOperatorPin: true,
  noteOperatorActivity: true,
  endOperatorSession: true,
  getOperatorOverview: true,
  updateSettings: true,
  exportDonationsCsv: true,
  reconcileNow: true,
  getPaymentKeysStatus: true,
  setPaymentKeys: true,
  checkPaymentKeys: true,
  exitKiosk: true,
  restartKiosk: true,
  checkTaxDetails: true,
  printReceipt: true,
  getReceiptAdmin: true,
  updateReceiptSettings: true,
  reprintReceipt: true,
  testPrint: true,
  recordCashGift: true,
  exportForm10bd: true,
  getUpdateStatus: true,
  checkForUpdates: true,
  installUpdateNow: true,
  getReceiptOptions: true,
  emailReceipt: true,
  getPaymentActivity: true,
  getEmailReceiptAdmin: true,
  updateEmailSettings: true,
  sendTestEmail: true,
  resendReceiptEmail: true,
  exportEventReport: true,
};
