// Drives the state machine in ./state.ts: talks to main through the bridge and
// to Razorpay Checkout, and turns every answer (or non-answer) into an action.
// Every bridge call goes through call(), which always resolves with a Result.
import type {
  CancelReason,
  CheckoutFailure,
  CheckoutSession,
  ConfirmPaymentRequest,
  DonorApi,
  KioskError,
  KioskErrorCode,
  Result,
  StartDonationRequest,
} from '../../../src-main/contract/kiosk-api.ts';
import { getKioskApi } from '../bridge/bridge.ts';
import {
  hideCheckoutOverlay,
  loadCheckout,
  type RazorpayDismiss,
  type RazorpayErrorDetail,
  type RazorpayFailure,
  type RazorpayInstance,
  type RazorpaySuccess,
} from '../checkout/razorpay.ts';
import {
  beingConfirmed,
  cannotContinue,
  checkoutLost,
  checkoutTimedOut,
  checkoutUnavailable,
  confirmFailure,
  donorClosed,
  openFailure,
  paymentFailed,
  startFailure,
} from './failures.ts';
import { initialState, reduce, type Action, type FailureInfo, type FlowState, type WelcomeChoice } from './state.ts';
import { setLanguage } from '../i18n/t.ts';
import type { DetailsInput } from './validation.ts';
import { CheckoutWatch, PAYMENT_RECHECK_MS } from './checkout-watch.ts';
import { idleSettings } from './idle.ts';

/**
 * No bridge call may keep a spinner up longer than main says it may need
 * (KioskState.donorCallTimeoutMs, from the gateway timeout); this until main has said.
 */
const CALL_TIMEOUT_MS = 120_000;
/**
 * How often a payment being confirmed is asked about: soon at first, then
 * every 15 s, while the donor stays on the screen (it returns to the start by
 * itself after two minutes; reconciliation finishes the capture after that).
 */
const FOLLOW_BACKOFF_MS = [2_000, 3_000, 5_000, 8_000, 13_000];
const FOLLOW_STEADY_MS = 15_000;
const FOLLOW_LIMIT_MS = 10 * 60_000;
/** Extra grace after Checkout's own timeout before the kiosk gives up on the window. */
const CHECKOUT_GRACE_MS = 30_000;
/** How often the welcome screen asks whether donations can be taken. */
const STATUS_POLL_MS = 3_000;
/** A status answer slower than this is ignored (the next poll asks again). */
const STATUS_TIMEOUT_MS = 5_000;
/** "Is anyone paying?" unanswered this long counts as "cannot say": the window stays open. */
const ACTIVITY_TIMEOUT_MS = 10_000;
/** How often the welcome screen refreshes the goal and donor wall (and at once on arriving there). */
export const ATTRACT_POLL_MS = 4_000;
/** How often an out-of-service kiosk checks whether the operator has fixed it. */
export const OUT_OF_SERVICE_RETRY_MS = 30_000;

function failResult<T>(code: KioskErrorCode, message: string, retryable = true): Result<T> {
  const error: KioskError = { code, message, retryable };
  return { ok: false, error };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as { ok?: unknown; error?: unknown };
  if (r.ok === true) return true;
  return r.ok === false && typeof r.error === 'object' && r.error !== null;
}

function prefersReducedMotion(): boolean {
  try {
    return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  } catch {
    return false;
  }
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function toCheckoutFailure(detail: RazorpayErrorDetail | undefined): CheckoutFailure {
  const failure: CheckoutFailure = {};
  if (!detail || typeof detail !== 'object') return failure;
  const code = str(detail.code);
  const description = str(detail.description);
  const reason = str(detail.reason);
  const source = str(detail.source);
  const step = str(detail.step);
  const meta = detail.metadata;
  const paymentId = meta && !Array.isArray(meta) ? str(meta.payment_id) : undefined;
  if (code) failure.code = code;
  if (description) failure.description = description;
  if (reason) failure.reason = reason;
  if (source) failure.source = source;
  if (step) failure.step = step;
  if (paymentId) failure.paymentId = paymentId;
  return failure;
}

export class KioskFlow {
  private state: FlowState = initialState;
  private readonly listeners = new Set<() => void>();
  private api: DonorApi | null = null;
  private booting = false;
  /** Bumped whenever a new async sequence starts or the donor leaves; stale sequences stop. */
  private run = 0;
  private rzp: RazorpayInstance | null = null;
  private checkoutGuard: ReturnType<typeof setTimeout> | undefined;
  /** Cancels and failure reports still in flight; a reopen waits for them so main sees them in order. */
  private pending: Promise<unknown> = Promise.resolve();
  private statusTimer: ReturnType<typeof setInterval> | undefined;
  private serviceTimer: ReturnType<typeof setInterval> | undefined;
  private polling = false;
  private attractTimer: ReturnType<typeof setInterval> | undefined;
  private attractPolling = false;
  /** Watches the open payment window for a donor who walked away (./checkout-watch.ts). */
  private watch: CheckoutWatch | null = null;

  readonly getState = (): FlowState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private dispatch(action: Action): void {
    const next = reduce(this.state, action);
    if (next === this.state) return;
    const leftCheckout = this.state.screen.name === 'checkout' && next.screen.name !== 'checkout';
    this.state = next;
    // Before anyone renders: every t() call from here on speaks the donor's language.
    setLanguage(next.language);
    if (leftCheckout) {
      this.clearCheckoutGuard();
      this.watch?.stop();
      this.watch = null;
    }
    this.syncTimers();
    for (const listener of this.listeners) listener();
  }

  /** Status polling runs on the welcome screen only; the out-of-service retry only on its screen. */
  private syncTimers(): void {
    const name = this.state.screen.name;
    if (name === 'welcome') {
      if (this.statusTimer === undefined) {
        this.statusTimer = setInterval(() => void this.pollStatus(), STATUS_POLL_MS);
        void this.pollStatus();
      }
      if (this.attractTimer === undefined) {
        this.attractTimer = setInterval(() => void this.pollAttract(), ATTRACT_POLL_MS);
        void this.pollAttract();
      }
    } else {
      if (this.statusTimer !== undefined) {
        clearInterval(this.statusTimer);
        this.statusTimer = undefined;
      }
      if (this.attractTimer !== undefined) {
        clearInterval(this.attractTimer);
        this.attractTimer = undefined;
      }
    }
    if (name === 'out-of-service') {
      this.serviceTimer ??= setInterval(() => void this.boot(), OUT_OF_SERVICE_RETRY_MS);
    } else if (this.serviceTimer !== undefined) {
      clearInterval(this.serviceTimer);
      this.serviceTimer = undefined;
    }
  }

  /** Asks main whether donations can be taken; true unless main says no. */
  private async pollStatus(): Promise<boolean> {
    if (this.polling) return this.state.status?.acceptingDonations !== false;
    this.polling = true;
    try {
      const result = await this.call((api) => api.getKioskStatus(), STATUS_TIMEOUT_MS);
      if (result.ok) {
        const reason = result.value.outOfServiceReason;
        if (reason !== undefined && reason !== '') {
          // The ledger cannot be written: out of service with the operator's reason, retried until main can take donations again.
          this.dispatch({ type: 'outOfService', operatorMessage: reason });
          return false;
        }
        this.dispatch({ type: 'status', status: result.value });
        return result.value.acceptingDonations;
      }
      if (result.error.code === 'kiosk_unavailable' && !result.error.retryable) {
        this.dispatch({ type: 'outOfService', operatorMessage: result.error.message });
        return false;
      }
      // No answer (e.g. a slow bridge): keep what we knew; main refuses a donation it cannot take.
      return this.state.status?.acceptingDonations !== false;
    } finally {
      this.polling = false;
    }
  }

  /** The goal's progress and the donor wall; a missed answer keeps what the screen shows. */
  private async pollAttract(): Promise<void> {
    const kiosk = this.state.kiosk;
    if (this.attractPolling || !kiosk || (kiosk.goalRupees <= 0 && !kiosk.showDonorWall)) return;
    this.attractPolling = true;
    try {
      const result = await this.call((api) => api.getAttractInfo(), STATUS_TIMEOUT_MS);
      if (result.ok) this.dispatch({ type: 'attract', info: result.value });
    } finally {
      this.attractPolling = false;
    }
  }

  /** A bridge call that always resolves with a Result, within main's longest legitimate answer. */
  private async call<T>(fn: (api: DonorApi) => Promise<Result<T>>, timeoutMs = this.state.kiosk?.donorCallTimeoutMs ?? CALL_TIMEOUT_MS): Promise<Result<T>> {
    const api = this.api;
    if (!api) return failResult('kiosk_unavailable', 'No kiosk bridge.');
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const timeout = new Promise<Result<T>>((resolve) => {
        timer = setTimeout(() => resolve(failResult('kiosk_unavailable', 'The kiosk did not answer in time.')), timeoutMs);
      });
      const result: unknown = await Promise.race([fn(api), timeout]);
      return isResult(result) ? (result as Result<T>) : failResult('internal_error', 'The kiosk answered without a Result.');
    } catch (err) {
      return failResult('internal_error', `Kiosk call failed: ${String(err)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A call main must see before the next checkoutOpened (a reopen waits for these). */
  private track<T>(call: Promise<Result<T>>): Promise<Result<T>> {
    this.pending = Promise.all([this.pending, call]);
    return call;
  }

  private cancel(donationId: string, reason: CancelReason): Promise<unknown> {
    return this.track(this.call((api) => api.cancelDonation({ donationId, reason })));
  }

  private recordFailure(donationId: string, failure: CheckoutFailure): void {
    void this.track(this.call((api) => api.recordPaymentFailure({ donationId, failure })));
  }

  // ---- start-up -------------------------------------------------------------

  async boot(): Promise<void> {
    if (this.booting) return;
    this.booting = true;
    try {
      this.dispatch({ type: 'boot' });
      if (!this.api) {
        try {
          this.api = await getKioskApi();
        } catch (err) {
          console.error('[kiosk] bridge unavailable:', err);
          this.dispatch({ type: 'setupFailed' });
          return;
        }
      }
      const result = await this.call((api) => api.getKioskState());
      if (result.ok) this.dispatch({ type: 'booted', kiosk: result.value });
      else if (result.error.code === 'kiosk_unavailable' && !result.error.retryable) {
        // Main is up but cannot work (e.g. the ledger is unreadable): a safe stop, retried slowly.
        console.error('[kiosk] out of service:', result.error.message);
        this.dispatch({ type: 'outOfService', operatorMessage: result.error.message });
      } else {
        console.error('[kiosk] getKioskState failed:', result.error);
        this.dispatch({ type: 'bootFailed' });
      }
    } finally {
      this.booting = false;
    }
  }

  // ---- the donor's choices ---------------------------------------------------

  /** A tap on the welcome screen (an amount, "Other amount", a cause): asks main once more that donations can be taken, then goes on. */
  async begin(choice: WelcomeChoice): Promise<void> {
    if (this.state.screen.name !== 'welcome') return;
    await this.pollStatus();
    this.dispatch({ type: 'begin', choice });
  }

  chooseLanguage(language: string): void {
    this.dispatch({ type: 'chooseLanguage', language });
  }

  toggleContrast(): void {
    this.dispatch({ type: 'toggleContrast' });
  }

  setCoverFee(on: boolean): void {
    this.dispatch({ type: 'coverFee', on });
  }

  choosePreset(amount: number): void {
    this.dispatch({ type: 'choosePreset', amount });
  }

  typeOtherAmount(text: string): void {
    this.dispatch({ type: 'typeOther', text });
  }

  /** "Pay" on the amount screen. */
  pay(): void {
    this.submit({ type: 'pay' });
  }

  addDetails(): void {
    this.dispatch({ type: 'addDetails' });
  }

  back(): void {
    this.dispatch({ type: 'back' });
  }

  editDetails(patch: Partial<DetailsInput>): void {
    this.dispatch({ type: 'editDetails', patch });
  }

  submitDetails(): void {
    this.submit({ type: 'submitDetails' });
  }

  /** The 80G step, once main found its fields in order. */
  submitTax(): void {
    this.submit({ type: 'submitTax' });
  }

  /**
   * A submit that moved the flow to "opening" starts the donation in main. Only
   * the move itself does: a second submit while the first is still being started
   * changes nothing, so it must not start a second donation.
   */
  private submit(action: Action): void {
    const before = this.state;
    this.dispatch(action);
    const { screen, donation } = this.state;
    if (this.state !== before && screen.name === 'opening' && donation && !donation.session) void this.startDonation(donation.request);
  }

  /** "Back to start", "Done", or the result-screen countdown. */
  leave(): void {
    this.run++;
    const { donation, screen } = this.state;
    if (donation?.session && donation.open) void this.cancel(donation.session.donationId, 'donor_left');
    // Leaving a payment still being confirmed: main stops counting on this screen to show it, and tells the operator when it is captured.
    else if (donation?.session && donation.payment && screen.name === 'failure') void this.cancel(donation.session.donationId, 'donor_left');
    this.closeCheckout();
    this.dispatch({ type: 'reset' });
  }

  /** "Try again" on the failure screen. */
  async retry(): Promise<void> {
    const { screen, donation } = this.state;
    if (screen.name !== 'failure' || !donation) return;
    const action = screen.failure.retry;
    const run = ++this.run;
    if (action === 'confirm' && donation.payment) {
      this.dispatch({ type: 'retrying', to: 'verifying' });
      await this.confirm(donation.payment, run);
    } else if (action === 'reopen' && donation.session) {
      this.dispatch({ type: 'retrying', to: 'opening' });
      await this.pending;
      if (run !== this.run) return;
      await this.openCheckout(donation.session, run, true);
    } else if (action === 'start' && !donation.session) {
      // Only a donation main never started is started again: a reopen or a
      // confirm that lacks what it needs does nothing, never a second donation.
      this.dispatch({ type: 'retrying', to: 'opening' });
      await this.startDonation(donation.request);
    }
  }

  // ---- the payment -----------------------------------------------------------

  private async startDonation(request: StartDonationRequest): Promise<void> {
    const run = ++this.run;
    const result = await this.call((api) => api.startDonation(request));
    if (run !== this.run) return;
    if (!result.ok) {
      this.dispatch({ type: 'failed', failure: startFailure(result.error, this.state.kiosk), donationOpen: false, dropSession: true });
      // Main may have gone offline since the welcome screen: the next status poll shows it there.
      if (result.error.code === 'kiosk_unavailable') void this.pollStatus();
      return;
    }
    this.dispatch({ type: 'sessionStarted', session: result.value });
    await this.openCheckout(result.value, run, false);
  }

  private async openCheckout(session: CheckoutSession, run: number, reopening: boolean): Promise<void> {
    const { donationId } = session;
    const kiosk = this.state.kiosk;
    const Razorpay = kiosk ? await loadCheckout(kiosk.checkout.scriptUrl, kiosk.checkout.loadTimeoutMs) : null;
    if (run !== this.run) return;
    if (!Razorpay) {
      console.error('[kiosk] checkout.js did not load from', kiosk?.checkout.scriptUrl);
      await this.giveUpOpening(donationId, run, checkoutUnavailable(donationId));
      return;
    }

    const opened = await this.call((api) => api.checkoutOpened({ donationId }));
    if (run !== this.run) return;
    if (!opened.ok) {
      const { code } = opened.error;
      if (reopening && (code === 'illegal_state' || code === 'unknown_donation')) {
        // Main will not reopen this donation: its payment may be authorised
        // already. Never start a new donation on the kiosk's own initiative;
        // ask main where this one stands.
        await this.afterRefusedReopen(donationId, run);
        return;
      }
      console.error('[kiosk] checkoutOpened failed:', opened.error);
      await this.giveUpOpening(donationId, run, openFailure(opened.error, donationId));
      return;
    }

    const { options } = session;
    try {
      const rzp = new Razorpay({
        ...options,
        handler: (response: RazorpaySuccess) => this.onPaid(donationId, response),
        modal: {
          ...options.modal,
          animation: options.modal.animation && !prefersReducedMotion(),
          ondismiss: (reason?: RazorpayDismiss) => this.onDismiss(donationId, reason),
        },
      });
      rzp.on('payment.failed', (response: RazorpayFailure) => this.onPaymentFailed(donationId, response));
      // Checkout closed itself with an error, after its "Oops! Something went wrong."
      // alert; no ondismiss follows. (Not a documented event: the guard covers its absence.)
      rzp.on('fault.close', () => this.onCheckoutFault(donationId));
      this.rzp = rzp;
      // The calm background first: callbacks fired from open() must find the checkout screen.
      this.dispatch({ type: 'checkoutShown', donationId });
      rzp.open();
      this.armCheckoutGuard(donationId, options.timeout);
      this.watchCheckout(donationId);
    } catch (err) {
      console.error('[kiosk] Razorpay Checkout could not open:', err);
      this.closeCheckout();
      if (this.state.screen.name !== 'checkout' && this.state.screen.name !== 'opening') return;
      await this.giveUpOpening(donationId, run, checkoutUnavailable(donationId));
    }
  }

  private async giveUpOpening(donationId: string, run: number, failure: FailureInfo): Promise<void> {
    await this.cancel(donationId, 'checkout_unavailable');
    if (run !== this.run) return;
    this.dispatch({ type: 'failed', failure, donationOpen: false });
  }

  /** Is this callback about the donation whose Checkout is showing right now? */
  private isCurrent(donationId: string): boolean {
    return this.state.donation?.session?.donationId === donationId;
  }

  /**
   * Checkout's success callback. It may come at any time, in any order with
   * ondismiss and close(): a payment it reports is never dropped. If the kiosk
   * has moved on (its guard closed Checkout and the donor left, or another
   * donation is showing), main still confirms it, out of sight.
   */
  private onPaid(donationId: string, response: RazorpaySuccess): void {
    try {
      const payment: ConfirmPaymentRequest = {
        donationId,
        razorpayPaymentId: str(response?.razorpay_payment_id) ?? '',
        razorpayOrderId: str(response?.razorpay_order_id) ?? '',
        razorpaySignature: str(response?.razorpay_signature) ?? '',
      };
      const { screen, donation } = this.state;
      const current = this.isCurrent(donationId);
      // The same success twice: the first is being (or has been) confirmed.
      if (current && donation?.payment?.razorpayPaymentId === payment.razorpayPaymentId) return;
      if (current && (screen.name === 'checkout' || screen.name === 'failure' || screen.name === 'opening')) {
        // Accept a late success even if the kiosk already gave up on the window.
        this.rzp = null;
        const run = ++this.run;
        this.dispatch({ type: 'verifying', payment });
        void this.confirm(payment, run);
        return;
      }
      console.error(`[kiosk] Checkout reported payment ${payment.razorpayPaymentId} for donation ${donationId} after the kiosk moved on; confirming it anyway.`);
      void this.track(this.call((api) => api.confirmPayment(payment)));
    } catch (err) {
      console.error('[kiosk] handler failed:', err);
    }
  }

  private async confirm(payment: ConfirmPaymentRequest, run: number): Promise<void> {
    const result = await this.call((api) => api.confirmPayment(payment));
    if (run !== this.run) return;
    if (result.ok) this.dispatch({ type: 'paid', receipt: result.value });
    else if (result.error.code === 'payment_confirming') this.followBeingConfirmed(payment.donationId, run);
    else {
      console.error('[kiosk] confirmPayment failed:', result.error);
      this.dispatch({ type: 'failed', failure: confirmFailure(result.error, payment.donationId) });
    }
  }

  /** Razorpay holds the payment: tell the donor, and keep asking main (with backoff) until it is captured. */
  private followBeingConfirmed(donationId: string, run: number): void {
    this.dispatch({ type: 'failed', failure: beingConfirmed(donationId) });
    void this.follow(donationId, run);
  }

  private async follow(donationId: string, run: number): Promise<void> {
    let waited = 0;
    for (let attempt = 0; waited < FOLLOW_LIMIT_MS; attempt++) {
      const wait = FOLLOW_BACKOFF_MS[attempt] ?? FOLLOW_STEADY_MS;
      await new Promise((resolve) => setTimeout(resolve, wait));
      waited += wait;
      if (run !== this.run || !this.isCurrent(donationId)) return;
      const result = await this.call((api) => api.getDonationProgress({ donationId }));
      if (run !== this.run) return;
      if (!result.ok) continue; // main slow or busy: the payment is no less safe; ask again
      if (result.value.status === 'paid') {
        this.dispatch({ type: 'paid', receipt: result.value.receipt });
        return;
      }
      if (result.value.status === 'not_paid') {
        this.dispatch({ type: 'failed', failure: cannotContinue(donationId) });
        return;
      }
    }
  }

  /** "Try again" found the donation closed to a new payment: show where it stands, never start another one. */
  private async afterRefusedReopen(donationId: string, run: number): Promise<void> {
    const progress = await this.call((api) => api.getDonationProgress({ donationId }));
    if (run !== this.run) return;
    if (progress.ok && progress.value.status === 'paid') this.dispatch({ type: 'paid', receipt: progress.value.receipt });
    else if (progress.ok && progress.value.status === 'confirming') this.followBeingConfirmed(donationId, run);
    else this.dispatch({ type: 'failed', failure: cannotContinue(donationId), donationOpen: false });
  }

  private onPaymentFailed(donationId: string, response: RazorpayFailure): void {
    try {
      if (!this.isCurrent(donationId) || this.state.screen.name !== 'checkout') return;
      const failure = toCheckoutFailure(response?.error);
      this.dispatch({ type: 'paymentFailed', donationId, failure });
      this.recordFailure(donationId, failure);
    } catch (err) {
      console.error('[kiosk] payment.failed handling failed:', err);
    }
  }

  private onDismiss(donationId: string, reason: RazorpayDismiss): void {
    try {
      if (!this.isCurrent(donationId) || this.state.screen.name !== 'checkout') return;
      this.rzp = null;
      let recorded = this.state.donation?.failure ?? null;
      if (typeof reason === 'object' && reason !== null) {
        if (!recorded) {
          recorded = toCheckoutFailure(reason.error);
          this.recordFailure(donationId, recorded);
        }
        this.dispatch({ type: 'failed', failure: paymentFailed(recorded, donationId) });
      } else if (recorded) {
        this.dispatch({ type: 'failed', failure: paymentFailed(recorded, donationId) });
      } else if (reason === 'timeout') {
        void this.cancel(donationId, 'checkout_timeout');
        this.dispatch({ type: 'failed', failure: checkoutTimedOut(donationId), donationOpen: false });
      } else {
        void this.cancel(donationId, 'donor_closed');
        this.dispatch({ type: 'failed', failure: donorClosed(donationId), donationOpen: false });
      }
    } catch (err) {
      console.error('[kiosk] ondismiss handling failed:', err);
    }
  }

  /** "I'm still here" over the payment window. */
  stillPaying(): void {
    this.watch?.stillHere();
  }

  /** Closes a window left alone, but never while a payment is being made on its order. */
  private watchCheckout(donationId: string): void {
    this.watch?.stop();
    const kiosk = this.state.kiosk;
    if (!kiosk || !this.isCurrent(donationId) || this.state.screen.name !== 'checkout') return;
    const idle = idleSettings(kiosk);
    const watch = new CheckoutWatch({
      settings: { quietMs: idle.resetMs, promptMs: idle.promptMs, recheckMs: PAYMENT_RECHECK_MS },
      ask: async () => {
        const result = await this.call((api) => api.getPaymentActivity({ donationId }), ACTIVITY_TIMEOUT_MS);
        return result.ok ? result.value.underway : null;
      },
      onPrompt: (secondsLeft) => this.dispatch({ type: 'checkoutPrompt', secondsLeft }),
      onAbandoned: () => this.abandonCheckout(donationId),
    });
    this.watch = watch;
    watch.start();
  }

  /** Nobody paying, nobody there: main records the window as abandoned, and the next donor finds the welcome screen. */
  private abandonCheckout(donationId: string): void {
    if (!this.isCurrent(donationId) || this.state.screen.name !== 'checkout') return;
    console.warn('[kiosk] payment window left alone with no payment under way: closing it');
    this.run++;
    void this.cancel(donationId, 'abandoned');
    const rzp = this.rzp;
    this.rzp = null;
    // Back to the start first, so the window's own close callback finds nothing to report.
    this.dispatch({ type: 'reset' });
    try {
      rzp?.close();
    } catch {
      // Already closed.
    }
    // close() may never be answered: the next donor must not find the old window over the welcome screen.
    hideCheckoutOverlay();
  }

  /** Checkout closed itself with an error (fault.close): no ondismiss will come. */
  private onCheckoutFault(donationId: string): void {
    try {
      if (!this.isCurrent(donationId) || this.state.screen.name !== 'checkout') return;
      this.rzp = null;
      this.recordFailure(donationId, { code: 'CHECKOUT_FAULT', reason: 'checkout_fault', description: 'Checkout closed itself with an error (fault.close)', source: 'checkout' });
      // The order stays open: Back to start cancels it, Try again reopens it.
      this.dispatch({ type: 'failed', failure: checkoutLost(donationId, 'fault') });
    } catch (err) {
      console.error('[kiosk] fault.close handling failed:', err);
    }
  }

  /**
   * Checkout should close itself at its own timeout. If it has not (it alerted and
   * never called back, or stopped answering), the kiosk closes it and tells the
   * donor. close() is asynchronous and may never be answered, so the kiosk does not
   * wait for ondismiss (a late one finds the failure screen and does nothing), and
   * hides a window that is still covering the screen.
   */
  private armCheckoutGuard(donationId: string, timeoutSeconds: number): void {
    this.clearCheckoutGuard();
    if (!(timeoutSeconds > 0)) return;
    this.checkoutGuard = setTimeout(() => {
      if (!this.isCurrent(donationId) || this.state.screen.name !== 'checkout') return;
      console.error('[kiosk] Checkout did not close after its timeout; closing it.');
      this.closeCheckout();
      void this.cancel(donationId, 'checkout_timeout');
      this.dispatch({ type: 'failed', failure: checkoutLost(donationId, 'stuck'), donationOpen: false });
    }, timeoutSeconds * 1000 + CHECKOUT_GRACE_MS);
  }

  private clearCheckoutGuard(): void {
    clearTimeout(this.checkoutGuard);
    this.checkoutGuard = undefined;
  }

  /** Closes the window and hides it: close() is asynchronous and may never be answered. */
  private closeCheckout(): void {
    const rzp = this.rzp;
    this.rzp = null;
    if (!rzp) return;
    try {
      rzp.close();
    } catch {
      // Already closed.
    }
    hideCheckoutOverlay();
  }
}
