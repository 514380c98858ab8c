/**
 * One lock order for every writer, so no two transactions ever wait on each other in a
 * circle (a deadlock). Whatever a transaction locks, it locks in this order, each kind
 * sorted, and takes only what it needs:
 *
 *   1. the device's row (a push: `devices … for update`, pushOperations.ts)
 *   2. the batch's op ids (advisory locks, sorted by their hash, pushOperations.ts)
 *   3. bins, sorted by code            (lockBins)
 *   4. tasks, sorted by id             (lockTasks)
 *   5. the warehouse's change clock    (takeChangeClock, changeClock.ts), held to commit
 *   6. rows written under the clock: operations, reviews, balances…
 *
 * Imports, task planning, count reviews and resolutions follow the same order: a stock or
 * bin import locks its bins before the clock, as a push does. tests/server/lockOrder.test.ts
 * runs them all at once on PostgreSQL.
 */
import type { Queryable } from '../storage/database';

/** Locks these bins of a warehouse, sorted; returns the codes that exist. */
export async function lockBins(tx: Queryable, warehouseId: string, binCodes: readonly string[]): Promise<string[]> {
  if (binCodes.length === 0) return [];
  const rows = await tx.query<{ code: string }>('select code from bins where warehouse_id = $1 and code = any($2::text[]) order by code for update', [warehouseId, [...new Set(binCodes)]]);
  return rows.map((r) => r.code);
}

/** Locks these tasks of a warehouse, sorted. */
export async function lockTasks(tx: Queryable, warehouseId: string, taskIds: readonly string[]): Promise<void> {
  if (taskIds.length === 0) return;
  await tx.query('select id from tasks where warehouse_id = $1 and id = any($2::text[]) order by id for update', [warehouseId, [...new Set(taskIds)]]);
}
