/**
 * The audit of changes supervisors make to a warehouse's floor: its settings, and the
 * names of its devices. One row per change, written in the change's own transaction (a
 * change never lands without its row, nor a row without its change): who, when, which
 * device if any, and each field before and after.
 */
import type { Queryable } from '../../storage/database';
import type { WarehouseChangeEntry } from '../../../protocol/warehouseSettings';
import type { UserActor } from './userAudit';

export type FieldChanges = Readonly<Record<string, { readonly from: string | number | boolean | null; readonly to: string | number | boolean | null }>>;

export async function recordWarehouseChange(
  tx: Queryable,
  change: { warehouseId: string; actor: UserActor; subject: WarehouseChangeEntry['subject']; deviceId: string | null; changes: FieldChanges; at: Date },
): Promise<void> {
  await tx.query(`insert into warehouse_changes (warehouse_id, actor_id, actor_name, subject, device_id, changes, changed_at) values ($1, $2, $3, $4, $5, $6::jsonb, $7)`, [
    change.warehouseId,
    change.actor.id,
    change.actor.name,
    change.subject,
    change.deviceId,
    JSON.stringify(change.changes),
    change.at,
  ]);
}

/**
 * Changes in this warehouse since `from` (of one subject, or all), newest first: in the
 * order they were applied, which is the order of their ids (each is inserted after its
 * change took the row's lock). Not by time: a change's time is its request's, and of two
 * at once the one that waited for the lock may have asked first.
 */
export async function warehouseChangesIn(db: Queryable, warehouseId: string, options: { from: Date; limit: number; subject?: WarehouseChangeEntry['subject'] }): Promise<WarehouseChangeEntry[]> {
  const rows = await db.query<Omit<WarehouseChangeEntry, 'changedAt'> & { changedAt: Date }>(
    `select id::text, changed_at as "changedAt", actor_name as "actorName", subject, device_id as "deviceId", changes
       from warehouse_changes where warehouse_id = $1 and changed_at >= $2 and ($3::text is null or subject = $3)
      order by id desc limit $4`,
    [warehouseId, options.from, options.subject ?? null, options.limit],
  );
  return rows.map((r) => ({ ...r, changedAt: new Date(r.changedAt).toISOString() }));
}
