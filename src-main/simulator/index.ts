// The built-in Razorpay simulator: a local stand-in for api.razorpay.com and
// checkout.razorpay.com. It powers the kiosk's demo mode (no keys needed) and
// every test, so it behaves like Razorpay where the kiosk can tell the difference:
// the REST API the SDK calls (same paths, auth, messages and status codes), a
// Standard Checkout look-alike, real HMAC signatures, and injectable faults.
//
// Plain Node: it must never import electron (the kiosk's browser mode and the
// tests run it without Electron). See razorpay.md §9, the team's Razorpay reference.
import { SimulatorClock } from './clock.ts';
import type { OrderEntity, PaymentEntity } from './entities.ts';
import { Faults } from './faults.ts';
import type { FaultController } from './faults.ts';
import { SimulatorHttpServer } from './http/server.ts';
import { CHECKOUT_SCRIPT_PATH } from './http/checkout-routes.ts';
import { parseSettingsPatch } from './settings.ts';
import type { SimulatorSettings } from './settings.ts';
import { SimulatorStore } from './store.ts';
import type { PayInput, PayResult } from './store.ts';

export type {
  CardEntity,
  Collection,
  Notes,
  OrderEntity,
  OrderStatus,
  PaymentEntity,
  PaymentMethod,
  PaymentStatus,
  RazorpayError,
  RazorpayErrorBody,
} from './entities.ts';
export type { ActiveFault, Fault, FaultController, FaultRoute, FaultStatus } from './faults.ts';
export { FAULT_ROUTES } from './faults.ts';
export type { AttemptInput, AttemptOutcome, AttemptResult, PayError, PayInput, PayResult } from './store.ts';
export { ATTEMPT_TIMEOUT_MS, AUTO_REFUND_AFTER_MS } from './store.ts';
export type { SimulatorSettings } from './settings.ts';
export { checkoutSignature } from './signature.ts';
export { classifyCard, SUCCESS_CARD_NUMBER } from './test-cards.ts';
export { FRAME_TITLE } from './checkout/frame-page.ts';

export interface SimulatorOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** The account captures authorized payments automatically (Razorpay's default account setting). Default true. */
  autoCapture?: boolean;
  /**
   * How long after authorisation an automatic capture happens. Default 0: at once,
   * before Checkout's handler runs. Razorpay captures "shortly after", so the
   * handler may see the payment still `authorized`; demo mode uses DEMO_CAPTURE_DELAY_MS.
   */
  captureDelayMs?: number;
  /** The checkout frame never reports back to checkout.js (see settings.ts). Default false. */
  checkoutNeverCallsBack?: boolean;
  /** The simulator's clock, ms since the epoch. Default Date.now; advanceClock() moves it on either way. */
  now?: () => number;
  /** Largest order amount accepted ("Amount exceeds maximum amount allowed."). Default ₹5,00,000. */
  maxAmountPaise?: number;
  /** Enables the /_simulator/* control endpoints for requests carrying `X-Simulator-Control: <token>`. */
  controlToken?: string;
}

export interface RazorpaySimulator {
  /** http://127.0.0.1:PORT (the SDK appends /v1/...). */
  readonly baseUrl: string;
  /** `${baseUrl}/v1/checkout.js`; append `?alerts=1` to make it alert() invalid options like the real one. */
  readonly checkoutScriptUrl: string;
  /** Registers credentials: `rzp_test_` + 14 letters/digits, or any key id of a length Razorpay accepts. */
  addKey(keyId: string, keySecret: string): void;
  /** A random `rzp_test_` key pair, already registered. */
  createTestKey(): { keyId: string; keySecret: string };
  readonly faults: FaultController;
  /** The account settings in force now (a copy). */
  settings(): SimulatorSettings;
  /** Changes account settings from now on (e.g. the capture delay); throws for bad values. */
  configure(patch: Partial<SimulatorSettings>): void;
  /** The simulator's time, ms since the epoch. */
  now(): number;
  /** Moves the simulator's time on: captures, attempt time-outs and refunds that fall due happen. */
  advanceClock(ms: number): void;
  /** failed -> authorized (-> captured when auto-capture applies), order -> paid. Throws for other states. */
  lateAuthorise(paymentId: string): void;
  getOrder(id: string): OrderEntity | undefined;
  getPayment(id: string): PaymentEntity | undefined;
  /** Every order / payment of every key, oldest first. */
  listOrders(): OrderEntity[];
  listPayments(): PaymentEntity[];
  /**
   * Create a payment as Checkout would (used by the fake checkout frame via HTTP,
   * and by tests directly). A queued `late_authorisation` fault on checkout.pay applies here too.
   */
  pay(input: PayInput): PayResult;
  /** Stops the server and drops open connections (also hung ones). Idempotent. */
  close(): Promise<void>;
}

export const DEFAULT_MAX_AMOUNT_PAISE = 50_000_000;

/** Demo mode's capture delay: long enough for a donor to see the kiosk confirm, short enough not to bore them. */
export const DEMO_CAPTURE_DELAY_MS = 3_000;

export async function startRazorpaySimulator(options: SimulatorOptions = {}): Promise<RazorpaySimulator> {
  const initial = parseSettingsPatch({
    autoCapture: options.autoCapture ?? true,
    captureDelayMs: options.captureDelayMs ?? 0,
    checkoutNeverCallsBack: options.checkoutNeverCallsBack ?? false,
  });
  if (!initial.ok) throw new TypeError(`Invalid simulator options: ${initial.problem}`);
  const settings: SimulatorSettings = { autoCapture: true, captureDelayMs: 0, checkoutNeverCallsBack: false, ...initial.patch };
  const clock = new SimulatorClock(options.now);
  const store = new SimulatorStore({ settings, clock, maxAmountPaise: options.maxAmountPaise ?? DEFAULT_MAX_AMOUNT_PAISE });
  const faults = new Faults();
  const server = new SimulatorHttpServer({ store, faults, settings, clock, controlToken: options.controlToken });
  const baseUrl = await server.listen(options.port ?? 0);

  return {
    baseUrl,
    checkoutScriptUrl: `${baseUrl}${CHECKOUT_SCRIPT_PATH}`,
    addKey: (keyId, keySecret) => store.addKey(keyId, keySecret),
    createTestKey: () => store.createTestKey(),
    faults,
    settings: () => ({ ...settings }),
    configure: (patch) => {
      const parsed = parseSettingsPatch(patch);
      if (!parsed.ok) throw new TypeError(`Invalid simulator settings: ${parsed.problem}`);
      Object.assign(settings, parsed.patch);
    },
    now: () => clock.now(),
    advanceClock: (ms) => clock.advance(ms),
    lateAuthorise: (paymentId) => store.lateAuthorise(paymentId),
    getOrder: (id) => store.getOrder(id),
    getPayment: (id) => store.getPayment(id),
    listOrders: () => store.allOrders(),
    listPayments: () => store.allPayments(),
    pay: (input) => {
      const late = faults.takeIf('checkout.pay', 'late_authorisation') !== undefined;
      return store.pay(input, { lateAuthorisation: late });
    },
    close: () => server.close(),
  };
}
