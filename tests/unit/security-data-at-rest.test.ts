// Donor data at rest (issue 14, items 7 and 8): the data folder is the kiosk
// account's alone; PAN and Aadhaar numbers are sealed in the ledger and its
// backups (an older ledger's clear numbers are sealed on the upgrade) and
// shown masked everywhere but Form 10BD; and main takes 80G details, from a
// donor or as a cash gift, only on a day the kiosk offers 80G receipts.
import { chmodSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckoutSession, Result } from '../../src-main/contract/kiosk-api.ts';
import { aesGcmIdentityCipher, newIdentityKey } from '../../src-main/domain/ledger/identity-cipher.ts';
import { Ledger } from '../../src-main/domain/ledger/ledger.ts';
import { LATEST_SCHEMA_VERSION, migrate } from '../../src-main/domain/ledger/migrations.ts';
import { makeDataFolderPrivate } from '../../src-main/services/data-folder.ts';
import { tempDirs } from './support/temp-dirs.ts';
import { startOperatorKiosk, OP_KEY_ID, RECEIPT_SETTINGS, type OperatorKiosk } from './support/operator-kiosk.ts';

const PAN = 'ABCPE1234F';
const TAX = { nameOnPan: 'Asha Rao', idType: 'pan' as const, idNumber: PAN, address: '12 MG Road, Pune 411001' };
const posix = process.platform !== 'win32';

// Registered before the kiosk's afterEach, so the kiosk stops before its folder is removed.
const tempDir = tempDirs('kiosk-at-rest-');
let kiosk: OperatorKiosk | null = null;
afterEach(async () => {
  await kiosk?.stop();
  kiosk = null;
});

/** Every byte of every file under `dir` (the ledger, its WAL, backups, exports, PDFs). */
function allBytes(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => readFileSync(path, 'latin1'))
    .join('\n');
}

async function paid80g(k: OperatorKiosk): Promise<string> {
  const started = (await k.call('startDonation', { amountRupees: 500, donor: { anonymous: false, name: 'Asha Rao', taxReceipt: TAX } })) as Result<CheckoutSession>;
  if (!started.ok) throw new Error(started.error.message);
  await k.call('checkoutOpened', { donationId: started.value.donationId });
  const paid = k.simulator.pay({ keyId: OP_KEY_ID, orderId: started.value.options.order_id, method: 'upi', outcome: 'success' });
  if (!paid.ok) throw new Error('simulator refused');
  const confirmed = await k.call('confirmPayment', { donationId: started.value.donationId, razorpayPaymentId: paid.paymentId, razorpayOrderId: started.value.options.order_id, razorpaySignature: paid.signature });
  if (!confirmed.ok) throw new Error(confirmed.error.message);
  return started.value.donationId;
}

describe('the data folder', () => {
  it.runIf(posix)('is made the kiosk account\'s only: what an older version left readable is tightened, and new files are private', async () => {
    const dataDir = tempDir();
    chmodSync(dataDir, 0o755);
    mkdirSync(join(dataDir, 'receipts'), { mode: 0o755 });
    writeFileSync(join(dataDir, 'receipts', 'old.pdf'), 'pdf', { mode: 0o644 });
    writeFileSync(join(dataDir, 'kiosk-config.json'), JSON.stringify(RECEIPT_SETTINGS), { mode: 0o644 });
    chmodSync(join(dataDir, 'receipts'), 0o755);
    chmodSync(join(dataDir, 'kiosk-config.json'), 0o644);
    const lines: string[] = [];
    const report = makeDataFolderPrivate(dataDir, (line) => lines.push(line));
    expect(report.tightened).toBe(4);
    expect(lines.join('\n')).toContain('readable by others');
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(join(dataDir, 'receipts'))).toBe(0o700);
    expect(mode(join(dataDir, 'receipts', 'old.pdf'))).toBe(0o600);
    expect(mode(join(dataDir, 'kiosk-config.json'))).toBe(0o600);

    kiosk = await startOperatorKiosk({ dataDir, config: RECEIPT_SETTINGS });
    await paid80g(kiosk);
    for (const name of readdirSync(dataDir, { recursive: true, encoding: 'utf8' })) {
      const path = join(dataDir, name);
      expect(mode(path) & 0o077, `${name} is ${mode(path).toString(8)}`).toBe(0);
    }
  });
});

describe('identity numbers at rest', () => {
  it('are sealed in the ledger, its WAL and its backups, masked in every answer, and opened only for Form 10BD', async () => {
    kiosk = await startOperatorKiosk({ config: RECEIPT_SETTINGS, withPin: true });
    const id = await paid80g(kiosk);
    const donation = kiosk.services.ledger.get(id);
    expect(donation?.tax).toEqual({ nameOnPan: 'Asha Rao', idType: 'pan', idNumberMasked: 'XXXXXX234F', address: '12 MG Road, Pune 411001' });
    expect(kiosk.services.ledger.revealTaxIdNumber(id)).toBe(PAN);
    // A backup taken now holds the sealed value too.
    const { takeLedgerBackup } = await import('../../src-main/domain/ledger/ledger-file.ts');
    takeLedgerBackup(kiosk.services.ledger, kiosk.dataDir);
    await kiosk.unlocked();
    await kiosk.call('getReceiptAdmin', {});
    await kiosk.call('getOperatorOverview', {});
    expect(JSON.stringify(kiosk.replies)).not.toContain(PAN);
    expect(allBytes(kiosk.dataDir)).not.toContain(PAN);
    expect(allBytes(kiosk.dataDir)).toContain('XXXXXX234F'); // the search looks at the ledger

    // Form 10BD is the one place the full number appears.
    await kiosk.confirmPin();
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    const form = await kiosk.call('exportForm10bd', { from: day, to: day });
    expect(form).toMatchObject({ ok: true, value: { rows: 1 } });
    expect(form.ok && readFileSync(form.value.path, 'utf8')).toContain(PAN);
  });

  it('of an older ledger are sealed on the upgrade, and no clear copy is left in the file', () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.sqlite3');
    // A ledger as a kiosk before schema 6 wrote it: the PAN in clear.
    const db = new DatabaseSync(path);
    migrate(db, 5);
    db.prepare(
      `INSERT INTO donations (id, receipt, kiosk_id, cause, amount_paise, anonymous, donor_name, state, created_at, updated_at, tax_name, tax_id_type, tax_id_number, tax_address)
       VALUES ('dold000000001', 'KIOSK-1-OLD', 'KIOSK-1', 'c', 50000, 0, 'Asha', 'paid', 1, 1, 'Asha Rao', 'pan', ?, 'Pune')`,
    ).run(PAN);
    db.close();
    expect(readFileSync(path, 'latin1')).toContain(PAN);

    const cipher = aesGcmIdentityCipher(newIdentityKey());
    const upgraded = Ledger.open(path, Date.now, { identityCipher: cipher });
    expect(upgraded.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    expect(upgraded.get('dold000000001')?.tax?.idNumberMasked).toBe('XXXXXX234F');
    expect(upgraded.revealTaxIdNumber('dold000000001')).toBe(PAN);
    upgraded.close();
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file), 'latin1'), file).not.toContain(PAN);

    // Without the key the number cannot be opened, nor a new one kept.
    const keyless = Ledger.open(path);
    expect(keyless.get('dold000000001')?.tax?.idNumberMasked).toBe('XXXXXX234F');
    expect(() => keyless.revealTaxIdNumber('dold000000001')).toThrow(/identity key/);
    expect(() => keyless.createDonation({ id: 'dnew000000001', receipt: 'KIOSK-1-NEW', kioskId: 'KIOSK-1', cause: 'c', amountPaise: 100, anonymous: false, donorName: 'A', phone: null, email: null, tax: TAX }, 'donor')).toThrow(/identity key/);
    expect(keyless.get('dnew000000001')).toBeUndefined();
    keyless.close();
  });

  it('cannot be opened with another kiosk\'s key', () => {
    const sealed = aesGcmIdentityCipher(newIdentityKey()).seal(PAN);
    expect(sealed).toMatch(/^sealed:v1:/);
    expect(() => aesGcmIdentityCipher(newIdentityKey()).open(sealed)).toThrow(/cannot be opened/);
  });

  it('without a key, the kiosk keeps no identity numbers and offers no 80G receipts', async () => {
    kiosk = await startOperatorKiosk({ config: RECEIPT_SETTINGS, extra: { identityKey: async () => Promise.reject(new Error('no keyring')) } });
    expect(kiosk.logLines.join('\n')).toContain('identity numbers: no key (no keyring)');
    expect(await kiosk.call('getKioskState')).toMatchObject({ ok: true, value: { taxReceiptsOffered: false } });
    expect(await kiosk.call('startDonation', { amountRupees: 500, donor: { anonymous: false, name: 'Asha Rao', taxReceipt: TAX } })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(kiosk.services.ledger.list()).toEqual([]);
  });
});

describe('80G details only when 80G is offered (issue 14, item 7)', () => {
  it('refuses a donor\'s 80G details without a registration, or outside its validity, and records nothing', async () => {
    for (const config of [{}, { ...RECEIPT_SETTINGS, registration80GValidTo: '2021-12-31' }, { ...RECEIPT_SETTINGS, registration80G: '' }]) {
      kiosk = await startOperatorKiosk({ config });
      expect(await kiosk.call('getKioskState')).toMatchObject({ ok: true, value: { taxReceiptsOffered: false } });
      const reply = await kiosk.call('startDonation', { amountRupees: 500, donor: { anonymous: false, name: 'Asha Rao', taxReceipt: TAX } });
      expect(reply, JSON.stringify(config)).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('80G receipts are not offered') } });
      expect(kiosk.services.ledger.list()).toEqual([]);
      expect(kiosk.simulator.listOrders()).toHaveLength(0);
      // A gift without 80G details goes ahead as usual.
      expect(await kiosk.call('startDonation', { amountRupees: 500, donor: { anonymous: false, name: 'Asha Rao' } })).toMatchObject({ ok: true });
      await kiosk.stop();
      kiosk = null;
    }
  });

  it('refuses a cash gift\'s 80G details the same way; a plain cash gift is recorded', async () => {
    kiosk = await startOperatorKiosk({ config: {} });
    await kiosk.unlocked();
    expect(await kiosk.call('recordCashGift', { amountRupees: 1000, donorName: 'Asha Rao', taxReceipt: TAX, print: false })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringContaining('80G receipts are not offered') },
    });
    expect(kiosk.services.ledger.list()).toEqual([]);
    expect(await kiosk.call('recordCashGift', { amountRupees: 1000, donorName: 'Asha Rao', print: false })).toMatchObject({ ok: true, value: { eligibleFor80G: false } });
  });
});
