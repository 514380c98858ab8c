/**
 * The device's tasks as the screens ask for them, and taking one: the UI calls these,
 * never the tables (one home for Dexie).
 *
 * Taking: a task is worked on one device at a time. A take of a task another device
 * has (this worker's other phone, or another worker) is refused here, naming who has it,
 * unless it is an explicit take-over, which the server records with from whom. The
 * device's copy of the task becomes this device's at once; the server confirms, or says
 * who was first, when the step arrives.
 */
import type { TaskKind } from '../domain/tasks/task';
import { holderOf, shortDeviceId } from '../domain/tasks/taskHolder';
import type { FloorDb, StoredTask, TaskProgress } from './floorDb';
import { recordOperation, type WorkerIdentity } from './floorOperations';
import { DeviceRefusal } from './refusals';
import { readRecord } from './syncState';
import { productsByIds } from './lookup';

export async function readTask(db: FloorDb, taskId: string): Promise<StoredTask | null> {
  return (await db.tasks.get(taskId)) ?? null;
}

/** Tasks of one kind with this device's progress on each (null where not started here). */
export async function readTasksOfKind(db: FloorDb, kind: TaskKind): Promise<{ task: StoredTask; progress: TaskProgress | null }[]> {
  return db.transaction('r', [db.tasks, db.taskProgress], async () => {
    const tasks = await db.tasks.where('kind').equals(kind).toArray();
    const progress = new Map((await db.taskProgress.bulkGet(tasks.map((t) => t.id))).flatMap((p) => (p ? [[p.taskId, p] as const] : [])));
    return tasks.map((task) => ({ task, progress: progress.get(task.id) ?? null }));
  });
}

/** Where a task's lines are: the zones of its bins (pick, count), or of its products where a line names no bin (putaway). */
export async function readZonesOfTasks(db: FloorDb, tasks: readonly StoredTask[]): Promise<Map<string, string[]>> {
  const binCodes = [...new Set(tasks.flatMap((t) => t.lines.flatMap((l) => (l.binCode ? [l.binCode] : []))))];
  const bins = new Map((await db.bins.bulkGet(binCodes)).flatMap((b) => (b ? [[b.code, b.zone] as const] : [])));
  const productIds = [...new Set(tasks.flatMap((t) => t.lines.flatMap((l) => (!l.binCode || !bins.has(l.binCode)) && l.productId ? [l.productId] : [])))];
  const products = await productsByIds(db, productIds);
  return new Map(
    tasks.map((task) => {
      const zones = task.lines.map((l) => (l.binCode ? bins.get(l.binCode) : undefined) ?? (l.productId ? products.get(l.productId)?.zone : undefined)).filter((z): z is string => z !== undefined);
      return [task.id, [...new Set(zones)].sort()];
    }),
  );
}

export interface TakeTask {
  /** Explicitly from whoever has it (recorded by the server); without it a task someone else has is refused. */
  readonly takeOver: boolean;
}

/**
 * Takes a task on this device (an operation in the outbox, like any step). Resolves
 * with false when it is this device's already (nothing recorded).
 */
export async function takeTask(db: FloorDb, worker: WorkerIdentity, taskId: string, { takeOver }: TakeTask, now: Date = new Date()): Promise<boolean> {
  const [task, here] = await Promise.all([db.tasks.get(taskId), readRecord(db, 'deviceId')]);
  if (!task) throw new DeviceRefusal('bad-operation', { code: 'bad-operation', detail: `task ${taskId} is not on this device` });
  if (task.status === 'done' || task.status === 'cancelled') throw new DeviceRefusal('task-finished', { code: 'task-finished' });
  const holder = holderOf(task, { userId: worker.userId, deviceId: here ?? '' });
  if (holder.kind === 'here') return false;
  if (holder.kind === 'elsewhere' && !takeOver) {
    throw new DeviceRefusal('task-taken', { code: 'task-taken', by: holder.userName ?? '', ...(holder.deviceId ? { device: shortDeviceId(holder.deviceId), ...(holder.deviceName ? { deviceName: holder.deviceName } : {}) } : {}), ...(holder.sameWorker ? { you: true } : {}) });
  }
  // The step makes the device's copy this worker's, on this device, in its own transaction.
  // The key names the state the take was decided on: a double tap on Take writes one take.
  const stepKey = `take:${taskId}:${task.assignedTo ?? 'open'}:${task.workedOnDevice ?? 'none'}:${here ?? ''}`;
  await recordOperation(db, worker, { type: 'task-taken', taskId, takeOver: holder.kind === 'elsewhere' }, now, { stepKey });
  return true;
}
