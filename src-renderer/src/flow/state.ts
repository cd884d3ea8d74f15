// The kiosk's one state machine: which screen is showing, what the donor has
// typed, and the donation in progress. Pure: the side effects live in
// ./controller.ts, which dispatches these actions.
import type {
  AttractInfo,
  CauseInfo,
  CheckoutFailure,
  CheckoutSession,
  ConfirmPaymentRequest,
  DonationReceipt,
  KioskState,
  KioskStatus,
  StartDonationRequest,
} from '../../../src-main/contract/kiosk-api.ts';
import type { MessageKey, MessageParams } from '../i18n/t.ts';
import {
  checkDetails,
  parseOtherAmount,
  type DetailsErrors,
  type DetailsInput,
  type FieldError,
} from './validation.ts';
import { EMPTY_TAX_DRAFT } from '../screens/tax-receipt-draft.ts';
import { processingFeeRupees } from './fee.ts';

/** What "Try again" does on the failure screen. */
export type RetryAction =
  /** startDonation again with the same request (nothing was created, or it was abandoned). */
  | 'start'
  /** Reopen Checkout for the same session (same order): checkoutOpened + open again. */
  | 'reopen'
  /** confirmPayment again with the same Checkout response. */
  | 'confirm';

export interface FailureInfo {
  heading: MessageKey;
  reason: MessageKey;
  reasonParams?: MessageParams;
  /** A second, smaller line (e.g. "No money has been taken."). */
  note?: MessageKey;
  /** Shown as "Donation reference" so a volunteer can look it up. */
  donationId?: string;
  retry: RetryAction | null;
  /** The text asks the donor to show this screen to a volunteer: keep it up longer. */
  showVolunteer?: boolean;
}

export type Screen =
  | { name: 'starting' }
  | { name: 'start-error' }
  | { name: 'setup-error' }
  /** The kiosk cannot work at all (e.g. its ledger is unreadable): no donations; the operator message is shown. */
  | { name: 'out-of-service'; operatorMessage: string }
  | { name: 'welcome' }
  /** Only when the operator set up two or more causes. */
  | { name: 'cause' }
  | { name: 'amount' }
  | { name: 'details' }
  | { name: 'opening' }
  | { name: 'checkout' }
  | { name: 'verifying' }
  | { name: 'thank-you'; receipt: DonationReceipt }
  | { name: 'failure'; failure: FailureInfo };

export type ScreenName = Screen['name'];

export interface AmountForm {
  /** The chosen preset, or null when "Other amount" is in use. */
  preset: number | null;
  other: string;
  error: FieldError | null;
  /** The donor ticked "add the processing fee". */
  coverFee: boolean;
}

export interface DetailsForm extends DetailsInput {
  errors: DetailsErrors;
}

export interface Donation {
  request: StartDonationRequest;
  session: CheckoutSession | null;
  /** Started and neither paid, handed to confirmPayment, nor cancelled: "Back to start" cancels it. */
  open: boolean;
  /** The last payment.failed Checkout reported in the current window. */
  failure: CheckoutFailure | null;
  /** The Checkout success response, once handler() fired. */
  payment: ConfirmPaymentRequest | null;
}

export interface FlowState {
  screen: Screen;
  kiosk: KioskState | null;
  amount: AmountForm;
  details: DetailsForm;
  donation: Donation | null;
  /** The last getKioskStatus answer; null until the first one (assumed fine). */
  status: KioskStatus | null;
  /** The donor's language for this donation; the operator's default again after it. */
  language: string;
  /** High contrast and large text, for this donation only. */
  highContrast: boolean;
  /** The cause chosen (or the only one); null before the donor began. */
  causeId: string | null;
  /** The welcome screen's goal and donor wall, as main last reported them; kept across donations. */
  attract: AttractInfo | null;
}

export const DEFAULT_PRESETS = [100, 500, 1000];

const emptyAmount: AmountForm = { preset: null, other: '', error: null, coverFee: false };
const emptyDetails: DetailsForm = { name: '', anonymous: false, phone: '', email: '', taxReceipt: EMPTY_TAX_DRAFT, errors: {} };

export const initialState: FlowState = {
  screen: { name: 'starting' },
  kiosk: null,
  amount: emptyAmount,
  details: emptyDetails,
  donation: null,
  status: null,
  language: 'en',
  highContrast: false,
  causeId: null,
  attract: null,
};

export type Action =
  | { type: 'boot' }
  | { type: 'booted'; kiosk: KioskState }
  | { type: 'bootFailed' }
  | { type: 'setupFailed' }
  | { type: 'outOfService'; operatorMessage: string }
  | { type: 'status'; status: KioskStatus }
  | { type: 'attract'; info: AttractInfo }
  | { type: 'begin' }
  | { type: 'chooseLanguage'; language: string }
  | { type: 'toggleContrast' }
  | { type: 'chooseCause'; causeId: string }
  | { type: 'coverFee'; on: boolean }
  | { type: 'choosePreset'; amount: number }
  | { type: 'typeOther'; text: string }
  | { type: 'submitAmount' }
  | { type: 'back' }
  | { type: 'editDetails'; patch: Partial<DetailsInput> }
  | { type: 'submitDetails' }
  | { type: 'sessionStarted'; session: CheckoutSession }
  | { type: 'checkoutShown'; donationId: string }
  | { type: 'paymentFailed'; donationId: string; failure: CheckoutFailure }
  | { type: 'verifying'; payment: ConfirmPaymentRequest }
  | { type: 'paid'; receipt: DonationReceipt }
  | { type: 'failed'; failure: FailureInfo; donationOpen?: boolean; dropSession?: boolean }
  | { type: 'retrying'; to: 'opening' | 'verifying' }
  | { type: 'reset' };

/** May a donor start a donation now? Unknown status counts as yes: main refuses anyway if not. */
export function acceptingDonations(state: FlowState): boolean {
  return state.status?.acceptingDonations !== false;
}

/** The amount the donor has chosen so far, if it is valid. */
export function chosenAmount(state: FlowState): number | null {
  const { amount, kiosk } = state;
  if (amount.preset !== null) return amount.preset;
  if (!kiosk) return null;
  const parsed = parseOtherAmount(amount.other, kiosk.minAmountRupees, kiosk.maxAmountRupees);
  return parsed?.ok ? parsed.amount : null;
}

/** The chosen cause, or the first one. */
export function currentCause(state: Pick<FlowState, 'kiosk' | 'causeId'>): CauseInfo | null {
  const causes = state.kiosk?.causes ?? [];
  return causes.find((c) => c.id === state.causeId) ?? causes[0] ?? null;
}

/** The amount buttons: the chosen cause's own, else the kiosk's. */
export function presets(kiosk: KioskState, cause: CauseInfo | null = null): number[] {
  const list = (cause?.presetAmountsRupees ?? kiosk.presetAmountsRupees).filter((n) => Number.isSafeInteger(n) && n > 0);
  return list.length > 0 ? list : DEFAULT_PRESETS;
}

/** The fee the donor may add for `gift`, or 0 when it is not offered (off, or it would pass the maximum). */
export function offeredFee(kiosk: KioskState, gift: number | null): number {
  if (gift === null) return 0;
  const fee = processingFeeRupees(gift, kiosk.feeCoverPercent);
  return gift + fee <= kiosk.maxAmountRupees ? fee : 0;
}

/** What the donor will pay: the gift, plus the fee if they chose to add it. */
export function totalToPay(state: FlowState): { gift: number; fee: number; total: number } | null {
  const gift = chosenAmount(state);
  if (gift === null || !state.kiosk) return null;
  const fee = state.amount.coverFee ? offeredFee(state.kiosk, gift) : 0;
  return { gift, fee, total: gift + fee };
}

function hasCauseChoice(state: FlowState): boolean {
  return (state.kiosk?.causes.length ?? 0) >= 2;
}

/** Back to welcome with the operator's defaults: language, contrast, no cause, nothing typed. */
function fresh(state: FlowState, kiosk: KioskState, screen: Screen): FlowState {
  return { ...initialState, kiosk, status: state.status, attract: state.attract, screen, language: kiosk.language, highContrast: false, causeId: null };
}

function go(state: FlowState, screen: Screen): FlowState {
  return { ...state, screen };
}

export function reduce(state: FlowState, action: Action): FlowState {
  const { screen } = state;
  switch (action.type) {
    case 'boot':
      return { ...initialState, kiosk: state.kiosk, screen: screen.name === 'out-of-service' ? screen : initialState.screen };
    case 'booted':
      return fresh({ ...state, status: null }, action.kiosk, { name: 'welcome' });
    case 'outOfService':
      if (screen.name === 'out-of-service' && screen.operatorMessage === action.operatorMessage) return state;
      return { ...initialState, kiosk: state.kiosk, screen: { name: 'out-of-service', operatorMessage: action.operatorMessage } };
    case 'status': {
      const prev = state.status;
      const next = action.status;
      if (prev && prev.online === next.online && prev.acceptingDonations === next.acceptingDonations && prev.kioskIdHold === next.kioskIdHold) return state;
      return { ...state, status: { online: next.online, acceptingDonations: next.acceptingDonations, ...(next.kioskIdHold ? { kioskIdHold: next.kioskIdHold } : {}) } };
    }
    case 'attract':
      if (JSON.stringify(state.attract) === JSON.stringify(action.info)) return state;
      return { ...state, attract: action.info };
    case 'bootFailed':
      return go(state, { name: 'start-error' });
    case 'setupFailed':
      return go(state, { name: 'setup-error' });

    case 'begin':
      if (screen.name !== 'welcome' || !acceptingDonations(state)) return state;
      if (hasCauseChoice(state)) return go(state, { name: 'cause' });
      return { ...state, causeId: currentCause(state)?.id ?? null, screen: { name: 'amount' } };

    case 'chooseLanguage':
      if (screen.name !== 'welcome') return state;
      return { ...state, language: action.language };

    case 'toggleContrast':
      if (screen.name !== 'welcome') return state;
      return { ...state, highContrast: !state.highContrast };

    case 'chooseCause':
      if (screen.name !== 'cause' || !state.kiosk?.causes.some((c) => c.id === action.causeId)) return state;
      // Another cause has other amount buttons: a preset from the last one no longer applies.
      return { ...state, causeId: action.causeId, amount: action.causeId === state.causeId ? state.amount : emptyAmount, screen: { name: 'amount' } };

    case 'coverFee':
      if (screen.name !== 'amount') return state;
      return { ...state, amount: { ...state.amount, coverFee: action.on } };

    case 'choosePreset':
      if (screen.name !== 'amount') return state;
      return { ...state, amount: { ...state.amount, preset: action.amount, other: '', error: null } };

    case 'typeOther':
      if (screen.name !== 'amount') return state;
      return { ...state, amount: { ...state.amount, preset: null, other: action.text, error: null } };

    case 'submitAmount': {
      if (screen.name !== 'amount' || !state.kiosk) return state;
      const { amount, kiosk } = state;
      if (amount.preset !== null) return go(state, { name: 'details' });
      const parsed = parseOtherAmount(amount.other, kiosk.minAmountRupees, kiosk.maxAmountRupees);
      if (parsed === null) return { ...state, amount: { ...amount, error: { key: 'amount.error.none' } } };
      if (!parsed.ok) return { ...state, amount: { ...amount, error: parsed.error } };
      return go(state, { name: 'details' });
    }

    case 'back':
      if (screen.name === 'cause') return reduce(state, { type: 'reset' });
      if (screen.name === 'amount') return hasCauseChoice(state) ? go(state, { name: 'cause' }) : reduce(state, { type: 'reset' });
      if (screen.name === 'details') return go(state, { name: 'amount' });
      return state;

    case 'editDetails': {
      if (screen.name !== 'details') return state;
      const errors = { ...state.details.errors };
      // Editing a field clears its own message; the others stay until the next submit.
      if ('name' in action.patch || 'anonymous' in action.patch) delete errors.name;
      if ('phone' in action.patch) delete errors.phone;
      if ('email' in action.patch) delete errors.email;
      return { ...state, details: { ...state.details, ...action.patch, errors } };
    }

    case 'submitDetails': {
      if (screen.name !== 'details') return state;
      const amountRupees = chosenAmount(state);
      if (amountRupees === null || !state.kiosk) return go(state, { name: 'amount' });
      const cause = currentCause(state);
      const coverFee = state.amount.coverFee && offeredFee(state.kiosk, amountRupees) > 0;
      const checked = checkDetails(state.details);
      if (!checked.ok) return { ...state, details: { ...state.details, errors: checked.errors } };
      return {
        ...state,
        details: { ...state.details, errors: {} },
        screen: { name: 'opening' },
        donation: {
          request: { amountRupees, donor: checked.donor, ...(cause ? { causeId: cause.id } : {}), ...(coverFee ? { coverFee: true } : {}) },
          session: null,
          open: false,
          failure: null,
          payment: null,
        },
      };
    }

    case 'sessionStarted':
      if (!state.donation) return state;
      return { ...state, donation: { ...state.donation, session: action.session, open: true, failure: null, payment: null } };

    case 'checkoutShown':
      if (state.donation?.session?.donationId !== action.donationId) return state;
      return { ...state, screen: { name: 'checkout' }, donation: { ...state.donation, open: true, failure: null } };

    case 'paymentFailed':
      if (state.donation?.session?.donationId !== action.donationId) return state;
      return { ...state, donation: { ...state.donation, failure: action.failure } };

    case 'verifying':
      if (state.donation?.session?.donationId !== action.payment.donationId) return state;
      // From here the payment is main's to settle: never cancelled by the renderer.
      return { ...state, screen: { name: 'verifying' }, donation: { ...state.donation, payment: action.payment, open: false } };

    case 'paid':
      if (!state.donation) return state;
      return { ...state, screen: { name: 'thank-you', receipt: action.receipt }, donation: { ...state.donation, open: false } };

    case 'failed': {
      let donation = state.donation;
      if (donation) {
        donation = { ...donation };
        if (action.donationOpen !== undefined) donation.open = action.donationOpen;
        if (action.dropSession) donation.session = null;
      }
      return { ...state, donation, screen: { name: 'failure', failure: action.failure } };
    }

    case 'retrying':
      if (screen.name !== 'failure') return state;
      return go(state, { name: action.to });

    case 'reset':
      if (!state.kiosk || screen.name === 'out-of-service') return state;
      return fresh(state, state.kiosk, { name: 'welcome' });
  }
}
