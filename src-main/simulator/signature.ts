// Checkout's payment signature, computed exactly as Razorpay does (razorpay.md §3):
// lowercase hex HMAC-SHA256 of `order_id|payment_id` under the key secret.
// The simulator signs for real so the kiosk's verification is tested, not bypassed.
import { createHmac } from 'node:crypto';

export function checkoutSignature(orderId: string, paymentId: string, keySecret: string): string {
  return createHmac('sha256', keySecret).update(`${orderId}|${paymentId}`).digest('hex');
}
