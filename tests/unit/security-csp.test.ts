import { describe, expect, it } from 'vitest';
import { assertCspOrigin, buildContentSecurityPolicy, NO_CHECKOUT, sameCheckoutOrigins } from '../../src-main/security/content-security-policy.ts';
import { RAZORPAY_CHECKOUT_SOURCES } from '../../src-main/services/kiosk-services.ts';

function directives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name === undefined || name === '') continue;
    expect(map.has(name), `duplicate directive ${name}`).toBe(false);
    map.set(name, sources);
  }
  return map;
}

describe('buildContentSecurityPolicy', () => {
  it("names Razorpay's exact hosts per directive (razorpay.md §5.5), never a wildcard", () => {
    const policy = buildContentSecurityPolicy({ checkout: RAZORPAY_CHECKOUT_SOURCES });
    expect(policy).toBe(
      [
        "default-src 'self'",
        "script-src 'self' https://checkout.razorpay.com https://checkout-static-next.razorpay.com https://cdn.razorpay.com",
        'frame-src https://api.razorpay.com https://checkout.razorpay.com',
        "connect-src 'self' https://api.razorpay.com https://checkout.razorpay.com https://lumberjack.razorpay.com https://lumberjack-metrics.razorpay.com https://rudderstack.razorpay.com",
        "img-src 'self' data: https://cdn.razorpay.com https://checkout.razorpay.com",
        "font-src 'self' data:",
        "style-src 'self' 'unsafe-inline'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
    expect(policy).not.toContain('*');
  });

  it('uses the simulator origin in demo mode and nothing from Razorpay', () => {
    const d = directives(buildContentSecurityPolicy({ checkout: sameCheckoutOrigins(['http://127.0.0.1:43123']) }));
    expect(d.get('script-src')).toEqual(["'self'", 'http://127.0.0.1:43123']);
    expect(d.get('frame-src')).toEqual(['http://127.0.0.1:43123']);
    expect(d.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:43123']);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'http://127.0.0.1:43123']);
    expect([...d.values()].flat().some((s) => s.includes('razorpay'))).toBe(false);
  });

  it("lists the app origin next to 'self' when given", () => {
    const d = directives(buildContentSecurityPolicy({ appOrigin: 'app://kiosk', checkout: RAZORPAY_CHECKOUT_SOURCES }));
    expect(d.get('default-src')).toEqual(["'self'", 'app://kiosk']);
    expect(d.get('script-src')?.slice(0, 2)).toEqual(["'self'", 'app://kiosk']);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
  });

  it('never allows unsafe-eval or inline scripts', () => {
    const policy = buildContentSecurityPolicy({ appOrigin: 'app://kiosk', checkout: RAZORPAY_CHECKOUT_SOURCES });
    expect(directives(policy).get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy).not.toContain('unsafe-eval');
  });

  it('the operator console names nothing outside the app, and frames nothing', () => {
    const d = directives(buildContentSecurityPolicy({ appOrigin: 'app://operator', checkout: NO_CHECKOUT }));
    expect(d.get('frame-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'", 'app://operator']);
    expect(d.get('connect-src')).toEqual(["'self'", 'app://operator']);
  });

  it('removes duplicates and lower-cases origins', () => {
    const d = directives(buildContentSecurityPolicy({ checkout: sameCheckoutOrigins(['https://API.razorpay.com', 'https://api.razorpay.com']) }));
    expect(d.get('frame-src')).toEqual(['https://api.razorpay.com']);
  });

  it.each([
    "https://a.example; script-src 'unsafe-inline'",
    'https://a.example https://b.example',
    "'unsafe-eval'",
    '*',
    'https://*.razorpay.com',
    'https://a.example/path',
    'javascript:alert(1)',
    'data:',
    'https://a.example,https://b.example',
    '',
  ])('refuses %j as an origin', (origin) => {
    expect(() => assertCspOrigin(origin)).toThrow();
    expect(() => buildContentSecurityPolicy({ checkout: sameCheckoutOrigins([origin]) })).toThrow();
    expect(() => buildContentSecurityPolicy({ appOrigin: origin, checkout: NO_CHECKOUT })).toThrow();
  });
});
