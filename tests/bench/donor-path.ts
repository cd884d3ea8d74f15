// Section 5 (issue 15): the donor's taps from the welcome screen to the
// payment window, and the milliseconds the kiosk itself spends on them (each
// tap to the screen answering it: the next frame, the next screen, or for the
// Pay tap Checkout showing its methods; the driver's own time between taps is
// not counted). The fastest path (an amount on the welcome screen, then Pay)
// and the same with a name and an email typed on the kiosk's keys.
import type { Page } from '@playwright/test';
import { median, type Figure } from './report.ts';
import type { BrowserKiosk } from './browser-kiosk.ts';
import { PAGE_INSTRUMENTS, readMarks, requireMarks, type PageMarks } from './page-instruments.ts';
import { checkoutFrameHandle, payAndFinish, payButton, reachPay } from './donor-driver.ts';

const SECTION = '5 donor path';
const RUNS = 5;
const TIMEOUT_MS = 15_000;

interface PathRun {
  taps: number;
  kioskMs: number;
}

/** Taps from the first one on the welcome screen to Checkout ready, and the kiosk's own time on each. */
async function measure(page: Page, walk: () => Promise<void>): Promise<PathRun> {
  const before = requireMarks(await page.evaluate(readMarks)).taps.length;
  await walk();
  const frame = await checkoutFrameHandle(page);
  await frame.getByTestId('sim-method-upi').waitFor({ timeout: TIMEOUT_MS });
  const top = requireMarks(await page.evaluate(readMarks));
  const inFrame = requireMarks(await frame.evaluate(readMarks));
  const taps = top.taps.slice(before);
  const payTap = taps.at(-1);
  if (!payTap) throw new Error('no taps were seen');
  const shown = top.checkoutShown.find((t) => t >= payTap.at);
  const methods = inFrame.methodsShown.find((t) => t >= payTap.at);
  if (shown === undefined || methods === undefined) throw new Error('Checkout was not seen after the Pay tap');
  let kioskMs = Math.max(shown, methods) - payTap.at;
  for (const tap of taps.slice(0, -1)) kioskMs += answered(top, tap);
  return { taps: taps.length, kioskMs };
}

/** A tap's answer: the screen it brought, else the next frame after it. */
function answered(marks: PageMarks, tap: PageMarks['taps'][number]): number {
  const next = marks.taps.find((t) => t.at > tap.at)?.at ?? Number.POSITIVE_INFINITY;
  const screen = marks.screens.find((s) => s.at >= tap.at && s.at < next);
  const at = screen?.at ?? tap.answeredAt;
  if (at === null) throw new Error(`the tap on "${tap.label}" was never answered`);
  return at - tap.at;
}

async function typeOnKeys(page: Page, text: string): Promise<void> {
  for (const ch of text) {
    // A capital is Shift, then the key (which shows the capital while Shift is on).
    if (/[A-Z]/.test(ch)) await page.getByRole('button', { name: 'Shift', exact: true }).click({ timeout: TIMEOUT_MS });
    await page.locator('.keys').getByRole('button', { name: ch, exact: true }).click({ timeout: TIMEOUT_MS });
  }
}

async function runs(kiosk: BrowserKiosk, walk: (page: Page) => Promise<void>): Promise<PathRun[]> {
  const { context, page } = await kiosk.newPage();
  await context.addInitScript({ content: PAGE_INSTRUMENTS });
  await page.goto(kiosk.url);
  const results: PathRun[] = [];
  try {
    for (let i = 0; i < RUNS; i += 1) {
      await page.locator('[data-screen="welcome"]').waitFor({ timeout: TIMEOUT_MS });
      results.push(await measure(page, () => walk(page)));
      await payAndFinish(page);
    }
  } finally {
    await context.close();
  }
  return results;
}

export async function benchDonorPath(kiosk: BrowserKiosk): Promise<Figure[]> {
  const fastest = await runs(kiosk, async (page) => {
    await reachPay(page);
    await payButton(page).click({ timeout: TIMEOUT_MS });
  });
  const withDetails = await runs(kiosk, async (page) => {
    await reachPay(page);
    await page.getByTestId('add-details').click({ timeout: TIMEOUT_MS });
    await page.locator('[data-screen="details"]').waitFor({ timeout: TIMEOUT_MS });
    // The caret starts in the name; the email field is one tap; each character one key.
    await typeOnKeys(page, 'Asha');
    await page.locator('#donor-email').click({ timeout: TIMEOUT_MS });
    await typeOnKeys(page, 'asha@mail.in');
    await page.getByRole('button', { name: 'Continue to payment' }).click({ timeout: TIMEOUT_MS });
  });
  const tapsOf = (r: PathRun[]) => Math.max(...r.map((x) => x.taps));
  const msOf = (r: PathRun[]) => median(r.map((x) => x.kioskMs));
  return [
    { section: SECTION, name: 'taps, welcome to the payment window (fastest path)', value: tapsOf(fastest), unit: 'taps', target: 3, comparison: 'at_most' },
    {
      section: SECTION,
      name: `  kiosk-side time on those taps, median of ${RUNS}`,
      value: msOf(fastest),
      unit: 'ms',
      target: null,
      comparison: 'info',
      detail: { slowest: Math.round(Math.max(...fastest.map((x) => x.kioskMs))) },
    },
    { section: SECTION, name: 'taps with a name and an email typed on the kiosk keys', value: tapsOf(withDetails), unit: 'taps', target: null, comparison: 'info', detail: { name: 'Asha', email: 'asha@mail.in' } },
    {
      section: SECTION,
      name: `  kiosk-side time on those taps, median of ${RUNS}`,
      value: msOf(withDetails),
      unit: 'ms',
      target: null,
      comparison: 'info',
      detail: { slowest: Math.round(Math.max(...withDetails.map((x) => x.kioskMs))) },
    },
  ];
}
