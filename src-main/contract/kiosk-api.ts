// The one contract between the kiosk's main process and its renderer.
//
// Types and channel names only: no runtime imports, so the renderer, the
// preload and the browser-mode web bridge can all depend on it without pulling
// main-side code. Main validates every payload with the zod schemas in
// ./schemas.ts and answers every call with a Result; nothing is thrown across.

export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskError };

export type KioskErrorCode =
  /** The payload did not match the contract (shape, type, fractional amount...). */
  | 'invalid_request'
  /** An operator method was called without an active operator session. */
  | 'operator_required'
  /** This step (payment keys, update settings, exports, exit) asks for the PIN again: confirmOperatorPin, then repeat the call. */
  | 'pin_required'
  /** No PIN file on a kiosk that already has donations: set-up is reset from the machine itself (docs/security.md). */
  | 'operator_access_lost'
  /** The new PIN is too easy to guess (repeated, sequential, common) or shorter than the PIN rule allows (src-shared/pin-rule.ts). */
  | 'weak_pin'
  /** The PIN was wrong; see getOperatorGate for how many tries are left. */
  | 'wrong_pin'
  /** Too many wrong PINs: the pad is locked for a while (getOperatorGate says how long). */
  | 'pin_locked'
  /** A PIN already exists: first-start setup cannot replace it. */
  | 'pin_already_set'
  /** This build cannot do it here (e.g. storing keys in browser mode). */
  | 'not_supported'
  /** The amount is a whole number of rupees but outside the configured limits. */
  | 'amount_out_of_range'
  /** The donation id is not one this kiosk issued. */
  | 'unknown_donation'
  /** The donation is not in a state that allows this step (e.g. confirming twice). */
  | 'illegal_state'
  /** Razorpay could not be reached (refused, reset, DNS) or answered 5xx / non-JSON. */
  | 'gateway_unavailable'
  /** Razorpay did not answer within the request timeout. */
  | 'gateway_timeout'
  /** Razorpay answered 429. */
  | 'gateway_busy'
  /** Razorpay refused the request (4xx): keys, validation. */
  | 'gateway_rejected'
  /** Signature, order or amount did not match: never shown as success. */
  | 'verification_failed'
  /** The payment exists but did not complete (failed at the bank, or refunded): the donor may pay on the same order again. */
  | 'payment_not_completed'
  /**
   * Razorpay has authorised the payment and the kiosk is still capturing (or
   * recording) it: the money has reached Razorpay. Never offer a second
   * payment; follow it with getDonationProgress.
   */
  | 'payment_confirming'
  /** The kiosk cannot take donations now (offline, misconfigured). */
  | 'kiosk_unavailable'
  /** The call did not come from the kiosk's own page. */
  | 'forbidden_sender'
  /** A bug: logged in main; the donor sees a plain message. */
  | 'internal_error';

export interface KioskError {
  code: KioskErrorCode;
  /** Plain English, for logs and operators. The renderer shows its own catalogue text per code. */
  message: string;
  /** True when the same request may succeed if the donor tries again. */
  retryable: boolean;
  /** invalid_request only: what is wrong with which field, so a form can say it next to the field, in its own words. */
  fields?: FieldProblem[];
}

/** One thing wrong with one field of a request. */
export interface FieldProblem {
  /** Where in the request's payload, dot-separated: "settings.causes.1.presetAmountsRupees.0", "from". */
  path: string;
  problem: FieldProblemCode;
  /** The limit the value broke, where there is one: a length, a minimum, a maximum, a count. */
  limit?: number;
}

export type FieldProblemCode =
  /** Empty, and it must not be. */
  | 'required'
  /** Longer than `limit` characters. */
  | 'too_long'
  /** A number below `limit`. */
  | 'too_small'
  /** A number above `limit`. */
  | 'too_big'
  /** Fewer than `limit` entries. */
  | 'too_few'
  /** More than `limit` entries. */
  | 'too_many'
  /** Not a whole number. */
  | 'not_whole'
  /** Not in the form the field takes (a kiosk id, a PAN, a colour, a day, an https address, two decimals). */
  | 'format'
  /** Not one of the choices the field offers (a language, a layout). */
  | 'unknown_choice'
  /** Not a PNG or JPEG picture, or too big. */
  | 'picture'
  /** The minimum amount is above the maximum. */
  | 'min_above_max'
  /** A preset amount is outside the minimum and maximum amounts. */
  | 'outside_limits'
  /** The same as another entry's (two causes with one id). */
  | 'duplicate'
  /** A range ends before it starts (80G validity, an export's days). */
  | 'ends_before_start'
  /** 80G details for a cash gift above ₹2,000, which gets no deduction (s.80G(5D)). */
  | 'cash_above_80g_limit';

export type KioskMode = 'demo' | 'test' | 'live';

/**
 * Text the operator entered once per language: English always, other languages
 * (KioskState.language's codes) when given. Screens show the donor's language
 * and fall back to English (src-renderer/src/i18n/localized.ts).
 */
export type LocalizedText = { en: string } & Partial<Record<string, string>>;

export interface KioskState {
  mode: KioskMode;
  kioskId: string;
  organisationName: string;
  /** The first cause's English name (`causes` has them all, per language). */
  causeName: string;
  currency: 'INR';
  /** The first cause's preset amounts (each cause in `causes` has its own). */
  presetAmountsRupees: number[];
  minAmountRupees: number;
  maxAmountRupees: number;
  checkout: {
    /** Razorpay's checkout.js in live/test mode; the simulator's stand-in in demo mode. */
    scriptUrl: string;
    /** How long the renderer waits for checkout.js before telling the donor. */
    loadTimeoutMs: number;
  };
  /** How long the renderer waits for any donor call before giving up: main's longest legitimate answer, plus a margin. */
  donorCallTimeoutMs: number;
  /** Seconds the thank-you and failure screens wait before returning to welcome. */
  resultScreenSeconds: number;
  /**
   * Seconds without a touch or key press on the amount and details screens before
   * the "Are you still there?" prompt appears. Not counted on welcome, while
   * Checkout is open (its own timeout closes it), or while a payment opens or is
   * confirmed.
   */
  idleResetSeconds: number;
  /** The prompt's countdown in seconds; when it ends the donor's entries are cleared and the kiosk returns to welcome. */
  idlePromptSeconds: number;
  /** The donor screens' language (one of OperatorOverview.supportedLanguages). */
  language: string;
  /** The organisation's logo, a PNG or JPEG data URI; absent when none is set. */
  logoDataUri?: string;
  /** The details screen offers "I want an 80G tax receipt" (the operator has set the organisation's PAN and 80G registration). */
  taxReceiptsOffered: boolean;
  /** False by default: domestic payment methods only, and foreign donors are told where to go (FCRA). */
  acceptsForeignContributions: boolean;
  /** The causes to give to (at least one); with two or more the donor chooses. */
  causes: CauseInfo[];
  /** The processing fee a donor may add, in percent of the gift; 0 = not offered. */
  feeCoverPercent: number;
  /** The charity's message on the welcome screen (English "" = none), per language. */
  attractMessage: LocalizedText;
  /** The event's goal in rupees; 0 = no progress bar. */
  goalRupees: number;
  /** Show recent donors' first names on the welcome screen. */
  showDonorWall: boolean;
  /** The charity's look, applied at run time. */
  branding: Branding;
  /** Receipts go out by email (the operator set up the organisation's mail server): the details screen says so, the thank-you screen offers it. */
  emailReceipts: boolean;
}

export interface CauseInfo {
  id: string;
  /** Per language; the English name is the one the ledger, receipts and exports record. */
  name: LocalizedText;
  /** Per language; English "" = none. */
  description: LocalizedText;
  imageDataUri?: string;
  presetAmountsRupees: number[];
}

export interface Branding {
  /** #rrggbb, buttons and headings (also Checkout's colour). */
  primaryColor: string;
  /** #rrggbb, the progress bar and highlights. */
  accentColor: string;
  /** A PNG or JPEG data URI behind the donor screens; absent when none. */
  backgroundDataUri?: string;
}

/** What the welcome screen shows while idle; from the ledger (captured payments only). */
export interface AttractInfo {
  goalRupees: number;
  /** Captured money since the event's start day (or today when no event is set), fees included; the whole event's when `event` is there. */
  raisedRupees: number;
  /** Recent paid donors, newest first: a first name, or null for an anonymous gift. Empty when the wall is off. */
  recentDonors: (string | null)[];
  /** With an event id: the whole event across its kiosks (raisedRupees and recentDonors are then the event's). */
  event?: EventTotals;
}

// ---- one event, many kiosks (src-main/domain/fleet) --------------------------

/** One kiosk's part of the event. */
export interface KioskShare {
  kioskId: string;
  raisedRupees: number;
  donations: number;
  /** The kiosk showing this. */
  thisKiosk: boolean;
}

/** The event's paid online donations across every kiosk on the Razorpay account, each counted once. */
export interface EventTotals {
  eventId: string;
  raisedRupees: number;
  donations: number;
  /** Largest share first. */
  kiosks: KioskShare[];
  /** ISO 8601: when Razorpay last answered a read of the event; null before the first. */
  updatedAt: string | null;
  /** The kiosk cannot reach Razorpay now (or its last read failed): these are the figures it last knew. */
  lastKnown: boolean;
}

/**
 * Whether this kiosk may use its kiosk id for the event (issue 17): two
 * kiosks with one id would issue the same receipt numbers.
 * 'checking': not yet confirmed with Razorpay (donations wait);
 * 'ours': this kiosk holds the id for the event;
 * 'taken': another kiosk holds it (donations stay paused until the operator changes this kiosk's id).
 */
export type KioskIdCheckState = 'checking' | 'ours' | 'taken';

export interface KioskIdCheck {
  state: KioskIdCheckState;
  kioskId: string;
  /** 'taken': when the other kiosk claimed the id (ISO 8601). */
  takenSince: string | null;
  /** 'ours': payments on the event under this id from other installations (should be none). */
  foreignPayments: number;
}

/** The console's "this event" card, beyond this kiosk's own totals. */
export interface EventFleetView {
  totals: EventTotals;
  kioskIdCheck: KioskIdCheck;
  /** This kiosk's cash gifts recorded for the event (not in the shared total: no other kiosk can see them). */
  cashRupees: number;
  cashGifts: number;
  /** ISO 8601: the earliest the next read of Razorpay may start (at most one a minute). */
  nextReadAt: string;
}

export interface EventReportResult {
  path: string;
  /** Payment rows (online payments of every kiosk plus this kiosk's cash gifts). */
  rows: number;
  onlineRupees: number;
  cashRupees: number;
  kiosks: number;
  /** Payments on the event that this kiosk's ledger should know and does not (should always be 0). */
  missingFromThisLedger: number;
  /** ISO 8601: the Razorpay read the report is built from; null if there has been none. */
  asOf: string | null;
  lastKnown: boolean;
}

/** What can change while the kiosk runs; the renderer polls it on the welcome screen. */
export interface KioskStatus {
  /** False when Razorpay cannot be reached; the kiosk recovers by itself when it can. */
  online: boolean;
  /** False while the kiosk cannot finish a donation (offline, the ledger is unavailable, or its kiosk id is not confirmed for the event). */
  acceptingDonations: boolean;
  /** Set while the kiosk is out of service (its ledger cannot be written): the operator's words, for the out-of-service screen. */
  outOfServiceReason?: string;
  /** Present while the kiosk id waits for, or failed, the event's check: the donor is asked to wait or fetch a volunteer. */
  kioskIdHold?: 'checking' | 'taken';
}

export interface DonorDetails {
  anonymous: boolean;
  /** Required unless anonymous. */
  name?: string;
  /** Optional: Indian mobile number, passed to Checkout as prefill. */
  phone?: string;
  /** Optional: passed to Checkout as prefill. */
  email?: string;
  /** Only when the donor asked for an 80G receipt (never asked otherwise). */
  taxReceipt?: TaxReceiptDetails;
}

export interface StartDonationRequest {
  /** Whole rupees. Main decides the order amount from this after checking its own limits. */
  amountRupees: number;
  donor: DonorDetails;
  /** One of KioskState.causes; the first cause when absent. */
  causeId?: string;
  /** The donor chose to add the processing fee; main computes it (KioskState.feeCoverPercent). */
  coverFee?: boolean;
}

/** Razorpay Standard Checkout options, without the callbacks (the renderer adds those). */
export interface CheckoutOptions {
  key: string;
  order_id: string;
  amount: number;
  currency: 'INR';
  name: string;
  description: string;
  image?: string;
  prefill: { name?: string; email?: string; contact?: string };
  notes: Record<string, string>;
  /** Seconds; Checkout closes itself and calls ondismiss('timeout'). */
  timeout: number;
  retry: { enabled: boolean };
  modal: { escape: boolean; backdropclose: boolean; confirm_close: boolean; animation: boolean };
  theme: { color: string };
  /** Which payment methods Checkout offers; absent means Razorpay's defaults (razorpay.md §5.2). */
  config?: CheckoutDisplayConfig;
}

export interface CheckoutDisplayConfig {
  display: {
    blocks: Record<string, { name: string; instruments: { method: string }[] }>;
    sequence: string[];
    preferences: { show_default_blocks: boolean };
  };
}

export interface CheckoutSession {
  donationId: string;
  options: CheckoutOptions;
}

export interface ConfirmPaymentRequest {
  donationId: string;
  razorpayPaymentId: string;
  razorpayOrderId: string;
  razorpaySignature: string;
}

export type PaymentMethod = 'upi' | 'card' | 'netbanking' | 'wallet' | 'emi' | 'other';

export interface DonationReceipt {
  donationId: string;
  amountRupees: number;
  paymentId: string;
  receiptNumber: string;
  method: PaymentMethod;
  /** ISO 8601 */
  paidAt: string;
  /** Absent for anonymous gifts. */
  donorName?: string;
  /** The donor asked for an 80G receipt. */
  taxReceipt: boolean;
  /** The processing fee the donor added, included in amountRupees; absent when none. */
  feeRupees?: number;
  /** The cause the gift went to. */
  causeName?: string;
}

/** What Checkout's payment.failed event reported, as the renderer received it. */
export interface CheckoutFailure {
  code?: string;
  description?: string;
  reason?: string;
  source?: string;
  step?: string;
  paymentId?: string;
}

export interface RecordPaymentFailureRequest {
  donationId: string;
  failure: CheckoutFailure;
}

export type CancelReason =
  /** The donor closed Checkout. */
  | 'donor_closed'
  /** Checkout's own timeout closed it. */
  | 'checkout_timeout'
  /** checkout.js could not be loaded or failed to open. */
  | 'checkout_unavailable'
  /** The donor left the flow (back to start) before paying. */
  | 'donor_left'
  /**
   * The kiosk closed Checkout: no payment attempt was under way on the order
   * and nobody answered "Are you still there?". A payment that completes
   * after all is still recorded by reconciliation, and shown to the operator.
   */
  | 'abandoned';

export interface CancelDonationRequest {
  donationId: string;
  reason: CancelReason;
}

export interface DonationRef {
  donationId: string;
}

/** Where a donation's payment stands, for a donor's screen following one that is being confirmed. */
export type DonationProgress =
  | { status: 'paid'; receipt: DonationReceipt }
  /** Razorpay holds the payment (authorised); the kiosk is still capturing it. Never offer another payment. */
  | { status: 'confirming' }
  /** No payment is being confirmed for this donation (it failed, was closed, or expired). */
  | { status: 'not_paid' };

export interface OpenConsoleRequest {
  /** The language the donor screen shows (KioskState.language's kind): the console opens in it. */
  language: string;
}

// ---- operator ---------------------------------------------------------------

export type OperatorGateStatus =
  /** A fresh install (no PIN, no donations yet), or set-up reset from the machine: the operator chooses a PIN. */
  | 'needs_setup'
  /** The PIN file is gone on a kiosk that has donations: no set-up from the screen; reset it from the machine (docs/security.md). */
  | 'access_lost'
  | 'locked'
  | 'ready';

/** Where the operator stands with the PIN pad; safe to show on the operator screen. */
export interface OperatorGate {
  status: OperatorGateStatus;
  /** While locked: how long until the next try. */
  retryAfterMs: number;
  /** Wrong tries left before the pad locks. */
  attemptsBeforeLock: number;
  /** An operator session is open. */
  operatorActive: boolean;
  /** Operator mode ends after this long without a touch or key press on the console (noteOperatorActivity). */
  idleTimeoutMs: number;
  /** ...and this long after the PIN was entered, whatever the operator does. */
  maxSessionMs: number;
  /** The kiosk's mode, for the operator screens' banner. */
  mode: KioskMode;
  /** While a session is open: wrong PINs tried between the previous right PIN and this session's. */
  wrongAttemptsBeforeThisVisit: number;
  /** ISO 8601: the last of those wrong PINs; null when there were none. */
  lastWrongAttemptAt: string | null;
}

export interface PinRequest {
  /** Digits only (src-shared/pin-rule.ts); a new PIN must also pass the PIN rule. */
  pin: string;
}

/** What the operator may change from the console; main validates every field. */
export interface EditableSettings {
  organisationName: string;
  /** The event all the charity's kiosks share ("" = this kiosk alone): its orders carry it, and every kiosk totals it from Razorpay. Needs eventStartDate. */
  eventId: string;
  eventName: string;
  /** Local day YYYY-MM-DD the event began ("" = no event): the console's "this event" totals start there. */
  eventStartDate: string;
  kioskId: string;
  minAmountRupees: number;
  maxAmountRupees: number;
  idleResetSeconds: number;
  /** One of OperatorOverview.supportedLanguages. */
  language: string;
  /**
   * A PNG or JPEG data URI (base64, at most 256 KB decoded, checked by its bytes);
   * absent when no logo is set. In an update, "" removes the logo.
   */
  logoDataUri?: string;
  /** The causes donors give to, each with its name, description and preset amounts: the one place they are set. */
  causes: CauseInfo[];
  goalRupees?: number;
  attractMessage?: LocalizedText;
  showDonorWall?: boolean;
  feeCoverPercent?: number;
  /** #rrggbb */
  themeColor?: string;
  /** #rrggbb */
  accentColor?: string;
  /** As logoDataUri: "" in an update removes it. */
  backgroundDataUri?: string;
  /** 0-23, the kiosk's local time: updates install only in this hour (and only while idle); null = whenever the kiosk is idle. */
  updateInstallHour: number | null;
}

export interface UpdateSettingsRequest {
  settings: Partial<EditableSettings>;
}

export interface DonationRow {
  donationId: string;
  receipt: string;
  /** ISO 8601 */
  createdAt: string;
  amountRupees: number;
  state: string;
  donorName: string | null;
  paymentId: string | null;
  /** Paid after the donor saw a failure (found by reconciliation). */
  recovered: boolean;
  /** A cash gift the operator recorded (no Razorpay payment). */
  cash: boolean;
  /** The numbered receipt, once paid. */
  receiptNumber: string | null;
  /** The cause the gift is for. */
  cause?: string;
  /** For a recovered payment: the donor's phone and e-mail as given (so staff can follow up); null otherwise or when none was given. */
  contact: string | null;
}

/** A payment Razorpay has authorised that the kiosk has not captured yet: the console's "being confirmed" list. */
export interface BeingConfirmedRow {
  donationId: string;
  receipt: string;
  /** ISO 8601: when it was authorised. */
  since: string;
  amountRupees: number;
  paymentId: string | null;
  donorName: string | null;
  contact: string | null;
}

export interface OverviewRequest {
  /** A day in India's calendar, YYYY-MM-DD; today when absent. */
  day?: string;
  /** Matches the receipt number, the donation reference, the donation id, the payment id or the donor's name, on any day. */
  search?: string;
}

/** Totals of a period: count by state and money received (captured only). */
export interface PeriodTotals {
  byState: { state: string; count: number; amountRupees: number }[];
  receivedRupees: number;
  paidCount: number;
  recoveredCount: number;
}

/** The chosen day's totals, the event's, and the day's donations. */
export interface OperatorOverview extends PeriodTotals {
  day: string;
  /** From the event's start day to the end of today; null when no event start date is set. */
  event: (PeriodTotals & { name: string; since: string; /** With an event id: the whole event across its kiosks. */ fleet: EventFleetView | null }) | null;
  /** Newest first, at most 200: the day's, or with a search, the matches from every day. */
  donations: DonationRow[];
  settings: EditableSettings;
  /** The languages `settings.language` may take. */
  supportedLanguages: string[];
  mode: KioskMode;
  version: string;
  /** Payments authorised at Razorpay and not captured yet, any day, newest first. */
  beingConfirmed: BeingConfirmedRow[];
  /** Why the kiosk is out of service right now (its ledger cannot be written), or null. */
  outOfService: string | null;
}

export interface ExportRequest {
  /** Local days YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
}

export interface ExportResult {
  /** Where the CSV was written. */
  path: string;
  rows: number;
}

export interface SetPaymentKeysRequest {
  keyId: string;
  keySecret: string;
}

/** Where the keys in use came from. */
export type PaymentKeysSource =
  /** Typed in the operator console, kept encrypted by the OS (the installed app). */
  | 'console'
  /** KIOSK_RAZORPAY_KEY_* in the environment: development runs and browser mode only, never the installed app. */
  | 'environment'
  /** No keys: the built-in simulator. */
  | 'none';

/** The keys the kiosk runs with now (never the secret), and any saved for the next start. */
export interface PaymentKeysStatus {
  /** The key id in use; null in demo mode (the simulator's own key). */
  keyId: string | null;
  mode: KioskMode;
  source: PaymentKeysSource;
  /** Keys saved in the console that take effect when the kiosk restarts; null when none are waiting. */
  savedForRestart: { keyId: string; mode: 'test' | 'live' } | null;
}

export type UpdateState =
  /** Browser mode or an unpackaged build: updates are managed by the installed app. */
  | 'not-supported'
  | 'idle'
  | 'checking'
  | 'downloading'
  | 'up-to-date'
  /** Downloaded; waits for the kiosk to be idle (or for the install hour). */
  | 'waiting-to-install'
  | 'installing'
  | 'error';

/** The app's version and its updates, for the operator console. */
export interface UpdateStatus {
  currentVersion: string;
  state: UpdateState;
  /** Plain words for the operator. */
  message: string;
  /** The version being downloaded or waiting to install. */
  availableVersion: string | null;
  /** 0-100 while downloading. */
  downloadPercent: number | null;
  /** ISO 8601: when the last check finished. */
  lastCheckedAt: string | null;
  /** Where updates come from: fixed when the app was built; "" when this build has none. */
  feedUrl: string;
  installHour: number | null;
}

export interface KeyCheckResult {
  mode: KioskMode;
  ok: boolean;
  /** Plain words for the operator. */
  message: string;
}

/**
 * What the donor page may call (`window.kiosk`). Razorpay's checkout.js runs in
 * that page, so nothing here reads or changes what only the operator may.
 */
export interface DonorApi {
  getKioskState(): Promise<Result<KioskState>>;
  getKioskStatus(): Promise<Result<KioskStatus>>;
  startDonation(request: StartDonationRequest): Promise<Result<CheckoutSession>>;
  checkoutOpened(request: DonationRef): Promise<Result<null>>;
  recordPaymentFailure(request: RecordPaymentFailureRequest): Promise<Result<null>>;
  confirmPayment(request: ConfirmPaymentRequest): Promise<Result<DonationReceipt>>;
  /** For a payment being confirmed: each call tries the capture again; the renderer asks with backoff. */
  getDonationProgress(request: DonationRef): Promise<Result<DonationProgress>>;
  cancelDonation(request: CancelDonationRequest): Promise<Result<null>>;
  getAttractInfo(): Promise<Result<AttractInfo>>;
  checkTaxDetails(request: TaxReceiptDetails): Promise<Result<TaxDetailsCheckResult>>;
  /** The donor's own receipt, once, just after paying. */
  printReceipt(request: DonationRef): Promise<Result<PrintReceiptResult>>;
  /** The hidden corner or Ctrl+Alt+O: shows the operator console (its own window, or its own origin in browser mode) in the page's language. */
  openOperatorConsole(request: OpenConsoleRequest): Promise<Result<null>>;
  // The donor's receipt after paying, and a payment window left alone (issue 15).
  /** What the thank-you screen may offer for this donation's receipt. */
  getReceiptOptions(request: DonationRef): Promise<Result<ReceiptOptions>>;
  /** The donor asks for the receipt by email (shortly after paying only): it joins the outbox. */
  emailReceipt(request: EmailReceiptRequest): Promise<Result<EmailReceiptQueued>>;
  /** While Checkout is open: is a payment attempt under way on the donation's order (Razorpay says so)? */
  getPaymentActivity(request: DonationRef): Promise<Result<PaymentActivity>>;
}

/**
 * What the operator console may call (`window.kioskOperator`), from its own
 * window and preload (Electron) or its own origin (browser mode); main refuses
 * these from the donor page. The gate methods are open to the console; the rest
 * need an operator session, and some also a fresh PIN (pin_required).
 */
export interface OperatorApi {
  getOperatorGate(): Promise<Result<OperatorGate>>;
  setUpOperatorPin(request: PinRequest): Promise<Result<OperatorGate>>;
  unlockOperator(request: PinRequest): Promise<Result<OperatorGate>>;
  /** The PIN asked again before a sensitive step; the next such step within a minute goes through. */
  confirmOperatorPin(request: PinRequest): Promise<Result<OperatorGate>>;
  /** A person touched or typed on the console: the only thing that keeps operator mode open. */
  noteOperatorActivity(): Promise<Result<OperatorGate>>;
  /** Ends operator mode and leaves the console (back to the donor screen). */
  endOperatorSession(): Promise<Result<null>>;
  getOperatorOverview(request: OverviewRequest): Promise<Result<OperatorOverview>>;
  updateSettings(request: UpdateSettingsRequest): Promise<Result<EditableSettings>>;
  exportDonationsCsv(request: ExportRequest): Promise<Result<ExportResult>>;
  reconcileNow(): Promise<Result<{ checked: number; settled: number; recovered: number }>>;
  getPaymentKeysStatus(): Promise<Result<PaymentKeysStatus>>;
  setPaymentKeys(request: SetPaymentKeysRequest): Promise<Result<KeyCheckResult>>;
  /** Checks the keys typed (one call to Razorpay); stores nothing. */
  checkPaymentKeys(request: SetPaymentKeysRequest): Promise<Result<KeyCheckResult>>;
  exitKiosk(): Promise<Result<null>>;
  restartKiosk(): Promise<Result<null>>;

  // Receipts, 80G, cash gifts, Form 10BD (receipt-service.ts).
  getReceiptAdmin(request: ReceiptListRequest): Promise<Result<ReceiptAdmin>>;
  updateReceiptSettings(request: UpdateReceiptSettingsRequest): Promise<Result<ReceiptSettings>>;
  reprintReceipt(request: ReprintRequest): Promise<Result<PrintReceiptResult>>;
  testPrint(): Promise<Result<PrintReceiptResult>>;
  recordCashGift(request: CashGiftRequest): Promise<Result<CashGiftResult>>;
  exportForm10bd(request: ExportRequest): Promise<Result<Form10bdResult>>;
  getUpdateStatus(): Promise<Result<UpdateStatus>>;
  checkForUpdates(): Promise<Result<UpdateStatus>>;
  /** The operator installs a downloaded update at once (the kiosk restarts); illegal_state when none is ready. */
  installUpdateNow(): Promise<Result<UpdateStatus>>;

  // Email receipts (issue 15).
  getEmailReceiptAdmin(request: EmailOutboxRequest): Promise<Result<EmailReceiptAdmin>>;
  updateEmailSettings(request: UpdateEmailSettingsRequest): Promise<Result<EmailSettingsView>>;
  /** Sends a test message to the given address now, through the saved settings; the answer says what the server said. */
  sendTestEmail(request: TestEmailRequest): Promise<Result<TestEmailResult>>;
  /** Queues a sent or failed receipt email again, at once. */
  resendReceiptEmail(request: ResendEmailRequest): Promise<Result<EmailOutboxEntry>>;
  /** The whole event (every kiosk, from Razorpay, plus this kiosk's cash gifts) as a CSV with a per-kiosk summary; illegal_state without an event id. */
  exportEventReport(): Promise<Result<EventReportResult>>;
}

/** Every method main serves: one handler table, one validation table; who may call which is AUDIENCE. */
export interface KioskApi extends DonorApi, OperatorApi {}

export type KioskMethod = keyof KioskApi;
export type DonorMethod = keyof DonorApi;
export type OperatorMethod = keyof OperatorApi;

// ---- receipts, 80G, cash gifts, Form 10BD ------------------------------------

export type TaxIdType = 'pan' | 'aadhaar';

/** What a donor who wants an 80G receipt gives; main checks every field. */
export interface TaxReceiptDetails {
  /** The name as on the PAN. */
  nameOnPan: string;
  idType: TaxIdType;
  /** A PAN (ABCPE1234F) or a 12-digit Aadhaar number. */
  idNumber: string;
  address: string;
}

export type TaxDetailsField = 'nameOnPan' | 'idNumber' | 'address';

export type TaxDetailsProblem =
  | 'empty'
  | 'pan_format'
  | 'pan_holder_type'
  | 'aadhaar_format'
  | 'aadhaar_checksum'
  | 'name_missing'
  | 'name_characters'
  | 'address_missing'
  | 'address_short'
  | 'too_long';

/** Per field, what is wrong; empty when all is well. */
export interface TaxDetailsCheckResult {
  ok: boolean;
  problems: Partial<Record<TaxDetailsField, TaxDetailsProblem>>;
}

export type ReceiptLayout = 'thermal-80mm' | 'a4';

export interface PrintReceiptResult {
  receiptNumber: string;
  printed: boolean;
  /** Why it was not printed; null when it was. */
  problem: 'no_printer' | 'printer_failed' | null;
  /** Where the PDF copy was saved; null when none was needed or it could not be made. */
  pdfPath: string | null;
}

/** The operator's receipt settings (in kiosk-config.json). */
export interface ReceiptSettings {
  organisationAddress: string;
  /** The organisation's PAN, or "". */
  organisationPan: string;
  /** The 80G registration (approval) number, or "". */
  registration80G: string;
  /** YYYY-MM-DD or "". */
  registration80GValidFrom: string;
  registration80GValidTo: string;
  /** The system name of the receipt printer; "" = none (receipts are saved as PDF). */
  printerName: string;
  receiptLayout: ReceiptLayout;
  /** FCRA-registered charities only: lets Checkout offer all methods and drops the foreign-donor notice. */
  acceptForeignContributions: boolean;
}

export interface UpdateReceiptSettingsRequest {
  settings: Partial<ReceiptSettings>;
}

export interface ReceiptListRequest {
  /** Matches the receipt number or the donor's name. */
  search?: string;
}

export interface ReceiptSummary {
  donationId: string;
  receiptNumber: string;
  /** ISO 8601 */
  paidAt: string;
  amountRupees: number;
  donorName: string | null;
  /** upi, card, netbanking, wallet, emi, cash, other */
  method: string;
  taxReceipt: boolean;
}

export interface ReceiptAdmin {
  settings: ReceiptSettings;
  /** Donors are offered 80G receipts now (address, PAN and 80G number set, approval valid today). */
  taxReceiptsOffered: boolean;
  /** The printers the system knows (empty in browser mode). */
  printers: string[];
  /** Newest first, at most 50. */
  receipts: ReceiptSummary[];
}

export interface ReprintRequest {
  receiptNumber: string;
}

export interface CashGiftRequest {
  /** Whole rupees. */
  amountRupees: number;
  donorName: string;
  phone?: string;
  /** One of the causes; the first cause when absent. */
  causeId?: string;
  /** Only for gifts up to ₹2,000: a larger cash gift gets no 80G deduction (s.80G(5D)), so its details are not asked for. */
  taxReceipt?: TaxReceiptDetails;
  /** Print the receipt at once (or save the PDF). */
  print: boolean;
}

export interface CashGiftResult {
  donationId: string;
  receiptNumber: string;
  /** False for cash above ₹2,000 (s.80G(5D)) or when no 80G details were given. */
  eligibleFor80G: boolean;
  print: PrintReceiptResult | null;
}

export interface Form10bdRefusedRow {
  donationId: string;
  receiptNumber: string | null;
  /** Why it was left out, in plain words ("no PAN or Aadhaar number", "cash above ₹2,000 ..."). */
  missing: string[];
}

export interface Form10bdResult {
  path: string;
  rows: number;
  totalRupees: number;
  refused: Form10bdRefusedRow[];
}

// ---- the donor's receipt, email receipts, a payment window left alone (issue 15) ----

/** What the thank-you screen may offer. */
export interface ReceiptOptions {
  /** A receipt printer is set up and the system reports it ready: "Print my receipt" is offered. */
  canPrint: boolean;
  /**
   * null when email receipts are off. Otherwise where this receipt is going
   * (the address masked, "as•••@example.com"), or null in `queuedTo` when the
   * donor gave no address (the screen offers to take one).
   */
  email: { queuedTo: string | null } | null;
}

export interface EmailReceiptRequest {
  donationId: string;
  email: string;
}

export interface EmailReceiptQueued {
  /** The address, masked for the screen. */
  queuedTo: string;
}

export interface PaymentActivity {
  /**
   * true: a payment is being made on the order (created, e.g. the donor is
   * approving it in their UPI app or at the bank) or already went through;
   * false: none; null: Razorpay could not be asked (treat as "maybe").
   */
  underway: boolean | null;
}

export type EmailSecurity = 'tls' | 'starttls' | 'none';

/** The organisation's mail server (the password is kept apart, encrypted, and never shown). */
export interface EmailSettingsView {
  enabled: boolean;
  host: string;
  port: number;
  security: EmailSecurity;
  username: string;
  /** A password is stored (its value never leaves main). */
  passwordSet: boolean;
  fromAddress: string;
  fromName: string;
  /** False in browser mode: no password can be stored there. */
  canStorePassword: boolean;
}

export interface UpdateEmailSettingsRequest {
  settings: Partial<Omit<EmailSettingsView, 'passwordSet' | 'canStorePassword'>>;
  /** A new password; absent keeps the stored one, "" removes it. */
  password?: string;
}

export interface TestEmailRequest {
  to: string;
}

export interface TestEmailResult {
  sent: boolean;
  /** Plain words for the operator: what the server said. */
  message: string;
}

export type EmailOutboxStatus = 'queued' | 'sent' | 'failed';

export interface EmailOutboxEntry {
  id: number;
  donationId: string;
  receiptNumber: string | null;
  /** The full address: the console is the operator's. */
  to: string;
  status: EmailOutboxStatus;
  attempts: number;
  /** ISO 8601 */
  createdAt: string;
  /** ISO 8601: when it will be tried next, while queued. */
  nextAttemptAt: string | null;
  /** ISO 8601 */
  sentAt: string | null;
  /** What went wrong last, in plain words. */
  lastError: string | null;
}

export interface EmailOutboxRequest {
  /** Only these; all when absent. */
  status?: EmailOutboxStatus;
}

export interface EmailReceiptAdmin {
  settings: EmailSettingsView;
  counts: Record<EmailOutboxStatus, number>;
  /** Newest first, at most 100. */
  entries: EmailOutboxEntry[];
}

export interface ResendEmailRequest {
  id: number;
}

/** IPC channel per donor method; the donor preload and main use these names and no others. */
export const DONOR_CHANNELS = {
  getKioskState: 'kiosk:get-state',
  getKioskStatus: 'kiosk:get-status',
  startDonation: 'donation:start',
  checkoutOpened: 'donation:checkout-opened',
  recordPaymentFailure: 'donation:payment-failed',
  confirmPayment: 'donation:confirm-payment',
  getDonationProgress: 'donation:get-progress',
  cancelDonation: 'donation:cancel',
  getAttractInfo: 'kiosk:get-attract-info',
  checkTaxDetails: 'donation:check-tax-details',
  printReceipt: 'donation:print-receipt',
  openOperatorConsole: 'kiosk:open-operator-console',
  getReceiptOptions: 'donation:get-receipt-options',
  emailReceipt: 'donation:email-receipt',
  getPaymentActivity: 'donation:get-payment-activity',
} as const satisfies Record<DonorMethod, string>;

/** IPC channel per operator method; only the operator preload uses these, and main answers them only to the console. */
export const OPERATOR_CHANNELS = {
  getOperatorGate: 'operator:get-gate',
  setUpOperatorPin: 'operator:set-up-pin',
  unlockOperator: 'operator:unlock',
  confirmOperatorPin: 'operator:confirm-pin',
  noteOperatorActivity: 'operator:activity',
  endOperatorSession: 'operator:end-session',
  getOperatorOverview: 'operator:get-overview',
  updateSettings: 'operator:update-settings',
  exportDonationsCsv: 'operator:export-csv',
  reconcileNow: 'operator:reconcile-now',
  getPaymentKeysStatus: 'operator:get-payment-keys-status',
  setPaymentKeys: 'operator:set-payment-keys',
  checkPaymentKeys: 'operator:check-payment-keys',
  exitKiosk: 'operator:exit-kiosk',
  restartKiosk: 'operator:restart-kiosk',
  getReceiptAdmin: 'operator:get-receipt-admin',
  updateReceiptSettings: 'operator:update-receipt-settings',
  reprintReceipt: 'operator:reprint-receipt',
  testPrint: 'operator:test-print',
  recordCashGift: 'operator:record-cash-gift',
  exportForm10bd: 'operator:export-form-10bd',
  getUpdateStatus: 'operator:get-update-status',
  checkForUpdates: 'operator:check-for-updates',
  installUpdateNow: 'operator:install-update-now',
  getEmailReceiptAdmin: 'operator:get-email-receipt-admin',
  updateEmailSettings: 'operator:update-email-settings',
  sendTestEmail: 'operator:send-test-email',
  resendReceiptEmail: 'operator:resend-receipt-email',
  exportEventReport: 'operator:export-event-report',
} as const satisfies Record<OperatorMethod, string>;

/** A method belongs to one audience only: this line stops compiling if the two APIs share a method. */
export const AUDIENCES_ARE_DISJOINT: [DonorMethod & OperatorMethod] extends [never] ? true : never = true;

/** Every channel. */
export const CHANNELS = { ...DONOR_CHANNELS, ...OPERATOR_CHANNELS } as const satisfies Record<KioskMethod, string>;

export type Audience = 'donor' | 'operator';

/** Who may call each method. Main refuses a method from the other audience's page (forbidden_sender). */
export const AUDIENCE = {
  ...(Object.fromEntries(Object.keys(DONOR_CHANNELS).map((m) => [m, 'donor'])) as Record<DonorMethod, 'donor'>),
  ...(Object.fromEntries(Object.keys(OPERATOR_CHANNELS).map((m) => [m, 'operator'])) as Record<OperatorMethod, 'operator'>),
} as Readonly<Record<KioskMethod, Audience>>;

export const KIOSK_METHODS = Object.keys(CHANNELS) as KioskMethod[];
export const DONOR_METHODS = Object.keys(DONOR_CHANNELS) as DonorMethod[];
export const OPERATOR_METHODS = Object.keys(OPERATOR_CHANNELS) as OperatorMethod[];

export type KioskRequest<M extends KioskMethod> = Parameters<KioskApi[M]>[0];
export type KioskReply<M extends KioskMethod> = Awaited<ReturnType<KioskApi[M]>>;

declare global {
  interface Window {
    /** The donor page's API: set by the donor preload, or by the browser-mode web bridge. */
    kiosk?: DonorApi;
    /** The operator console's API: set by the operator preload, or by the browser-mode web bridge on the console's own origin. */
    kioskOperator?: OperatorApi;
  }
}
