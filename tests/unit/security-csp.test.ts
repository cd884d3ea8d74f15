import { describe, expect, it } from 'vitest';
import { assertCspOrigin, buildContentSecurityPolicy } from '../../src-main/security/content-security-policy.ts';

const LIVE = ['https://checkout.razorpay.com', 'https://api.razorpay.com', 'https://*.razorpay.com'];

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
  it('builds the razorpay.md §5.5 policy for live/test origins', () => {
    const policy = buildContentSecurityPolicy({ checkoutOrigins: LIVE });
    expect(policy).toBe(
      [
        "default-src 'self'",
        "script-src 'self' https://checkout.razorpay.com https://api.razorpay.com https://*.razorpay.com",
        'frame-src https://checkout.razorpay.com https://api.razorpay.com https://*.razorpay.com',
        "connect-src 'self' https://checkout.razorpay.com https://api.razorpay.com https://*.razorpay.com",
        "img-src 'self' data: https://checkout.razorpay.com https://api.razorpay.com https://*.razorpay.com",
        "font-src 'self' data:",
        "style-src 'self' 'unsafe-inline'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
  });

  it('uses the simulator origin in demo mode and nothing from Razorpay', () => {
    const d = directives(buildContentSecurityPolicy({ checkoutOrigins: ['http://127.0.0.1:43123'] }));
    expect(d.get('script-src')).toEqual(["'self'", 'http://127.0.0.1:43123']);
    expect(d.get('frame-src')).toEqual(['http://127.0.0.1:43123']);
    expect(d.get('connect-src')).toEqual(["'self'", 'http://127.0.0.1:43123']);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'http://127.0.0.1:43123']);
    expect([...d.values()].flat().some((s) => s.includes('razorpay'))).toBe(false);
  });

  it("lists the app origin next to 'self' when given", () => {
    const d = directives(buildContentSecurityPolicy({ appOrigin: 'app://kiosk', checkoutOrigins: LIVE }));
    expect(d.get('default-src')).toEqual(["'self'", 'app://kiosk']);
    expect(d.get('script-src')?.slice(0, 2)).toEqual(["'self'", 'app://kiosk']);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
  });

  it('never allows unsafe-eval, inline scripts or wildcards beyond *.razorpay.com', () => {
    const policy = buildContentSecurityPolicy({ appOrigin: 'app://kiosk', checkoutOrigins: LIVE });
    const d = directives(policy);
    expect(d.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy).not.toContain('unsafe-eval');
    expect([...d.values()].flat().filter((s) => s.includes('*'))).toEqual(Array(4).fill('https://*.razorpay.com'));
  });

  it("frames nothing when there are no checkout origins", () => {
    const d = directives(buildContentSecurityPolicy({ checkoutOrigins: [] }));
    expect(d.get('frame-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
  });

  it('removes duplicates and lower-cases origins', () => {
    const d = directives(buildContentSecurityPolicy({ checkoutOrigins: ['https://API.razorpay.com', 'https://api.razorpay.com'] }));
    expect(d.get('frame-src')).toEqual(['https://api.razorpay.com']);
  });

  it.each([
    "https://a.example; script-src 'unsafe-inline'",
    'https://a.example https://b.example',
    "'unsafe-eval'",
    '*',
    'https://a.example/path',
    'javascript:alert(1)',
    'data:',
    'https://a.example,https://b.example',
    '',
  ])('refuses %j as an origin', (origin) => {
    expect(() => assertCspOrigin(origin)).toThrow();
    expect(() => buildContentSecurityPolicy({ checkoutOrigins: [origin] })).toThrow();
    expect(() => buildContentSecurityPolicy({ appOrigin: origin, checkoutOrigins: [] })).toThrow();
  });
});
