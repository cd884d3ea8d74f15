// Main decides the order amount; the renderer only proposes one. The limit
// rule itself is shared with the amount screen (src-shared/amounts.ts).
import type { KioskError, Result } from '../contract/kiosk-api.ts';
import type { KioskConfig } from './kiosk-config.ts';
import { checkAmountRange } from '../../src-shared/amounts.ts';

const inr = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', maximumFractionDigits: 0 });

export function decideOrderAmount(amountRupees: number, config: Pick<KioskConfig, 'minAmountRupees' | 'maxAmountRupees'>): Result<{ amountPaise: number }> {
  if (!Number.isSafeInteger(amountRupees)) {
    const error: KioskError = { code: 'invalid_request', message: 'The amount must be a whole number of rupees', retryable: false };
    return { ok: false, error };
  }
  if (!checkAmountRange(amountRupees, config).ok) {
    return {
      ok: false,
      error: {
        code: 'amount_out_of_range',
        message: `The amount must be between ${inr.format(config.minAmountRupees)} and ${inr.format(config.maxAmountRupees)}`,
        retryable: false,
      },
    };
  }
  return { ok: true, value: { amountPaise: amountRupees * 100 } };
}
