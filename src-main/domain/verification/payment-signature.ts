// Checkout's signature: hex(HMAC_SHA256(key_secret, order_id + "|" + payment_id)).
// The SDK's own helper compares with === (timing leak) and silently signs
// "order|undefined" when the payment id is missing (razorpay.md §3), so the
// kiosk checks it itself, in constant time, with the order id it stored.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function signPayment(orderId: string, paymentId: string, keySecret: string): string {
  return createHmac('sha256', keySecret).update(`${orderId}|${paymentId}`).digest('hex');
}

export function isValidPaymentSignature(input: { orderId: string; paymentId: string; signature: string; keySecret: string }): boolean {
  if (!input.orderId || !input.paymentId || !/^[0-9a-f]{64}$/.test(input.signature)) return false;
  const expected = Buffer.from(signPayment(input.orderId, input.paymentId, input.keySecret), 'hex');
  const received = Buffer.from(input.signature, 'hex');
  return expected.length === 32 && received.length === 32 && timingSafeEqual(expected, received);
}
