import { randomUUID } from 'node:crypto';
import { openFloorDb, type FloorDb } from '../../src/device/floorDb';

/** A fresh device database on fake-indexeddb, with its own name so tests do not share one. */
export function freshDeviceDb(): { db: FloorDb; name: string; reopen(): FloorDb } {
  const name = `test-${randomUUID()}`;
  const db = openFloorDb(name);
  return { db, name, reopen: () => openFloorDb(name) };
}
