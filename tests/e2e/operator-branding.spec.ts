// The operator's branding: a logo picked from a file (checked in main: PNG or
// JPEG only, by its bytes) shows on the welcome screen above the organisation
// name; an SVG is refused; the language is a choice from main's list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { CONFIG_FILE_NAME } from '../../src-main/domain/kiosk-config.ts';
import { test, expect } from './support/kiosk-fixture.ts';
import { screen } from './support/donor.ts';
import { enterPin, leaveConsole, longPressCorner, openTab, setUpPin } from './support/operator.ts';

const PIN = '482613';

/** A real PNG (RGBA, no filter), drawn pixel by pixel. */
function makePng(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.set(pixel(x, y), y * (width * 4 + 1) + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A saffron disc with a white ring, on a transparent square. */
const LOGO = makePng(96, 96, (x, y) => {
  const r = Math.hypot(x - 47.5, y - 47.5);
  if (r > 46) return [0, 0, 0, 0];
  if (r > 30 && r < 36) return [255, 255, 255, 255];
  return [234, 88, 12, 255];
});

test('a PNG logo chosen in the console shows on the welcome screen; an SVG is refused; the language is English', async ({ kiosk }) => {
  const { page, shot, dataDir } = kiosk;
  await expect(screen(page, 'welcome')).toBeVisible();
  await expect(page.getByTestId('welcome-logo')).toHaveCount(0);

  await longPressCorner(page, 'operator-setup');
  await setUpPin(page, PIN);
  await openTab(page, 'Event and kiosk');

  // The language comes from main's list: English (the default) and Hindi.
  const language = page.getByRole('radiogroup', { name: 'Language of the donor screens' });
  await expect(language.getByRole('radio')).toHaveText([/English/, 'Hindi']);
  await expect(language.getByRole('radio', { name: /English/ })).toHaveAttribute('aria-checked', 'true');
  await openTab(page, 'Welcome screen');

  const file = page.getByLabel('Choose a picture…');
  const message = page.getByTestId('logo-message');
  await expect(page.getByText('No logo is set.')).toBeVisible();

  // An SVG (it could carry a script) is refused by main, and nothing is stored.
  await file.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') });
  await expect(message).toHaveText('Use a PNG or JPEG picture of at most 256 KB. Nothing was changed.');
  // So is a PNG renamed to .jpg (the browser calls it image/jpeg; its bytes say PNG).
  await file.setInputFiles({ name: 'logo.jpg', mimeType: 'image/jpeg', buffer: LOGO });
  await expect(message).toHaveText('Use a PNG or JPEG picture of at most 256 KB. Nothing was changed.');
  expect(JSON.parse(readFileSync(join(dataDir, CONFIG_FILE_NAME), 'utf8'))).not.toHaveProperty('logoDataUri');
  await expect(page.getByTestId('logo-preview')).toHaveCount(0);

  await file.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: LOGO });
  await expect(message).toContainText('Logo saved.');
  await expect(page.getByTestId('logo-preview')).toBeVisible();
  const stored = JSON.parse(readFileSync(join(dataDir, CONFIG_FILE_NAME), 'utf8')) as { logoDataUri?: string };
  expect(stored.logoDataUri).toBe(`data:image/png;base64,${LOGO.toString('base64')}`);
  await page.getByTestId('logo-preview').scrollIntoViewIfNeeded();
  await shot('console-logo');

  await leaveConsole(page);
  const logo = page.getByTestId('welcome-logo');
  await expect(logo).toBeVisible();
  await expect(logo).toHaveAttribute('alt', 'Asha Education Trust');
  // Decoded and laid out above the organisation name.
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(96);
  const logoBox = await logo.boundingBox();
  const nameBox = await page.getByRole('heading', { name: 'Asha Education Trust' }).boundingBox();
  expect(logoBox && nameBox && logoBox.y + logoBox.height <= nameBox.y).toBe(true);
  await shot('welcome-with-logo');

  // Removing it takes it off the welcome screen.
  await longPressCorner(page, 'operator-pin');
  await enterPin(page, PIN);
  await openTab(page, 'Welcome screen');
  await page.getByRole('button', { name: 'Remove logo' }).click();
  await expect(message).toContainText('Logo removed.');
  await leaveConsole(page);
  await expect(page.getByRole('heading', { name: 'Asha Education Trust' })).toBeVisible();
  await expect(page.getByTestId('welcome-logo')).toHaveCount(0);
});
