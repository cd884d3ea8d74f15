// Wire shapes of the Razorpay objects the simulator serves (razorpay.md §1.1, §1.4, §2).
// They mirror what the real API returns, not what the SDK's TypeScript types claim
// (e.g. empty `notes` is `[]`, `refund_status` is null).

/** Notes as Razorpay returns them: an object, or `[]` when there are none. */
export type Notes = Record<string, string> | [];

export type OrderStatus = 'created' | 'attempted' | 'paid';

export interface OrderEntity {
  id: string;
  entity: 'order';
  amount: number;
  amount_paid: number;
  amount_due: number;
  currency: string;
  receipt: string | null;
  offer_id: null;
  status: OrderStatus;
  attempts: number;
  notes: Notes;
  created_at: number;
}

export type PaymentStatus = 'created' | 'authorized' | 'captured' | 'refunded' | 'failed';
export type PaymentMethod = 'upi' | 'card' | 'netbanking' | 'wallet';

export interface CardEntity {
  id: string;
  entity: 'card';
  name: string;
  last4: string;
  network: string;
  type: 'credit' | 'debit';
  issuer: string | null;
  international: boolean;
  emi: boolean;
  sub_type: 'consumer';
}

export interface PaymentEntity {
  id: string;
  entity: 'payment';
  amount: number;
  currency: string;
  status: PaymentStatus;
  order_id: string;
  invoice_id: null;
  international: boolean;
  method: PaymentMethod;
  amount_refunded: number;
  /** null, or 'full' once an uncaptured authorisation was refunded automatically. */
  refund_status: null | 'full';
  captured: boolean;
  description: string | null;
  card_id: string | null;
  /** Only with `expand[]=card` over HTTP (razorpay.md §9); the in-process views always carry it. */
  card?: CardEntity;
  bank: string | null;
  wallet: string | null;
  vpa: string | null;
  /** UPI payments only: the payer's VPA, as in the newer entity. */
  upi?: { vpa: string | null };
  email: string;
  contact: string;
  notes: Notes;
  fee: number | null;
  tax: number | null;
  error_code: string | null;
  error_description: string | null;
  error_source: string | null;
  error_step: string | null;
  error_reason: string | null;
  acquirer_data: Record<string, string | null>;
  created_at: number;
}

export interface Collection<T> {
  entity: 'collection';
  count: number;
  items: T[];
}

/** The `error` object of every Razorpay error response (§1.4). */
export interface RazorpayError {
  code: string;
  description: string;
  field?: string;
  source: string;
  step: string;
  reason: string;
  metadata: Record<string, string>;
}

export interface RazorpayErrorBody {
  error: RazorpayError;
}
