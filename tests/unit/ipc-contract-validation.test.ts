// Every payload is validated in main; bad ones get a typed error and change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startKioskUnderTest, type KioskUnderTest } from './support/kiosk-under-test.ts';
import type { KioskMethod } from '../../src-main/contract/kiosk-api.ts';

let kiosk: KioskUnderTest;
beforeEach(async () => {
  kiosk = await startKioskUnderTest();
});
afterEach(() => kiosk.stop());

const call = (method: string, payload: unknown) => kiosk.services.dispatch(method as KioskMethod, payload);

describe('IPC contract validation', () => {
  it.each([
    ['below the minimum', { amountRupees: 9, donor: { anonymous: true } }, 'amount_out_of_range'],
    ['above the maximum', { amountRupees: 100_001, donor: { anonymous: true } }, 'amount_out_of_range'],
    ['fractional rupees', { amountRupees: 99.5, donor: { anonymous: true } }, 'invalid_request'],
    ['negative', { amountRupees: -100, donor: { anonymous: true } }, 'invalid_request'],
    ['not a number', { amountRupees: '100', donor: { anonymous: true } }, 'invalid_request'],
    ['NaN', { amountRupees: Number.NaN, donor: { anonymous: true } }, 'invalid_request'],
    ['no name and not anonymous', { amountRupees: 100, donor: { anonymous: false } }, 'invalid_request'],
    ['a name with markup', { amountRupees: 100, donor: { anonymous: false, name: '<script>' } }, 'invalid_request'],
    ['a bad phone', { amountRupees: 100, donor: { anonymous: true, phone: '12345' } }, 'invalid_request'],
    ['a bad email', { amountRupees: 100, donor: { anonymous: true, email: 'not-an-email' } }, 'invalid_request'],
    ['an extra field', { amountRupees: 100, donor: { anonymous: true }, amountPaise: 1 }, 'invalid_request'],
    ['a string', 'hello', 'invalid_request'],
    ['null', null, 'invalid_request'],
    ['an array', [100], 'invalid_request'],
  ])('startDonation with %s → %s, no order, no ledger row', async (_label, payload, code) => {
    const reply = await call('startDonation', payload);
    expect(reply).toMatchObject({ ok: false, error: { code } });
    expect(kiosk.simulator.listOrders()).toHaveLength(0);
    expect(kiosk.services.ledger.list()).toHaveLength(0);
  });

  it('refuses an unknown method', async () => {
    expect(await call('refundEverything', {})).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it.each([
    ['checkoutOpened', { donationId: '../etc' }],
    ['confirmPayment', { donationId: 'd0000000000a', razorpayPaymentId: 'pay_1', razorpayOrderId: 'order_ABCDEFGHIJKLMN', razorpaySignature: 'x' }],
    ['cancelDonation', { donationId: 'd0000000000a', reason: 'because' }],
    ['recordPaymentFailure', { donationId: 'd0000000000a', failure: { code: 'x'.repeat(600) } }],
    ['getKioskState', { anything: true }],
  ])('%s with a malformed payload → invalid_request', async (method, payload) => {
    expect(await call(method, payload)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('answers an unknown donation with unknown_donation', async () => {
    expect(await call('checkoutOpened', { donationId: 'd000000000000' })).toMatchObject({ ok: false, error: { code: 'unknown_donation' } });
  });

  it('accepts a good request and creates exactly one order for the amount main decided', async () => {
    const reply = await call('startDonation', { amountRupees: 500, donor: { anonymous: false, name: 'Priya Sharma', phone: '9876543210' } });
    expect(reply.ok).toBe(true);
    const orders = kiosk.simulator.listOrders();
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ amount: 50_000, currency: 'INR' });
    expect(orders[0]?.receipt?.length).toBeLessThanOrEqual(40);
    expect(orders[0]?.notes).toMatchObject({ kiosk_id: 'KIOSK-1', cause: "Children's education", donor_name: 'Priya Sharma' });
  });
});
