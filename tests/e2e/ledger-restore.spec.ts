// A ledger restored from a backup while the kiosk runs (issue 13, defect 4), as
// a donor and the next donor see it: the kiosk stops taking donations at once;
// after the restart the gift made after the backup is back from Razorpay with
// the receipt number its donor was given, and the next gift gets a new number.
import { copyFileSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/kiosk-fixture.ts';
import { donateSuccessfully, screen } from './support/donor.ts';

test('a backup restored under a running kiosk: out of service at once; after the restart the paid gift is recovered and no receipt number is used twice', async ({ kiosk }) => {
  const { page, shot, simulator, dataDir } = kiosk;
  await donateSuccessfully(page);
  const [given] = kiosk.donations();
  expect(given).toMatchObject({ state: 'paid', receiptNo: expect.stringMatching(/\/000001$/) });

  // The start-up backup predates that gift; someone copies it over the ledger without stopping the kiosk.
  const [backup] = readdirSync(join(dataDir, 'backups')).sort();
  if (!backup) throw new Error('no start-up backup');
  copyFileSync(join(dataDir, 'backups', backup), join(dataDir, 'restored.sqlite3'));
  renameSync(join(dataDir, 'restored.sqlite3'), join(dataDir, 'ledger.sqlite3'));

  const outOfService = screen(page, 'out-of-service');
  await expect(outOfService).toBeVisible();
  await expect(outOfService).toContainText(/ledger/i);
  await shot('ledger-replaced-out-of-service');
  const refused = await page.evaluate(() => window.kiosk?.startDonation({ amountRupees: 100, donor: { anonymous: true } }));
  expect(refused).toMatchObject({ ok: false, error: { code: 'kiosk_unavailable' } });
  expect(simulator.listOrders()).toHaveLength(1);

  // The operator restarts the kiosk: the gift comes back from Razorpay with the number its donor saw.
  await kiosk.restart();
  await expect.poll(() => kiosk.donations().find((d) => d.id === given?.id)?.receiptNo, { timeout: 20_000 }).toBe(given?.receiptNo);

  await donateSuccessfully(page);
  const numbers = kiosk.donations().map((d) => d.receiptNo).sort();
  expect(numbers).toEqual([given?.receiptNo, given?.receiptNo?.replace(/000001$/, '000002')]);
});
