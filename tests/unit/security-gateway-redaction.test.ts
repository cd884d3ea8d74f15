// Text from a gateway never carries a credential onward (issue 14, item 9): an
// upstream that echoes the request's Authorization header into its error reply
// puts base64(key_id:key_secret) in front of the kiosk, which must not pass it
// to the renderer, the log or the ledger. The renderer gets a code and the
// kiosk's own words.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRazorpayGateway } from '../../src-main/domain/gateway/razorpay-gateway.ts';
import { credentialForms, MAX_GATEWAY_TEXT, REDACTED, redactCredentials } from '../../src-main/domain/gateway/redact.ts';
import { kioskErrorForGateway } from '../../src-main/domain/donation-service.ts';
import { startKioskServices, type KioskServices } from '../../src-main/services/kiosk-services.ts';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const KEY_ID = 'rzp_test_EchoKioskKey01';
const KEY_SECRET = 'EchoSecretNeverLeaves9876';
const BASIC = Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString('base64');

describe('redactCredentials', () => {
  it('takes out the secret, Basic and Bearer tokens, named secrets and base64 that names a Razorpay key', () => {
    const known = credentialForms(KEY_ID, KEY_SECRET);
    const cases: [string, string][] = [
      [`Authentication failed for ${KEY_SECRET}`, `Authentication failed for ${REDACTED}`],
      [`Authorization: Basic ${BASIC}`, `Authorization: ${REDACTED}`],
      [`header was Basic ${BASIC}`, `header was Basic ${REDACTED}`],
      ['Bearer abc.def.ghi rejected', `Bearer ${REDACTED} rejected`],
      ['{"key_secret":"hunter22","x":1}', `{"key_secret":"${REDACTED}","x":1}`],
      ['password=opensesame&user=a', `password=${REDACTED}&user=a`],
      [`echo: ${BASIC}`, `echo: ${REDACTED}`],
    ];
    for (const [input, expected] of cases) expect(redactCredentials(input, known), input).toBe(expected);
    // An unknown key pair echoed without "Basic" is still recognised by what it decodes to.
    const stranger = Buffer.from('rzp_live_SomeoneElse00001:theirSecret123').toString('base64');
    expect(redactCredentials(`got ${stranger}`)).toBe(`got ${REDACTED}`);
  });

  it('leaves ordinary words, ids and codes alone', () => {
    for (const text of ['The id provided does not exist', 'order_ABCDEFGHIJKLMN not found', 'BAD_REQUEST_ERROR', 'Payment was unsuccessful due to a temporary issue.']) {
      expect(redactCredentials(text)).toBe(text);
    }
  });

  it('keeps a reply on one line and short', () => {
    expect(redactCredentials('line one\r\nline two\u0000')).toBe('line one  line two ');
    expect(redactCredentials('x'.repeat(5_000))).toHaveLength(MAX_GATEWAY_TEXT + 1);
  });
});

describe('a gateway that echoes the Authorization header', () => {
  let server: Server | null = null;
  let services: KioskServices | null = null;
  const dirs: string[] = [];
  afterEach(async () => {
    await services?.close();
    services = null;
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = null;
    dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  /** Answers every request with a 400 whose description repeats the Authorization header, the way a misbehaving proxy would. */
  async function echoingUpstream(): Promise<string> {
    server = createServer((request, response) => {
      const description = `Authentication failed. You sent: ${request.headers.authorization ?? ''} (raw ${(request.headers.authorization ?? '').replace(/^Basic /, '')})`;
      response.writeHead(400, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'BAD_REQUEST_ERROR', description, reason: 'input_validation_failed', field: KEY_SECRET } }));
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', () => resolve()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('gets a GatewayError with the credentials taken out, and a donor-facing message in the kiosk\'s own words', async () => {
    const baseUrl = await echoingUpstream();
    const gateway = createRazorpayGateway({ keyId: KEY_ID, keySecret: KEY_SECRET, baseUrl, timeoutMs: 2_000 });
    const created = await gateway.createOrder({ amountPaise: 100_00, receipt: 'r1', notes: {} });
    expect(created.ok).toBe(false);
    if (created.ok) return;
    const text = JSON.stringify(created.error);
    expect(text).not.toContain(KEY_SECRET);
    expect(text).not.toContain(BASIC);
    expect(text).toContain(REDACTED);
    const kioskError = kioskErrorForGateway(created.error);
    expect(kioskError).toEqual({ code: 'gateway_rejected', message: 'Razorpay refused the request (HTTP 400).', retryable: false });
  });

  it('leaves the secret out of the reply to the page, the log and the ledger', async () => {
    const baseUrl = await echoingUpstream();
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-redaction-'));
    dirs.push(dataDir);
    const lines: string[] = [];
    services = await startKioskServices({
      dataDir,
      env: { KIOSK_RAZORPAY_KEY_ID: KEY_ID, KIOSK_RAZORPAY_KEY_SECRET: KEY_SECRET, KIOSK_RAZORPAY_API_URL: baseUrl, KIOSK_CHECKOUT_SCRIPT_URL: `${baseUrl}/checkout.js` },
      log: (line) => lines.push(line),
    });
    const reply = await services.dispatch('startDonation', { amountRupees: 100, donor: { anonymous: true } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'gateway_rejected' } });
    services.ledger.close();
    const everything = [
      JSON.stringify(reply),
      lines.join('\n'),
      ...readdirSync(dataDir)
        .map((name) => join(dataDir, name))
        .filter((path) => statSync(path).isFile())
        .map((path) => readFileSync(path, 'latin1')),
    ].join('\n');
    expect(everything).toContain('Authentication failed'); // the search looks in the right places
    expect(everything).not.toContain(KEY_SECRET);
    expect(everything).not.toContain(BASIC);
  });
});
