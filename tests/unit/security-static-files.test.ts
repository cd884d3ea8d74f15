import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  joinInsideRoot,
  mimeTypeFor,
  resolveRequestPath,
  responseHeadersFor,
  serveStaticFile,
} from '../../src-main/security/static-files.ts';

const CSP = "default-src 'self'";

describe('resolveRequestPath', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-abc123.js', 'assets/index-abc123.js'],
    ['/assets/', 'assets/index.html'],
    ['/fonts/Noto%20Sans.woff2', 'fonts/Noto Sans.woff2'],
  ])('maps %s to %s', (pathname, relativePath) => {
    expect(resolveRequestPath(pathname)).toEqual({ ok: true, relativePath });
  });

  it.each([
    '/..%2f..%2fetc/passwd',
    '/..%2Fsecret',
    '/assets/..%2f..%2f..%2fetc%2fpasswd',
    '/%2e%2e/secret',
    '/..',
    '/a/../../b',
    '/.',
    '/..%5csecret',
    '/a%5c..%5c..%5cwindows',
    '/a\\b',
    '/%00index.html',
    '/C:/Windows/win.ini',
    '/c%3a%5cwindows',
    '//etc/passwd',
    '/a//b',
    '/index.html.',
    '/%20index.html',
  ])('refuses %s', (pathname) => {
    expect(resolveRequestPath(pathname).ok).toBe(false);
  });

  it('refuses bad percent-encoding and relative paths', () => {
    expect(resolveRequestPath('/%E0%A4%A')).toEqual({ ok: false, status: 400 });
    expect(resolveRequestPath('index.html')).toEqual({ ok: false, status: 400 });
  });
});

describe('joinInsideRoot', () => {
  it('stays inside the root', () => {
    expect(joinInsideRoot('/srv/out/renderer', 'assets/a.js')).toBe(path.resolve('/srv/out/renderer/assets/a.js'));
    expect(joinInsideRoot('/srv/out/renderer', '../x')).toBeNull();
    expect(joinInsideRoot('/srv/out/renderer', '/etc/passwd')).toBe(path.resolve('/srv/out/renderer/etc/passwd'));
    expect(joinInsideRoot('/srv/out/renderer', '')).toBeNull();
  });
});

describe('mimeTypeFor and responseHeadersFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.JS', 'text/javascript; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.unknown', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
  ])('%s → %s', (file, mime) => expect(mimeTypeFor(file)).toBe(mime));

  it('puts the CSP on HTML documents only', () => {
    expect(responseHeadersFor('/r/index.html', CSP)['Content-Security-Policy']).toBe(CSP);
    expect(responseHeadersFor('/r/a.js', CSP)['Content-Security-Policy']).toBeUndefined();
    expect(responseHeadersFor('/r/a.js', CSP)['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('serveStaticFile', () => {
  let base: string;
  let root: string;
  const options = () => ({ rootDir: root, contentSecurityPolicy: CSP, expectedOrigin: { protocol: 'app:', host: 'kiosk' } });

  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'kiosk-static-'));
    root = path.join(base, 'out', 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>kiosk</title>');
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(base, 'secret.txt'), 'key_secret');
    await writeFile(path.join(base, 'out', 'main.js'), 'main');
    await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'));
    // A sibling whose name shares the root's prefix must not count as inside.
    await mkdir(path.join(base, 'out', 'renderer-evil'), { recursive: true });
    await writeFile(path.join(base, 'out', 'renderer-evil', 'x.js'), 'evil');
  });

  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('serves index.html with the CSP and MIME type', async () => {
    const response = await serveStaticFile('GET', 'app://kiosk/index.html', options());
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(response.headers['Content-Security-Policy']).toBe(CSP);
    expect(new TextDecoder().decode(response.body ?? new Uint8Array())).toContain('<title>kiosk</title>');
    expect((await serveStaticFile('GET', 'app://kiosk/', options())).status).toBe(200);
  });

  it('serves assets without the CSP, ignoring query and hash', async () => {
    const response = await serveStaticFile('GET', 'app://kiosk/assets/app.js?v=2#x', options());
    expect(response.status).toBe(200);
    expect(response.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['Content-Security-Policy']).toBeUndefined();
    expect(response.headers['Content-Length']).toBe(String('console.log(1)'.length));
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await serveStaticFile('HEAD', 'app://kiosk/index.html', options());
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
    expect((await serveStaticFile('POST', 'app://kiosk/index.html', options())).status).toBe(405);
  });

  it.each([
    'app://kiosk/..%2fsecret.txt',
    'app://kiosk/..%2f..%2fsecret.txt',
    'app://kiosk/%2e%2e/%2e%2e/secret.txt',
    'app://kiosk/../../secret.txt',
    'app://kiosk/..%5c..%5csecret.txt',
    'app://kiosk/..%2fmain.js',
    'app://kiosk/..%2frenderer-evil%2fx.js',
    'app://kiosk/assets/link.txt',
    'app://kiosk/missing.js',
    'app://kiosk/assets',
    'app://kiosk/assets/',
    'app://kiosk/%2Fetc%2Fpasswd',
    'app://kiosk//etc/passwd',
    'app://other/index.html',
    'app://kiosk.evil.com/index.html',
    'https://kiosk/index.html',
  ])('404s %s', async (url) => {
    const response = await serveStaticFile('GET', url, options());
    expect(response.status).toBe(404);
    expect(response.body).toBeNull();
  });

  it('400s unparsable URLs and credentials', async () => {
    expect((await serveStaticFile('GET', 'not a url', options())).status).toBe(400);
    expect((await serveStaticFile('GET', 'app://user@kiosk/index.html', options())).status).toBe(400);
  });

  it('404s everything when the root does not exist', async () => {
    const response = await serveStaticFile('GET', 'app://kiosk/index.html', { ...options(), rootDir: path.join(base, 'nope') });
    expect(response.status).toBe(404);
  });
});
