/**
 * Picking one list, as a state machine (see flow.ts for what every machine keeps).
 * Lines in walk order; the current line is the first still open. Scan its bin, then
 * its item (each scan the code's pack quantity), or type a quantity for it; close it
 * short with a reason; undo the last step; finish when every line is closed.
 *
 * Invariants of this machine:
 * - A line never goes above its quantity: a scan or typed quantity over what is left
 *   is refused (and the device checks it again in the step's own transaction).
 * - A tap names the line or step it was meant for, as the screen showed it; a tap for
 *   another, or for a line whose count changed since (the second tap of a double tap),
 *   is ignored, never applied again or to the next line.
 * - A lot not in the bin, a lot other than the first-expiring one, or more units than
 *   the warehouse's per-step limit ask for confirmation and are recorded as deviations.
 */
import type { Product, StockLine } from '../catalog/product';
import { checkQuantity } from './quantity';
import { lotToPick } from './pickLine';
import type { DeviationKind, PickOp, ShortReason } from './operations';
import { fail, failNote, ignore, record, say, unitsHeld, type DeviationQuestion, type FlowBase, type SharedNote, type ScannedCode, type Transition } from './flow';

export interface PickLineAtHand {
  readonly lineNo: number;
  readonly binCode: string | null;
  readonly product: Product | null;
  readonly needed: number;
  readonly done: number;
  readonly short: { readonly qty: number; readonly reason: string } | null;
  readonly closed: boolean;
  /** The bin's stock as the device knows it; null when the bin is not on the device. */
  readonly binStock: readonly StockLine[] | null;
}

export interface PickContext {
  readonly taskId: string;
  /** In walk order. */
  readonly lines: readonly PickLineAtHand[];
  readonly finished: boolean;
  /** The task's last step on this device, which Undo takes back. */
  readonly lastOpId: string | null;
  /** ISO date, local to the device. */
  readonly today: string;
  readonly stepLimit: number;
}

export interface PickState extends FlowBase {
  /** The line whose bin was scanned. */
  readonly confirmedLine: number | null;
  readonly question: DeviationQuestion<PickOp> | null;
}

export type PickEvent =
  | { readonly type: 'scan'; readonly code: ScannedCode }
  /** `seenDone`: the line's units done as the screen showed them when the worker tapped. */
  | { readonly type: 'quantity'; readonly lineNo: number; readonly seenDone: number; readonly text: string }
  | { readonly type: 'short'; readonly lineNo: number; readonly reason: ShortReason }
  | { readonly type: 'undo'; readonly opId: string }
  | { readonly type: 'finish' }
  | { readonly type: 'confirm' }
  | { readonly type: 'cancel' };

export type PickNote =
  | { readonly kind: 'bin-confirmed'; readonly bin: string }
  | { readonly kind: 'picked'; readonly qty: number; readonly unit: string; readonly lot: string; readonly proposedLot: string | null }
  | { readonly kind: 'short-saved'; readonly qty: number }
  | { readonly kind: 'finished' }
  | { readonly kind: 'undone' }
  | { readonly kind: 'every-line-done' }
  | { readonly kind: 'line-not-on-device' }
  | SharedNote<PickOp>;

type PickTransition = Transition<PickState, PickNote>;

export function startPick(flowId: string): PickState {
  return { flowId, stepNo: 0, confirmedLine: null, question: null };
}

export const currentPickLine = (context: PickContext): PickLineAtHand | null => context.lines.find((line) => !line.closed) ?? null;

export function pickStep(state: PickState, context: PickContext, event: PickEvent): PickTransition {
  switch (event.type) {
    case 'scan':
      return scan(state, context, event.code);
    case 'quantity':
      return typed(state, context, event.lineNo, event.seenDone, event.text);
    case 'short':
      return short(state, context, event.lineNo, event.reason);
    case 'undo':
      if (state.question || event.opId !== context.lastOpId || context.finished) return ignore(state);
      return record({ ...state, confirmedLine: null }, { op: { type: 'undo', undoesOpId: event.opId } }, { kind: 'undone' });
    case 'finish':
      if (state.question || context.finished || currentPickLine(context) !== null) return ignore(state);
      return record(state, { op: { type: 'task-finished', taskId: context.taskId } }, { kind: 'finished' });
    case 'confirm':
      if (!state.question) return ignore(state);
      return picked({ ...state, question: null }, { ...state.question.pending, deviations: state.question.deviations }, context);
    case 'cancel':
      return state.question ? say({ ...state, question: null }, { kind: 'cancelled' }) : ignore(state);
  }
}

function scan(state: PickState, context: PickContext, code: ScannedCode): PickTransition {
  if (context.finished) return fail(state, { code: 'task-finished' });
  if (state.question) return failNote(state, { kind: 'answer-first' });
  if (code.kind === 'invalid' || code.kind === 'unknown-product') return fail(state, code.why);
  const line = currentPickLine(context);
  if (line === null) return failNote(state, { kind: 'every-line-done' });
  if (line.binCode === null || line.product === null || line.binStock === null) return failNote(state, { kind: 'line-not-on-device' });
  if (code.kind === 'unknown-bin') return fail(state, { code: 'no-such-bin', bin: code.binCode });
  if (code.kind === 'bin') {
    if (code.bin.code !== line.binCode) return fail(state, { code: 'wrong-bin', scanned: code.bin.code, expected: line.binCode });
    return say({ ...state, confirmedLine: line.lineNo }, { kind: 'bin-confirmed', bin: line.binCode });
  }
  if (state.confirmedLine !== line.lineNo) return fail(state, { code: 'scan-bin-first', bin: line.binCode });
  if (code.product.id !== line.product.id) return fail(state, { code: 'wrong-item', expected: line.product.name });
  const left = line.needed - line.done;
  if (left <= 0) return fail(state, { code: 'line-done', needed: line.needed, unit: line.product.unit });
  if (code.packQty > left) return fail(state, { code: 'more-than-needed', qty: code.packQty, unit: line.product.unit, left });
  return take(state, context, line, code.packQty, code.gs1);
}

function typed(state: PickState, context: PickContext, lineNo: number, seenDone: number, text: string): PickTransition {
  const line = currentPickLine(context);
  // A tap on a line that changed since the screen showed it (the second tap of a double tap) is not a new step.
  if (state.question || context.finished || line === null || line.lineNo !== lineNo || line.done !== seenDone) return ignore(state);
  if (line.binCode === null || line.product === null || line.binStock === null) return failNote(state, { kind: 'line-not-on-device' });
  if (state.confirmedLine !== line.lineNo) return fail(state, { code: 'scan-bin-first', bin: line.binCode });
  const qty = checkQuantity(text, { max: line.needed - line.done, allowZero: false });
  if (!qty.ok) return fail(state, qty.why);
  return take(state, context, line, qty.qty, null);
}

/** A pick of `qty` from the line's bin: the lot from the code or FEFO; deviations asked, else recorded. */
function take(state: PickState, context: PickContext, line: PickLineAtHand, qty: number, fromCode: { readonly lot?: string; readonly expiry?: string } | null): PickTransition {
  const product = line.product!;
  const binStock = line.binStock!;
  const lotContext = { binCode: line.binCode!, product, needed: line.needed, done: line.done, binStock, today: context.today };
  // An expiry on a product that does not track expiry is not the product's: ignored.
  const lot = lotToPick(lotContext, fromCode ? { lot: fromCode.lot, expiry: product.expiryTracked ? fromCode.expiry : undefined } : null);
  if (lot.kind === 'refused') return fail(state, lot.why);
  const op: PickOp = {
    type: 'pick',
    taskId: context.taskId,
    lineNo: line.lineNo,
    binCode: line.binCode!,
    productId: product.id,
    lot: lot.lot,
    expiry: product.expiryTracked ? lot.expiry : null,
    qty,
    proposedLot: lot.proposedLot,
    deviations: [],
  };
  const deviations: DeviationKind[] = [];
  // A lot the label names that the bin does not hold: the device's book or the label is wrong.
  if (product.lotTracked && fromCode?.lot !== undefined && unitsHeld(binStock, product.id, lot.lot) === 0) deviations.push('lot-not-in-bin');
  if (lot.proposedLot !== null) deviations.push('not-fefo');
  if (qty > context.stepLimit) deviations.push('over-step-limit');
  if (deviations.length > 0) {
    const question: DeviationQuestion<PickOp> = { deviations, pending: op, facts: { lot: lot.lot, proposedLot: lot.proposedLot ?? undefined, qty, limit: context.stepLimit, bin: line.binCode! } };
    return say({ ...state, question }, { kind: 'confirm-deviation', question }, 'deviation');
  }
  return picked(state, op, context);
}

function picked(state: PickState, op: PickOp, context: PickContext): PickTransition {
  const line = context.lines.find((l) => l.lineNo === op.lineNo);
  const unit = line?.product?.unit ?? '';
  return record(state, { op }, { kind: 'picked', qty: op.qty, unit, lot: op.lot, proposedLot: op.proposedLot }, op.deviations && op.deviations.length > 0 ? 'deviation' : 'ok');
}

function short(state: PickState, context: PickContext, lineNo: number, reason: ShortReason): PickTransition {
  const line = currentPickLine(context);
  if (state.question || context.finished || line === null || line.lineNo !== lineNo || line.binCode === null || line.product === null) return ignore(state);
  const shortQty = line.needed - line.done;
  return record(state, { op: { type: 'pick-short', taskId: context.taskId, lineNo, binCode: line.binCode, productId: line.product.id, shortQty, reason } }, { kind: 'short-saved', qty: shortQty });
}
