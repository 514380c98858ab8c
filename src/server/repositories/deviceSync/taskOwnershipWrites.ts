/**
 * What a batch recorded about who works its tasks: take-overs (from whom, to whom) and
 * conflicts (an over-pick, a step after a supervisor's decision), in the batch's
 * transaction. One open conflict per task and key: a later one of the same key updates
 * it (the excess grows, the devices are named again), so a supervisor sees one row per
 * line or worker, not one per step.
 */
import type { Queryable } from '../../storage/database';
import type { LedgerWork } from '../../../domain/ledger/ledgerWork';

export async function writeTaskOwnership(tx: Queryable, warehouseId: string, work: LedgerWork): Promise<void> {
  if (work.takeovers.length > 0) {
    await tx.query(
      `insert into task_takeovers (op_id, warehouse_id, task_id, from_user, from_device, to_user, to_device)
       select x.op, $2, x.task, x.from_user, x.from_device, x.to_user, x.to_device
         from json_to_recordset($1::json) as x(op uuid, task text, from_user text, from_device text, to_user text, to_device text)`,
      [JSON.stringify(work.takeovers.map((t) => ({ op: t.opId, task: t.taskId, from_user: t.fromUser, from_device: t.fromDevice, to_user: t.toUser, to_device: t.toDevice }))), warehouseId],
    );
  }
  if (work.taskConflicts.length > 0) {
    await tx.query(
      `insert into task_conflicts (warehouse_id, task_id, kind, conflict_key, line_no, excess, op_id, device_id, user_id, devices, decision)
       select $2, x.task, x.kind, x.key, x.line, x.excess, x.op, x.device, x.user_id, x.devices, x.decision
         from json_to_recordset($1::json) as x(task text, kind text, key text, line int, excess int, op uuid, device text, user_id text, devices jsonb, decision jsonb)
       on conflict (warehouse_id, task_id, conflict_key) where resolved_at is null
       do update set excess = excluded.excess, devices = excluded.devices, op_id = excluded.op_id, device_id = excluded.device_id, user_id = excluded.user_id, updated_at = now()`,
      [
        JSON.stringify(
          work.taskConflicts.map((c) => ({ task: c.taskId, kind: c.kind, key: c.key, line: c.lineNo, excess: c.excess, op: c.opId, device: c.deviceId, user_id: c.userId, devices: c.devices, decision: c.decision })),
        ),
        warehouseId,
      ],
    );
  }
}
