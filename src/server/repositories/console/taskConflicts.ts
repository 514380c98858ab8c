/**
 * Work on tasks that met someone else's, for supervisors: over-picks (a line picked
 * above its quantity on more than one device, each named with its units) and steps
 * done after a supervisor's decision (back to open, to someone else, cancelled), until
 * resolved with a note; and the tasks taken over in the last 7 days, from whom to whom.
 * Resolving takes the change clock and touches the task, so the devices named stop
 * showing the conflict at their next pull.
 */
import type { Database } from '../../storage/database';
import type { FloorExceptions } from '../../../protocol/console';
import { ApiProblem } from '../../problems';
import { takeChangeClock } from '../deviceSync/changeClock';

type ConflictRow = Omit<FloorExceptions['taskConflicts'][number], 'at'> & { at: Date };
type TakeoverRow = Omit<FloorExceptions['takeovers'][number], 'at'> & { at: Date };

export async function taskOwnershipExceptions(db: Database, warehouseId: string): Promise<Pick<FloorExceptions, 'taskConflicts' | 'takeovers'>> {
  const [conflicts, takeovers] = await Promise.all([
    db.query<ConflictRow>(
      `select c.id::text as id, c.kind, c.task_id as "taskId", t.reference, c.line_no as "lineNo", l.bin_code as "binCode", l.product_id as "productId", p.name as "productName",
              l.qty as "lineQty", c.excess, u.username, c.device_id as "deviceId", (select cd.name from devices cd where cd.device_id = c.device_id) as "deviceName",
              (select coalesce(json_agg(json_build_object('deviceId', d.value->>'deviceId', 'qty', (d.value->>'qty')::int,
                       'deviceName', (select dn.name from devices dn where dn.device_id = d.value->>'deviceId'),
                       'username', (select du.username from devices dv join users du on du.id = dv.user_id where dv.device_id = d.value->>'deviceId'))), '[]'::json)
                 from jsonb_array_elements(c.devices) d) as devices,
              case when c.decision is null then null
                   else json_build_object('status', c.decision->>'status', 'assignedTo', (select au.username from users au where au.id = c.decision->>'assignedTo')) end as decision,
              c.updated_at as at
         from task_conflicts c
         left join tasks t on t.warehouse_id = c.warehouse_id and t.id = c.task_id
         left join task_lines l on l.warehouse_id = c.warehouse_id and l.task_id = c.task_id and l.line_no = c.line_no
         left join products p on p.warehouse_id = c.warehouse_id and p.id = l.product_id
         left join users u on u.id = c.user_id
        where c.warehouse_id = $1 and c.resolved_at is null order by c.updated_at desc limit 500`,
      [warehouseId],
    ),
    db.query<TakeoverRow>(
      `select k.op_id::text as "opId", k.task_id as "taskId", t.reference, fu.username as "fromUser", k.from_device as "fromDevice", fd.name as "fromDeviceName",
              tu.username as "toUser", k.to_device as "toDevice", td.name as "toDeviceName", k.taken_at as at
         from task_takeovers k
         left join tasks t on t.warehouse_id = k.warehouse_id and t.id = k.task_id
         left join users fu on fu.id = k.from_user
         left join users tu on tu.id = k.to_user
         left join devices fd on fd.device_id = k.from_device
         left join devices td on td.device_id = k.to_device
        where k.warehouse_id = $1 and k.taken_at > now() - interval '7 days' order by k.taken_at desc limit 200`,
      [warehouseId],
    ),
  ]);
  return {
    taskConflicts: conflicts.map((c) => ({ ...c, at: new Date(c.at).toISOString() })),
    takeovers: takeovers.map((k) => ({ ...k, at: new Date(k.at).toISOString() })),
  };
}

export async function resolveTaskConflict(db: Database, input: { warehouseId: string; conflictId: string; userId: string; note: string; now: Date }): Promise<void> {
  const resolved = await db.transaction(async (tx) => {
    const [conflict] = await tx.query<{ taskId: string }>(
      'select task_id as "taskId" from task_conflicts where warehouse_id = $1 and id = $2::bigint and resolved_at is null',
      [input.warehouseId, input.conflictId],
    );
    if (!conflict) return false;
    // The task's row first, then the clock (the order every writer keeps).
    await tx.query('select id from tasks where warehouse_id = $1 and id = $2 for update', [input.warehouseId, conflict.taskId]);
    const { clock } = await takeChangeClock(tx, input.warehouseId);
    await tx.query('update task_conflicts set resolved_at = $3, resolved_by = $4, resolution_note = $5 where warehouse_id = $1 and id = $2::bigint', [input.warehouseId, input.conflictId, input.now, input.userId, input.note]);
    await tx.query('update tasks set changed_at = $3::bigint where warehouse_id = $1 and id = $2', [input.warehouseId, conflict.taskId, clock]);
    return true;
  });
  if (!resolved) throw new ApiProblem(404, 'not-found', `There is no open task conflict ${input.conflictId} in this warehouse (it may be resolved already).`);
}
