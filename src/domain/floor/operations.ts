/**
 * What a worker did, as the floor records it: one operation per confirmed step.
 * Pure types and rules; the wire schemas (protocol/operations) check them at the
 * edges, the device applies them to its own view of stock, the server to its ledger.
 */
export type ShortReason = 'not-found' | 'damaged' | 'less-than-expected';

/**
 * What a worker confirmed was unusual about a step: the flow asked (amber, its own
 * sound) and the worker went on. The server finds the same deviations itself from its
 * own book (a device cannot hide one by leaving it out) and lists them for supervisors.
 * - `lot-not-in-bin`: the lot picked is not one the bin holds, as the device knew it.
 * - `not-fefo`: another lot than the first-expiring one was picked.
 * - `over-step-limit`: more units in one step than the warehouse's per-step limit.
 * - `empty-bin-held-stock`: "bin is empty" on a bin the device believed holds stock.
 * - `more-than-bin-holds`: more taken out of a bin than the device believed it holds.
 */
export type DeviationKind = 'lot-not-in-bin' | 'not-fefo' | 'over-step-limit' | 'empty-bin-held-stock' | 'more-than-bin-holds';
export const DEVIATION_KINDS: readonly DeviationKind[] = ['lot-not-in-bin', 'not-fefo', 'over-step-limit', 'empty-bin-held-stock', 'more-than-bin-holds'];

/** A product and lot in a bin, with the lot's expiry. */
export interface StockKey {
  readonly binCode: string;
  readonly productId: string;
  /** '' when the product has no lots. */
  readonly lot: string;
  readonly expiry: string | null;
}

export interface PutawayOp extends StockKey {
  readonly type: 'putaway';
  readonly taskId: string | null;
  readonly lineNo: number | null;
  readonly qty: number;
  /** The bin the device suggested; `binCode` differs from it when the worker overrode it. */
  readonly suggestedBinCode: string | null;
  /** What the worker confirmed was unusual; empty for an ordinary step. */
  readonly deviations?: readonly DeviationKind[];
}

export interface PickOp extends StockKey {
  readonly type: 'pick';
  readonly taskId: string;
  readonly lineNo: number;
  readonly qty: number;
  /** The lot the device proposed (FEFO) when the worker took another; null when followed. */
  readonly proposedLot: string | null;
  /** What the worker confirmed was unusual; empty for an ordinary step. */
  readonly deviations?: readonly DeviationKind[];
}

export interface ShortPickOp {
  readonly type: 'pick-short';
  readonly taskId: string;
  readonly lineNo: number;
  readonly binCode: string;
  readonly productId: string;
  /** Units the line is left short by. */
  readonly shortQty: number;
  readonly reason: ShortReason;
}

export interface CountLine {
  readonly productId: string;
  readonly lot: string;
  readonly expiry: string | null;
  readonly counted: number;
  /** The first count, when the device asked for a recount; null otherwise. */
  readonly firstCount: number | null;
  /** Not in the bin as the device knew it. */
  readonly unexpected: boolean;
}

export interface CountOp {
  readonly type: 'count';
  readonly taskId: string | null;
  /** The count task's line for this bin; null for a spot count. */
  readonly lineNo: number | null;
  readonly binCode: string;
  readonly startedAt: string;
  /** What the device knew of the bin when counting started: the server posts counted minus book at that moment. */
  readonly bookAtStart: readonly { readonly productId: string; readonly lot: string; readonly expiry: string | null; readonly qty: number }[];
  /** Every product and lot counted; an empty list is "the bin is empty". */
  readonly lines: readonly CountLine[];
  /** What the worker confirmed was unusual (an empty bin the device believed held stock); empty otherwise. */
  readonly deviations?: readonly DeviationKind[];
}

/**
 * A worker takes a task on this device: an open one, or one assigned to them that no
 * device has yet. The server gives it unless someone (or another device) has it; with
 * `takeOver` the worker explicitly takes it from whoever has it, and the server records
 * from whom. Absent in steps recorded before take-overs existed: false.
 */
export interface TaskTakenOp {
  readonly type: 'task-taken';
  readonly taskId: string;
  readonly takeOver?: boolean;
}

export interface TaskFinishedOp {
  readonly type: 'task-finished';
  readonly taskId: string;
}

/**
 * The worker settles an operation the server rejected: dismissed with a reason, or
 * fixed by a new step (e.g. the same putaway into the right bin). Either way it stops
 * being flagged, and the server keeps both.
 */
export interface RejectionSettledOp {
  readonly type: 'rejection-settled';
  readonly rejectedOpId: string;
  readonly how: 'dismissed' | 'fixed';
  readonly note: string;
  /** The step that fixed it, when fixed. */
  readonly fixedByOpId: string | null;
}

export interface UndoOp {
  readonly type: 'undo';
  /** The operation undone; it stays in history, this one reverses it. */
  readonly undoesOpId: string;
}

export type FloorOperation = PutawayOp | PickOp | ShortPickOp | CountOp | TaskTakenOp | TaskFinishedOp | UndoOp | RejectionSettledOp;
export type FloorOperationType = FloorOperation['type'];

/**
 * The bins a step changes, in the order it changes them. Every question "which bins
 * does this step touch" asks this one function, so a step that touches two bins (a
 * move) is one change here. An undo touches what the step it undoes touched: pass it.
 */
export function binsTouched(op: FloorOperation, undone: FloorOperation | null = null): string[] {
  switch (op.type) {
    case 'putaway':
    case 'pick':
    case 'pick-short':
    case 'count':
      return [op.binCode];
    case 'undo':
      return undone && undone.type !== 'undo' ? binsTouched(undone) : [];
    default:
      return [];
  }
}

/** How one operation changes a bin: units added to (or taken from) product-and-lot lines, or the bin's lines replaced by a count. */
export type StockEffect =
  | { readonly kind: 'none' }
  | { readonly kind: 'move'; readonly key: StockKey; readonly delta: number }
  | { readonly kind: 'replace'; readonly binCode: string; readonly lines: readonly { readonly productId: string; readonly lot: string; readonly expiry: string | null; readonly qty: number }[] };

export function stockEffectOf(op: FloorOperation): StockEffect {
  switch (op.type) {
    case 'putaway':
      return { kind: 'move', key: keyOf(op), delta: op.qty };
    case 'pick':
      return { kind: 'move', key: keyOf(op), delta: -op.qty };
    case 'count':
      return { kind: 'replace', binCode: op.binCode, lines: op.lines.filter((l) => l.counted > 0).map((l) => ({ productId: l.productId, lot: l.lot, expiry: l.expiry, qty: l.counted })) };
    default:
      return { kind: 'none' };
  }
}

/** The bin an effect changes; null for none. */
export function effectBin(effect: StockEffect): string | null {
  return effect.kind === 'move' ? effect.key.binCode : effect.kind === 'replace' ? effect.binCode : null;
}

/** Every change a step makes to stock, one per bin it changes (a move will make two). */
export function stockEffectsOf(op: FloorOperation): StockEffect[] {
  const effect = stockEffectOf(op);
  return effect.kind === 'none' ? [] : [effect];
}

/** The changes that take a step's changes back, one per bin. */
export function reverseEffectsOf(op: FloorOperation): StockEffect[] {
  const effect = reverseEffectOf(op);
  return effect.kind === 'none' ? [] : [effect];
}

/** The effect that reverses an operation's effect: an undo posts it. */
export function reverseEffectOf(op: FloorOperation): StockEffect {
  const effect = stockEffectOf(op);
  switch (effect.kind) {
    case 'move':
      return { ...effect, delta: -effect.delta };
    case 'replace':
      return { kind: 'replace', binCode: effect.binCode, lines: (op as CountOp).bookAtStart.filter((l) => l.qty !== 0) };
    case 'none':
      return effect;
  }
}

function keyOf(op: StockKey): StockKey {
  return { binCode: op.binCode, productId: op.productId, lot: op.lot, expiry: op.expiry };
}

/** A bin's stock lines after an effect. Lines that reach zero go; a pick that physically happened may leave a negative line, which a supervisor sees. */
export function applyEffect<L extends { productId: string; lot: string; expiry: string | null; qty: number }>(lines: readonly L[], effect: StockEffect, make: (line: { productId: string; lot: string; expiry: string | null; qty: number }) => L): L[] {
  switch (effect.kind) {
    case 'none':
      return [...lines];
    case 'replace':
      return effect.lines.map(make);
    case 'move': {
      const { productId, lot, expiry } = effect.key;
      const index = lines.findIndex((l) => l.productId === productId && l.lot === lot);
      const next = [...lines];
      if (index === -1) next.push(make({ productId, lot, expiry, qty: effect.delta }));
      else next[index] = make({ ...next[index]!, qty: next[index]!.qty + effect.delta });
      return next.filter((l) => l.qty !== 0);
    }
  }
}
