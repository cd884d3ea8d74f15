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
  created_at: z.number().optional(),
});
export type GatewayPayment = z.infer<typeof PaymentSchema>;

export const CollectionSchema = <T extends z.ZodType>(item: T) => z.object({ count: z.number(), items: z.array(item) });

export interface CreateOrderInput {
  amountPaise: number;
  receipt: string;
  notes: Record<string, string>;
}

export interface PaymentGateway {
  createOrder(input: CreateOrderInput): Promise<GatewayResult<GatewayOrder>>;
  findOrderByReceipt(receipt: string): Promise<GatewayResult<GatewayOrder | null>>;
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
    return status > 0 ? { kind: 'bad_response', status, detail } : { kind: 'network', cause: networkCause(detail), detail };
  }
  const status = parsed.data.statusCode ?? 0;
  const body = parsed.data.error;
  const description = clean(body.description ?? '');
  if (body.code === NETWORK_ERROR_CODE) return { kind: 'network', cause: networkCause(description), detail: description };
  if (body.code === NON_JSON_ERROR_CODE) return { kind: 'bad_response', status, detail: description };
  return {
    kind: 'http',
    status,
    code: clean(body.code ?? 'UNKNOWN'),
    description,
    ...(body.reason ? { reason: clean(body.reason) } : {}),
    ...(body.field ? { field: clean(body.field) } : {}),
  };
}

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
  const deadlineMs = timeoutMs + 1_000;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`ETIMEDOUT no answer within ${deadlineMs} ms`)), deadlineMs);
  });
  try {
    const answer = await Promise.race([run(), deadline]);
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
    fetchOrderPayments: async (orderId) => {
      const result = await call(CollectionSchema(PaymentSchema), () => sdk.orders.fetchPayments(orderId));
      return result.ok ? { ok: true, value: result.value.items.map((item) => cleanPayment(item, knownSecrets)) } : result;
    },
    fetchPayment: async (paymentId) => payment(await call(PaymentSchema, () => sdk.payments.fetch(paymentId))),
    capturePayment: async (paymentId, amountPaise) =>
      payment(await call(PaymentSchema, () => sdk.payments.capture(paymentId, amountPaise, options.currency ?? 'INR'))),
  };
}
