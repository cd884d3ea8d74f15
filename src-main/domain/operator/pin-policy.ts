// Which PINs an operator may choose.
//
// The kiosk ships with no PIN at all (kiosk-domain.md §3: "no default or
// hard-coded PINs"; §5: ISSO's hard-coded `admin123` unlock and default
// `Admin123`, ohr-shalom's default 12345 printed in its README). On first
// start the operator picks one, and this policy refuses the PINs a passer-by
// would guess first. GWD's Donation Station does the same: "device PIN may
// not be sequential or repeated digits" (§2).
//
// Choices:
// - 4 to 8 digits. The e2e requirement is that `1111` and `1234` are refused
//   *as trivial*, which only makes sense if other 4-digit PINs are allowed;
//   operators at a temple or a stall type this on a touch pad many times a day.
//   Guessing is slowed by the lockout (pin-lockout.ts), not by length: with 4
//   free tries and then 30 s, 1 min, 2 min, 5 min, 10 min, 15 min, 15 min ...
//   an attacker gets roughly 100 guesses a day, against ~9,800 allowed PINs.
//   More than 8 digits stops being a PIN; the operator should not have to
//   count.
// - ASCII 0-9 only: no spaces, signs or other scripts' digits (Devanagari ४
//   is a digit to Unicode but is not on the pad); nothing is trimmed.
// - 'repeated': one digit over and over (1111, 000000), and any short block
//   repeated to fill the PIN (1212, 123123, 121212, 12341234): these are what
//   "repeated digits" means to someone guessing.
// - 'sequential': every step +1 or every step -1, wrapping 9→0 and 0→9
//   (1234, 0123, 4321, 9876, 7890, 8901, 3210, 123456, 654321).
// - 'common': a short list of PINs that top every published tally of leaked
//   PINs and that the rules above miss: doubled digits (1122, 112233), years
//   people pick (1004 is a famous Korean one, 2000/2001), the keypad
//   column 2580 and its reverse, keypad shapes (147258, 159753, 789456,
//   147852, 258369), and mirrored pairs (1221, 1001). It stays short on
//   purpose: a long list only annoys the operator while the lockout does the
//   real work.
// The check order is fixed so each refused PIN gets one clear reason.

export const MIN_PIN_LENGTH = 4;
export const MAX_PIN_LENGTH = 8;

export type PinRefusal = 'length' | 'not_digits' | 'repeated' | 'sequential' | 'common';
export type PinCheck = { ok: true } | { ok: false; reason: PinRefusal };

/** Common PINs the repeated/sequential rules do not already catch (6969, 1212, 4321 ... are caught there). */
export const COMMON_PINS: ReadonlySet<string> = new Set([
  // 4 digits
  '1004', '2000', '2001', '1122', '1221', '1001', '2580', '0852', '1998', '1999',
  '2468', '1357', '0007', '1230', '0070', '4200', '1969', '0911', '7410', '0147', '1590',
  // 6 digits
  '112233', '159753', '147258', '789456', '147852', '258369', '123321', '654456', '111222', '000111',
  '102030', '121314', '123654',
  // 8 digits
  '11223344', '12344321', '11112222',
]);

export function checkNewPin(pin: string): PinCheck {
  if (!/^[0-9]*$/.test(pin)) return { ok: false, reason: 'not_digits' };
  if (pin.length < MIN_PIN_LENGTH || pin.length > MAX_PIN_LENGTH) return { ok: false, reason: 'length' };
  if (isRepeatedBlock(pin)) return { ok: false, reason: 'repeated' };
  if (isSequential(pin)) return { ok: false, reason: 'sequential' };
  if (COMMON_PINS.has(pin)) return { ok: false, reason: 'common' };
  return { ok: true };
}

/** True if the PIN is some block of 1..length/2 digits repeated end to end (1111, 1212, 123123). */
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
