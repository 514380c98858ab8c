/**
 * What sync writes on the device, each in one IndexedDB transaction: the fates the
 * server gave the outbox's operations, and each pulled page with its cursor. Bins are
 * laid again (overlay.ts) whenever their server state or an operation on them changes.
 *
 * Invariants:
 * - An operation leaves `pending` only by the server's answer about it; nothing else
 *   removes work from the outbox (acknowledged entries are pruned only after KEEP_DAYS).
 * - A page's rows and the cursor after it are written together: a sync stopped at any
 *   moment resumes after the last page stored, and never stores a page twice or half.
 */
import type { BinWithStock, Product } from '../domain/catalog/product';
import type { Task } from '../domain/tasks/task';
import type { FloorOperation } from '../domain/floor/operations';
import { explain, type Why } from '../domain/why';
import type { DeviceStatus, OperationResult, PullResponse } from '../protocol/syncMessages';
import { toProductBlocks, toStoredBin, withStock, type FloorDb, type OutboxEntry, type OutboxStatus, type ProductBlock, type StoredBin, type StoredTask } from './floorDb';
import { binsTouchedBy, entriesByBin, laidStock, layOnBins, layableEntries } from './overlay';
import { readRecord, writeRecord } from './syncState';
import { storageFailure } from './refusals';

/** Acknowledged operations stay this long (for the sync screen, undo, and a server restored from a backup). */
export const KEEP_DAYS = 14;

type PulledPage = Extract<PullResponse, { kind: 'changes' }>;


/** Pending operations from a sequence number on, in order: what the next push sends. */
export async function readPushBatch(db: FloorDb, fromSeq: number, limit: number): Promise<OutboxEntry[]> {
  return db.outbox.where('deviceSeq').aboveOrEqual(fromSeq).limit(limit).toArray();
}

export async function firstPendingSeq(db: FloorDb): Promise<number | null> {
  const first = await db.outbox.orderBy('deviceSeq').filter((e) => e.status === 'pending').first();
  return first?.deviceSeq ?? null;
}

const statusOf = (status: OperationResult['status']): OutboxStatus => (status === 'conflict' ? 'rejected' : status);

/** Lays the named bins again from their server state and the outbox as it now stands. */
async function relay(db: FloorDb, binCodes: Iterable<string>): Promise<void> {
  const codes = [...new Set(binCodes)];
  if (codes.length === 0) return;
  const bins = (await db.bins.bulkGet(codes)).filter((b): b is StoredBin => b !== undefined);
  const { entries, byId } = await layableEntries(db);
  const byBin = entriesByBin(entries, byId);
  await db.bins.bulkPut(bins.map((bin) => withStock(bin, laidStock(bin, byBin.get(bin.code) ?? [], byId))));
}

/** Keeps what the server said of each operation; bins of operations it rejected stop showing them. */
export async function recordFates(db: FloorDb, fates: readonly { opId: string; status: OperationResult['status']; why: { code: string } | null; message: string | null; clock: string | null; settled?: boolean | undefined }[], now: Date = new Date()): Promise<void> {
  if (fates.length === 0) return;
  await db.transaction('rw', [db.outbox, db.bins], async () => {
    // Only the entries named (and the steps their undos name): a big outbox is not read whole per batch.
    const named = (await db.outbox.bulkGet(fates.map((f) => f.opId))).filter((e): e is OutboxEntry => e !== undefined);
    const targets = named.flatMap((e) => ((e.payload as FloorOperation).type === 'undo' ? [(e.payload as Extract<FloorOperation, { type: 'undo' }>).undoesOpId] : []));
    const byId = new Map([...named, ...(await db.outbox.bulkGet(targets)).filter((e): e is OutboxEntry => e !== undefined)].map((e) => [e.opId, e]));
    const touched: string[] = [];
    const updates: OutboxEntry[] = [];
    for (const fate of fates) {
      const entry = byId.get(fate.opId);
      if (!entry || entry.status === 'dismissed') continue;
      // Rejected and settled elsewhere (a supervisor resolved it): no longer this worker's to settle.
      const status = fate.settled === true && statusOf(fate.status) === 'rejected' ? 'dismissed' : statusOf(fate.status);
      const updated: OutboxEntry = {
        ...entry,
        status,
        clock: fate.clock,
        acknowledgedAt: entry.acknowledgedAt ?? now.toISOString(),
        ...((status === 'rejected' || status === 'dismissed') && fate.why ? { rejection: { why: fate.why as Why, message: fate.message ?? '' } } : {}),
      };
      updates.push(updated);
      byId.set(entry.opId, updated);
      // Acknowledged or not, a step stays on its bin until the bin's state holds it; only a rejection takes it off at once.
      if ((status === 'rejected' || status === 'dismissed') && entry.status !== 'rejected') touched.push(...binsTouchedBy(entry, byId));
    }
    await db.outbox.bulkPut(updates);
    await relay(db, touched);
  });
}

/** New and changed products, each in its block; a first pull into an empty catalog skips the look-ups. */
async function putProducts(db: FloorDb, products: readonly Product[], catalogWasEmpty: boolean): Promise<void> {
  if (products.length === 0) return;
  if (catalogWasEmpty) {
    await db.productBlocks.bulkPut(toProductBlocks(products));
    return;
  }
  const blocks = new Map<string, ProductBlock>();
  const fresh: Product[] = [];
  for (const product of products) {
    const block = [...blocks.values()].find((b) => b.productIds.includes(product.id)) ?? (await db.productBlocks.where('productIds').equals(product.id).first());
    if (!block) {
      fresh.push(product);
      continue;
    }
    const members = block.products.map((p) => (p.id === product.id ? product : p));
    blocks.set(block.blockId, { ...block, products: members, gtins: members.flatMap((p) => p.codes.map((c) => c.gtin)) });
  }
  await db.productBlocks.bulkPut([...blocks.values(), ...toProductBlocks(fresh)]);
}

/**
 * Tasks as the server has them, each with the clock of that state, and this device's
 * pending take on top (the server has not seen it yet): an open task, or one taken over.
 */
async function putTasks(db: FloorDb, tasks: readonly Task[], clockOf: (taskId: string) => string): Promise<void> {
  if (tasks.length === 0) return;
  const pending = await db.outbox.where('status').equals('pending').toArray();
  const takes = new Map(pending.filter((e) => e.type === 'task-taken').map((e) => [(e.payload as Extract<FloorOperation, { type: 'task-taken' }>).taskId, e]));
  const here = await readRecord(db, 'deviceId');
  await db.tasks.bulkPut(
    tasks.map((task): StoredTask => {
      const stored: StoredTask = { ...task, serverClock: clockOf(task.id) };
      const take = takes.get(task.id);
      if (!take || task.status === 'done' || task.status === 'cancelled') return stored;
      const takeOver = (take.payload as Extract<FloorOperation, { type: 'task-taken' }>).takeOver === true;
      if (task.assignedTo !== null && !takeOver) return stored;
      return here === undefined ? { ...stored, assignedTo: take.userId, status: 'in-progress' } : { ...stored, assignedTo: take.userId, status: 'in-progress', workedOnDevice: here, workedOnDeviceName: null };
    }),
  );
}

/** Stores one pulled page with the cursor after it. */
export async function storePulledPage(db: FloorDb, page: PulledPage, options: { catalogWasEmpty: boolean }): Promise<void> {
  try {
    await db.transaction('rw', [db.productBlocks, db.bins, db.tasks, db.outbox, db.syncState], async () => {
      await putProducts(db, page.products, options.catalogWasEmpty);
      const bins = page.bins.map((bin: BinWithStock) => toStoredBin(bin, page.binClocks[bin.code] ?? page.clock));
      await db.bins.bulkPut(await layOnBins(db, bins));
      await putTasks(db, page.tasks, (taskId) => page.taskClocks[taskId] ?? page.clock);
      // Every page carries the settings: written only when they changed, so a screen showing them reads nothing again.
      if (JSON.stringify(await readRecord(db, 'warehouseSettings')) !== JSON.stringify(page.settings)) await writeRecord(db, 'warehouseSettings', page.settings);
      await writeRecord(db, 'pullCursor', page.cursor);
    });
  } catch (error) {
    throw storageFailure(error);
  }
  await recordFates(db, page.operations);
}

/** Marks a sync done: when, and that no error stands. */
export async function syncSucceeded(db: FloorDb, now: Date = new Date()): Promise<void> {
  await db.transaction('rw', [db.syncState, db.outbox], async () => {
    await writeRecord(db, 'lastSyncAt', now.toISOString());
    await db.syncState.delete('lastSyncError');
    const cutoff = new Date(now.getTime() - KEEP_DAYS * 86_400_000).toISOString();
    // Acknowledged long ago and applied: nothing on the device needs them any more.
    await db.outbox.filter((e) => e.status !== 'pending' && e.status !== 'rejected' && (e.acknowledgedAt ?? e.createdAt) < cutoff).delete();
  });
}

export async function syncFailed(db: FloorDb, why: Why, now: Date = new Date()): Promise<void> {
  await writeRecord(db, 'lastSyncError', { why, at: now.toISOString() });
}

/** The device as it tells the server (and the supervisors) about itself. */
export async function deviceStatusOf(db: FloorDb, storage: { persisted: boolean | null; usageBytes: number | null; quotaBytes: number | null }, appVersion: string): Promise<DeviceStatus> {
  const [pending, rejected, lastSyncAt, lastError, previousRun] = await Promise.all([
    db.outbox.where('status').equals('pending').sortBy('deviceSeq'),
    db.outbox.where('status').equals('rejected').count(),
    readRecord(db, 'lastSyncAt'),
    readRecord(db, 'lastSyncError'),
    readRecord(db, 'lastSyncRun'),
  ]);
  return {
    appVersion,
    pending: pending.length,
    oldestPendingAt: pending[0]?.createdAt ?? null,
    rejected,
    lastSyncAt: lastSyncAt ?? null,
    ...storage,
    lastError: lastError ? explain(lastError.why).slice(0, 500) : null,
    previousRun: previousRun ?? null,
  };
}
