/**
 * Dates, times and numbers as the chosen language writes them (the console's tables,
 * ages, amounts). The locale is the browser's own variant of that language where it has
 * one (a British browser in English gets day/month), else the language's default, so a
 * Chinese console on an English browser still reads 2026/12/31.
 */
import type { Language } from './language';
import { translate } from './language';

const DEFAULT_LOCALE: Readonly<Record<Language, string>> = { en: 'en-US', zh: 'zh-CN' };

export function localeOf(language: Language, preferred: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]): string {
  const own = preferred.find((tag) => tag.toLowerCase() === language || tag.toLowerCase().startsWith(`${language}-`));
  if (!own) return DEFAULT_LOCALE[language];
  try {
    return Intl.getCanonicalLocales(own)[0] ?? DEFAULT_LOCALE[language];
  } catch {
    return DEFAULT_LOCALE[language];
  }
}

export interface Formats {
  readonly locale: string;
  /** Date and time of a moment, short: 12/31/2026, 5:00 PM · 2026/12/31 17:00. */
  dateTime(at: string | number | Date): string;
  /** The time of day only. */
  time(at: string | number | Date): string;
  /** The date only, of a moment where the browser is. */
  date(at: string | number | Date): string;
  /** A calendar date (YYYY-MM-DD, as the floor keeps them), whatever the browser's zone. */
  calendarDate(isoDate: string): string;
  /** The hour of the day, for a chart's axis. */
  hour(at: string | number | Date): string;
  /** A whole number or a decimal, grouped: 1,000,000. */
  number(value: number): string;
  /** An amount with two decimals. */
  money(value: number): string;
  /** How long ago: "3 min. ago", "3分钟前"; "now" under a minute; "never" for no moment. */
  ago(iso: string | null, now: number): string;
}

const cache = new Map<string, Formats>();

export function formatsFor(language: Language, preferred?: readonly string[]): Formats {
  const locale = localeOf(language, preferred);
  const key = `${language}:${locale}`;
  const known = cache.get(key);
  if (known) return known;
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const calendar = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const hour = new Intl.DateTimeFormat(locale, { hour: 'numeric' });
  const number = new Intl.NumberFormat(locale);
  const money = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const moment = (at: string | number | Date) => (at instanceof Date ? at : new Date(at));
  const formats: Formats = {
    locale,
    dateTime: (at) => dateTime.format(moment(at)),
    time: (at) => time.format(moment(at)),
    date: (at) => date.format(moment(at)),
    calendarDate: (isoDate) => calendar.format(new Date(`${isoDate}T00:00:00Z`)),
    hour: (at) => hour.format(moment(at)),
    number: (value) => number.format(value),
    money: (value) => money.format(value),
    ago: (iso, now) => {
      if (iso === null) return translate(language, 'status.never');
      const ms = Math.max(0, now - Date.parse(iso));
      if (ms < 60_000) return relative.format(0, 'second');
      if (ms < 3_600_000) return relative.format(-Math.floor(ms / 60_000), 'minute');
      if (ms < 86_400_000) return relative.format(-Math.floor(ms / 3_600_000), 'hour');
      return relative.format(-Math.floor(ms / 86_400_000), 'day');
    },
  };
  cache.set(key, formats);
  return formats;
}
