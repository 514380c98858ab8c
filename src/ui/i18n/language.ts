/**
 * The language of the interface: English or Simplified Chinese, chosen per device in
 * Settings and kept in localStorage; the first start follows the browser's language.
 */
import { en, type MessageKey, type Messages } from './en';
import { zh } from './zh';
import { whyZh } from './whyZh';
import { englishWhy, explain, type Why, type WhyWords } from '../../domain/why';
import { chineseDate, englishDate } from '../../domain/calendarDate';
import { floorDate, floorTimeOfDay } from '../../domain/floor/floorDate';

export const LANGUAGES = { en, zh } as const;
export type Language = keyof typeof LANGUAGES;

type Words = Readonly<Record<string, string | ((...a: never[]) => string)>>;
/** Every word loaded so far, per language: the floor's at start, the console's when its code loads (consoleWords.ts). */
const loaded: Record<Language, Record<string, Words[string]>> = { en: { ...en }, zh: { ...zh } };

/** Adds a part of the catalogue, in every language, when the code that speaks it loads. */
export function addWords(part: { readonly [L in Language]: Words }): void {
  for (const language of Object.keys(part) as Language[]) Object.assign(loaded[language], part[language]);
}

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
  // A key whose part has not loaded (never, where the code that asks imports its part) shows as itself, not as a crash.
  const message = (loaded[language][key] ?? key) as string | ((...a: unknown[]) => string);
  return typeof message === 'function' ? message(...args) : message;
}

/** A language's translate function, for pure helpers that word things (tested without React). */
export type Translate = <K extends MessageKey>(key: K, ...args: Args<K>) => string;
export const translator =
  (language: Language): Translate =>
  (key, ...args) =>
    translate(language, key, ...args);

const WHY_WORDS: Readonly<Record<Language, WhyWords>> = { en: englishWhy, zh: whyZh };

/** A refusal's reason, worded in `language`. */
export function sayWhy(language: Language, why: Why): string {
  return explain(why, WHY_WORDS[language]);
}

function isWhy(value: unknown): value is Why {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && (value as { code: string }).code in englishWhy;
}

/** Words for anything that went wrong: a reason the app knows, in the person's language; else the error's own message. */
export function sayProblem(language: Language, problem: unknown): string {
  if (isWhy(problem)) return sayWhy(language, problem);
  const why = (problem as { why?: unknown } | null)?.why;
  if (isWhy(why)) return sayWhy(language, why);
  return problem instanceof Error ? problem.message : String(problem);
}

/** A calendar date (ISO) in the language's words, as every screen shows dates. */
export function showDate(language: Language, iso: string): string {
  return language === 'zh' ? chineseDate(iso) : englishDate(iso);
}

/** The order of a date's three fields as the language writes a date: day month year, or year month day. */
export const DATE_FIELD_ORDER: Readonly<Record<Language, readonly ('day' | 'month' | 'year')[]>> = { en: ['day', 'month', 'year'], zh: ['year', 'month', 'day'] };

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * A moment in the language's words: "08:15" today, else "1 Dec 2026, 08:15" (or
 * 2026年12月1日 08:15). Both languages write the time of day as HH:MM on a 24-hour
 * clock, so it is written by hand: `toLocaleTimeString` with options builds an
 * Intl formatter (ICU data) at every call, and the status bar calls this on every screen
 * as it first draws (a long task at 4x CPU on Find's first paint, traced).
 */
export function showTime(language: Language, iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const time = `${twoDigits(at.getHours())}:${twoDigits(at.getMinutes())}`;
  if (at.toDateString() === now.toDateString()) return time;
  const day = `${at.getFullYear()}-${twoDigits(at.getMonth() + 1)}-${twoDigits(at.getDate())}`;
  return `${showDate(language, day)}${language === 'zh' ? ' ' : ', '}${time}`;
}

/**
 * A moment on the clocks of the warehouse's `timeZone`, in the language's words: "14:30"
 * on the floor's today, else the floor's date and the time ("2 May 2026, 14:30"). For
 * times that belong to the floor (a task's due time), whatever the device's own zone.
 * The zone's formatter is made once (floorDate.ts).
 */
export function showFloorTime(language: Language, iso: string, timeZone: string, now: Date | number = Date.now()): string {
  const at = Date.parse(iso);
  const time = floorTimeOfDay(at, timeZone);
  const day = floorDate(at, timeZone);
  if (day === floorDate(now, timeZone)) return time;
  return `${showDate(language, day)}${language === 'zh' ? ' ' : ', '}${time}`;
}
