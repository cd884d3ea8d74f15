// Operator access: PIN setup, PIN unlock with lockout, and operator mode.
//
// Composes the PIN rule (src-shared/pin-rule.ts: which PINs are allowed),
// pin-hash (how one is kept), pin-lockout (how wrong PINs are slowed down) and
// operator-session (when operator mode ends). Storage, time and "does the
// kiosk have donations" are injected; nothing here knows about files, Electron
// or the renderer.
//
// Rules (kiosk-domain.md §2, §3, §5; issue 14):
// - No default PIN: until an operator sets one, unlock() refuses everything.
//   Whoever comes first may choose the PIN only on a fresh install (no PIN and
//   no donations yet: 'needs_setup'). A missing PIN on a kiosk that has
//   donations is 'access_lost': set-up stays shut until someone with access to
//   the machine resets it (a reset record, written by
//   src-main/tools/reset-operator-pin.ts or the app's --reset-operator-pin),
//   so deleting the file never hands the console to the next passer-by.
//   setUpPin() works only in 'needs_setup'; replacing a PIN needs the old one
//   (changePin).
// - Only a salted scrypt hash is saved, never the PIN; the PIN is not logged
//   or echoed in any result.
// - Every PIN check (unlock and changePin's old PIN) goes through the same
//   lockout, so changePin is not a way round it.
// - A try is counted *before* the PIN is checked and saved first; a right PIN
//   then clears the count. Cutting the power while the hash is computed
//   therefore costs the attacker a try instead of giving one for free.
// - Calls run one at a time, so two taps on "OK" cannot both slip in under
//   the limit.

import { hashPin, isPinHash, verifyPin, DEFAULT_SCRYPT_PARAMS, type ScryptParams } from './pin-hash.ts';
import {
  attemptsBeforeLock,
  canAttempt,
  DEFAULT_LOCKOUT_POLICY,
  initialLockout,
  normaliseLockout,
  recordFailure,
  recordSuccess,
  type LockoutPolicy,
  type LockoutState,
} from './pin-lockout.ts';
import { checkNewPin, type PinRefusal } from '../../../src-shared/pin-rule.ts';
import { OperatorSession, type OperatorSessionLimits } from './operator-session.ts';

/** What is persisted: plain JSON, no PIN. */
export interface StoredOperatorAccess {
  version: 1;
  /** `scrypt$N$r$p$salt$key` (pin-hash.ts). */
  pinHash: string;
  lockout: LockoutState;
  /** Epoch ms of the last wrong PIN since the last right one (the console tells the operator); null when none. Absent in older files. */
  lastFailureAt?: number | null;
}

/** Written from the machine itself (never from a screen): the next operator may choose a PIN. */
export interface StoredOperatorReset {
  version: 1;
  /** Epoch ms when the reset was made. */
  resetFromMachineAt: number;
}

export interface OperatorAccessStorage {
  /** null when there is no file at all. */
  load(): Promise<StoredOperatorAccess | StoredOperatorReset | null>;
  save(state: StoredOperatorAccess): Promise<void>;
}

export interface OperatorAccessClock {
  /** Wall-clock epoch ms (the lockout must survive restarts). */
  now(): number;
}

export interface OperatorAccessOptions {
  storage: OperatorAccessStorage;
  clock: OperatorAccessClock;
  /** True once the kiosk has any donation: then a missing PIN is lost access, not a fresh install. */
  hasDonations: () => boolean;
  session?: Partial<OperatorSessionLimits>;
  lockoutPolicy?: LockoutPolicy;
  /** Tests use cheaper parameters; production keeps the default. */
  scryptParams?: ScryptParams;
}

export type OperatorAccessStatus = 'needs_setup' | 'access_lost' | 'locked' | 'ready';

/** Wrong PINs between the previous right PIN and the one that opened this session. */
export interface WrongAttemptsReport {
  count: number;
  /** Epoch ms of the last one; null when count is 0 (or an older file did not keep it). */
  lastAt: number | null;
}

export interface OperatorAccessSnapshot {
  status: OperatorAccessStatus;
  /** When status is 'locked': ms until the next try is allowed; else 0. */
  retryAfterMs: number;
  /** Tries left, the last of which locks if wrong (pin-lockout.ts attemptsBeforeLock). */
  attemptsBeforeLock: number;
  operatorActive: boolean;
  /** Ms until operator mode ends if untouched; 0 when not active. */
  operatorRemainingMs: number;
  /** While operator mode is on: what was tried before this visit. */
  wrongAttemptsBeforeThisVisit: WrongAttemptsReport;
}

export type WrongPin = {
  ok: false;
  reason: 'wrong_pin';
  /** Tries left before the pad locks; 0 means this failure locked it. */
  attemptsBeforeLock: number;
  /** How long this failure locked the pad; 0 if it did not. */
  retryAfterMs: number;
};
export type Locked = { ok: false; reason: 'locked'; retryAfterMs: number };
export type NeedsSetup = { ok: false; reason: 'needs_setup' };
export type WeakPin = { ok: false; reason: 'weak_pin'; refusal: PinRefusal };

export type UnlockResult = { ok: true } | WrongPin | Locked | NeedsSetup;
export type ConfirmPinResult = UnlockResult | { ok: false; reason: 'no_session' };
export type SetUpPinResult = { ok: true } | { ok: false; reason: 'already_set' } | { ok: false; reason: 'access_lost' } | WeakPin;
export type ChangePinResult = { ok: true } | WrongPin | Locked | NeedsSetup | WeakPin | { ok: false; reason: 'same_pin' };

/** The saved state is unreadable; the caller decides (show a service screen, do not fall back to "no PIN"). */
export class OperatorAccessStorageError extends Error {
  constructor(detail: string) {
    super(`operator access state is unusable: ${detail}`);
    this.name = 'OperatorAccessStorageError';
  }
}

export class OperatorAccess {
  readonly #storage: OperatorAccessStorage;
  readonly #clock: OperatorAccessClock;
  readonly #policy: LockoutPolicy;
  readonly #scryptParams: ScryptParams;
  readonly #session: OperatorSession;
  readonly #hasDonations: () => boolean;
  /** undefined until first loaded; null when no PIN is set ('reset' when set-up was reset from the machine). Updated only after a save succeeds. */
  #stored: StoredOperatorAccess | 'reset' | null | undefined = undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #wrongBeforeThisVisit: WrongAttemptsReport = { count: 0, lastAt: null };

  constructor(options: OperatorAccessOptions) {
    this.#storage = options.storage;
    this.#clock = options.clock;
    this.#hasDonations = options.hasDonations;
    this.#policy = options.lockoutPolicy ?? DEFAULT_LOCKOUT_POLICY;
    this.#scryptParams = options.scryptParams ?? DEFAULT_SCRYPT_PARAMS;
    this.#session = new OperatorSession(options.session);
  }

  /** How long operator mode lasts (idle, and at most). */
  get sessionLimits(): OperatorSessionLimits {
    return { idleTimeoutMs: this.#session.idleTimeoutMs, maxSessionMs: this.#session.maxSessionMs };
  }

  async status(): Promise<OperatorAccessStatus> {
    return (await this.snapshot()).status;
  }

  snapshot(): Promise<OperatorAccessSnapshot> {
    return this.#exclusive(async () => {
      const stored = await this.#load();
      const now = this.#clock.now();
      const active = this.#session.isActive(now);
      const operator = {
        operatorActive: active,
        operatorRemainingMs: this.#session.remainingMs(now),
        wrongAttemptsBeforeThisVisit: active ? this.#wrongBeforeThisVisit : { count: 0, lastAt: null },
      };
      if (stored === null || stored === 'reset') return { status: this.#setupStatus(stored), retryAfterMs: 0, attemptsBeforeLock: 0, ...operator };
      const check = canAttempt(stored.lockout, now, this.#policy);
      return {
        status: check.ok ? 'ready' : 'locked',
        retryAfterMs: check.ok ? 0 : check.retryAfterMs,
        attemptsBeforeLock: attemptsBeforeLock(stored.lockout, this.#policy),
        ...operator,
      };
    });
  }

  /** A fresh install, or set-up reset from the machine: sets the PIN and starts operator mode. */
  setUpPin(pin: string): Promise<SetUpPinResult> {
    return this.#exclusive(async () => {
      const stored = await this.#load();
      if (stored !== null && stored !== 'reset') return { ok: false, reason: 'already_set' };
      if (this.#setupStatus(stored) === 'access_lost') return { ok: false, reason: 'access_lost' };
      const check = checkNewPin(pin);
      if (!check.ok) return { ok: false, reason: 'weak_pin', refusal: check.reason };
      await this.#save({ version: 1, pinHash: await hashPin(pin, this.#scryptParams), lockout: initialLockout(), lastFailureAt: null });
      this.#wrongBeforeThisVisit = { count: 0, lastAt: null };
      this.#session.start(this.#clock.now());
      return { ok: true };
    });
  }

  /** Checks the PIN; a right one starts operator mode and clears the failure count. */
  unlock(pin: string): Promise<UnlockResult> {
    return this.#exclusive(async () => {
      const before = await this.#load();
      const result = await this.#checkPin(pin);
      if (result.ok) {
        this.#wrongBeforeThisVisit =
          before !== null && before !== 'reset'
            ? { count: cleanCount(before.lockout.failures), lastAt: before.lastFailureAt ?? null }
            : { count: 0, lastAt: null };
        this.#session.start(this.#clock.now());
      }
      return result;
    });
  }

  /** The PIN asked again during operator mode (before a sensitive step); the same lockout as unlock. */
  confirmPin(pin: string): Promise<ConfirmPinResult> {
    return this.#exclusive(async () => {
      if (!this.#session.isActive(this.#clock.now())) return { ok: false, reason: 'no_session' };
      const result = await this.#checkPin(pin);
      if (result.ok && !this.#session.confirmPin(this.#clock.now())) return { ok: false, reason: 'no_session' };
      return result;
    });
  }

  /** Uses up a PIN confirmed within the last minute, for one sensitive step. */
  takeFreshPin(): boolean {
    return this.#session.takeFreshPin(this.#clock.now());
  }

  /** Replaces the PIN; the old PIN is checked under the same lockout as unlock. */
  changePin(oldPin: string, newPin: string): Promise<ChangePinResult> {
    return this.#exclusive(async () => {
      const stored = await this.#load();
      if (stored === null || stored === 'reset') return { ok: false, reason: 'needs_setup' };
      const now = this.#clock.now();
      const allowed = canAttempt(stored.lockout, now, this.#policy);
      if (!allowed.ok) return { ok: false, reason: 'locked', retryAfterMs: allowed.retryAfterMs };
      const check = checkNewPin(newPin);
      if (!check.ok) return { ok: false, reason: 'weak_pin', refusal: check.reason };
      if (newPin === oldPin) return { ok: false, reason: 'same_pin' };
      const result = await this.#checkPin(oldPin);
      if (!result.ok) return result;
      await this.#save({ version: 1, pinHash: await hashPin(newPin, this.#scryptParams), lockout: recordSuccess(), lastFailureAt: null });
      this.#session.start(this.#clock.now());
      return { ok: true };
    });
  }

  isOperatorActive(): boolean {
    return this.#session.isActive(this.#clock.now());
  }

  /** A person touched or typed on the console; false if operator mode had already ended. Console calls themselves are not activity. */
  touchOperator(): boolean {
    return this.#session.touch(this.#clock.now());
  }

  endOperatorSession(): void {
    this.#session.end();
  }

  /** The record was replaced from outside (a reset from the machine): read it again, and end operator mode. */
  reloadFromStorage(): Promise<void> {
    return this.#exclusive(async () => {
      this.#stored = undefined;
      this.#session.end();
    });
  }

  /** No PIN on file: a fresh install (or a reset from the machine) may set one up; a kiosk with donations may not. */
  #setupStatus(stored: 'reset' | null): 'needs_setup' | 'access_lost' {
    return stored === 'reset' || !this.#hasDonations() ? 'needs_setup' : 'access_lost';
  }

  async #checkPin(pin: string): Promise<{ ok: true } | WrongPin | Locked | NeedsSetup> {
    const stored = await this.#load();
    if (stored === null || stored === 'reset') return { ok: false, reason: 'needs_setup' };
    const now = this.#clock.now();
    const allowed = canAttempt(stored.lockout, now, this.#policy);
    if (!allowed.ok) return { ok: false, reason: 'locked', retryAfterMs: allowed.retryAfterMs };
    // Count the try first (see the header), then check. The time is kept for the
    // operator's "wrong PINs since your last visit"; a right PIN takes it back.
    const counted = recordFailure(stored.lockout, now, this.#policy);
    await this.#save({ ...stored, lockout: counted, lastFailureAt: now });
    if (await verifyPin(pin, stored.pinHash)) {
      await this.#save({ ...stored, lockout: recordSuccess(), lastFailureAt: null });
      return { ok: true };
    }
    return {
      ok: false,
      reason: 'wrong_pin',
      attemptsBeforeLock: attemptsBeforeLock(counted, this.#policy),
      retryAfterMs: counted.lockedUntil === null ? 0 : counted.lockedUntil - now,
    };
  }

  async #load(): Promise<StoredOperatorAccess | 'reset' | null> {
    if (this.#stored !== undefined) return this.#stored;
    const raw: unknown = await this.#storage.load();
    const stored = raw === null ? null : parseStored(raw, this.#clock.now(), this.#policy);
    this.#stored = stored;
    return stored;
  }

  async #save(state: StoredOperatorAccess): Promise<void> {
    await this.#storage.save(state);
    this.#stored = state;
  }

  #exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

function parseStored(raw: unknown, now: number, policy: LockoutPolicy): StoredOperatorAccess | 'reset' {
  if (typeof raw !== 'object' || raw === null) throw new OperatorAccessStorageError('not an object');
  const record = raw as Record<string, unknown>;
  if (record['version'] !== 1) throw new OperatorAccessStorageError(`unknown version ${String(record['version'])}`);
  if (!('pinHash' in record) && typeof record['resetFromMachineAt'] === 'number') return 'reset';
  if (!isPinHash(record['pinHash'])) throw new OperatorAccessStorageError('pinHash is not a scrypt hash');
  const lockout = record['lockout'];
  if (typeof lockout !== 'object' || lockout === null) throw new OperatorAccessStorageError('lockout missing');
  const lastFailureAt = typeof record['lastFailureAt'] === 'number' && Number.isFinite(record['lastFailureAt']) ? record['lastFailureAt'] : null;
  // normaliseLockout fails closed on a bad count and shortens a lock the clock made too long.
  return { version: 1, pinHash: record['pinHash'], lockout: normaliseLockout(lockout as LockoutState, now, policy), lastFailureAt };
}

function cleanCount(failures: unknown): number {
  return typeof failures === 'number' && Number.isSafeInteger(failures) && failures >= 0 ? failures : 0;
}
