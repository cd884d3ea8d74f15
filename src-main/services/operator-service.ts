// The operator console's handlers, behind the PIN.
//
// Only the console can call these (its own window and preload in Electron,
// its own origin in browser mode; the IPC registry and the browser-mode server
// refuse them from the donor page). getOperatorGate, setUpOperatorPin,
// unlockOperator and endOperatorSession are the PIN pad; everything else needs
// operator mode (operator-guard.ts), and payment keys, the update settings,
// exports of donor data and exiting the kiosk also need the PIN entered again
// (confirmOperatorPin). Only noteOperatorActivity, a person touching the
// console, keeps operator mode open; it ends after a few idle minutes and at
// most a quarter of an hour after the PIN (operator-session.ts).
//
// The Razorpay key secret goes from the request to the KeyStore and the key
// check only: it is in no reply, no log line and no export.
import { join } from 'node:path';
import type {
  DonationRow,
  PeriodTotals,
  EditableSettings,
  EventReportResult,
  ExportResult,
  KeyCheckResult,
  KioskMode,
  OperatorGate,
  OperatorOverview,
  PaymentKeysSource,
  PaymentKeysStatus,
  Result,
} from '../contract/kiosk-api.ts';
import { SUPPORTED_LANGUAGES, type KioskConfig } from '../domain/kiosk-config.ts';
import type { Ledger } from '../domain/ledger/ledger.ts';
import { OperatorAccessStorageError, type OperatorAccess } from '../domain/operator/operator-access.ts';
import type { PinRefusal } from '../../src-shared/pin-rule.ts';
import { buildDayReport, donorContact } from '../domain/reports/day-report.ts';
import { indianDayRange, indianPeriod, isoIndianDay } from '../../src-shared/india-time.ts';
import { prefixed } from '../domain/field-problems.ts';
import { editableSettingsOf, updateKioskSettings, UPDATE_SETTING_KEYS, type SettingsPatch } from '../domain/settings-update.ts';
import { donationsCsv } from '../domain/exports/donations-csv.ts';
import { writeFileAtomic } from '../domain/atomic-file.ts';
import { describeKeyCheck, type KeyChecker } from '../domain/gateway/key-check.ts';
import type { PassSummary } from '../domain/reconciliation/reconciler.ts';
import type { KioskHandlers } from './ipc-dispatcher.ts';
import { KeyStoreError, type KeyStore } from './key-store.ts';
import { modeOfKeyId } from './payment-keys.ts';
import { updatesNotSupported, type UpdateControl } from '../domain/updates/update-control.ts';
import { OPERATOR_MODE_ENDED, operatorFailure as fail, operatorGuards } from './operator-guard.ts';
import type { EventFleet } from '../domain/fleet/event-fleet.ts';

export type OperatorServiceMethod =
  | 'getOperatorGate'
  | 'setUpOperatorPin'
  | 'unlockOperator'
  | 'confirmOperatorPin'
  | 'noteOperatorActivity'
  | 'endOperatorSession'
  | 'getOperatorOverview'
  | 'updateSettings'
  | 'exportDonationsCsv'
  | 'reconcileNow'
  | 'getPaymentKeysStatus'
  | 'setPaymentKeys'
  | 'checkPaymentKeys'
  | 'exitKiosk'
  | 'restartKiosk'
  | 'getUpdateStatus'
  | 'checkForUpdates'
  | 'installUpdateNow'
  | 'exportEventReport';

export type OperatorHandlers = Pick<KioskHandlers, OperatorServiceMethod>;

/** The keys the kiosk runs with now, where they came from, and where their Razorpay is. */
export interface ActiveKeys {
  mode: KioskMode;
  keyId: string;
  keySecret: string;
  apiUrl: string;
  source: PaymentKeysSource;
}

export interface OperatorServiceDeps {
  access: OperatorAccess;
  ledger: Ledger;
  dataDir: string;
  mode: KioskMode;
  version: string;
  getConfig: () => KioskConfig;
  /** Makes new settings live (kiosk state, donation limits). */
  applyConfig: (config: KioskConfig) => void;
  reconcile: () => Promise<PassSummary>;
  /** The event across the charity's kiosks (src-main/domain/fleet); its card and report. */
  eventFleet: Pick<EventFleet, 'operatorView' | 'report'>;
  /** Where exports go; null means the operator cancelled. */
  chooseExportFolder: () => Promise<string | null>;
  /** null in browser mode: keys cannot be stored there. */
  keyStore: KeyStore | null;
  activeKeys: ActiveKeys;
  /** Where new keys of a mode are checked (Razorpay itself for live). */
  apiUrlFor: (mode: 'test' | 'live') => string;
  checkKeys: KeyChecker;
  /** null in browser mode. */
  onExitRequested: (() => void) | null;
  /** null in browser mode. */
  onRestartRequested: (() => void) | null;
  /** The console was left (Done, Cancel, idle): Electron closes its window. */
  onConsoleClosed?: () => void;
  /** The installed app's updater; null in browser mode and unpackaged runs. */
  updates?: UpdateControl | null;
  /** Why the kiosk is out of service right now (its ledger), or null. */
  outOfService?: () => string | null;
  log: (line: string) => void;
  now?: () => number;
}

const REFUSAL_WORDS: Record<PinRefusal, string> = {
  too_short: 'a new PIN has at least 6 digits',
  too_long: 'a PIN has at most 12 digits',
  not_digits: 'digits only',
  repeated: 'repeated digits',
  sequential: 'digits in sequence',
  common: 'one of the most common PINs',
};

/** What the operator is told when the PIN file is gone on a kiosk with donations. */
export const ACCESS_LOST_MESSAGE =
  'Operator access is lost: the PIN record is missing on a kiosk that already has donations, so a new PIN cannot be chosen here. ' +
  'Someone with access to the kiosk computer resets it (docs/security.md, "Operator access lost"); the kiosk keeps taking donations meanwhile.';

export function describeWait(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

const rupees = (paise: number) => paise / 100;

export class OperatorService {
  readonly #deps: OperatorServiceDeps;
  readonly #now: () => number;
  /** Keys saved in this run; they take effect at the next start. */
  #savedForRestart: PaymentKeysStatus['savedForRestart'] = null;

  constructor(deps: OperatorServiceDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
  }

  handlers(): OperatorHandlers {
    const { whileOperator, withFreshPin } = operatorGuards(this.#deps.access);
    return {
      getOperatorGate: () => this.#withStorage(async () => ({ ok: true, value: await this.#gate() })),
      setUpOperatorPin: (request) => this.#withStorage(() => this.#setUp(request.pin)),
      unlockOperator: (request) => this.#withStorage(() => this.#unlock(request.pin)),
      confirmOperatorPin: (request) => this.#withStorage(() => this.#confirm(request.pin)),
      noteOperatorActivity: () =>
        this.#withStorage(async () => (this.#deps.access.touchOperator() ? { ok: true, value: await this.#gate() } : fail('operator_required', OPERATOR_MODE_ENDED))),
      endOperatorSession: () => {
        this.#deps.access.endOperatorSession();
        this.#deps.onConsoleClosed?.();
        return { ok: true, value: null };
      },
      getOperatorOverview: whileOperator((request: { day?: string | undefined; search?: string | undefined }) => this.#overview(request.day, request.search)),
      // Only a change to the update settings asks for the PIN again.
      updateSettings: (request: { settings: SettingsPatch }) =>
        (UPDATE_SETTING_KEYS.some((key) => key in request.settings) ? withFreshPin : whileOperator)((patch: SettingsPatch) => this.#updateSettings(patch))(request.settings),
      exportDonationsCsv: withFreshPin((request: { from: string; to: string }) => this.#export(request.from, request.to)),
      reconcileNow: whileOperator(async () => {
        const summary = await this.#deps.reconcile();
        return { ok: true, value: { checked: summary.checked, settled: summary.settled, recovered: summary.recovered } };
      }),
      getPaymentKeysStatus: whileOperator(() => ({ ok: true, value: this.#keysStatus() })),
      setPaymentKeys: withFreshPin((request: { keyId: string; keySecret: string }) => this.#setKeys(request.keyId, request.keySecret)),
      checkPaymentKeys: whileOperator((request: { keyId: string; keySecret: string }) => this.#checkTypedKeys(request.keyId, request.keySecret)),
      exitKiosk: withFreshPin(() => {
        const exit = this.#deps.onExitRequested;
        if (exit === null) return fail('not_supported', 'Exiting is only possible in the installed kiosk app.');
        this.#deps.log('operator: exit requested');
        this.#deps.access.endOperatorSession();
        exit();
        return { ok: true, value: null };
      }),
      restartKiosk: whileOperator(() => {
        const restart = this.#deps.onRestartRequested;
        if (restart === null) return fail('not_supported', 'Restarting is only possible in the installed kiosk app; restart the browser-mode server instead.');
        this.#deps.log('operator: restart requested');
        this.#deps.access.endOperatorSession();
        restart();
        return { ok: true, value: null };
      }),
      getUpdateStatus: whileOperator(() => {
        const config = this.#deps.getConfig();
        const updates = this.#deps.updates ?? null;
        return { ok: true, value: updates?.status() ?? updatesNotSupported(this.#deps.version, '', config.updateInstallHour) };
      }),
      checkForUpdates: whileOperator(async () => {
        const updates = this.#deps.updates ?? null;
        if (updates === null) return fail('not_supported', 'Updates are managed by the installed app; this copy of the kiosk does not update itself.');
        return { ok: true, value: await updates.checkNow() };
      }),
      // The event report lists every kiosk's donors (first names): donor data leaving the kiosk asks for the PIN again.
      exportEventReport: withFreshPin(() => this.#exportEventReport()),
      installUpdateNow: whileOperator(() => {
        const updates = this.#deps.updates ?? null;
        if (updates === null) return fail('not_supported', 'Updates are managed by the installed app; this copy of the kiosk does not update itself.');
        const outcome = updates.installNow();
        if (!outcome.ok) return fail('illegal_state', outcome.message);
        // The kiosk restarts into the new version; operator mode ends like it does for "restart kiosk".
        this.#deps.log('operator: update install requested');
        this.#deps.access.endOperatorSession();
        return { ok: true, value: outcome.status };
      }),
    };
  }

  async #gate(): Promise<OperatorGate> {
    const { access } = this.#deps;
    const snapshot = await access.snapshot();
    const wrong = snapshot.wrongAttemptsBeforeThisVisit;
    return {
      status: snapshot.status,
      retryAfterMs: snapshot.retryAfterMs,
      attemptsBeforeLock: snapshot.attemptsBeforeLock,
      operatorActive: snapshot.operatorActive,
      idleTimeoutMs: access.sessionLimits.idleTimeoutMs,
      maxSessionMs: access.sessionLimits.maxSessionMs,
      mode: this.#deps.mode,
      wrongAttemptsBeforeThisVisit: wrong.count,
      lastWrongAttemptAt: wrong.lastAt === null ? null : new Date(wrong.lastAt).toISOString(),
    };
  }

  async #withStorage<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof OperatorAccessStorageError)) throw error;
      this.#deps.log(`operator: ${error.message}`);
      return fail(
        'kiosk_unavailable',
        `The operator PIN record cannot be read (${error.message}). It has not been changed and no new PIN can be set. ` +
          'Restore the file from a backup, or have someone with access to the kiosk computer reset operator access (docs/security.md, "Operator access lost"); the next operator then chooses a new PIN.',
      );
    }
  }

  async #setUp(pin: string): Promise<Result<OperatorGate>> {
    const result = await this.#deps.access.setUpPin(pin);
    if (!result.ok) {
      if (result.reason === 'already_set') return fail('pin_already_set', 'A PIN is already set; unlock with it.');
      if (result.reason === 'access_lost') {
        this.#deps.log('operator: PIN set-up refused: operator access is lost (no PIN record on a kiosk with donations)');
        return fail('operator_access_lost', ACCESS_LOST_MESSAGE);
      }
      return fail('weak_pin', `That PIN is refused: ${REFUSAL_WORDS[result.refusal]}. Choose a PIN that is harder to guess.`);
    }
    this.#deps.log('operator: PIN set up; operator mode started');
    return { ok: true, value: await this.#gate() };
  }

  async #unlock(pin: string): Promise<Result<OperatorGate>> {
    const result = await this.#deps.access.unlock(pin);
    if (result.ok) {
      this.#deps.log('operator: unlocked');
      return { ok: true, value: await this.#gate() };
    }
    return this.#refusedPin(result);
  }

  async #confirm(pin: string): Promise<Result<OperatorGate>> {
    const result = await this.#deps.access.confirmPin(pin);
    if (result.ok) {
      this.#deps.log('operator: PIN confirmed for a protected step');
      return { ok: true, value: await this.#gate() };
    }
    if (result.reason === 'no_session') return fail('operator_required', OPERATOR_MODE_ENDED);
    return this.#refusedPin(result);
  }

  async #refusedPin(result: Exclude<Awaited<ReturnType<OperatorAccess['unlock']>>, { ok: true }>): Promise<Result<OperatorGate>> {
    switch (result.reason) {
      case 'needs_setup':
        return (await this.#deps.access.status()) === 'access_lost'
          ? fail('operator_access_lost', ACCESS_LOST_MESSAGE)
          : fail('illegal_state', 'No PIN has been set yet: set one up first.');
      case 'locked':
        return fail('pin_locked', `Too many wrong PINs: try again in ${describeWait(result.retryAfterMs)}.`);
      case 'wrong_pin':
        this.#deps.log('operator: wrong PIN');
        return fail(
          'wrong_pin',
          result.retryAfterMs > 0
            ? `Wrong PIN. The pad is locked for ${describeWait(result.retryAfterMs)}.`
            : `Wrong PIN. ${result.attemptsBeforeLock} more ${result.attemptsBeforeLock === 1 ? 'try' : 'tries'} before the pad locks.`,
        );
    }
  }

  #overview(day: string | undefined, search: string | undefined): Result<OperatorOverview> {
    const today = isoIndianDay(this.#now());
    const shown = day ?? today;
    const range = indianDayRange(shown);
    if (range === null) return fail('invalid_request', `${shown} is not a day`);
    const { from, to } = range;
    const { ledger } = this.#deps;
    const report = buildDayReport(ledger, from, to);
    const recoveredIds = ledger.recoveredDonationIds();
    // A search looks through every day: the operator holding a receipt may not know its day.
    const searching = (search ?? '').trim() !== '';
    const listed = searching ? ledger.listNewestBetween(0, Number.MAX_SAFE_INTEGER, { search: search ?? '', limit: 200 }) : ledger.listNewestBetween(from, to, { limit: 200 });
    const donations: DonationRow[] = listed.map((d) => ({
      donationId: d.id,
      receipt: d.receipt,
      createdAt: new Date(d.createdAt).toISOString(),
      amountRupees: rupees(d.amountPaise),
      state: d.state,
      donorName: d.anonymous ? null : d.donorName,
      paymentId: d.paymentId,
      recovered: recoveredIds.has(d.id),
      cash: d.paymentMethod === 'cash',
      receiptNumber: d.receiptNo,
      cause: d.cause,
      contact: recoveredIds.has(d.id) ? donorContact(d) : null,
    }));
    const beingConfirmed = report.beingConfirmed.map((d) => ({
      donationId: d.id,
      receipt: d.receipt,
      since: new Date(d.updatedAt).toISOString(),
      amountRupees: rupees(d.amountPaise),
      paymentId: d.paymentId,
      donorName: d.anonymous ? null : d.donorName,
      contact: donorContact(d),
    }));
    const config = this.#deps.getConfig();
    // From the event's first day to the end of today (an event set to start later counts nothing yet).
    const eventPeriod = config.eventStartDate === '' ? null : (indianPeriod(config.eventStartDate, today) ?? { from: 0, to: 0 });
    const event = eventPeriod === null ? null : totalsOf(buildDayReport(ledger, eventPeriod.from, eventPeriod.to));
    return {
      ok: true,
      value: {
        day: shown,
        event: event === null ? null : { name: config.eventName, since: config.eventStartDate, ...event, fleet: this.#deps.eventFleet.operatorView() },
        ...totalsOf(report),
        donations,
        settings: editableSettingsOf(this.#deps.getConfig()),
        supportedLanguages: [...SUPPORTED_LANGUAGES],
        mode: this.#deps.mode,
        version: this.#deps.version,
        beingConfirmed,
        outOfService: this.#deps.outOfService?.() ?? null,
      },
    };
  }

  #updateSettings(patch: SettingsPatch): Result<EditableSettings> {
    if (Object.keys(patch).length === 0) return { ok: true, value: editableSettingsOf(this.#deps.getConfig()) };
    const result = updateKioskSettings(this.#deps.dataDir, patch);
    if (!result.ok) return { ok: false, error: { code: 'invalid_request', message: result.message, retryable: false, fields: prefixed('settings', result.fields) } };
    this.#deps.applyConfig(result.config);
    this.#deps.log(`operator: settings changed (${Object.keys(patch).join(', ')})`);
    return { ok: true, value: editableSettingsOf(result.config) };
  }

  async #export(fromDay: string, toDay: string): Promise<Result<ExportResult>> {
    // The request's days were checked on the way in (ipc-schemas.ts); this is the same rule, for callers that skip it.
    const period = indianPeriod(fromDay, toDay);
    if (period === null) return fail('invalid_request', 'The days must be real dates (YYYY-MM-DD), the first not after the last.');
    const folder = await this.#deps.chooseExportFolder();
    if (folder === null) return fail('invalid_request', 'No folder was chosen; nothing was exported.');
    const { ledger } = this.#deps;
    const donations = ledger.listCreatedBetween(period.from, period.to);
    const recoveredIds = ledger.recoveredDonationIds();
    const path = join(folder, `donations-${fromDay}-to-${toDay}.csv`);
    writeFileAtomic(path, donationsCsv(donations, recoveredIds));
    this.#deps.log(`operator: exported ${donations.length} donation(s) to ${path}`);
    return { ok: true, value: { path, rows: donations.length } };
  }

  async #exportEventReport(): Promise<Result<EventReportResult>> {
    const report = this.#deps.eventFleet.report();
    if (report === null) return fail('illegal_state', 'No event id is set: set the event id, name and start day on the Event and kiosk tab first.');
    const folder = await this.#deps.chooseExportFolder();
    if (folder === null) return fail('invalid_request', 'No folder was chosen; nothing was exported.');
    const path = join(folder, `event-${report.eventId}-${isoIndianDay(this.#now())}.csv`);
    writeFileAtomic(path, report.csv);
    this.#deps.log(`operator: event report of ${report.eventId} (${report.rows} payment(s), ${report.kiosks} kiosk(s)) exported to ${path}`);
    return {
      ok: true,
      value: {
        path,
        rows: report.rows,
        onlineRupees: rupees(report.onlinePaise),
        cashRupees: rupees(report.cashPaise),
        kiosks: report.kiosks,
        missingFromThisLedger: report.missingFromThisLedger,
        asOf: report.asOf === null ? null : new Date(report.asOf).toISOString(),
        lastKnown: report.lastKnown,
      },
    };
  }

  #keysStatus(): PaymentKeysStatus {
    const keys = this.#deps.activeKeys;
    return {
      keyId: keys.source === 'none' ? null : keys.keyId,
      mode: keys.mode,
      source: keys.source,
      savedForRestart: this.#savedForRestart,
    };
  }

  /** The keys typed in the console: one call to Razorpay, nothing stored. */
  async #checkTypedKeys(keyId: string, keySecret: string): Promise<Result<KeyCheckResult>> {
    const mode = modeOfKeyId(keyId);
    const outcome = await this.#deps.checkKeys({ keyId, keySecret, baseUrl: this.#deps.apiUrlFor(mode), timeoutMs: this.#deps.getConfig().gatewayTimeoutMs });
    const described = describeKeyCheck(mode, outcome);
    this.#deps.log(`operator: keys ${keyId} checked: ${described.ok ? 'they work' : 'not working'}`);
    return { ok: true, value: { mode, ok: described.ok, message: `${described.message} Nothing was saved.` } };
  }

  async #setKeys(keyId: string, keySecret: string): Promise<Result<KeyCheckResult>> {
    const store = this.#deps.keyStore;
    if (store === null) return fail('not_supported', 'Keys can only be stored by the installed kiosk app.');
    const mode = modeOfKeyId(keyId);
    const outcome = await this.#deps.checkKeys({ keyId, keySecret, baseUrl: this.#deps.apiUrlFor(mode), timeoutMs: this.#deps.getConfig().gatewayTimeoutMs });
    const described = describeKeyCheck(mode, outcome);
    if (!outcome.ok && outcome.error.kind === 'http' && (outcome.error.status === 401 || outcome.error.status === 403)) {
      this.#deps.log(`operator: payment keys ${keyId} refused by Razorpay; not saved`);
      return { ok: true, value: { mode, ok: false, message: `${described.message} They were not saved.` } };
    }
    try {
      await store.save({ keyId, keySecret });
    } catch (error) {
      const message = error instanceof KeyStoreError ? error.message : 'The keys could not be stored; they were not saved.';
      this.#deps.log(`operator: payment keys ${keyId} not saved: ${message}`);
      return fail('not_supported', message);
    }
    this.#savedForRestart = { keyId, mode };
    this.#deps.log(`operator: payment keys saved (key ${keyId}, ${mode} mode); they take effect after a restart`);
    return { ok: true, value: { mode, ok: described.ok, message: `${described.message} The keys were saved; they take effect when the kiosk restarts.` } };
  }
}

/** A report's totals as the console shows them, in rupees. */
function totalsOf(report: ReturnType<typeof buildDayReport>): PeriodTotals {
  return {
    byState: report.byState.map((line) => ({ state: line.state, count: line.count, amountRupees: rupees(line.amountPaise) })),
    receivedRupees: rupees(report.receivedPaise),
    paidCount: report.paidCount,
    recoveredCount: report.recoveredCount,
  };
}
