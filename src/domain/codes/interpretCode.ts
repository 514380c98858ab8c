/**
 * What a scanned or typed text is, before anything is looked up: a product code
 * (with every valid reading of it), a bin code, or nothing we can read, with why.
 */
import { looksLikeBinCode, normaliseBinCode, type BinCode } from './binCode';
import { readProductCode, type CodeError, type NormalisedCode } from './gtin';

export type CodeMeaning =
  | { readonly kind: 'product-code'; readonly readings: readonly NormalisedCode[] }
  | { readonly kind: 'bin-code'; readonly binCode: BinCode }
  | { readonly kind: 'invalid'; readonly error: CodeError; readonly binCode: BinCode | null };

export function interpretCode(text: string): CodeMeaning {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'invalid', error: { reason: 'empty', message: 'No code was given.' }, binCode: null };
  if (looksLikeBinCode(trimmed)) return { kind: 'bin-code', binCode: normaliseBinCode(trimmed)! };
  const product = readProductCode(trimmed);
  if (product.ok) return { kind: 'product-code', readings: product.value };
  // An all-digit text that is no valid product code may still be a bin label in a
  // warehouse that numbers its bins, so the caller gets the bin reading too.
  return { kind: 'invalid', error: product.error, binCode: normaliseBinCode(trimmed) };
}
