/**
 * The audit of changes to users: one row per change, written in the change's own
 * transaction (so a change is never made without its row, nor a row without its change),
 * read by the activity log of every warehouse the user was or is in. Never holds a PIN.
 */
import type { Queryable } from '../../storage/database';
import type { UserChangeEntry } from '../../../protocol/users';

/** Who made a change: a signed-in user, or the command line (no id). */
export interface UserActor {
  readonly id: string | null;
  readonly name: string;
}

export type UserChanges = Record<string, { from: unknown; to: unknown }>;

export async function recordUserChange(
  tx: Queryable,
  change: { actor: UserActor; userId: string; username: string; action: UserChangeEntry['action']; changes: UserChanges; warehouseIds: readonly string[] },
): Promise<void> {
  await tx.query(
    `insert into user_changes (actor_id, actor_name, user_id, username, action, changes, warehouse_ids) values ($1, $2, $3, $4, $5, $6::jsonb, $7::text[])`,
    [change.actor.id, change.actor.name, change.userId, change.username, change.action, JSON.stringify(change.changes), [...new Set(change.warehouseIds)]],
  );
}

/** The fields that differ between before and after, each with both values. */
export function differences(before: Record<string, unknown>, after: Record<string, unknown>): UserChanges {
  const changes: UserChanges = {};
  for (const key of Object.keys(after)) {
    if (after[key] === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key] ?? null, to: after[key] };
  }
  return changes;
}

/** Changes to users of this warehouse since `from`, newest first. */
export async function userChangesIn(db: Queryable, warehouseId: string, from: Date, limit: number): Promise<UserChangeEntry[]> {
  const rows = await db.query<Omit<UserChangeEntry, 'changedAt'> & { changedAt: Date }>(
    `select id::text, changed_at as "changedAt", actor_name as "actorName", username, action, changes
       from user_changes where $1 = any(warehouse_ids) and changed_at >= $2 order by changed_at desc, id desc limit $3`,
    [warehouseId, from, limit],
  );
  return rows.map((r) => ({ ...r, changedAt: new Date(r.changedAt).toISOString() }));
}
