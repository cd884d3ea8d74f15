// What the bench measures inside the page, in the page's own clock: an init
// script that runs in every frame before the page's scripts, watches the DOM
// and records when things happen (performance.timeOrigin + performance.now(),
// so the kiosk page and the cross-origin Checkout frame share one clock).
// Plain browser JavaScript in a string: the bench's tsconfig has no DOM types.
//   kiosk page:     welcomeInteractive — the welcome screen's first amount visible and enabled;
//                   payTaps — each click on "Pay ₹…" or "Continue to payment" (the Pay tap);
//                   checkoutShown — each time Checkout's container became visible;
//                   taps — every tap on a button or field, with the next frame after it
//                   (the screen has answered) and the screen shown then.
//   Checkout frame: methodsShown — each time its payment methods became visible.
export const PAGE_INSTRUMENTS = String.raw`
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const bench = { welcomeInteractive: null, payTaps: [], checkoutShown: [], methodsShown: [], taps: [], screens: [] };
  let screenName = null;
  Object.defineProperty(window, '__kioskBench', { value: bench });
  const visible = (el) => {
    if (!el || !el.isConnected) return false;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || window.innerWidth === 0) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none';
  };
  let checkoutWasShown = false;
  let methodsWereShown = false;
  const check = () => {
    if (bench.welcomeInteractive === null) {
      const first = document.querySelector('[data-screen="welcome"] [data-testid="welcome-amounts"] button, [data-screen="welcome"] [data-testid="welcome-causes"] button');
      if (first && !first.disabled && visible(first)) bench.welcomeInteractive = now();
    }
    const shownScreen = document.querySelector('[data-screen]');
    const name = shownScreen ? shownScreen.getAttribute('data-screen') : null;
    if (name !== screenName) {
      screenName = name;
      bench.screens.push({ name, at: now() });
    }
    const frame = document.querySelector('iframe.razorpay-checkout-frame');
    const shown = visible(frame);
    if (shown && !checkoutWasShown) bench.checkoutShown.push(now());
    checkoutWasShown = shown;
    const methods = visible(document.querySelector('[data-testid="sim-method-upi"]'));
    if (methods && !methodsWereShown) bench.methodsShown.push(now());
    methodsWereShown = methods;
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  addEventListener('resize', check);
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (button && (button.textContent.includes('Continue to payment') || /^Pay/.test(button.textContent.trim()))) bench.payTaps.push(now());
    const target = event.target instanceof Element ? event.target.closest('button, input') : null;
    if (target) {
      const tap = { at: now(), label: (target.getAttribute('aria-label') || target.textContent || target.id || '').trim().slice(0, 30), answeredAt: null };
      bench.taps.push(tap);
      requestAnimationFrame(() => { tap.answeredAt = now(); });
    }
  }, true);
})();
`;

export interface PageMarks {
  /** ms since the epoch (high resolution), in the frame's clock. */
  welcomeInteractive: number | null;
  payTaps: number[];
  checkoutShown: number[];
  methodsShown: number[];
  /** Every tap on a button or field: when, what, and the next frame after it. */
  taps: { at: number; label: string; answeredAt: number | null }[];
  /** Each screen the kiosk showed, and when. */
  screens: { name: string | null; at: number }[];
}

interface BenchGlobal {
  __kioskBench?: PageMarks;
  performance: { timeOrigin: number };
}

/** Runs in the page (a function, not a string: the kiosk's CSP forbids eval). */
export function readMarks(): PageMarks | null {
  return (globalThis as unknown as BenchGlobal).__kioskBench ?? null;
}

/** Runs in the page: ms from navigation start to the welcome screen being usable, or null while it is not. */
export function readWelcomeInteractive(): number | null {
  const page = globalThis as unknown as BenchGlobal;
  const at = page.__kioskBench?.welcomeInteractive ?? null;
  return at === null ? null : at - page.performance.timeOrigin;
}

export function requireMarks(marks: PageMarks | null): PageMarks {
  if (marks === null) throw new Error('the page has no bench marks (init script missing?)');
  return marks;
}
