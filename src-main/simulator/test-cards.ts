// Razorpay's published test cards (razorpay.md §6). The table lives here, not in
// the checkout frame, so Node tests can check it; the frame receives it as JSON.

export interface CardOutcome {
  outcome: 'success' | 'failure';
  /** Failure reason (payment-failures.ts); absent on success. */
  reason?: string;
  network: string;
}

const SUCCESS_CARDS: Record<string, string> = {
  '4100280000001007': 'Visa',
  '5500670000001002': 'MasterCard',
  '6527658900001005': 'RuPay',
  '36082800091007': 'Diners Club',
  '340256000401007': 'American Express',
  // International cards.
  '5555555555554444': 'MasterCard',
  '5105105105105100': 'MasterCard',
  '5104060000000008': 'MasterCard',
  '4012888888881881': 'Visa',
};

/** The last 8 digits after the Visa `4100 2800` / MasterCard `5305 6200` prefixes. */
const FAILURE_SUFFIXES: Record<string, { visa: string[]; mastercard: string[] }> = {
  payment_timed_out: { visa: ['00090000'], mastercard: ['00060000'] },
  insufficient_funds: { visa: ['00080001'], mastercard: ['00050001'] },
  payment_cancelled: { visa: ['00070002'], mastercard: ['00040002'] },
  card_declined: { visa: ['00060003', '00050004', '00040005'], mastercard: ['00030003', '00020004', '00010005'] },
  card_disabled_for_online_payments: { visa: ['00030006'], mastercard: ['00000006'] },
  card_number_invalid: { visa: ['00010008'], mastercard: ['00080008'] },
  gateway_technical_error: { visa: ['00020007'], mastercard: ['00090007'] },
  authentication_failed: { visa: ['00000009'], mastercard: ['00070009'] },
};

const FAILURE_CARDS: Record<string, CardOutcome> = {};
for (const [reason, { visa, mastercard }] of Object.entries(FAILURE_SUFFIXES)) {
  for (const suffix of visa) FAILURE_CARDS[`41002800${suffix}`] = { outcome: 'failure', reason, network: 'Visa' };
  for (const suffix of mastercard) FAILURE_CARDS[`53056200${suffix}`] = { outcome: 'failure', reason, network: 'MasterCard' };
}

export const SUCCESS_CARD_NUMBER = '4100280000001007';

/** Every card number the simulator knows, keyed by digits only. */
export function testCardTable(): Record<string, CardOutcome> {
  const table: Record<string, CardOutcome> = { ...FAILURE_CARDS };
  for (const [number, network] of Object.entries(SUCCESS_CARDS)) table[number] = { outcome: 'success', network };
  return table;
}

function guessNetwork(digits: string): string {
  if (digits.startsWith('4')) return 'Visa';
  if (/^5[1-5]/.test(digits)) return 'MasterCard';
  if (/^3[47]/.test(digits)) return 'American Express';
  if (/^(60|65|81|82)/.test(digits)) return 'RuPay';
  return 'Unknown';
}

/** Anything that is not a listed card fails as `card_number_invalid`, like test mode does. */
export function classifyCard(cardNumber: string): CardOutcome {
  const digits = cardNumber.replace(/[\s-]/g, '');
  return testCardTable()[digits] ?? { outcome: 'failure', reason: 'card_number_invalid', network: guessNetwork(digits) };
}
