/**
 * Where to put a product away: a bin of its zone that already holds it (the same lot,
 * for a lot-tracked product), else an empty bin of its zone; of those, the nearest
 * to where the worker is on the walk path. Null when the zone has neither: the
 * worker chooses a bin by scanning it.
 */
import type { BinWithStock, Product } from '../catalog/product';

export type SuggestionReason = 'holds-product' | 'empty-bin';

export interface BinSuggestion {
  readonly binCode: string;
  readonly reason: SuggestionReason;
}

export function suggestBin(product: Pick<Product, 'id' | 'zone' | 'lotTracked'>, lot: string, bins: readonly BinWithStock[], fromWalkSeq = 0): BinSuggestion | null {
  const inZone = bins.filter((bin) => bin.zone === product.zone);
  const nearest = (candidates: readonly BinWithStock[]) =>
    [...candidates].sort((a, b) => Math.abs(a.walkSeq - fromWalkSeq) - Math.abs(b.walkSeq - fromWalkSeq) || a.walkSeq - b.walkSeq || a.code.localeCompare(b.code))[0];
  const holding = inZone.filter((bin) => bin.stock.some((line) => line.productId === product.id && line.qty > 0 && (!product.lotTracked || line.lot === lot)));
  const withProduct = nearest(holding);
  if (withProduct) return { binCode: withProduct.code, reason: 'holds-product' };
  const empty = nearest(inZone.filter((bin) => bin.stock.every((line) => line.qty <= 0)));
  return empty ? { binCode: empty.code, reason: 'empty-bin' } : null;
}
