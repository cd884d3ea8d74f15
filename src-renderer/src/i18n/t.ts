// The one way screens read donor-facing text. Swap the catalogue (or this
// function) for an i18n library later; the call sites stay the same.
import { en } from './en.ts';

export type MessageKey = keyof typeof en;
export type MessageParams = Readonly<Record<string, string | number>>;

/** The message for `key`, with each `{name}` replaced by `params.name`. */
export function t(key: MessageKey, params?: MessageParams): string {
  const template: string = en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** "... in 1 second" / "... in 5 seconds". */
export function tCount(base: 'countdown', n: number): string {
  return t(n === 1 ? `${base}.one` : `${base}.other`, { n });
}

const rupees = new Intl.NumberFormat('en-IN', {
  style: 'currency',
  currency: 'INR',
  maximumFractionDigits: 0,
});

/** ₹1,00,000 */
export function formatRupees(amount: number): string {
  return rupees.format(amount);
}
