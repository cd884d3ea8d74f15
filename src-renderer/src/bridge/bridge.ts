// How a page reaches main. The donor page gets `DonorApi` (window.kiosk) and
// the operator console `OperatorApi` (window.kioskOperator): from the Electron
// preload of its own window, or, in browser mode, from an HTTP bridge
// authorised by a token the server put in the page (each page on its own
// origin: src-main/browser-mode/server.ts).
import type { DonorApi, OpenConsoleRequest, OperatorApi } from '../../../src-main/contract/kiosk-api.ts';
// In the entry chunk, not a lazy one: a separate chunk cost every start in
// browser mode a second script round trip before the first kiosk call (issue 8);
// it is 1 KB gzipped and Electron never calls it.
import { createWebBridge, WEB_DONOR_METHODS, WEB_OPERATOR_METHODS } from './web-bridge.ts';

export class KioskSetupError extends Error {
  override name = 'KioskSetupError';
}

function meta(name: string): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content.trim() ?? '';
}

function noBridge(): never {
  throw new KioskSetupError('No kiosk bridge: the preload set nothing and the page has no kiosk-bridge-token meta tag.');
}

/** The donor page's API. */
export async function getKioskApi(): Promise<DonorApi> {
  if (window.kiosk) return window.kiosk;
  const token = meta('kiosk-bridge-token');
  if (token === '') noBridge();
  // Browser mode: the console is another origin; opening it is going there.
  const operatorUrl = meta('kiosk-operator-url');
  const api = createWebBridge<DonorApi>(token, WEB_DONOR_METHODS, {
    openOperatorConsole: (request) => {
      const url = new URL(operatorUrl);
      url.searchParams.set('lang', (request as OpenConsoleRequest).language);
      window.location.assign(url.href);
    },
  });
  window.kiosk ??= api;
  return api;
}

/** The operator console's API. */
export async function getOperatorApi(): Promise<OperatorApi> {
  if (window.kioskOperator) return window.kioskOperator;
  const token = meta('kiosk-bridge-token');
  if (token === '') noBridge();
  // Browser mode: leaving the console is going back to the donor page (Electron closes the console's window).
  const donorUrl = meta('kiosk-donor-url');
  const api = createWebBridge<OperatorApi>(token, WEB_OPERATOR_METHODS, { endOperatorSession: () => window.location.assign(donorUrl) });
  window.kioskOperator ??= api;
  return api;
}
