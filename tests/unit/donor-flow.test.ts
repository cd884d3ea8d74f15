// The donor flow (src-renderer/src/flow/state.ts): three taps to pay, details
// optional and checked with main's rules, 80G its own step; the donor's
// language and contrast last one donation; the request carries cause and fee.
import { describe, expect, it } from 'vitest';
import type { KioskState } from '../../src-main/contract/kiosk-api.ts';
import { initialState, reduce, totalToPay, type Action, type FlowState } from '../../src-renderer/src/flow/state.ts';

const kiosk: KioskState = {
  mode: 'test',
  kioskId: 'K1',
  organisationName: 'Asha Education Trust',
  causeName: 'Education',
  currency: 'INR',
  presetAmountsRupees: [100, 500],
  minAmountRupees: 10,
  maxAmountRupees: 1000,
  checkout: { scriptUrl: 'http://127.0.0.1/checkout.js', loadTimeoutMs: 1000 },
  donorCallTimeoutMs: 40_000,
  resultScreenSeconds: 20,
  idleResetSeconds: 60,
  idlePromptSeconds: 15,
  language: 'hi',
  causes: [
    { id: 'meals', name: { en: 'Meals' }, description: { en: '' }, presetAmountsRupees: [100] },
    { id: 'books', name: { en: 'Books' }, description: { en: '' }, presetAmountsRupees: [300, 600] },
  ],
  feeCoverPercent: 2,
  attractMessage: { en: '' },
  goalRupees: 0,
  showDonorWall: false,
  branding: { primaryColor: '#9a3412', accentColor: '#0f766e' },
  taxReceiptsOffered: false,
  acceptsForeignContributions: false,
  emailReceipts: false,
};

const run = (actions: Action[], from: FlowState = initialState): FlowState => actions.reduce(reduce, from);

describe('donor choices last one donation', () => {
  it('starts in the operator language, and every way back to welcome restores it and normal contrast', () => {
    const booted = run([{ type: 'booted', kiosk }]);
    expect(booted).toMatchObject({ language: 'hi', highContrast: false, screen: { name: 'welcome' } });

    const chosen = run([{ type: 'chooseLanguage', language: 'en' }, { type: 'toggleContrast' }, { type: 'begin', choice: { causeId: 'books' } }], booted);
    expect(chosen).toMatchObject({ language: 'en', highContrast: true, causeId: 'books', screen: { name: 'amount' } });

    // Back to start (idle reset, Done, Back to start all dispatch reset).
    expect(reduce(chosen, { type: 'reset' })).toMatchObject({ language: 'hi', highContrast: false, causeId: null, screen: { name: 'welcome' } });
  });

  it('Back on the first step keeps the language and contrast, and clears the choice', () => {
    const chosen = run([{ type: 'booted', kiosk }, { type: 'chooseLanguage', language: 'en' }, { type: 'toggleContrast' }, { type: 'begin', choice: { causeId: 'books' } }, { type: 'choosePreset', amount: 600 }]);
    expect(reduce(chosen, { type: 'back' })).toMatchObject({ language: 'en', highContrast: true, causeId: null, amount: { preset: null }, screen: { name: 'welcome' } });
  });

  it('the language and contrast can only be changed on the welcome screen', () => {
    const onAmount = run([{ type: 'booted', kiosk }, { type: 'begin', choice: { causeId: 'meals' } }]);
    expect(reduce(onAmount, { type: 'chooseLanguage', language: 'en' })).toBe(onAmount);
    expect(reduce(onAmount, { type: 'toggleContrast' })).toBe(onAmount);
  });
});

describe('three taps to pay', () => {
  const single: KioskState = { ...kiosk, causes: [{ id: 'main', name: { en: 'Education' }, description: { en: '' }, presetAmountsRupees: [100, 500] }] };

  it('one cause: an amount on the welcome screen and Pay reach the payment window, anonymously', () => {
    const paying = run([{ type: 'booted', kiosk: single }, { type: 'begin', choice: { amount: 500 } }, { type: 'pay' }]);
    expect(paying.screen.name).toBe('opening');
    expect(paying.donation?.request).toEqual({ amountRupees: 500, donor: { anonymous: true }, causeId: 'main' });
  });

  it('two causes: the cause, an amount and Pay', () => {
    const paying = run([{ type: 'booted', kiosk }, { type: 'begin', choice: { causeId: 'books' } }, { type: 'choosePreset', amount: 300 }, { type: 'pay' }]);
    expect(paying.screen.name).toBe('opening');
    expect(paying.donation?.request).toMatchObject({ amountRupees: 300, causeId: 'books' });
  });

  it('"Other amount" then Pay with nothing typed stays, with the reason under the field', () => {
    const state = run([{ type: 'booted', kiosk: single }, { type: 'begin', choice: { other: true } }, { type: 'pay' }]);
    expect(state.screen.name).toBe('amount');
    expect(state.amount.error?.key).toBe('amount.error.none');
  });

  it('details typed and then Pay from the amount screen go with the gift; bad ones send the donor back to them', () => {
    const base: Action[] = [{ type: 'booted', kiosk: single }, { type: 'begin', choice: { amount: 100 } }, { type: 'addDetails' }];
    const good = run([...base, { type: 'editDetails', patch: { name: ' Asha  Rao ', phone: '+91 98765 43210' } }, { type: 'back' }, { type: 'pay' }]);
    expect(good.donation?.request.donor).toEqual({ anonymous: false, name: 'Asha Rao', phone: '9876543210' });
    const bad = run([...base, { type: 'editDetails', patch: { email: 'asha@exa_mple.com' } }, { type: 'back' }, { type: 'pay' }]);
    expect(bad.screen.name).toBe('details');
    expect(bad.details.errors.email?.key).toBe('details.error.email');
    expect(bad.donation).toBeNull();
  });

  it('an 80G receipt is its own step, needs a name, and pays only after main found its fields in order', () => {
    const offered: KioskState = { ...single, taxReceiptsOffered: true };
    const draft = { wanted: true, nameOnPan: 'Asha Rao', idType: 'pan' as const, idNumber: 'ABCPE1234F', address: '12 MG Road, Pune 411001' };
    const noName = run([{ type: 'booted', kiosk: offered }, { type: 'begin', choice: { amount: 100 } }, { type: 'addDetails' }, { type: 'editDetails', patch: { taxReceipt: draft } }, { type: 'submitDetails' }]);
    expect(noName.screen.name).toBe('details');
    expect(noName.details.errors.name?.key).toBe('details.error.name');
    const onTax = reduce(reduce(noName, { type: 'editDetails', patch: { name: 'Asha Rao' } }), { type: 'submitDetails' });
    expect(onTax.screen.name).toBe('tax');
    const paying = reduce(onTax, { type: 'submitTax' });
    expect(paying.screen.name).toBe('opening');
    expect(paying.donation?.request.donor).toEqual({ anonymous: false, name: 'Asha Rao', taxReceipt: { nameOnPan: 'Asha Rao', idType: 'pan', idNumber: 'ABCPE1234F', address: '12 MG Road, Pune 411001' } });
  });
});

describe('cause and fee in the request', () => {
  const onAmount = (actions: Action[]): FlowState => run([{ type: 'booted', kiosk }, { type: 'begin', choice: { causeId: 'books' } }, ...actions]);

  it('carries the chosen cause, and the fee only when the donor ticked it', () => {
    const without = reduce(onAmount([{ type: 'choosePreset', amount: 600 }]), { type: 'pay' });
    expect(without.donation?.request).toEqual({ amountRupees: 600, donor: { anonymous: true }, causeId: 'books' });

    const withFee = onAmount([{ type: 'choosePreset', amount: 600 }, { type: 'coverFee', on: true }]);
    expect(totalToPay(withFee)).toEqual({ gift: 600, fee: 12, total: 612 });
    expect(reduce(withFee, { type: 'pay' }).donation?.request).toEqual({ amountRupees: 600, donor: { anonymous: true }, causeId: 'books', coverFee: true });
  });

  it('offers no fee when gift and fee would pass the maximum', () => {
    const atMax = onAmount([{ type: 'typeOther', text: '1000' }, { type: 'coverFee', on: true }]);
    expect(totalToPay(atMax)).toEqual({ gift: 1000, fee: 0, total: 1000 });
    expect(reduce(atMax, { type: 'pay' }).donation?.request).not.toHaveProperty('coverFee');
  });

  it('reads Devanagari digits and grouping in the typed amount, and keeps only the digits', () => {
    const typed = onAmount([{ type: 'typeOther', text: '₹ ९,५०' }]);
    expect(typed.amount.other).toBe('950');
    expect(totalToPay(typed)?.gift).toBe(950);
  });

  it('an unknown cause is ignored', () => {
    const welcome = run([{ type: 'booted', kiosk }]);
    expect(reduce(welcome, { type: 'begin', choice: { causeId: 'nope' } })).toBe(welcome);
  });
});
