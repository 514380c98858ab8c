/**
 * Putting away, as a state machine (see flow.ts for what every machine keeps): from a
 * putaway task line by line, or ad hoc (no task: any product). Scan the item (on a
 * task a wrong item is refused; lot and expiry from a GS1 label or the task, else
 * typed), see the quantity and the suggested bin, then scan the suggested bin or
 * override it by scanning another (the override is recorded). A smaller quantity
 * leaves the rest on the task line.
 *
 * Invariants of this machine:
 * - The quantity in hand applies to the item in hand, which the screen names.
 * - A task line never goes above its quantity; more units than the warehouse's
 *   per-step limit (ad hoc too) ask for confirmation and are recorded as a deviation.
 * - An expired lot is refused; an expiry on a product that does not track it is ignored.
 * - Undo takes back the last putaway, ad hoc ones included.
 */
import type { Product } from '../catalog/product';
import { isExpired } from './fefo';
import { checkQuantity } from './quantity';
import { missingLotFacts } from './lotEntry';
import type { PutawayOp } from './operations';
import type { BinSuggestion } from './suggestBin';
import { fail, failNote, ignore, record, say, type DeviationQuestion, type FlowBase, type SharedNote, type ScannedCode, type Transition } from './flow';

export interface PutawayLineAtHand {
  readonly lineNo: number;
  /** The bin the task suggests, if any. */
  readonly binCode: string | null;
  readonly product: Product | null;
  readonly lot: string | null;
  readonly needed: number;
  readonly done: number;
  readonly walkSeq: number | null;
}

export interface PutawayContext {
  /** null: ad hoc. */
  readonly taskId: string | null;
  /** The task's lines in walk order; null ad hoc. */
  readonly lines: readonly PutawayLineAtHand[] | null;
  readonly finished: boolean;
  /** The last step Undo takes back: the task's, or ad hoc the worker's last putaway without a task. */
  readonly lastOpId: string | null;
  readonly today: string;
  readonly stepLimit: number;
}

/** What the device looked up for an item before the machine decides: the expiry a lot already has here, and where it should go. */
export interface ItemFacts {
  readonly knownExpiry: string | null;
  readonly suggestion: BinSuggestion | null;
}

export interface ItemInHand {
  /** The task line; null ad hoc. */
  readonly lineNo: number | null;
  readonly product: Product;
  readonly lot: string | null;
  readonly expiry: string | null;
  /** True until the lot or expiry the product tracks is known. */
  readonly asking: boolean;
  readonly suggestion: BinSuggestion | null;
}

export interface PutawayState extends FlowBase {
  readonly item: ItemInHand | null;
  /** The quantity field, for the item in hand. */
  readonly qtyText: string;
  readonly question: DeviationQuestion<PutawayOp> | null;
}

export type PutawayEvent =
  | { readonly type: 'scan'; readonly code: ScannedCode; readonly facts: ItemFacts | null }
  | { readonly type: 'lot'; readonly lot: string | null; readonly expiry: string | null; readonly facts: ItemFacts | null }
  | { readonly type: 'edit-quantity'; readonly text: string }
  | { readonly type: 'undo'; readonly opId: string }
  | { readonly type: 'finish' }
  | { readonly type: 'confirm' }
  | { readonly type: 'cancel' };

export type PutawayNote =
  | { readonly kind: 'item-taken'; readonly productName: string }
  | { readonly kind: 'lot-needed'; readonly productName: string }
  | { readonly kind: 'saved'; readonly qty: number; readonly unit: string; readonly bin: string; readonly overrideOf: string }
  | { readonly kind: 'every-line-done' }
  | { readonly kind: 'product-not-on-device' }
  | { readonly kind: 'scan-item-first'; readonly productName: string | null }
  | { readonly kind: 'answer-lot-first'; readonly productName: string }
  | { readonly kind: 'undone' }
  | { readonly kind: 'finished' }
  | SharedNote<PutawayOp>;

type PutawayTransition = Transition<PutawayState, PutawayNote>;

export function startPutaway(flowId: string): PutawayState {
  return { flowId, stepNo: 0, item: null, qtyText: '', question: null };
}

export const currentPutawayLine = (context: PutawayContext): PutawayLineAtHand | null => context.lines?.find((line) => line.done < line.needed) ?? null;

/** The item in hand when it belongs to the line on screen (ad hoc: always). */
export const itemInHand = (state: PutawayState, context: PutawayContext): ItemInHand | null =>
  state.item !== null && (context.lines === null || state.item.lineNo === currentPutawayLine(context)?.lineNo) ? state.item : null;

/**
 * The product and lot a product scan stands for here, before any look-up: the device
 * looks up the lot's known expiry and a bin suggestion for it, then the machine decides.
 */
export function itemOfScan(context: PutawayContext, code: ScannedCode): { readonly product: Product; readonly lot: string | null } | null {
  if (code.kind !== 'product') return null;
  const gs1Lot = code.gs1?.lot ?? null;
  if (context.lines !== null) {
    const line = currentPutawayLine(context);
    if (line === null || line.product === null || line.product.id !== code.product.id) return null;
    return { product: line.product, lot: line.product.lotTracked ? (gs1Lot ?? line.lot ?? null) : '' };
  }
  return { product: code.product, lot: code.product.lotTracked ? gs1Lot : '' };
}

export function putawayStep(state: PutawayState, context: PutawayContext, event: PutawayEvent): PutawayTransition {
  switch (event.type) {
    case 'scan':
      return scan(state, context, event.code, event.facts);
    case 'lot': {
      const item = itemInHand(state, context);
      if (item === null || !item.asking || state.question) return ignore(state);
      const qty = Number(state.qtyText) || 1;
      return takeItem(state, context, item.lineNo, item.product, event.lot ?? item.lot, event.expiry ?? item.expiry, qty, event.facts);
    }
    case 'edit-quantity':
      return state.question ? ignore(state) : { state: { ...state, qtyText: event.text }, record: null, feedback: null };
    case 'undo':
      if (state.question || event.opId !== context.lastOpId || context.finished) return ignore(state);
      return record({ ...state, item: null, qtyText: '' }, { op: { type: 'undo', undoesOpId: event.opId } }, { kind: 'undone' });
    case 'finish':
      if (state.question || context.finished || context.taskId === null || currentPutawayLine(context) !== null) return ignore(state);
      return record(state, { op: { type: 'task-finished', taskId: context.taskId } }, { kind: 'finished' });
    case 'confirm':
      if (!state.question) return ignore(state);
      return putAway({ ...state, question: null }, { ...state.question.pending, deviations: state.question.deviations }, state.item!, 'deviation');
    case 'cancel':
      return state.question ? say({ ...state, question: null }, { kind: 'cancelled' }) : ignore(state);
  }
}

function scan(state: PutawayState, context: PutawayContext, code: ScannedCode, facts: ItemFacts | null): PutawayTransition {
  if (context.finished) return fail(state, { code: 'task-finished' });
  if (state.question) return failNote(state, { kind: 'answer-first' });
  if (code.kind === 'invalid' || code.kind === 'unknown-product') return fail(state, code.why);
  const line = currentPutawayLine(context);
  if (context.lines !== null && line === null) return failNote(state, { kind: 'every-line-done' });
  if (code.kind === 'product') {
    if (line !== null) {
      if (line.product === null) return failNote(state, { kind: 'product-not-on-device' });
      if (line.product.id !== code.product.id) return fail(state, { code: 'wrong-item', expected: line.product.name });
    }
    const item = itemOfScan(context, code)!;
    const qty = line !== null ? line.needed - line.done : (code.gs1?.count ?? code.packQty);
    return takeItem(state, context, line?.lineNo ?? null, item.product, item.lot, code.gs1?.expiry ?? null, qty, facts);
  }
  const held = itemInHand(state, context);
  if (held === null) return failNote(state, { kind: 'scan-item-first', productName: line?.product?.name ?? null });
  if (held.asking) return failNote(state, { kind: 'answer-lot-first', productName: held.product.name });
  if (code.kind === 'unknown-bin') return fail(state, { code: 'no-such-bin', bin: code.binCode });
  const qty = checkQuantity(state.qtyText, { max: line !== null ? line.needed - line.done : null, allowZero: false });
  if (!qty.ok) return fail(state, qty.why);
  const op: PutawayOp = {
    type: 'putaway',
    taskId: context.taskId,
    lineNo: held.lineNo,
    binCode: code.bin.code,
    productId: held.product.id,
    lot: held.lot ?? '',
    expiry: held.product.expiryTracked ? held.expiry : null,
    qty: qty.qty,
    suggestedBinCode: held.suggestion?.binCode ?? null,
    deviations: [],
  };
  if (qty.qty > context.stepLimit) {
    const question: DeviationQuestion<PutawayOp> = { deviations: ['over-step-limit'], pending: op, facts: { qty: qty.qty, limit: context.stepLimit, bin: code.bin.code } };
    return say({ ...state, question }, { kind: 'confirm-deviation', question }, 'deviation');
  }
  return putAway(state, op, held, 'ok');
}

/** The item is known: with its lot and expiry it gets a suggested bin; without them it is asked for them. */
function takeItem(state: PutawayState, context: PutawayContext, lineNo: number | null, product: Product, lot: string | null, given: string | null, qty: number, facts: ItemFacts | null): PutawayTransition {
  // An expiry on a product that does not track it is ignored; a lot already here keeps the expiry it has.
  const expiry = product.expiryTracked ? (given ?? facts?.knownExpiry ?? null) : null;
  const missing = missingLotFacts(product, { lot, expiry });
  if (missing.lot || missing.expiry) {
    return say({ ...state, item: { lineNo, product, lot, expiry, asking: true, suggestion: null }, qtyText: String(qty) }, { kind: 'lot-needed', productName: product.name });
  }
  if (isExpired(expiry, context.today)) return fail(state, { code: 'lot-expired', lot: lot ?? '', expiry: expiry ?? '' });
  const line = lineNo === null ? null : context.lines?.find((l) => l.lineNo === lineNo);
  const suggestion: BinSuggestion | null = line?.binCode ? { binCode: line.binCode, reason: 'holds-product' } : (facts?.suggestion ?? null);
  return say({ ...state, item: { lineNo, product, lot, expiry, asking: false, suggestion }, qtyText: String(qty) }, { kind: 'item-taken', productName: product.name });
}

function putAway(state: PutawayState, op: PutawayOp, held: ItemInHand, tone: 'ok' | 'deviation'): PutawayTransition {
  const overrideOf = held.suggestion !== null && held.suggestion.binCode !== op.binCode ? held.suggestion.binCode : '';
  return record({ ...state, item: null, qtyText: '' }, { op }, { kind: 'saved', qty: op.qty, unit: held.product.unit, bin: op.binCode, overrideOf }, tone);
}
