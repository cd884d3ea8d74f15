// Cash gifts in reports and exports: marked as cash wherever donations are listed.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { ExportResult, OperatorOverview, Result } from '../../src-main/contract/kiosk-api.ts';
import { buildDayReport, formatDayReport } from '../../src-main/domain/reports/day-report.ts';
import { indianDayRangeAt, isoIndianDay } from '../../src-shared/india-time.ts';
import { startOperatorKiosk, type OperatorKiosk } from './support/operator-kiosk.ts';

let kiosk: OperatorKiosk | undefined;
afterEach(async () => {
  await kiosk?.stop();
  kiosk = undefined;
});

describe('cash gifts in reports and exports', () => {
  it('appear in the day report, the console list and the CSV export, marked as cash', async () => {
    kiosk = await startOperatorKiosk({ config: {} });
    await kiosk.unlocked();
    const recorded = await kiosk.call('recordCashGift', { amountRupees: 750, donorName: 'Lakshmi Devi', phone: '9876543210', print: false });
    expect(recorded).toMatchObject({ ok: true, value: { eligibleFor80G: false, print: null } });

    const today = indianDayRangeAt(kiosk.clock.now);
    const report = buildDayReport(kiosk.services.ledger, today.from, today.to);
    expect(report).toMatchObject({ receivedPaise: 750_00, paidCount: 1, cashPaise: 750_00, cashCount: 1 });
    expect(formatDayReport(report)).toContain('of which cash (recorded by the operator): ₹750.00 from 1 gift(s)');

    const overview = (await kiosk.call('getOperatorOverview', {})) as Result<OperatorOverview>;
    expect(overview.ok && overview.value.donations).toEqual([expect.objectContaining({ donorName: 'Lakshmi Devi', state: 'paid', cash: true, receiptNumber: expect.stringMatching(/000001$/) })]);

    const day = isoIndianDay(kiosk.clock.now);
    await kiosk.confirmPin();
    const exported = (await kiosk.call('exportDonationsCsv', { from: day, to: day })) as Result<ExportResult>;
    if (!exported.ok) throw new Error(exported.error.message);
    const rows = parse(readFileSync(exported.value.path, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toEqual([expect.objectContaining({ 'Donor name': 'Lakshmi Devi', Method: 'cash', 'Cash or online': 'cash', 'Razorpay order id': '', State: 'paid', 'Amount (INR)': '750.00' })]);
  });

  it('goes to the cause the operator chose (the first when none), recorded by its English name', async () => {
    const causes = [
      { id: 'meals', name: { en: 'Mid-day meals', hi: 'मध्याह्न भोजन' }, description: { en: '' }, presetAmountsRupees: [100] },
      { id: 'books', name: { en: 'Library books', hi: 'पुस्तकालय' }, description: { en: '' }, presetAmountsRupees: [300] },
    ];
    kiosk = await startOperatorKiosk({ config: { causes } });
    await kiosk.unlocked();
    const chosen = await kiosk.call('recordCashGift', { amountRupees: 2500, donorName: 'Lakshmi Devi', causeId: 'books', print: false });
    const first = await kiosk.call('recordCashGift', { amountRupees: 100, donorName: 'Ravi', print: false });
    expect(kiosk.services.ledger.get(chosen.ok ? chosen.value.donationId : '')).toMatchObject({ cause: 'Library books', amountPaise: 2500_00 });
    expect(kiosk.services.ledger.get(first.ok ? first.value.donationId : '')).toMatchObject({ cause: 'Mid-day meals' });
    expect(await kiosk.call('recordCashGift', { amountRupees: 100, donorName: 'Ravi', causeId: 'temple', print: false })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', fields: [{ path: 'causeId', problem: 'unknown_choice' }] },
    });
    expect(kiosk.services.ledger.list()).toHaveLength(2);
  });

  it('a refused cash gift changes nothing', async () => {
    kiosk = await startOperatorKiosk({ config: {} });
    await kiosk.unlocked();
    expect(await kiosk.call('recordCashGift', { amountRupees: 1.5, donorName: 'X', print: false })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await kiosk.call('recordCashGift', { amountRupees: 500, donorName: '=cmd', print: false })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await kiosk.call('recordCashGift', { amountRupees: 500, donorName: 'Asha', taxReceipt: { nameOnPan: 'Asha', idType: 'pan', idNumber: 'BAD', address: '1 Road, Pune 411001' }, print: false })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(kiosk.services.ledger.list()).toEqual([]);
  });
});
