// Which on-screen keys type a text in a given language.
import type { KeyLayout } from '../../components/OnScreenKeys.tsx';

/**
 * The console types English (and, until the kiosk's keys have a Devanagari
 * layout, Hindi too) on the 'text' layout; a language with a layout of its
 * own gets it here.
 */
const LANGUAGE_LAYOUTS: Partial<Record<string, KeyLayout>> = {};

export function textLayoutFor(language: string): KeyLayout {
  return LANGUAGE_LAYOUTS[language] ?? 'text';
}
