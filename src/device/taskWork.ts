/**
 * What a screen needs to work through one task, read from the device in one go:
 * the task, its products, its bins with their stock, and this device's progress.
 */
import type { BinWithStock, Product } from '../domain/catalog/product';
import type { Task } from '../domain/tasks/task';
import type { FloorDb, TaskProgress } from './floorDb';
import { entriesOfTask, realLineProgress, type RealLineProgress } from './taskLineProgress';
import { cachedBins, cachedOutboxSince, cachedProgress, cachedSettings, cachedTask } from './readCache';
import { cachedProductsByIds } from './productCache';
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

/**
 * Read through the device's read cache (readCache.ts): after the first event of a task
 * nothing here touches IndexedDB until a write changes what it holds.
 */
export async function readTaskAtHand(db: FloorDb, taskId: string): Promise<TaskAtHand | null> {
  const task = await cachedTask(db, taskId);
  if (!task) return null;
  const productIds = task.lines.flatMap((line) => (line.productId ? [line.productId] : []));
  const binCodes = [...new Set(task.lines.flatMap((line) => (line.binCode ? [line.binCode] : [])))];
  const [products, bins, progress] = await Promise.all([cachedProductsByIds(db, productIds), cachedBins(db, binCodes), cachedProgress(db, taskId)]);
  // This device's own steps on it cannot be older than its start here.
  const entries = progress === null ? [] : await cachedOutboxSince(db, progress.startedAt);
  return { task, products, bins, progress, lineProgress: realLineProgress(task, progress, entriesOfTask(entries, task.id)) };
}

/**
 * The warehouse's floor settings as last received, or the defaults before any arrived.
 * Settings kept by an app from before time zones (none stored), and a zone this browser
 * does not know, fall back to the device's own zone: its local date, as the floor had.
 */
export async function readWarehouseSettings(db: FloorDb): Promise<WarehouseSettings> {
  // Kept in the read cache as merged (the zone checked once), dropped when new settings are stored.
  const settings = await cachedSettings(db, async () => {
    const stored: Partial<WarehouseSettings> | undefined = await readRecord(db, 'warehouseSettings');
    return { ...DEFAULT_WAREHOUSE_SETTINGS, ...stored, timeZone: knownTimeZone(stored?.timeZone ?? '') ?? localTimeZone() };
  });
  return settings ?? DEFAULT_WAREHOUSE_SETTINGS;
}

/** Which day it is on this warehouse's floor (floorDate.ts), with the settings read above. */
export const floorToday = (settings: WarehouseSettings, now: Date): string => floorDate(now, settings.timeZone);
