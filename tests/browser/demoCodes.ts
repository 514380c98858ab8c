/**
 * Codes from the demo warehouse for the tests to scan, picked by rule from the
 * same generator the server seeds with, so no test hard-codes a code.
 */
import { MAIN_WAREHOUSE, binsWithStock, generateWarehouse } from '../../src/server/seed/demoWarehouse';
import { suggestBin } from '../../src/domain/floor/suggestBin';

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

/**
 * A pick list of picker1's with three lines, one of which a case code fits into,
 * with its lines in walk order and the codes to scan for each.
 */
function pickListForTest() {
  const products = new Map(main.products.map((p) => [p.id, p]));
  const walkSeq = new Map(main.bins.map((b) => [b.code, b.walkSeq]));
  const task = main.tasks.find(
    (t) =>
      t.kind === 'pick' &&
      t.assignedTo === 'u-picker1' &&
      t.lines.length === 3 &&
      new Set(t.lines.map((l) => l.binCode)).size === 3 &&
      t.lines.some((l) => products.get(l.productId!)!.codes.some((c) => c.packLevel === 'case' && c.packQty <= l.qty!)),
  );
  if (!task) throw new Error('the demo warehouse lacks a pick list to test with');
  const lines = [...task.lines]
    .sort((a, b) => walkSeq.get(a.binCode!)! - walkSeq.get(b.binCode!)! || a.lineNo - b.lineNo)
    .map((line) => {
      const product = products.get(line.productId!)!;
      return { ...line, qty: line.qty!, binCode: line.binCode!, product, each: product.codes.find((c) => c.packLevel === 'each')!, case: product.codes.find((c) => c.packLevel === 'case' && c.packQty <= line.qty!) ?? null };
    });
  const strangers = main.products.filter((p) => !task.lines.some((l) => l.productId === p.id));
  const otherBin = main.bins.find((b) => !task.lines.some((l) => l.binCode === b.code))!;
  return { task, lines, wrongItem: strangers[0]!.codes[0]!, wrongBin: otherBin.code };
}

export const pickList = pickListForTest();

/** A count task of counter1's whose first bin (in walk order) holds stock that needs no lot label. */
function countTaskForTest() {
  const products = new Map(main.products.map((p) => [p.id, p]));
  const walkSeq = new Map(main.bins.map((b) => [b.code, b.walkSeq]));
  for (const task of main.tasks.filter((t) => t.kind === 'count' && t.assignedTo === 'u-counter1')) {
    const bins = [...task.lines].sort((a, b) => walkSeq.get(a.binCode!)! - walkSeq.get(b.binCode!)! || a.lineNo - b.lineNo);
    const first = bins[0]!;
    const stock = main.stock.filter((s) => s.binCode === first.binCode);
    const lotsOk = stock.every((s) => !products.get(s.productId)!.lotTracked || stock.filter((o) => o.productId === s.productId).length === 1);
    if (stock.length > 0 && stock[0]!.qty >= 4 && lotsOk) {
      return { task, binCode: first.binCode!, stock: stock.map((s) => ({ ...s, product: products.get(s.productId)!, each: products.get(s.productId)!.codes.find((c) => c.packLevel === 'each')! })) };
    }
  }
  throw new Error('the demo warehouse lacks a count task to test with');
}

export const countTask = countTaskForTest();

/** A one-line putaway task of picker1's of at least 2 units, with the bin the device should suggest. */
function putawayTaskForTest() {
  const products = new Map(main.products.map((p) => [p.id, p]));
  const task = main.tasks.find((t) => t.kind === 'putaway' && t.assignedTo === 'u-picker1' && t.lines.length === 1 && t.lines[0]!.qty! >= 2);
  if (!task) throw new Error('the demo warehouse lacks a putaway task to test with');
  const line = task.lines[0]!;
  const product = products.get(line.productId!)!;
  const bins = binsWithStock(main);
  const suggestion = suggestBin(product, line.lot ?? '', bins, 0);
  if (!suggestion) throw new Error('no bin to suggest for the test putaway');
  const otherBin = bins.find((b) => b.zone !== product.zone)!.code;
  const lotLabel = product.lotTracked ? `(01)${product.codes.find((c) => c.packLevel === 'each')!.gtin}(10)${line.lot}` : null;
  return { task, line, product, each: product.codes.find((c) => c.packLevel === 'each')!, lotLabel, suggestion, otherBin };
}

export const putawayTask = putawayTaskForTest();
