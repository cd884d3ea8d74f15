// Late authorisation: Checkout tells the donor the payment failed, the bank
// authorises it afterwards. Reconciliation must turn the donation into `paid`,
// and the operator report must show it as recovered.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { resolve } from 'node:path';
import { test, expect, E2E_CONFIG } from './support/kiosk-fixture.ts';
import { payByUpi, screen, startAnonymousDonation, waitForCheckout, welcomeAmount } from './support/donor.ts';

const run = promisify(execFile);
const REPORT_CLI = resolve('src-main/tools/ledger-report.ts');

test.use({ kioskConfig: { ...E2E_CONFIG, reconcileIntervalSeconds: 1 } });

test('a payment authorised after the donor saw a failure ends as paid, and the operator report lists it as recovered', async ({ kiosk }) => {
  const { page, shot, simulator } = kiosk;
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  simulator.faults.inject('checkout.pay', { kind: 'late_authorisation' }, { times: 1 });

  await startAnonymousDonation(page, '₹500');
  await payByUpi(await waitForCheckout(page));
  await expect(page.getByRole('heading', { name: 'Payment not completed' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Thank you!' })).toHaveCount(0);
  await shot('donor-sees-failure');
  const [failed] = kiosk.donations();
  if (!failed) throw new Error('no ledger row');
  expect(failed).toMatchObject({ state: 'payment_failed', amountPaise: 50_000 });

  // The donor walks away.
  await page.getByRole('button', { name: 'Back to start' }).click();
  await expect(screen(page, 'welcome')).toBeVisible();

  // Later, the bank authorises the payment after all (the simulator auto-captures it).
  const payments = simulator.listPayments().filter((p) => p.order_id === failed.orderId);
  expect(payments).toHaveLength(1);
  const paymentId = payments[0]?.id ?? '';
  expect(payments[0]?.status).toBe('failed');
  simulator.lateAuthorise(paymentId);

  // Reconciliation (every second here) finds it, with no one touching the kiosk.
  await expect.poll(() => kiosk.donations().find((d) => d.id === failed.id)?.state, { timeout: 20_000 }).toBe('paid');
  const paid = kiosk.donations().find((d) => d.id === failed.id);
  expect(paid).toMatchObject({ paymentId, amountPaise: 50_000 });
  expect(kiosk.events(failed.id).at(-1)).toMatchObject({ toState: 'paid', source: 'reconciliation' });
  await expect.poll(() => kiosk.logLines.some((line) => line.includes('reconciliation: pass complete'))).toBe(true);

  // The operator can see it: the report lists it as recovered after a failure.
  const { stdout } = await run(process.execPath, [REPORT_CLI, kiosk.dataDir], { timeout: 20_000 });
  await test.info().attach('ledger report', { body: stdout, contentType: 'text/plain' });
  const recoveredAt = stdout.indexOf('Recovered after the donor saw a failure');
  expect(recoveredAt, stdout).toBeGreaterThanOrEqual(0);
  const recovered = stdout.slice(recoveredAt);
  expect([failed.receipt, failed.id, paymentId].some((ref) => recovered.includes(ref)), stdout).toBe(true);

  // And the kiosk is still usable.
  await expect(welcomeAmount(page)).toBeEnabled();
  await shot('welcome-after-recovery');
  expect(pageErrors).toEqual([]);
});
