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
import { floorDate, knownTimeZone, localTimeZone } from '../domain/floor/floorDate';

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

/**
 * The warehouse's floor settings as last received, or the defaults before any arrived.
 * Settings kept by an app from before time zones (none stored), and a zone this browser
 * does not know, fall back to the device's own zone: its local date, as the floor had.
 */
export async function readWarehouseSettings(db: FloorDb): Promise<WarehouseSettings> {
  const stored: Partial<WarehouseSettings> | undefined = await readRecord(db, 'warehouseSettings');
  return { ...DEFAULT_WAREHOUSE_SETTINGS, ...stored, timeZone: knownTimeZone(stored?.timeZone ?? '') ?? localTimeZone() };
}

/** Which day it is on this warehouse's floor (floorDate.ts), with the settings read above. */
export const floorToday = (settings: WarehouseSettings, now: Date): string => floorDate(now, settings.timeZone);
