// What an operator does: the hidden corner, the PIN pad, the console.
//
// The console is a page of its own (issue 14): in browser mode, holding the
// corner takes this same tab to the console's origin and Done brings it back to
// the donor page, so every helper here keeps working on the `page` it is given.
// (In Electron the console is its own window: find it with
// `page.context().pages()`, the page whose URL starts with app://operator.)
import { expect, type Page } from '@playwright/test';
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
