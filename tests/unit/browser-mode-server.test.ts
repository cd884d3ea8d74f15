// The browser-mode server as something on the network sees it (issue 14,
// items 3 and 11): a request it cannot parse gets a 400 and the server lives
// on; only this machine's names are served; the printed token becomes a
// cookie and leaves the address; every answer says no-referrer; and each
// origin answers its own audience's methods only, with its own token.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, startBrowserMode, type BrowserModeServer } from '../../src-main/browser-mode/server.ts';

let server: BrowserModeServer;
let dataDir: string;
const lines: string[] = [];

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kiosk-browser-server-'));
  lines.length = 0;
  server = await startBrowserMode({ dataDir, env: {}, log: (line) => lines.push(line) });
});
afterEach(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Sends raw bytes and returns what comes back before the server closes or a second passes. */
function raw(origin: string, request: string): Promise<string> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.setTimeout(1_000, () => socket.end());
  });
}

async function ipc(origin: string, method: string, token: string, payload: unknown = null, headers: Record<string, string> = {}) {
  const response = await fetch(`${origin}/ipc/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': token, ...headers },
    body: JSON.stringify({ payload }),
  });
  return { status: response.status, body: (await response.json()) as unknown, headers: response.headers };
}

/** What the browser does with the printed address: the token for a cookie, then the page. */
async function openPrinted(): Promise<{ cookie: string; html: string }> {
  const first = await fetch(server.url, { redirect: 'manual' });
  const setCookie = first.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  const page = await fetch(`${server.origin}/`, { headers: { cookie } });
  return { cookie, html: await page.text() };
}

const meta = (html: string, name: string) => new RegExp(`<meta name="${name}" content="([^"]*)">`).exec(html)?.[1] ?? '';

describe('browser-mode server', () => {
  it('answers a request line it cannot parse with a 400 and carries on (GET //[ HTTP/1.1)', async () => {
    for (const line of ['GET //[ HTTP/1.1', 'GET //[::1 HTTP/1.1', 'GET http://[ HTTP/1.1', 'GET * HTTP/1.1']) {
      const answer = await raw(server.origin, `${line}\r\nHost: ${new URL(server.origin).host}\r\nConnection: close\r\n\r\n`);
      expect(answer, line).toMatch(/^HTTP\/1\.1 400 /);
    }
    expect((await raw(server.origin, 'NONSENSE\r\n\r\n')).startsWith('HTTP/1.1 400')).toBe(true);
    // Still up, for the page and for the kiosk behind it.
    expect(await ipc(server.origin, 'getKioskState', server.token)).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('serves only 127.0.0.1 and localhost (a DNS-rebinding page gets nothing)', async () => {
    const port = new URL(server.origin).port;
    const answer = await raw(server.origin, `POST /ipc/getKioskState HTTP/1.1\r\nHost: evil.example:${port}\r\nX-Kiosk-Token: ${server.token}\r\nContent-Type: application/json\r\nContent-Length: 16\r\nConnection: close\r\n\r\n{"payload":null}`);
    expect(answer).toMatch(/^HTTP\/1\.1 421 /);
    const local = await raw(server.origin, `GET / HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\n\r\n`);
    expect(local).toMatch(/^HTTP\/1\.1 403 /); // localhost is served (no cookie yet, so no page)
  });

  it('trades the printed token for an HttpOnly cookie and sends the browser to "/", so the token leaves the address bar', async () => {
    const first = await fetch(server.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    expect(first.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=[0-9a-f]{48}; HttpOnly; SameSite=Strict; Path=/$`));
    expect(first.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await fetch(`${server.origin}/`)).status).toBe(403);
    expect((await fetch(`${server.origin}/?token=${'0'.repeat(48)}`, { redirect: 'manual' })).status).toBe(403);
    const { html } = await openPrinted();
    expect(meta(html, 'kiosk-bridge-token')).toBe(server.token);
    expect(meta(html, 'kiosk-operator-url')).toBe(`${server.operatorOrigin}/operator.html`);
  });

  it('says no-referrer on every answer, and allows no other origin to read one', async () => {
    const { cookie } = await openPrinted();
    for (const response of [
      await fetch(`${server.origin}/`, { headers: { cookie } }),
      await fetch(`${server.origin}/assets/missing.js`),
      await fetch(`${server.origin}/ipc/getKioskState`, { method: 'POST', headers: { 'X-Kiosk-Token': server.token, Origin: 'https://evil.example' }, body: '{"payload":null}' }),
    ]) {
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('answers operator methods only on the console\'s origin, with the console\'s token: the donor page\'s token opens none', async () => {
    for (const method of ['getOperatorGate', 'setUpOperatorPin', 'getOperatorOverview', 'setPaymentKeys', 'exportDonationsCsv']) {
      expect(await ipc(server.origin, method, server.token, {}), method).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden_sender' } } });
      expect(await ipc(server.operatorOrigin, method, server.token, {}), method).toMatchObject({ status: 403, body: { ok: false, error: { code: 'forbidden_sender' } } });
    }
    // The console's document carries its own token, only with the cookie; the donor page cannot read that document (another origin).
    expect((await fetch(`${server.operatorOrigin}/operator.html`)).status).toBe(403);
    const { cookie } = await openPrinted();
    const consolePage = await fetch(`${server.operatorOrigin}/operator.html`, { headers: { cookie } });
    const html = await consolePage.text();
    expect(consolePage.headers.get('content-security-policy')).not.toContain('127.0.0.1:');
    const operatorToken = meta(html, 'kiosk-bridge-token');
    expect(operatorToken).toMatch(/^[0-9a-f]{48}$/);
    expect(operatorToken).not.toBe(server.token);
    expect(meta(html, 'kiosk-donor-url')).toBe(`${server.origin}/`);
    expect(await ipc(server.operatorOrigin, 'getOperatorGate', operatorToken)).toMatchObject({ status: 200, body: { ok: true, value: { status: 'needs_setup' } } });
    // ... and the console's token opens no donor method, nor anything on the donor's origin.
    expect(await ipc(server.operatorOrigin, 'startDonation', operatorToken, {})).toMatchObject({ status: 403 });
    expect(await ipc(server.origin, 'getKioskState', operatorToken)).toMatchObject({ status: 403 });
    // Each origin serves its own page only.
    expect((await fetch(`${server.origin}/operator.html`, { headers: { cookie } })).status).toBe(404);
    expect((await fetch(`${server.operatorOrigin}/index.html`, { headers: { cookie } })).status).toBe(404);
  });
});
