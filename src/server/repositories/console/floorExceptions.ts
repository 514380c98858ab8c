/**
 * What went wrong on the floor and waits for a supervisor: short picks (not undone)
 * and stock flags (a pick that took the book below zero, a bin a picker asked to be
 * counted) not yet resolved. A flag is resolved with a note, or by counting the bin
 * (a count task made from the flags' bins).
 */
import type { Database } from '../../storage/database';
import type { FloorExceptions } from '../../../protocol/console';
import { ApiProblem } from '../../problems';
import { taskOwnershipExceptions } from './taskConflicts';

export async function floorExceptions(db: Database, warehouseId: string): Promise<FloorExceptions> {
  const [shortPicks, flags] = await Promise.all([
    db.query<Omit<FloorExceptions['shortPicks'][number], 'at'> & { at: Date }>(
      `select s.op_id::text as "opId", s.task_id as "taskId", s.line_no as "lineNo", s.bin_code as "binCode", s.product_id as "productId", p.name as "productName",
              s.qty, s.reason, u.username, o.occurred_at as at
         from short_picks s join operations o on o.op_id = s.op_id
         left join users u on u.id = o.user_id
         left join products p on p.warehouse_id = s.warehouse_id and p.id = s.product_id
        where s.warehouse_id = $1 and not s.undone order by o.occurred_at desc limit 500`,
      [warehouseId],
    ),
    db.query<Omit<FloorExceptions['flags'][number], 'at'> & { at: Date }>(
      `select f.id::text as id, f.kind, f.bin_code as "binCode", f.product_id as "productId", p.name as "productName", f.lot, f.created_at as at, f.op_id::text as "opId"
         from stock_flags f left join products p on p.warehouse_id = f.warehouse_id and p.id = f.product_id
        where f.warehouse_id = $1 and f.resolved_at is null order by f.created_at desc limit 500`,
      [warehouseId],
    ),
  ]);
  const { taskConflicts, takeovers } = await taskOwnershipExceptions(db, warehouseId);
  return {
    shortPicks: shortPicks.map((s) => ({ ...s, at: new Date(s.at).toISOString() })),
    flags: flags.map((f) => ({ ...f, at: new Date(f.at).toISOString() })),
    taskConflicts,
    takeovers,
  };
}

export async function resolveFlag(db: Database, input: { warehouseId: string; flagId: string; userId: string; note: string; now: Date }): Promise<void> {
  const rows = await db.transaction((tx) =>
    tx.query<{ id: string }>(
      `update stock_flags set resolved_at = $3, resolved_by = $4, resolution_note = $5
        where warehouse_id = $1 and id = $2::bigint and resolved_at is null returning id::text`,
      [input.warehouseId, input.flagId, input.now, input.userId, input.note],
    ),
  );
  if (rows.length === 0) throw new ApiProblem(404, 'not-found', `There is no open flag ${input.flagId} in this warehouse (it may be resolved already).`);
}
