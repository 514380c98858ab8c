/**
 * What every floor flow (pick, count, putaway, and the moves, receiving and packing
 * to come) is: a pure state machine. (state, what the device knows, event) → the next
 * state, at most one step to record, and one answer for the worker.
 *
 * Invariants every machine keeps:
 * - Every scan gets exactly one answer: OK, deviation (asks to confirm) or error
 *   with a reason. Taps may get none: a tap aimed at a step that is no longer the
 *   current one (the second tap of a double tap, a tap on a stale screen) is ignored.
 * - A machine records at most one step per event, and says so before anything is
 *   shown; the device writes the step, the machine's next state and the outbox in one
 *   IndexedDB transaction, under the step's key (`stepKey`), so the same step can
 *   never be written twice even if the write is repeated.
 * - A deviation (a lot not in the bin, a non-FEFO lot, too many units for one step,
 *   "empty" for a bin that should hold stock) is never recorded as an ordinary step:
 *   the machine asks, and only a confirmation records it, carrying the deviation.
 * - While a question is open, scans are answered with "confirm or cancel first".
 */
import type { Product, StockLine } from '../catalog/product';
import type { Gs1Data } from '../codes/gs1';
import type { Why } from '../why';
import type { DeviationKind, FloorOperation } from './operations';

/** A scan as the device resolved it against what it holds (the same reading Find gives). */
export type ScannedCode =
  | { readonly kind: 'bin'; readonly bin: { readonly code: string; readonly zone: string; readonly walkSeq: number; readonly stock: readonly StockLine[] } }
  | { readonly kind: 'unknown-bin'; readonly binCode: string }
  | { readonly kind: 'product'; readonly product: Product; readonly packQty: number; readonly gs1: Pick<Gs1Data, 'lot' | 'expiry' | 'count'> | null }
  | { readonly kind: 'unknown-product'; readonly why: Why }
  | { readonly kind: 'invalid'; readonly why: Why };

export type Tone = 'ok' | 'deviation' | 'error';

/** One answer to the worker: a reason (worded by the interface) or a flow's own note. */
export type Feedback<Note> = { readonly tone: Tone; readonly why: Why } | { readonly tone: Tone; readonly note: Note };

/** A step the machine asks the device to record; its key makes a repeated write a no-op. */
export interface StepToRecord {
  readonly op: FloorOperation;
  readonly stepKey: string;
  /** Clears the count being worked in the same transaction (a submitted count). */
  readonly clearsCount?: boolean;
}

export interface Transition<State, Note> {
  readonly state: State;
  readonly record: StepToRecord | null;
  /** null only for an ignored tap. */
  readonly feedback: Feedback<Note> | null;
}

/** What every flow's state carries: who it is (for step keys) and how many steps it recorded. */
export interface FlowBase {
  /** Made when the flow's state was first made on this device; never reused. */
  readonly flowId: string;
  /** Steps recorded by this flow so far: with flowId, the next step's key. */
  readonly stepNo: number;
}

/** A step waiting for the worker's "yes, go on", with what is unusual about it. */
export interface DeviationQuestion<Pending> {
  readonly deviations: readonly DeviationKind[];
  readonly pending: Pending;
  /** Facts the interface words the question with (a lot, the FEFO lot, a quantity, a limit). */
  readonly facts: DeviationFacts;
}

export interface DeviationFacts {
  readonly lot?: string;
  readonly proposedLot?: string;
  readonly qty?: number;
  readonly limit?: number;
  readonly bin?: string;
  readonly unitsHeld?: number;
}

/** The notes every flow gives alike: the deviation question, "answer it first", "cancelled". */
export type SharedNote<Pending> =
  | { readonly kind: 'confirm-deviation'; readonly question: DeviationQuestion<Pending> }
  | { readonly kind: 'answer-first' }
  | { readonly kind: 'cancelled' };

export const nextStepKey = (base: FlowBase): string => `${base.flowId}#${base.stepNo}`;

/** The base after a step was recorded. */
export const afterStep = <S extends FlowBase>(state: S): S => ({ ...state, stepNo: state.stepNo + 1 });

export const ignore = <S, N>(state: S): Transition<S, N> => ({ state, record: null, feedback: null });
export const fail = <S, N>(state: S, why: Why): Transition<S, N> => ({ state, record: null, feedback: { tone: 'error', why } });
export const failNote = <S, N>(state: S, note: N): Transition<S, N> => ({ state, record: null, feedback: { tone: 'error', note } });
export const say = <S, N>(state: S, note: N, tone: Tone = 'ok'): Transition<S, N> => ({ state, record: null, feedback: { tone, note } });
export const record = <S extends FlowBase, N>(state: S, step: Omit<StepToRecord, 'stepKey'>, note: N, tone: Tone = 'ok'): Transition<S, N> => ({
  state: afterStep(state),
  record: { ...step, stepKey: nextStepKey(state) },
  feedback: { tone, note },
});

/** Units of a product and lot the bin holds, as the device knows it. */
export const unitsHeld = (stock: readonly StockLine[], productId: string, lot: string | null = null): number =>
  stock.filter((l) => l.productId === productId && (lot === null || l.lot === lot)).reduce((sum, l) => sum + Math.max(0, l.qty), 0);
