/**
 * Retail product codes (EAN-13, EAN-8, UPC-A, UPC-E, GTIN-14) normalised to GTIN-14.
 *
 * Invariants:
 * - Every code the device stores or looks up is a GTIN-14: 14 digits, left-padded
 *   with zeros, whose last digit is the GS1 mod-10 check digit of the first 13.
 *   A UPC-A and the EAN-13 made of it with a leading zero are therefore one key.
 * - A UPC-E is expanded to its UPC-A first (GS1 General Specifications 2.1.3.2,
 *   "UPC-E zero-suppression"); its check digit is the check digit of that UPC-A.
 * - Nothing here guesses: a wrong length, a non-digit or a wrong check digit is an
 *   error with a reason code and words a person on the floor can act on.
 */
import { explain, type Why } from '../why';

export type Symbology = 'ean-13' | 'ean-8' | 'upc-a' | 'upc-e' | 'gtin-14';

/** A GTIN-14 that passed validation. The brand keeps unchecked strings out. */
export type Gtin14 = string & { readonly __brand: 'Gtin14' };

export type CodeErrorReason =
  | 'empty'
  | 'not-digits'
  | 'wrong-length'
  | 'bad-check-digit'
  | 'bad-upce-number-system';

export interface CodeError {
  readonly reason: CodeErrorReason;
  /** The reason with its facts, for words in the worker's language. */
  readonly why: Why;
  /** In English. */
  readonly message: string;
}

export interface NormalisedCode {
  readonly gtin: Gtin14;
  readonly symbology: Symbology;
  /** The digits as they were given (after trimming). */
  readonly text: string;
}

export type CodeResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CodeError };

const ok = <T>(value: T): CodeResult<T> => ({ ok: true, value });
const fail = <T>(reason: CodeErrorReason, why: Why): CodeResult<T> => ({ ok: false, error: { reason, why, message: explain(why) } });

const DIGITS = /^\d+$/;

/** GS1 mod-10 check digit of a string of data digits (the code without its check digit). */
export function gs1CheckDigit(dataDigits: string): number {
  let sum = 0;
  // Weights run 3,1,3,1… from the rightmost data digit leftwards.
  for (let i = dataDigits.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += Number(dataDigits[i]) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

function checkedGtin(digits: string, symbology: Symbology, label: string): CodeResult<NormalisedCode> {
  const data = digits.slice(0, -1);
  const given = Number(digits.at(-1));
  const expected = gs1CheckDigit(data);
  if (given !== expected) {
    return fail('bad-check-digit', { code: 'code-bad-check-digit', label, text: digits, given: String(given), expected });
  }
  return ok({ gtin: digits.padStart(14, '0') as Gtin14, symbology, text: digits });
}

function digitsOnly(text: string): CodeResult<string> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('empty', { code: 'code-empty' });
  if (!DIGITS.test(trimmed)) return fail('not-digits', { code: 'code-not-digits', text: trimmed });
  return ok(trimmed);
}

/** A reader of one fixed-length symbology: digits only, the right length, the right check digit. */
function fixedLength(symbology: Symbology, length: number, label: string) {
  return (text: string): CodeResult<NormalisedCode> => {
    const digits = digitsOnly(text);
    if (!digits.ok) return digits;
    if (digits.value.length !== length) {
      return fail('wrong-length', { code: 'code-wrong-length', label, expected: length, text: digits.value });
    }
    return checkedGtin(digits.value, symbology, label);
  };
}

export const normaliseEan13 = fixedLength('ean-13', 13, 'EAN-13');
export const normaliseEan8 = fixedLength('ean-8', 8, 'EAN-8');
export const normaliseUpcA = fixedLength('upc-a', 12, 'UPC-A');
export const normaliseGtin14 = fixedLength('gtin-14', 14, 'GTIN-14');

/**
 * Expands an 8-digit UPC-E (number system, six digits, check digit) to its 12-digit UPC-A.
 * The check digit is carried over unchanged; validation happens on the UPC-A.
 */
export function expandUpcE(upcE: string): CodeResult<string> {
  const digits = digitsOnly(upcE);
  if (!digits.ok) return digits;
  const code = digits.value;
  if (code.length !== 8) return fail('wrong-length', { code: 'code-wrong-length', label: 'UPC-E', expected: 8, text: code });
  const numberSystem = code[0]!;
  if (numberSystem !== '0' && numberSystem !== '1') {
    return fail('bad-upce-number-system', { code: 'code-bad-upce-system', text: code, first: numberSystem });
  }
  const d = code.slice(1, 7);
  const check = code[7]!;
  const last = d[5]!;
  let body: string;
  if (last === '0' || last === '1' || last === '2') body = `${d.slice(0, 2)}${last}0000${d.slice(2, 5)}`;
  else if (last === '3') body = `${d.slice(0, 3)}00000${d.slice(3, 5)}`;
  else if (last === '4') body = `${d.slice(0, 4)}00000${d[4]}`;
  else body = `${d.slice(0, 5)}0000${last}`;
  return ok(`${numberSystem}${body}${check}`);
}

export function normaliseUpcE(text: string): CodeResult<NormalisedCode> {
  const expanded = expandUpcE(text);
  if (!expanded.ok) return expanded;
  const upcA = checkedGtin(expanded.value, 'upc-e', 'UPC-E');
  if (!upcA.ok) {
    const given = text.trim();
    const expected = gs1CheckDigit(expanded.value.slice(0, -1));
    return fail('bad-check-digit', { code: 'code-bad-check-digit', label: 'UPC-E', text: given, given: given.at(-1) ?? '', expected });
  }
  return ok({ ...upcA.value, text: text.trim() });
}

/**
 * Zero-suppresses a UPC-A to UPC-E where the GS1 rules allow it, else returns null.
 * The inverse of {@link expandUpcE}; used to print and test UPC-E codes.
 */
export function compressToUpcE(upcA: string): string | null {
  if (!/^[01]\d{11}$/.test(upcA)) return null;
  const ns = upcA[0]!;
  const m = upcA.slice(1, 6);
  const p = upcA.slice(6, 11);
  const check = upcA[11]!;
  let six: string | null = null;
  if (/^\d\d[012]00$/.test(m) && /^00\d{3}$/.test(p)) six = `${m.slice(0, 2)}${p.slice(2)}${m[2]}`;
  else if (/^\d\d[3-9]00$/.test(m) && /^000\d\d$/.test(p)) six = `${m.slice(0, 3)}${p.slice(3)}3`;
  else if (/^\d{3}[1-9]0$/.test(m) && /^0000\d$/.test(p)) six = `${m.slice(0, 4)}${p[4]}4`;
  else if (/^\d{4}[1-9]$/.test(m) && /^0000[5-9]$/.test(p)) six = `${m}${p[4]}`;
  return six === null ? null : `${ns}${six}${check}`;
}

/**
 * Reads a code whose symbology is unknown (typed by hand, pasted, or from a scanner
 * that sends no symbology identifier) by its length. Eight digits are ambiguous
 * between EAN-8 and UPC-E, so every valid reading is returned; the caller looks each
 * up. An error is returned only when no reading is valid, with the most useful reason.
 */
export function readProductCode(text: string): CodeResult<readonly NormalisedCode[]> {
  const digits = digitsOnly(text);
  if (!digits.ok) return digits;
  const code = digits.value;
  switch (code.length) {
    case 13:
      return single(normaliseEan13(code));
    case 12:
      return single(normaliseUpcA(code));
    case 14:
      return single(normaliseGtin14(code));
    case 8: {
      const asEan8 = normaliseEan8(code);
      const asUpcE = normaliseUpcE(code);
      const readings = [asEan8, asUpcE].flatMap((r) => (r.ok ? [r.value] : []));
      if (readings.length > 0) return ok(readings);
      return fail('bad-check-digit', { code: 'code-not-ean8-nor-upce', text: code });
    }
    default:
      return fail('wrong-length', { code: 'code-unknown-length', text: code });
  }
}

function single(result: CodeResult<NormalisedCode>): CodeResult<readonly NormalisedCode[]> {
  return result.ok ? ok([result.value]) : result;
}

/** Normalises a code whose symbology the scanner told us. */
export function normaliseAs(symbology: Symbology, text: string): CodeResult<NormalisedCode> {
  switch (symbology) {
    case 'ean-13':
      return normaliseEan13(text);
    case 'ean-8':
      return normaliseEan8(text);
    case 'upc-a':
      return normaliseUpcA(text);
    case 'upc-e':
      return normaliseUpcE(text);
    case 'gtin-14':
      return normaliseGtin14(text);
  }
}

/** Makes a valid code of the given symbology from its data digits by appending the check digit. */
export function withCheckDigit(dataDigits: string): string {
  return `${dataDigits}${gs1CheckDigit(dataDigits)}`;
}
