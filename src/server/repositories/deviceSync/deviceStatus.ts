/**
 * What each device last said of itself when it pulled: operations waiting and the age
 * of the oldest, last successful sync, storage, app version, last error, and how its
 * previous run went (the sync history). Written durably (`db.write`), like everything else
 * the server acknowledges.
 */
import type { Database } from '../../storage/database';
import type { DeviceStatus } from '../../../protocol/syncMessages';

export async function recordDeviceStatus(db: Database, deviceId: string, userId: string, warehouseId: string, status: DeviceStatus, now: Date): Promise<void> {
  const run = status.previousRun ?? null;
  // One statement: the device's row, and one row of sync history per sync (the status comes
  // with the first pull of each) with the device's sequence number at that moment.
  await db.write(
    `with d as (
         update devices set last_status = $2::jsonb, status_at = $3, last_seen_at = $3, user_id = $4, warehouse_id = $5, app_version = $6,
                last_sync_at = coalesce($7::timestamptz, last_sync_at)
          where device_id = $1
          returning device_id, last_seq)
       insert into device_syncs (device_id, warehouse_id, reported_at, last_seq, pending, oldest_pending_at, last_error, run_started_at, run_ms, run_pushed, run_error)
       select d.device_id, $5, $3, d.last_seq, $8, $9, $10, $11, $12, $13, $14 from d`,
      [deviceId, JSON.stringify(status), now, userId, warehouseId, status.appVersion, status.lastSyncAt, status.pending, status.oldestPendingAt, status.lastError, run?.startedAt ?? null, run?.durationMs ?? null, run?.pushed ?? null, run?.error ?? null],
  );
}
