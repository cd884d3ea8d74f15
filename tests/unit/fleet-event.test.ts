// One event, many kiosks (issue 17), in the domain alone: the read budget on
// an injected clock, incremental reads, the kiosk-id claim, each payment
// counted once, and the event report's ledger check. The Razorpay account is
// an in-memory fake (support/fake-account.ts); the kiosks' services against
// the real simulator are in fleet-kiosks.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { Ledger } from '../../src-main/domain/ledger/ledger.ts';
import { LATEST_SCHEMA_VERSION } from '../../src-main/domain/ledger/migrations.ts';
import { DEFAULT_KIOSK_CONFIG, KioskConfigSchema, type KioskConfig } from '../../src-main/domain/kiosk-config.ts';
import { EventFleet, FULL_READ_EVERY_MS, READ_OVERLAP_SECONDS, type EventFleetTimers } from '../../src-main/domain/fleet/event-fleet.ts';
import { EVENT_READ_GAP_MS, ReadBudget } from '../../src-main/domain/fleet/read-budget.ts';
import { eventOrderNotes, kioskClaimReceipt, readEventNotes } from '../../src-main/domain/fleet/event-notes.ts';
import { LEDGER_CHECK } from '../../src-main/domain/fleet/event-report.ts';
import { readAllPages } from '../../src-main/domain/fleet/account-reads.ts';
import { fakeAccount, type FakeAccount } from './support/fake-account.ts';

const START = Date.parse('2026-11-26T10:00:00+05:30'); // 10:00 in India on the event's first day
const EVENT = { eventId: 'MELA-26', eventStartDate: '2026-11-26', eventName: 'Diwali Mela' };

class Clock {
  ms = START;
  now = (): number => this.ms;
  unix = (): number => Math.floor(this.ms / 1000);
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Timers the test fires by hand: nothing runs behind its back. */
class ManualTimers implements EventFleetTimers {
  pending: { run: () => void; ms: number }[] = [];
  set(run: () => void, ms: number): unknown {
    const entry = { run, ms };
    this.pending.push(entry);
    return entry;
  }
  clear(handle: unknown): void {
    this.pending = this.pending.filter((entry) => entry !== handle);
  }
}

const ledgers: Ledger[] = [];
afterEach(() => {
  for (const ledger of ledgers.splice(0)) ledger.close();
});

function openLedger(): Ledger {
  const ledger = Ledger.open(':memory:');
  ledgers.push(ledger);
  return ledger;
}

interface FleetKiosk {
  fleet: EventFleet;
  ledger: Ledger;
  config: KioskConfig;
  timers: ManualTimers;
}

function kiosk(account: FakeAccount, clock: Clock, overrides: Partial<KioskConfig> = {}, ledger = openLedger()): FleetKiosk {
  const config = KioskConfigSchema.parse({ ...DEFAULT_KIOSK_CONFIG, ...EVENT, ...overrides });
  const timers = new ManualTimers();
  const holder: FleetKiosk = { fleet: undefined as unknown as EventFleet, ledger, config, timers };
  holder.fleet = new EventFleet({
    ledger,
    reads: account,
    getConfig: () => holder.config,
    isOnline: () => !account.offline,
    now: clock.now,
    readGapMs: EVENT_READ_GAP_MS,
    log: () => undefined,
    timers,
  });
  return holder;
}

/** A paid donation in this kiosk's ledger, as the donation service leaves it, with its order at the fake Razorpay. */
function donateHere(k: FleetKiosk, account: FakeAccount, rupees: number, options: { listed?: boolean; donorName?: string } = {}): string {
  const id = `d${Math.random().toString(36).slice(2, 14)}`;
  const notes = { kiosk_id: k.config.kioskId, donation_id: id, donor_name: options.donorName ?? 'Anonymous', ...eventOrderNotes(k.config.eventId, k.ledger.installationId()) };
  const order = options.listed === false ? { id: `order_unlisted${id.slice(1, 10)}` } : account.addPaidOrder({ notes, amountPaise: rupees * 100 });
  k.ledger.createDonation({ id, receipt: `${k.config.kioskId}-${id}`, kioskId: k.config.kioskId, cause: 'c', amountPaise: rupees * 100, anonymous: options.donorName === undefined, donorName: options.donorName ?? null, phone: null, email: null, eventId: k.config.eventId }, 'donor');
  k.ledger.transition(id, 'order_created', 'gateway', { orderId: order.id });
  k.ledger.transition(id, 'checkout_open', 'donor');
  k.ledger.transition(id, 'paid', 'gateway', { paymentId: `pay_${id.slice(1, 15)}`, paymentMethod: 'upi', paidAt: Date.now() });
  return order.id;
}

const listCalls = (account: FakeAccount) => account.calls.filter((c) => c.method === 'listOrders' || c.method === 'listPayments');

describe('the read budget: at most one read of the event a minute', () => {
  it('allows the first read at once, then one per full minute on the injected clock', () => {
    const clock = new Clock();
    const budget = new ReadBudget({ gapMs: EVENT_READ_GAP_MS, now: clock.now, lastAttemptAt: null });
    expect(budget.take()).toBe(true);
    for (const step of [1, 999, 29_000, 29_999]) {
      clock.advance(step);
      expect(budget.take(), `${clock.ms - START} ms after the first`).toBe(false);
    }
    clock.advance(1); // 60,000 ms after the first
    expect(budget.take()).toBe(true);
    expect(budget.nextAllowedAt()).toBe(clock.ms + EVENT_READ_GAP_MS);
  });

  it('a restart keeps the last attempt (it is in the ledger), and a clock set back waits at most one gap', () => {
    const clock = new Clock();
    const restarted = new ReadBudget({ gapMs: EVENT_READ_GAP_MS, now: clock.now, lastAttemptAt: START - 10_000 });
    expect(restarted.take()).toBe(false);
    clock.advance(50_000);
    expect(restarted.take()).toBe(true);
    const setBack = new ReadBudget({ gapMs: EVENT_READ_GAP_MS, now: clock.now, lastAttemptAt: clock.ms + 3_600_000 });
    expect(setBack.nextAllowedAt()).toBe(clock.ms + EVENT_READ_GAP_MS);
  });

  it('a kiosk asked to refresh a hundred times in a minute reads Razorpay once; its timer waits for the budget', async () => {
    const clock = new Clock();
    const account = fakeAccount(clock.unix);
    const k = kiosk(account, clock);
    expect(await k.fleet.refresh()).toBe('read');
    const afterFirst = listCalls(account).length;
    expect(afterFirst).toBe(2); // one page of orders, one of payments
    for (let i = 0; i < 100; i += 1) {
      clock.advance(500);
      expect(await k.fleet.refresh()).toBe('not_due');
    }
    expect(listCalls(account)).toHaveLength(afterFirst);
    k.fleet.onOnline();
    expect(k.timers.pending.at(-1)?.ms).toBe(START + EVENT_READ_GAP_MS - clock.ms);
    clock.advance(START + EVENT_READ_GAP_MS - clock.ms);
    expect(await k.fleet.refresh()).toBe('read');
    expect(listCalls(account)).toHaveLength(afterFirst + 2);
  });

  it('a failed read (offline) spends the budget too', async () => {
    const clock = new Clock();
    const account = fakeAccount(clock.unix);
    account.offline = true;
    const k = kiosk(account, clock);
    expect(await k.fleet.refresh()).toBe('failed');
    account.offline = false;
    clock.advance(EVENT_READ_GAP_MS - 1);
    expect(await k.fleet.refresh()).toBe('not_due');
    clock.advance(1);
    expect(await k.fleet.refresh()).toBe('read');
  });
});

describe('reads: the first from the event day, then incremental, a full one every hour', () => {
  it('pages 100 at a time, then reads only from near the newest order, and fully again after an hour', async () => {
    const clock = new Clock();
    const account = fakeAccount(clock.unix);
    const notes = { event_id: EVENT.eventId, kiosk_id: 'K2', installation_id: 'other', donor_name: 'Asha Rao' };
    for (let i = 0; i < 250; i += 1) account.addPaidOrder({ notes, amountPaise: 10_000, createdAt: clock.unix() - 30_000 + i * 100 });
    const k = kiosk(account, clock, { kioskId: 'K1' });
    expect(await k.fleet.refresh()).toBe('read');
    // Midnight in India, the calendar the event's days are counted in (src-shared/india-time.ts).
    const eventDay = Math.floor(Date.parse('2026-11-26T00:00:00+05:30') / 1000);
    expect(k.fleet.lastRead).toEqual({ requests: 6, orders: 250, payments: 250, full: true });
    expect(account.calls.filter((c) => c.method === 'listOrders').map((c) => c.query)).toEqual([0, 100, 200].map((skip) => ({ from: eventDay, count: 100, skip })));

    clock.advance(EVENT_READ_GAP_MS);
    account.addPaidOrder({ notes, amountPaise: 5_000 });
    account.calls.length = 0;
    expect(await k.fleet.refresh()).toBe('read');
    const newestBefore = clock.unix() - 60 - 30_000 + 249 * 100;
    // The overlap reads the last two old orders again (120 s back from the newest), and the new one.
    expect(k.fleet.lastRead).toEqual({ full: false, requests: 2, orders: 3, payments: 3 });
    expect(account.calls.find((c) => c.method === 'listOrders')?.query).toEqual({ from: newestBefore - READ_OVERLAP_SECONDS, count: 100, skip: 0 });
    expect(k.fleet.attractInfo({ goalRupees: 0, showDonorWall: true })).toMatchObject({ raisedRupees: 25_050, recentDonors: Array(12).fill('Asha') });

    clock.advance(FULL_READ_EVERY_MS);
    expect(await k.fleet.refresh()).toBe('read');
    expect(k.fleet.lastRead).toMatchObject({ full: true, requests: 6 });
  });

  it('an order still open when read and paid half an hour later counts: its new captured payment says so', async () => {
    const clock = new Clock();
    const account = fakeAccount(clock.unix);
    const open = account.addPaidOrder({ notes: { event_id: EVENT.eventId, kiosk_id: 'K2', installation_id: 'other' }, amountPaise: 70_000, status: 'attempted' });
    const k = kiosk(account, clock);
    await k.fleet.refresh();
    expect(k.fleet.attractInfo({ goalRupees: 0, showDonorWall: false })?.raisedRupees).toBe(0);
    // Half an hour of reads while other orders come in.
    for (let minute = 0; minute < 30; minute += 1) {
      clock.advance(EVENT_READ_GAP_MS);
      account.addPaidOrder({ notes: { event_id: 'ANOTHER', kiosk_id: 'X' }, amountPaise: 100 });
      expect(await k.fleet.refresh()).toBe('read');
    }
    // Then the donor's payment goes through on the old order.
    Object.assign(open, { status: 'paid', amount_paid: 70_000 });
    account.payments.push({ id: 'pay_late0000000001', order_id: open.id, amount: 70_000, status: 'captured', method: 'card', created_at: clock.unix() });
    clock.advance(EVENT_READ_GAP_MS);
    account.calls.length = 0;
    expect(await k.fleet.refresh()).toBe('read');
    const from = (account.calls.find((c) => c.method === 'listOrders')?.query as { from: number }).from;
    expect(from).toBeGreaterThan(open.created_at + 25 * 60);
    expect(k.fleet.attractInfo({ goalRupees: 0, showDonorWall: false })?.raisedRupees).toBe(700);
  });

  it('a list that never ends is an error, not an endless loop', async () => {
    const endless = async () => ({ ok: true as const, value: Array.from({ length: 100 }, (_, i) => ({ id: `o${i}` })) });
    const result = await readAllPages(endless, 0, { maxPages: 5 });
    expect(result.ok).toBe(false);
  });
});

describe('each payment once: Razorpay, plus what only this ledger knows yet', () => {
  it('counts paid donation orders of the event once, adds this kiosk’s unlisted ones, and leaves out unpaid, other events, claims and cash', async () => {
    const clock = new Clock();
    const account = fakeAccount(clock.unix);
    const a = kiosk(account, clock, { kioskId: 'K1' });
    await a.fleet.checkKioskId();
    donateHere(a, account, 100, { donorName: 'Meera Nair' }); // listed by Razorpay and in the ledger: once
    account.addPaidOrder({ notes: { event_id: EVENT.eventId, kiosk_id: 'K2', installation_id: 'i2', donor_name: 'Ravi K' }, amountPaise: 50_000 });
    account.addPaidOrder({ notes: { event_id: EVENT.eventId, kiosk_id: 'K2', installation_id: 'i2' }, amountPaise: 20_000, status: 'attempted' });
    account.addPaidOrder({ notes: { event_id: 'OTHER-EVENT', kiosk_id: 'K9' }, amountPaise: 99_900 });
    account.addPaidOrder({ notes: { kiosk_id: 'K1' }, amountPaise: 12_300 }); // a kiosk without an event
    await a.fleet.refresh();
    donateHere(a, account, 250, { listed: false }); // paid after the read: only the ledger knows it yet
    a.ledger.recordCashGift({ id: 'dcash000000001', receipt: 'K1-CASH1', kioskId: 'K1', cause: 'c', amountPaise: 100_000, donorName: 'Cash Donor', phone: null, tax: null, receivedAt: Date.now(), eventId: EVENT.eventId });

    const info = a.fleet.attractInfo({ goalRupees: 5_000, showDonorWall: true });
    expect(info).toMatchObject({ goalRupees: 5_000, raisedRupees: 850, event: { eventId: EVENT.eventId, raisedRupees: 850, donations: 3, lastKnown: false } });
    expect(info?.event?.kiosks).toEqual([
      { kioskId: 'K2', raisedRupees: 500, donations: 1, thisKiosk: false },
      { kioskId: 'K1', raisedRupees: 350, donations: 2, thisKiosk: true },
    ]);
    expect(info?.recentDonors).toContain('Ravi');
    expect(info?.recentDonors).toContain('Meera');
    expect(a.fleet.operatorView()).toMatchObject({ cashRupees: 1_000, cashGifts: 1, kioskIdCheck: { state: 'ours', foreignPayments: 0 } });

    // Razorpay lists the unlisted one at the next read: still counted once.
    clock.advance(EVENT_READ_GAP_MS);
    await a.fleet.refresh();
    expect(a.fleet.attractInfo({ goalRupees: 0, showDonorWall: false })?.raisedRupees).toBe(850);
  });

  it('offline, the figures are the last known and say so; a ledger reopened later shows them before any read', async () => {
    const clock = new Clock();
    const account = fakeAccount(clock.unix);
    const ledger = openLedger();
    const a = kiosk(account, clock, {}, ledger);
    account.addPaidOrder({ notes: { event_id: EVENT.eventId, kiosk_id: 'K2', installation_id: 'i2' }, amountPaise: 40_000 });
    await a.fleet.refresh();
    account.offline = true;
    clock.advance(EVENT_READ_GAP_MS);
    expect(await a.fleet.refresh()).toBe('failed');
    const event = a.fleet.attractInfo({ goalRupees: 0, showDonorWall: false })?.event;
    expect(event).toMatchObject({ raisedRupees: 400, lastKnown: true, updatedAt: new Date(START).toISOString() });
    // The same ledger, a new EventFleet (a restart): the cache answers at once.
    const again = kiosk(account, clock, {}, ledger);
    expect(again.fleet.attractInfo({ goalRupees: 0, showDonorWall: false })?.event).toMatchObject({ raisedRupees: 400, lastKnown: true });
    // A restart buys no extra read: the last attempt is in the ledger.
    expect(await again.fleet.refresh()).toBe('not_due');
  });
});

describe('kiosk ids are unique within an event', () => {
  it('the first installation owns the id; a second one with the same id is held, with when the first claimed it', async () => {
    const clock = new Clock();
    const account = fakeAccount(clock.unix);
    const first = kiosk(account, clock, { kioskId: 'GATE-1' });
    expect(first.fleet.hold()).toBe('checking');
    await first.fleet.checkKioskId();
    expect(first.fleet.hold()).toBeNull();
    const claim = account.orders.find((o) => o.receipt === kioskClaimReceipt(EVENT.eventId, EVENT.eventStartDate, 'GATE-1'));
    expect(claim).toMatchObject({ amount: 100, status: 'created', notes: { kiosk_id: 'GATE-1', installation_id: first.ledger.installationId(), purpose: 'kiosk_claim' } });

    clock.advance(5_000);
    const second = kiosk(account, clock, { kioskId: 'GATE-1' });
    await second.fleet.checkKioskId();
    expect(second.fleet.hold()).toBe('taken');
    expect(second.fleet.operatorView()?.kioskIdCheck).toEqual({ state: 'taken', kioskId: 'GATE-1', takenSince: new Date(Math.floor(START / 1000) * 1000).toISOString(), foreignPayments: 0 });
    // The operator gives it its own id: claimed at once, donations may start.
    second.config = { ...second.config, kioskId: 'GATE-2' };
    second.fleet.configChanged();
    expect(second.fleet.hold()).toBe('checking');
    await second.fleet.checkKioskId();
    expect(second.fleet.hold()).toBeNull();
    // The first kiosk is not disturbed by the attempt.
    await first.fleet.checkKioskId();
    expect(first.fleet.hold()).toBeNull();
  });

  it('a restart of the owner needs no network to take donations; a restart of the refused one stays held', async () => {
    const clock = new Clock();
    const account = fakeAccount(clock.unix);
    const ownerLedger = openLedger();
    const refusedLedger = openLedger();
    await kiosk(account, clock, { kioskId: 'K1' }, ownerLedger).fleet.checkKioskId();
    await kiosk(account, clock, { kioskId: 'K1' }, refusedLedger).fleet.checkKioskId();
    account.offline = true;
    expect(kiosk(account, clock, { kioskId: 'K1' }, ownerLedger).fleet.hold()).toBeNull();
    expect(kiosk(account, clock, { kioskId: 'K1' }, refusedLedger).fleet.hold()).toBe('taken');
    // A new installation that cannot reach Razorpay cannot check: it waits.
    const fresh = kiosk(account, clock, { kioskId: 'K1' });
    await fresh.fleet.checkKioskId();
    expect(fresh.fleet.hold()).toBe('checking');
  });

  it('a claim whose create answer was lost is found by its receipt', async () => {
    const clock = new Clock();
    const account = fakeAccount(clock.unix);
    const realCreate = account.createOrder.bind(account);
    account.createOrder = async (input) => {
      await realCreate(input);
      return { ok: false, error: { kind: 'network', cause: 'reset', detail: 'socket hang up' } };
    };
    const k = kiosk(account, clock);
    await k.fleet.checkKioskId();
    expect(k.fleet.hold()).toBeNull();
    expect(account.orders.filter((o) => o.receipt?.startsWith('kclaim-'))).toHaveLength(1);
  });

  it('without an event id nothing is claimed, read or held', async () => {
    const clock = new Clock();
    const account = fakeAccount(clock.unix);
    const k = kiosk(account, clock, { eventId: '', eventStartDate: '' });
    k.fleet.start();
    await k.fleet.checkKioskId();
    expect(await k.fleet.refresh()).toBe('no_event');
    expect(k.fleet.hold()).toBeNull();
    expect(k.fleet.attractInfo({ goalRupees: 100, showDonorWall: true })).toBeNull();
    expect(account.calls).toEqual([]);
    expect(k.timers.pending).toEqual([]);
  });
});

describe('the event report', () => {
  it('one row per payment, cash included, a summary per kiosk, and the ledger check of every row', async () => {
    const clock = new Clock();
    const account = fakeAccount(clock.unix);
    const a = kiosk(account, clock, { kioskId: 'K1' });
    await a.fleet.checkKioskId();
    const mine = donateHere(a, account, 100);
    account.addPaidOrder({ notes: { event_id: EVENT.eventId, kiosk_id: 'K2', installation_id: 'i2' }, amountPaise: 50_000 });
    // Razorpay holds a paid order of this installation that its ledger does not know (it should never happen).
    const stray = account.addPaidOrder({ notes: { event_id: EVENT.eventId, kiosk_id: 'K1', installation_id: a.ledger.installationId() }, amountPaise: 7_700 });
    await a.fleet.refresh();
    a.ledger.recordCashGift({ id: 'dcash000000002', receipt: 'K1-CASH2', kioskId: 'K1', cause: 'c', amountPaise: 30_000, donorName: 'Cash Donor', phone: null, tax: null, receivedAt: Date.now(), eventId: EVENT.eventId });

    const report = a.fleet.report();
    expect(report).toMatchObject({ rows: 4, onlinePaise: 67_700, cashPaise: 30_000, kiosks: 2, missingFromThisLedger: 1, lastKnown: false });
    const lines = (report?.csv ?? '').replace(/^\uFEFF/, '').split('\r\n');
    const rowOf = (orderId: string) => lines.find((line) => line.includes(orderId)) ?? '';
    expect(rowOf(mine)).toContain(`K1,${LEDGER_CHECK.thisKiosk},Razorpay`);
    expect(rowOf(stray.id)).toContain(`K1,${LEDGER_CHECK.missing},Razorpay`);
    expect(lines.find((line) => line.startsWith('K2,'))).toContain(LEDGER_CHECK.anotherKiosk);
    expect(lines).toContain('K1,2,177.00,1,300.00,477.00');
    expect(lines).toContain('K2,1,500.00,0,0.00,500.00');
    expect(lines).toContain('All kiosks,3,677.00,1,300.00,977.00');
  });
});

describe('order notes', () => {
  it('a donation order carries the event and the installation; empty notes ([]) and foreign orders are no event order', () => {
    expect(eventOrderNotes('MELA', 'abc')).toEqual({ event_id: 'MELA', installation_id: 'abc' });
    expect(eventOrderNotes('', 'abc')).toEqual({ installation_id: 'abc' });
    expect(readEventNotes([])).toBeNull();
    expect(readEventNotes({ kiosk_id: 'K1' })).toBeNull();
    expect(readEventNotes({ event_id: 'E', kiosk_id: 'K1', donor_name: 'Anonymous' })).toMatchObject({ donorFirstName: null, installationId: null, purpose: 'donation' });
    expect(readEventNotes({ event_id: 'E', kiosk_id: 'K1', donor_name: 'Sunita Devi Sharma' })?.donorFirstName).toBe('Sunita');
    expect(kioskClaimReceipt('MELA', '2026-11-26', 'K1').length).toBeLessThanOrEqual(40);
    expect(kioskClaimReceipt('MELA', '2027-11-26', 'K1')).not.toBe(kioskClaimReceipt('MELA', '2026-11-26', 'K1'));
  });

  it('the installation id is made once per ledger (migration 8) and differs between ledgers', () => {
    const a = openLedger();
    const b = openLedger();
    expect(a.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(a.installationId()).toMatch(/^[0-9a-f]{16}$/);
    expect(a.installationId()).toBe(a.installationId());
    expect(a.installationId()).not.toBe(b.installationId());
  });
});
