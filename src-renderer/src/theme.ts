// The charity's look, applied at run time through CSS custom properties: no
// rebuild. Operator colours are adjusted, never refused: each is darkened
// until white text on it, and it as text on the kiosk's light backgrounds,
// reach WCAG AA (4.5:1), so any colour the operator picks stays readable.
import type { Branding } from '../../src-main/contract/kiosk-api.ts';

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb | null {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m ? [Number.parseInt(m[1] as string, 16), Number.parseInt(m[2] as string, 16), Number.parseInt(m[3] as string, 16)] : null;
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2.x relative luminance. */
export function luminance([r, g, b]: Rgb): number {
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const mix = (a: Rgb, b: Rgb, amount: number): Rgb => [a[0] + (b[0] - a[0]) * amount, a[1] + (b[1] - a[1]) * amount, a[2] + (b[2] - a[2]) * amount];

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];
/** The page background (--bg), the other light surface brand colours sit on besides white. */
const PAGE: Rgb = [0xfb, 0xf5, 0xec];

/** `colour`, darkened in small steps until it reaches `ratio` against white and the page background. */
export function readable(hex: string, ratio = 4.5): string | null {
  const rgb = parseHex(hex);
  if (!rgb) return null;
  let current = rgb;
  for (let step = 0; step <= 40 && (contrast(current, WHITE) < ratio || contrast(current, PAGE) < ratio); step++) current = mix(rgb, BLACK, step / 40);
  return toHex(current);
}

/** The custom properties for a brand; unset ones keep the stylesheet's defaults. */
export function brandProperties(branding: Branding): Record<string, string> {
  const props: Record<string, string> = {};
  const primary = readable(branding.primaryColor);
  if (primary) {
    const rgb = parseHex(primary) as Rgb;
    props['--primary'] = primary;
    props['--primary-dark'] = toHex(mix(rgb, BLACK, 0.2));
    props['--primary-soft'] = toHex(mix(rgb, WHITE, 0.88));
  }
  const accent = readable(branding.accentColor);
  if (accent) props['--accent'] = accent;
  props['--background-image'] = branding.backgroundDataUri ? `url("${branding.backgroundDataUri}")` : 'none';
  return props;
}

/** Puts the brand on the document root; high contrast (a class) overrides it in the stylesheet. */
export function applyBranding(branding: Branding): void {
  const root = document.documentElement;
  for (const [name, value] of Object.entries(brandProperties(branding))) root.style.setProperty(name, value);
  // Text that sits on the picture gets a light backdrop (styles.css), so it stays readable.
  root.classList.toggle('has-background', Boolean(branding.backgroundDataUri));
}
