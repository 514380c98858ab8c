/**
 * Writes what a batch's work on the ledger produced, in the batch's transaction:
 * a handful of multi-row statements (json_to_recordset), whatever the batch's size.
 * In two parts: the ledger's rows first (no clock needed; the bins and tasks they touch
 * are locked already), then, after the batch took the warehouse's clock, the few rows a
 * device pulls, which carry the clock. The clock is held only for that second part.
 */
import type { Queryable } from '../../storage/database';
import type { LedgerWork } from '../../../domain/ledger/ledgerWork';
import { stockKey } from '../../../domain/ledger/stockLedger';
import { writeTaskOwnership } from './taskOwnershipWrites';

const iso = (ms: number) => new Date(ms).toISOString();

/** A push's operations as rows (JSON for json_to_recordset), with the device that sent them. */
export interface OperationRows {
  readonly json: string;
  readonly deviceId: string;
}

/** The insert of a push's operations, its parameters numbered from `first` (rows, warehouse, device). */
const operationsInsert = (first: number) =>
  `insert into operations (op_id, warehouse_id, device_id, device_seq, user_id, type, payload, raw_payload, created_at, occurred_at, status, why, message)
     select x.op, $${first + 1}, $${first + 2}, x.seq, x.user_id, x.type, x.payload, x.raw, x.created, x.occurred, x.status, x.why, x.message
       from json_to_recordset($${first}::json) as x(op uuid, seq bigint, user_id text, type text, payload json, raw text, created timestamptz, occurred timestamptz, status text, why jsonb, message text)`;

/**
 * The ledger's rows: movements, balances, counts in force, short picks, flags, deviations;
 * and `operations`, a push's own rows, written first (before the rows that refer to them),
 * in the movements' statement when there are movements: one round trip for the three.
 */
export async function writeLedgerEntries(tx: Queryable, warehouseId: string, work: LedgerWork, operations?: OperationRows): Promise<void> {
  const w = warehouseId;
  if (operations && work.entries.length === 0) await tx.query(operationsInsert(1), [operations.json, w, operations.deviceId]);
  if (work.entries.length > 0) {
    // The balance is the ledger's sum: one upsert per bin x product x lot the batch moved.
    const sums = new Map<string, { bin: string; product: string; lot: string; expiry: string | null; delta: number }>();
    for (const e of work.entries) {
      const key = stockKey(e);
      const sum = sums.get(key) ?? { bin: e.binCode, product: e.productId, lot: e.lot, expiry: null, delta: 0 };
      sums.set(key, { ...sum, expiry: sum.expiry ?? e.expiry, delta: sum.delta + e.delta });
    }
    // The movements and their balances (and the operations) in one statement: one round trip.
    await tx.query(
      `with ${operations ? `operations_written as (${operationsInsert(4)}),` : ''} movements as (
         insert into stock_movements (warehouse_id, bin_code, product_id, lot, expiry, qty_delta, kind, occurred_at, op_id, count_op_id)
         select $2, x.bin, x.product, x.lot, x.expiry, x.delta, x.kind, x.at, x.op, x.count_op
           from json_to_recordset($1::json) as x(bin text, product text, lot text, expiry date, delta int, kind text, at timestamptz, op uuid, count_op uuid))
       insert into stock_balances (warehouse_id, bin_code, product_id, lot, expiry, qty)
       select $2, x.bin, x.product, x.lot, x.expiry, x.delta
         from json_to_recordset($3::json) as x(bin text, product text, lot text, expiry date, delta int)
       on conflict (warehouse_id, bin_code, product_id, lot)
       do update set qty = stock_balances.qty + excluded.qty, expiry = coalesce(stock_balances.expiry, excluded.expiry)`,
      [
        JSON.stringify(work.entries.map((e) => ({ bin: e.binCode, product: e.productId, lot: e.lot, expiry: e.expiry, delta: e.delta, kind: e.kind, at: iso(e.at), op: e.opId, count_op: e.countOpId }))),
        w,
        JSON.stringify([...sums.values()]),
        ...(operations ? [operations.json, w, operations.deviceId] : []),
      ],
    );
  }
  if (work.countsPosted.length > 0) {
    await tx.query(
      `insert into bin_counts (op_id, warehouse_id, bin_code, counted_at)
       select x.op, $2, x.bin, x.at from json_to_recordset($1::json) as x(op uuid, bin text, at timestamptz)`,
      [JSON.stringify(work.countsPosted.map((c) => ({ op: c.opId, bin: c.binCode, at: iso(c.at) }))), w],
    );
  }
  if (work.countsWithdrawn.length > 0) await tx.query('update bin_counts set active = false where op_id = any($1::uuid[])', [work.countsWithdrawn]);
  if (work.shortPicks.length > 0) {
    await tx.query(
      `insert into short_picks (op_id, warehouse_id, task_id, line_no, bin_code, product_id, qty, reason)
       select x.op, $2, x.task, x.line, x.bin, x.product, x.qty, x.reason
         from json_to_recordset($1::json) as x(op uuid, task text, line int, bin text, product text, qty int, reason text)`,
      [JSON.stringify(work.shortPicks.map((s) => ({ op: s.opId, task: s.taskId, line: s.lineNo, bin: s.binCode, product: s.productId, qty: s.qty, reason: s.reason }))), w],
    );
  }
  if (work.shortPicksUndone.length > 0) await tx.query('update short_picks set undone = true where op_id = any($1::uuid[])', [work.shortPicksUndone]);
  if (work.flags.length > 0) {
    await tx.query(
      `insert into stock_flags (warehouse_id, kind, bin_code, product_id, lot, op_id)
       select $2, x.kind, x.bin, x.product, x.lot, x.op from json_to_recordset($1::json) as x(kind text, bin text, product text, lot text, op uuid)`,
      [JSON.stringify(work.flags.map((f) => ({ kind: f.kind, bin: f.binCode, product: f.productId, lot: f.lot, op: f.opId }))), w],
    );
  }
  if (work.deviations.length > 0) {
    await tx.query(
      `insert into deviations (warehouse_id, op_id, kind, on_device, by_server, bin_code, product_id, lot, qty, facts)
       select $2, x.op, x.kind, x.on_device, x.by_server, x.bin, x.product, x.lot, x.qty, x.facts
         from json_to_recordset($1::json) as x(op uuid, kind text, on_device boolean, by_server boolean, bin text, product text, lot text, qty int, facts jsonb)
       on conflict (op_id, kind) do nothing`,
      [JSON.stringify(work.deviations.map((d) => ({ op: d.opId, kind: d.kind, on_device: d.onDevice, by_server: d.byServer, bin: d.binCode, product: d.productId, lot: d.lot, qty: d.qty, facts: d.facts }))), w],
    );
  }
}

/**
 * The bins that take the batch's clock (with it, in takeChangeClock's statement): every
 * bin the ledger moved and every bin an operation of the batch named (`touchedBins`),
 * even when its stock did not change (a count that matched the book), so a device knows
 * its step is in that bin's state once it pulled the bin at this clock.
 */
export const binsClocked = (work: LedgerWork, touchedBins: readonly string[]): string[] => [...new Set([...work.entries.map((e) => e.binCode), ...touchedBins])];

/** The other rows a device pulls, with the batch's clock (the bins took it with the clock). */
export async function writeClockedChanges(tx: Queryable, warehouseId: string, clock: string, work: LedgerWork): Promise<void> {
  const w = warehouseId;
  if (work.reviews.length > 0) {
    await tx.query(
      `insert into count_reviews (op_id, warehouse_id, bin_code, counted_at, lines, changed_at)
       select x.op, $2, x.bin, x.at, x.lines, $3::bigint from json_to_recordset($1::json) as x(op uuid, bin text, at timestamptz, lines jsonb)`,
      [JSON.stringify(work.reviews.map((r) => ({ op: r.opId, bin: r.binCode, at: iso(r.at), lines: r.lines }))), w, clock],
    );
  }
  // Late work reached back into waiting reviews: still off, they show the new book; inside the threshold, they settled.
  const recomputed = [...work.reviewsRecomputed.map((r) => ({ op: r.opId, lines: r.lines, status: 'waiting', note: null })), ...work.reviewsSettled.map((r) => ({ op: r.opId, lines: r.lines, status: 'auto-approved', note: r.note }))];
  if (recomputed.length > 0) {
    await tx.query(
      `update count_reviews r set lines = x.lines, lines_at_arrival = coalesce(r.lines_at_arrival, r.lines), recomputed_at = now(), changed_at = $2::bigint,
              status = x.status, note = coalesce(x.note, r.note), decided_at = case when x.status = 'waiting' then r.decided_at else now() end
         from json_to_recordset($1::json) as x(op uuid, lines jsonb, status text, note text) where r.op_id = x.op and r.status = 'waiting'`,
      [JSON.stringify(recomputed), clock],
    );
  }
  // The counting device hears at its next pull that the count applied (one of this batch was answered so already).
  const settled = work.reviewsSettled.map((r) => r.opId);
  if (settled.length > 0) await tx.query(`update operations set status = 'applied', changed_at = $2::bigint where op_id = any($1::uuid[]) and status = 'review'`, [settled, clock]);
  if (work.reviewsWithdrawn.length > 0) {
    await tx.query(`update count_reviews set status = 'withdrawn', changed_at = $2::bigint where op_id = any($1::uuid[]) and status = 'waiting'`, [work.reviewsWithdrawn, clock]);
  }
  if (work.settled.length > 0) {
    await tx.query(
      `update operations o set resolved_at = now(), resolved_by = x.user_id, resolution_note = x.how || ' on the device: ' || x.note, changed_at = $2::bigint
         from json_to_recordset($1::json) as x(op uuid, how text, note text, user_id text) where o.op_id = x.op`,
      [JSON.stringify(work.settled.map((s) => ({ op: s.opId, how: s.how, note: s.note, user_id: s.userId }))), clock],
    );
  }
  const tasks = [...work.changedTasks].map((id) => work.tasks.get(id)!);
  if (tasks.length > 0) {
    await tx.query(
      `update tasks t set status = x.status, assigned_to = x.assigned, worked_on_device = x.device, changed_at = $3::bigint
         from json_to_recordset($1::json) as x(id text, status text, assigned text, device text)
        where t.warehouse_id = $2 and t.id = x.id`,
      [JSON.stringify(tasks.map((t) => ({ id: t.id, status: t.status, assigned: t.assignedTo, device: t.workedOnDevice }))), w, clock],
    );
    const lines = tasks.flatMap((t) => [...t.lines].map(([lineNo, line]) => ({ task: t.id, line: lineNo, done: line.done, short: line.shortQty, reason: line.shortReason, by: line.doneBy })));
    await tx.query(
      `update task_lines l set done_qty = x.done, short_qty = x.short, short_reason = x.reason, done_by = coalesce(x.by, '{}'::jsonb)
         from json_to_recordset($1::json) as x(task text, line int, done int, short int, reason text, by jsonb)
        where l.warehouse_id = $2 and l.task_id = x.task and l.line_no = x.line`,
      [JSON.stringify(lines), w],
    );
  }
  await writeTaskOwnership(tx, w, work);
}
