// Which PINs an operator may choose: 4-8 ASCII digits, not repeated, not
// sequential (wrapping), not on the short common list.
import { describe, expect, it } from 'vitest';
import { checkNewPin, COMMON_PINS } from '../../src-main/domain/operator/pin-policy.ts';

describe('checkNewPin', () => {
  it('refuses the PINs the e2e names: 1111 and 1234', () => {
    expect(checkNewPin('1111')).toEqual({ ok: false, reason: 'repeated' });
    expect(checkNewPin('1234')).toEqual({ ok: false, reason: 'sequential' });
  });

  it.each(['0000', '1111', '9999', '000000', '555555', '77777777', '1212', '121212', '123123', '12341234', '909090', '4545'])(
    'refuses repeated digits or blocks: %s',
    (pin) => expect(checkNewPin(pin)).toEqual({ ok: false, reason: 'repeated' }),
  );

  it.each(['1234', '0123', '4321', '9876', '3210', '123456', '654321', '12345678', '87654321', '7890', '8901', '9012', '1098', '0987', '890123', '21098765'])(
    'refuses ascending or descending runs, wrapping too: %s',
    (pin) => expect(checkNewPin(pin)).toEqual({ ok: false, reason: 'sequential' }),
  );

  it.each(['1004', '2000', '1122', '2580', '112233', '159753', '147258', '789456', '11223344'])(
    'refuses very common PINs: %s',
    (pin) => expect(checkNewPin(pin)).toEqual({ ok: false, reason: 'common' }),
  );

  it('has no dead entries in the common list: each is a valid-length digit string the other rules miss', () => {
    expect(COMMON_PINS.size).toBeGreaterThan(10);
    for (const pin of COMMON_PINS) expect(checkNewPin(pin), pin).toEqual({ ok: false, reason: 'common' });
  });

  it('refuses 6969 as a repeated block', () => expect(checkNewPin('6969')).toEqual({ ok: false, reason: 'repeated' }));

  it.each(['', '1', '123', '975', '123456789', '582039164'])('refuses fewer than 4 or more than 8 digits: "%s"', (pin) =>
    expect(checkNewPin(pin)).toEqual({ ok: false, reason: 'length' }),
  );

  it.each(['12a4', ' 5829', '5829 ', '58-29', '+5829', '٥٨٢٩', '५८२९', '５８２９', '58.29'])('refuses anything but ASCII digits: "%s"', (pin) =>
    expect(checkNewPin(pin)).toEqual({ ok: false, reason: 'not_digits' }),
  );

  it.each(['5829', '0596', '2749', '482915', '7093', '93017', '3850271', '60418273', '1235', '1243', '9875', '1211'])(
    'accepts an unremarkable PIN: %s',
    (pin) => expect(checkNewPin(pin)).toEqual({ ok: true }),
  );
});
