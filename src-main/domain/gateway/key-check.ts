// "Check keys": one harmless authenticated call (list one order) with the
// given keys, and what it means in plain words. The secret goes into the
// request's Basic auth header only; it is never part of the result.
import type { KioskMode } from '../../contract/kiosk-api.ts';
import { createRazorpayClient } from './razorpay-client.ts';
import { classifySdkRejection } from './razorpay-gateway.ts';
import type { GatewayError } from './gateway-error.ts';
import { credentialForms } from './redact.ts';

export interface KeyCheckInput {
  keyId: string;
  keySecret: string;
  baseUrl: string;
  timeoutMs: number;
}

export type KeyCheckOutcome = { ok: true } | { ok: false; error: GatewayError };

export type KeyChecker = (input: KeyCheckInput) => Promise<KeyCheckOutcome>;

export const checkRazorpayKeys: KeyChecker = async (input) => {
  const sdk = createRazorpayClient({ keyId: input.keyId, keySecret: input.keySecret, baseUrl: input.baseUrl, timeoutMs: input.timeoutMs });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`ETIMEDOUT no answer within ${input.timeoutMs + 1_000} ms`)), input.timeoutMs + 1_000);
  });
  try {
    await Promise.race([sdk.orders.all({ count: 1 }), deadline]);
    return { ok: true };
  } catch (rejection) {
    return { ok: false, error: classifySdkRejection(rejection, credentialForms(input.keyId, input.keySecret)) };
  } finally {
    clearTimeout(timer);
  }
};

/** The operator's sentence for a check's outcome. */
export function describeKeyCheck(mode: KioskMode, outcome: KeyCheckOutcome): { ok: boolean; message: string } {
  if (outcome.ok) return { ok: true, message: `The keys work (${mode} mode).` };
  const error = outcome.error;
  if (error.kind === 'http' && (error.status === 401 || error.status === 403)) return { ok: false, message: `The keys were refused by Razorpay (${mode} mode).` };
  if (error.kind === 'network') return { ok: false, message: 'Razorpay could not be reached, so the keys could not be checked.' };
  if (error.kind === 'http' && error.status === 429) return { ok: false, message: 'Razorpay is busy; check the keys again in a minute.' };
  if (error.kind === 'http' && error.status < 500) return { ok: false, message: `Razorpay refused the check (HTTP ${error.status}); the keys may be wrong.` };
  return { ok: false, message: 'Razorpay could not be reached properly (it answered with an error), so the keys could not be checked.' };
}
