// The 80G details a donor gives on the details screen, checked field by field
// so the donor sees one plain message per field. Main is the authority: the
// renderer asks main (checkTaxReceiptDetails) rather than copying these rules.
import { z } from 'zod';
import { hasNameCharacters, TAX_ADDRESS_MAX_LENGTH, TAX_NAME_MAX_LENGTH } from '../../../src-shared/donor-fields.ts';
import { checkTaxId, type TaxIdProblem, type TaxIdType } from './tax-id.ts';

export interface TaxDetailsInput {
  nameOnPan: string;
  idType: TaxIdType;
  idNumber: string;
  address: string;
}

export type TaxDetailsField = 'nameOnPan' | 'idNumber' | 'address';

export type TaxDetailsProblem = TaxIdProblem | 'name_missing' | 'name_characters' | 'address_missing' | 'address_short' | 'too_long';

export type TaxDetailsCheck = { ok: true; details: TaxDetailsInput } | { ok: false; problems: Partial<Record<TaxDetailsField, TaxDetailsProblem>> };

/** Trims and normalises (PAN upper case, Aadhaar digits only), then checks every field. */
export function checkTaxDetails(input: TaxDetailsInput): TaxDetailsCheck {
  const problems: Partial<Record<TaxDetailsField, TaxDetailsProblem>> = {};
  const nameOnPan = input.nameOnPan.trim().replace(/\s+/g, ' ');
  if (nameOnPan === '') problems.nameOnPan = 'name_missing';
  else if (nameOnPan.length > TAX_NAME_MAX_LENGTH) problems.nameOnPan = 'too_long';
  else if (!hasNameCharacters(nameOnPan)) problems.nameOnPan = 'name_characters';

  const id = checkTaxId(input.idType, input.idNumber);
  if (!id.ok) problems.idNumber = id.problem;

  const address = input.address.trim().replace(/\s+/g, ' ');
  if (address === '') problems.address = 'address_missing';
  // A house, a street and a town: shorter than this is not an address a receipt can carry.
  else if (address.length < 10) problems.address = 'address_short';
  else if (address.length > TAX_ADDRESS_MAX_LENGTH) problems.address = 'too_long';

  if (Object.keys(problems).length > 0 || !id.ok) return { ok: false, problems };
  return { ok: true, details: { nameOnPan, idType: input.idType, idNumber: id.normalised, address } };
}

export const TAX_DETAILS_PROBLEM_TEXT: Record<TaxDetailsProblem, string> = {
  empty: 'Enter the number',
  pan_format: 'A PAN is 10 characters: 5 letters, 4 digits, 1 letter',
  pan_holder_type: 'This is not a valid PAN: check the fourth letter',
  aadhaar_format: 'An Aadhaar number is 12 digits and does not start with 0 or 1',
  aadhaar_checksum: 'This Aadhaar number is not valid',
  name_missing: 'Enter the name as on the PAN',
  name_characters: 'The name may contain letters, spaces, dots, apostrophes and hyphens',
  address_missing: 'Enter the address',
  address_short: 'Enter the full address',
  too_long: 'This is too long',
};

/** The zod shape of the details (the IPC schema); the field rules are checkTaxDetails's, reported per field. */
export const TaxDetailsShape = z
  .object({
    nameOnPan: z.string().max(200),
    idType: z.enum(['pan', 'aadhaar']),
    idNumber: z.string().max(40),
    address: z.string().max(400),
  })
  .strict();

/** For startDonation: refuses what checkTaxDetails refuses, and passes on the normalised details. */
export const TaxDetailsSchema = TaxDetailsShape.transform((input, context) => {
  const checked = checkTaxDetails(input);
  if (checked.ok) return checked.details;
  for (const [field, problem] of Object.entries(checked.problems)) {
    context.addIssue({ code: 'custom', path: [field], message: TAX_DETAILS_PROBLEM_TEXT[problem as TaxDetailsProblem] });
  }
  return z.NEVER;
});
