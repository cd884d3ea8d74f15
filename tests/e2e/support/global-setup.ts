// Before any test: the Chromium the browser project drives (tests/tools/chromium.ts),
// or one line saying how to get one, instead of every test failing to launch;
// and, once, why the Electron project's tests are skipped here.
import { findChromium } from '../../tools/chromium.ts';
import { ELECTRON_MISSING_MESSAGE, electronRequired, findElectronBinary } from './electron-binary.ts';

export default function globalSetup(): void {
  const chromium = findChromium();
  if (!chromium.ok) {
    console.error(chromium.message);
    process.exit(1);
  }
  // Workers and the in-process browser-mode receipt printer read it from here.
  process.env['CHROMIUM_PATH'] = chromium.path;
  console.log(`Chromium: ${chromium.path} (${chromium.source})`);
  const binary = findElectronBinary();
  if (binary === null && electronRequired()) throw new Error('KIOSK_E2E_REQUIRE_ELECTRON=1 but the Electron binary is not installed (node node_modules/electron/install.js downloads it).');
  console.log(binary ? `Electron binary: ${binary}` : `[electron] ${ELECTRON_MISSING_MESSAGE}`);
}
