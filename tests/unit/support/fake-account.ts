// A Razorpay account in memory for the fleet's unit tests: orders and payments
// listed newest first with from / count / skip as Razorpay does, receipts
// unique, every call logged, and an on/off switch for the network.
import type { AccountOrder, AccountPayment, AccountReads, ListQuery } from '../../../src-main/domain/fleet/account-reads.ts';
import type { GatewayResult } from '../../../src-main/domain/gateway/gateway-error.ts';

export interface FakeAccount extends AccountReads {
  orders: AccountOrder[];
  payments: AccountPayment[];
  calls: { method: string; query?: ListQuery | string }[];
  offline: boolean;
  /** Unix seconds for the next order or payment. */
  clock: () => number;
  addPaidOrder(input: { notes: Record<string, string>; amountPaise: number; createdAt?: number; status?: string }): AccountOrder;
}

const OFFLINE = { ok: false, error: { kind: 'network', cause: 'refused', detail: 'ECONNREFUSED' } } as const;

export function fakeAccount(clock: () => number): FakeAccount {
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}_${String((counter += 1)).padStart(14, '0')}`;
  const account: FakeAccount = {
    orders: [],
    payments: [],
    calls: [],
    offline: false,
    clock,
    addPaidOrder({ notes, amountPaise, createdAt, status }) {
      const order: AccountOrder = { id: nextId('order'), amount: amountPaise, amount_paid: status === undefined || status === 'paid' ? amountPaise : 0, status: status ?? 'paid', receipt: null, notes, created_at: createdAt ?? clock() };
      account.orders.push(order);
      if (order.status === 'paid') account.payments.push({ id: nextId('pay'), order_id: order.id, amount: amountPaise, status: 'captured', method: 'upi', created_at: order.created_at });
      return order;
    },
    async listOrders(query) {
      account.calls.push({ method: 'listOrders', query });
      if (account.offline) return OFFLINE;
      return { ok: true, value: page(account.orders, query) };
    },
    async listPayments(query) {
      account.calls.push({ method: 'listPayments', query });
      if (account.offline) return OFFLINE;
      return { ok: true, value: page(account.payments, query) };
    },
    async findOrderByReceipt(receipt): Promise<GatewayResult<AccountOrder | null>> {
      account.calls.push({ method: 'findOrderByReceipt', query: receipt });
      if (account.offline) return OFFLINE;
      return { ok: true, value: account.orders.find((o) => o.receipt === receipt) ?? null };
    },
    async createOrder(input): Promise<GatewayResult<AccountOrder>> {
      account.calls.push({ method: 'createOrder', query: input.receipt });
      if (account.offline) return OFFLINE;
      if (account.orders.some((o) => o.receipt === input.receipt)) {
        return { ok: false, error: { kind: 'http', status: 400, code: 'BAD_REQUEST_ERROR', description: 'Order receipt should be unique.', field: 'receipt' } };
      }
      const order: AccountOrder = { id: nextId('order'), amount: input.amountPaise, amount_paid: 0, status: 'created', receipt: input.receipt, notes: input.notes, created_at: clock() };
      account.orders.push(order);
      return { ok: true, value: order };
    },
  };
  return account;
}

/** Newest first (the later in the array, the newer), from / to inclusive. */
function page<T extends { created_at: number }>(items: readonly T[], query: ListQuery): T[] {
  return [...items]
    .reverse()
    .filter((item) => item.created_at >= query.from && (query.to === undefined || item.created_at <= query.to))
    .slice(query.skip, query.skip + query.count);
}
