// What a failed payment says about itself: the `error_*` fields of the payment
// entity and the `error` object Checkout hands to `payment.failed` (razorpay.md §2, §5.3, §6).
// Reasons follow Razorpay's error-reason list; the descriptions are donor-facing.

export interface FailureDetails {
  code: 'BAD_REQUEST_ERROR' | 'GATEWAY_ERROR';
  description: string;
  source: string;
  step: string;
  reason: string;
}

const FAILURES: Record<string, Omit<FailureDetails, 'reason'>> = {
  // The sample failure of `failure@razorpay` (§2).
  payment_failed: {
    code: 'BAD_REQUEST_ERROR',
    description:
      'Payment was unsuccessful due to a temporary issue. If amount got deducted, it will be refunded within 5-7 working days.',
    source: 'gateway',
    step: 'payment_response',
  },
  payment_cancelled: {
    code: 'BAD_REQUEST_ERROR',
    description: 'Payment processing cancelled by user',
    source: 'customer',
    step: 'payment_authentication',
  },
  payment_timed_out: {
    code: 'BAD_REQUEST_ERROR',
    description: 'Payment was not completed on time.',
    source: 'customer',
    step: 'payment_authentication',
  },
  insufficient_funds: {
    code: 'BAD_REQUEST_ERROR',
    description: 'Your payment could not be completed due to insufficient account balance. Try another card or payment method.',
    source: 'customer',
    step: 'payment_authorization',
  },
  card_declined: {
    code: 'BAD_REQUEST_ERROR',
    description: 'Your payment was declined by your bank. Try another card or payment method.',
    source: 'bank',
    step: 'payment_authorization',
  },
  card_disabled_for_online_payments: {
    code: 'BAD_REQUEST_ERROR',
    description: 'Your card is not enabled for online payments. Try another card or contact your bank.',
    source: 'customer',
    step: 'payment_authorization',
  },
  card_number_invalid: {
    code: 'BAD_REQUEST_ERROR',
    description: 'The card number is invalid. Check the number or try another card.',
    source: 'customer',
    step: 'payment_initiation',
  },
  gateway_technical_error: {
    code: 'GATEWAY_ERROR',
    description: 'Your payment could not be completed due to a technical error at the bank. Try again after some time.',
    source: 'gateway',
    step: 'payment_authorization',
  },
  authentication_failed: {
    code: 'GATEWAY_ERROR',
    description: 'Your payment could not be completed because authentication with your bank failed. Try again.',
    source: 'customer',
    step: 'payment_authentication',
  },
  invalid_otp: {
    code: 'BAD_REQUEST_ERROR',
    description: 'Authentication failed due to incorrect otp',
    source: 'customer',
    step: 'payment_authentication',
  },
};

export const KNOWN_FAILURE_REASONS: readonly string[] = Object.keys(FAILURES);

/** Unknown reasons keep their name but borrow the generic description. */
export function failureDetails(reason = 'payment_failed'): FailureDetails {
  const known = FAILURES[reason] ?? FAILURES.payment_failed;
  if (!known) throw new Error('payment_failed must be defined');
  return { ...known, reason };
}
