// The donor's choices on the welcome screen (language, high contrast, cause)
// last for one donation: every way back to the start restores the operator's
// defaults. And the request main receives carries the cause and the fee choice.
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
};

const run = (actions: Action[], from: FlowState = initialState): FlowState => actions.reduce(reduce, from);

describe('donor choices last one donation', () => {
  it('starts in the operator language, and every way back to welcome restores it and normal contrast', () => {
    const booted = run([{ type: 'booted', kiosk }]);
    expect(booted).toMatchObject({ language: 'hi', highContrast: false, screen: { name: 'welcome' } });

    const chosen = run([{ type: 'chooseLanguage', language: 'en' }, { type: 'toggleContrast' }, { type: 'begin' }], booted);
    expect(chosen).toMatchObject({ language: 'en', highContrast: true, screen: { name: 'cause' } });

    // Back to start (idle reset, Done, Back to start all dispatch reset).
    expect(reduce(chosen, { type: 'reset' })).toMatchObject({ language: 'hi', highContrast: false, causeId: null, screen: { name: 'welcome' } });
    // Back from the cause screen.
    expect(reduce(chosen, { type: 'back' })).toMatchObject({ language: 'hi', highContrast: false, screen: { name: 'welcome' } });
  });

  it('the language and contrast can only be changed on the welcome screen', () => {
    const onCause = run([{ type: 'booted', kiosk }, { type: 'begin' }]);
    expect(reduce(onCause, { type: 'chooseLanguage', language: 'en' })).toBe(onCause);
    expect(reduce(onCause, { type: 'toggleContrast' })).toBe(onCause);
  });
});

describe('cause and fee in the request', () => {
  const toDetails = (actions: Action[]): FlowState =>
    run([{ type: 'booted', kiosk }, { type: 'begin' }, { type: 'chooseCause', causeId: 'books' }, ...actions, { type: 'submitAmount' }, { type: 'editDetails', patch: { anonymous: true } }]);

  it('carries the chosen cause, and the fee only when the donor ticked it', () => {
    const without = reduce(toDetails([{ type: 'choosePreset', amount: 600 }]), { type: 'submitDetails' });
    expect(without.donation?.request).toEqual({ amountRupees: 600, donor: { anonymous: true }, causeId: 'books' });

    const withFee = toDetails([{ type: 'choosePreset', amount: 600 }, { type: 'coverFee', on: true }]);
    expect(totalToPay(withFee)).toEqual({ gift: 600, fee: 12, total: 612 });
    expect(reduce(withFee, { type: 'submitDetails' }).donation?.request).toEqual({ amountRupees: 600, donor: { anonymous: true }, causeId: 'books', coverFee: true });
  });

  it('offers no fee when gift and fee would pass the maximum', () => {
    const atMax = toDetails([{ type: 'typeOther', text: '1000' }, { type: 'coverFee', on: true }]);
    expect(totalToPay(atMax)).toEqual({ gift: 1000, fee: 0, total: 1000 });
    expect(reduce(atMax, { type: 'submitDetails' }).donation?.request).not.toHaveProperty('coverFee');
  });

  it('an unknown cause is ignored, and a new cause clears the amount chosen for the last one', () => {
    const onCause = run([{ type: 'booted', kiosk }, { type: 'begin' }]);
    expect(reduce(onCause, { type: 'chooseCause', causeId: 'nope' })).toBe(onCause);
    const picked = run([{ type: 'chooseCause', causeId: 'books' }, { type: 'choosePreset', amount: 300 }, { type: 'back' }, { type: 'chooseCause', causeId: 'meals' }], onCause);
    expect(picked).toMatchObject({ causeId: 'meals', amount: { preset: null }, screen: { name: 'amount' } });
  });
});
