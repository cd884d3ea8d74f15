// The simulator's Checkout side (razorpay.md §5): the fake checkout.js (run here
// in a minimal fake DOM, with fake timers), the checkout frame page, the
// /_checkout/pay endpoint, and the test-card table (§6). The frame's behaviour
// (display config, attempts, timeout, faults) runs in Chromium in
// simulator-checkout-frame.test.ts.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHmac } from 'node:crypto';
import vm from 'node:vm';
import { classifyCard, startRazorpaySimulator, FRAME_TITLE } from '../../src-main/simulator/index.ts';
import type { RazorpaySimulator } from '../../src-main/simulator/index.ts';
import { BANK_PAGE_TEMPLATE } from '../../src-main/simulator/checkout/bank-page.ts';

let sim: RazorpaySimulator;
let key: { keyId: string; keySecret: string };
let script: string;

beforeAll(async () => {
  sim = await startRazorpaySimulator();
  key = sim.createTestKey();
  script = await (await fetch(sim.checkoutScriptUrl)).text();
});
afterAll(() => sim.close());
afterEach(() => {
  vi.useRealTimers();
});

async function createOrder(amount = 10_000): Promise<string> {
  const res = await fetch(`${sim.baseUrl}/v1/orders`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${key.keyId}:${key.keySecret}`).toString('base64')}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ amount, currency: 'INR' }),
  });
  return ((await res.json()) as { id: string }).id;
}

// ---- a fake DOM just large enough for checkout.js -------------------------------------

interface FakeElement {
  tagName: string;
  className: string;
  src: string;
  style: Record<string, string>;
  attributes: Record<string, string>;
  children: FakeElement[];
  parentNode: FakeElement | null;
  contentWindow?: FakeWindow;
  setAttribute(name: string, value: string): void;
  appendChild(child: FakeElement): void;
  focus(): void;
}

interface FakeWindow {
  postMessage(message: string, targetOrigin: string): void;
}

type Listener = (event: { origin: string; source: unknown; data: unknown }) => void;
type RazorpayInstance = {
  id: string;
  open(): RazorpayInstance;
  close(): void;
  on(event: string, cb: (payload?: unknown) => void): RazorpayInstance;
};
type RazorpayConstructor = ((options: unknown) => RazorpayInstance) & (new (options: unknown) => RazorpayInstance) & { isSimulator?: boolean };

function loadCheckout(options: { query?: string; loadTwice?: boolean } = {}) {
  const frameOrigin = sim.baseUrl;
  const posted: Array<{ message: { source: string; event: string; data: Record<string, unknown> | null }; targetOrigin: string }> = [];
  const frameWindow: FakeWindow = {
    postMessage: (message, targetOrigin) => posted.push({ message: JSON.parse(message), targetOrigin }),
  };
  const createElement = (tagName: string): FakeElement => ({
    tagName,
    className: '',
    src: '',
    style: {},
    attributes: {},
    children: [],
    parentNode: null,
    contentWindow: tagName === 'iframe' ? frameWindow : undefined,
    setAttribute(name, value) {
      this.attributes[name] = value;
    },
    appendChild(child) {
      child.parentNode = this;
      this.children.push(child);
    },
    focus() {},
  });
  const body = createElement('body');
  const listeners: Listener[] = [];
  const alerts: string[] = [];
  const win: Record<string, unknown> = {
    addEventListener: (type: string, fn: Listener) => {
      if (type === 'message') listeners.push(fn);
    },
    alert: (message: string) => alerts.push(message),
  };
  const doc = {
    currentScript: { src: `${sim.checkoutScriptUrl}${options.query ?? ''}` },
    body,
    createElement,
    addEventListener: () => {},
  };
  // Timers resolve at call time, so vi.useFakeTimers() applies to the script too.
  const context = vm.createContext({
    window: win,
    document: doc,
    setTimeout: (fn: () => void, ms?: number) => setTimeout(fn, ms),
    clearTimeout: (t: ReturnType<typeof setTimeout>) => clearTimeout(t),
  });
  vm.runInContext(script, context);
  if (options.loadTwice) vm.runInContext(script, context);

  const container = body.children[0];
  const frame = container?.children[0];
  if (!container || !frame) throw new Error('checkout.js did not add its container');
  const fromFrame = (event: string, data?: unknown, id?: string, from: { origin?: string; source?: unknown } = {}) => {
    for (const fn of listeners) {
      fn({ origin: from.origin ?? frameOrigin, source: from.source ?? frameWindow, data: JSON.stringify({ source: 'frame', id, event, data }) });
    }
  };
  const sent = (event: string) => posted.filter((p) => p.message.event === event);
  return { Razorpay: win.Razorpay as RazorpayConstructor, body, container, frame, posted, sent, alerts, fromFrame, frameOrigin };
}

function baseOptions(extra: Record<string, unknown> = {}) {
  return { key: key.keyId, amount: 10_000, currency: 'INR', name: 'Hope', order_id: 'order_ABCDEFGHIJKLMN', ...extra };
}

describe('GET /v1/checkout.js', () => {
  it('is served as JavaScript and parses', async () => {
    const res = await fetch(sim.checkoutScriptUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/javascript/);
    expect(() => new vm.Script(script)).not.toThrow();
  });

  it('adds a hidden full-screen container with the checkout frame at load', () => {
    const { body, container, frame } = loadCheckout();
    expect(body.children).toHaveLength(1);
    expect(container.className).toBe('razorpay-container');
    expect(container.style).toMatchObject({ position: 'fixed', zIndex: '2147483647', display: 'none' });
    expect(frame.tagName).toBe('iframe');
    expect(frame.className).toBe('razorpay-checkout-frame');
    expect(frame.src).toBe(`${sim.baseUrl}/v1/checkout/public`);
  });

  it('keeps the first copy when loaded twice', () => {
    const { body, Razorpay } = loadCheckout({ loadTwice: true });
    expect(body.children).toHaveLength(1);
    expect(Razorpay.isSimulator).toBe(true);
  });
});

describe('the Razorpay constructor', () => {
  it('works with and without new', () => {
    const { Razorpay } = loadCheckout();
    expect(new Razorpay(baseOptions()).open).toBeTypeOf('function');
    expect(Razorpay(baseOptions()).open).toBeTypeOf('function');
  });

  it.each([[5], [null], ['key'], [[]]])('throws "Invalid options" for %j', (value) => {
    const { Razorpay } = loadCheckout();
    expect(() => Razorpay(value)).toThrow('Invalid options');
  });

  it('throws "No key passed" without a key', () => {
    const { Razorpay, alerts } = loadCheckout();
    expect(() => new Razorpay({ amount: 100 })).toThrow('No key passed');
    expect(alerts).toEqual([]);
  });

  it('throws for more than 15 notes, alerting only when the switch is on', () => {
    const notes = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`n${i}`, 'v']));
    const quiet = loadCheckout();
    expect(() => new quiet.Razorpay(baseOptions({ notes }))).toThrow('Invalid notes (At most 15 notes are allowed)');
    expect(quiet.alerts).toEqual([]);
    const loud = loadCheckout({ query: '?alerts=1' });
    expect(() => new loud.Razorpay(baseOptions({ notes }))).toThrow('Invalid notes (At most 15 notes are allowed)');
    expect(loud.alerts).toEqual(['Invalid notes (At most 15 notes are allowed)']);
  });
});

describe('open, messages and callbacks', () => {
  it('queues the options until the frame has loaded, then posts them to the frame origin only', () => {
    const c = loadCheckout();
    const rzp = new c.Razorpay(baseOptions({ handler: () => {}, prefill: { contact: '+919999999999' } })).open();
    expect(c.container.style.display).toBe('block');
    expect(c.posted).toEqual([]);
    c.fromFrame('load');
    expect(c.posted).toHaveLength(1);
    expect(c.posted[0]?.targetOrigin).toBe(c.frameOrigin);
    expect(c.posted[0]?.message).toEqual({
      source: 'checkout',
      event: 'open',
      data: { id: rzp.id, options: baseOptions({ prefill: { contact: '+919999999999' } }) },
    });
  });

  it('calls handler ~200 ms after complete, with this = the instance, closes, and does not call ondismiss', () => {
    vi.useFakeTimers();
    const c = loadCheckout();
    c.fromFrame('load');
    const handler = vi.fn();
    const ondismiss = vi.fn();
    const rzp = new c.Razorpay(baseOptions({ handler, modal: { ondismiss } })).open();
    const payment = { razorpay_payment_id: 'pay_ABCDEFGHIJKLMN', razorpay_order_id: 'order_ABCDEFGHIJKLMN', razorpay_signature: 'ab'.repeat(32) };
    c.fromFrame('complete', { ...payment, extra: 'dropped' }, rzp.id);
    vi.advanceTimersByTime(150);
    expect(handler).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(handler).toHaveBeenCalledExactlyOnceWith(payment);
    expect(handler.mock.contexts[0]).toBe(rzp);
    expect(c.container.style.display).toBe('none');
    rzp.close();
    c.fromFrame('dismiss', null, rzp.id);
    vi.runAllTimers();
    expect(ondismiss).not.toHaveBeenCalled();
  });

  it('emits payment.failed (and the payment.error alias) and stays open: the frame decides about retry', () => {
    const c = loadCheckout();
    c.fromFrame('load');
    const ondismiss = vi.fn();
    const failed = vi.fn();
    const alias = vi.fn();
    const rzp = new c.Razorpay(baseOptions({ modal: { ondismiss } })).on('payment.failed', failed).on('payment.error', alias).open();
    const error = { error: { code: 'BAD_REQUEST_ERROR', description: 'x', source: 'customer', step: 'payment_authentication', reason: 'payment_failed', metadata: { order_id: 'o', payment_id: 'p' } } };
    c.fromFrame('paymenterror', error, rzp.id);
    expect(failed).toHaveBeenCalledExactlyOnceWith(error);
    expect(alias).toHaveBeenCalledExactlyOnceWith(error);
    expect(c.container.style.display).toBe('block');
    expect(ondismiss).not.toHaveBeenCalled();
  });

  it('relays the frame\'s dismiss {error} (retry off) to ondismiss, later, from a timer', () => {
    vi.useFakeTimers();
    const c = loadCheckout();
    c.fromFrame('load');
    const ondismiss = vi.fn();
    const rzp = new c.Razorpay(baseOptions({ retry: { enabled: false }, modal: { ondismiss } })).open();
    const error = { error: { code: 'BAD_REQUEST_ERROR', description: 'x', metadata: { order_id: 'o', payment_id: 'p' } } };
    c.fromFrame('paymenterror', error, rzp.id);
    c.fromFrame('dismiss', error, rzp.id);
    expect(c.container.style.display).toBe('none');
    expect(ondismiss).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(ondismiss).toHaveBeenCalledExactlyOnceWith(error);
  });

  it('relays dismiss without a reason, and \'timeout\', as the frame reports them', () => {
    vi.useFakeTimers();
    for (const reason of [null, 'timeout'] as const) {
      const c = loadCheckout();
      c.fromFrame('load');
      const ondismiss = vi.fn();
      const onhidden = vi.fn();
      const rzp = new c.Razorpay(baseOptions({ modal: { ondismiss, onhidden } })).open();
      c.fromFrame('dismiss', reason, rzp.id);
      expect(c.container.style.display).toBe('none');
      vi.runAllTimers();
      if (reason === null) expect(ondismiss).toHaveBeenCalledExactlyOnceWith();
      else expect(ondismiss).toHaveBeenCalledExactlyOnceWith('timeout');
      expect(onhidden).toHaveBeenCalledOnce();
    }
  });

  it('close() only tells the frame: ondismiss never runs inside close(), only after the frame answers, once', () => {
    vi.useFakeTimers();
    const c = loadCheckout();
    c.fromFrame('load');
    const ondismiss = vi.fn();
    const rzp = new c.Razorpay(baseOptions({ modal: { ondismiss } })).open();
    rzp.close();
    expect(c.sent('close')).toEqual([{ message: { source: 'checkout', event: 'close', data: { id: rzp.id } }, targetOrigin: c.frameOrigin }]);
    vi.runAllTimers();
    // A frame that never answers: no ondismiss at all, and the modal stays up.
    expect(ondismiss).not.toHaveBeenCalled();
    expect(c.container.style.display).toBe('block');
    c.fromFrame('dismiss', null, rzp.id);
    expect(ondismiss).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(ondismiss).toHaveBeenCalledOnce();
    c.fromFrame('dismiss', null, rzp.id);
    vi.runAllTimers();
    expect(ondismiss).toHaveBeenCalledOnce();
  });

  it('forwards payment.submit, payment.cancel and render', () => {
    const c = loadCheckout();
    c.fromFrame('load');
    const submit = vi.fn();
    const cancel = vi.fn();
    const render = vi.fn();
    const rzp = new c.Razorpay(baseOptions()).on('payment.submit', submit).on('payment.cancel', cancel).on('render', render).open();
    c.fromFrame('render', null, rzp.id);
    c.fromFrame('submit', { method: 'netbanking' }, rzp.id);
    c.fromFrame('cancel', { method: 'netbanking' }, rzp.id);
    expect(render).toHaveBeenCalledOnce();
    expect(submit).toHaveBeenCalledExactlyOnceWith({ method: 'netbanking' });
    expect(cancel).toHaveBeenCalledExactlyOnceWith({ method: 'netbanking' });
  });

  it('on a fault, closes, emits fault.close, alerts "Oops! Something went wrong." and never calls ondismiss', () => {
    vi.useFakeTimers();
    const c = loadCheckout();
    c.fromFrame('load');
    const ondismiss = vi.fn();
    const faultClose = vi.fn();
    const rzp = new c.Razorpay(baseOptions({ modal: { ondismiss } })).on('fault.close', faultClose).open();
    c.fromFrame('fault', { message: 'The id provided does not exist' }, rzp.id);
    expect(c.alerts).toEqual(['Oops! Something went wrong.\nThe id provided does not exist']);
    expect(faultClose).toHaveBeenCalledOnce();
    expect(c.sent('close')).toHaveLength(1);
    expect(c.container.style.display).toBe('none');
    vi.runAllTimers();
    expect(ondismiss).not.toHaveBeenCalled();
  });

  it('ignores messages from other origins, other windows, or other instances', () => {
    const c = loadCheckout();
    c.fromFrame('load');
    const ondismiss = vi.fn();
    const rzp = new c.Razorpay(baseOptions({ modal: { ondismiss } })).open();
    c.fromFrame('dismiss', null, rzp.id, { origin: 'http://evil.example' });
    c.fromFrame('dismiss', null, rzp.id, { source: {} });
    c.fromFrame('dismiss', null, 'rzp_sim_other');
    expect(ondismiss).not.toHaveBeenCalled();
    expect(c.container.style.display).toBe('block');
  });

  it('survives a throwing merchant callback', () => {
    vi.useFakeTimers();
    const c = loadCheckout();
    c.fromFrame('load');
    const onhidden = vi.fn();
    const rzp = new c.Razorpay(baseOptions({ modal: { ondismiss: () => { throw new Error('merchant bug'); }, onhidden } })).open();
    c.fromFrame('dismiss', null, rzp.id);
    expect(c.container.style.display).toBe('none');
    expect(() => vi.runAllTimers()).toThrow('merchant bug');
    expect(onhidden).toHaveBeenCalledOnce();
  });
});

describe('the checkout frame page', () => {
  const TEST_IDS = [
    'sim-modal', 'sim-simulator-label', 'sim-test-mode-ribbon', 'sim-merchant-name', 'sim-description', 'sim-amount',
    'sim-prefill-contact', 'sim-prefill-email', 'sim-close', 'sim-back', 'sim-backdrop',
    'sim-loading', 'sim-methods', 'sim-no-methods',
    'sim-upi-qr-section', 'sim-upi-qr', 'sim-upi-pay', 'sim-upi-fail',
    'sim-upi-collect-section', 'sim-upi-vpa', 'sim-upi-vpa-error', 'sim-upi-collect-send', 'sim-upi-collect-approve', 'sim-upi-collect-decline',
    'sim-card-number', 'sim-card-error', 'sim-card-pay', 'sim-card-fill-success', 'sim-card-fill-failure',
    'sim-otp-input', 'sim-otp-error', 'sim-otp-submit', 'sim-otp-fill', 'sim-otp-cancel',
    'sim-bank-select', 'sim-netbanking-pay', 'sim-popup-blocked', 'sim-bank-focus', 'sim-bank-cancel',
    'sim-wallet-select', 'sim-wallet-pay', 'sim-wallet-popup-blocked',
    'sim-processing', 'sim-success', 'sim-error', 'sim-error-message', 'sim-retry', 'sim-fault', 'sim-fault-message',
    'sim-confirm-close', 'sim-confirm-close-yes', 'sim-confirm-close-no',
  ];
  let html: string;
  let csp: string;

  beforeAll(async () => {
    const res = await fetch(`${sim.baseUrl}/v1/checkout/public`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    csp = res.headers.get('content-security-policy') ?? '';
    html = await res.text();
  });

  it('has the simulator title', () => {
    expect(html).toContain(`<title>${FRAME_TITLE}</title>`);
    expect(FRAME_TITLE).toBe('Razorpay Checkout (simulator)');
  });

  it('gives every control a unique, stable data-testid', () => {
    for (const id of TEST_IDS) expect([id, html.split(`data-testid="${id}"`).length - 1]).toEqual([id, 1]);
  });

  it('runs only its own nonce-tagged script and loads nothing external', () => {
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.[1]).toBe(` nonce="${nonce}"`);
    expect(() => new vm.Script(scripts[0]?.[2] ?? '')).not.toThrow();
    expect(csp).toContain("img-src 'self' data: https:");
    expect(html).not.toMatch(/<(link|img|iframe)[^>]+(src|href)="https?:/i);
    expect(html).not.toMatch(/url\(\s*['"]?https?:/i);
  });

  it('uses a fresh nonce per response', async () => {
    const again = await fetch(`${sim.baseUrl}/v1/checkout/public`);
    expect(again.headers.get('content-security-policy')).not.toBe(csp);
  });

  it('has a bank page with Success and Failure that reports through window.opener', () => {
    for (const part of ['data-testid="sim-bank-success"', 'data-testid="sim-bank-failure"', 'window.opener', '{{NONCE}}', '{{BANK_NAME}}', '{{KIND}}', '{{AMOUNT}}']) {
      expect(BANK_PAGE_TEMPLATE).toContain(part);
    }
  });
});

describe('POST /_checkout/pay', () => {
  const pay = (body: unknown, origin: string | null = sim.baseUrl) =>
    fetch(`${sim.baseUrl}/_checkout/pay`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(origin === null ? {} : { Origin: origin }) },
      body: JSON.stringify(body),
    });

  it('creates a payment and answers with a real signature (the frame never sees the secret)', async () => {
    const orderId = await createOrder();
    const res = await pay({ key_id: key.keyId, order_id: orderId, method: 'card', outcome: 'success', card_last4: '1007', card_network: 'Visa', contact: '+919876543210', email: 'd@example.com' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: true; payment: { razorpay_payment_id: string; razorpay_order_id: string; razorpay_signature: string } };
    expect(body.ok).toBe(true);
    const { razorpay_payment_id: paymentId, razorpay_signature: signature } = body.payment;
    expect(body.payment.razorpay_order_id).toBe(orderId);
    expect(signature).toBe(createHmac('sha256', key.keySecret).update(`${orderId}|${paymentId}`).digest('hex'));
    expect(JSON.stringify(body)).not.toContain(key.keySecret);
    expect(sim.getPayment(paymentId)).toMatchObject({ method: 'card', status: 'captured', contact: '+919876543210', email: 'd@example.com', card: { last4: '1007', network: 'Visa' } });
  });

  it('reports failures in the Checkout error shape', async () => {
    const orderId = await createOrder();
    const res = await pay({ key_id: key.keyId, order_id: orderId, method: 'netbanking', outcome: 'failure', reason: 'payment_cancelled', bank: 'HDFC' });
    const body = (await res.json()) as { ok: false; error: { reason: string; metadata: { order_id: string; payment_id: string } } };
    expect(body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST_ERROR', source: 'customer', step: 'payment_authentication', reason: 'payment_cancelled', metadata: { order_id: orderId } } });
    expect(sim.getPayment(body.error.metadata.payment_id)).toMatchObject({ status: 'failed', bank: 'HDFC', error_reason: 'payment_cancelled' });
  });

  it('refuses other browser origins', async () => {
    const orderId = await createOrder();
    const res = await pay({ key_id: key.keyId, order_id: orderId, method: 'upi', outcome: 'success' }, 'http://127.0.0.1:1');
    expect(res.status).toBe(403);
    expect(sim.getOrder(orderId)?.attempts).toBe(0);
  });

  it.each([
    [{ order_id: 'order_ABCDEFGHIJKLMN', method: 'upi', outcome: 'success' }, 'key_id'],
    [{ key_id: 'k', method: 'upi', outcome: 'success' }, 'order_id'],
    [{ key_id: 'k', order_id: 'order_ABCDEFGHIJKLMN', method: 'cash', outcome: 'success' }, 'method'],
    [{ key_id: 'k', order_id: 'order_ABCDEFGHIJKLMN', method: 'upi', outcome: 'maybe' }, 'outcome'],
    [{ key_id: 'k', order_id: 'order_ABCDEFGHIJKLMN', method: 'card', outcome: 'success', card_last4: '12345' }, 'card_last4'],
  ])('rejects a malformed request (%j)', async (body, field) => {
    const res = await pay(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'BAD_REQUEST_ERROR', field } });
  });

  it('under late_authorisation reports failure to Checkout; lateAuthorise later captures it', async () => {
    const orderId = await createOrder();
    sim.faults.inject('checkout.pay', { kind: 'late_authorisation' }, { times: 1 });
    const body = (await (await pay({ key_id: key.keyId, order_id: orderId, method: 'upi', outcome: 'success' })).json()) as {
      ok: boolean;
      error: { metadata: { payment_id: string } };
    };
    expect(body.ok).toBe(false);
    const paymentId = body.error.metadata.payment_id;
    expect(sim.getPayment(paymentId)?.status).toBe('failed');
    sim.lateAuthorise(paymentId);
    expect(sim.getPayment(paymentId)?.status).toBe('captured');
    expect(sim.getOrder(orderId)?.status).toBe('paid');
  });
});

describe('test cards (razorpay.md §6)', () => {
  it.each([
    ['4100 2800 0000 1007', 'success', undefined],
    ['5500 6700 0000 1002', 'success', undefined],
    ['6527 6589 0000 1005', 'success', undefined],
    ['3608 280009 1007', 'success', undefined],
    ['3402 560004 01007', 'success', undefined],
    ['4100 2800 0009 0000', 'failure', 'payment_timed_out'],
    ['5305 6200 0006 0000', 'failure', 'payment_timed_out'],
    ['4100 2800 0008 0001', 'failure', 'insufficient_funds'],
    ['4100 2800 0007 0002', 'failure', 'payment_cancelled'],
    ['4100 2800 0006 0003', 'failure', 'card_declined'],
    ['4100 2800 0005 0004', 'failure', 'card_declined'],
    ['5305 6200 0001 0005', 'failure', 'card_declined'],
    ['4100 2800 0003 0006', 'failure', 'card_disabled_for_online_payments'],
    ['5305 6200 0000 0006', 'failure', 'card_disabled_for_online_payments'],
    ['4100 2800 0001 0008', 'failure', 'card_number_invalid'],
    ['4100 2800 0002 0007', 'failure', 'gateway_technical_error'],
    ['5305 6200 0009 0007', 'failure', 'gateway_technical_error'],
    ['4100 2800 0000 0009', 'failure', 'authentication_failed'],
    ['5305 6200 0007 0009', 'failure', 'authentication_failed'],
    ['4111 1111 1111 1111', 'failure', 'card_number_invalid'],
    ['1234', 'failure', 'card_number_invalid'],
  ])('%s -> %s %s', (number, outcome, reason) => {
    const card = classifyCard(number);
    expect(card.outcome).toBe(outcome);
    expect(card.reason).toBe(reason);
  });
});
