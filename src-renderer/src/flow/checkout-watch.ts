// A payment window left alone. Checkout shows the donor's phone and email and
// stays open for its own timeout (5 minutes), but a donor paying by UPI on
// their phone does not touch the kiosk either, so "no touches" proves
// nothing. What the kiosk can know is whether a payment is being made on the
// order (main asks Razorpay: getPaymentActivity). So, after the idle time:
//   - a payment under way (or Razorpay cannot say): the window stays, and the
//     kiosk asks again a little later; a donor mid-payment is never cut off;
//   - none: "Are you still there?" over the window, with its countdown; at the
//     end, if still no payment has started, the window is closed and the
//     kiosk starts over (main records it as abandoned; a payment that
//     completes after all is found by reconciliation and shown to the operator).
// With the shipped settings (60 s idle, 15 s prompt) an abandoned window is
// closed and cleared within about 75 seconds.
//
// Timers and the question are injected, so the unit tests drive it with a fake clock.

export interface CheckoutWatchSettings {
  /** How long the window may sit with no payment before the prompt (the kiosk's idle time). */
  quietMs: number;
  /** The prompt's countdown. */
  promptMs: number;
  /** How soon to ask again after a payment was under way (or Razorpay could not say). */
  recheckMs: number;
}

export interface CheckoutWatchDeps {
  settings: CheckoutWatchSettings;
  /** Is a payment being made on the order? null: could not be found out. */
  ask: () => Promise<boolean | null>;
  /** Show the prompt with this many seconds left, or hide it (null). */
  onPrompt: (secondsLeft: number | null) => void;
  /** Nobody is paying and nobody answered: close the window and start over. */
  onAbandoned: () => void;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export const PAYMENT_RECHECK_MS = 15_000;

export class CheckoutWatch {
  private readonly deps: CheckoutWatchDeps;
  private readonly now: () => number;
  private readonly set: (fn: () => void, ms: number) => unknown;
  private readonly clear: (timer: unknown) => void;
  private timer: unknown = null;
  /** Bumped on every restart or stop: an answer to an older question is ignored. */
  private generation = 0;
  private stopped = false;

  constructor(deps: CheckoutWatchDeps) {
    this.deps = deps;
    this.now = deps.now ?? Date.now;
    this.set = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clear = deps.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  }

  /** Checkout just opened (or the donor answered "I'm still here"): the quiet wait starts again. */
  start(): void {
    this.restart();
    this.later(this.deps.settings.quietMs, () => void this.check('quiet'));
  }

  /** "I'm still here". */
  stillHere(): void {
    this.deps.onPrompt(null);
    this.start();
  }

  stop(): void {
    this.stopped = true;
    this.restart();
  }

  private restart(): void {
    this.generation += 1;
    if (this.timer !== null) this.clear(this.timer);
    this.timer = null;
  }

  private later(ms: number, fn: () => void): void {
    if (this.stopped) return;
    this.timer = this.set(() => {
      this.timer = null;
      fn();
    }, ms);
  }

  private async check(phase: 'quiet' | 'prompt-ended'): Promise<void> {
    const generation = this.generation;
    const underway = await this.deps.ask().catch(() => null);
    if (this.stopped || generation !== this.generation) return;
    if (underway !== false) {
      // Paying (or unknown): never cut off. Ask again a little later.
      if (phase === 'prompt-ended') this.deps.onPrompt(null);
      this.later(this.deps.settings.recheckMs, () => void this.check('quiet'));
      return;
    }
    if (phase === 'quiet') {
      this.prompt(this.now());
      return;
    }
    this.deps.onPrompt(null);
    this.stop();
    this.deps.onAbandoned();
  }

  /** The countdown, one step per displayed second; at its end, one last question before closing. */
  private prompt(shownAt: number): void {
    const left = shownAt + this.deps.settings.promptMs - this.now();
    if (left <= 0) {
      void this.check('prompt-ended');
      return;
    }
    this.deps.onPrompt(Math.ceil(left / 1000));
    const step = left % 1000 === 0 ? 1000 : left % 1000;
    this.later(step, () => this.prompt(shownAt));
  }
}
