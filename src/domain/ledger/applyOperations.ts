/**
 * What the server does with each floor operation, in the device's order: apply it to
 * the ledger and the task, send it to review, or reject it with a reason.
 *
 * Rules (besides the ledger's, in stockLedger.ts):
 * - An operation that can never apply (unknown product or bin, a task closed or taken
 *   by someone else, a line that is not the task's) is rejected with a reason and
 *   changes nothing.
 * - A pick that physically happened is never refused for lack of book stock: it is
 *   applied, and a balance below zero is flagged for a supervisor.
 * - A count posts, per product and lot, counted minus the book at the count's time; when
 *   any line is off by more than the warehouse's threshold the count waits for a
 *   supervisor instead (review) and posts only when approved.
 * - A short pick records the shortfall and asks for a count of the bin.
 * - An undo of a move takes the goods back at the moment of the undo (a count in between
 *   saw them moved); an undone count is no longer in force, as if it had not been made.
 */
import type { CountOp, FloorOperation, PickOp, PutawayOp, RejectionSettledOp, ShortPickOp } from '../floor/operations';
import { needsRecount } from '../floor/variance';
import type { Why } from '../why';
import { stockKey, type LedgerEntry } from './stockLedger';
import type { LedgerWork, TaskState, VarianceLine } from './ledgerWork';
import { deviationsOf, withTrackedExpiryOnly } from './deviations';
import { checkRights, type Doer } from './stepRights';
import { MAX_BIN_QTY, withinBinBounds } from '../floor/quantityLimits';
import { addDone, checkOverPick, finishTask, onServerClock, refuse, takeTask, taskToWork, withLine, withLineUndone, type Refusal } from './taskHolding';

export interface IncomingOperation {
  readonly opId: string;
  readonly deviceId: string;
  readonly userId: string;
  readonly op: FloorOperation;
  /** When the worker did the step, by the device's clock, ms since the epoch. */
  readonly deviceAt: number;
  /** The server's clock minus the device's, measured when the batch arrived. */
  readonly offsetMs: number;
}


export type Outcome =
  | { readonly opId: string; readonly status: 'applied' }
  | { readonly opId: string; readonly status: 'review' }
  | { readonly opId: string; readonly status: 'rejected'; readonly why: Why };


/**
 * Applies one operation to the batch's work and says what became of it. `doer`: the
 * signed-in user who sent it, whose rights are checked first (stepRights.ts); the server
 * always passes it, the ledger's own tests may leave it out.
 */
export function applyOperation(work: LedgerWork, received: IncomingOperation, doer?: Doer): Outcome {
  // An expiry on a product that does not track expiry is not kept (deviations.ts).
  const op = withTrackedExpiryOnly(received.op, work.snapshot.products);
  const incoming = op === received.op ? received : { ...received, op };
  // Deviations are judged against the book before the step; kept when the step applies (or waits for review).
  const refusal = doer ? checkRights(work, incoming, doer) : null;
  const deviations = refusal ? [] : deviationsOf(work, incoming);
  const outcome = refusal ?? decide(work, incoming);
  if (outcome === null || !('why' in outcome)) work.deviations.push(...deviations);
  const status = outcome === null ? 'applied' : 'why' in outcome ? 'rejected' : 'review';
  work.known.set(incoming.opId, { opId: incoming.opId, deviceId: incoming.deviceId, userId: incoming.userId, op: incoming.op, status, at: onServerClock(incoming, incoming.deviceAt) });
  if (outcome === null) return { opId: incoming.opId, status: 'applied' };
  if ('why' in outcome) return { opId: incoming.opId, status: 'rejected', why: outcome.why };
  return { opId: incoming.opId, status: 'review' };
}

/** null: applied; a refusal; or 'review' for a count that waits for a supervisor. */
function decide(work: LedgerWork, incoming: IncomingOperation): Refusal | { review: true } | null {
  const { op } = incoming;
  switch (op.type) {
    case 'putaway':
    case 'pick':
      return move(work, incoming, op);
    case 'pick-short':
      return shortPick(work, incoming, op);
    case 'count':
      return count(work, incoming, op);
    case 'task-taken':
      return takeTask(work, incoming, op.taskId, op.takeOver === true);
    case 'task-finished':
      return finishTask(work, incoming, op.taskId);
    case 'undo':
      return undo(work, incoming, op.undoesOpId);
    case 'rejection-settled':
      return settle(work, incoming, op);
  }
}

/** The rejected step must be this device's and rejected; the server then records how it was settled. */
function settle(work: LedgerWork, incoming: IncomingOperation, op: RejectionSettledOp): Refusal | null {
  const target = work.known.get(op.rejectedOpId);
  if (!target || target.deviceId !== incoming.deviceId || target.status !== 'rejected') return refuse({ code: 'op-undo-unknown', opId: op.rejectedOpId });
  work.settled.push({ opId: op.rejectedOpId, how: op.how, note: op.note, userId: incoming.userId });
  return null;
}

function checkPlace(work: LedgerWork, binCode: string, productIds: readonly string[]): Refusal | null {
  if (!work.snapshot.bins.has(binCode)) return refuse({ code: 'op-unknown-bin', bin: binCode });
  const unknown = productIds.find((id) => !work.snapshot.products.has(id));
  return unknown === undefined ? null : refuse({ code: 'op-unknown-product', productId: unknown });
}

function move(work: LedgerWork, incoming: IncomingOperation, op: PutawayOp | PickOp): Refusal | null {
  const place = checkPlace(work, op.binCode, [op.productId]);
  if (place) return place;
  let task: TaskState | null = null;
  if (op.taskId !== null) {
    const found = taskToWork(work, incoming, op.taskId, op.type);
    if ('why' in found) return found;
    const line = op.lineNo === null ? undefined : found.lines.get(op.lineNo);
    if (!line || line.productId !== op.productId || (op.type === 'pick' && line.binCode !== op.binCode)) return refuse({ code: 'op-wrong-line', taskId: op.taskId, lineNo: op.lineNo ?? 0 });
    task = found;
  }
  const delta = op.type === 'pick' ? -op.qty : op.qty;
  const bounds = checkBounds(work, op, delta);
  if (bounds) return bounds;
  work.append({ binCode: op.binCode, productId: op.productId, lot: op.lot, expiry: op.expiry, delta, at: onServerClock(incoming, incoming.deviceAt), kind: op.type, opId: incoming.opId, countOpId: null });
  if (task) {
    withLine(work, task, op.lineNo!, incoming, (line) => addDone(line, incoming.deviceId, op.qty));
    if (op.type === 'pick') checkOverPick(work, task.id, op.lineNo!, incoming);
  }
  if (op.type === 'pick' && work.balance(op) < 0) work.flags.push({ kind: 'negative-stock', binCode: op.binCode, productId: op.productId, lot: op.lot, opId: incoming.opId });
  return null;
}

/** A bin's balance of one product and lot stays within ±MAX_BIN_QTY (quantityLimits.ts): a step that would take it further is refused. */
function checkBounds(work: LedgerWork, key: { readonly binCode: string; readonly productId: string; readonly lot: string }, delta: number): Refusal | null {
  return withinBinBounds(work.balance(key) + delta) ? null : refuse({ code: 'op-stock-bounds', bin: key.binCode, productId: key.productId, max: MAX_BIN_QTY });
}

function shortPick(work: LedgerWork, incoming: IncomingOperation, op: ShortPickOp): Refusal | null {
  const place = checkPlace(work, op.binCode, [op.productId]);
  if (place) return place;
  const task = taskToWork(work, incoming, op.taskId, 'pick');
  if ('why' in task) return task;
  if (!task.lines.has(op.lineNo)) return refuse({ code: 'op-wrong-line', taskId: op.taskId, lineNo: op.lineNo });
  withLine(work, task, op.lineNo, incoming, (line) => ({ ...line, shortQty: op.shortQty, shortReason: op.reason }));
  work.shortPicks.push({ opId: incoming.opId, taskId: op.taskId, lineNo: op.lineNo, binCode: op.binCode, productId: op.productId, qty: op.shortQty, reason: op.reason });
  work.flags.push({ kind: 'count-requested', binCode: op.binCode, productId: op.productId, lot: null, opId: incoming.opId });
  return null;
}

type CountedLine = Pick<VarianceLine, 'productId' | 'lot' | 'expiry' | 'counted' | 'firstCount'>;

/** The count's lines against the bin's book at its time: every product and lot in either. */
export function varianceOf(work: LedgerWork, binCode: string, at: number, countedLines: readonly CountedLine[]): VarianceLine[] {
  const book = work.bookOf(binCode, at);
  const lines = new Map<string, VarianceLine>();
  for (const [key, line] of book) if (line.qty !== 0) lines.set(key, { ...line, counted: 0, firstCount: null });
  for (const counted of countedLines) {
    const key = stockKey({ binCode, productId: counted.productId, lot: counted.lot });
    const before = lines.get(key);
    lines.set(key, { productId: counted.productId, lot: counted.lot, expiry: counted.expiry ?? before?.expiry ?? null, qty: book.get(key)?.qty ?? 0, counted: counted.counted, firstCount: counted.firstCount });
  }
  return [...lines.values()];
}

/** Posts a count: per product and lot, counted minus the book at its time; the count is then in force. */
export function postCount(work: LedgerWork, opId: string, binCode: string, at: number, lines: readonly VarianceLine[]): void {
  for (const line of lines) {
    work.append({ binCode, productId: line.productId, lot: line.lot, expiry: line.expiry, delta: line.counted - line.qty, at, kind: 'count', opId, countOpId: opId });
  }
  work.postCount(binCode, { opId, at });
}

function count(work: LedgerWork, incoming: IncomingOperation, op: CountOp): Refusal | { review: true } | null {
  const place = checkPlace(work, op.binCode, op.lines.map((l) => l.productId));
  if (place) return place;
  let task: TaskState | null = null;
  if (op.taskId !== null) {
    const found = taskToWork(work, incoming, op.taskId, 'count');
    if ('why' in found) return found;
    const line = op.lineNo === null ? undefined : found.lines.get(op.lineNo);
    if (!line || line.binCode !== op.binCode) return refuse({ code: 'op-wrong-line', taskId: op.taskId, lineNo: op.lineNo ?? 0 });
    task = found;
  }
  // A count is a snapshot of the moment counting started.
  const at = onServerClock(incoming, Date.parse(op.startedAt));
  const lines = varianceOf(work, op.binCode, at, op.lines);
  if (task) withLine(work, task, op.lineNo!, incoming, (line) => ({ ...line, done: 1 }));
  if (lines.some((line) => needsRecount(line.qty, line.counted, work.snapshot.threshold))) {
    work.reviews.push({ opId: incoming.opId, binCode: op.binCode, at, lines });
    return { review: true };
  }
  postCount(work, incoming.opId, op.binCode, at, lines);
  return null;
}

/** Appends the reverse of entries, effective at `at` (or at each entry's own time when null). */
function reverse(work: LedgerWork, entries: readonly LedgerEntry[], undoOpId: string, at: number | null): void {
  for (const entry of entries) work.append({ ...entry, delta: -entry.delta, at: at ?? entry.at, kind: 'undo', opId: undoOpId, countOpId: null });
}

function undo(work: LedgerWork, incoming: IncomingOperation, targetId: string): Refusal | null {
  const target = work.known.get(targetId);
  const notUndoable = ['undo', 'task-taken', 'task-finished', 'rejection-settled'];
  if (!target || target.deviceId !== incoming.deviceId || (target.op !== null && notUndoable.includes(target.op.type))) {
    return refuse({ code: 'op-undo-unknown', opId: targetId });
  }
  // A step that never applied (an unreadable one included), or was undone already, leaves nothing to take back.
  if (target.status === 'rejected' || target.status === 'undone' || target.op === null) return null;
  const op = target.op;
  const bounds = op.type === 'pick' || op.type === 'putaway' ? checkBounds(work, op, op.type === 'pick' ? op.qty : -op.qty) : null;
  if (bounds) return bounds;
  work.known.set(targetId, { ...target, status: 'undone' });
  switch (op.type) {
    case 'putaway':
    case 'pick': {
      // The goods go back (or come out again) when the worker undoes the step: a count in between saw them moved.
      reverse(work, work.entriesCausedBy(targetId).filter((e) => e.kind === op.type), incoming.opId, onServerClock(incoming, incoming.deviceAt));
      const task = op.taskId === null ? undefined : work.tasks.get(op.taskId);
      if (task && op.lineNo !== null && task.lines.has(op.lineNo)) withLineUndone(work, task, op.lineNo, (line) => addDone(line, target.deviceId, -op.qty));
      return null;
    }
    case 'pick-short': {
      work.shortPicksUndone.push(targetId);
      const task = work.tasks.get(op.taskId);
      if (task && task.lines.has(op.lineNo)) withLineUndone(work, task, op.lineNo, (line) => ({ ...line, shortQty: null, shortReason: null }));
      return null;
    }
    case 'count': {
      if (target.status === 'review') work.reviewsWithdrawn.push(targetId);
      else {
        work.withdrawCount(op.binCode, targetId);
        // A count taken back is as if it had not been made: its entries go at its own moment.
        reverse(work, work.entriesSittingAt(targetId), incoming.opId, null);
      }
      const task = op.taskId === null ? undefined : work.tasks.get(op.taskId);
      if (task && op.lineNo !== null && task.lines.has(op.lineNo)) withLineUndone(work, task, op.lineNo, (line) => ({ ...line, done: 0 }));
      return null;
    }
    default:
      return refuse({ code: 'op-undo-unknown', opId: targetId });
  }
}
