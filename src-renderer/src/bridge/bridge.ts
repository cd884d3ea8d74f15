// How the renderer reaches main: the Electron preload's `window.kiosk`, or, in
// browser mode, an HTTP bridge authorised by a token the server put in the page.
import type { KioskApi } from '../../../src-main/contract/kiosk-api.ts';

export class KioskSetupError extends Error {
  override name = 'KioskSetupError';
}

export async function getKioskApi(): Promise<KioskApi> {
  if (window.kiosk) return window.kiosk;

  const meta = document.querySelector<HTMLMetaElement>('meta[name="kiosk-bridge-token"]');
  const token = meta?.content.trim() ?? '';
  if (token !== '') {
    let createWebBridge: (token: string) => KioskApi;
    try {
      // A separate chunk: the Electron build never loads it.
      ({ createWebBridge } = await import('./web-bridge.ts'));
    } catch (cause) {
      throw new KioskSetupError('The browser-mode bridge could not be loaded.', { cause });
    }
    const api = createWebBridge(token);
    // As the contract says: in browser mode the web bridge is window.kiosk too.
    window.kiosk ??= api;
    return api;
  }

  throw new KioskSetupError(
    'No kiosk bridge: window.kiosk was not set by the preload and the page has no kiosk-bridge-token meta tag.',
  );
}
