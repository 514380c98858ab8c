/**
 * Quantities a worker types: whole, positive (zero only where a count allows it), and
 * not more than allowed where there is a limit (what is left to pick or put away).
 */
export type QuantityErrorReason = 'empty' | 'not-a-number' | 'not-whole' | 'not-positive' | 'more-than-allowed' | 'too-large';

export type QuantityResult = { readonly ok: true; readonly qty: number } | { readonly ok: false; readonly reason: QuantityErrorReason; readonly message: string };

export interface QuantityRule {
  /** The most that may be entered here, e.g. what is left on the line; null: no limit. */
  readonly max: number | null;
  /** Counting may record zero; moving stock may not. */
  readonly allowZero: boolean;
}

/** More than this in one entry is a typing slip, not a quantity on a handheld. */
export const LARGEST_ENTRY = 1_000_000;

export function checkQuantity(input: string | number, rule: QuantityRule): QuantityResult {
  const text = String(input).trim();
  if (text === '') return { ok: false, reason: 'empty', message: 'Enter a quantity.' };
  if (!/^[+-]?\d+([.,]\d+)?$/.test(text)) return { ok: false, reason: 'not-a-number', message: `"${text}" is not a quantity. Enter digits only.` };
  const qty = Number(text.replace(',', '.'));
  if (!Number.isInteger(qty)) return { ok: false, reason: 'not-whole', message: `${text} is not a whole number. Quantities are counted in whole units.` };
  if (qty < 0 || (qty === 0 && !rule.allowZero)) return { ok: false, reason: 'not-positive', message: rule.allowZero ? 'A quantity cannot be negative.' : 'The quantity must be at least 1.' };
  if (qty > LARGEST_ENTRY) return { ok: false, reason: 'too-large', message: `${qty} is more than one entry can hold (${LARGEST_ENTRY.toLocaleString('en-US')}). Check the number.` };
  if (rule.max !== null && qty > rule.max) return { ok: false, reason: 'more-than-allowed', message: `${qty} is more than needed: at most ${rule.max} here.` };
  return { ok: true, qty };
}
