// Operator access: PIN setup, PIN unlock with lockout, and operator mode.
//
// Composes pin-policy (which PINs are allowed), pin-hash (how one is kept),
// pin-lockout (how wrong PINs are slowed down) and operator-session (idle
// expiry). Storage and time are injected; nothing here knows about files,
// Electron or the renderer.
//
// Rules (kiosk-domain.md §2, §3, §5):
// - No default PIN: until an operator sets one, status() is 'needs_setup' and
//   unlock() refuses everything. setUpPin() works only while no PIN exists;
//   replacing a PIN needs the old one (changePin).
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
import { checkNewPin, type PinRefusal } from './pin-policy.ts';
import { DEFAULT_OPERATOR_IDLE_MS, OperatorSession } from './operator-session.ts';

/** What is persisted: plain JSON, no PIN. */
export interface StoredOperatorAccess {
  version: 1;
  /** `scrypt$N$r$p$salt$key` (pin-hash.ts). */
  pinHash: string;
  lockout: LockoutState;
}

export interface OperatorAccessStorage {
  /** null on first start (nothing saved yet). */
  load(): Promise<StoredOperatorAccess | null>;
  save(state: StoredOperatorAccess): Promise<void>;
}

export interface OperatorAccessClock {
  /** Wall-clock epoch ms (the lockout must survive restarts). */
  now(): number;
}

export interface OperatorAccessOptions {
  storage: OperatorAccessStorage;
  clock: OperatorAccessClock;
  idleTimeoutMs?: number;
  lockoutPolicy?: LockoutPolicy;
  /** Tests use cheaper parameters; production keeps the default. */
  scryptParams?: ScryptParams;
}

export type OperatorAccessStatus = 'needs_setup' | 'locked' | 'ready';

export interface OperatorAccessSnapshot {
  status: OperatorAccessStatus;
  /** When status is 'locked': ms until the next try is allowed; else 0. */
  retryAfterMs: number;
  /** Tries left, the last of which locks if wrong (pin-lockout.ts attemptsBeforeLock). */
  attemptsBeforeLock: number;
  operatorActive: boolean;
  /** Ms until operator mode ends if untouched; 0 when not active. */
  operatorRemainingMs: number;
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
export type SetUpPinResult = { ok: true } | { ok: false; reason: 'already_set' } | WeakPin;
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
  /** undefined until first loaded; null when no PIN is set. Updated only after a save succeeds. */
  #stored: StoredOperatorAccess | null | undefined = undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: OperatorAccessOptions) {
    this.#storage = options.storage;
    this.#clock = options.clock;
    this.#policy = options.lockoutPolicy ?? DEFAULT_LOCKOUT_POLICY;
    this.#scryptParams = options.scryptParams ?? DEFAULT_SCRYPT_PARAMS;
    this.#session = new OperatorSession(options.idleTimeoutMs ?? DEFAULT_OPERATOR_IDLE_MS);
  }

  async status(): Promise<OperatorAccessStatus> {
    return (await this.snapshot()).status;
  }

  snapshot(): Promise<OperatorAccessSnapshot> {
    return this.#exclusive(async () => {
      const stored = await this.#load();
      const now = this.#clock.now();
      const operator = { operatorActive: this.#session.isActive(now), operatorRemainingMs: this.#session.remainingMs(now) };
      if (stored === null) return { status: 'needs_setup', retryAfterMs: 0, attemptsBeforeLock: 0, ...operator };
      const check = canAttempt(stored.lockout, now, this.#policy);
      return {
        status: check.ok ? 'ready' : 'locked',
        retryAfterMs: check.ok ? 0 : check.retryAfterMs,
        attemptsBeforeLock: attemptsBeforeLock(stored.lockout, this.#policy),
        ...operator,
      };
    });
  }

  /** First start only: sets the PIN and starts operator mode. */
  setUpPin(pin: string): Promise<SetUpPinResult> {
    return this.#exclusive(async () => {
      if ((await this.#load()) !== null) return { ok: false, reason: 'already_set' };
      const check = checkNewPin(pin);
      if (!check.ok) return { ok: false, reason: 'weak_pin', refusal: check.reason };
      await this.#save({ version: 1, pinHash: await hashPin(pin, this.#scryptParams), lockout: initialLockout() });
      this.#session.start(this.#clock.now());
      return { ok: true };
    });
  }

  /** Checks the PIN; a right one starts operator mode and clears the failure count. */
  unlock(pin: string): Promise<UnlockResult> {
    return this.#exclusive(async () => {
      const result = await this.#checkPin(pin);
      if (result.ok) this.#session.start(this.#clock.now());
      return result;
    });
  }

  /** Replaces the PIN; the old PIN is checked under the same lockout as unlock. */
  changePin(oldPin: string, newPin: string): Promise<ChangePinResult> {
    return this.#exclusive(async () => {
      const stored = await this.#load();
      if (stored === null) return { ok: false, reason: 'needs_setup' };
      const now = this.#clock.now();
      const allowed = canAttempt(stored.lockout, now, this.#policy);
      if (!allowed.ok) return { ok: false, reason: 'locked', retryAfterMs: allowed.retryAfterMs };
      const check = checkNewPin(newPin);
      if (!check.ok) return { ok: false, reason: 'weak_pin', refusal: check.reason };
      if (newPin === oldPin) return { ok: false, reason: 'same_pin' };
      const result = await this.#checkPin(oldPin);
      if (!result.ok) return result;
      await this.#save({ version: 1, pinHash: await hashPin(newPin, this.#scryptParams), lockout: recordSuccess() });
      this.#session.start(this.#clock.now());
      return { ok: true };
    });
  }

  isOperatorActive(): boolean {
    return this.#session.isActive(this.#clock.now());
  }

  /** Call on operator activity; false if operator mode had already ended. */
  touchOperator(): boolean {
    return this.#session.touch(this.#clock.now());
  }

  endOperatorSession(): void {
    this.#session.end();
  }

  async #checkPin(pin: string): Promise<{ ok: true } | WrongPin | Locked | NeedsSetup> {
    const stored = await this.#load();
    if (stored === null) return { ok: false, reason: 'needs_setup' };
    const now = this.#clock.now();
    const allowed = canAttempt(stored.lockout, now, this.#policy);
    if (!allowed.ok) return { ok: false, reason: 'locked', retryAfterMs: allowed.retryAfterMs };
    // Count the try first (see the header), then check.
    const counted = recordFailure(stored.lockout, now, this.#policy);
    await this.#save({ ...stored, lockout: counted });
    if (await verifyPin(pin, stored.pinHash)) {
      await this.#save({ ...stored, lockout: recordSuccess() });
      return { ok: true };
    }
    return {
      ok: false,
      reason: 'wrong_pin',
      attemptsBeforeLock: attemptsBeforeLock(counted, this.#policy),
      retryAfterMs: counted.lockedUntil === null ? 0 : counted.lockedUntil - now,
    };
  }

  async #load(): Promise<StoredOperatorAccess | null> {
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

function parseStored(raw: unknown, now: number, policy: LockoutPolicy): StoredOperatorAccess {
  if (typeof raw !== 'object' || raw === null) throw new OperatorAccessStorageError('not an object');
  const record = raw as Record<string, unknown>;
  if (record['version'] !== 1) throw new OperatorAccessStorageError(`unknown version ${String(record['version'])}`);
  if (!isPinHash(record['pinHash'])) throw new OperatorAccessStorageError('pinHash is not a scrypt hash');
  const lockout = record['lockout'];
  if (typeof lockout !== 'object' || lockout === null) throw new OperatorAccessStorageError('lockout missing');
  // normaliseLockout fails closed on a bad count and shortens a lock the clock made too long.
  return { version: 1, pinHash: record['pinHash'], lockout: normaliseLockout(lockout as LockoutState, now, policy) };
}
