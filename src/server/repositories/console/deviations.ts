/**
 * Deviations waiting for a supervisor: a lot not in the bin, a lot other than the
 * first-expiring one, a step over the warehouse's limit, "empty" for a bin whose book
 * held stock, more taken than the book held. Recorded at the push (domain/ledger/
 * deviations.ts), listed until resolved with a note; a step undone since is not listed
 * (nothing of it is left on the floor).
 */
import type { Database } from '../../storage/database';
import type { DeviationRow } from '../../../protocol/console';
import { ApiProblem } from '../../problems';

export async function openDeviations(db: Database, warehouseId: string): Promise<DeviationRow[]> {
  const rows = await db.query<Omit<DeviationRow, 'at'> & { at: Date }>(
    `select d.id::text as id, d.kind, d.op_id::text as "opId", o.type as "stepType", d.on_device as "onDevice", d.by_server as "byServer",
            d.bin_code as "binCode", d.product_id as "productId", p.name as "productName", d.lot, d.qty, d.facts,
            u.username, o.device_id as "deviceId", dv.name as "deviceName", o.payload->>'taskId' as "taskId", o.occurred_at as at
       from deviations d join operations o on o.op_id = d.op_id
       left join users u on u.id = o.user_id
       left join devices dv on dv.device_id = o.device_id
       left join products p on p.warehouse_id = d.warehouse_id and p.id = d.product_id
      where d.warehouse_id = $1 and d.resolved_at is null and o.status <> 'undone'
      order by o.occurred_at desc, d.id desc limit 500`,
    [warehouseId],
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}

export async function resolveDeviation(db: Database, input: { warehouseId: string; deviationId: string; userId: string; note: string; now: Date }): Promise<void> {
  const rows = await db.transaction((tx) =>
    tx.query<{ id: string }>(
      `update deviations set resolved_at = $3, resolved_by = $4, resolution_note = $5
        where warehouse_id = $1 and id = $2::bigint and resolved_at is null returning id::text`,
      [input.warehouseId, input.deviationId, input.now, input.userId, input.note],
    ),
  );
  if (rows.length === 0) throw new ApiProblem(404, 'not-found', `There is no open deviation ${input.deviationId} in this warehouse (it may be resolved already).`);
}
