// Account-level behaviour a test (or demo mode) may change while the simulator
// runs: in process through RazorpaySimulator.configure(), or over HTTP through
// the control route /_simulator/settings.

export interface SimulatorSettings {
  /** The account default for orders that do not say (`payment.capture` / `payment_capture` decide per order). */
  autoCapture: boolean;
  /**
   * How long after authorisation an automatic capture happens. Razorpay captures
   * "shortly after" the authorisation, so Checkout's handler may see the payment
   * still `authorized`; 0 captures at once, before the handler runs.
   */
  captureDelayMs: number;
  /** The checkout frame shows and takes payments but never reports back to checkout.js: no handler, ondismiss, payment.failed or timeout. */
  checkoutNeverCallsBack: boolean;
}

/** Longest capture delay accepted: a day (anything longer is "never": use manual capture). */
const MAX_CAPTURE_DELAY_MS = 24 * 60 * 60 * 1000;

/** Checks a settings change that arrived as JSON or from a test; returns what is wrong, or the patch. */
export function parseSettingsPatch(value: unknown): { ok: true; patch: Partial<SimulatorSettings> } | { ok: false; problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, problem: 'settings must be an object' };
  const input = value as Record<string, unknown>;
  const known = new Set(['autoCapture', 'captureDelayMs', 'checkoutNeverCallsBack']);
  const unknown = Object.keys(input).filter((k) => !known.has(k));
  if (unknown.length > 0) return { ok: false, problem: `unknown settings: ${unknown.join(', ')}` };
  const patch: Partial<SimulatorSettings> = {};
  if (input.autoCapture !== undefined) {
    if (typeof input.autoCapture !== 'boolean') return { ok: false, problem: 'autoCapture must be true or false' };
    patch.autoCapture = input.autoCapture;
  }
  if (input.captureDelayMs !== undefined) {
    const ms = input.captureDelayMs;
    if (typeof ms !== 'number' || !Number.isInteger(ms) || ms < 0 || ms > MAX_CAPTURE_DELAY_MS) {
      return { ok: false, problem: `captureDelayMs must be an integer from 0 to ${MAX_CAPTURE_DELAY_MS}` };
    }
    patch.captureDelayMs = ms;
  }
  if (input.checkoutNeverCallsBack !== undefined) {
    if (typeof input.checkoutNeverCallsBack !== 'boolean') return { ok: false, problem: 'checkoutNeverCallsBack must be true or false' };
    patch.checkoutNeverCallsBack = input.checkoutNeverCallsBack;
  }
  return { ok: true, patch };
}
