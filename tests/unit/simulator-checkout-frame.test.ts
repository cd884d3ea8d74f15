// The Checkout stand-in in a real browser (Debian's Chromium): checkout.js on a
// merchant page of another origin, its frame, and the simulator behind them.
// Where Razorpay's Checkout is less kind than a stand-in would be (issue 12):
// config.display decides the methods, a payment is `created` while the donor
// pays, close() answers later, an unknown order alerts and never calls back,
// the handler runs with this = the instance, and a switch makes the frame never
// answer at all.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, FrameLocator, Page } from '@playwright/test';
import { findChromium, launchChromium } from '../tools/chromium.ts';
import { startRazorpaySimulator, type RazorpaySimulator } from '../../src-main/simulator/index.ts';
import { DOMESTIC_CHECKOUT } from '../../src-main/domain/donation-service.ts';

let sim: RazorpaySimulator;
let key: { keyId: string; keySecret: string };
let browser: Browser;
let host: Server;
let hostUrl = '';
let context: BrowserContext;
let page: Page;
let dialogs: string[];

/** The merchant's page: nothing but checkout.js, on its own origin. */
function merchantPage(): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Merchant</title></head><body>
<script src="${sim.checkoutScriptUrl}"></script>
<script>
  window.__events = [];
  // Every message the frame posts, whatever checkout.js makes of it.
  window.__frameMessages = [];
  window.addEventListener('message', function (e) {
    try { var m = JSON.parse(e.data); if (m && m.source === 'frame') window.__frameMessages.push(m.event); } catch (err) { /* not ours */ }
  });
  window.__open = function (options) {
    var rzp = new Razorpay(Object.assign({}, options, {
      handler: function (response) { window.__events.push({ type: 'handler', response: response, thisIsInstance: this === rzp }); },
      modal: Object.assign({}, options.modal, {
        ondismiss: function (reason) { window.__events.push({ type: 'dismiss', reason: reason === undefined ? null : reason }); }
      })
    }));
    ['payment.failed', 'payment.submit', 'payment.cancel', 'render', 'fault.close'].forEach(function (name) {
      rzp.on(name, function (payload) { window.__events.push({ type: name, payload: payload === undefined ? null : payload }); });
    });
    window.__rzp = rzp;
    rzp.open();
  };
</script></body></html>`;
}

/**
 * The browser these tests drive (tests/tools/chromium.ts). With none, they are
 * skipped with the one line that says how to get one, and npm test stops with
 * it before the end-to-end stage.
 */
const chromium = findChromium();

beforeAll(async () => {
  if (!chromium.ok) return;
  sim = await startRazorpaySimulator();
  key = sim.createTestKey();
  browser = await launchChromium();
  host = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(merchantPage());
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (host) await new Promise((resolve) => host.close(resolve));
  await sim?.close();
});

beforeEach(async (test) => {
  if (!chromium.ok) {
    test.skip(chromium.message);
    return;
  }
  sim.configure({ captureDelayMs: 0, checkoutNeverCallsBack: false });
  context = await browser.newContext({ viewport: { width: 1080, height: 1920 } });
  page = await context.newPage();
  dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
  await page.goto(hostUrl);
});
afterEach(async () => {
  await context?.close();
});

async function createOrder(amount = 25_000): Promise<string> {
  const res = await fetch(`${sim.baseUrl}/v1/orders`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`${key.keyId}:${key.keySecret}`).toString('base64')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ amount, currency: 'INR' }),
  });
  return ((await res.json()) as { id: string }).id;
}

type PageEvent = { type: string; reason?: unknown; payload?: unknown; response?: Record<string, string>; thisIsInstance?: boolean };

const events = (): Promise<PageEvent[]> => page.evaluate(() => (globalThis as unknown as { __events: PageEvent[] }).__events);

async function open(options: Record<string, unknown> = {}): Promise<{ orderId: string; frame: FrameLocator }> {
  const orderId = typeof options.order_id === 'string' ? options.order_id : await createOrder();
  const full = { key: key.keyId, amount: 25_000, currency: 'INR', name: 'Asha Trust', order_id: orderId, ...options };
  await page.evaluate((o) => (globalThis as unknown as { __open(o: unknown): void }).__open(o), full);
  return { orderId, frame: page.frameLocator('iframe.razorpay-checkout-frame') };
}

async function waitForEvent(type: string): Promise<PageEvent> {
  await expect.poll(async () => (await events()).some((e) => e.type === type)).toBe(true);
  const found = (await events()).find((e) => e.type === type);
  if (!found) throw new Error(`no ${type} event`);
  return found;
}

/** The method buttons as shown, block by block: [block test id, heading, [method test ids]]. */
async function shownBlocks(frame: FrameLocator): Promise<Array<[string, string, string[]]>> {
  await frame.getByTestId('sim-view-methods').waitFor();
  return frame.locator('[data-testid="sim-methods"] .block').evaluateAll((blocks) =>
    blocks.map((b) => [
      b.getAttribute('data-testid') ?? '',
      b.querySelector('h3')?.textContent ?? '',
      [...b.querySelectorAll('button.method')].map((m) => m.getAttribute('data-testid') ?? ''),
    ]),
  );
}

describe('config.display decides the methods (item 3)', () => {
  it('the kiosk\'s domestic configuration shows exactly the methods it lists, and no default block', async () => {
    const { frame } = await open({ config: DOMESTIC_CHECKOUT });
    const listed = Object.values(DOMESTIC_CHECKOUT.display.blocks).flatMap((b) => b.instruments.map((i) => `sim-method-${i.method}`));
    expect(await shownBlocks(frame)).toEqual([['sim-block-india', 'Pay with an Indian account', listed]]);
    expect(listed).toEqual(['sim-method-upi', 'sim-method-card', 'sim-method-netbanking', 'sim-method-wallet']);
  });

  it('without a config (a kiosk accepting foreign contributions) shows Checkout\'s default methods', async () => {
    const { frame } = await open();
    expect(await shownBlocks(frame)).toEqual([
      ['sim-block-default', 'Cards, UPI & More', ['sim-method-upi', 'sim-method-card', 'sim-method-netbanking', 'sim-method-wallet']],
    ]);
  });

  it('a block lists only its own instruments; show_default_blocks false drops the rest', async () => {
    const { frame } = await open({
      config: { display: { blocks: { quick: { name: 'Quick', instruments: [{ method: 'card' }, { method: 'upi' }, { method: 'emi' }] } }, sequence: ['block.quick'], preferences: { show_default_blocks: false } } },
    });
    // 'emi' is not enabled on the simulated account, so it is not shown.
    expect(await shownBlocks(frame)).toEqual([['sim-block-quick', 'Quick', ['sim-method-card', 'sim-method-upi']]]);
  });

  it('sequence orders blocks and methods, hide removes methods from the default block only, and filters narrow a method', async () => {
    const { frame } = await open({
      config: {
        display: {
          blocks: { hdfc: { name: 'Pay with HDFC Bank', instruments: [{ method: 'netbanking', banks: ['HDFC'] }, { method: 'card' }] } },
          sequence: ['block.hdfc', 'wallet'],
          hide: [{ method: 'card' }, { method: 'upi', flows: ['collect'] }, { method: 'netbanking', banks: ['SBIN'] }],
          preferences: { show_default_blocks: true },
        },
      },
    });
    expect(await shownBlocks(frame)).toEqual([
      ['sim-block-hdfc', 'Pay with HDFC Bank', ['sim-method-netbanking', 'sim-method-card']],
      ['sim-block-default', 'All payment methods', ['sim-method-wallet', 'sim-method-upi', 'sim-method-netbanking-2']],
    ]);
    await frame.getByTestId('sim-method-netbanking').click();
    expect(await frame.getByTestId('sim-bank-select').locator('option').evaluateAll((o) => o.map((x) => x.getAttribute('value')))).toEqual(['HDFC']);
    await frame.getByTestId('sim-back').click();
    await frame.getByTestId('sim-method-netbanking-2').click();
    const banks = await frame.getByTestId('sim-bank-select').locator('option').evaluateAll((o) => o.map((x) => x.getAttribute('value')));
    expect(banks).not.toContain('SBIN');
    expect(banks).toContain('HDFC');
    await frame.getByTestId('sim-back').click();
    await frame.getByTestId('sim-method-upi').click();
    await expect.poll(() => frame.getByTestId('sim-upi-qr-section').isVisible()).toBe(true);
    expect(await frame.getByTestId('sim-upi-collect-section').isVisible()).toBe(false);
  });
});

describe('payments from the frame', () => {
  it('a UPI QR code is a created payment from the moment it shows; paying it calls the handler with this = the instance', async () => {
    const { orderId, frame } = await open({ notes: { kiosk_id: 'K1' }, description: 'Donation: Meals' });
    await frame.getByTestId('sim-method-upi').click();
    await expect.poll(() => sim.listPayments().filter((p) => p.order_id === orderId).map((p) => p.status)).toEqual(['created']);
    expect((await waitForEvent('payment.submit')).payload).toEqual({ method: 'upi' });
    await frame.getByTestId('sim-upi-pay').click();
    const handler = await waitForEvent('handler');
    expect(handler.thisIsInstance).toBe(true);
    const paymentId = handler.response?.razorpay_payment_id ?? '';
    expect(sim.getPayment(paymentId)).toMatchObject({
      status: 'captured',
      vpa: 'success@razorpay',
      upi: { vpa: 'success@razorpay' },
      notes: { kiosk_id: 'K1' },
      description: 'Donation: Meals',
    });
    expect((await events()).some((e) => e.type === 'dismiss')).toBe(false);
  });

  it('with a capture delay, the payment is still authorized when the handler runs', async () => {
    sim.configure({ captureDelayMs: 60_000 });
    const { frame } = await open();
    await frame.getByTestId('sim-method-upi').click();
    await frame.getByTestId('sim-upi-pay').click();
    const handler = await waitForEvent('handler');
    expect(sim.getPayment(handler.response?.razorpay_payment_id ?? '')?.status).toBe('authorized');
  });

  it('a UPI collect request carries the VPA the donor typed', async () => {
    const { orderId, frame } = await open({ config: { display: { hide: [{ method: 'upi', flows: ['qr'] }] } } });
    await frame.getByTestId('sim-method-upi').click();
    await frame.getByTestId('sim-upi-vpa').fill('not a vpa');
    await frame.getByTestId('sim-upi-collect-send').click();
    await expect.poll(() => frame.getByTestId('sim-upi-vpa-error').textContent()).toBe('Enter a valid UPI ID, like name@bank.');
    expect(sim.listPayments().filter((p) => p.order_id === orderId)).toEqual([]);
    await frame.getByTestId('sim-upi-vpa').fill('asha.donor@okhdfc');
    await frame.getByTestId('sim-upi-collect-send').click();
    await expect.poll(() => sim.listPayments().filter((p) => p.order_id === orderId).map((p) => [p.status, p.vpa])).toEqual([['created', 'asha.donor@okhdfc']]);
    await frame.getByTestId('sim-upi-collect-approve').click();
    const handler = await waitForEvent('handler');
    expect(sim.getPayment(handler.response?.razorpay_payment_id ?? '')).toMatchObject({ status: 'captured', vpa: 'asha.donor@okhdfc' });
  });

  it('a card is created when submitted, shows the OTP page, and a short OTP fails as invalid_otp', async () => {
    const { orderId, frame } = await open();
    await frame.getByTestId('sim-method-card').click();
    await frame.getByTestId('sim-card-fill-success').click();
    await frame.getByTestId('sim-card-pay').click();
    await frame.getByTestId('sim-view-otp').waitFor();
    await expect.poll(() => sim.listPayments().filter((p) => p.order_id === orderId).map((p) => p.status)).toEqual(['created']);
    await frame.getByTestId('sim-otp-input').fill('12');
    await frame.getByTestId('sim-otp-submit').click();
    const failed = await waitForEvent('payment.failed');
    expect(failed.payload).toMatchObject({ error: { reason: 'invalid_otp', description: 'Authentication failed due to incorrect otp' } });
    expect(sim.listPayments().filter((p) => p.order_id === orderId).map((p) => [p.status, p.error_reason])).toEqual([['failed', 'invalid_otp']]);
    // Retry stays open (the default): a good OTP on a second card attempt succeeds.
    await frame.getByTestId('sim-retry').click();
    await frame.getByTestId('sim-method-card').click();
    await frame.getByTestId('sim-card-fill-success').click();
    await frame.getByTestId('sim-card-pay').click();
    await frame.getByTestId('sim-otp-fill').click();
    await frame.getByTestId('sim-otp-submit').click();
    const handler = await waitForEvent('handler');
    expect(sim.getPayment(handler.response?.razorpay_payment_id ?? '')).toMatchObject({ method: 'card', status: 'captured', card: { last4: '1007' } });
  });

  it('a wallet pays in a popup, like netbanking, and the payment is created while the popup is open', async () => {
    const { orderId, frame } = await open();
    await frame.getByTestId('sim-method-wallet').click();
    await frame.getByTestId('sim-wallet-select').selectOption('phonepe');
    const popupOpened = page.waitForEvent('popup');
    await frame.getByTestId('sim-wallet-pay').click();
    const popup = await popupOpened;
    await popup.getByTestId('sim-bank-success').waitFor();
    expect(await popup.title()).toBe('PhonePe wallet (simulator)');
    await expect.poll(() => sim.listPayments().filter((p) => p.order_id === orderId).map((p) => [p.status, p.method, p.wallet])).toEqual([['created', 'wallet', 'phonepe']]);
    expect((await waitForEvent('payment.submit')).payload).toEqual({ method: 'wallet', wallet: 'phonepe' });
    await popup.getByTestId('sim-bank-success').click();
    const handler = await waitForEvent('handler');
    expect(sim.getPayment(handler.response?.razorpay_payment_id ?? '')).toMatchObject({ method: 'wallet', wallet: 'phonepe', status: 'captured' });
  });
});

describe('netbanking', () => {
  it('closing the bank\'s pop-up cancels the payment: payment.cancel, then payment.failed payment_cancelled', async () => {
    const { orderId, frame } = await open();
    await frame.getByTestId('sim-method-netbanking').click();
    await frame.getByTestId('sim-bank-select').selectOption('SBIN');
    const popupOpened = page.waitForEvent('popup');
    await frame.getByTestId('sim-netbanking-pay').click();
    const popup = await popupOpened;
    expect(await popup.title()).toBe('State Bank of India netbanking (simulator)');
    await expect.poll(() => sim.listPayments().filter((p) => p.order_id === orderId).map((p) => [p.status, p.bank])).toEqual([['created', 'SBIN']]);
    await popup.close();
    const failed = await waitForEvent('payment.failed');
    expect(failed.payload).toMatchObject({ error: { reason: 'payment_cancelled' } });
    const types = (await events()).map((e) => e.type);
    expect(types.indexOf('payment.cancel')).toBeGreaterThan(-1);
    expect(types.indexOf('payment.cancel')).toBeLessThan(types.indexOf('payment.failed'));
    expect(sim.listPayments().filter((p) => p.order_id === orderId).map((p) => [p.status, p.error_reason])).toEqual([['failed', 'payment_cancelled']]);
  });
});

describe('closing and faults (items 2 and 4)', () => {
  it('close() does not call ondismiss inside it; ondismiss follows when the frame answers', async () => {
    await open();
    await waitForEvent('render');
    const duringClose = await page.evaluate(() => {
      const w = globalThis as unknown as { __rzp: { close(): void }; __events: PageEvent[] };
      w.__rzp.close();
      return w.__events.filter((e) => e.type === 'dismiss').length;
    });
    expect(duringClose).toBe(0);
    expect((await waitForEvent('dismiss')).reason).toBeNull();
    expect(await page.locator('.razorpay-container').isVisible()).toBe(false);
  });

  it('Checkout\'s own timeout closes it with ondismiss("timeout")', async () => {
    const { orderId, frame } = await open({ timeout: 1 });
    // The donor had opened the QR code: that attempt stays created, abandoned.
    await frame.getByTestId('sim-method-upi').click();
    expect((await waitForEvent('dismiss')).reason).toBe('timeout');
    expect(sim.listPayments().filter((p) => p.order_id === orderId).map((p) => p.status)).toEqual(['created']);
  });

  it('an order the API does not know: alerts "Oops! Something went wrong.", emits fault.close, and never calls ondismiss', async () => {
    await open({ order_id: 'order_UnknownOrder00' });
    await expect.poll(() => dialogs).toEqual(['Oops! Something went wrong.\nThe id provided does not exist']);
    await waitForEvent('fault.close');
    expect(await page.locator('.razorpay-container').isVisible()).toBe(false);
    // Messages arrive in order: once a new session has rendered, no dismiss of the old one can follow.
    await open();
    await expect.poll(async () => (await events()).filter((e) => e.type === 'render').length).toBe(1);
    expect((await events()).filter((e) => e.type === 'dismiss')).toEqual([]);
  });

  it('with the never-calls-back switch, the frame shows and takes the payment but answers nothing: no render, handler, timeout or dismiss', async () => {
    sim.configure({ checkoutNeverCallsBack: true });
    await page.clock.install();
    const { orderId, frame } = await open({ timeout: 1 });
    await frame.getByTestId('sim-method-upi').click();
    await frame.getByTestId('sim-upi-pay').click();
    await frame.getByTestId('sim-success').waitFor();
    expect(sim.listPayments().filter((p) => p.order_id === orderId).map((p) => p.status)).toEqual(['captured']);
    await page.evaluate(() => (globalThis as unknown as { __rzp: { close(): void } }).__rzp.close());
    // Well past Checkout's 1 s timeout and the handler's 200 ms, in the page and in the frame.
    await page.clock.runFor(5_000);
    // The switch is read at every open: turn it off and open again; that session's
    // render proves every earlier message has been delivered.
    sim.configure({ checkoutNeverCallsBack: false });
    await open({ timeout: 0 });
    await expect.poll(async () => (await events()).filter((e) => e.type === 'render').length).toBe(1);
    expect((await events()).map((e) => e.type)).toEqual(['render']);
    expect(await page.evaluate(() => (globalThis as unknown as { __frameMessages: string[] }).__frameMessages)).toEqual(['load', 'render']);
  });

  it('(control for the test above) without the switch, the frame does time out under the same clock', async () => {
    await page.clock.install();
    await open({ timeout: 1 });
    await waitForEvent('render');
    await page.clock.runFor(5_000);
    expect((await waitForEvent('dismiss')).reason).toBe('timeout');
  });
});

describe('the merchant\'s image (item 6)', () => {
  const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

  it.each([
    ['an https URL', 'https://cdn.example.org/logo.png', 'https://cdn.example.org/logo.png'],
    ['a data URI', PIXEL, PIXEL],
  ])('shows %s', async (_name, image, src) => {
    const { frame } = await open({ image });
    await expect.poll(() => frame.getByTestId('sim-logo').getAttribute('src')).toBe(src);
  });

  it('shows the initial for an http or relative image (Razorpay resolves it against the page; use a data URI)', async () => {
    const { frame } = await open({ image: 'logo.png', name: 'Asha Trust' });
    await frame.getByTestId('sim-view-methods').waitFor();
    expect(await frame.getByTestId('sim-logo').count()).toBe(0);
    expect(await frame.locator('#logo').textContent()).toBe('A');
  });
});
