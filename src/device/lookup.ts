/**
 * Find: what a scanned or typed code is, answered from the device alone. A product
 * is found by any of its codes (each, inner pack, case); a bin by its label.
 * All reads happen in one IndexedDB read transaction of a few indexed gets (the
 * product's block by GTIN, the bins holding it), which keeps a look-up in the low
 * milliseconds on a 200,000-product catalog.
 */
import type { Bin, Product, ProductCode, StockLine } from '../domain/catalog/product';
import { codeOf } from '../domain/catalog/product';
import type { NormalisedCode, Symbology } from '../domain/codes/gtin';
import type { Gs1Data, Gs1Element } from '../domain/codes/gs1';
import { interpretCode, type MeaningErrorReason } from '../domain/codes/interpretCode';
import type { FloorDb, StoredBin } from './floorDb';
import { explain, type Why } from '../domain/why';

export interface PlaceOfStock extends StockLine {
  readonly walkSeq: number;
}

export interface BinContent extends StockLine {
  readonly product: Product | null;
}

/** What a GS1 code said beyond the product: lot, dates, serial, count, and every other element as it came. */
export type FromCode = Pick<Gs1Data, 'lot' | 'expiry' | 'bestBefore' | 'serial' | 'count'> & { readonly others: readonly Gs1Element[] };

/** The AIs Find shows by name; every other element is listed with its AI and GS1's title. */
const NAMED_AIS = new Set(['01', '10', '17', '15', '21', '37']);

export type LookupResult =
  | {
      readonly kind: 'product';
      readonly product: Product;
      readonly scannedCode: ProductCode;
      readonly places: readonly PlaceOfStock[];
      readonly totalQty: number;
      readonly fromCode: FromCode | null;
    }
  | { readonly kind: 'bin'; readonly bin: Bin; readonly contents: readonly BinContent[] }
  | { readonly kind: 'unknown'; readonly why: Why; readonly message: string }
  | { readonly kind: 'invalid'; readonly reason: MeaningErrorReason; readonly why: Why; readonly message: string };

const unknown = (why: Why): LookupResult => ({ kind: 'unknown', why, message: explain(why) });

const SYMBOLOGY_NAMES: Record<Symbology, string> = { 'ean-13': 'EAN-13', 'ean-8': 'EAN-8', 'upc-a': 'UPC-A', 'upc-e': 'UPC-E', 'gtin-14': 'GTIN-14' };

export async function productByGtin(db: FloorDb, gtin: string): Promise<Product | undefined> {
  const block = await db.productBlocks.where('gtins').equals(gtin).first();
  return block?.products.find((product) => product.codes.some((code) => code.gtin === gtin));
}

export async function productsByIds(db: FloorDb, ids: readonly string[]): Promise<Map<string, Product>> {
  const wanted = new Set(ids);
  // One indexed get per product: Dexie's anyOf() walks the index with a cursor,
  // which measured 20-50 times slower on a 200,000-product catalog.
  const blocks = await Promise.all([...wanted].map((id) => db.productBlocks.where('productIds').equals(id).first()));
  const found = new Map<string, Product>();
  for (const block of blocks) for (const product of block?.products ?? []) if (wanted.has(product.id)) found.set(product.id, product);
  return found;
}

function withoutIndex({ productIds: _productIds, stock: _stock, ...bin }: StoredBin): Bin {
  return bin;
}

function fromCodeOf(gs1: Gs1Data | null): FromCode | null {
  if (gs1 === null) return null;
  const { lot, expiry, bestBefore, serial, count } = gs1;
  const named = Object.fromEntries(Object.entries({ lot, expiry, bestBefore, serial, count }).filter(([, v]) => v !== undefined));
  return { ...named, others: gs1.elements.filter((e) => !NAMED_AIS.has(e.ai)) };
}

async function productResult(db: FloorDb, product: Product, reading: NormalisedCode, gs1: Gs1Data | null = null): Promise<LookupResult> {
  const scannedCode = codeOf(product, reading.gtin) ?? { gtin: reading.gtin, packQty: 1, packLevel: 'each', symbology: reading.symbology, printed: reading.text };
  const bins = await db.bins.where('productIds').equals(product.id).toArray();
  const places = bins
    .flatMap((bin) => bin.stock.filter((line) => line.productId === product.id && line.qty !== 0).map((line) => ({ ...line, walkSeq: bin.walkSeq })))
    .sort((a, b) => a.walkSeq - b.walkSeq || a.lot.localeCompare(b.lot));
  return { kind: 'product', product, scannedCode, places, totalQty: places.reduce((sum, line) => sum + line.qty, 0), fromCode: fromCodeOf(gs1) };
}

async function binResult(db: FloorDb, bin: StoredBin): Promise<LookupResult> {
  const products = await productsByIds(db, bin.productIds);
  const contents = bin.stock
    .filter((line) => line.qty !== 0)
    .map((line) => ({ ...line, product: products.get(line.productId) ?? null }))
    .sort((a, b) => (a.product?.name ?? a.productId).localeCompare(b.product?.name ?? b.productId));
  return { kind: 'bin', bin: withoutIndex(bin), contents };
}

export async function lookUpCode(db: FloorDb, text: string): Promise<LookupResult> {
  const meaning = interpretCode(text);
  return db.transaction('r', [db.productBlocks, db.bins], async () => {
    if (meaning.kind === 'product-code' || meaning.kind === 'gs1') {
      const gs1 = meaning.kind === 'gs1' ? meaning.gs1 : null;
      for (const reading of meaning.readings) {
        const product = await productByGtin(db, reading.gtin);
        if (product) return productResult(db, product, reading, gs1);
      }
      if (meaning.readings.length === 0) {
        return unknown({ code: 'gs1-no-gtin' });
      }
      const described = meaning.readings.map((r) => `${SYMBOLOGY_NAMES[r.symbology]} ${r.text}`).join(' or ');
      return unknown({ code: 'unknown-product', scanned: described });
    }
    const binCode = meaning.binCode;
    const bin = binCode === null ? undefined : await db.bins.get(binCode);
    if (bin) return binResult(db, bin);
    if (meaning.kind === 'bin-code' && meaning.gs1?.gtin) {
      // Not a bin here, but a GS1 string sent without separators or prefix.
      const product = await productByGtin(db, meaning.gs1.gtin);
      if (product) return productResult(db, product, { gtin: meaning.gs1.gtin, symbology: 'gtin-14', text: meaning.gs1.gtin }, meaning.gs1);
    }
    if (meaning.kind === 'bin-code') {
      return unknown({ code: 'no-such-bin', bin: meaning.binCode });
    }
    return { kind: 'invalid', reason: meaning.error.reason, why: meaning.error.why, message: meaning.error.message };
  });
}
