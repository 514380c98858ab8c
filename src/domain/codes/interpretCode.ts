/**
 * What a scanned or typed text is, before anything is looked up: a product code
 * (with every valid reading of it), a GS1 element string (a product code with lot,
 * expiry, serial…), a bin code, or nothing we can read, with why.
 *
 * Order: text spelled as GS1 (AIM prefix, brackets, GS, a Digital Link URI) is GS1; digits alone are a
 * retail code when their length is one, else tried as GS1; other text is a bin
 * label, which the caller looks up before trying it as GS1 without separators.
 */
import { looksLikeBinCode, normaliseBinCode, type BinCode } from './binCode';
import { looksLikeGs1, parseGs1, type Gs1Data, type Gs1Error, type Gs1ErrorReason } from './gs1';
import { explain, type Why } from '../why';
import { readProductCode, type CodeError, type CodeErrorReason, type NormalisedCode } from './gtin';

export type CodeMeaning =
  | { readonly kind: 'product-code'; readonly readings: readonly NormalisedCode[] }
  | { readonly kind: 'gs1'; readonly readings: readonly NormalisedCode[]; readonly gs1: Gs1Data }
  | { readonly kind: 'bin-code'; readonly binCode: BinCode; readonly gs1: Gs1Data | null }
  | { readonly kind: 'invalid'; readonly error: CodeError | Gs1Error | BrokenScanError; readonly binCode: BinCode | null };

/** A code that never arrived whole: a hardware scanner's burst broke off (scanning/wedge.ts), so there is nothing to read. */
export interface BrokenScanError {
  readonly reason: 'scan-broken';
  readonly why: Why;
  /** In English. */
  readonly message: string;
}

export type MeaningErrorReason = CodeErrorReason | Gs1ErrorReason | BrokenScanError['reason'];

/** The meaning of a burst that broke off: an error showing what was received, never a code to look up. */
export function brokenScanMeaning(received: string): CodeMeaning {
  const why: Why = { code: 'scan-broken', received };
  return { kind: 'invalid', error: { reason: 'scan-broken', why, message: explain(why) }, binCode: null };
}

function gs1Meaning(gs1: Gs1Data): CodeMeaning {
  const readings: NormalisedCode[] = gs1.gtin ? [{ gtin: gs1.gtin, symbology: 'gtin-14', text: gs1.gtin }] : [];
  return { kind: 'gs1', readings, gs1 };
}

export function interpretCode(text: string, today: Date = new Date()): CodeMeaning {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'invalid', error: { reason: 'empty', why: { code: 'code-empty' }, message: explain({ code: 'code-empty' }) }, binCode: null };
  if (looksLikeGs1(trimmed)) {
    // Only line endings are dropped: a space is not a GS1 character, and a lot read with one would be another lot.
    const parsed = parseGs1(text.replace(/^[\r\n]+|[\r\n]+$/g, ''), today);
    return parsed.ok ? gs1Meaning(parsed.value) : { kind: 'invalid', error: parsed.error, binCode: null };
  }
  if (looksLikeBinCode(trimmed)) {
    const asGs1 = parseGs1(trimmed, today);
    return { kind: 'bin-code', binCode: normaliseBinCode(trimmed)!, gs1: asGs1.ok && asGs1.value.gtin ? asGs1.value : null };
  }
  const product = readProductCode(trimmed);
  if (product.ok) return { kind: 'product-code', readings: product.value };
  if (/^\d{15,}$/.test(trimmed)) {
    const asGs1 = parseGs1(trimmed, today);
    if (asGs1.ok) return gs1Meaning(asGs1.value);
  }
  // An all-digit text that is no valid product code may still be a bin label in a
  // warehouse that numbers its bins, so the caller gets the bin reading too.
  return { kind: 'invalid', error: product.error, binCode: normaliseBinCode(trimmed) };
}
