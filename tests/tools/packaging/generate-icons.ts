// Writes every platform's app icon from the one source, assets/icon.svg:
//   assets/build/icon.png        1024×1024 (electron-builder's source for macOS/Linux)
//   assets/build/icons/NxN.png   Linux sizes (AppImage, deb)
//   assets/build/icon.ico        Windows (PNG-compressed entries, 16-256)
//   assets/build/icon.icns       macOS (PNG entries, 16-1024)
//
//   npm run icons      (needs a Chromium: tests/tools/chromium.ts; the outputs are committed, so packaging never runs this)
//
// Rasterised by headless Chromium (the browser the e2e tests already use); the
// .ico and .icns containers are written here: both are small, documented
// formats that hold PNG data as-is.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumPath } from '../chromium.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SOURCE = path.join(ROOT, 'assets/icon.svg');
const OUT = path.join(ROOT, 'assets/build');

const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** icns entry types holding PNG data, by pixel size (Apple's "icns" type codes). */
const ICNS_TYPES: [string, number][] = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

/** ICO: ICONDIR, one ICONDIRENTRY per image, then the PNGs. Width/height 0 means 256. */
export function icoFromPngs(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2);
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

/** ICNS: "icns" + total length, then per entry a 4-char type, its length (8 + data) and the PNG. */
export function icnsFromPngs(entries: { type: string; png: Buffer }[]): Buffer {
  const chunks = entries.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + body.length, 4);
  return Buffer.concat([head, body]);
}

async function main(): Promise<void> {
  const svg = readFileSync(SOURCE, 'utf8');
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size)])].sort((a, b) => a - b);
  const pngs = new Map<number, Buffer>();
  try {
    const page = await browser.newPage();
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(
        `<!doctype html><style>html,body{margin:0;background:transparent}img{display:block;width:${size}px;height:${size}px}</style>` +
          `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`,
      );
      await page.locator('img').evaluate((img) => (img as unknown as { decode(): Promise<void> }).decode());
      pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
    }
  } finally {
    await browser.close();
  }
  const png = (size: number): Buffer => {
    const image = pngs.get(size);
    if (image === undefined) throw new Error(`no ${size}px rendering`);
    return image;
  };
  mkdirSync(path.join(OUT, 'icons'), { recursive: true });
  writeFileSync(path.join(OUT, 'icon.png'), png(1024));
  for (const size of LINUX_SIZES) writeFileSync(path.join(OUT, 'icons', `${size}x${size}.png`), png(size));
  writeFileSync(path.join(OUT, 'icon.ico'), icoFromPngs(ICO_SIZES.map((size) => ({ size, png: png(size) }))));
  writeFileSync(path.join(OUT, 'icon.icns'), icnsFromPngs(ICNS_TYPES.map(([type, size]) => ({ type, png: png(size) }))));
  console.log(`icons written to ${path.relative(ROOT, OUT)}/ from ${path.relative(ROOT, SOURCE)}: ${sizes.join(', ')} px`);
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
