/**
 * Records what a worker did. One confirmed step is one operation: written to the
 * outbox with the next gapless sequence number, and applied to the device's own view
 * of stock and to the task's progress, all in one IndexedDB transaction. The caller
 * says "saved" only when this resolves; a crash before that leaves nothing, after
 * it leaves everything, so a reload never loses or doubles a step.
 */
import { applyEffect, effectBin, reverseEffectsOf, stockEffectsOf, type FloorOperation, type StockEffect } from '../domain/floor/operations';
import { floorOperationSchema } from '../protocol/operations';
import type { StockLine } from '../domain/catalog/product';
import type { CountSheet } from '../domain/floor/countSheet';
import { withStock, type FloorDb, type OutboxEntry, type TaskProgress } from './floorDb';
import { DeviceRefusal, storageFailure } from './refusals';
import { lineProgressOf } from './taskLineProgress';
import { deleteRecord, readRecord, writeRecord } from './syncState';

/** Who did a step, and in which warehouse (not to be confused with a Web Worker). */
export interface WorkerIdentity {
  readonly userId: string;
  readonly warehouseId: string;
}

function taskIdOf(op: FloorOperation): string | null {
  return 'taskId' in op ? op.taskId : null;
}

/** Applies a step's effects, one per bin it changes; an unknown bin refuses the whole step (the transaction rolls back). */
async function applyToBins(db: FloorDb, effects: readonly StockEffect[]): Promise<void> {
  for (const effect of effects) {
    const binCode = effectBin(effect);
    if (binCode === null) continue;
    const bin = await db.bins.get(binCode);
    if (!bin) throw new DeviceRefusal('unknown-bin', { code: 'unknown-bin', bin: binCode });
    const stock = applyEffect<StockLine>(bin.stock, effect, (line) => ({ ...line, binCode }));
    await db.bins.put(withStock(bin, stock));
  }
}

/**
 * The device's copy of the task becomes the worker's, on this device, at once; the
 * server confirms or refuses when the step arrives. A task someone else holds is taken
 * only as an explicit take-over.
 */
async function takeTask(db: FloorDb, taskId: string, userId: string, takeOver: boolean): Promise<void> {
  const task = await db.tasks.get(taskId);
  if (!task) throw new DeviceRefusal('bad-operation', { code: 'bad-operation', detail: `task ${taskId} is not on this device` });
  if (task.assignedTo !== null && task.assignedTo !== userId && !takeOver) throw new DeviceRefusal('task-taken', { code: 'task-taken', by: task.assignedToName ?? task.assignedTo });
  const here = (await readRecord(db, 'deviceId')) ?? task.workedOnDevice;
  await db.tasks.put({ ...task, assignedTo: userId, status: 'in-progress', workedOnDevice: here });
}

/** A rejected step settled by the worker is no longer flagged on the device; its rejection stays on record. */
async function settleRejection(db: FloorDb, opId: string): Promise<void> {
  const entry = await db.outbox.get(opId);
  if (!entry || entry.status !== 'rejected') throw new DeviceRefusal('nothing-to-undo', { code: 'op-undo-unknown', opId });
  await db.outbox.put({ ...entry, status: 'dismissed' });
}

function progressAfter(progress: TaskProgress, op: FloorOperation, opId: string, undone: FloorOperation | null): TaskProgress {
  const lines = { ...progress.lines };
  const line = (lineNo: number) => lines[lineNo] ?? { done: 0, short: null };
  const target = undone ?? op;
  const sign = undone ? -1 : 1;
  if ((target.type === 'pick' || target.type === 'putaway') && target.lineNo !== null) {
    lines[target.lineNo] = { ...line(target.lineNo), done: line(target.lineNo).done + sign * target.qty };
  }
  if (target.type === 'count' && target.lineNo !== null) lines[target.lineNo] = { done: undone ? 0 : 1, short: null };
  if (target.type === 'pick-short') lines[target.lineNo] = { ...line(target.lineNo), short: undone ? null : { qty: target.shortQty, reason: target.reason } };
  // Taking a task is not a step Undo takes back: the list stays the worker's.
  const opIds = undone ? progress.opIds.slice(0, -1) : op.type === 'task-taken' ? progress.opIds : [...progress.opIds, opId];
  return { ...progress, lines, opIds, finished: progress.finished || op.type === 'task-finished' };
}

/** A flow's state, written in the step's own transaction; null removes it. */
export interface FlowStateWrite {
  readonly key: string;
  readonly value: unknown;
}

export interface RecordOptions {
  /**
   * The step's idempotency key, made by the flow from its own state: a second write
   * with the same key records nothing and answers with the first write's entry.
   */
  readonly stepKey?: string;
  /** The flow's next state, written with the step (so a reload resumes after it, never before it). */
  readonly flowState?: FlowStateWrite;
  /** Clears the count being worked in the same transaction, so it can neither be lost nor submitted twice. */
  readonly clearsCount?: boolean;
}

/** What a write did: the entry, and whether it was already there (same step key). */
export type RecordedEntry = OutboxEntry & { readonly duplicate?: boolean };

/**
 * Writes one operation and its effects; resolves with the outbox entry once the
 * transaction completed. Checks that need the device's own records are made here,
 * inside the transaction, so two writes racing each other cannot both pass them:
 * a pick line never goes above its quantity, a closed line takes no short pick, a
 * count task's bin is counted once per attempt (until that count is undone), and a
 * finished task takes no more steps.
 */
export async function recordOperation(db: FloorDb, worker: WorkerIdentity, input: FloorOperation, now: Date = new Date(), options: RecordOptions | 'countDraft' = {}): Promise<RecordedEntry> {
  const { stepKey, flowState, clearsCount } = options === 'countDraft' ? { clearsCount: true, stepKey: undefined, flowState: undefined } : options;
  const parsed = floorOperationSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DeviceRefusal('bad-operation', { code: 'bad-operation', detail: issue ? `${issue.path.join('.') || 'operation'}: ${issue.message}` : 'it is not a valid operation' });
  }
  const op = parsed.data as FloorOperation;
  try {
    return await db.transaction('rw', [db.outbox, db.bins, db.tasks, db.taskProgress, db.syncState], async () => {
      if (stepKey !== undefined) {
        const earlier = await db.outbox.where('stepKey').equals(stepKey).first();
        if (earlier) return { ...earlier, duplicate: true };
      }
      const opId = crypto.randomUUID();
      let undone: FloorOperation | null = null;
      let taskId = taskIdOf(op);
      let effects = stockEffectsOf(op);
      if (op.type === 'undo') {
        const target = await db.outbox.get(op.undoesOpId);
        if (!target) throw new DeviceRefusal('nothing-to-undo', { code: 'undo-gone' });
        if (target.type === 'undo') throw new DeviceRefusal('nothing-to-undo', { code: 'undo-of-undo' });
        undone = target.payload as FloorOperation;
        taskId = taskIdOf(undone);
        effects = reverseEffectsOf(undone);
      }
      const progress = taskId ? ((await db.taskProgress.get(taskId)) ?? { taskId, startedAt: now.toISOString(), lines: {}, finished: false, opIds: [] }) : null;
      if (progress?.finished) throw new DeviceRefusal('task-finished', { code: 'task-finished' });
      if (op.type === 'undo' && progress !== null && progress.opIds.at(-1) !== op.undoesOpId) {
        throw new DeviceRefusal('nothing-to-undo', { code: 'undo-not-last' });
      }
      if (op.type === 'undo' && progress === null && (await db.outbox.filter((e) => e.type === 'undo' && (e.payload as { undoesOpId?: string }).undoesOpId === op.undoesOpId).count()) > 0) {
        throw new DeviceRefusal('nothing-to-undo', { code: 'undo-twice' });
      }
      if (progress && taskId) await checkLine(db, op, progress, taskId);
      if (op.type === 'task-taken') await takeTask(db, op.taskId, worker.userId, op.takeOver === true);
      if (op.type === 'rejection-settled') await settleRejection(db, op.rejectedOpId);
      await applyToBins(db, effects);
      if (progress) await db.taskProgress.put(progressAfter(progress, op, opId, undone));
      const deviceSeq = ((await readRecord(db, 'lastDeviceSeq')) ?? 0) + 1;
      await writeRecord(db, 'lastDeviceSeq', deviceSeq);
      const entry: OutboxEntry = { opId, deviceSeq, type: op.type, payload: op, createdAt: now.toISOString(), status: 'pending', userId: worker.userId, warehouseId: worker.warehouseId, ...(stepKey !== undefined ? { stepKey } : {}) };
      await db.outbox.add(entry);
      if (clearsCount) {
        await deleteRecord(db, 'countDraft');
        await db.syncState.delete(COUNT_FLOW_KEY);
      }
      if (flowState) await db.syncState.put({ key: flowState.key, value: flowState.value });
      return entry;
    });
  } catch (error) {
    if (error instanceof DeviceRefusal) throw error;
    throw storageFailure(error);
  }
}

/** The record-time checks of a step on a task line, against the task and this device's progress. */
async function checkLine(db: FloorDb, op: FloorOperation, progress: TaskProgress, taskId: string): Promise<void> {
  const lineNo = 'lineNo' in op ? op.lineNo : null;
  if (lineNo === null) return;
  const task = await db.tasks.get(taskId);
  const line = task?.lines.find((l) => l.lineNo === lineNo);
  // The line's real progress: the server's, from every device, with this device's steps on top.
  const real = task ? (await lineProgressOf(db, task, progress))[lineNo] : progress.lines[lineNo];
  const done = real?.done ?? 0;
  const short = real?.short ?? null;
  if (op.type === 'pick' && line?.qty != null) {
    if (short !== null || done >= line.qty) throw new DeviceRefusal('line-closed', { code: 'line-done', needed: line.qty, unit: '' });
    if (done + op.qty > line.qty) throw new DeviceRefusal('line-closed', { code: 'qty-more-than-allowed', qty: op.qty, max: line.qty - done });
  }
  if (op.type === 'pick-short' && line?.qty != null && (short !== null || done >= line.qty)) throw new DeviceRefusal('line-closed', { code: 'line-done', needed: line.qty, unit: '' });
  if (op.type === 'putaway' && line?.qty != null && done + op.qty > line.qty) throw new DeviceRefusal('line-closed', { code: 'qty-more-than-allowed', qty: op.qty, max: Math.max(0, line.qty - done) });
  if (op.type === 'count' && done > 0) throw new DeviceRefusal('line-closed', { code: 'bin-counted-already', bin: op.binCode });
}

/** Where the count flow keeps the bin being counted (one at a time on a device). */
export const COUNT_FLOW_KEY = 'flow:count';

/** The task's progress on this device, or null when it was not started here. */
export async function readTaskProgress(db: FloorDb, taskId: string): Promise<TaskProgress | null> {
  return (await db.taskProgress.get(taskId)) ?? null;
}

export async function readCountDraft(db: FloorDb): Promise<CountSheet | null> {
  return (await readRecord(db, 'countDraft')) ?? null;
}

export async function saveCountDraft(db: FloorDb, sheet: CountSheet): Promise<void> {
  try {
    await writeRecord(db, 'countDraft', sheet);
  } catch (error) {
    throw storageFailure(error);
  }
}

export async function dropCountDraft(db: FloorDb): Promise<void> {
  await deleteRecord(db, 'countDraft');
}
