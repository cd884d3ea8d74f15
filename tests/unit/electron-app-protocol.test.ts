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
import { buildContentSecurityPolicy } from '../../src-main/security/content-security-policy.ts';

const CSP = buildContentSecurityPolicy({ appOrigin: 'app://kiosk', checkoutOrigins: ['https://checkout.razorpay.com'] });

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
    await writeFile(path.join(root, 'assets', 'index.css'), 'body{}');
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('is what handleAppProtocol installs for the app scheme', async () => {
    const handle = vi.fn<(scheme: string, handler: (request: Request) => Promise<Response>) => void>();
    handleAppProtocol({ handle }, { rendererDir: root, contentSecurityPolicy: CSP, log });
    expect(handle).toHaveBeenCalledOnce();
    const [scheme, handler] = handle.mock.calls[0] ?? [];
    expect(scheme).toBe('app');
    const response = await handler?.(new Request('app://kiosk/index.html'));
    expect(response?.status).toBe(200);
  });

  it('serves the page with the CSP header and the right MIME type', async () => {
    const handler = createAppRequestHandler({ rendererDir: root, contentSecurityPolicy: CSP, log });
    const response = await handler(new Request('app://kiosk/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(await response.text()).toContain('<div id="root">');

    const css = await handler(new Request('app://kiosk/assets/index.css'));
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('content-security-policy')).toBeNull();
  });

  it('404s traversal and missing files, and logs them', async () => {
    const handler = createAppRequestHandler({ rendererDir: root, contentSecurityPolicy: CSP, log });
    for (const url of ['app://kiosk/..%2f..%2fetc%2fpasswd', 'app://kiosk/missing.js', 'app://elsewhere/index.html']) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text()).toBe('');
    }
    expect(log).toHaveBeenCalledWith(expect.stringContaining('404 GET app://kiosk/missing.js'));
  });

  it('serves the built-in out-of-service page from main, script-free, even without the renderer files', async () => {
    const handler = createAppRequestHandler({ rendererDir: path.join(root, 'nothing-here'), contentSecurityPolicy: CSP, log });
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
