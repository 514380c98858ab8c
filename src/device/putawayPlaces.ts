/**
 * The bins a putaway suggestion chooses from: the bins of the product's zone that
 * hold it, and the empty bins of that zone. Read by index, never the whole warehouse.
 */
import type { BinWithStock, Product } from '../domain/catalog/product';
import { suggestBin, type BinSuggestion } from '../domain/floor/suggestBin';
import type { FloorDb } from './floorDb';

export async function suggestPutawayBin(db: FloorDb, product: Pick<Product, 'id' | 'zone' | 'lotTracked'>, lot: string, fromWalkSeq = 0): Promise<BinSuggestion | null> {
  const [holding, zone] = await Promise.all([db.bins.where('productIds').equals(product.id).toArray(), db.bins.where('zone').equals(product.zone).toArray()]);
  const candidates: BinWithStock[] = [...holding.filter((bin) => bin.zone === product.zone), ...zone.filter((bin) => bin.stock.every((line) => line.qty <= 0))];
  return suggestBin(product, lot, candidates, fromWalkSeq);
}

/** The expiry this device knows for a product's lot from the stock it holds anywhere, or null. */
export async function knownExpiryOfLot(db: FloorDb, productId: string, lot: string): Promise<string | null> {
  const bins = await db.bins.where('productIds').equals(productId).toArray();
  for (const bin of bins) {
    const line = bin.stock.find((l) => l.productId === productId && l.lot === lot && l.expiry !== null);
    if (line) return line.expiry;
  }
  return null;
}
