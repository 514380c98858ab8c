/**
 * Built only for `npm run bench` (into dist/bench/): the device's own code for the
 * sync figures, run in a page of the app's origin while the app itself is not
 * running there, on the IndexedDB the app downloaded into. Not part of the app.
 */
import { openFloorDb } from '../src/device/floorDb';
import { recordOperation } from '../src/device/floorOperations';
import { readRecord, deleteRecord } from '../src/device/syncState';
import { createApiClient } from '../src/sync/apiClient';
import { pullChanges } from '../src/sync/syncEngine';

/** Records `count` putaways as the Putaway screen would, each in its own transaction. */
export async function queueOperations(count: number, binCode: string, productId: string): Promise<number> {
  const db = openFloorDb();
  const session = (await readRecord(db, 'session'))!;
  const worker = { userId: session.user.id, warehouseId: session.warehouse!.id };
  for (let i = 0; i < count; i++) {
    await recordOperation(db, worker, { type: 'putaway', taskId: null, lineNo: null, binCode, productId, lot: '', expiry: null, qty: 1, suggestedBinCode: null });
  }
  const pending = await db.outbox.where('status').equals('pending').count();
  db.close();
  return pending;
}

export async function pendingCount(): Promise<number> {
  const db = openFloorDb();
  const pending = await db.outbox.where('status').equals('pending').count();
  db.close();
  return pending;
}

/** Empties the device's catalog, then pulls the whole warehouse from the start (cursor null): the time it takes. */
export async function fullPull(): Promise<{ ms: number; products: number; bins: number }> {
  const db = openFloorDb();
  const session = (await readRecord(db, 'session'))!;
  const id = (await readRecord(db, 'deviceId'))!;
  await db.transaction('rw', [db.productBlocks, db.bins, db.tasks, db.syncState], async () => {
    await Promise.all([db.productBlocks.clear(), db.bins.clear(), db.tasks.clear()]);
    await deleteRecord(db, 'pullCursor');
  });
  const api = createApiClient(() => ({ token: session.token, deviceId: id }));
  const start = performance.now();
  await pullChanges(db, api, { warehouseId: session.warehouse!.id });
  const ms = performance.now() - start;
  const blocks = await db.productBlocks.toArray();
  const result = { ms, products: blocks.reduce((n, b) => n + b.products.length, 0), bins: await db.bins.count() };
  db.close();
  return result;
}
