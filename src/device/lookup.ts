/**
 * Find: what a scanned or typed code is, answered from the device alone. A product
 * is found by any of its codes (each, inner pack, case); a bin by its label.
 * All reads happen in one IndexedDB read transaction (a few indexed gets), which
 * keeps a look-up in the low milliseconds on a 200,000-product catalog.
 */
import type { Bin, Product, ProductCode, StockLine } from '../domain/catalog/product';
import { codeOf } from '../domain/catalog/product';
import type { CodeErrorReason, NormalisedCode, Symbology } from '../domain/codes/gtin';
import { interpretCode } from '../domain/codes/interpretCode';
import type { FloorDb, StoredProduct } from './floorDb';

export interface PlaceOfStock extends StockLine {
  /** The bin's place on the walk path, or null if the bin is unknown here. */
  readonly walkSeq: number | null;
}

export interface BinContent extends StockLine {
  readonly product: Product | null;
}

export type LookupResult =
  | { readonly kind: 'product'; readonly product: Product; readonly scannedCode: ProductCode; readonly places: readonly PlaceOfStock[]; readonly totalQty: number }
  | { readonly kind: 'bin'; readonly bin: Bin; readonly contents: readonly BinContent[] }
  | { readonly kind: 'unknown'; readonly message: string }
  | { readonly kind: 'invalid'; readonly reason: CodeErrorReason | 'not-a-code'; readonly message: string };

const SYMBOLOGY_NAMES: Record<Symbology, string> = { 'ean-13': 'EAN-13', 'ean-8': 'EAN-8', 'upc-a': 'UPC-A', 'upc-e': 'UPC-E', 'gtin-14': 'GTIN-14' };

function withoutIndex({ gtins: _gtins, ...product }: StoredProduct): Product {
  return product;
}

async function productResult(db: FloorDb, stored: StoredProduct, reading: NormalisedCode): Promise<LookupResult> {
  const product = withoutIndex(stored);
  const scannedCode = codeOf(product, reading.gtin) ?? { gtin: reading.gtin, packQty: 1, packLevel: 'each', symbology: reading.symbology, printed: reading.text };
  const lines = await db.stock.where('productId').equals(product.id).toArray();
  const bins = await db.bins.bulkGet(lines.map((line) => line.binCode));
  const places = lines
    .map(({ key: _key, ...line }, i) => ({ ...line, walkSeq: bins[i]?.walkSeq ?? null }))
    .filter((line) => line.qty !== 0)
    .sort((a, b) => (a.walkSeq ?? Infinity) - (b.walkSeq ?? Infinity) || a.lot.localeCompare(b.lot));
  return { kind: 'product', product, scannedCode, places, totalQty: places.reduce((sum, line) => sum + line.qty, 0) };
}

async function binResult(db: FloorDb, bin: Bin): Promise<LookupResult> {
  const lines = await db.stock.where('binCode').equals(bin.code).toArray();
  const products = await db.products.bulkGet(lines.map((line) => line.productId));
  const contents = lines
    .map(({ key: _key, ...line }, i) => {
      const stored = products[i];
      return { ...line, product: stored ? withoutIndex(stored) : null };
    })
    .filter((line) => line.qty !== 0)
    .sort((a, b) => (a.product?.name ?? a.productId).localeCompare(b.product?.name ?? b.productId));
  return { kind: 'bin', bin, contents };
}

export async function lookUpCode(db: FloorDb, text: string): Promise<LookupResult> {
  const meaning = interpretCode(text);
  return db.transaction('r', [db.products, db.bins, db.stock], async () => {
    if (meaning.kind === 'product-code') {
      for (const reading of meaning.readings) {
        const product = await db.products.where('gtins').equals(reading.gtin).first();
        if (product) return productResult(db, product, reading);
      }
      const described = meaning.readings.map((r) => `${SYMBOLOGY_NAMES[r.symbology]} ${r.text}`).join(' or ');
      return { kind: 'unknown', message: `Unknown product: no product in this warehouse has the code ${described}. Check the label, or ask a supervisor to add the code.` };
    }
    const binCode = meaning.kind === 'bin-code' ? meaning.binCode : meaning.binCode;
    const bin = binCode === null ? undefined : await db.bins.get(binCode);
    if (bin) return binResult(db, bin);
    if (meaning.kind === 'bin-code') {
      return { kind: 'unknown', message: `Unknown bin: there is no bin ${meaning.binCode} in this warehouse. Check the label.` };
    }
    return { kind: 'invalid', reason: meaning.error.reason, message: `Invalid code: ${meaning.error.message}` };
  });
}
