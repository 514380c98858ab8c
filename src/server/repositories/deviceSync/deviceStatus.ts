/**
 * What each device last said of itself when it pulled: operations waiting and the age
 * of the oldest, last successful sync, storage, app version, last error. Written in a
 * transaction, so it is durable like everything else the server acknowledges.
 */
import type { Database } from '../../storage/database';
import type { DeviceStatus } from '../../../protocol/syncMessages';

export async function recordDeviceStatus(db: Database, deviceId: string, userId: string, warehouseId: string, status: DeviceStatus, now: Date): Promise<void> {
  await db.transaction((tx) =>
    tx.query(
      `update devices set last_status = $2::jsonb, status_at = $3, last_seen_at = $3, user_id = $4, warehouse_id = $5, app_version = $6,
              last_sync_at = coalesce($7::timestamptz, last_sync_at)
        where device_id = $1`,
      [deviceId, JSON.stringify(status), now, userId, warehouseId, status.appVersion, status.lastSyncAt],
    ),
  );
}
