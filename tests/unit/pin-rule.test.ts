// The PIN rule (src-shared/pin-rule.ts), the one both the PIN pad and main
// apply: at least 6 ASCII digits (at most 12), not repeated, not sequential
// (wrapping), not on the short common list.
import { describe, expect, it } from 'vitest';
import { checkNewPin, COMMON_PINS, MIN_PIN_LENGTH, PIN_DIGITS } from '../../src-shared/pin-rule.ts';

describe('checkNewPin', () => {
  it('asks for at least 6 digits: a 4- or 5-digit PIN is refused as too short, whatever its digits', () => {
    expect(MIN_PIN_LENGTH).toBe(6);
    for (const pin of ['5829', '93017', '4826']) expect(checkNewPin(pin)).toEqual({ ok: false, reason: 'too_short' });
  });

  it.each(['000000', '111111', '555555', '77777777', '121212', '123123', '12341234', '909090', '696969696969'])(
    'refuses repeated digits or blocks: %s',
    (pin) => expect(checkNewPin(pin)).toEqual({ ok: false, reason: 'repeated' }),
  );

  it.each(['123456', '654321', '012345', '12345678', '87654321', '890123', '21098765', '789012345678'])(
    'refuses ascending or descending runs, wrapping too: %s',
    (pin) => expect(checkNewPin(pin)).toEqual({ ok: false, reason: 'sequential' }),
  );

  it.each(['112233', '159753', '147258', '789456', '11223344', '123321'])('refuses very common PINs: %s', (pin) =>
    expect(checkNewPin(pin)).toEqual({ ok: false, reason: 'common' }),
  );

  it('has no dead entries in the common list: each is a valid-length digit string the other rules miss', () => {
    expect(COMMON_PINS.size).toBeGreaterThan(10);
    for (const pin of COMMON_PINS) expect(checkNewPin(pin), pin).toEqual({ ok: false, reason: 'common' });
  });

  it.each(['', '1', '123', '97531'])('refuses fewer than 6 digits: "%s"', (pin) => expect(checkNewPin(pin)).toEqual({ ok: false, reason: 'too_short' }));

  it('refuses more than 12 digits', () => expect(checkNewPin('5820391640172')).toEqual({ ok: false, reason: 'too_long' }));

  it.each(['12a456', ' 582913', '582913 ', '58-2913', '+582913', '٥٨٢٩١٣', '५८२९१३', '５８２９１３', '58.2913'])('refuses anything but ASCII digits: "%s"', (pin) =>
    expect(checkNewPin(pin)).toEqual({ ok: false, reason: 'not_digits' }),
  );

  it.each(['482915', '582039', '3850271', '60418273', '123457', '124356', '987541', '121132', '582039164017'])('accepts an unremarkable PIN: %s', (pin) =>
    expect(checkNewPin(pin)).toEqual({ ok: true }),
  );
});

describe('PIN_DIGITS (what any PIN entry may look like)', () => {
  it('lets a PIN chosen before the 6-digit rule (4 or 5 digits) be typed to unlock, and nothing that is not 4-12 ASCII digits', () => {
    for (const pin of ['4826', '93017', '482613', '582039164017']) expect(PIN_DIGITS.test(pin), pin).toBe(true);
    for (const pin of ['', '123', '5820391640172', '48 26', '٤٨٢٦']) expect(PIN_DIGITS.test(pin), pin).toBe(false);
  });
});
