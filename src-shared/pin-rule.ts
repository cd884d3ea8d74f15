// The operator PIN rule, written once: the PIN pad checks a new PIN with it as
// soon as it is typed (src-renderer/src/operator/Operator.tsx), and main checks
// it again before keeping it (src-main/domain/operator/operator-access.ts).
// Plain TypeScript with no imports, so it runs in the renderer and in Node.
//
// The kiosk ships with no PIN (kiosk-domain.md §3: no default or hard-coded
// PINs); the operator chooses one, and this rule refuses what a passer-by
// would try first. Choices:
// - At least 6 digits (issue 14): the console holds the payment keys, so a
//   PIN guarded by the lockout alone (pin-lockout.ts: about a hundred guesses
//   a day) must come from a space far larger than those guesses: about 990,000
//   six-digit PINs pass. At most 12, so it stays a PIN the operator can type on
//   a pad without counting.
// - ASCII 0-9 only: no spaces, signs or other scripts' digits (Devanagari ४ is a
//   digit to Unicode but not on the pad); nothing is trimmed.
// - 'repeated': one digit over and over (111111), and any short block repeated
//   to fill the PIN (121212, 123123, 12341234).
// - 'sequential': every step +1 or every step -1, wrapping 9→0 and 0→9 (123456,
//   654321, 890123).
// - 'common': a short list that tops published tallies of leaked PINs and that
//   the rules above miss (doubled digits 112233, keypad shapes 147258, 159753,
//   mirrored 123321). Short on purpose: the lockout does the real work.
// A PIN chosen before this rule (4 or 5 digits) still unlocks: PIN_DIGITS is
// the shape any PIN entry may have; only a new PIN must pass checkNewPin.

export const MIN_PIN_LENGTH = 6;
export const MAX_PIN_LENGTH = 12;
/** A PIN kept from before the 6-digit rule may have 4 or 5 digits. */
export const MIN_EXISTING_PIN_LENGTH = 4;

/** What any PIN entry may look like (unlock, re-ask): digits only, 4 to 12 of them. */
export const PIN_DIGITS = /^[0-9]{4,12}$/;

export type PinRefusal = 'too_short' | 'too_long' | 'not_digits' | 'repeated' | 'sequential' | 'common';
export type PinCheck = { ok: true } | { ok: false; reason: PinRefusal };

/** Common PINs the repeated and sequential rules do not already catch. */
export const COMMON_PINS: ReadonlySet<string> = new Set([
  '112233', '159753', '147258', '789456', '147852', '258369', '123321', '654456', '111222', '000111',
  '102030', '121314', '123654', '852456', '246810', '135790', '159357', '741852', '963852',
  '11223344', '12344321', '11112222', '19283746',
]);

/** Whether a new PIN may be kept; the first rule it breaks, in a fixed order, so each refusal has one reason. */
export function checkNewPin(pin: string): PinCheck {
  if (!/^[0-9]*$/.test(pin)) return { ok: false, reason: 'not_digits' };
  if (pin.length < MIN_PIN_LENGTH) return { ok: false, reason: 'too_short' };
  if (pin.length > MAX_PIN_LENGTH) return { ok: false, reason: 'too_long' };
  if (isRepeatedBlock(pin)) return { ok: false, reason: 'repeated' };
  if (isSequential(pin)) return { ok: false, reason: 'sequential' };
  if (COMMON_PINS.has(pin)) return { ok: false, reason: 'common' };
  return { ok: true };
}

/** True if the PIN is some block of 1..length/2 digits repeated end to end. */
function isRepeatedBlock(pin: string): boolean {
  for (let size = 1; size <= pin.length / 2; size++) {
    if (pin.length % size !== 0) continue;
    if (pin.slice(0, size).repeat(pin.length / size) === pin) return true;
  }
  return false;
}

/** True if every step is +1 (mod 10) or every step is -1 (mod 10). */
function isSequential(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((d, i) => (d - (digits[i] as number) + 10) % 10);
  return steps.every((s) => s === 1) || steps.every((s) => s === 9);
}
