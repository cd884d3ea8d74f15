// Turns kiosk errors and Checkout reports into the failure screen's plain text.
// Raw gateway strings are never shown: every reason is a catalogue sentence.
import type { CheckoutFailure, KioskError, KioskErrorCode, KioskState } from '../../../src-main/contract/kiosk-api.ts';
import { formatRupees, type MessageKey } from '../i18n/t.ts';
import type { FailureInfo } from './state.ts';

/** Errors before any payment exists (startDonation, checkoutOpened). */
const START_REASON = {
  invalid_request: 'error.start.invalidRequest',
  amount_out_of_range: 'error.start.amountOutOfRange',
  unknown_donation: 'error.start.unknownDonation',
  illegal_state: 'error.start.illegalState',
  gateway_unavailable: 'error.start.gatewayUnavailable',
  gateway_timeout: 'error.start.gatewayTimeout',
  gateway_busy: 'error.start.gatewayBusy',
  gateway_rejected: 'error.start.gatewayRejected',
  verification_failed: 'error.start.internal',
  payment_not_completed: 'error.start.internal',
  payment_confirming: 'error.start.internal',
  kiosk_unavailable: 'error.start.kioskUnavailable',
  forbidden_sender: 'error.start.notSetUp',
  // Operator-only codes: never the answer to a donor's call; shown as a kiosk fault if they were.
  operator_required: 'error.start.internal',
  weak_pin: 'error.start.internal',
  wrong_pin: 'error.start.internal',
  pin_locked: 'error.start.internal',
  pin_already_set: 'error.start.internal',
  pin_required: 'error.start.internal',
  operator_access_lost: 'error.start.internal',
  not_supported: 'error.start.internal',
  internal_error: 'error.start.internal',
} as const satisfies Record<KioskErrorCode, MessageKey>;

/** Errors from confirmPayment, after Checkout reported a successful authorisation. */
const CONFIRM_REASON = {
  invalid_request: 'error.confirm.default',
  amount_out_of_range: 'error.confirm.default',
  unknown_donation: 'error.confirm.default',
  illegal_state: 'error.confirm.default',
  gateway_unavailable: 'error.confirm.slow',
  gateway_timeout: 'error.confirm.slow',
  gateway_busy: 'error.confirm.slow',
  gateway_rejected: 'error.confirm.default',
  verification_failed: 'error.confirm.verificationFailed',
  payment_not_completed: 'error.confirm.notCompleted',
  // Never shown through here: the flow follows a payment being confirmed (beingConfirmed below).
  payment_confirming: 'error.confirm.slow',
  kiosk_unavailable: 'error.confirm.slow',
  forbidden_sender: 'error.confirm.default',
  operator_required: 'error.confirm.default',
  weak_pin: 'error.confirm.default',
  wrong_pin: 'error.confirm.default',
  pin_locked: 'error.confirm.default',
  pin_already_set: 'error.confirm.default',
  pin_required: 'error.confirm.default',
  operator_access_lost: 'error.confirm.default',
  not_supported: 'error.confirm.default',
  internal_error: 'error.confirm.default',
} as const satisfies Record<KioskErrorCode, MessageKey>;

function code(error: KioskError): KioskErrorCode {
  return Object.hasOwn(START_REASON, error.code) ? error.code : 'internal_error';
}

/** startDonation failed: nothing to reopen, so Try again starts again with the same details. */
export function startFailure(error: KioskError, kiosk: KioskState | null): FailureInfo {
  const c = code(error);
  return {
    heading: c === 'kiosk_unavailable' ? 'failure.heading.paused' : 'failure.heading.couldNotStart',
    reason: START_REASON[c],
    reasonParams: kiosk
      ? { min: formatRupees(kiosk.minAmountRupees), max: formatRupees(kiosk.maxAmountRupees) }
      : { min: '', max: '' },
    // Nothing to retry into while the kiosk is paused: Back to start shows why on the welcome screen.
    retry: c === 'kiosk_unavailable' ? null : 'start',
  };
}

/** checkoutOpened failed for an existing session. */
export function openFailure(error: KioskError, donationId: string): FailureInfo {
  return {
    heading: 'failure.heading.couldNotStart',
    reason: START_REASON[code(error)],
    donationId,
    retry: 'reopen',
  };
}

/** checkout.js did not load in time, or Razorpay() / open() threw. */
export function checkoutUnavailable(donationId: string): FailureInfo {
  return {
    heading: 'failure.heading.couldNotStart',
    reason: 'failure.reason.checkoutUnavailable',
    donationId,
    retry: 'reopen',
  };
}

export function donorClosed(donationId: string): FailureInfo {
  return { heading: 'failure.heading.cancelled', reason: 'failure.reason.closed', donationId, retry: 'reopen' };
}

export function checkoutTimedOut(donationId: string): FailureInfo {
  return { heading: 'failure.heading.notCompleted', reason: 'failure.reason.timeout', donationId, retry: 'reopen' };
}

/**
 * Checkout ended without a result the kiosk can trust: it closed with an error
 * (fault.close, after its "Oops! Something went wrong." alert) or stopped
 * answering until the kiosk's guard closed it. A payment may have gone through
 * all the same (reconciliation settles it), so the donor is told it is not lost,
 * and gets time to fetch a volunteer. Try again asks main to reopen the same
 * order: main first asks Razorpay, and a payment it already holds is followed
 * instead (Razorpay itself refuses a second payment on that order).
 */
export function checkoutLost(donationId: string, why: 'fault' | 'stuck'): FailureInfo {
  return {
    heading: 'failure.heading.notCompleted',
    reason: why === 'fault' ? 'failure.reason.checkoutFault' : 'failure.reason.checkoutStuck',
    note: 'failure.note.mayHavePaid',
    donationId,
    retry: 'reopen',
    showVolunteer: true,
  };
}

const PAYMENT_REASON: Readonly<Record<string, MessageKey>> = {
  payment_cancelled: 'payment.reason.cancelled',
  payment_canceled: 'payment.reason.cancelled',
  insufficient_funds: 'payment.reason.insufficientFunds',
  insufficient_fund: 'payment.reason.insufficientFunds',
  insufficient_balance: 'payment.reason.insufficientFunds',
  card_declined: 'payment.reason.cardDeclined',
  payment_declined: 'payment.reason.cardDeclined',
  payment_timed_out: 'payment.reason.timedOut',
  bank_timeout: 'payment.reason.timedOut',
  authentication_failed: 'payment.reason.authentication',
  invalid_otp: 'payment.reason.authentication',
  incorrect_otp: 'payment.reason.authentication',
  incorrect_pin: 'payment.reason.authentication',
  invalid_pin: 'payment.reason.authentication',
  card_disabled_for_online_payments: 'payment.reason.cardNotEnabled',
  card_not_enabled_for_online_payments: 'payment.reason.cardNotEnabled',
  card_number_invalid: 'payment.reason.cardInvalid',
  invalid_card_number: 'payment.reason.cardInvalid',
  card_expired: 'payment.reason.cardInvalid',
  invalid_vpa: 'payment.reason.upiInvalid',
  gateway_technical_error: 'payment.reason.technical',
  bank_technical_error: 'payment.reason.technical',
  server_error: 'payment.reason.technical',
  payment_risk_check_failed: 'payment.reason.risk',
};

const PAYMENT_SOURCE: Readonly<Record<string, MessageKey>> = {
  customer: 'payment.reason.customer',
  bank: 'payment.reason.bank',
  issuer: 'payment.reason.bank',
  gateway: 'payment.reason.technical',
  internal: 'payment.reason.technical',
};

export function paymentReason(failure: CheckoutFailure | null): MessageKey {
  const reason = failure?.reason?.toLowerCase();
  if (reason && Object.hasOwn(PAYMENT_REASON, reason)) return PAYMENT_REASON[reason] ?? 'payment.reason.default';
  if (failure?.code === 'GATEWAY_ERROR' || failure?.code === 'SERVER_ERROR') return 'payment.reason.technical';
  const source = failure?.source?.toLowerCase();
  if (source && Object.hasOwn(PAYMENT_SOURCE, source)) return PAYMENT_SOURCE[source] ?? 'payment.reason.default';
  return 'payment.reason.default';
}

/** Checkout closed after payment.failed (or with {error}). The order is still open: Try again reopens it. */
export function paymentFailed(failure: CheckoutFailure | null, donationId: string): FailureInfo {
  return {
    heading: 'failure.heading.notCompleted',
    reason: paymentReason(failure),
    note: 'failure.note.payment',
    donationId,
    retry: 'reopen',
  };
}

/**
 * Razorpay has the payment and the kiosk is still capturing it: the truth, the
 * reference, and no way to pay again. The flow keeps asking main, and shows
 * Thank you once it is captured.
 */
export function beingConfirmed(donationId: string): FailureInfo {
  return { heading: 'failure.heading.beingConfirmed', reason: 'failure.reason.beingConfirmed', donationId, retry: null, showVolunteer: true };
}

/** Main will not reopen this donation and no payment of it is being confirmed: never a new donation on the kiosk's own initiative. */
export function cannotContinue(donationId: string): FailureInfo {
  return { heading: 'failure.heading.notCompleted', reason: 'failure.reason.cannotContinue', donationId, retry: null, showVolunteer: true };
}

/** confirmPayment failed. */
export function confirmFailure(error: KioskError, donationId: string): FailureInfo {
  const c = code(error);
  let retry: FailureInfo['retry'];
  if (c === 'verification_failed') retry = null; // never invite a second payment after a mismatch
  else if (c === 'payment_not_completed') retry = 'reopen'; // same order: it cannot be paid twice
  else retry = error.retryable ? 'confirm' : null;
  // The donor may have paid: give them time to find a volunteer with this screen.
  const reason = CONFIRM_REASON[c];
  // Slow or unreachable gateway: the payment may well be fine, so do not say "not completed".
  const heading = reason === 'error.confirm.slow' ? 'failure.heading.stillConfirming' : 'failure.heading.notCompleted';
  return { heading, reason, donationId, retry, showVolunteer: true };
}
