// Every donor-facing string of the kiosk, in English.
//
// Flat keys; `{name}` placeholders are filled by t() in ./t.ts. Plurals are
// separate keys (`.one` / `.other`) so an i18n library can replace this file
// and t() without touching the screens.
export const en = {
  'app.title': 'Donation kiosk',

  'banner.demo': 'DEMO — no real money is taken',
  'banner.test': 'TEST MODE',

  'boot.starting': 'Starting…',
  'boot.failed.heading': 'This kiosk could not start',
  'boot.failed.body': 'It could not load its settings. Please try again, or ask a volunteer for help.',
  'boot.retry': 'Try again',
  'setup.heading': 'This kiosk is not set up correctly',
  'setup.body': 'Donations cannot be taken here right now. Please ask a volunteer for help.',
  'outOfService.heading': 'This kiosk is out of service',
  'outOfService.body': 'Sorry, donations cannot be taken at this kiosk right now. Please ask a volunteer for help.',
  'outOfService.operatorLabel': 'For the operator:',
  'outOfService.operatorRetry': 'The kiosk checks again by itself every {seconds} seconds.',

  'welcome.supporting': 'Your gift supports',
  'welcome.donate': 'Tap to donate',
  'welcome.secure': 'Pay securely by UPI, card or net banking. It takes about a minute.',
  'welcome.paused.heading': 'Donations are paused',
  'welcome.paused.offline': "This kiosk can't reach the payment service right now. It will start again by itself, usually within a few minutes.",
  'welcome.paused.other': 'This kiosk cannot take donations right now. Please ask a volunteer for help.',

  'common.continue': 'Continue',
  'common.back': 'Back',

  'amount.heading': 'How much would you like to give?',
  'amount.presets': 'Choose an amount',
  'amount.other.label': 'Other amount (₹)',
  'amount.other.hint': 'Whole rupees, from {min} to {max}.',
  'amount.summary': 'You are giving {amount}',
  'amount.summary.none': 'Choose an amount above, or type your own.',
  'amount.error.none': 'Please choose an amount, or type one in “Other amount”.',
  'amount.error.range': 'Please enter an amount between {min} and {max}',
  'amount.error.whole': 'Please enter whole rupees only, without paise.',
  'amount.error.digits': 'Please use numbers only, for example 250.',

  'details.heading': 'Your details',
  'details.summary': 'Your donation',
  'details.name.label': 'Your name',
  'details.anonymous.label': 'Give anonymously',
  'details.anonymous.hint': 'Your name will not be recorded with this gift.',
  'details.phone.label': 'Mobile number (optional)',
  'details.phone.hint': '10 digits, for example 98765 43210.',
  'details.email.label': 'Email (optional)',
  'details.error.name': 'Please enter your name, or tick “Give anonymously”.',
  'details.error.nameLong': 'Please use a shorter name (at most {max} characters).',
  'details.error.phone': 'Please enter a 10-digit Indian mobile number, for example 98765 43210.',
  'details.error.email': 'Please enter an email address like name@example.com.',
  'details.continue': 'Continue to payment',

  'opening.heading': 'Opening secure payment…',
  'opening.body': 'This takes a few seconds.',

  'checkout.heading': 'Complete your payment in the secure window',
  'checkout.body': 'This screen will update as soon as you have finished.',

  'verifying.heading': 'Confirming your payment…',
  'verifying.body': 'Please wait here. This can take a few seconds.',

  'thanks.heading': 'Thank you!',
  'thanks.body.named': '{name}, your donation to {cause} has been received.',
  'thanks.body.anonymous': 'Your donation to {cause} has been received.',
  'thanks.paymentRef': 'Payment reference',
  'thanks.receiptNumber': 'Receipt number',
  'thanks.done': 'Done',

  'countdown.one': 'Returning to the start in {n} second',
  'countdown.other': 'Returning to the start in {n} seconds',

  'idle.heading': 'Are you still there?',
  'idle.note': 'For your privacy, what you entered here will be cleared.',
  'idle.stay': "I'm still here",
  'idle.startOver': 'Start over',

  'failure.heading.notCompleted': 'Payment not completed',
  'failure.heading.cancelled': 'Payment cancelled',
  'failure.heading.couldNotStart': "We couldn't start your payment",
  'failure.heading.stillConfirming': "We're still confirming your payment",
  'failure.heading.paused': 'Donations are paused',
  'failure.reference': 'Donation reference',
  'failure.retry': 'Try again',
  'failure.home': 'Back to start',
  'failure.note.payment': 'You can try again, for example with a different payment method.',

  'failure.reason.checkoutUnavailable': 'The payment window could not be opened. No money has been taken.',
  'failure.reason.closed': 'The payment window was closed before the payment was made.',
  'failure.reason.timeout': 'The payment window timed out before the payment was finished.',

  // Checkout's payment.failed, by Razorpay `reason` (then `source`).
  'payment.reason.cancelled': 'The payment was cancelled before it was finished.',
  'payment.reason.insufficientFunds': 'Your bank said there is not enough balance for this payment.',
  'payment.reason.cardDeclined': 'Your card was declined by the bank.',
  'payment.reason.timedOut': 'Your bank took too long to answer.',
  'payment.reason.authentication': 'Your bank could not confirm the payment, for example because of a wrong OTP or PIN.',
  'payment.reason.cardNotEnabled': 'This card is not enabled for online payments.',
  'payment.reason.cardInvalid': 'The card details were not valid.',
  'payment.reason.upiInvalid': 'The UPI ID was not valid.',
  'payment.reason.technical': 'The bank or the payment service had a technical problem.',
  'payment.reason.risk': 'The payment was stopped by a security check.',
  'payment.reason.customer': 'The payment was not completed.',
  'payment.reason.bank': 'Your bank could not complete the payment.',
  'payment.reason.default': 'The payment did not go through.',

  // Kiosk errors before any payment was made (startDonation, checkoutOpened).
  'error.start.invalidRequest': 'Some of the details could not be accepted. No money has been taken. Please go back to the start and try again.',
  'error.start.amountOutOfRange': 'This amount cannot be accepted. No money has been taken. Please choose an amount between {min} and {max}.',
  'error.start.unknownDonation': 'This donation could not be found. No money has been taken. Please start again.',
  'error.start.illegalState': 'This donation can no longer continue. No money has been taken. Please start again.',
  'error.start.gatewayUnavailable': 'The payment service cannot be reached right now. No money has been taken.',
  'error.start.gatewayTimeout': 'The payment service is taking too long to answer. No money has been taken.',
  'error.start.gatewayBusy': 'The payment service is busy. No money has been taken. Please wait a moment and try again.',
  'error.start.gatewayRejected': 'The payment service did not accept the request. No money has been taken. Please ask a volunteer for help.',
  'error.start.kioskUnavailable': "This kiosk can't take donations right now, usually because it can't reach the payment service. No money has been taken. It will start again by itself: please try again in a few minutes.",
  'error.start.notSetUp': 'This kiosk is not set up correctly. No money has been taken. Please ask a volunteer for help.',
  'error.start.internal': 'Something went wrong on this kiosk. No money has been taken.',

  // Kiosk errors after Checkout reported a payment (confirmPayment).
  'error.confirm.verificationFailed': 'We could not confirm this payment. If money left your account, please show this screen to a volunteer: it will be checked and refunded if needed.',
  'error.confirm.notCompleted': 'Your bank has not completed this payment. If money left your account, please show this screen to a volunteer: it will be checked and refunded if needed.',
  'error.confirm.slow': 'The payment service is slow to answer, so we could not confirm your payment yet. Please tap “Try again” in a moment. If money left your account, it is safe: a volunteer can check it.',
  'error.confirm.default': 'We could not confirm this payment. If money left your account, please show this screen to a volunteer: it will be checked and refunded if needed.',
} as const;
