// The account-wide reads the event's kiosks share (razorpay.md §1.3, §8):
// the orders list and the payments list with from/to/count/skip, newest first,
// plus the one write the kiosk-id claim needs. Everything is a GatewayResult,
// like the donation gateway (../gateway/razorpay-gateway.ts); nothing throws.
import { z } from 'zod';
import type Razorpay from 'razorpay';
import { createRazorpayClient, type RazorpayClientOptions } from '../gateway/razorpay-client.ts';
import { callSdk, CollectionSchema } from '../gateway/razorpay-gateway.ts';
import { credentialForms } from '../gateway/redact.ts';
import type { GatewayResult } from '../gateway/gateway-error.ts';
import { withRetries, type RetryEnvironment, type RetryPolicy } from '../gateway/retry-policy.ts';

/** Razorpay's largest page ("The count may not be greater than 100."). */
export const MAX_PAGE = 100;

// Empty notes come as [] (razorpay.md §1.1); a note value is a string, but be lenient on numbers.
const NotesSchema = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).transform((notes) => (Array.isArray(notes) ? {} : notes));

const AccountOrderSchema = z.object({
  id: z.string(),
  amount: z.number().int(),
  amount_paid: z.number().int().optional(),
  status: z.string(),
  receipt: z.string().nullable().optional(),
  notes: NotesSchema.optional(),
  created_at: z.number().int(),
});
export type AccountOrder = z.infer<typeof AccountOrderSchema>;

const AccountPaymentSchema = z.object({
  id: z.string(),
  order_id: z.string().nullable().optional(),
  amount: z.number().int(),
  status: z.string(),
  method: z.string().nullable().optional(),
  created_at: z.number().int(),
});
export type AccountPayment = z.infer<typeof AccountPaymentSchema>;

export interface ListQuery {
  /** Unix seconds, inclusive. */
  from: number;
  /** Unix seconds, inclusive; absent = up to now (the kiosk's clock may be off, Razorpay's is not). */
  to?: number;
  count: number;
  skip: number;
}

export interface AccountReads {
  listOrders(query: ListQuery): Promise<GatewayResult<AccountOrder[]>>;
  listPayments(query: ListQuery): Promise<GatewayResult<AccountPayment[]>>;
  findOrderByReceipt(receipt: string): Promise<GatewayResult<AccountOrder | null>>;
  /** Never retried: an unanswered create may have happened (the claim looks it up by its receipt instead). */
  createOrder(input: { amountPaise: number; receipt: string; notes: Record<string, string> }): Promise<GatewayResult<AccountOrder>>;
}

export function createRazorpayAccountReads(options: RazorpayClientOptions): AccountReads {
  const sdk: Razorpay = createRazorpayClient(options);
  // Razorpay's error texts lose any credential before they go anywhere (gateway/redact.ts).
  const call = <T>(schema: z.ZodType<T>, run: () => Promise<unknown>) => callSdk(schema, run, options.timeoutMs, credentialForms(options.keyId, options.keySecret));
  const page = (query: ListQuery) => ({ from: query.from, ...(query.to === undefined ? {} : { to: query.to }), count: query.count, skip: query.skip });
  return {
    listOrders: async (query) => {
      const result = await call(CollectionSchema(AccountOrderSchema), () => sdk.orders.all(page(query)));
      return result.ok ? { ok: true, value: result.value.items } : result;
    },
    listPayments: async (query) => {
      const result = await call(CollectionSchema(AccountPaymentSchema), () => sdk.payments.all(page(query)));
      return result.ok ? { ok: true, value: result.value.items } : result;
    },
    findOrderByReceipt: async (receipt) => {
      const result = await call(CollectionSchema(AccountOrderSchema), () => sdk.orders.all({ receipt, count: 10 }));
      return result.ok ? { ok: true, value: result.value.items.find((order) => order.receipt === receipt) ?? null } : result;
    },
    createOrder: (input) =>
      call(AccountOrderSchema, () => sdk.orders.create({ amount: input.amountPaise, currency: 'INR', receipt: input.receipt, notes: input.notes })),
  };
}

/** The reads retried like the donation gateway's reads (resilient-gateway.ts); the create never. */
export function withReadRetries(reads: AccountReads, policy: RetryPolicy, env?: RetryEnvironment): AccountReads {
  return {
    listOrders: (query) => withRetries(() => reads.listOrders(query), policy, env),
    listPayments: (query) => withRetries(() => reads.listPayments(query), policy, env),
    findOrderByReceipt: (receipt) => withRetries(() => reads.findOrderByReceipt(receipt), policy, env),
    createOrder: (input) => reads.createOrder(input),
  };
}

/** Tells `observe` how every call ended (connectivity follows the gateway's answers, connectivity-monitor.ts). */
export function withReadObserver(reads: AccountReads, observe: (result: GatewayResult<unknown>) => void): AccountReads {
  const watched = async <T>(call: Promise<GatewayResult<T>>): Promise<GatewayResult<T>> => {
    const result = await call;
    observe(result);
    return result;
  };
  return {
    listOrders: (query) => watched(reads.listOrders(query)),
    listPayments: (query) => watched(reads.listPayments(query)),
    findOrderByReceipt: (receipt) => watched(reads.findOrderByReceipt(receipt)),
    createOrder: (input) => watched(reads.createOrder(input)),
  };
}

/** Pages from `skip` 0 until a short page, newest first; an item on two pages (new orders shift the list) counts once. */
export async function readAllPages<T extends { id: string }>(
  list: (query: ListQuery) => Promise<GatewayResult<T[]>>,
  from: number,
  options: { maxPages?: number } = {},
): Promise<GatewayResult<{ items: T[]; requests: number }>> {
  const maxPages = options.maxPages ?? 5_000;
  const seen = new Map<string, T>();
  let requests = 0;
  for (let skip = 0; requests < maxPages; skip += MAX_PAGE) {
    const page = await list({ from, count: MAX_PAGE, skip });
    requests += 1;
    if (!page.ok) return page;
    for (const item of page.value) seen.set(item.id, item);
    if (page.value.length < MAX_PAGE) return { ok: true, value: { items: [...seen.values()], requests } };
  }
  return { ok: false, error: { kind: 'bad_response', status: 200, detail: `more than ${maxPages} pages: the list did not end` } };
}
