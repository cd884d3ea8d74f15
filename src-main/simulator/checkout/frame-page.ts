// The checkout frame page (the simulator's stand-in for
// https://api.razorpay.com/v1/checkout/public, razorpay.md §5.1). Self-contained
// HTML: no external resources. Every control has a stable data-testid (listed in
// the module's report) and an accessible name, for end-to-end tests and screen readers.
import { BANK_PAGE_TEMPLATE } from './bank-page.ts';
import { FRAME_SCRIPT } from './frame-script.ts';
import { FRAME_STYLES } from './frame-styles.ts';
import { SUCCESS_CARD_NUMBER, testCardTable } from '../test-cards.ts';

export const FRAME_TITLE = 'Razorpay Checkout (simulator)';

/** Banks offered for netbanking: [code, name]. */
export const SIMULATED_BANKS: ReadonlyArray<readonly [string, string]> = [
  ['HDFC', 'HDFC Bank'],
  ['ICIC', 'ICICI Bank'],
  ['SBIN', 'State Bank of India'],
  ['UTIB', 'Axis Bank'],
  ['KKBK', 'Kotak Mahindra Bank'],
  ['YESB', 'Yes Bank'],
];

/** Wallets offered: [code, name] (Razorpay's wallet codes). */
export const SIMULATED_WALLETS: ReadonlyArray<readonly [string, string]> = [
  ['mobikwik', 'MobiKwik'],
  ['phonepe', 'PhonePe'],
  ['amazonpay', 'Amazon Pay'],
  ['freecharge', 'Freecharge'],
  ['airtelmoney', 'Airtel Money'],
  ['jiomoney', 'JioMoney'],
];

/** The failing card suggested in the UI: Visa, insufficient funds (razorpay.md §6). */
const FAILURE_CARD_NUMBER = '4100280000080001';

/**
 * JSON that is safe inside an inline <script>: `<` is escaped so no string in it
 * (e.g. the bank page's `</script>`) can end the script element.
 */
function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * The page's CSP: nothing external; scripts only with this response's nonce
 * (the netbanking popup inherits the policy, so its script reuses the nonce);
 * fetch only to the simulator itself.
 */
export function framePageCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'unsafe-inline'",
    // The merchant's logo: a data URI, or an https URL (razorpay.md §5.2).
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const ICON_UPI = `<svg viewBox="0 0 24 24" aria-hidden="true" fill="#1f4fbf"><path d="M3 3h8v8H3zm2 2v4h4V5zm8-2h8v8h-8zm2 2v4h4V5zM3 13h8v8H3zm2 2v4h4v-4zm8-2h2v2h-2zm2 2h2v2h-2zm2-2h2v2h-2zm2 2h2v2h-2zm-4 2h2v2h-2zm2 2h2v2h-2zm2-2h2v2h-2zm-6 2h2v2h-2z"/></svg>`;
const ICON_CARD = `<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="#1f4fbf" stroke-width="2"><rect x="2" y="5" width="20" height="14" rx="2"/><path d="M2 10h20M6 15h4"/></svg>`;
const ICON_WALLET = `<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="#1f4fbf" stroke-width="2"><path d="M3 7h16a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2zM3 7l13-3v3"/><circle cx="16.5" cy="13.5" r="1.5"/></svg>`;
const ICON_BANK = `<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="#1f4fbf" stroke-width="2"><path d="M3 10l9-6 9 6M5 10v8m4-8v8m6-8v8m4-8v8M3 20h18"/></svg>`;

/** Netbanking and wallets: choose the bank or wallet, whose page opens in a pop-up. Ids are the frame script's. */
function popupMethodSection(m: { view: string; title: string; noun: string; label: string; select: string; selectTestId: string; blocked: string; blockedTestId: string }): string {
  return `    <section data-view="${m.view}" data-testid="sim-view-${m.view}" aria-labelledby="${m.view}-title" hidden>
      <h2 id="${m.view}-title" tabindex="-1">${m.title}</h2>
      <div class="alert" id="${m.blocked}" data-testid="${m.blockedTestId}" role="alert" hidden>
        The ${m.noun}'s window could not be opened: pop-ups are blocked. Choose another payment method.
      </div>
      <div class="field">
        <label for="${m.select}">${m.label}</label>
        <select id="${m.select}" data-testid="${m.selectTestId}"></select>
      </div>
      <p class="muted">Your ${m.noun}'s page opens in a new window.</p>
      <button type="button" class="btn btn-primary" id="${m.view}-pay" data-testid="sim-${m.view}-pay">Pay <span class="amount-inline"></span></button>
    </section>`;
}

export function framePage(nonce: string): string {
  const config = {
    cards: testCardTable(),
    successCard: SUCCESS_CARD_NUMBER,
    failureCard: FAILURE_CARD_NUMBER,
    banks: SIMULATED_BANKS,
    wallets: SIMULATED_WALLETS,
    bankPageTemplate: BANK_PAGE_TEMPLATE,
    icons: { upi: ICON_UPI, card: ICON_CARD, netbanking: ICON_BANK, wallet: ICON_WALLET },
  };
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${FRAME_TITLE}</title>
<style>${FRAME_STYLES}</style>
</head>
<body>
<div class="backdrop" id="backdrop" data-testid="sim-backdrop"></div>
<div class="modal" id="modal" role="dialog" aria-modal="true" aria-labelledby="merchant-name" data-testid="sim-modal" hidden>
  <div class="sim-strip" role="note" data-testid="sim-simulator-label">SIMULATOR — no real money</div>
  <header class="header">
    <div class="header-top">
      <div class="logo" id="logo" aria-hidden="true"></div>
      <div class="merchant">
        <h1 id="merchant-name" data-testid="sim-merchant-name"></h1>
        <p id="description" data-testid="sim-description" hidden></p>
        <span class="test-badge" id="test-mode" data-testid="sim-test-mode-ribbon" hidden>Test Mode</span>
      </div>
    </div>
    <button type="button" class="close" id="close" data-testid="sim-close" aria-label="Close checkout">&times;</button>
    <div class="amount-row">
      <div class="amount" id="amount" data-testid="sim-amount" aria-label="Amount to pay"></div>
      <div class="prefill">
        <span id="prefill-contact" data-testid="sim-prefill-contact" hidden></span>
        <span id="prefill-email" data-testid="sim-prefill-email" hidden></span>
      </div>
    </div>
  </header>

  <div class="nav" id="nav" hidden>
    <button type="button" class="back" id="back" data-testid="sim-back">&larr; All payment methods</button>
  </div>

  <div class="content">
    <section data-view="loading" data-testid="sim-loading" aria-labelledby="loading-title" hidden>
      <div class="status">
        <div class="spinner" aria-hidden="true"></div>
        <h2 id="loading-title" tabindex="-1">Loading payment methods…</h2>
      </div>
    </section>

    <section data-view="methods" data-testid="sim-view-methods" aria-labelledby="methods-title">
      <h2 id="methods-title" tabindex="-1">Choose a payment method</h2>
      <!-- Filled in from config.display (blocks, sequence, hide, preferences) when Checkout opens. -->
      <div class="blocks" id="blocks" data-testid="sim-methods"></div>
      <p class="alert" id="no-methods" data-testid="sim-no-methods" role="alert" hidden>No payment method is available for this payment.</p>
    </section>

    <section data-view="upi" data-testid="sim-view-upi" aria-labelledby="upi-title" hidden>
      <h2 id="upi-title" tabindex="-1">Pay with UPI</h2>
      <div id="upi-qr-section" data-testid="sim-upi-qr-section">
        <div class="qr-wrap">
          <div class="qr" id="qr" role="img" aria-label="UPI QR code (simulated, cannot be scanned)" data-testid="sim-upi-qr"></div>
          <div class="qr-caption">Scan with any UPI app to pay <strong class="amount-inline"></strong> · this QR code is simulated</div>
        </div>
        <div class="sim-box" role="group" aria-labelledby="upi-sim-title">
          <h3 id="upi-sim-title">Simulate the donor's UPI app</h3>
          <div class="stack">
            <button type="button" class="btn btn-success" id="upi-pay" data-testid="sim-upi-pay">Donor pays <span class="amount-inline"></span></button>
            <button type="button" class="btn btn-danger" id="upi-fail" data-testid="sim-upi-fail">Payment fails</button>
          </div>
        </div>
      </div>
      <form id="upi-collect-form" data-testid="sim-upi-collect-section" novalidate>
        <div class="field">
          <label for="upi-vpa">Or enter your UPI ID</label>
          <input type="text" id="upi-vpa" data-testid="sim-upi-vpa" autocomplete="off" autocapitalize="none" spellcheck="false"
            placeholder="name@bank" aria-describedby="upi-vpa-error upi-vpa-hint">
          <p class="hint" id="upi-vpa-hint">Simulator: any UPI ID (e.g. success@razorpay); you choose the app's answer next.</p>
          <p class="field-error" id="upi-vpa-error" data-testid="sim-upi-vpa-error" role="alert" hidden></p>
        </div>
        <button type="submit" class="btn btn-primary" id="upi-collect-send" data-testid="sim-upi-collect-send">Send a payment request</button>
      </form>
    </section>

    <section data-view="upi-collect" data-testid="sim-view-upi-collect" aria-labelledby="collect-title" hidden>
      <div class="status">
        <div class="spinner" aria-hidden="true"></div>
        <h2 id="collect-title" tabindex="-1">Approve the request in your UPI app</h2>
        <p class="muted">A request for <strong class="amount-inline"></strong> was sent to <strong id="collect-vpa"></strong>.</p>
      </div>
      <div class="sim-box" role="group" aria-labelledby="collect-sim-title">
        <h3 id="collect-sim-title">Simulate the donor's UPI app</h3>
        <div class="stack">
          <button type="button" class="btn btn-success" id="collect-approve" data-testid="sim-upi-collect-approve">Donor approves</button>
          <button type="button" class="btn btn-danger" id="collect-decline" data-testid="sim-upi-collect-decline">Donor declines</button>
        </div>
      </div>
    </section>

    <section data-view="card" data-testid="sim-view-card" aria-labelledby="card-title" hidden>
      <h2 id="card-title" tabindex="-1">Pay with a card</h2>
      <form id="card-form" novalidate>
        <div class="field">
          <label for="card-number">Card number</label>
          <input type="text" id="card-number" data-testid="sim-card-number" inputmode="numeric" autocomplete="off"
            placeholder="Enter your card number" aria-describedby="card-error card-hint" maxlength="23">
          <p class="field-error" id="card-error" data-testid="sim-card-error" role="alert" hidden></p>
        </div>
        <button type="submit" class="btn btn-primary" id="card-pay" data-testid="sim-card-pay">Pay <span class="amount-inline"></span></button>
        <div class="test-cards">
          <p class="hint" id="card-hint">Simulator test cards (tap to fill in; no expiry or CVV needed):</p>
          <button type="button" class="btn btn-secondary btn-small" id="card-fill-success" data-testid="sim-card-fill-success">Use 4100 2800 0000 1007 (succeeds)</button>
          <button type="button" class="btn btn-secondary btn-small" id="card-fill-failure" data-testid="sim-card-fill-failure">Use 4100 2800 0008 0001 (fails)</button>
        </div>
      </form>
    </section>

    <section data-view="otp" data-testid="sim-view-otp" aria-labelledby="otp-title" hidden>
      <h2 id="otp-title" tabindex="-1">Enter the OTP</h2>
      <p class="muted">Your bank sent a one-time password to the mobile number of the card ending <strong id="otp-last4"></strong>.</p>
      <form id="otp-form" novalidate>
        <div class="field">
          <label for="otp-input">One-time password</label>
          <input type="text" id="otp-input" data-testid="sim-otp-input" inputmode="numeric" autocomplete="one-time-code" maxlength="10"
            aria-describedby="otp-error otp-hint">
          <p class="hint" id="otp-hint">Simulator: any 4 to 10 digits succeed; fewer fail.</p>
          <p class="field-error" id="otp-error" data-testid="sim-otp-error" role="alert" hidden></p>
        </div>
        <div class="stack">
          <button type="submit" class="btn btn-primary" id="otp-submit" data-testid="sim-otp-submit">Submit</button>
          <button type="button" class="btn btn-secondary btn-small" id="otp-fill" data-testid="sim-otp-fill">Use 1234</button>
          <button type="button" class="btn btn-danger" id="otp-cancel" data-testid="sim-otp-cancel">Cancel payment</button>
        </div>
      </form>
    </section>

${popupMethodSection({ view: 'netbanking', title: 'Pay with netbanking', noun: 'bank', label: 'Your bank', select: 'bank', selectTestId: 'sim-bank-select', blocked: 'popup-blocked', blockedTestId: 'sim-popup-blocked' })}

${popupMethodSection({ view: 'wallet', title: 'Pay with a wallet', noun: 'wallet', label: 'Your wallet', select: 'wallet', selectTestId: 'sim-wallet-select', blocked: 'wallet-popup-blocked', blockedTestId: 'sim-wallet-popup-blocked' })}

    <section data-view="bank-waiting" data-testid="sim-view-bank-waiting" aria-labelledby="wait-title" hidden>
      <div class="status">
        <div class="spinner" aria-hidden="true"></div>
        <h2 id="wait-title" tabindex="-1">Complete the payment in the new window</h2>
        <p class="muted">Approve or decline the payment on <strong id="wait-bank"></strong>'s page.</p>
      </div>
      <div class="stack">
        <button type="button" class="btn btn-secondary" id="bank-focus" data-testid="sim-bank-focus">Show the payment window</button>
        <button type="button" class="btn btn-danger" id="bank-cancel" data-testid="sim-bank-cancel">Cancel payment</button>
      </div>
    </section>

    <section data-view="processing" data-testid="sim-processing" aria-labelledby="processing-title" hidden>
      <div class="status">
        <div class="spinner" aria-hidden="true"></div>
        <h2 id="processing-title" tabindex="-1">Processing your payment…</h2>
        <p class="muted">Please do not close this window.</p>
      </div>
    </section>

    <section data-view="success" data-testid="sim-success" aria-labelledby="success-title" hidden>
      <div class="status">
        <div class="status-icon ok" aria-hidden="true">&#10003;</div>
        <h2 id="success-title" tabindex="-1">Payment successful</h2>
        <p class="muted">Returning you to <span class="merchant-inline"></span>…</p>
      </div>
    </section>

    <section data-view="error" data-testid="sim-error" aria-labelledby="error-title" hidden>
      <div class="status">
        <div class="status-icon bad" aria-hidden="true">!</div>
        <h2 id="error-title" tabindex="-1">Payment failed</h2>
        <p class="error-text" id="error-message" data-testid="sim-error-message"></p>
      </div>
      <button type="button" class="btn btn-primary" id="retry" data-testid="sim-retry">Try again</button>
    </section>

    <section data-view="fault" data-testid="sim-fault" aria-labelledby="fault-title" hidden>
      <div class="status">
        <div class="status-icon bad" aria-hidden="true">!</div>
        <h2 id="fault-title" tabindex="-1">Oops! Something went wrong.</h2>
        <p class="muted" id="fault-message" data-testid="sim-fault-message">Closing…</p>
      </div>
    </section>
  </div>

  <div class="confirm-layer" id="confirm-layer" hidden>
    <div class="confirm" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-text" data-testid="sim-confirm-close">
      <h2 id="confirm-title">Cancel payment?</h2>
      <p id="confirm-text">Your payment is not complete. Do you want to cancel it?</p>
      <div class="stack">
        <button type="button" class="btn btn-danger" id="confirm-yes" data-testid="sim-confirm-close-yes">Yes, cancel payment</button>
        <button type="button" class="btn btn-primary" id="confirm-no" data-testid="sim-confirm-close-no">No, continue paying</button>
      </div>
    </div>
  </div>
  <div class="sr-only" id="live" aria-live="polite"></div>
</div>
<div class="standalone" id="standalone" hidden>
  <h1>${FRAME_TITLE}</h1>
  <p>This page is the simulator's checkout frame. It is shown by <code>checkout.js</code> when a page calls <code>new Razorpay(options).open()</code>.</p>
</div>
<script nonce="${nonce}">
(function (CONFIG) {
${FRAME_SCRIPT}
})(${inlineJson(config)});
</script>
</body>
</html>`;
}
