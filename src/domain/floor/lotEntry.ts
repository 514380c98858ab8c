/**
 * A lot and an expiry typed by hand, for a lot- or expiry-tracked item whose label
 * carries no GS1 code. A lot follows GS1's rules for AI (10), so a typed lot and a
 * scanned one are alike: at most 20 characters of GS1's set, upper-cased as labels
 * print them. An expiry is a real calendar date, YYYY-MM-DD.
 */
import type { Why } from '../why';

export const LOT_MAX_LENGTH = 20;

/** GS1 AI (10) allows these (a subset of GS1 "CSET 82" that a person can type). */
const LOT_CHARACTERS = /^[A-Z0-9\-./_]+$/;

export type EntryResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly why: Why };

export function checkLotEntry(text: string): EntryResult<string> {
  const lot = text.trim().toUpperCase();
  if (lot === '') return { ok: false, why: { code: 'lot-empty' } };
  if (lot.length > LOT_MAX_LENGTH) return { ok: false, why: { code: 'lot-too-long', max: LOT_MAX_LENGTH } };
  if (!LOT_CHARACTERS.test(lot)) return { ok: false, why: { code: 'lot-bad-characters', lot } };
  return { ok: true, value: lot };
}

export function checkExpiryEntry(text: string): EntryResult<string> {
  const value = text.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) return { ok: true, value };
  }
  return { ok: false, why: { code: 'expiry-not-a-date', text: value } };
}

/** What is still to be asked of an item after its scan: the lot, the expiry, both or neither. */
export function missingLotFacts(
  product: { readonly lotTracked: boolean; readonly expiryTracked: boolean },
  known: { readonly lot: string | null; readonly expiry: string | null },
): { readonly lot: boolean; readonly expiry: boolean } {
  return { lot: product.lotTracked && !known.lot, expiry: product.expiryTracked && !known.expiry };
}
