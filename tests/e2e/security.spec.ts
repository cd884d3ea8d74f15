// Safe to leave unattended (issue 14), shown through the browser-mode bridge:
// walking away from the console ends operator mode; a script on the donor page
// reaches no operator method; operator access lost is not a set-up; the PIN is
// asked again for the payment keys; the printed token leaves the address bar;
// a malformed request line leaves the server up. Screens at the kiosk's shapes.
import { connect } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, TEST_KEY_ID } from './support/kiosk-fixture.ts';
import { donateSuccessfully, screen } from './support/donor.ts';
import { enterPin, longPressCorner, setUpPin } from './support/operator.ts';
import { OPERATOR_ACCESS_FILE } from '../../src-main/services/operator-access-file.ts';

const PIN = '482613';
const SHAPES = [
  { name: 'portrait-1080x1920', width: 1080, height: 1920 },
  { name: 'landscape-1280x800', width: 1280, height: 800 },
] as const;

/** Screenshots of the screen as it is now, at each kiosk shape. */
async function shots(page: Page, shot: (name: string) => Promise<string>, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const shape of SHAPES) {
    await page.setViewportSize({ width: shape.width, height: shape.height });
    await shot(`${name}-${shape.name}`);
  }
  if (before) await page.setViewportSize(before);
}

/** The page's own origin and the token its bridge sends (the console's, while the console shows). */
async function bridgeOf(page: Page): Promise<{ origin: string; token: string }> {
  const token = (await page.locator('meta[name="kiosk-bridge-token"]').getAttribute('content')) ?? '';
  return { origin: new URL(page.url()).origin, token };
}

/** An IPC call from outside the page (what a script holding that token could send). */
async function ipcCall(page: Page, bridge: { origin: string; token: string }, method: string, payload: unknown): Promise<unknown> {
  const response = await page.request.post(`${bridge.origin}/ipc/${method}`, { headers: { 'X-Kiosk-Token': bridge.token }, data: { payload } });
  return response.json();
}

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== 'browser', 'browser mode shows these through its bridge; Electron has the same rules, unit-tested with typed fakes');
});

test("walking away from the console's Kiosk tab for 4 minutes ends operator mode: the next operator call is refused", async ({ kiosk }) => {
  const { page, shot } = kiosk;
  // The page's clock, so four minutes pass in a moment. Ctrl+Alt+O opens the console without a timed hold.
  await page.clock.install();
  await expect(screen(page, 'welcome')).toBeVisible();
  await page.keyboard.press('Control+Alt+KeyO');
  await setUpPin(page, PIN);
  await page.getByRole('tab', { name: 'Kiosk', exact: true }).click();
  await expect(page.getByTestId('update-status')).toBeVisible();
  const console = await bridgeOf(page);
  expect(await ipcCall(page, console, 'getOperatorOverview', {})).toMatchObject({ ok: true });

  // Nobody touches anything; the Updates panel keeps asking for its status every 5 s.
  await page.clock.fastForward('04:00');

  expect(await ipcCall(page, console, 'getOperatorOverview', {})).toMatchObject({ ok: false, error: { code: 'operator_required' } });
  await expect(screen(page, 'welcome')).toBeVisible();
  await shot('back-on-welcome-after-walking-away');
});

test('a script on the donor page cannot call an operator method, even while the console is open and unlocked', async ({ kiosk }) => {
  const { page } = kiosk;
  await expect(screen(page, 'welcome')).toBeVisible();
  // The donor page's API has no operator method at all.
  expect(await page.evaluate(() => Object.keys(window.kiosk ?? {}).filter((name) => /operator|pin|keys|export|settings|exit|update/i.test(name) && name !== 'openOperatorConsole'))).toEqual([]);
  expect(await page.evaluate(() => typeof (window as unknown as { kioskOperator?: unknown }).kioskOperator)).toBe('undefined');

  // The console, unlocked, in another tab of the same browser.
  const operatorUrl = (await page.locator('meta[name="kiosk-operator-url"]').getAttribute('content')) ?? '';
  const consolePage = await page.context().newPage();
  await consolePage.goto(operatorUrl);
  await expect(screen(consolePage, 'operator-setup')).toBeVisible();
  await setUpPin(consolePage, PIN);
  const console = await bridgeOf(consolePage);
  expect(await ipcCall(consolePage, console, 'getOperatorOverview', {})).toMatchObject({ ok: true });

  // Everything a donor-page script could try.
  const attempts = await page.evaluate(
    async ({ operatorOrigin, operatorUrl: url }) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="kiosk-bridge-token"]')?.content ?? '';
      const post = async (origin: string, method: string) => {
        try {
          const response = await fetch(`${origin}/ipc/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': token }, body: JSON.stringify({ payload: {} }) });
          return { status: response.status, body: (await response.json()) as unknown };
        } catch (error) {
          return { blocked: String(error) };
        }
      };
      let consoleDocument: string;
      try {
        consoleDocument = (await (await fetch(url, { credentials: 'include' })).text()).slice(0, 40);
      } catch (error) {
        consoleDocument = `blocked: ${String(error)}`;
      }
      return {
        sameOrigin: await post(window.location.origin, 'getOperatorOverview'),
        setKeys: await post(window.location.origin, 'setPaymentKeys'),
        consoleOrigin: await post(operatorOrigin, 'getOperatorOverview'),
        consoleDocument,
      };
    },
    { operatorOrigin: console.origin, operatorUrl },
  );
  expect(attempts.sameOrigin).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden_sender' } } });
  expect(attempts.setKeys).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden_sender' } } });
  expect(attempts.consoleOrigin).toHaveProperty('blocked');
  expect(attempts.consoleDocument).toMatch(/^blocked/);
  // The console was untouched by all that, and is still open.
  expect(await ipcCall(consolePage, console, 'getOperatorOverview', {})).toMatchObject({ ok: true });
  await consolePage.close();
});

test('on a kiosk with donations and no PIN record, holding the corner shows "operator access lost", never a new set-up', async ({ kiosk }) => {
  const { page, shot, dataDir } = kiosk;
  // A kiosk that has taken a donation, and has no PIN record (deleted, lost, or never there).
  await donateSuccessfully(page);
  expect(existsSync(join(dataDir, OPERATOR_ACCESS_FILE))).toBe(false);

  await longPressCorner(page, 'operator-access-lost');
  await expect(page.getByRole('heading', { name: 'Operator access is lost' })).toBeVisible();
  await expect(page.getByText('npm run reset-operator-pin')).toBeVisible();
  await expect(page.getByRole('button', { name: '1', exact: true })).toHaveCount(0);
  await shots(page, shot, 'operator-access-lost');
  await page.getByRole('button', { name: 'Back to the donor screen' }).click();
  await expect(screen(page, 'welcome')).toBeVisible();
});

test('the console shows the keys in use, checks the keys typed, and asks for the PIN again before saving keys; wrong PINs since the last visit are reported', async ({ kiosk }) => {
  const { page, shot } = kiosk;
  await longPressCorner(page, 'operator-setup');
  await shots(page, shot, 'pin-setup');
  await setUpPin(page, PIN);
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(screen(page, 'welcome')).toBeVisible();

  // Someone tries two PINs while the operator is away.
  await longPressCorner(page, 'operator-pin');
  await enterPin(page, '111111');
  await expect(page.getByTestId('operator-message')).toContainText('Wrong PIN.');
  await enterPin(page, '222222');
  await expect(page.getByTestId('operator-message')).toContainText('Wrong PIN.');
  await shots(page, shot, 'pin-pad-wrong');
  await enterPin(page, PIN);
  await expect(screen(page, 'operator-console')).toBeVisible();
  await expect(page.getByTestId('wrong-attempts')).toContainText('2 wrong PINs were tried since the console was last opened');

  await page.getByRole('tab', { name: 'Payment keys' }).click();
  await expect(page.getByTestId('keys-active-id')).toHaveText(TEST_KEY_ID);
  await expect(page.getByTestId('keys-active-mode')).toHaveText('Test: Razorpay test mode');
  await expect(page.getByTestId('keys-active-source')).toHaveText('The environment (development runs only)');
  await shots(page, shot, 'console-keys');

  // "Check keys" tries the keys typed: these are unknown to Razorpay (the simulator).
  await page.getByLabel('Key id').fill('rzp_test_TypedKey000001');
  await page.getByLabel('Key secret').fill('TypedSecret12345678');
  await page.getByRole('button', { name: 'Check keys' }).click();
  await expect(page.getByTestId('keys-message')).toContainText('The keys were refused by Razorpay (test mode). Nothing was saved.');

  // Saving asks for the PIN again first; a wrong one is refused, the right one lets the save through.
  await page.getByRole('button', { name: 'Save keys' }).click();
  const reask = page.getByTestId('pin-reask');
  await expect(reask).toBeVisible();
  await expect(reask.getByRole('heading', { name: 'Enter the PIN again' })).toBeVisible();
  await shots(page, shot, 'pin-reask');
  await enterPin(page, '333333');
  await expect(page.getByTestId('reask-message')).toContainText('Wrong PIN.');
  await enterPin(page, PIN);
  await expect(reask).toHaveCount(0);
  // Browser mode cannot keep keys (the installed app does, encrypted by the OS).
  await expect(page.getByTestId('keys-message')).toContainText('Keys can only be stored by the installed kiosk app.');
  await expect(page.getByLabel('Key secret')).toHaveValue('');
});

test('the printed address leaves the address bar once the page has it', async ({ kiosk }) => {
  const { page } = kiosk;
  await expect(screen(page, 'welcome')).toBeVisible();
  expect(page.url()).not.toContain('token');
  expect(new URL(page.url()).pathname).toBe('/');
  // A reload still works (the token became a cookie the page's scripts cannot read).
  await page.reload();
  await expect(screen(page, 'welcome')).toBeVisible();
  expect(await page.evaluate(() => document.cookie)).toBe('');
});

test('a malformed request line (GET //[ HTTP/1.1) gets a 400 and the kiosk carries on', async ({ kiosk }) => {
  const { page } = kiosk;
  await expect(screen(page, 'welcome')).toBeVisible();
  const { hostname, port } = new URL(page.url());
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(`GET //[ HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
  });
  expect(answer).toMatch(/^HTTP\/1\.1 400 /);
  // The next donor gives as usual.
  await donateSuccessfully(page);
});
