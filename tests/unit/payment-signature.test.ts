import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { isValidPaymentSignature, signPayment } from '../../src-main/domain/verification/payment-signature.ts';

const secret = 'unit_test_secret';
const orderId = 'order_ABCDEFGHIJKLMN';
const paymentId = 'pay_ABCDEFGHIJKLMN';

describe('payment signature', () => {
  it('is hex HMAC-SHA256 of order_id|payment_id with key_secret', () => {
    const expected = createHmac('sha256', secret).update(`${orderId}|${paymentId}`).digest('hex');
    expect(signPayment(orderId, paymentId, secret)).toBe(expected);
    expect(isValidPaymentSignature({ orderId, paymentId, signature: expected, keySecret: secret })).toBe(true);
  });

  it('rejects a signature that is tampered, for another order or payment, under another secret, or malformed', () => {
    const good = signPayment(orderId, paymentId, secret);
    const flipped = (good[0] === 'a' ? 'b' : 'a') + good.slice(1);
    const cases = [
      { orderId, paymentId, signature: flipped, keySecret: secret },
      { orderId: 'order_OTHERORDER0001', paymentId, signature: good, keySecret: secret },
      { orderId, paymentId: 'pay_OTHERPAYMENT01', signature: good, keySecret: secret },
      { orderId, paymentId, signature: good, keySecret: 'another_secret' },
      { orderId, paymentId, signature: good.toUpperCase(), keySecret: secret },
      { orderId, paymentId, signature: good.slice(0, 62), keySecret: secret },
      { orderId, paymentId, signature: '', keySecret: secret },
      // The SDK would sign "order|undefined" here; the kiosk refuses.
      { orderId, paymentId: '', signature: signPayment(orderId, '', secret), keySecret: secret },
    ];
    for (const c of cases) expect(isValidPaymentSignature(c), JSON.stringify(c)).toBe(false);
  });
});
