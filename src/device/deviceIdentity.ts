import type { FloorDb } from './floorDb';
import { readRecord, writeRecord } from './syncState';

/**
 * The device's own id, made once and kept. Sessions are bound to it and, later,
 * every operation's sequence is counted per device.
 */
export async function deviceId(db: FloorDb): Promise<string> {
  return db.transaction('rw', db.syncState, async () => {
    const existing = await readRecord(db, 'deviceId');
    if (existing) return existing;
    const id = crypto.randomUUID();
    await writeRecord(db, 'deviceId', id);
    return id;
  });
}
