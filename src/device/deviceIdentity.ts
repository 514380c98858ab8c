import type { FloorDb } from './floorDb';
import { readRecord, writeRecord } from './syncState';

/**
 * The device's own id, made once and kept. Sessions are bound to it and, later,
 * every operation's sequence is counted per device.
 */
export async function deviceId(db: FloorDb): Promise<string> {
  return db.transaction('rw', db.syncState, async () => {
    const existing = await readRecord(db, 'deviceId');
    if (existing) {
      keepMarker(existing);
      return existing;
    }
    const id = crypto.randomUUID();
    await writeRecord(db, 'deviceId', id);
    // The marker outside IndexedDB names another device: the database was cleared since.
    const before = readMarker();
    if (before !== null && before !== id) {
      await writeRecord(db, 'storageLost', { previousDeviceId: before, pendingAtLastSync: null, lastSyncAt: null, noticedAt: new Date().toISOString() });
    }
    keepMarker(id);
    return id;
  });
}

/**
 * A note of the device id kept in localStorage beside IndexedDB: when only the database
 * is cleared (a person clearing site data in part, or a quota eviction of IndexedDB),
 * the next start finds the note and says so, even offline. (When everything is cleared
 * the server tells at the next sign-in instead.)
 */
const MARKER = 'handheld.deviceId';

function readMarker(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(MARKER);
  } catch {
    return null;
  }
}

function keepMarker(id: string): void {
  try {
    if (typeof localStorage !== 'undefined' && localStorage.getItem(MARKER) !== id) localStorage.setItem(MARKER, id);
  } catch {
    // No storage (private mode): the server's cookie still tells.
  }
}
