// What the donor has typed for an 80G receipt, kept in the flow state so it
// survives going back to the amount screen. Main checks it (checkTaxDetails,
// then again in startDonation): the renderer copies none of the rules.
import type { TaxDetailsField, TaxDetailsProblem, TaxIdType, TaxReceiptDetails } from '../../../src-main/contract/kiosk-api.ts';

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
