/**
 * Bin labels carry the warehouse's own location codes, printed as Code 128 or QR.
 * The demo warehouse uses ZONE-AISLE-BAY-LEVEL (e.g. `A-01-02-3`), but a real
 * warehouse brings its own scheme, so a bin code is only required to be short,
 * upper-case letters, digits and dashes. Scanners and people may send lower case
 * or stray spaces; both are normalised away.
 */

export type BinCode = string & { readonly __brand: 'BinCode' };

const BIN_CODE = /^[A-Z0-9][A-Z0-9-]{0,31}$/;

export function normaliseBinCode(text: string): BinCode | null {
  const code = text.trim().toUpperCase();
  return BIN_CODE.test(code) ? (code as BinCode) : null;
}

/** True when the text has a letter or dash, so it cannot be a retail product code. */
export function looksLikeBinCode(text: string): boolean {
  const code = normaliseBinCode(text);
  return code !== null && /[A-Z-]/.test(code);
}
