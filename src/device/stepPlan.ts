/**
 * What one step writes, decided from what its transaction read: pure, so the same
 * decision is made whether the reads came from IndexedDB in the step's transaction or
 * from the read cache (and were then checked against IndexedDB in that transaction).
 *
 * The record-time checks live here: a pick line never goes above its quantity, a closed
 * line takes no short pick, a count task's bin is counted once per attempt (until that
 * count is undone), a finished task takes no more steps, Undo takes back only the last.
 */
import { applyEffect, effectBin, reverseEffectsOf, stockEffectsOf, type FloorOperation, type StockEffect } from '../domain/floor/operations';
import type { StockLine } from '../domain/catalog/product';
import { withStock, type OutboxEntry, type StoredBin, type StoredTask, type TaskProgress } from './floorDb';
import { DeviceRefusal } from './refusals';
import { entriesOfTask, realLineProgress } from './taskLineProgress';

/** Who did a step, and in which warehouse (not to be confused with a Web Worker). */
export interface WorkerIdentity {
  readonly userId: string;
  readonly warehouseId: string;
}

/** Where the count flow keeps the bin being counted (one at a time on a device). */
export const COUNT_FLOW_KEY = 'flow:count';

export function taskIdOf(op: FloorOperation): string | null {
  return 'taskId' in op ? op.taskId : null;
}

/** The bins a step's effects change (an undo's: its step's, reversed). */
export function effectsOf(op: FloorOperation, undone: FloorOperation | null): StockEffect[] {
  return undone ? reverseEffectsOf(undone) : stockEffectsOf(op);
}

export const binCodesOf = (effects: readonly StockEffect[]): string[] => [...new Set(effects.map(effectBin).filter((code): code is string => code !== null))];

/** Everything a step decides with, as of its transaction. */
export interface StepReads {
  /** The entry already written under the step's key, if any. */
  readonly earlier: OutboxEntry | undefined;
  readonly lastSeq: number | undefined;
  /** The step an undo takes back. */
  readonly undoTarget: OutboxEntry | undefined;
  /** Whether an undo of that step (of no task) was already written; only read for undos of no task. */
  readonly undoneAlready: boolean;
  readonly task: StoredTask | undefined;
  readonly progress: TaskProgress | undefined;
  /** This device's outbox entries since the task started here. */
  readonly entriesSinceStart: readonly OutboxEntry[];
  readonly bins: ReadonlyMap<string, StoredBin | undefined>;
  /** This device's id, for a take. */
  readonly deviceId: string | undefined;
  /** The rejected step being settled. */
  readonly settling: OutboxEntry | undefined;
}

export interface StepToWrite {
  readonly opId: string;
  readonly op: FloorOperation;
  readonly worker: WorkerIdentity;
  readonly now: Date;
  readonly stepKey: string | undefined;
}

/** What a step writes, record by record (all in its one transaction). */
export interface StepPlan {
  readonly entry: OutboxEntry;
  readonly tasks: readonly StoredTask[];
  /** Entries changed besides the new one (a rejection settled). */
  readonly changedEntries: readonly OutboxEntry[];
  readonly bins: readonly StoredBin[];
  readonly progress: readonly TaskProgress[];
}

/** Decides what the step writes, or refuses it with a reason. The caller has handled `reads.earlier`. */
export function planStep(step: StepToWrite, reads: StepReads): StepPlan {
  const { op, opId, now, worker } = step;
  let undone: FloorOperation | null = null;
  if (op.type === 'undo') {
    if (!reads.undoTarget) throw new DeviceRefusal('nothing-to-undo', { code: 'undo-gone' });
    if (reads.undoTarget.type === 'undo') throw new DeviceRefusal('nothing-to-undo', { code: 'undo-of-undo' });
    undone = reads.undoTarget.payload as FloorOperation;
  }
  const taskId = undone ? taskIdOf(undone) : taskIdOf(op);
  const progress = taskId ? (reads.progress ?? { taskId, startedAt: now.toISOString(), lines: {}, finished: false, opIds: [] }) : null;
  if (progress?.finished) throw new DeviceRefusal('task-finished', { code: 'task-finished' });
  if (op.type === 'undo' && progress !== null && progress.opIds.at(-1) !== op.undoesOpId) throw new DeviceRefusal('nothing-to-undo', { code: 'undo-not-last' });
  if (op.type === 'undo' && progress === null && reads.undoneAlready) throw new DeviceRefusal('nothing-to-undo', { code: 'undo-twice' });
  if (progress) checkLine(op, progress, reads.task, reads.progress ? reads.entriesSinceStart : []);
  const tasks = op.type === 'task-taken' ? [takenTask(reads.task, op.taskId, worker.userId, op.takeOver === true, reads.deviceId)] : [];
  const changedEntries = op.type === 'rejection-settled' ? [settled(reads.settling, op.rejectedOpId)] : [];
  const entry: OutboxEntry = {
    opId,
    deviceSeq: (reads.lastSeq ?? 0) + 1,
    type: op.type,
    payload: op,
    createdAt: now.toISOString(),
    status: 'pending',
    userId: worker.userId,
    warehouseId: worker.warehouseId,
    ...(step.stepKey !== undefined ? { stepKey: step.stepKey } : {}),
  };
  return { entry, tasks, changedEntries, bins: binsAfter(reads.bins, effectsOf(op, undone)), progress: progress ? [progressAfter(progress, op, opId, undone)] : [] };
}

/**
 * A step's effects on the bins it changes, one per bin, from the bins as read; an
 * unknown bin refuses the whole step.
 */
function binsAfter(bins: ReadonlyMap<string, StoredBin | undefined>, effects: readonly StockEffect[]): StoredBin[] {
  const changed = new Map<string, StoredBin>();
  for (const effect of effects) {
    const binCode = effectBin(effect);
    if (binCode === null) continue;
    const bin = changed.get(binCode) ?? bins.get(binCode);
    if (!bin) throw new DeviceRefusal('unknown-bin', { code: 'unknown-bin', bin: binCode });
    changed.set(binCode, withStock(bin, applyEffect<StockLine>(bin.stock, effect, (line) => ({ ...line, binCode }))));
  }
  return [...changed.values()];
}

/**
 * The device's copy of the task becomes the worker's, on this device, at once; the
 * server confirms or refuses when the step arrives. A task someone else holds is taken
 * only as an explicit take-over.
 */
function takenTask(task: StoredTask | undefined, taskId: string, userId: string, takeOver: boolean, deviceId: string | undefined): StoredTask {
  if (!task) throw new DeviceRefusal('bad-operation', { code: 'bad-operation', detail: `task ${taskId} is not on this device` });
  if (task.assignedTo !== null && task.assignedTo !== userId && !takeOver) throw new DeviceRefusal('task-taken', { code: 'task-taken', by: task.assignedToName ?? task.assignedTo });
  // The other device's name goes with it: the server sends this device's own on the next pull.
  return deviceId === undefined ? { ...task, assignedTo: userId, status: 'in-progress' } : { ...task, assignedTo: userId, status: 'in-progress', workedOnDevice: deviceId, workedOnDeviceName: null };
}

/** A rejected step settled by the worker is no longer flagged on the device; its rejection stays on record. */
function settled(entry: OutboxEntry | undefined, opId: string): OutboxEntry {
  if (!entry || entry.status !== 'rejected') throw new DeviceRefusal('nothing-to-undo', { code: 'op-undo-unknown', opId });
  return { ...entry, status: 'dismissed' };
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

/** The record-time checks of a step on a task line, against the task and this device's progress. */
function checkLine(op: FloorOperation, progress: TaskProgress, task: StoredTask | undefined, entriesSinceStart: readonly OutboxEntry[]): void {
  const lineNo = 'lineNo' in op ? op.lineNo : null;
  if (lineNo === null) return;
  const line = task?.lines.find((l) => l.lineNo === lineNo);
  // The line's real progress: the server's, from every device, with this device's steps on top.
  const real = task ? realLineProgress(task, progress, entriesOfTask(entriesSinceStart, task.id))[lineNo] : progress.lines[lineNo];
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
