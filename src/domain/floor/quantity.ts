/**
 * Quantities a worker types: whole, positive (zero only where a count allows it), and
 * not more than allowed where there is a limit (what is left to pick or put away).
 */
import { explain, type Why } from '../why';

export type QuantityErrorReason = 'empty' | 'not-a-number' | 'not-whole' | 'not-positive' | 'more-than-allowed' | 'too-large';

export type QuantityResult = { readonly ok: true; readonly qty: number } | { readonly ok: false; readonly reason: QuantityErrorReason; readonly why: Why; readonly message: string };

const refuse = (reason: QuantityErrorReason, why: Why): QuantityResult => ({ ok: false, reason, why, message: explain(why) });

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
  if (text === '') return refuse('empty', { code: 'qty-empty' });
  if (!/^[+-]?\d+([.,]\d+)?$/.test(text)) return refuse('not-a-number', { code: 'qty-not-a-number', text });
  const qty = Number(text.replace(',', '.'));
  if (!Number.isInteger(qty)) return refuse('not-whole', { code: 'qty-not-whole', text });
  if (qty < 0) return refuse('not-positive', { code: 'qty-negative' });
  if (qty === 0 && !rule.allowZero) return refuse('not-positive', { code: 'qty-zero' });
  if (qty > LARGEST_ENTRY) return refuse('too-large', { code: 'qty-too-large', qty, max: LARGEST_ENTRY });
  if (rule.max !== null && qty > rule.max) return refuse('more-than-allowed', { code: 'qty-more-than-allowed', qty, max: rule.max });
  return { ok: true, qty };
}
