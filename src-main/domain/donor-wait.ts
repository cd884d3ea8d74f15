// How long a donor is kept waiting on main, in one place: main bounds its own
// waits by these figures, and the renderer (through KioskState) waits for
// main's answer a little longer than main can take, so it never gives up on a
// call main is still legitimately working on.
import { GATEWAY_DEADLINE_SLACK_MS } from './gateway/razorpay-gateway.ts';
import { readRetryPolicy } from './gateway/retry-policy.ts';

/** confirmPayment answers within this: paid, or "being confirmed" while the capture goes on. */
export const CONFIRM_WAIT_MS = 25_000;

/** getDonationProgress answers within this (the renderer asks again with backoff). */
export const PROGRESS_WAIT_MS = 10_000;

/** Added to main's worst case before the renderer gives up: IPC, the ledger's writes, a busy machine. */
const RENDERER_MARGIN_MS = 10_000;

/** A read's worst case under the read retry policy: no attempt starts unless it can end within maxTotalMs, plus each call's deadline slack. */
function worstReadMs(gatewayTimeoutMs: number): number {
  return readRetryPolicy(gatewayTimeoutMs).maxTotalMs + GATEWAY_DEADLINE_SLACK_MS;
}

/**
 * The longest any donor call can keep main busy, plus a margin: the renderer's
 * timeout. startDonation creates the order once and may look it up by its
 * receipt; the confirmation calls are bounded by the waits above.
 */
export function donorCallTimeoutMs(gatewayTimeoutMs: number): number {
  const startDonation = gatewayTimeoutMs + GATEWAY_DEADLINE_SLACK_MS + worstReadMs(gatewayTimeoutMs);
  return Math.max(startDonation, CONFIRM_WAIT_MS, PROGRESS_WAIT_MS) + RENDERER_MARGIN_MS;
}
