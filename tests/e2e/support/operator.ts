// What an operator does: the hidden corner, the PIN pad, the console.
//
// The console is a page of its own (issue 14): in browser mode, holding the
// corner takes this same tab to the console's origin and Done brings it back to
// the donor page, so every helper here keeps working on the `page` it is given.
// (In Electron the console is its own window: find it with
// `page.context().pages()`, the page whose URL starts with app://operator.)
import { expect, type Locator, type Page } from '@playwright/test';
import { screen } from './donor.ts';

/** What holding the corner can show: the first set-up, the PIN pad, or "operator access lost". */
export type OperatorEntry = 'operator-pin' | 'operator-setup' | 'operator-access-lost';

/** Holds the top-left corner (pointer down, no movement) until `expected` appears, then lets go. */
export async function longPressCorner(page: Page, expected: OperatorEntry): Promise<void> {
  await expect(screen(page, 'welcome')).toBeVisible();
  await page.mouse.move(30, 30);
  await page.mouse.down();
  try {
    // The hold is 3 s: wait for the screen while the button is still down.
    await expect(screen(page, expected)).toBeVisible({ timeout: 10_000 });
  } finally {
    await page.mouse.up();
  }
}

/** Types a PIN on the on-screen pad and presses OK. */
export async function enterPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'OK', exact: true }).click();
}

/** First start: choose `pin` and confirm it; ends on the console. */
export async function setUpPin(page: Page, pin: string): Promise<void> {
  await expect(screen(page, 'operator-setup')).toBeVisible();
  await enterPin(page, pin);
  await expect(page.getByText('Enter the same PIN again')).toBeVisible();
  await enterPin(page, pin);
  await expect(screen(page, 'operator-console')).toBeVisible();
}

/**
 * Payment keys, the update settings, exports and exiting ask for the PIN again
 * (issue 14): answers the prompt that appears over the console after such a button.
 */
export async function answerPinPrompt(page: Page, pin: string): Promise<void> {
  await expect(page.getByTestId('pin-reask')).toBeVisible();
  await enterPin(page, pin);
  await expect(page.getByTestId('pin-reask')).toHaveCount(0);
}

/** Done: ends operator mode and returns to the donor's welcome screen. */
export async function leaveConsole(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(screen(page, 'welcome')).toBeVisible();
}

/** A small RFC 4180 reader (quoted cells, doubled quotes, CRLF), enough for the kiosk's export. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The same hold with a finger (Chromium touch events through CDP), until `expected` appears. */
export async function touchHoldCorner(page: Page, expected: OperatorEntry): Promise<void> {
  await expect(screen(page, 'welcome')).toBeVisible();
  const cdp = await page.context().newCDPSession(page);
  const point = { x: 30, y: 30, id: 1 };
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
  try {
    await expect(screen(page, expected)).toBeVisible({ timeout: 10_000 });
  } finally {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  }
}

// ---- the console by taps only: the kiosk's own keys, the day picker, choice buttons ----

/** The keys docked at the bottom of the console while a field is typed in. */
export function keysDock(page: Page) {
  return page.getByTestId('typing-dock');
}

/** Taps one key of the docked keys (a letter as shown, a digit, punctuation, or a named key: Space, Shift, Delete, Clear). */
async function tapKey(page: Page, name: string): Promise<void> {
  await keysDock(page).getByRole('button', { name, exact: true }).click();
}

/**
 * Taps the field labelled `label` at its end, takes away what it holds with
 * the Delete key (or Clear on the number pad), and types `text` key by key:
 * capitals with Shift on the letter layouts that have one. No page.keyboard,
 * no fill.
 */
export async function tapType(page: Page, label: string | Locator, text: string): Promise<void> {
  const field = typeof label === 'string' ? page.getByLabel(label, { exact: true }) : label;
  // Tapped at its right end, so the caret (where the keys type) is after what the field holds.
  const box = await field.boundingBox();
  await field.click(box ? { position: { x: box.width - 6, y: box.height / 2 } } : {});
  await expect(keysDock(page).getByRole('group')).toBeVisible();
  const numeric = (await keysDock(page).getByTestId('numeric-pad').count()) > 0;
  const hasShift = !numeric && (await keysDock(page).getByRole('button', { name: 'Shift', exact: true }).count()) > 0;
  if (numeric) {
    if ((await field.inputValue()) !== '') await tapKey(page, 'Clear');
  } else {
    for (let left = (await field.inputValue()).length; left > 0; left--) await tapKey(page, 'Delete');
  }
  for (const ch of text) {
    if (ch === ' ') await tapKey(page, 'Space');
    else if (hasShift && ch !== ch.toLowerCase()) {
      await tapKey(page, 'Shift');
      await tapKey(page, ch);
    } else await tapKey(page, ch);
  }
  await expect(field).toHaveValue(text);
}

/** Closes the docked keys. */
export async function hideKeys(page: Page): Promise<void> {
  await keysDock(page).getByRole('button', { name: 'Hide keys' }).click();
  await expect(keysDock(page).getByRole('group')).toHaveCount(0);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Opens the day picker labelled `label` and taps its way (years, then months) to `day` (YYYY-MM-DD), then taps the day. */
export async function tapDate(page: Page, label: string, day: string): Promise<void> {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  await page.getByRole('button', { name: new RegExp(`^${label} `) }).click();
  const calendar = page.getByRole('group', { name: `Calendar for ${label}` });
  await expect(calendar).toBeVisible();
  // Every day's button lies inside the calendar's frame (none spills into the next field).
  const spill = await calendar.evaluate((frame) => {
    const edge = frame.getBoundingClientRect().right;
    return [...frame.querySelectorAll('button')].filter((b) => b.getBoundingClientRect().right > edge + 0.5).map((b) => b.getAttribute('aria-label') ?? b.textContent ?? '');
  });
  expect(spill, `buttons sticking out of the calendar for ${label}`).toEqual([]);
  const shown = async (): Promise<{ year: number; month: number }> => {
    const text = (await calendar.locator('.calendar-month').textContent()) ?? '';
    const [name, y] = text.trim().split(/\s+/);
    return { year: Number(y), month: MONTHS.indexOf(name ?? '') + 1 };
  };
  for (let view = await shown(); view.year !== year; view = await shown()) await calendar.getByRole('button', { name: view.year < year ? 'Next year' : 'Previous year' }).click();
  for (let view = await shown(); view.month !== month; view = await shown()) await calendar.getByRole('button', { name: view.month < month ? 'Next month' : 'Previous month' }).click();
  await calendar.getByRole('button', { name: `${date} ${MONTHS[month - 1]} ${year}`, exact: true }).click();
  await expect(calendar).toHaveCount(0);
}

/** Taps the choice `choice` of the group of choice buttons labelled `label`. */
export async function tapChoice(page: Page, label: string, choice: string): Promise<void> {
  const option = page.getByRole('radiogroup', { name: label }).getByRole('radio', { name: choice });
  await option.click();
  await expect(option).toHaveAttribute('aria-checked', 'true');
}

/** The console's tab `name` (the unsaved-changes mark is part of its name). */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByRole('tab', { name: new RegExp(`^${name}`) })).toHaveAttribute('aria-selected', 'true');
}

/** No sideways scrolling: the page is no wider than the window. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => {
    // The elements that stick out on the right, to say what to fix.
    const over = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').slice(0, 30)}" (${Math.round(el.getBoundingClientRect().right)} px)`);
    return { page: document.documentElement.scrollWidth, window: window.innerWidth, over };
  });
  expect(widths.page, `page ${widths.page} px wide in a ${widths.window} px window: ${widths.over.join(', ')}`).toBeLessThanOrEqual(widths.window);
}
