/**
 * Counting one bin. Each item scan is +1 (a case code: its pack quantity); a typed
 * quantity replaces the running count of that item, and a step of +1 or -1 changes it
 * (never below zero); an item the device did not expect in the bin is taken and
 * marked. On submit, a count too far from what the device expected (over both limits
 * of the warehouse's threshold) asks for one recount on the spot, of the lines that
 * differ only: their counts are cleared to be counted again, every other line keeps its
 * count (and can still be edited). The second submit is final and both counts are kept.
 * "The bin is empty" submits a count of nothing.
 */
import type { StockLine } from '../catalog/product';
import type { CountLine, CountOp, DeviationKind } from './operations';
import { needsRecount, type VarianceThreshold } from './variance';

export interface CountedItem {
  readonly productId: string;
  readonly lot: string;
  readonly expiry: string | null;
  readonly qty: number;
  readonly unexpected: boolean;
}

export interface CountSheet {
  readonly binCode: string;
  readonly taskId: string | null;
  readonly lineNo: number | null;
  readonly startedAt: string;
  /** What the device knew of the bin when counting started. */
  readonly book: readonly Pick<StockLine, 'productId' | 'lot' | 'expiry' | 'qty'>[];
  readonly items: readonly CountedItem[];
  /** The first count, once a recount was asked for; null before. */
  readonly firstCount: readonly CountedItem[] | null;
  /**
   * The lines asked again in the recount (those far off in the first count); absent
   * before a recount, and in a sheet kept by an app from before partial recounts, whose
   * recount cleared every line.
   */
  readonly recount?: readonly CountKey[];
}

/** An item of a bin's count: a product and its lot ('' when not lot-tracked). */
export interface CountKey {
  readonly productId: string;
  readonly lot: string;
}

export function startCount(binCode: string, task: { readonly taskId: string; readonly lineNo: number } | null, book: readonly StockLine[], startedAt: string): CountSheet {
  return { binCode, taskId: task?.taskId ?? null, lineNo: task?.lineNo ?? null, startedAt, book: book.map(({ productId, lot, expiry, qty }) => ({ productId, lot, expiry, qty })), items: [], firstCount: null };
}

export const sameItem = (a: CountKey, b: CountKey): boolean => a.productId === b.productId && a.lot === b.lot;

function withItem(sheet: CountSheet, item: Omit<CountedItem, 'qty' | 'unexpected'>, qtyOf: (current: number) => number): CountSheet {
  const current = sheet.items.find((i) => sameItem(i, item));
  const unexpected = !sheet.book.some((b) => sameItem(b, item));
  const next: CountedItem = { ...item, qty: qtyOf(current?.qty ?? 0), unexpected };
  return { ...sheet, items: current ? sheet.items.map((i) => (sameItem(i, item) ? next : i)) : [...sheet.items, next] };
}

/** One scan of an item: +1, or the pack quantity of a case or inner code. */
export function countScan(sheet: CountSheet, item: Omit<CountedItem, 'qty' | 'unexpected'>, packQty: number): CountSheet {
  return withItem(sheet, item, (current) => current + packQty);
}

/** A typed quantity replaces the running count of that item. */
export function setCount(sheet: CountSheet, item: Omit<CountedItem, 'qty' | 'unexpected'>, qty: number): CountSheet {
  return withItem(sheet, item, () => qty);
}

/** A tap on + or -: one unit more or less of that item, never below zero (a line stepped to zero stays, counted 0). */
export function stepCount(sheet: CountSheet, item: Omit<CountedItem, 'qty' | 'unexpected'>, delta: 1 | -1): CountSheet {
  return withItem(sheet, item, (current) => Math.max(0, current + delta));
}

/** The running count of an item on the sheet (0 when not counted yet). */
export const countOf = (sheet: CountSheet, item: CountKey): number => sheet.items.find((i) => sameItem(i, item))?.qty ?? 0;

/** Whether an item is one the recount asks again (every line, for a sheet from before partial recounts). */
export const askedAgain = (sheet: CountSheet, item: CountKey): boolean => sheet.firstCount !== null && (sheet.recount === undefined || sheet.recount.some((k) => sameItem(k, item)));

/** The items far off what the device expected: those a recount asks again. */
export function farOffItems(sheet: CountSheet, threshold: VarianceThreshold): CountKey[] {
  const keys = [...sheet.book, ...sheet.items].filter((k, i, all) => all.findIndex((o) => sameItem(o, k)) === i);
  return keys
    .filter((key) => needsRecount(sheet.book.filter((b) => sameItem(b, key)).reduce((sum, b) => sum + b.qty, 0), countOf(sheet, key), threshold))
    .map(({ productId, lot }) => ({ productId, lot }));
}

export type SubmitOutcome = { readonly kind: 'recount'; readonly sheet: CountSheet; readonly itemsOff: number } | { readonly kind: 'count'; readonly op: CountOp };

/**
 * Submits the bin: asks for a recount once when the count is far off (of the far-off
 * lines only: their counts are cleared, the others kept), else makes the count operation.
 */
export function submitCount(sheet: CountSheet, threshold: VarianceThreshold, deviations: readonly DeviationKind[] = []): SubmitOutcome {
  const farOff = sheet.firstCount === null ? farOffItems(sheet, threshold) : [];
  if (farOff.length > 0) {
    return {
      kind: 'recount',
      sheet: { ...sheet, firstCount: sheet.items, items: sheet.items.filter((i) => !farOff.some((k) => sameItem(k, i))), recount: farOff },
      itemsOff: farOff.length,
    };
  }
  const lines: CountLine[] = sheet.items.map((item) => ({
    productId: item.productId,
    lot: item.lot,
    expiry: item.expiry,
    counted: item.qty,
    firstCount: sheet.firstCount === null ? null : (sheet.firstCount.find((f) => sameItem(f, item))?.qty ?? 0),
    unexpected: item.unexpected,
  }));
  // An item counted the first time but not the second is a count of zero, with its first count kept.
  for (const first of sheet.firstCount ?? []) {
    if (!sheet.items.some((i) => sameItem(i, first))) lines.push({ productId: first.productId, lot: first.lot, expiry: first.expiry, counted: 0, firstCount: first.qty, unexpected: first.unexpected });
  }
  return { kind: 'count', op: { type: 'count', taskId: sheet.taskId, lineNo: sheet.lineNo, binCode: sheet.binCode, startedAt: sheet.startedAt, bookAtStart: sheet.book, lines, deviations } };
}

/** "The bin is empty": a count of nothing, submitted at once. */
export function emptyBinCount(sheet: CountSheet, deviations: readonly DeviationKind[] = []): CountOp {
  return { type: 'count', taskId: sheet.taskId, lineNo: sheet.lineNo, binCode: sheet.binCode, startedAt: sheet.startedAt, bookAtStart: sheet.book, lines: [], deviations };
}

/** Units the device believed the bin holds when counting started. */
export const bookUnits = (sheet: CountSheet): number => sheet.book.reduce((sum, line) => sum + Math.max(0, line.qty), 0);
