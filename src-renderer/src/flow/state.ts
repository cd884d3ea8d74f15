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
import { checkDetails, parseOtherAmount, wantsTaxReceipt, type DetailsErrors, type DetailsInput, type FieldError } from './validation.ts';
import { EMPTY_TAX_DRAFT } from '../screens/tax-receipt-draft.ts';
import { amountDigits, processingFeeRupees } from '../../../src-shared/amounts.ts';

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
  /** Amounts (one cause) or causes (two or more) to tap, with the language and contrast choices. */
  | { name: 'welcome' }
  /** The gift: amount, fee, and "Pay" (the fastest path's second tap). */
  | { name: 'amount' }
  /** Optional: name, phone, email, and the 80G opt-in. */
  | { name: 'details' }
  /** The 80G receipt's own step: name as on the PAN, PAN or Aadhaar, address. */
  | { name: 'tax' }
  | { name: 'opening' }
  | { name: 'checkout' }
  | { name: 'verifying' }
  | { name: 'thank-you'; receipt: DonationReceipt }
  | { name: 'failure'; failure: FailureInfo };

export type ScreenName = Screen['name'];

export interface AmountForm {
  /** The chosen preset, or null when "Other amount" is in use. */
  preset: number | null;
  /** The typed "Other amount": ASCII digits only (the field shows them with Indian grouping). */
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
  /** "Are you still there?" over a payment window with no payment under way: seconds left, or null when not shown (./checkout-watch.ts). */
  checkoutPrompt: number | null;
}

export const DEFAULT_PRESETS = [100, 500, 1000];

/** What the donor tapped on the welcome screen: an amount, "Other amount", or (with two or more causes) a cause. */
export type WelcomeChoice = { amount: number } | { other: true } | { causeId: string };

const emptyAmount: AmountForm = { preset: null, other: '', error: null, coverFee: false };
const emptyDetails: DetailsForm = { name: '', phone: '', email: '', taxReceipt: EMPTY_TAX_DRAFT, errors: {} };

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
  checkoutPrompt: null,
};

export type Action =
  | { type: 'boot' }
  | { type: 'booted'; kiosk: KioskState }
  | { type: 'bootFailed' }
  | { type: 'setupFailed' }
  | { type: 'outOfService'; operatorMessage: string }
  | { type: 'status'; status: KioskStatus }
  | { type: 'attract'; info: AttractInfo }
  | { type: 'begin'; choice: WelcomeChoice }
  | { type: 'chooseLanguage'; language: string }
  | { type: 'toggleContrast' }
  | { type: 'coverFee'; on: boolean }
  | { type: 'choosePreset'; amount: number }
  | { type: 'typeOther'; text: string }
  /** "Pay" on the amount screen: straight to payment, or to the details / 80G step when they need the donor. */
  | { type: 'pay' }
  /** "Add your name, email or 80G receipt" on the amount screen. */
  | { type: 'addDetails' }
  | { type: 'back' }
  | { type: 'editDetails'; patch: Partial<DetailsInput> }
  /** "Continue to payment" (or "Continue" to the 80G step) on the details screen. */
  | { type: 'submitDetails' }
  /** Main found the 80G details in order (checkTaxDetails): on to payment. */
  | { type: 'submitTax' }
  | { type: 'sessionStarted'; session: CheckoutSession }
  | { type: 'checkoutShown'; donationId: string }
  | { type: 'paymentFailed'; donationId: string; failure: CheckoutFailure }
  | { type: 'verifying'; payment: ConfirmPaymentRequest }
  | { type: 'paid'; receipt: DonationReceipt }
  | { type: 'failed'; failure: FailureInfo; donationOpen?: boolean; dropSession?: boolean }
  | { type: 'retrying'; to: 'opening' | 'verifying' }
  | { type: 'checkoutPrompt'; secondsLeft: number | null }
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
  const parsed = parseOtherAmount(amount.other, kiosk);
  return parsed.ok ? parsed.amount : null;
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

/** Back to welcome with the operator's defaults: language, contrast, no cause, nothing typed. */
function fresh(state: FlowState, kiosk: KioskState, screen: Screen): FlowState {
  return { ...initialState, kiosk, status: state.status, attract: state.attract, screen, language: kiosk.language, highContrast: false, causeId: null };
}

/** The donor's way into the amount screen from the welcome screen's tap. */
function begin(state: FlowState, choice: WelcomeChoice): FlowState {
  const causes = state.kiosk?.causes ?? [];
  const causeId = 'causeId' in choice ? choice.causeId : (causes[0]?.id ?? null);
  if ('causeId' in choice && !causes.some((c) => c.id === choice.causeId)) return state;
  const preset = 'amount' in choice ? choice.amount : null;
  return { ...state, causeId, amount: { ...emptyAmount, preset }, screen: { name: 'amount' } };
}

/** The amount is valid (else the amount screen says why). */
function checkAmount(state: FlowState): FlowState | null {
  const { amount, kiosk } = state;
  if (!kiosk || amount.preset !== null) return null;
  const parsed = parseOtherAmount(amount.other, kiosk);
  return parsed.ok ? null : { ...state, amount: { ...amount, error: parsed.error }, screen: { name: 'amount' } };
}

/** Details checked: payment opens, or the screen that needs the donor shows with each problem under its field. */
function toPayment(state: FlowState, taxConfirmed: boolean): FlowState {
  const amountRupees = chosenAmount(state);
  if (amountRupees === null || !state.kiosk) return go(state, { name: 'amount' });
  const checked = checkDetails(state.details, state.kiosk.taxReceiptsOffered);
  if (!checked.ok) return { ...state, details: { ...state.details, errors: checked.errors }, screen: { name: 'details' } };
  // The 80G fields are main's to check (checkTaxDetails) on their own step, every time before paying.
  if (checked.donor.taxReceipt && !taxConfirmed) return { ...state, details: { ...state.details, errors: {} }, screen: { name: 'tax' } };
  const cause = currentCause(state);
  const coverFee = state.amount.coverFee && offeredFee(state.kiosk, amountRupees) > 0;
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

function go(state: FlowState, screen: Screen): FlowState {
  return { ...state, screen, checkoutPrompt: null };
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
      return begin(state, action.choice);

    case 'chooseLanguage':
      if (screen.name !== 'welcome') return state;
      return { ...state, language: action.language };

    case 'toggleContrast':
      if (screen.name !== 'welcome') return state;
      return { ...state, highContrast: !state.highContrast };

    case 'coverFee':
      if (screen.name !== 'amount') return state;
      return { ...state, amount: { ...state.amount, coverFee: action.on } };

    case 'choosePreset':
      if (screen.name !== 'amount') return state;
      return { ...state, amount: { ...state.amount, preset: action.amount, other: '', error: null } };

    case 'typeOther':
      if (screen.name !== 'amount') return state;
      return { ...state, amount: { ...state.amount, preset: null, other: amountDigits(action.text), error: null } };

    case 'pay':
      if (screen.name !== 'amount' || !state.kiosk) return state;
      return checkAmount(state) ?? toPayment(state, false);

    case 'addDetails':
      if (screen.name !== 'amount' || !state.kiosk) return state;
      return checkAmount(state) ?? go(state, { name: 'details' });

    case 'back':
      // Back on the first step keeps the donor's language and contrast; only what they chose is cleared.
      if (screen.name === 'amount') return { ...reduce(state, { type: 'reset' }), language: state.language, highContrast: state.highContrast };
      if (screen.name === 'details') return go(state, { name: 'amount' });
      if (screen.name === 'tax') return go(state, { name: 'details' });
      return state;

    case 'editDetails': {
      if (screen.name !== 'details' && screen.name !== 'tax') return state;
      const errors = { ...state.details.errors };
      // Editing a field clears its own message; the others stay until the next submit.
      if ('name' in action.patch || 'taxReceipt' in action.patch) delete errors.name;
      if ('phone' in action.patch) delete errors.phone;
      if ('email' in action.patch) delete errors.email;
      return { ...state, details: { ...state.details, ...action.patch, errors } };
    }

    case 'submitDetails':
      if (screen.name !== 'details') return state;
      return toPayment(state, false);

    case 'submitTax':
      if (screen.name !== 'tax' || !state.kiosk || !wantsTaxReceipt(state.details, state.kiosk.taxReceiptsOffered)) return state;
      return toPayment(state, true);

    case 'sessionStarted':
      if (!state.donation) return state;
      return { ...state, donation: { ...state.donation, session: action.session, open: true, failure: null, payment: null } };

    case 'checkoutShown':
      if (state.donation?.session?.donationId !== action.donationId) return state;
      return { ...state, screen: { name: 'checkout' }, checkoutPrompt: null, donation: { ...state.donation, open: true, failure: null } };

    case 'checkoutPrompt':
      if (screen.name !== 'checkout' || state.checkoutPrompt === action.secondsLeft) return state;
      return { ...state, checkoutPrompt: action.secondsLeft };

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
