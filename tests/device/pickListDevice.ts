/**
 * A device holding one pick list (t-1: 6 of p1 from A-01-01-1, which holds 10), on
 * fake-indexeddb, for the tests of how steps are decided and written.
 */
import { toProductBlocks, toStoredBin, withStock, type FloorDb, type StoredTask } from '../../src/device/floorDb';
import { readPickContext } from '../../src/device/flowContexts';
import { writeRecord } from '../../src/device/syncState';
import type { PickOp } from '../../src/domain/floor/operations';
import type { Product } from '../../src/domain/catalog/product';
import type { Gtin14 } from '../../src/domain/codes/gtin';
import { freshDeviceDb } from './deviceDb';

export const worker = { userId: 'u-picker1', warehouseId: 'wh-main' };
export const product: Product = { id: 'p1', sku: 'SKU-1', name: 'Chickpeas 1 l', unit: 'tin', zone: 'A', lotTracked: false, expiryTracked: false, codes: [{ gtin: '04010000000012' as Gtin14, packQty: 1, packLevel: 'each', symbology: 'ean-13', printed: '4010000000012' }] };
export const binA = toStoredBin({ code: 'A-01-01-1', zone: 'A', aisle: 'A-01', walkSeq: 10, stock: [{ binCode: 'A-01-01-1', productId: 'p1', lot: '', expiry: null, qty: 10 }] }, '5');
export const list: StoredTask = {
  id: 't-1',
  kind: 'pick',
  reference: 'SO-1',
  status: 'in-progress',
  assignedTo: 'u-picker1',
  assignedToName: 'Pat Picker',
  workedOnDevice: 'dev-here',
  createdAt: '2026-12-01T08:00:00Z',
  conflicts: [],
  lines: [{ lineNo: 1, binCode: 'A-01-01-1', productId: 'p1', lot: null, qty: 6, done: 0, short: null }],
  serverClock: '5',
};
export const pick = (qty = 1): PickOp => ({ type: 'pick', taskId: 't-1', lineNo: 1, binCode: 'A-01-01-1', productId: 'p1', lot: '', expiry: null, qty, proposedLot: null });

/** The device, its database put in `opened` (the test closes them). */
export async function device(opened: FloorDb[]): Promise<{ db: FloorDb; reopen: () => FloorDb }> {
  const device = freshDeviceDb();
  opened.push(device.db);
  await writeRecord(device.db, 'deviceId', 'dev-here');
  await device.db.productBlocks.bulkPut(toProductBlocks([product]));
  await device.db.bins.put(binA);
  await device.db.tasks.put(list);
  return device;
}

export const doneOf = async (db: FloorDb) => (await readPickContext(db, 't-1'))!.lines[0]!.done;

/** Empties bin A straight in IndexedDB, around Dexie (another program on the same database): no notice reaches the read cache. */
export function emptyBinAroundDexie(db: FloorDb): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const tx = db.backendDB().transaction('bins', 'readwrite');
    tx.objectStore('bins').put(withStock(binA, []));
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}
