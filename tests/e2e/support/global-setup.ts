// Says once, plainly, why the Electron project's tests are skipped here.
import { ELECTRON_MISSING_MESSAGE, electronRequired, findElectronBinary } from './electron-binary.ts';

export default function globalSetup(): void {
  const binary = findElectronBinary();
  if (binary === null && electronRequired()) throw new Error('KIOSK_E2E_REQUIRE_ELECTRON=1 but the Electron binary is not installed (node node_modules/electron/install.js downloads it).');
  console.log(binary ? `Electron binary: ${binary}` : `[electron] ${ELECTRON_MISSING_MESSAGE}`);
}
