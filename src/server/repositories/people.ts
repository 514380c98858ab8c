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
  readonly disabled: boolean;
}

export async function findUserByName(db: Queryable, username: string): Promise<UserRecord | null> {
  const [row] = await db.query<UserRecord>(
    `select id, username, display_name as "displayName", role, jobs, pin_hash as "pinHash", disabled_at is not null as disabled from users where lower(username) = lower($1)`,
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
  /** The user was disabled (their sessions end with it). */
  readonly disabled: boolean;
  /** Why the session was ended for its user, when it was: 'disabled', 'pin-reset'. */
  readonly endedBecause: string | null;
  /** The warehouses the user works in, read with the session: a request needs no second read to check one. */
  readonly warehouseIds: readonly string[];
}

export async function findSession(db: Queryable, tokenHash: string): Promise<SessionRecord | null> {
  const [row] = await db.query<SessionRecord>(
    `select s.user_id as "userId", u.username, u.role, u.jobs, s.device_id as "deviceId",
            s.expires_at < now() as expired, s.revoked_at is not null as revoked,
            u.disabled_at is not null as disabled, s.ended_because as "endedBecause",
            array(select uw.warehouse_id from user_warehouses uw where uw.user_id = s.user_id) as "warehouseIds"
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
  readonly name: string | null;
  readonly username: string | null;
  readonly warehouseId: string | null;
  readonly appVersion: string | null;
  readonly lastSeenAt: Date | null;
  readonly lastSyncAt: Date | null;
  readonly status: DeviceStatus | null;
  readonly statusAt: Date | null;
  readonly rejectedOpen: number;
}

/**
 * The devices a supervisor of these warehouses may see, or only the one named: those now
 * in one of them, those not in a warehouse yet whose user works in one of them, and those
 * that synced in one of them before moving on. A device now in another warehouse shows as
 * it was last seen in theirs (that warehouse, that time; no user or status, which belong
 * to where it is now). Rejected steps are counted in their warehouses only.
 */
export async function listDevices(db: Queryable, warehouseIds: readonly string[], onlyDeviceId: string | null = null): Promise<DeviceRow[]> {
  return db.query<DeviceRow>(
    `select d.device_id as "deviceId", d.name, case when v.here then u.username end as username,
            case when v.here then d.warehouse_id else last_mine.warehouse_id end as "warehouseId", d.app_version as "appVersion",
            case when v.here then d.last_seen_at else last_mine.reported_at end as "lastSeenAt",
            case when v.here then d.last_sync_at else last_mine.reported_at end as "lastSyncAt",
            case when v.here then d.last_status end as status, case when v.here then d.status_at end as "statusAt",
            (select count(*)::int from operations o
              where o.device_id = d.device_id and o.warehouse_id = any($1::text[]) and o.status = 'rejected' and o.resolved_at is null) as "rejectedOpen"
       from devices d left join users u on u.id = d.user_id
       cross join lateral (select d.warehouse_id = any($1::text[])
              or (d.warehouse_id is null and exists (select 1 from user_warehouses uw where uw.user_id = d.user_id and uw.warehouse_id = any($1::text[]))) as here) v
       left join lateral (select s.warehouse_id, s.reported_at from device_syncs s
              where not v.here and s.device_id = d.device_id and s.warehouse_id = any($1::text[]) order by s.reported_at desc limit 1) last_mine on true
      where (v.here or last_mine.warehouse_id is not null) and ($2::text is null or d.device_id = $2)
      order by "lastSeenAt" desc nulls last`,
    [warehouseIds, onlyDeviceId],
  );
}
