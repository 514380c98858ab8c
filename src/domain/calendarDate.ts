/**
 * Calendar dates as a worker types and reads them. Inside the app (and on the wire) a
 * date is ISO, YYYY-MM-DD; on the screen it is typed in three number fields (day, month,
 * year, laid out in the language's order) and shown in the language's words, so no one
 * has to guess whether 03/04 is March or April.
 *
 * - A year typed with two digits is in this century (27 → 2027); one with four is taken
 *   as it is, from 1900 to 2999 (anything else is a typing slip on a label's date).
 * - The date must exist: 31 April and 29 February of a common year are refused, saying so.
 */
import type { Why } from './why';

export interface DateFields {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

export type DateField = keyof DateFields;

export type DateEntry = { readonly ok: true; readonly value: string } | { readonly ok: false; readonly why: Why; readonly field: DateField };

const WHOLE = /^\d{1,4}$/;

/** The ISO date the three fields make, or the field to fix and why. */
export function dateFromFields(fields: DateFields): DateEntry {
  const day = fields.day.trim();
  const month = fields.month.trim();
  const year = fields.year.trim();
  if (!WHOLE.test(day) || Number(day) < 1 || Number(day) > 31) return { ok: false, why: { code: 'date-field', field: 'day' }, field: 'day' };
  if (!WHOLE.test(month) || Number(month) < 1 || Number(month) > 12) return { ok: false, why: { code: 'date-field', field: 'month' }, field: 'month' };
  const fullYear = /^\d{2}$/.test(year) ? 2000 + Number(year) : /^\d{4}$/.test(year) ? Number(year) : NaN;
  if (!(fullYear >= 1900 && fullYear <= 2999)) return { ok: false, why: { code: 'date-field', field: 'year' }, field: 'year' };
  const d = Number(day);
  const m = Number(month);
  const date = new Date(Date.UTC(fullYear, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return { ok: false, why: { code: 'date-not-real', day: d, month: m, year: fullYear }, field: 'day' };
  return { ok: true, value: isoDate(fullYear, m, d) };
}

export const isoDate = (year: number, month: number, day: number): string => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Year, month and day of an ISO date; null for anything else. */
export function partsOfIsoDate(iso: string): { readonly year: number; readonly month: number; readonly day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
}

export const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** "31 Dec 2027": the English words for an ISO date (anything else is shown as it is). */
export function englishDate(iso: string): string {
  const parts = partsOfIsoDate(iso);
  return parts ? englishDateOf(parts.year, parts.month, parts.day) : iso;
}

export const englishDateOf = (year: number, month: number, day: number): string => `${day} ${ENGLISH_MONTHS[month - 1] ?? month} ${year}`;

/** "2027年12月31日": the Chinese words for an ISO date (anything else is shown as it is). */
export function chineseDate(iso: string): string {
  const parts = partsOfIsoDate(iso);
  return parts ? `${parts.year}年${parts.month}月${parts.day}日` : iso;
}
