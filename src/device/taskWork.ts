/**
 * What a screen needs to work through one task, read from the device in one go:
 * the task, its products, its bins with their stock, and this device's progress.
 */
import type { BinWithStock, Product } from '../domain/catalog/product';
import type { Task } from '../domain/tasks/task';
import type { FloorDb, TaskProgress } from './floorDb';
import { productsByIds } from './lookup';
import { lineProgressOf, type RealLineProgress } from './taskLineProgress';
import { readRecord } from './syncState';
import { DEFAULT_WAREHOUSE_SETTINGS, type WarehouseSettings } from '../domain/floor/warehouseSettings';

export interface TaskAtHand {
  readonly task: Task;
  readonly products: ReadonlyMap<string, Product>;
  readonly bins: ReadonlyMap<string, BinWithStock>;
  readonly progress: TaskProgress | null;
  /** Per line: its real progress, the server's from every device with this device's steps on top. */
  readonly lineProgress: Readonly<Record<number, RealLineProgress>>;
}

export async function readTaskAtHand(db: FloorDb, taskId: string): Promise<TaskAtHand | null> {
  const task = await db.tasks.get(taskId);
  if (!task) return null;
  const productIds = task.lines.flatMap((line) => (line.productId ? [line.productId] : []));
  const binCodes = [...new Set(task.lines.flatMap((line) => (line.binCode ? [line.binCode] : [])))];
  const [products, bins, progress] = await Promise.all([productsByIds(db, productIds), db.bins.bulkGet(binCodes), db.taskProgress.get(taskId)]);
  return {
    task,
    products,
    bins: new Map(bins.flatMap((bin) => (bin ? [[bin.code, bin] as const] : []))),
    progress: progress ?? null,
    lineProgress: await lineProgressOf(db, task, progress ?? null),
  };
}

/** The warehouse's floor settings as last received, or the defaults before any arrived. */
export async function readWarehouseSettings(db: FloorDb): Promise<WarehouseSettings> {
  return (await readRecord(db, 'warehouseSettings')) ?? DEFAULT_WAREHOUSE_SETTINGS;
}
