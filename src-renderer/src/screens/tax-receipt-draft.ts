// What the donor has typed for an 80G receipt, kept in the flow state so it
// survives going back to the amount screen. Main checks it (checkTaxDetails,
// then again in startDonation): the renderer copies none of the rules.
import type { TaxDetailsField, TaxDetailsProblem, TaxIdType, TaxReceiptDetails } from '../../../src-main/contract/kiosk-api.ts';
import { TAX_ADDRESS_MAX_LENGTH, TAX_NAME_MAX_LENGTH } from '../../../src-shared/donor-fields.ts';

export interface TaxReceiptDraft {
  wanted: boolean;
  nameOnPan: string;
  idType: TaxIdType;
  idNumber: string;
  address: string;
}

export type TaxProblems = Partial<Record<TaxDetailsField, TaxDetailsProblem>>;

export const EMPTY_TAX_DRAFT: TaxReceiptDraft = { wanted: false, nameOnPan: '', idType: 'pan', idNumber: '', address: '' };

/** The details to send, or undefined when no 80G receipt was asked for (anonymous gifts get none). */
export function taxReceiptRequest(draft: TaxReceiptDraft, anonymous: boolean): TaxReceiptDetails | undefined {
  if (!draft.wanted || anonymous) return undefined;
  return { nameOnPan: draft.nameOnPan, idType: draft.idType, idNumber: draft.idNumber, address: draft.address };
}

/** The 80G fields the on-screen keys can type into. */
export type TaxTypingField = 'taxName' | 'taxId' | 'taxAddress';

export function isTaxTypingField(field: string): field is TaxTypingField {
  return field === 'taxName' || field === 'taxId' || field === 'taxAddress';
}

/** The keys each 80G field gets: capitals for a PAN, digits for an Aadhaar number, digits and punctuation for an address. */
// (Layout names of components/OnScreenKeys.tsx; spelled out so this file stays plain TypeScript for the unit tests.)
export const TAX_TYPING: Record<TaxTypingField, (draft: TaxReceiptDraft) => { layout: 'name' | 'pan' | 'numeric' | 'address'; maxLength: number; input: string }> = {
  taxName: () => ({ layout: 'name', maxLength: TAX_NAME_MAX_LENGTH, input: 'tax-name' }),
  taxId: (draft) => (draft.idType === 'pan' ? { layout: 'pan', maxLength: 10, input: 'tax-id' } : { layout: 'numeric', maxLength: 14, input: 'tax-id' }),
  taxAddress: () => ({ layout: 'address', maxLength: TAX_ADDRESS_MAX_LENGTH, input: 'tax-address' }),
};

const DRAFT_KEY = { taxName: 'nameOnPan', taxId: 'idNumber', taxAddress: 'address' } as const satisfies Record<TaxTypingField, keyof TaxReceiptDraft>;

export function taxFieldValue(draft: TaxReceiptDraft, field: TaxTypingField): string {
  return draft[DRAFT_KEY[field]];
}

export function withTaxField(draft: TaxReceiptDraft, field: TaxTypingField, value: string): TaxReceiptDraft {
  return { ...draft, [DRAFT_KEY[field]]: field === 'taxId' && draft.idType === 'pan' ? value.toUpperCase() : value };
}

/** PAN cards carry names in Latin letters: only such a name can start "Name as on your PAN". */
const LATIN_NAME = /^[\p{Script=Latin} .'-]+$/u;

/** "Name as on your PAN" starts from the name the donor gave, until they type their own. */
export function withNameForPan(draft: TaxReceiptDraft, name: string): TaxReceiptDraft {
  const given = name.trim().replace(/\s+/g, ' ');
  if (!draft.wanted || draft.nameOnPan.trim() !== '' || given === '' || !LATIN_NAME.test(given)) return draft;
  return { ...draft, nameOnPan: given };
}
