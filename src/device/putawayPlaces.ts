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
