/**
 * A task's real progress per line: what the server holds from every device, with this
 * device's own steps on the task that the server's state does not hold yet laid on top.
 * So a picker sees the other device's picks, and their own at once, before they sync.
 *
 * Invariants (the same rule as bins in overlay.ts):
 * - The server's progress is the task's lines as last pulled (`done`, `short`), as of the
 *   task's `serverClock`. A step of this device is in it when the server recorded it at
 *   or before that clock; so a step is laid on top when it is pending, or acknowledged at
 *   a later clock. A rejected or dismissed step is never laid.
 * - Steps are laid in the device's order; an undo lays the reverse of its step.
 * - A task stored before the server sent progress (no `serverClock`) has no server
 *   progress to start from: this device's own progress is all it knows.
 */
import type { FloorOperation, ShortReason } from '../domain/floor/operations';
import type { Task } from '../domain/tasks/task';
import type { FloorDb, OutboxEntry, StoredTask, TaskProgress } from './floorDb';

export interface RealLineProgress {
  readonly done: number;
  readonly short: { readonly qty: number; readonly reason: ShortReason } | null;
}

const laidOn = (entry: OutboxEntry, serverClock: string): boolean => {
  if (entry.status === 'pending') return true;
  if (entry.status === 'rejected' || entry.status === 'dismissed') return false;
  return entry.clock !== null && entry.clock !== undefined && BigInt(entry.clock) > BigInt(serverClock);
};

const taskOf = (op: FloorOperation): string | null => ('taskId' in op ? op.taskId : null);

/** Per line number: units done (1 for a counted bin) and the shortfall, from the server and this device together. */
export function realLineProgress(task: Task & { readonly serverClock?: string }, progress: TaskProgress | null, entries: readonly OutboxEntry[]): Record<number, RealLineProgress> {
  if (task.serverClock === undefined) {
    const own: Record<number, RealLineProgress> = {};
    for (const [lineNo, line] of Object.entries(progress?.lines ?? {})) own[Number(lineNo)] = { done: line.done, short: line.short };
    return own;
  }
  const lines: Record<number, RealLineProgress> = {};
  for (const line of task.lines) {
    lines[line.lineNo] = { done: line.done ?? 0, short: line.short ? { qty: line.short.qty, reason: line.short.reason as ShortReason } : null };
  }
  const byId = new Map(entries.map((e) => [e.opId, e]));
  const ordered = [...entries].sort((a, b) => a.deviceSeq - b.deviceSeq);
  for (const entry of ordered) {
    if (!laidOn(entry, task.serverClock)) continue;
    const op = entry.payload as FloorOperation;
    const undone = op.type === 'undo' ? (byId.get(op.undoesOpId)?.payload as FloorOperation | undefined) : undefined;
    const step = undone ?? op;
    if (step.type === 'undo' || taskOf(step) !== task.id) continue;
    const sign = undone ? -1 : 1;
    const lineNo = 'lineNo' in step ? step.lineNo : null;
    if (lineNo === null) continue;
    const line = lines[lineNo] ?? { done: 0, short: null };
    if (step.type === 'pick' || step.type === 'putaway') lines[lineNo] = { ...line, done: Math.max(0, line.done + sign * step.qty) };
    else if (step.type === 'count') lines[lineNo] = { ...line, done: undone ? 0 : 1 };
    else if (step.type === 'pick-short') lines[lineNo] = { ...line, short: undone ? null : { qty: step.shortQty, reason: step.reason } };
  }
  return lines;
}

/** The steps of the outbox that may bear on one task: its own, and undos of them. */
export function entriesOfTask(entries: readonly OutboxEntry[], taskId: string): OutboxEntry[] {
  const own = new Set(entries.filter((e) => taskOf(e.payload as FloorOperation) === taskId).map((e) => e.opId));
  return entries.filter((e) => own.has(e.opId) || ((e.payload as FloorOperation).type === 'undo' && own.has((e.payload as Extract<FloorOperation, { type: 'undo' }>).undoesOpId)));
}

/** The task's real progress as the device now holds it; null when the task is not on the device. */
export async function readRealLineProgress(db: FloorDb, taskId: string): Promise<Record<number, RealLineProgress> | null> {
  return db.transaction('r', [db.tasks, db.taskProgress, db.outbox], async () => {
    const task: StoredTask | undefined = await db.tasks.get(taskId);
    if (!task) return null;
    const [progress, entries] = await Promise.all([db.taskProgress.get(taskId), db.outbox.toArray()]);
    return realLineProgress(task, progress ?? null, entriesOfTask(entries, taskId));
  });
}

/**
 * The real progress of a task the device holds, reading only the outbox entries made
 * since this device started the task (its own steps on it cannot be older): cheap
 * enough for every scan, and callable inside a transaction that includes the outbox.
 */
export async function lineProgressOf(db: FloorDb, task: StoredTask, progress: TaskProgress | null): Promise<Record<number, RealLineProgress>> {
  const entries = progress === null ? [] : await db.outbox.where('createdAt').aboveOrEqual(progress.startedAt).toArray();
  return realLineProgress(task, progress, entriesOfTask(entries, task.id));
}
