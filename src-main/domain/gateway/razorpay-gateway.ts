// The kiosk's only way to talk to Razorpay. Every call returns a
// GatewayResult: answers are checked against the fields the kiosk relies on,
// and every failure is classified (gateway-error.ts). Nothing here throws.
import { z } from 'zod';
import type Razorpay from 'razorpay';
import { createRazorpayClient, NETWORK_ERROR_CODE, NON_JSON_ERROR_CODE, type RazorpayClientOptions } from './razorpay-client.ts';
import type { GatewayError, GatewayResult, NetworkCause } from './gateway-error.ts';
import { credentialForms, redactCredentials } from './redact.ts';

const OrderSchema = z.object({
  id: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  receipt: z.string().nullable().optional(),
  status: z.enum(['created', 'attempted', 'paid']),
  /** Unix seconds, Razorpay's clock. */
  created_at: z.number().optional(),
  /** `[]` when empty (razorpay.md §1.1). */
  notes: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional(),
});
export type GatewayOrder = z.infer<typeof OrderSchema>;

const PaymentSchema = z.object({
  id: z.string(),
  order_id: z.string().nullable(),
  amount: z.number().int(),
  currency: z.string(),
  status: z.enum(['created', 'authorized', 'captured', 'refunded', 'failed']),
  method: z.string().nullable().optional(),
  error_code: z.string().nullable().optional(),
  error_description: z.string().nullable().optional(),
  error_reason: z.string().nullable().optional(),
  captured: z.boolean().optional(),
  created_at: z.number().optional(),
});
export type GatewayPayment = z.infer<typeof PaymentSchema>;

export const CollectionSchema = <T extends z.ZodType>(item: T) => z.object({ count: z.number(), items: z.array(item) });

export interface CreateOrderInput {
  amountPaise: number;
  receipt: string;
  notes: Record<string, string>;
}

/** GET /v1/orders filters (razorpay.md §1.3): created from `fromSeconds` (Unix seconds, Razorpay's clock) until now; count at most 100. */
export interface OrderListQuery {
  fromSeconds: number;
  /** Only orders with an authorised (or captured) payment. */
  authorizedOnly: boolean;
  count: number;
  skip: number;
}

export interface PaymentGateway {
  createOrder(input: CreateOrderInput): Promise<GatewayResult<GatewayOrder>>;
  findOrderByReceipt(receipt: string): Promise<GatewayResult<GatewayOrder | null>>;
  fetchOrder(orderId: string): Promise<GatewayResult<GatewayOrder>>;
  /** Newest first. */
  listOrders(query: OrderListQuery): Promise<GatewayResult<GatewayOrder[]>>;
  /** GET /v1/payments: every payment of the account created since `fromSeconds` (Razorpay's clock), newest first. */
  listPayments(query: Omit<OrderListQuery, 'authorizedOnly'>): Promise<GatewayResult<GatewayPayment[]>>;
  fetchOrderPayments(orderId: string): Promise<GatewayResult<GatewayPayment[]>>;
  fetchPayment(paymentId: string): Promise<GatewayResult<GatewayPayment>>;
  capturePayment(paymentId: string, amountPaise: number): Promise<GatewayResult<GatewayPayment>>;
}

const SDK_ERROR_SHAPE = z.object({
  statusCode: z.number().optional(),
  error: z
    .object({
      code: z.string().optional(),
      description: z.string().optional(),
      reason: z.string().nullable().optional(),
      field: z.string().nullable().optional(),
    })
    .optional(),
});

function networkCause(detail: string): NetworkCause {
  if (/ECONNABORTED|ETIMEDOUT|timeout/i.test(detail)) return 'timeout';
  if (/ECONNREFUSED/.test(detail)) return 'refused';
  if (/ECONNRESET|socket hang up|EPIPE/i.test(detail)) return 'reset';
  if (/ENOTFOUND|EAI_AGAIN/.test(detail)) return 'dns';
  return 'other';
}

/**
 * Turns whatever the SDK rejected with into a GatewayError. Every text in it
 * came from outside (Razorpay, a proxy, the network stack), so each passes
 * through redactCredentials with the secrets the caller knows. Exported for tests.
 */
export function classifySdkRejection(rejection: unknown, knownSecrets: readonly string[] = []): GatewayError {
  const clean = (text: string): string => redactCredentials(text, knownSecrets);
  const parsed = SDK_ERROR_SHAPE.safeParse(rejection);
  if (!parsed.success || parsed.data.error === undefined) {
    const status = parsed.success ? (parsed.data.statusCode ?? 0) : 0;
    const detail = clean(rejection instanceof Error ? rejection.message : 'unrecognised SDK rejection');
    return status > 0 ? { kind: 'bad_response', status, detail, notJson: true } : { kind: 'network', cause: networkCause(detail), detail };
  }
  const status = parsed.data.statusCode ?? 0;
  const body = parsed.data.error;
  const description = clean(body.description ?? '');
  if (body.code === NETWORK_ERROR_CODE) return { kind: 'network', cause: networkCause(description), detail: description };
  if (body.code === NON_JSON_ERROR_CODE) return { kind: 'bad_response', status, detail: description, notJson: true };
  return {
    kind: 'http',
    status,
    code: clean(body.code ?? 'UNKNOWN'),
    description,
    ...(body.reason ? { reason: clean(body.reason) } : {}),
    ...(body.field ? { field: clean(body.field) } : {}),
  };
}

/** Each call's own deadline is the request timeout plus this (axios's timeout covers an idle socket, not a slow trickle). */
export const GATEWAY_DEADLINE_SLACK_MS = 1_000;

/** A payment's own error texts are Razorpay's words too. */
function cleanPayment(payment: GatewayPayment, knownSecrets: readonly string[]): GatewayPayment {
  const clean = (text: string | null | undefined) => (typeof text === 'string' ? redactCredentials(text, knownSecrets) : text);
  return { ...payment, error_code: clean(payment.error_code), error_description: clean(payment.error_description), error_reason: clean(payment.error_reason) };
}

export interface RazorpayGatewayOptions extends RazorpayClientOptions {
  currency?: 'INR';
}

/**
 * One SDK call as a GatewayResult: the answer checked against `schema`, every
 * rejection classified (its texts with `knownSecrets` and any other credential
 * taken out: redact.ts), and a deadline (axios's timeout covers an idle
 * socket; the deadline, the request timeout + 1 s, also covers a slow trickle).
 */
export async function callSdk<T>(schema: z.ZodType<T>, run: () => Promise<unknown>, timeoutMs: number, knownSecrets: readonly string[] = []): Promise<GatewayResult<T>> {
  const deadlineMs = timeoutMs + GATEWAY_DEADLINE_SLACK_MS;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`ETIMEDOUT no answer within ${deadlineMs} ms`)), deadlineMs);
  });
  try {
    const answer = await Promise.race([run(), deadline]);
    // A page instead of JSON (the SDK hands over the body as it came): a captive portal, not Razorpay.
    if (typeof answer !== 'object' || answer === null) return { ok: false, error: { kind: 'bad_response', status: 200, detail: 'the answer is not JSON', notJson: true } };
    const parsed = schema.safeParse(answer);
    if (!parsed.success) return { ok: false, error: { kind: 'bad_response', status: 200, detail: `unexpected shape: ${parsed.error.message}` } };
    return { ok: true, value: parsed.data };
  } catch (rejection) {
    return { ok: false, error: classifySdkRejection(rejection, knownSecrets) };
  } finally {
    clearTimeout(timer);
  }
}

export function createRazorpayGateway(options: RazorpayGatewayOptions): PaymentGateway {
  const sdk: Razorpay = createRazorpayClient(options);
  const knownSecrets = credentialForms(options.keyId, options.keySecret);
  const call = <T>(schema: z.ZodType<T>, run: () => Promise<unknown>): Promise<GatewayResult<T>> => callSdk(schema, run, options.timeoutMs, knownSecrets);
  const payment = (result: GatewayResult<GatewayPayment>): GatewayResult<GatewayPayment> => (result.ok ? { ok: true, value: cleanPayment(result.value, knownSecrets) } : result);

  return {
    createOrder: (input) =>
      call(OrderSchema, () =>
        sdk.orders.create({ amount: input.amountPaise, currency: options.currency ?? 'INR', receipt: input.receipt, notes: input.notes }),
      ),
    findOrderByReceipt: async (receipt) => {
      const result = await call(CollectionSchema(OrderSchema), () => sdk.orders.all({ receipt, count: 10 }));
      if (!result.ok) return result;
      return { ok: true, value: result.value.items.find((order) => order.receipt === receipt) ?? null };
    },
    fetchOrder: (orderId) => call(OrderSchema, () => sdk.orders.fetch(orderId)),
    listOrders: async (query) => {
      const result = await call(CollectionSchema(OrderSchema), () =>
        sdk.orders.all({ from: query.fromSeconds, count: query.count, skip: query.skip, ...(query.authorizedOnly ? { authorized: 1 } : {}) }),
      );
      return result.ok ? { ok: true, value: result.value.items } : result;
    },
    listPayments: async (query) => {
      const result = await call(CollectionSchema(PaymentSchema), () => sdk.payments.all({ from: query.fromSeconds, count: query.count, skip: query.skip }));
      return result.ok ? { ok: true, value: result.value.items.map((item) => cleanPayment(item, knownSecrets)) } : result;
    },
    fetchOrderPayments: async (orderId) => {
      const result = await call(CollectionSchema(PaymentSchema), () => sdk.orders.fetchPayments(orderId));
      return result.ok ? { ok: true, value: result.value.items.map((item) => cleanPayment(item, knownSecrets)) } : result;
    },
    fetchPayment: async (paymentId) => payment(await call(PaymentSchema, () => sdk.payments.fetch(paymentId))),
    capturePayment: async (paymentId, amountPaise) =>
      payment(await call(PaymentSchema, () => sdk.payments.capture(paymentId, amountPaise, options.currency ?? 'INR'))),
  };
}
