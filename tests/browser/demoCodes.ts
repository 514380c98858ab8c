/**
 * Codes from the demo warehouse for the tests to scan, picked by rule from the
 * same generator the server seeds with, so no test hard-codes a code.
 */
import { MAIN_WAREHOUSE, generateWarehouse } from '../../src/server/seed/demoWarehouse';

const main = generateWarehouse(MAIN_WAREHOUSE);
const stocked = new Set(main.stock.map((line) => line.productId));

function productWith(test: (symbology: string, packLevel: string) => boolean) {
  const product = main.products.find((p) => stocked.has(p.id) && p.codes.some((c) => test(c.symbology, c.packLevel)));
  if (!product) throw new Error('the demo warehouse lacks a product of that kind');
  return { product, code: product.codes.find((c) => test(c.symbology, c.packLevel))! };
}

export const demo = {
  ean13: productWith((s, l) => s === 'ean-13' && l === 'each'),
  upcA: productWith((s) => s === 'upc-a'),
  caseCode: productWith((_, l) => l === 'case'),
  bin: main.bins.find((bin) => main.stock.some((line) => line.binCode === bin.code))!,
  markupName: main.products.find((p) => p.name.includes('<b>'))!,
  productCount: main.products.length,
};
