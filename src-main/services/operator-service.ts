// The operator console's handlers, behind the PIN.
//
// getOperatorGate, setUpOperatorPin, unlockOperator and endOperatorSession are
// open to anyone (they are the PIN pad); every other operator method first
// checks that operator mode is on, which also counts as activity, and
// otherwise answers `operator_required`. Operator mode ends by itself after a
// few idle minutes (operator-session.ts).
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
  KioskError,
  KioskErrorCode,
  KioskMode,
  OperatorGate,
  OperatorOverview,
  Result,
} from '../contract/kiosk-api.ts';
import { SUPPORTED_LANGUAGES, type KioskConfig } from '../domain/kiosk-config.ts';
import type { Ledger } from '../domain/ledger/ledger.ts';
import { OperatorAccessStorageError, type OperatorAccess } from '../domain/operator/operator-access.ts';
import type { PinRefusal } from '../domain/operator/pin-policy.ts';
import { buildDayReport } from '../domain/reports/day-report.ts';
import { indianDayRange, indianPeriod, isoIndianDay } from '../domain/india-time.ts';
import { prefixed } from '../domain/field-problems.ts';
import { editableSettingsOf, updateKioskSettings, type SettingsPatch } from '../domain/settings-update.ts';
import { donationsCsv } from '../domain/exports/donations-csv.ts';
import { writeFileAtomic } from '../domain/atomic-file.ts';
import { describeKeyCheck, type KeyChecker } from '../domain/gateway/key-check.ts';
import type { PassSummary } from '../domain/reconciliation/reconciler.ts';
import type { KioskHandlers } from './ipc-dispatcher.ts';
import { KeyStoreError, type KeyStore } from './key-store.ts';
import { modeOfKeyId } from './payment-keys.ts';
import { updatesNotSupported, type UpdateControl } from '../domain/updates/update-control.ts';
import type { EventFleet } from '../domain/fleet/event-fleet.ts';

export type OperatorMethod =
  | 'getOperatorGate'
  | 'setUpOperatorPin'
  | 'unlockOperator'
  | 'endOperatorSession'
  | 'getOperatorOverview'
  | 'updateSettings'
  | 'exportDonationsCsv'
  | 'reconcileNow'
  | 'setPaymentKeys'
  | 'checkPaymentKeys'
  | 'exitKiosk'
  | 'restartKiosk'
  | 'getUpdateStatus'
  | 'checkForUpdates'
  | 'installUpdateNow'
  | 'exportEventReport';

export type OperatorHandlers = Pick<KioskHandlers, OperatorMethod>;

/** The keys the kiosk runs with now, and where their Razorpay is. */
export interface ActiveKeys {
  mode: KioskMode;
  keyId: string;
  keySecret: string;
  apiUrl: string;
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
  /** The installed app's updater; null in browser mode and unpackaged runs. */
  updates?: UpdateControl | null;
  log: (line: string) => void;
  now?: () => number;
}

function fail(code: KioskErrorCode, message: string, retryable = false): { ok: false; error: KioskError } {
  return { ok: false, error: { code, message, retryable } };
}

const REFUSAL_WORDS: Record<PinRefusal, string> = {
  length: 'a PIN has 4 to 8 digits',
  not_digits: 'digits only',
  repeated: 'repeated digits',
  sequential: 'digits in sequence',
  common: 'one of the most common PINs',
};

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

  constructor(deps: OperatorServiceDeps) {
    this.#deps = deps;
    this.#now = deps.now ?? Date.now;
  }

  handlers(): OperatorHandlers {
    const guarded =
      <A extends unknown[], T>(work: (...args: A) => Promise<Result<T>> | Result<T>) =>
      async (...args: A): Promise<Result<T>> => {
        if (!this.#deps.access.touchOperator()) return fail('operator_required', 'Operator mode has ended; enter the PIN again.');
        return work(...args);
      };
    return {
      getOperatorGate: () => this.#withStorage(async () => ({ ok: true, value: await this.#gate() })),
      setUpOperatorPin: (request) => this.#withStorage(() => this.#setUp(request.pin)),
      unlockOperator: (request) => this.#withStorage(() => this.#unlock(request.pin)),
      endOperatorSession: () => {
        this.#deps.access.endOperatorSession();
        return { ok: true, value: null };
      },
      getOperatorOverview: guarded((request: { day?: string | undefined; search?: string | undefined }) => this.#overview(request.day, request.search)),
      updateSettings: guarded((request: { settings: SettingsPatch }) => this.#updateSettings(request.settings)),
      exportDonationsCsv: guarded((request: { from: string; to: string }) => this.#export(request.from, request.to)),
      reconcileNow: guarded(async () => {
        const summary = await this.#deps.reconcile();
        return { ok: true, value: { checked: summary.checked, settled: summary.settled, recovered: summary.recovered } };
      }),
      setPaymentKeys: guarded((request: { keyId: string; keySecret: string }) => this.#setKeys(request.keyId, request.keySecret)),
      checkPaymentKeys: guarded(() => this.#checkActiveKeys()),
      exitKiosk: guarded(() => {
        const exit = this.#deps.onExitRequested;
        if (exit === null) return fail('not_supported', 'Exiting is only possible in the installed kiosk app.');
        this.#deps.log('operator: exit requested');
        this.#deps.access.endOperatorSession();
        exit();
        return { ok: true, value: null };
      }),
      restartKiosk: guarded(() => {
        const restart = this.#deps.onRestartRequested;
        if (restart === null) return fail('not_supported', 'Restarting is only possible in the installed kiosk app; restart the browser-mode server instead.');
        this.#deps.log('operator: restart requested');
        this.#deps.access.endOperatorSession();
        restart();
        return { ok: true, value: null };
      }),
      getUpdateStatus: guarded(() => {
        const config = this.#deps.getConfig();
        const updates = this.#deps.updates ?? null;
        return { ok: true, value: updates?.status() ?? updatesNotSupported(this.#deps.version, config.updateFeedUrl, config.updateInstallHour) };
      }),
      checkForUpdates: guarded(async () => {
        const updates = this.#deps.updates ?? null;
        if (updates === null) return fail('not_supported', 'Updates are managed by the installed app; this copy of the kiosk does not update itself.');
        return { ok: true, value: await updates.checkNow() };
      }),
      exportEventReport: guarded(() => this.#exportEventReport()),
      installUpdateNow: guarded(() => {
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
    const snapshot = await this.#deps.access.snapshot();
    return {
      status: snapshot.status,
      retryAfterMs: snapshot.retryAfterMs,
      attemptsBeforeLock: snapshot.attemptsBeforeLock,
      operatorActive: snapshot.operatorActive,
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
          'Restore the file from a backup, or have someone with access to the kiosk computer remove it to set a new PIN.',
      );
    }
  }

  async #setUp(pin: string): Promise<Result<OperatorGate>> {
    const result = await this.#deps.access.setUpPin(pin);
    if (!result.ok) {
      if (result.reason === 'already_set') return fail('pin_already_set', 'A PIN is already set; unlock with it.');
      return fail('weak_pin', `${pin}: ${REFUSAL_WORDS[result.refusal]}. Choose a PIN that is harder to guess.`);
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
    switch (result.reason) {
      case 'needs_setup':
        return fail('illegal_state', 'No PIN has been set yet: set one up first.');
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

  async #checkActiveKeys(): Promise<Result<KeyCheckResult>> {
    const keys = this.#deps.activeKeys;
    const outcome = await this.#deps.checkKeys({ keyId: keys.keyId, keySecret: keys.keySecret, baseUrl: keys.apiUrl, timeoutMs: this.#deps.getConfig().gatewayTimeoutMs });
    const described = describeKeyCheck(keys.mode, outcome);
    const message = keys.mode === 'demo' ? `No Razorpay keys are set: the kiosk runs on its built-in simulator. ${described.message}` : described.message;
    return { ok: true, value: { mode: keys.mode, ok: described.ok, message } };
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
