/**
 * What a screen needs to work through one task, read from the device in one go:
 * the task, its products, its bins with their stock, and this device's progress.
 */
import type { BinWithStock, Product } from '../domain/catalog/product';
import type { Task } from '../domain/tasks/task';
import type { FloorDb, TaskProgress } from './floorDb';
import { productsByIds } from './lookup';
import { entriesOfTask, realLineProgress, type RealLineProgress } from './taskLineProgress';
import { cachedBins, cachedOutboxSince, cachedProductsByIds, cachedProgress, cachedSettings, cachedTask } from './readCache';
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

/**
 * Read through the device's read cache (readCache.ts): after the first event of a task
 * nothing here touches IndexedDB until a write changes what it holds.
 */
export async function readTaskAtHand(db: FloorDb, taskId: string): Promise<TaskAtHand | null> {
  const task = await cachedTask(db, taskId);
  if (!task) return null;
  const productIds = task.lines.flatMap((line) => (line.productId ? [line.productId] : []));
  const binCodes = [...new Set(task.lines.flatMap((line) => (line.binCode ? [line.binCode] : [])))];
  const [products, bins, progress] = await Promise.all([cachedProductsByIds(db, productIds, (missing) => productsByIds(db, missing)), cachedBins(db, binCodes), cachedProgress(db, taskId)]);
  // This device's own steps on it cannot be older than its start here.
  const entries = progress === null ? [] : await cachedOutboxSince(db, progress.startedAt);
  return { task, products, bins, progress, lineProgress: realLineProgress(task, progress, entriesOfTask(entries, task.id)) };
}

/** The warehouse's floor settings as last received, or the defaults before any arrived. */
export async function readWarehouseSettings(db: FloorDb): Promise<WarehouseSettings> {
  return (await cachedSettings(db, async () => (await readRecord(db, 'warehouseSettings')) ?? null)) ?? DEFAULT_WAREHOUSE_SETTINGS;
}
