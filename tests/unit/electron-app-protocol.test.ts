import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createAppRequestHandler,
  handleAppProtocol,
  OUT_OF_SERVICE_PATH,
  registerAppScheme,
} from '../../src-main/electron/app-protocol.ts';
import { buildContentSecurityPolicy, NO_CHECKOUT, sameCheckoutOrigins } from '../../src-main/security/content-security-policy.ts';

const CSP = buildContentSecurityPolicy({ appOrigin: 'app://kiosk', checkout: sameCheckoutOrigins(['https://checkout.razorpay.com']) });
const OPERATOR_CSP = buildContentSecurityPolicy({ appOrigin: 'app://operator', checkout: NO_CHECKOUT });

describe('registerAppScheme', () => {
  it('registers app: as a standard, secure, fetch-capable scheme', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

describe('app:// request handler', () => {
  let root: string;
  const log = vi.fn<(line: string) => void>();

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'kiosk-app-protocol-'));
    await mkdir(path.join(root, 'assets'));
    await writeFile(path.join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(path.join(root, 'operator.html'), '<!doctype html><div id="operator-root"></div>');
    await writeFile(path.join(root, 'assets', 'index.css'), 'body{}');
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('is what handleAppProtocol installs for the app scheme', async () => {
    const handle = vi.fn<(scheme: string, handler: (request: Request) => Promise<Response>) => void>();
    handleAppProtocol({ handle }, { rendererDir: root, contentSecurityPolicy: CSP, operatorContentSecurityPolicy: OPERATOR_CSP, log });
    expect(handle).toHaveBeenCalledOnce();
    const [scheme, handler] = handle.mock.calls[0] ?? [];
    expect(scheme).toBe('app');
    const response = await handler?.(new Request('app://kiosk/index.html'));
    expect(response?.status).toBe(200);
  });

  it('serves the page with the CSP header and the right MIME type', async () => {
    const handler = createAppRequestHandler({ rendererDir: root, contentSecurityPolicy: CSP, operatorContentSecurityPolicy: OPERATOR_CSP, log });
    const response = await handler(new Request('app://kiosk/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(await response.text()).toContain('<div id="root">');

    const css = await handler(new Request('app://kiosk/assets/index.css'));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('content-security-policy')).toBeNull();
  });

  it('serves the donor page only on app://kiosk and the console only on app://operator, each with its own CSP', async () => {
    const handler = createAppRequestHandler({ rendererDir: root, contentSecurityPolicy: CSP, operatorContentSecurityPolicy: OPERATOR_CSP, log });
    const console = await handler(new Request('app://operator/operator.html'));
    expect(console.status).toBe(200);
    expect(console.headers.get('content-security-policy')).toBe(OPERATOR_CSP);
    expect(console.headers.get('content-security-policy')).not.toContain('razorpay');
    expect((await handler(new Request('app://operator/assets/index.css'))).status).toBe(200);
    // Neither origin serves the other's document: the donor page cannot frame or fetch the console's page as its own.
    expect((await handler(new Request('app://kiosk/operator.html'))).status).toBe(404);
    expect((await handler(new Request('app://operator/index.html'))).status).toBe(404);
    expect((await handler(new Request('app://operator/'))).status).toBe(404);
  });

  it('404s traversal and missing files, and logs them', async () => {
    const handler = createAppRequestHandler({ rendererDir: root, contentSecurityPolicy: CSP, operatorContentSecurityPolicy: OPERATOR_CSP, log });
    for (const url of ['app://kiosk/..%2f..%2fetc%2fpasswd', 'app://kiosk/missing.js', 'app://elsewhere/index.html']) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text()).toBe('');
    }
    expect(log).toHaveBeenCalledWith(expect.stringContaining('404 GET app://kiosk/missing.js'));
  });

  it('serves the built-in out-of-service page from main, script-free, even without the renderer files', async () => {
    const handler = createAppRequestHandler({ rendererDir: path.join(root, 'nothing-here'), contentSecurityPolicy: CSP, operatorContentSecurityPolicy: OPERATOR_CSP, log });
    const response = await handler(new Request(`app://kiosk${OUT_OF_SERVICE_PATH}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
    const html = await response.text();
    expect(html).toContain('out of service');
    expect(html).not.toMatch(/<script/i);
    // Only on app://kiosk, only GET/HEAD.
    expect((await handler(new Request(`app://elsewhere${OUT_OF_SERVICE_PATH}`))).status).toBe(404);
    expect((await handler(new Request(`app://kiosk${OUT_OF_SERVICE_PATH}`, { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
