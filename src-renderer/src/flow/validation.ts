// What the donor types, checked on screen with main's own rules
// (src-shared/donor-fields.ts, src-shared/amounts.ts): a value main would
// refuse is refused here first, under its field. Messages are catalogue keys.
import type { DonorDetails } from '../../../src-main/contract/kiosk-api.ts';
import { checkDonorFields, DONOR_NAME_MAX_LENGTH, type DonorField, type DonorFieldProblem } from '../../../src-shared/donor-fields.ts';
import { parseAmountText, type AmountLimits, type AmountProblem } from '../../../src-shared/amounts.ts';
import { formatRupees, type MessageKey, type MessageParams } from '../i18n/t.ts';
import { taxReceiptRequest, type TaxReceiptDraft } from '../screens/tax-receipt-draft.ts';

export { DONOR_NAME_MAX_LENGTH, EMAIL_MAX_LENGTH } from '../../../src-shared/donor-fields.ts';

export interface FieldError {
  key: MessageKey;
  params?: MessageParams;
}

export type AmountCheck = { ok: true; amount: number } | { ok: false; error: FieldError };

const AMOUNT_MESSAGES: Record<AmountProblem, MessageKey> = {
  none: 'amount.error.none',
  whole: 'amount.error.whole',
  digits: 'amount.error.digits',
  range: 'amount.error.range',
};

/** The typed "Other amount" in whole rupees, checked against the kiosk's limits. */
export function parseOtherAmount(text: string, limits: AmountLimits): AmountCheck {
  const parsed = parseAmountText(text, limits);
  if (parsed.ok) return parsed;
  const params = parsed.problem === 'range' ? { min: formatRupees(limits.minAmountRupees), max: formatRupees(limits.maxAmountRupees) } : undefined;
  return { ok: false, error: { key: AMOUNT_MESSAGES[parsed.problem], ...(params ? { params } : {}) } };
}

export interface DetailsInput {
  /** Empty = an anonymous gift (unless an 80G receipt is wanted, which needs a name). */
  name: string;
  phone: string;
  email: string;
  /** The 80G opt-in and what the donor typed for it (checked by main). */
  taxReceipt: TaxReceiptDraft;
}

export type DetailsField = DonorField;
export type DetailsErrors = Partial<Record<DetailsField, FieldError>>;

const FIELD_MESSAGES: Record<DonorFieldProblem, MessageKey> = {
  name_missing: 'details.error.name',
  name_too_long: 'details.error.nameLong',
  name_characters: 'details.error.nameCharacters',
  phone_format: 'details.error.phone',
  email_format: 'details.error.email',
  email_too_long: 'details.error.emailLong',
};

/** The catalogue message for a shared-rule problem. */
export function fieldError(problem: DonorFieldProblem): FieldError {
  return problem === 'name_too_long' ? { key: FIELD_MESSAGES[problem], params: { max: DONOR_NAME_MAX_LENGTH } } : { key: FIELD_MESSAGES[problem] };
}

/** Nothing typed: the donor skipped the details (the fastest path). */
export function detailsEmpty(input: DetailsInput): boolean {
  return input.name.trim() === '' && input.phone.trim() === '' && input.email.trim() === '' && !input.taxReceipt.wanted;
}

/** An 80G receipt can be asked for (the operator set it up) and was. */
export function wantsTaxReceipt(input: DetailsInput, offered: boolean): boolean {
  return offered && input.taxReceipt.wanted;
}

/**
 * The donor's details as startDonation takes them, or the problem under each
 * field. No name means an anonymous gift, except with an 80G receipt, which
 * is made out to a name.
 */
export function checkDetails(input: DetailsInput, taxOffered: boolean): { ok: true; donor: DonorDetails } | { ok: false; errors: DetailsErrors } {
  const taxWanted = wantsTaxReceipt(input, taxOffered);
  const anonymous = input.name.trim() === '' && !taxWanted;
  const checked = checkDonorFields({ anonymous, name: input.name, phone: input.phone, email: input.email });
  if (!checked.ok) {
    const errors: DetailsErrors = {};
    for (const [field, problem] of Object.entries(checked.problems) as [DetailsField, DonorFieldProblem][]) errors[field] = fieldError(problem);
    return { ok: false, errors };
  }
  const donor: DonorDetails = { ...checked.fields };
  const taxReceipt = taxWanted ? taxReceiptRequest(input.taxReceipt, anonymous) : undefined;
  if (taxReceipt) donor.taxReceipt = taxReceipt;
  return { ok: true, donor };
}
