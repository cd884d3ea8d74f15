import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  decideWindowOpen,
  isAppUrl,
  isKioskNavigationAllowed,
  isPopupNavigationAllowed,
  isSenderAllowed,
  urlForLog,
  type WindowOpenRequest,
} from '../../src-main/security/navigation-policy.ts';

describe('isAppUrl', () => {
  it.each(['app://kiosk/index.html', 'app://kiosk/', 'app://kiosk', 'app://kiosk/assets/x.js?v=1#top', 'app://KIOSK/index.html'])(
    'accepts %s',
    (url) => expect(isAppUrl(url, APP_ORIGIN)).toBe(true),
  );

  it.each([
    'app://kiosk.evil.com/index.html',
    'app://kiosk@evil/index.html',
    'app://evil@kiosk/index.html',
    'app://kiosk:x@kiosk/index.html',
    'app://kioskx/',
    'app://kiosk:8080/',
    'app://evil/kiosk/',
    'app:kiosk',
    'app:/kiosk/index.html',
    'app:///kiosk/index.html',
    'apps://kiosk/',
    'https://kiosk/',
    'http://kiosk/',
    'file:///app/kiosk/index.html',
    'javascript:location="app://kiosk/"',
    'data:text/html,app://kiosk/',
    'about:blank',
    'blob:app://kiosk/1234',
    '',
    'not a url',
    'app://kiosk\\evil/',
  ])('refuses %s', (url) => expect(isAppUrl(url, APP_ORIGIN)).toBe(false));

  it('compares http origins by scheme, host and port (browser mode)', () => {
    expect(isAppUrl('http://127.0.0.1:5173/index.html', 'http://127.0.0.1:5173')).toBe(true);
    expect(isAppUrl('http://127.0.0.1:5174/index.html', 'http://127.0.0.1:5173')).toBe(false);
    expect(isAppUrl('https://127.0.0.1:5173/', 'http://127.0.0.1:5173')).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173@evil.com/', 'http://127.0.0.1:5173')).toBe(false);
  });

  it('refuses everything when the app origin itself is malformed', () => {
    expect(isAppUrl('app://kiosk/', 'app:kiosk')).toBe(false);
    expect(isAppUrl('app://kiosk/', 'nonsense')).toBe(false);
  });
});

describe('isKioskNavigationAllowed', () => {
  it('keeps the top frame on app://kiosk', () => {
    expect(isKioskNavigationAllowed({ url: 'app://kiosk/index.html', isMainFrame: true })).toBe(true);
    for (const url of [
      'https://checkout.razorpay.com/',
      'https://api.razorpay.com/v1/checkout/public',
      'app://kiosk.evil.com/',
      'app://kiosk@evil/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'about:blank',
      'http://127.0.0.1:4000/callback',
    ]) {
      expect(isKioskNavigationAllowed({ url, isMainFrame: true }), url).toBe(false);
    }
  });

  it('leaves subframes (Razorpay iframe) to their own CSP', () => {
    expect(isKioskNavigationAllowed({ url: 'https://api.razorpay.com/v1/checkout/public', isMainFrame: false })).toBe(true);
  });
});

describe('decideWindowOpen', () => {
  const popup = (overrides: Partial<WindowOpenRequest> = {}): WindowOpenRequest => ({
    url: 'about:blank',
    frameName: 'popup_Kx81abc',
    features: 'width=900,height=600,menubar=no,resizable=yes,location=no,scrollbars=yes,left=10,top=10',
    referrer: { url: 'https://api.razorpay.com/' },
    ...overrides,
  });

  it("allows Razorpay's about:blank popup_<id> window", () => {
    expect(decideWindowOpen(popup())).toBe('allow-checkout-popup');
    expect(decideWindowOpen(popup({ referrer: { url: '' } }))).toBe('allow-checkout-popup');
    expect(decideWindowOpen(popup({ referrer: null }))).toBe('allow-checkout-popup');
    expect(decideWindowOpen(popup({ referrer: { url: 'https://api.razorpay.com/v1/checkout/public?x=1' } }))).toBe(
      'allow-checkout-popup',
    );
    expect(decideWindowOpen(popup({ url: 'https://bank.example.in/3ds' }))).toBe('allow-checkout-popup');
  });

  it.each<[string, Partial<WindowOpenRequest>]>([
    ['a _blank window', { frameName: '_blank' }],
    ['no name', { frameName: '' }],
    ['a name that only contains popup_', { frameName: 'xpopup_1' }],
    ['a bare popup_', { frameName: 'popup_' }],
    ['a name with odd characters', { frameName: 'popup_a b' }],
    ['javascript:', { url: 'javascript:alert(1)' }],
    ['http', { url: 'http://bank.example.in/' }],
    ['file:', { url: 'file:///etc/passwd' }],
    ['data:', { url: 'data:text/html,<script>1</script>' }],
    ['app://', { url: 'app://kiosk/index.html' }],
    ['credentials in an https URL', { url: 'https://user:pw@bank.example.in/' }],
    ['about:blank with a suffix', { url: 'about:blank#x' }],
    ['a referrer that only looks like Razorpay', { referrer: { url: 'https://api.razorpay.com.evil.com/' } }],
    ['a plain-http Razorpay referrer', { referrer: { url: 'http://api.razorpay.com/' } }],
    ['an app:// referrer', { referrer: { url: 'app://kiosk/index.html' } }],
    ['an unparsable referrer', { referrer: { url: 'nonsense' } }],
  ])('denies %s', (_label, overrides) => {
    expect(decideWindowOpen(popup(overrides))).toBe('deny');
  });

  it('allows the demo simulator origin only when it is configured', () => {
    const sim = 'http://127.0.0.1:43123';
    const request = popup({ url: `${sim}/bank`, referrer: { url: `${sim}/checkout/frame` } });
    expect(decideWindowOpen(request)).toBe('deny');
    expect(decideWindowOpen(request, { extraOrigins: [sim] })).toBe('allow-checkout-popup');
    expect(decideWindowOpen(popup({ url: 'http://127.0.0.1:9999/' }), { extraOrigins: [sim] })).toBe('deny');
  });
});

describe('isPopupNavigationAllowed', () => {
  it('allows https and about:blank', () => {
    expect(isPopupNavigationAllowed('https://netbanking.example.in/login')).toBe(true);
    expect(isPopupNavigationAllowed('https://api.razorpay.com/v1/payments/pay_1/callback')).toBe(true);
    expect(isPopupNavigationAllowed('about:blank')).toBe(true);
  });

  it.each(['http://bank.example.in/', 'javascript:alert(1)', 'file:///etc/passwd', 'app://kiosk/index.html', 'data:text/html,x', 'https://u:p@bank.example.in/', 'nonsense'])(
    'refuses %s',
    (url) => expect(isPopupNavigationAllowed(url)).toBe(false),
  );

  it('allows an extra (demo) origin exactly', () => {
    expect(isPopupNavigationAllowed('http://127.0.0.1:43123/bank', { extraOrigins: ['http://127.0.0.1:43123'] })).toBe(true);
    expect(isPopupNavigationAllowed('http://127.0.0.1:43124/bank', { extraOrigins: ['http://127.0.0.1:43123'] })).toBe(false);
  });
});

describe('isSenderAllowed', () => {
  const ok = { senderFrameIsMainFrame: true, senderFrameUrl: 'app://kiosk/index.html', appOrigin: APP_ORIGIN };

  it('accepts the top frame on the app origin', () => {
    expect(isSenderAllowed(ok)).toBe(true);
  });

  it('refuses subframes, gone frames and other origins', () => {
    expect(isSenderAllowed({ ...ok, senderFrameIsMainFrame: false })).toBe(false);
    expect(isSenderAllowed({ ...ok, senderFrameUrl: null })).toBe(false);
    for (const url of ['https://api.razorpay.com/', 'app://kiosk.evil.com/', 'app://kiosk@evil/', 'about:blank', 'javascript:1', '']) {
      expect(isSenderAllowed({ ...ok, senderFrameUrl: url }), url).toBe(false);
    }
  });
});

describe('urlForLog', () => {
  it('keeps scheme and host only', () => {
    expect(urlForLog('https://bank.example.in/pay?card=4111111111111111')).toBe('https://bank.example.in');
    expect(urlForLog('about:blank')).toBe('about:');
    expect(urlForLog('nonsense')).toBe('unparsable url');
  });
});
