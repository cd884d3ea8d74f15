// The shape every language's catalogue must have: exactly the English keys.
// English (./en.ts) is the reference; each file in ./locales registers one language.
import type { en } from './en.ts';

export type MessageKey = keyof typeof en;
export type Catalogue = Readonly<Record<MessageKey, string>>;

export interface LocaleInfo {
  /** The code the operator's setting and KioskState.language use ("en", "hi"). */
  code: string;
  /** The language's name in itself, for the donor's language buttons. */
  nativeName: string;
  /** The Intl locale for numbers and rupees. */
  intlLocale: string;
}

/** What a file in ./locales exports. */
export interface LocaleModule {
  messages: Catalogue;
  locale: LocaleInfo;
}
