/**
 * The language of the interface: English or Simplified Chinese, chosen per device in
 * Settings and kept in localStorage; the first start follows the browser's language.
 */
import { en, type MessageKey, type Messages } from './en';
import { zh } from './zh';

export const LANGUAGES = { en, zh } as const;
export type Language = keyof typeof LANGUAGES;

const KEY = 'handheld.language';

export function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(KEY);
    if (stored === 'en' || stored === 'zh') return stored;
  } catch {
    // No storage (private mode): fall through to the browser's language.
  }
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Tells the browser (and screen readers) the page's language. */
export function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language === 'zh' ? 'zh-Hans' : 'en';
}

export function keepLanguage(language: Language): void {
  localStorage.setItem(KEY, language);
  applyDocumentLanguage(language);
}

type Args<K extends MessageKey> = Messages[K] extends (...args: infer A) => string ? A : [];

/** The words for `key` in `language`, with their arguments filled in. */
export function translate<K extends MessageKey>(language: Language, key: K, ...args: Args<K>): string {
  const message = LANGUAGES[language][key] as string | ((...a: unknown[]) => string);
  return typeof message === 'function' ? message(...args) : message;
}
