// Which on-screen keys type a text in a given language: English on the 'text'
// layout (digits, letters, punctuation); Hindi on the name keyboard, starting
// in Devanagari (InScript), with a key to switch to Latin letters.
import type { KeyLayout, Script } from '../../components/OnScreenKeys.tsx';

export interface LanguageKeys {
  layout: KeyLayout;
  script?: Script;
}

const LANGUAGE_KEYS: Partial<Record<string, LanguageKeys>> = {
  hi: { layout: 'name', script: 'devanagari' },
};

export function keysFor(language: string): LanguageKeys {
  return LANGUAGE_KEYS[language] ?? { layout: 'text' };
}
