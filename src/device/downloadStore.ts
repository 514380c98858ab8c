/**
 * Storing the first download. A page's rows and the cursor after them are written
 * in one transaction: if the app is closed, crashes or loses the network between
 * pages, the next start resumes after the last page that was stored, and a page is
 * never stored twice or half.
 */
import type { BinWithStock, Product } from '../domain/catalog/product';
import type { Task } from '../domain/tasks/task';
import type { DownloadEntity, DownloadManifest } from '../protocol/download';
import { downloadEntities } from '../protocol/download';
import { floorTables, toProductBlocks, toStoredBin, type FloorDb } from './floorDb';
import { storageFailure } from './refusals';
import { layOnBins } from './overlay';
import { readRecord, writeRecord, type DownloadState } from './syncState';

export async function readDownload(db: FloorDb): Promise<DownloadState | null> {
  return (await readRecord(db, 'download')) ?? null;
}

/**
 * Starts a download for this manifest, or keeps the one under way when it is for
 * the same warehouse and the same server data. Anything else starts over from
 * empty floor tables.
 */
export async function beginDownload(db: FloorDb, manifest: DownloadManifest, now: Date = new Date()): Promise<DownloadState> {
  return db.transaction('rw', [db.syncState, ...floorTables(db)], async () => {
    const current = await readRecord(db, 'download');
    await writeRecord(db, 'warehouseSettings', manifest.settings);
    if (current && current.warehouseId === manifest.warehouseId && current.dataEpoch === manifest.dataEpoch && current.finishedAt === null) {
      return current;
    }
    await Promise.all(floorTables(db).map((table) => table.clear()));
    const entities = Object.fromEntries(
      downloadEntities.map((entity) => [entity, { total: manifest.counts[entity], stored: 0, cursor: null, done: false }]),
    ) as DownloadState['entities'];
    const state: DownloadState = {
      warehouseId: manifest.warehouseId,
      dataEpoch: manifest.dataEpoch,
      changeClock: manifest.changeClock,
      startedAt: now.toISOString(),
      finishedAt: null,
      entities,
    };
    await writeRecord(db, 'download', state);
    await writeRecord(db, 'pullCursor', manifest.pullCursor);
    await writeRecord(db, 'floorWarehouseId', manifest.warehouseId);
    return state;
  });
}

type Rows = { products: Product[]; bins: BinWithStock[]; tasks: Task[] };

async function putRows<E extends DownloadEntity>(db: FloorDb, entity: E, items: Rows[E], changeClock: string): Promise<void> {
  switch (entity) {
    case 'products':
      await db.productBlocks.bulkPut(toProductBlocks(items as Product[]));
      return;
    case 'bins':
      // After a reset of the server's data the outbox may still hold steps: they stay on top.
      await db.bins.bulkPut(await layOnBins(db, (items as BinWithStock[]).map((bin) => toStoredBin(bin, changeClock))));
      return;
    case 'tasks':
      // Progress as of the manifest's clock at least; the next pull brings what came after.
      await db.tasks.bulkPut((items as Task[]).map((task) => ({ ...task, serverClock: changeClock })));
      return;
  }
}

/** Stores one page and the cursor after it, together. Returns the new state. */
export async function storePage<E extends DownloadEntity>(db: FloorDb, entity: E, items: Rows[E], next: string | null): Promise<DownloadState> {
  try {
    return await db.transaction('rw', [db.syncState, db.outbox, ...floorTables(db)], async () => {
      const state = await readRecord(db, 'download');
      if (!state) throw new Error('No download is under way.');
      await putRows(db, entity, items, state.changeClock);
      const before = state.entities[entity];
      const updated: DownloadState = {
        ...state,
        entities: { ...state.entities, [entity]: { ...before, stored: before.stored + items.length, cursor: next, done: next === null } },
      };
      await writeRecord(db, 'download', updated);
      return updated;
    });
  } catch (error) {
    throw storageFailure(error);
  }
}

/** Marks the download complete: from now on the screens read only this device. */
export async function finishDownload(db: FloorDb, now: Date = new Date()): Promise<DownloadState> {
  return db.transaction('rw', db.syncState, async () => {
    const state = await readRecord(db, 'download');
    if (!state) throw new Error('No download is under way.');
    const finished: DownloadState = { ...state, finishedAt: now.toISOString() };
    await writeRecord(db, 'download', finished);
    await writeRecord(db, 'lastSyncAt', finished.finishedAt!);
    await db.syncState.delete('resyncNeeded');
    await writeRecord(db, 'everHeldData', finished.finishedAt!);
    return finished;
  });
}
