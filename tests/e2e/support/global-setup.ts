// Says once, plainly, why the Electron project's tests are skipped here.
import { ELECTRON_MISSING_MESSAGE, findElectronBinary } from './electron-binary.ts';

export default function globalSetup(): void {
  const binary = findElectronBinary();
  console.log(binary ? `Electron binary: ${binary}` : `[electron] ${ELECTRON_MISSING_MESSAGE}`);
}
