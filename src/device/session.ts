/**
 * The signed-in session and the warehouse the device works in. Signing out and
 * changing warehouse both refuse while operations wait to be sent: they would
 * otherwise be stranded on a device that no longer knows whose they are.
 */
import type { Warehouse } from '../domain/catalog/product';
import type { SignInResponse } from '../protocol/auth';
import { floorTables, type FloorDb } from './floorDb';
import { DeviceRefusal } from './refusals';
import { deleteRecord, readRecord, writeRecord, type DeviceSession } from './syncState';

export async function unsentOperations(db: FloorDb): Promise<number> {
  return db.outbox.where('status').equals('pending').count();
}

function unsentRefusal(count: number): DeviceRefusal {
  return new DeviceRefusal('unsent-operations', { code: 'unsent-operations', count });
}

export async function readSession(db: FloorDb): Promise<DeviceSession | null> {
  return (await readRecord(db, 'session')) ?? null;
}

/** Keeps a new sign-in; the warehouse is chosen at once when the user has only one. */
export async function saveSignIn(db: FloorDb, response: SignInResponse, now: Date = new Date()): Promise<DeviceSession> {
  // Steps waiting to be sent belong to whoever did them; only they may sign in until they are sent.
  const waiting = await db.outbox.where('status').equals('pending').toArray();
  const others = waiting.filter((e) => e.userId !== response.user.id);
  if (others.length > 0) throw unsentRefusal(others.length);
  const session: DeviceSession = {
    token: response.token,
    expiresAt: response.expiresAt,
    user: response.user,
    warehouses: response.warehouses,
    warehouse: null,
    signedInAt: now.toISOString(),
  };
  await writeRecord(db, 'session', session);
  if (response.previousDevice) {
    await writeRecord(db, 'storageLost', { previousDeviceId: response.previousDevice.deviceId, pendingAtLastSync: response.previousDevice.pendingAtLastSync, lastSyncAt: response.previousDevice.lastSyncAt, noticedAt: now.toISOString() });
  }
  const only = response.warehouses.length === 1 ? response.warehouses[0] : undefined;
  return only ? chooseWarehouse(db, only) : session;
}

/**
 * Sets the session's warehouse. When the floor tables hold another warehouse's
 * data it is cleared (and the download starts over), unless operations wait.
 */
export async function chooseWarehouse(db: FloorDb, warehouse: Warehouse): Promise<DeviceSession> {
  return db.transaction('rw', [db.syncState, db.outbox, db.taskProgress, ...floorTables(db)], async () => {
    const session = await readRecord(db, 'session');
    if (!session) throw new DeviceRefusal('no-session', { code: 'no-session' });
    const held = await readRecord(db, 'floorWarehouseId');
    if (held !== undefined && held !== warehouse.id) {
      const waiting = await unsentOperations(db);
      if (waiting > 0) throw unsentRefusal(waiting);
      await Promise.all([...floorTables(db), db.taskProgress].map((table) => table.clear()));
      await deleteRecord(db, 'download');
    }
    const updated: DeviceSession = { ...session, warehouse };
    await writeRecord(db, 'session', updated);
    return updated;
  });
}

/** Ends the session on the device. The floor data stays for the next worker of the same warehouse. */
export async function signOut(db: FloorDb): Promise<void> {
  await db.transaction('rw', [db.syncState, db.outbox], async () => {
    const waiting = await unsentOperations(db);
    if (waiting > 0) throw unsentRefusal(waiting);
    await deleteRecord(db, 'session');
  });
}
