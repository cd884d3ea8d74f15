// How the renderer reaches main: the Electron preload's `window.kiosk`, or, in
// browser mode, an HTTP bridge authorised by a token the server put in the page.
import type { KioskApi } from '../../../src-main/contract/kiosk-api.ts';
// In the entry chunk, not a lazy one: a separate chunk cost every start in
// browser mode a second script round trip before the first kiosk call (issue 8);
// it is 1 KB gzipped and Electron never calls it.
import { createWebBridge } from './web-bridge.ts';

export class KioskSetupError extends Error {
  override name = 'KioskSetupError';
}

export async function getKioskApi(): Promise<KioskApi> {
  if (window.kiosk) return window.kiosk;

  const meta = document.querySelector<HTMLMetaElement>('meta[name="kiosk-bridge-token"]');
  const token = meta?.content.trim() ?? '';
  if (token !== '') {
    const api = createWebBridge(token);
    // As the contract says: in browser mode the web bridge is window.kiosk too.
    window.kiosk ??= api;
    return api;
  }

  throw new KioskSetupError(
    'No kiosk bridge: window.kiosk was not set by the preload and the page has no kiosk-bridge-token meta tag.',
  );
}
