// The operator-access facade with an in-memory store and a fake clock:
// first-start setup, lost access, PIN refusal, hash-only storage, lockout,
// wrong PINs reported to the next visit, the PIN asked again, session expiry.
import { describe, expect, it } from 'vitest';
import {
  OperatorAccess,
  OperatorAccessStorageError,
  type OperatorAccessStorage,
  type StoredOperatorAccess,
  type StoredOperatorReset,
} from '../../src-main/domain/operator/operator-access.ts';
import { DEFAULT_SCRYPT_PARAMS, hashPin } from '../../src-main/domain/operator/pin-hash.ts';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const PIN = '582913';
const FAST = { ...DEFAULT_SCRYPT_PARAMS, N: 2 ** 10 };

class MemoryStorage implements OperatorAccessStorage {
  saved: StoredOperatorAccess | StoredOperatorReset | null;
  /** Every saved state as JSON text, as a file would hold it. */
  readonly writes: string[] = [];
  failNextSave = false;

  constructor(initial: StoredOperatorAccess | StoredOperatorReset | null = null) {
    this.saved = initial;
  }

  async load(): Promise<StoredOperatorAccess | StoredOperatorReset | null> {
    return this.saved === null ? null : (JSON.parse(JSON.stringify(this.saved)) as StoredOperatorAccess);
  }

  get pinRecord(): StoredOperatorAccess | null {
    return this.saved !== null && 'pinHash' in this.saved ? this.saved : null;
  }

  async save(state: StoredOperatorAccess): Promise<void> {
    if (this.failNextSave) {
      this.failNextSave = false;
      throw new Error('disk full');
    }
    const text = JSON.stringify(state);
    this.writes.push(text);
    this.saved = JSON.parse(text) as StoredOperatorAccess;
  }
}

function setup(initial: StoredOperatorAccess | StoredOperatorReset | null = null, options: { hasDonations?: boolean } = {}) {
  const storage = new MemoryStorage(initial);
  const clock = { t: T0, now: () => clock.t };
  const donations = { any: options.hasDonations ?? false };
  const make = () => new OperatorAccess({ storage, clock, scryptParams: FAST, hasDonations: () => donations.any });
  const access = make();
  /** A fresh facade over the same store: the kiosk restarted. */
  const restart = make;
  return { storage, clock, access, restart, donations, advance: (ms: number) => (clock.t += ms) };
}

async function withPin() {
  const kiosk = setup();
  expect(await kiosk.access.setUpPin(PIN)).toEqual({ ok: true });
  kiosk.access.endOperatorSession();
  return kiosk;
}

describe('operator access: first start', () => {
  it('needs setup on first start, and unlock refuses everything until then', async () => {
    const { access, storage } = setup();
    expect(await access.status()).toBe('needs_setup');
    expect(await access.unlock('000000')).toEqual({ ok: false, reason: 'needs_setup' });
    expect(await access.unlock('')).toEqual({ ok: false, reason: 'needs_setup' });
    expect(access.isOperatorActive()).toBe(false);
    expect(storage.writes).toEqual([]);
  });

  it.each([
    ['111111', 'repeated'],
    ['123456', 'sequential'],
    ['654321', 'sequential'],
    ['000000', 'repeated'],
    ['5829', 'too_short'],
    ['12', 'too_short'],
    ['12ab', 'not_digits'],
  ] as const)('refuses %s as a first PIN (%s) and saves nothing', async (pin, refusal) => {
    const { access, storage } = setup();
    expect(await access.setUpPin(pin)).toEqual({ ok: false, reason: 'weak_pin', refusal });
    expect(await access.status()).toBe('needs_setup');
    expect(storage.writes).toEqual([]);
  });

  it('accepts a good PIN, stores only a salted scrypt hash, and starts operator mode', async () => {
    const { access, storage } = setup();
    expect(await access.setUpPin(PIN)).toEqual({ ok: true });
    expect(await access.status()).toBe('ready');
    expect(access.isOperatorActive()).toBe(true);
    expect(storage.writes.length).toBeGreaterThan(0);
    for (const written of storage.writes) expect(written).not.toContain(PIN);
    expect(storage.pinRecord?.pinHash).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(storage.pinRecord?.lockout).toEqual({ failures: 0, lockedUntil: null });
  });

  it('refuses a second setup once a PIN exists, even after a restart', async () => {
    const kiosk = await withPin();
    const before = kiosk.storage.saved;
    expect(await kiosk.access.setUpPin('739104')).toEqual({ ok: false, reason: 'already_set' });
    expect(await kiosk.restart().setUpPin('739104')).toEqual({ ok: false, reason: 'already_set' });
    expect(kiosk.storage.saved).toEqual(before);
    expect(await kiosk.restart().unlock(PIN)).toEqual({ ok: true });
  });
});

describe('operator access: a missing PIN on a kiosk with donations', () => {
  it('is lost access: no set-up, whoever asks, and nothing is written', async () => {
    const { access, storage } = setup(null, { hasDonations: true });
    expect(await access.status()).toBe('access_lost');
    expect(await access.setUpPin(PIN)).toEqual({ ok: false, reason: 'access_lost' });
    expect(await access.unlock(PIN)).toEqual({ ok: false, reason: 'needs_setup' });
    expect(access.isOperatorActive()).toBe(false);
    expect(storage.writes).toEqual([]);
  });

  it('becomes a fresh set-up once the machine has reset it, and only then', async () => {
    const kiosk = setup({ version: 1, resetFromMachineAt: T0 - MINUTE }, { hasDonations: true });
    expect(await kiosk.access.status()).toBe('needs_setup');
    expect(await kiosk.access.setUpPin(PIN)).toEqual({ ok: true });
    expect(kiosk.storage.pinRecord?.pinHash).toMatch(/^scrypt\$/);
    expect(await kiosk.restart().setUpPin('739104')).toEqual({ ok: false, reason: 'already_set' });
  });

  it('reads a reset written while it runs (reloadFromStorage), and ends operator mode', async () => {
    const kiosk = await withPin();
    kiosk.donations.any = true;
    await kiosk.access.unlock(PIN);
    kiosk.storage.saved = { version: 1, resetFromMachineAt: kiosk.clock.t };
    await kiosk.access.reloadFromStorage();
    expect(kiosk.access.isOperatorActive()).toBe(false);
    expect(await kiosk.access.status()).toBe('needs_setup');
  });
});

describe('operator access: unlock and lockout', () => {
  it('unlocks with the right PIN and starts operator mode', async () => {
    const { access } = await withPin();
    expect(access.isOperatorActive()).toBe(false);
    expect(await access.unlock(PIN)).toEqual({ ok: true });
    expect(access.isOperatorActive()).toBe(true);
  });

  it('counts down on wrong PINs and locks on the fifth', async () => {
    const { access } = await withPin();
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await access.unlock('000111'));
    expect(results).toEqual([
      { ok: false, reason: 'wrong_pin', attemptsBeforeLock: 4, retryAfterMs: 0 },
      { ok: false, reason: 'wrong_pin', attemptsBeforeLock: 3, retryAfterMs: 0 },
      { ok: false, reason: 'wrong_pin', attemptsBeforeLock: 2, retryAfterMs: 0 },
      { ok: false, reason: 'wrong_pin', attemptsBeforeLock: 1, retryAfterMs: 0 },
      { ok: false, reason: 'wrong_pin', attemptsBeforeLock: 0, retryAfterMs: 30 * SECOND },
    ]);
    expect(await access.status()).toBe('locked');
    expect(access.isOperatorActive()).toBe(false);
  });

  it('refuses the right PIN while locked, then accepts it after the delay and resets the count', async () => {
    const { access, advance, storage } = await withPin();
    for (let i = 0; i < 5; i++) await access.unlock('739104');
    advance(10 * SECOND);
    expect(await access.unlock(PIN)).toEqual({ ok: false, reason: 'locked', retryAfterMs: 20 * SECOND });
    expect(access.isOperatorActive()).toBe(false);
    expect((await access.snapshot()).retryAfterMs).toBe(20 * SECOND);

    advance(20 * SECOND);
    expect(await access.status()).toBe('ready');
    expect(await access.unlock(PIN)).toEqual({ ok: true });
    expect(storage.pinRecord?.lockout).toEqual({ failures: 0, lockedUntil: null });
    // The count starts over: four free tries again.
    access.endOperatorSession();
    expect(await access.unlock('739104')).toEqual({ ok: false, reason: 'wrong_pin', attemptsBeforeLock: 4, retryAfterMs: 0 });
  });

  it('grows the delay with each failure after the lock: 30 s, 1 min, 2 min, 5 min', async () => {
    const { access, advance } = await withPin();
    for (let i = 0; i < 4; i++) await access.unlock('739104');
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const result = await access.unlock('739104');
      if (result.ok || result.reason !== 'wrong_pin') throw new Error(`expected wrong_pin, got ${JSON.stringify(result)}`);
      delays.push(result.retryAfterMs);
      advance(result.retryAfterMs);
    }
    expect(delays).toEqual([30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE]);
  });

  it('keeps the lock across a restart', async () => {
    const kiosk = await withPin();
    for (let i = 0; i < 5; i++) await kiosk.access.unlock('739104');
    const rebooted = kiosk.restart();
    expect(await rebooted.status()).toBe('locked');
    expect(await rebooted.unlock(PIN)).toEqual({ ok: false, reason: 'locked', retryAfterMs: 30 * SECOND });
  });

  it('counts a try before checking it, then clears the count when the PIN is right', async () => {
    const { access, storage } = await withPin();
    storage.writes.length = 0;
    expect(await access.unlock(PIN)).toEqual({ ok: true });
    expect(storage.writes.map((w) => (JSON.parse(w) as StoredOperatorAccess).lockout)).toEqual([
      { failures: 1, lockedUntil: null },
      { failures: 0, lockedUntil: null },
    ]);
  });

  it('refuses the try when the count cannot be saved', async () => {
    const { access, storage } = await withPin();
    storage.failNextSave = true;
    await expect(access.unlock(PIN)).rejects.toThrow('disk full');
    expect(access.isOperatorActive()).toBe(false);
    expect(await access.unlock(PIN)).toEqual({ ok: true });
  });

  it('lets only one of two simultaneous tries through under the limit', async () => {
    const { access } = await withPin();
    for (let i = 0; i < 4; i++) await access.unlock('739104');
    const [a, b] = await Promise.all([access.unlock('739104'), access.unlock(PIN)]);
    expect(a).toEqual({ ok: false, reason: 'wrong_pin', attemptsBeforeLock: 0, retryAfterMs: 30 * SECOND });
    expect(b).toEqual({ ok: false, reason: 'locked', retryAfterMs: 30 * SECOND });
  });

  it('refuses unreadable saved state rather than treating it as "no PIN"', async () => {
    const broken = { version: 1, pinHash: 'plain:582913', lockout: { failures: 0, lockedUntil: null } } as StoredOperatorAccess;
    const { access } = setup(broken);
    await expect(access.status()).rejects.toBeInstanceOf(OperatorAccessStorageError);
    await expect(access.setUpPin('739104')).rejects.toBeInstanceOf(OperatorAccessStorageError);
  });

  it('loads a state saved by an earlier run', async () => {
    const stored: StoredOperatorAccess = { version: 1, pinHash: await hashPin(PIN, FAST), lockout: { failures: 2, lockedUntil: null } };
    const { access } = setup(stored);
    expect(await access.status()).toBe('ready');
    expect((await access.snapshot()).attemptsBeforeLock).toBe(3);
    expect(await access.unlock(PIN)).toEqual({ ok: true });
  });
});

describe('operator access: changing the PIN', () => {
  it('changes the PIN when the old one is right', async () => {
    const { access, storage } = await withPin();
    expect(await access.changePin(PIN, '739104')).toEqual({ ok: true });
    for (const written of storage.writes) expect(written).not.toContain('739104');
    access.endOperatorSession();
    expect(await access.unlock(PIN)).toEqual({ ok: false, reason: 'wrong_pin', attemptsBeforeLock: 4, retryAfterMs: 0 });
    expect(await access.unlock('739104')).toEqual({ ok: true });
  });

  it('refuses a weak or unchanged new PIN without using up a try', async () => {
    const { access, storage } = await withPin();
    expect(await access.changePin(PIN, '123456')).toEqual({ ok: false, reason: 'weak_pin', refusal: 'sequential' });
    expect(await access.changePin(PIN, PIN)).toEqual({ ok: false, reason: 'same_pin' });
    expect(storage.pinRecord?.lockout.failures).toBe(0);
  });

  it('is not a way round the lockout: wrong old PINs count and lock', async () => {
    const { access } = await withPin();
    for (let i = 0; i < 4; i++) await access.changePin('111222', '739104');
    expect(await access.changePin('111222', '739104')).toEqual({ ok: false, reason: 'wrong_pin', attemptsBeforeLock: 0, retryAfterMs: 30 * SECOND });
    expect(await access.changePin(PIN, '739104')).toEqual({ ok: false, reason: 'locked', retryAfterMs: 30 * SECOND });
    expect(await access.unlock(PIN)).toEqual({ ok: false, reason: 'locked', retryAfterMs: 30 * SECOND });
  });
});

describe('operator access: what the operator is told, and the PIN asked again', () => {
  it('reports the wrong PINs tried since the last right one to the next visit, then forgets them', async () => {
    const { access, advance } = await withPin();
    await access.unlock('739104');
    advance(MINUTE);
    await access.unlock('739105');
    const lastWrong = T0 + MINUTE;
    advance(MINUTE);
    expect((await access.snapshot()).wrongAttemptsBeforeThisVisit).toEqual({ count: 0, lastAt: null });
    expect(await access.unlock(PIN)).toEqual({ ok: true });
    expect((await access.snapshot()).wrongAttemptsBeforeThisVisit).toEqual({ count: 2, lastAt: lastWrong });
    access.endOperatorSession();
    expect(await access.unlock(PIN)).toEqual({ ok: true });
    expect((await access.snapshot()).wrongAttemptsBeforeThisVisit).toEqual({ count: 0, lastAt: null });
  });

  it('confirms the PIN during operator mode under the same lockout, granting one protected step', async () => {
    const { access } = await withPin();
    expect(await access.confirmPin(PIN)).toEqual({ ok: false, reason: 'no_session' });
    await access.unlock(PIN);
    expect(access.takeFreshPin()).toBe(false);
    expect(await access.confirmPin('739104')).toEqual({ ok: false, reason: 'wrong_pin', attemptsBeforeLock: 4, retryAfterMs: 0 });
    expect(access.takeFreshPin()).toBe(false);
    expect(await access.confirmPin(PIN)).toEqual({ ok: true });
    expect(access.takeFreshPin()).toBe(true);
    expect(access.takeFreshPin()).toBe(false);
    for (let i = 0; i < 5; i++) await access.confirmPin('739104');
    expect(await access.confirmPin(PIN)).toEqual({ ok: false, reason: 'locked', retryAfterMs: 30 * SECOND });
  });
});

describe('operator access: operator mode ends after idling', () => {
  it('ends after 3 minutes without a touch, and a touch keeps it going', async () => {
    const { access, advance } = await withPin();
    await access.unlock(PIN);
    advance(2 * MINUTE);
    expect(access.touchOperator()).toBe(true);
    advance(2 * MINUTE + 59 * SECOND);
    expect(access.isOperatorActive()).toBe(true);
    expect((await access.snapshot()).operatorRemainingMs).toBe(SECOND);
    advance(SECOND);
    expect(access.isOperatorActive()).toBe(false);
    expect(access.touchOperator()).toBe(false);
    expect(access.isOperatorActive()).toBe(false);
  });

  it('ends at once when asked', async () => {
    const { access } = await withPin();
    await access.unlock(PIN);
    access.endOperatorSession();
    expect(access.isOperatorActive()).toBe(false);
  });

  it('does not survive a restart', async () => {
    const kiosk = await withPin();
    await kiosk.access.unlock(PIN);
    expect(kiosk.restart().isOperatorActive()).toBe(false);
  });
});
