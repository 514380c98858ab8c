/**
 * Counting, as a state machine (see flow.ts for what every machine keeps): a count
 * task's bins in walk order, or a spot count of any bin. One bin is counted at a time
 * on a device (the count being worked is this machine's state, kept on the device
 * with every scan). Each item scan is +1 (a case: its pack); a typed quantity replaces
 * the count of the item last scanned or chosen on the list, which the screen names; +
 * and - step an item's count by one; submitting asks for one recount of the lines far
 * off; "bin is empty" records a count of nothing.
 *
 * Invariants of this machine:
 * - A typed quantity applies to the item last scanned or chosen (the tap names it),
 *   never to whichever item happens to be last in the list.
 * - + and - name the item they were tapped for; a count never goes below zero. They
 *   are edits of the running count, like a scan: nothing is recorded until submit.
 * - A recount asks again only for the lines far off; the others keep their counts.
 * - A bin of a count task is submitted once per count attempt: the submitted count
 *   and the cleared count sheet are written together, and the device refuses a second
 *   count of a line already counted (until that count is undone).
 * - "Bin is empty" on a bin the device believed holds stock, or a typed quantity over
 *   the warehouse's per-step limit, asks for confirmation and is recorded as a deviation.
 * - An expiry on a product that does not track expiry is ignored.
 */
import type { Product } from '../catalog/product';
import { bookUnits, countScan, emptyBinCount, sameItem as sameKey, setCount, startCount, stepCount, submitCount, type CountSheet } from './countSheet';
import { checkQuantity } from './quantity';
import { missingLotFacts } from './lotEntry';
import type { DeviationKind } from './operations';
import type { WarehouseSettings } from './warehouseSettings';
import { fail, failNote, ignore, record, say, type DeviationQuestion, type FlowBase, type SharedNote, type ScannedCode, type Transition } from './flow';

export interface CountItemKey {
  readonly productId: string;
  readonly lot: string;
  readonly expiry: string | null;
}

export interface CountContext {
  /** null: a spot count. */
  readonly taskId: string | null;
  /** The task's bins in walk order, with whether each was counted here; null for a spot count. */
  readonly bins: readonly { readonly lineNo: number; readonly binCode: string; readonly counted: boolean }[] | null;
  readonly finished: boolean;
  readonly lastOpId: string | null;
  readonly settings: WarehouseSettings;
  /** Names of the products on the sheet, for the words of an answer. */
  readonly productName: (productId: string) => string;
  /** ISO date of `startedAt` values: the moment a bin's count starts. */
  readonly now: string;
}

type CountPending = { readonly kind: 'set'; readonly item: CountItemKey; readonly qty: number; readonly productName: string } | { readonly kind: 'empty' };

export interface CountState extends FlowBase {
  /** The bin being counted on this device (of this task or another, or a spot count); null between bins. */
  readonly sheet: CountSheet | null;
  readonly lastItem: CountItemKey | null;
  /** An item scanned whose lot or expiry must still be typed (its label has no GS1 code). */
  readonly asking: { readonly product: Product; readonly packQty: number; readonly lot: string | null; readonly expiry: string | null } | null;
  readonly question: DeviationQuestion<CountPending> | null;
  /** Deviations confirmed while counting this bin, carried by its count. */
  readonly deviations: readonly DeviationKind[];
}

export type CountEvent =
  | { readonly type: 'scan'; readonly code: ScannedCode }
  | { readonly type: 'quantity'; readonly item: CountItemKey; readonly text: string }
  /** A line of the sheet (counted, expected, or asked again) chosen, so the quantity and the steppers are for it. */
  | { readonly type: 'select'; readonly item: CountItemKey }
  /** + or - on an item's count. */
  | { readonly type: 'step'; readonly item: CountItemKey; readonly delta: 1 | -1 }
  | { readonly type: 'lot'; readonly lot: string | null; readonly expiry: string | null }
  | { readonly type: 'submit'; readonly binCode: string }
  | { readonly type: 'empty'; readonly binCode: string }
  | { readonly type: 'discard'; readonly binCode: string }
  | { readonly type: 'undo'; readonly opId: string }
  | { readonly type: 'finish' }
  | { readonly type: 'confirm' }
  | { readonly type: 'cancel' };

export type CountNote =
  | { readonly kind: 'bin-started'; readonly bin: string }
  | { readonly kind: 'bin-confirmed'; readonly bin: string }
  | { readonly kind: 'counted'; readonly qty: number; readonly productName: string }
  | { readonly kind: 'lot-needed'; readonly productName: string }
  | { readonly kind: 'set'; readonly qty: number; readonly productName: string }
  | { readonly kind: 'recount'; readonly itemsOff: number }
  | { readonly kind: 'saved-counted'; readonly bin: string }
  | { readonly kind: 'saved-empty'; readonly bin: string }
  | { readonly kind: 'discarded'; readonly bin: string }
  | { readonly kind: 'undone' }
  | { readonly kind: 'finished' }
  | { readonly kind: 'elsewhere'; readonly bin: string }
  | { readonly kind: 'scan-bin-first'; readonly bin: string | null }
  | { readonly kind: 'wrong-bin'; readonly scanned: string; readonly expected: string }
  | { readonly kind: 'all-counted' }
  | { readonly kind: 'finish-bin-first'; readonly bin: string }
  | { readonly kind: 'scan-item-first' }
  | SharedNote<CountPending>;

type CountTransition = Transition<CountState, CountNote>;

export function startCounting(flowId: string): CountState {
  return { flowId, stepNo: 0, sheet: null, lastItem: null, asking: null, question: null, deviations: [] };
}

/** The sheet when it belongs to the task (or spot count) on screen; null when none or another's. */
export const sheetOf = (state: CountState, context: CountContext): CountSheet | null => (state.sheet !== null && state.sheet.taskId === context.taskId ? state.sheet : null);

const nextBin = (context: CountContext) => context.bins?.find((b) => !b.counted) ?? null;
const between = (state: CountState): CountState => ({ ...state, sheet: null, lastItem: null, asking: null, question: null, deviations: [] });

export function countStep(state: CountState, context: CountContext, event: CountEvent): CountTransition {
  const sheet = sheetOf(state, context);
  switch (event.type) {
    case 'scan':
      return scan(state, context, event.code);
    case 'quantity':
      return typed(state, context, event.item, event.text);
    case 'select':
      if (sheet === null || state.question || state.asking || !onSheet(sheet, event.item)) return ignore(state);
      return ignore({ ...state, lastItem: itemOnSheet(sheet, event.item) });
    case 'step': {
      if (sheet === null || state.question || state.asking || !onSheet(sheet, event.item)) return ignore(state);
      const item = itemOnSheet(sheet, event.item);
      return ignore({ ...state, sheet: stepCount(sheet, item, event.delta), lastItem: item });
    }
    case 'lot': {
      if (sheet === null || state.asking === null || state.question) return ignore(state);
      const { product, packQty } = state.asking;
      const lot = product.lotTracked ? (event.lot ?? state.asking.lot) : '';
      const expiry = product.expiryTracked ? (event.expiry ?? state.asking.expiry) : null;
      const missing = missingLotFacts(product, { lot, expiry });
      if (missing.lot) return fail(state, { code: 'lot-empty' });
      if (missing.expiry) return fail(state, { code: 'expiry-empty' });
      return counted({ ...state, asking: null }, sheet, product, lot ?? '', expiry, packQty);
    }
    case 'submit': {
      if (sheet === null || sheet.binCode !== event.binCode || state.question) return ignore(state);
      const outcome = submitCount(sheet, context.settings.recountThreshold, state.deviations);
      if (outcome.kind === 'recount') return say({ ...state, sheet: outcome.sheet, lastItem: null, asking: null }, { kind: 'recount', itemsOff: outcome.itemsOff }, 'deviation');
      return record(between(state), { op: outcome.op, clearsCount: true }, { kind: 'saved-counted', bin: sheet.binCode });
    }
    case 'empty': {
      if (sheet === null || sheet.binCode !== event.binCode || state.question) return ignore(state);
      const held = bookUnits(sheet);
      if (held > 0) {
        const question: DeviationQuestion<CountPending> = { deviations: ['empty-bin-held-stock'], pending: { kind: 'empty' }, facts: { bin: sheet.binCode, unitsHeld: held } };
        return say({ ...state, question }, { kind: 'confirm-deviation', question }, 'deviation');
      }
      return record(between(state), { op: emptyBinCount(sheet, state.deviations), clearsCount: true }, { kind: 'saved-empty', bin: sheet.binCode });
    }
    case 'discard':
      if (state.sheet === null || state.sheet.binCode !== event.binCode || state.question) return ignore(state);
      return say(between(state), { kind: 'discarded', bin: event.binCode });
    case 'undo':
      if (state.sheet !== null || event.opId !== context.lastOpId || context.finished || context.taskId === null) return ignore(state);
      return record(state, { op: { type: 'undo', undoesOpId: event.opId } }, { kind: 'undone' });
    case 'finish':
      if (state.sheet !== null || context.finished || context.taskId === null || nextBin(context) !== null) return ignore(state);
      return record(state, { op: { type: 'task-finished', taskId: context.taskId } }, { kind: 'finished' });
    case 'confirm': {
      const question = state.question;
      if (sheet === null || question === null) return ignore(state);
      const deviations = [...new Set([...state.deviations, ...question.deviations])];
      if (question.pending.kind === 'empty') return record(between(state), { op: emptyBinCount(sheet, deviations), clearsCount: true }, { kind: 'saved-empty', bin: sheet.binCode }, 'deviation');
      const { item, qty, productName } = question.pending;
      return say({ ...state, question: null, deviations, sheet: setCount(sheet, item, qty), lastItem: item }, { kind: 'set', qty, productName }, 'deviation');
    }
    case 'cancel':
      return state.question ? say({ ...state, question: null }, { kind: 'cancelled' }) : ignore(state);
  }
}

function scan(state: CountState, context: CountContext, code: ScannedCode): CountTransition {
  if (context.finished) return fail(state, { code: 'task-finished' });
  if (state.question) return failNote(state, { kind: 'answer-first' });
  if (code.kind === 'invalid' || code.kind === 'unknown-product') return fail(state, code.why);
  const sheet = sheetOf(state, context);
  if (sheet === null) {
    if (state.sheet !== null) return failNote(state, { kind: 'elsewhere', bin: state.sheet.binCode });
    const next = nextBin(context);
    if (code.kind === 'product') return failNote(state, { kind: 'scan-bin-first', bin: next?.binCode ?? null });
    const binCode = code.kind === 'bin' ? code.bin.code : code.binCode;
    if (context.bins !== null) {
      if (next === null) return failNote(state, { kind: 'all-counted' });
      if (next.binCode !== binCode) return code.kind === 'unknown-bin' ? fail(state, { code: 'no-such-bin', bin: binCode }) : failNote(state, { kind: 'wrong-bin', scanned: binCode, expected: next.binCode });
    }
    if (code.kind === 'unknown-bin') return fail(state, { code: 'no-such-bin', bin: binCode });
    const task = next && context.taskId !== null ? { taskId: context.taskId, lineNo: next.lineNo } : null;
    return say({ ...between(state), sheet: startCount(code.bin.code, task, code.bin.stock, context.now) }, { kind: 'bin-started', bin: code.bin.code });
  }
  if (code.kind === 'bin') return code.bin.code === sheet.binCode ? say(state, { kind: 'bin-confirmed', bin: sheet.binCode }) : failNote(state, { kind: 'finish-bin-first', bin: sheet.binCode });
  if (code.kind === 'unknown-bin') return fail(state, { code: 'no-such-bin', bin: code.binCode });
  const { product, packQty, gs1 } = code;
  // The lot: from the GS1 label, else the one lot of this product the bin holds; else asked.
  const bookLots = sheet.book.filter((b) => b.productId === product.id);
  const lot = !product.lotTracked ? '' : (gs1?.lot ?? (bookLots.length === 1 ? bookLots[0]!.lot : null));
  const known = [...sheet.items, ...sheet.book].find((b) => b.productId === product.id && b.lot === lot);
  const expiry = product.expiryTracked ? (gs1?.expiry ?? known?.expiry ?? null) : null;
  const missing = missingLotFacts(product, { lot, expiry });
  if (missing.lot || missing.expiry) return say({ ...state, asking: { product, packQty, lot, expiry } }, { kind: 'lot-needed', productName: product.name });
  return counted({ ...state, asking: null }, sheet, product, lot ?? '', expiry, packQty);
}

function counted(state: CountState, sheet: CountSheet, product: Product, lot: string, expiry: string | null, packQty: number): CountTransition {
  const item = { productId: product.id, lot, expiry };
  return say({ ...state, sheet: countScan(sheet, item, packQty), lastItem: item }, { kind: 'counted', qty: packQty, productName: product.name });
}

const sameItem = (a: CountItemKey, b: CountItemKey) => sameKey(a, b);

/** An item the sheet knows: counted, in the book, in the first count or asked again. */
const onSheet = (sheet: CountSheet, item: CountItemKey) => [...sheet.items, ...sheet.book, ...(sheet.firstCount ?? []), ...(sheet.recount ?? [])].some((k) => sameKey(k, item));

/** The item with the expiry the sheet holds for it (the tap may not carry one). */
function itemOnSheet(sheet: CountSheet, item: CountItemKey): CountItemKey {
  const known = [...sheet.items, ...(sheet.firstCount ?? []), ...sheet.book].find((k) => sameKey(k, item));
  return { productId: item.productId, lot: item.lot, expiry: known?.expiry ?? item.expiry };
}

function typed(state: CountState, context: CountContext, item: CountItemKey, text: string): CountTransition {
  const sheet = sheetOf(state, context);
  if (state.question) return ignore(state);
  if (sheet === null || state.lastItem === null) return failNote(state, { kind: 'scan-item-first' });
  // The quantity is for the item the screen named when the worker typed; another item scanned since is a stale tap.
  if (!sameItem(item, state.lastItem)) return ignore(state);
  const qty = checkQuantity(text, { max: null, allowZero: true });
  if (!qty.ok) return fail(state, qty.why);
  const productName = context.productName(item.productId);
  if (qty.qty > context.settings.stepLimit) {
    const question: DeviationQuestion<CountPending> = { deviations: ['over-step-limit'], pending: { kind: 'set', item: state.lastItem, qty: qty.qty, productName }, facts: { qty: qty.qty, limit: context.settings.stepLimit } };
    return say({ ...state, question }, { kind: 'confirm-deviation', question }, 'deviation');
  }
  return say({ ...state, sheet: setCount(sheet, state.lastItem, qty.qty) }, { kind: 'set', qty: qty.qty, productName });
}
