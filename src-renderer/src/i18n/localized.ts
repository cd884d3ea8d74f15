// Text the operator entered per language (cause names and descriptions, the
// welcome message): the donor's language when the operator gave it, else English.
import type { LocalizedText } from '../../../src-main/contract/kiosk-api.ts';
import { currentLanguage } from './t.ts';

/** `text` in `language` (the donor's current language by default), falling back to English. */
export function localized(text: LocalizedText, language: string = currentLanguage().code): string {
  const own = text[language];
  return own !== undefined && own.trim() !== '' ? own : text.en;
}
