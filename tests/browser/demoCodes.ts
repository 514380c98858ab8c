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
  // The label a receiver scans: GTIN, expiry a year ahead and the lot.
  const expiry = `${String(new Date().getUTCFullYear() + 1).slice(2)}0630`;
  const lotLabel = product.lotTracked ? `(01)${product.codes.find((c) => c.packLevel === 'each')!.gtin}(17)${expiry}(10)${line.lot}` : null;
  return { task, line, product, each: product.codes.find((c) => c.packLevel === 'each')!, lotLabel, suggestion, otherBin };
}

export const putawayTask = putawayTaskForTest();

/** A lot- and expiry-tracked product, with the bin the device suggests for a new lot of it and an empty bin to spot count. */
function lotProductForTest() {
  const bins = binsWithStock(main);
  const product = main.products.find((p) => p.lotTracked && p.expiryTracked && p.codes.some((c) => c.packLevel === 'each') && suggestBin(p, 'TYPED-1', bins, 0) !== null);
  if (!product) throw new Error('the demo warehouse lacks a lot-tracked product with room in its zone');
  const suggestion = suggestBin(product, 'TYPED-1', bins, 0)!;
  const emptyBin = bins.find((b) => b.stock.length === 0 && b.code !== suggestion.binCode)!.code;
  return { product, each: product.codes.find((c) => c.packLevel === 'each')!, suggestion, emptyBin };
}

export const lotProduct = lotProductForTest();

/** A pick list nobody is assigned to, with its first line in walk order. */
export const openPickList = (() => {
  const walkSeq = new Map(main.bins.map((b) => [b.code, b.walkSeq]));
  const task = main.tasks.find((t) => t.kind === 'pick' && t.assignedTo === null);
  if (!task) throw new Error('the demo warehouse lacks an open pick list');
  const first = [...task.lines].sort((a, b) => walkSeq.get(a.binCode!)! - walkSeq.get(b.binCode!)! || a.lineNo - b.lineNo)[0]!;
  return { task, firstBin: first.binCode! };
})();

/**
 * For a count on one device while another picks from the same bin: a pick list of
 * picker1's whose first line (in walk order) is the only product of its bin, untracked,
 * with at least 2 to pick; and another bin holding one untracked product, to count far
 * off. Two such scenarios, each with its own bins.
 */
export const countWhilePicking = (() => {
  const products = new Map(main.products.map((p) => [p.id, p]));
  const walkSeq = new Map(main.bins.map((b) => [b.code, b.walkSeq]));
  const stockOf = (bin: string) => main.stock.filter((s) => s.binCode === bin);
  // Counted by scanning each product once and typing its quantity: one lot per product, so no lot to ask for.
  const countable = (bin: string, most: number) => {
    const lines = stockOf(bin);
    return lines.length > 0 && lines.length <= most && new Set(lines.map((s) => s.productId)).size === lines.length;
  };
  const used = new Set<string>([...pickList.task.lines.map((l) => l.binCode!), countTask.binCode, demo.bin.code]);
  const scenarios = [];
  for (const task of main.tasks.filter((t) => t.kind === 'pick' && t.assignedTo === 'u-picker1' && t.id !== pickList.task.id)) {
    const first = [...task.lines].sort((a, b) => walkSeq.get(a.binCode!)! - walkSeq.get(b.binCode!)! || a.lineNo - b.lineNo)[0]!;
    if (first.qty! < 2 || used.has(first.binCode!) || !countable(first.binCode!, 7)) continue;
    const other = main.bins.find((b) => !used.has(b.code) && b.code !== first.binCode && countable(b.code, 2))!;
    used.add(first.binCode!).add(other.code);
    task.lines.forEach((l) => used.add(l.binCode!));
    const linesOf = (bin: string) => stockOf(bin).map((s) => ({ product: products.get(s.productId)!, each: products.get(s.productId)!.codes.find((c) => c.packLevel === 'each')!, book: s.qty }));
    scenarios.push({ task, pickBin: first.binCode!, pickedProductId: first.productId!, pickLines: linesOf(first.binCode!), farBin: other.code, farLines: linesOf(other.code) });
    if (scenarios.length === 2) break;
  }
  if (scenarios.length < 2) throw new Error('the demo warehouse lacks two count-while-picking scenarios');
  return scenarios;
})();

/** A pick list of picker1's (not the ones above) with a line of a lot-tracked product, for a label whose lot is not in the bin. */
export const lotPickList = (() => {
  const products = new Map(main.products.map((p) => [p.id, p]));
  const walkSeq = new Map(main.bins.map((b) => [b.code, b.walkSeq]));
  for (const task of main.tasks.filter((t) => t.kind === 'pick' && t.assignedTo === 'u-picker1' && t.id !== pickList.task.id && !countWhilePicking.some((s) => s.task.id === t.id))) {
    const walk = [...task.lines].sort((a, b) => walkSeq.get(a.binCode!)! - walkSeq.get(b.binCode!)! || a.lineNo - b.lineNo);
    const at = walk.findIndex((l) => products.get(l.productId!)!.lotTracked);
    if (at === -1) continue;
    const product = products.get(walk[at]!.productId!)!;
    // `before`: lines ahead of it in walk order, which the test closes short to get there.
    return { task, line: walk[at]!, before: at, product, each: product.codes.find((c) => c.packLevel === 'each')! };
  }
  throw new Error('the demo warehouse lacks a pick list with a lot-tracked product');
})();

/** A bin holding exactly two products, one lot each, for a spot count that scans A, B, A. */
export const twoProductBin = (() => {
  const products = new Map(main.products.map((p) => [p.id, p]));
  const busy = new Set([...pickList.task.lines.map((l) => l.binCode!), countTask.binCode, demo.bin.code, ...countWhilePicking.flatMap((s) => [s.pickBin, s.farBin]), lotPickList.line.binCode!]);
  for (const bin of main.bins) {
    if (busy.has(bin.code)) continue;
    const lines = main.stock.filter((s) => s.binCode === bin.code && s.qty > 0);
    if (lines.length !== 2 || lines[0]!.productId === lines[1]!.productId) continue;
    const [a, b] = lines.map((s) => ({ ...s, product: products.get(s.productId)!, each: products.get(s.productId)!.codes.find((c) => c.packLevel === 'each') }));
    if (a!.each && b!.each && a!.qty >= 3 && b!.qty >= 3) return { binCode: bin.code, a: { ...a!, each: a!.each }, b: { ...b!, each: b!.each } };
  }
  throw new Error('the demo warehouse lacks a bin with two products to count');
})();

/**
 * A pick made before a count but synced after it: a pick list of picker1's whose first
 * line (in walk order) takes 3 from a bin whose book of that product is small enough
 * that 3 is far off (over 2 units and 5 %), the bin countable by scanning each product
 * once (one lot each, no lot to type).
 */
export const pickBeforeCount = (() => {
  const products = new Map(main.products.map((p) => [p.id, p]));
  const walkSeq = new Map(main.bins.map((b) => [b.code, b.walkSeq]));
  const used = new Set<string>([...pickList.task.lines.map((l) => l.binCode!), countTask.binCode, demo.bin.code, ...countWhilePicking.flatMap((s) => [s.pickBin, s.farBin]), lotPickList.line.binCode!, twoProductBin.binCode]);
  const taken = new Set([pickList.task.id, lotPickList.task.id, ...countWhilePicking.map((s) => s.task.id)]);
  for (const task of main.tasks.filter((t) => t.kind === 'pick' && t.assignedTo === 'u-picker1' && !taken.has(t.id))) {
    const first = [...task.lines].sort((a, b) => walkSeq.get(a.binCode!)! - walkSeq.get(b.binCode!)! || a.lineNo - b.lineNo)[0]!;
    if (first.qty! < 3 || used.has(first.binCode!)) continue;
    const stock = main.stock.filter((s) => s.binCode === first.binCode);
    if (stock.length > 9 || new Set(stock.map((s) => s.productId)).size !== stock.length) continue;
    const book = stock.find((s) => s.productId === first.productId)?.qty ?? 0;
    if (book < 3 || book >= 60) continue;
    const lines = stock.map((s) => ({ product: products.get(s.productId)!, each: products.get(s.productId)!.codes.find((c) => c.packLevel === 'each')!, book: s.qty }));
    if (lines.some((l) => !l.each || (l.product.expiryTracked && !stock.find((s) => s.productId === l.product.id)?.expiry))) continue;
    return { task, bin: first.binCode!, productId: first.productId!, lines };
  }
  throw new Error('the demo warehouse lacks a pick-before-count scenario');
})();

/**
 * picker1's pick lists as the list shows them: earliest due first (the seed's due times
 * are the same quarter hours after its clock whenever it runs, so the order is too).
 */
export const pickerListsByDue = main.tasks
  .filter((t) => t.kind === 'pick' && t.assignedTo === 'u-picker1')
  .sort((a, b) => Date.parse(a.dueAt!) - Date.parse(b.dueAt!) || a.id.localeCompare(b.id))
  .map((t) => t.reference);
