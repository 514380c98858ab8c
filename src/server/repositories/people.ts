/** Users, their warehouses, devices and device sessions. */
import type { Queryable } from '../storage/database';
import type { DeviceStatus } from '../../protocol/syncMessages';
import type { FloorJob, Role } from '../../domain/people/roles';
import type { Warehouse } from '../../domain/catalog/product';

export interface UserRecord {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly jobs: FloorJob[];
  readonly pinHash: string;
}

export async function findUserByName(db: Queryable, username: string): Promise<UserRecord | null> {
  const [row] = await db.query<UserRecord>(
    `select id, username, display_name as "displayName", role, jobs, pin_hash as "pinHash" from users where lower(username) = lower($1)`,
    [username],
  );
  return row ?? null;
}

export async function warehousesOf(db: Queryable, userId: string): Promise<Warehouse[]> {
  return db.query<Warehouse>(
    `select w.id, w.code, w.name from warehouses w join user_warehouses uw on uw.warehouse_id = w.id where uw.user_id = $1 order by w.code`,
    [userId],
  );
}

export async function mayOpenWarehouse(db: Queryable, userId: string, warehouseId: string): Promise<boolean> {
  const rows = await db.query('select 1 from user_warehouses where user_id = $1 and warehouse_id = $2', [userId, warehouseId]);
  return rows.length > 0;
}

export async function recordDeviceSignIn(
  db: Queryable,
  session: { tokenHash: string; userId: string; deviceId: string; appVersion: string; userAgent: string; expiresAt: Date },
): Promise<void> {
  await db.query(
    `insert into devices (device_id, user_id, app_version, user_agent) values ($1, $2, $3, $4)
     on conflict (device_id) do update set user_id = excluded.user_id, app_version = excluded.app_version,
       user_agent = excluded.user_agent, last_seen_at = now()`,
    [session.deviceId, session.userId, session.appVersion, session.userAgent],
  );
  // One live session per device: signing in again ends the previous one.
  await db.query('update device_sessions set revoked_at = now() where device_id = $1 and revoked_at is null', [session.deviceId]);
  await db.query('insert into device_sessions (token_hash, user_id, device_id, expires_at) values ($1, $2, $3, $4)', [
    session.tokenHash, session.userId, session.deviceId, session.expiresAt,
  ]);
}

export interface SessionRecord {
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  readonly jobs: FloorJob[];
  readonly deviceId: string;
  readonly expired: boolean;
  readonly revoked: boolean;
}

export async function findSession(db: Queryable, tokenHash: string): Promise<SessionRecord | null> {
  const [row] = await db.query<SessionRecord>(
    `select s.user_id as "userId", u.username, u.role, u.jobs, s.device_id as "deviceId",
            s.expires_at < now() as expired, s.revoked_at is not null as revoked
       from device_sessions s join users u on u.id = s.user_id where s.token_hash = $1`,
    [tokenHash],
  );
  return row ?? null;
}

export async function revokeSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('update device_sessions set revoked_at = now() where token_hash = $1 and revoked_at is null', [tokenHash]);
}

/** Marks the device seen, at most once a minute, so busy devices do not write on every request. */
export async function touchDevice(db: Queryable, deviceId: string, warehouseId: string | null): Promise<void> {
  await db.query(
    `update devices set last_seen_at = now(), warehouse_id = coalesce($2, warehouse_id)
      where device_id = $1 and (last_seen_at < now() - interval '1 minute' or warehouse_id is distinct from coalesce($2, warehouse_id))`,
    [deviceId, warehouseId],
  );
}

export interface DeviceRow {
  readonly deviceId: string;
  readonly username: string | null;
  readonly warehouseId: string | null;
  readonly appVersion: string | null;
  readonly lastSeenAt: Date | null;
  readonly lastSyncAt: Date | null;
  readonly status: DeviceStatus | null;
  readonly statusAt: Date | null;
  readonly rejectedOpen: number;
}

/** The devices of these warehouses (and those not in one yet), or only the one named. */
export async function listDevices(db: Queryable, warehouseIds: readonly string[], onlyDeviceId: string | null = null): Promise<DeviceRow[]> {
  return db.query<DeviceRow>(
    `select d.device_id as "deviceId", u.username, d.warehouse_id as "warehouseId", d.app_version as "appVersion", d.last_seen_at as "lastSeenAt",
            d.last_sync_at as "lastSyncAt", d.last_status as status, d.status_at as "statusAt",
            (select count(*)::int from operations o where o.device_id = d.device_id and o.status = 'rejected' and o.resolved_at is null) as "rejectedOpen"
       from devices d left join users u on u.id = d.user_id
      where (d.warehouse_id is null or d.warehouse_id = any($1::text[])) and ($2::text is null or d.device_id = $2)
      order by d.last_seen_at desc`,
    [warehouseIds, onlyDeviceId],
  );
}
