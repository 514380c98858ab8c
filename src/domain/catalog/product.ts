import type { Gtin14, Symbology } from '../codes/gtin';

/** How a code is packed: one unit, an inner pack, or a case of several units. */
export type PackLevel = 'each' | 'inner' | 'case';

export interface ProductCode {
  readonly gtin: Gtin14;
  /** Units of the product one scan of this code stands for (1 for an each). */
  readonly packQty: number;
  readonly packLevel: PackLevel;
  /** The symbology the code is printed in, as the master data says. */
  readonly symbology: Symbology;
  /** The code as printed (e.g. a 12-digit UPC-A), kept for display. */
  readonly printed: string;
}

export interface Product {
  readonly id: string;
  readonly sku: string;
  readonly name: string;
  /** Unit of measure of one each, e.g. "pc", "bottle". */
  readonly unit: string;
  /** Zone where the product is stored by default (putaway suggestions). */
  readonly zone: string;
  readonly lotTracked: boolean;
  readonly expiryTracked: boolean;
  readonly codes: readonly ProductCode[];
}

export interface Bin {
  readonly code: string;
  readonly zone: string;
  readonly aisle: string;
  /** Position on the walk path through the warehouse; picks are sorted by it. */
  readonly walkSeq: number;
}

export interface StockLine {
  readonly binCode: string;
  readonly productId: string;
  /** '' when the product is not lot-tracked. */
  readonly lot: string;
  /** ISO date (YYYY-MM-DD) or null when the product has no expiry. */
  readonly expiry: string | null;
  readonly qty: number;
}

/** A bin with what it holds: the unit the device stores and a count snapshots. */
export interface BinWithStock extends Bin {
  readonly stock: readonly StockLine[];
}

export interface Warehouse {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

export function codeOf(product: Product, gtin: Gtin14): ProductCode | undefined {
  return product.codes.find((code) => code.gtin === gtin);
}
