// A PaymentGateway for tests of the reconciler and the donation service alone:
// what a test scripts is answered as scripted; Razorpay's lists (the
// reconciler's sweeps) hold nothing the ledger does not know; anything else is
// refused with a 400, so a call the test did not expect never looks like money.
import type { GatewayResult } from '../../../src-main/domain/gateway/gateway-error.ts';
import type { PaymentGateway } from '../../../src-main/domain/gateway/razorpay-gateway.ts';

const unexpected = async (): Promise<GatewayResult<never>> => ({ ok: false, error: { kind: 'http', status: 400, code: 'BAD_REQUEST_ERROR', description: 'unexpected' } });

export function scriptedGateway(script: Partial<PaymentGateway>): PaymentGateway {
  return {
    createOrder: unexpected,
    findOrderByReceipt: unexpected,
    fetchOrder: unexpected,
    fetchOrderPayments: unexpected,
    fetchPayment: unexpected,
    capturePayment: unexpected,
    listOrders: async () => ({ ok: true, value: [] }),
    listPayments: async () => ({ ok: true, value: [] }),
    ...script,
  };
}
