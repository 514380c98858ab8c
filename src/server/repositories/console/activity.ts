/**
 * What the devices did, as supervisors look for it: the activity log (by user, device,
 * bin, product, time), the rejected operations not yet resolved, a device's recent work
 * and sync history, and the shift's chart. Reads only; resolving a rejection takes the
 * change clock so the device that sent it learns it is settled on its next pull.
 */
import type { Database, Queryable, SqlParam } from '../../storage/database';
import type { ActivityEntry, ActivityQuery, DeviceDetail, ShiftChart } from '../../../protocol/console';
import { normaliseBinCode } from '../../../domain/codes/binCode';
import { ApiProblem } from '../../problems';
import { takeChangeClock } from '../deviceSync/changeClock';
import { listDevices } from '../people';

const iso = (at: Date | string | null) => (at === null ? null : new Date(at).toISOString());

/** Each operation with who did it and what it names: bin, product, units, task. */
const ENTRY_SQL = `
  select o.op_id::text as "opId", o.device_id as "deviceId", dv.name as "deviceName", o.device_seq::float8 as "deviceSeq", u.username, o.type, o.status,
         o.payload ->> 'binCode' as "binCode", o.payload ->> 'productId' as "productId", p.name as "productName",
         case when o.type in ('putaway', 'pick') then (o.payload ->> 'qty')::float8 when o.type = 'pick-short' then (o.payload ->> 'shortQty')::float8 end as qty,
         o.payload ->> 'taskId' as "taskId", o.occurred_at as "occurredAt", o.received_at as "receivedAt", o.why, o.message,
         o.resolved_at as "resolvedAt", o.resolved_by as "resolvedBy", o.resolution_note as "resolutionNote"
    from operations o
    left join users u on u.id = o.user_id
    left join devices dv on dv.device_id = o.device_id
    left join products p on p.warehouse_id = o.warehouse_id and p.id = o.payload ->> 'productId'`;

type EntryRow = Omit<ActivityEntry, 'occurredAt' | 'receivedAt' | 'resolvedAt'> & { occurredAt: Date; receivedAt: Date; resolvedAt: Date | null };
const toEntry = (r: EntryRow): ActivityEntry => ({ ...r, occurredAt: iso(r.occurredAt)!, receivedAt: iso(r.receivedAt)!, resolvedAt: iso(r.resolvedAt) });

/** A product named by SKU, id or a code printed on it. */
async function productIdOf(db: Queryable, warehouseId: string, text: string): Promise<string | null> {
  const gtin = /^\d{8,14}$/.test(text) ? text.padStart(14, '0') : null;
  const [row] = await db.query<{ id: string }>(
    `select id from products where warehouse_id = $1 and (sku = $2 or id = $2)
     union all select product_id from product_codes where warehouse_id = $1 and gtin = $3 limit 1`,
    [warehouseId, text, gtin ?? ''],
  );
  return row?.id ?? null;
}

export async function listActivity(db: Database, warehouseId: string, query: ActivityQuery, now: Date): Promise<ActivityEntry[]> {
  const params: SqlParam[] = [warehouseId];
  const add = (value: SqlParam) => {
    params.push(value);
    return `$${params.length}`;
  };
  const from = query.from ?? new Date(now.getTime() - 24 * 3_600_000).toISOString();
  // received_at bounds the scan (its BRIN index); occurred_at is the time people mean.
  const where = [`o.warehouse_id = $1`, `o.received_at >= ${add(from)}::timestamptz`, `o.occurred_at >= ${add(from)}::timestamptz`];
  if (query.to) where.push(`o.occurred_at < ${add(query.to)}::timestamptz`);
  if (query.user) where.push(`(u.username = ${add(query.user)} or o.user_id = ${add(query.user)})`);
  // A device by its id's first characters or by any part of its name, in any case.
  if (query.device) where.push(`(o.device_id like ${add(`${query.device}%`)} or dv.name ilike ${add(`%${query.device.replace(/[\\%_]/g, '\\$&')}%`)})`);
  if (query.bin) {
    const bin = add(normaliseBinCode(query.bin) ?? query.bin);
    where.push(`(o.payload ->> 'binCode' = ${bin} or exists (select 1 from stock_movements m where m.op_id = o.op_id and m.bin_code = ${bin}))`);
  }
  if (query.product) {
    const productId = await productIdOf(db, warehouseId, query.product);
    if (productId === null) throw new ApiProblem(404, 'not-found', `No product has the SKU, id or code "${query.product}" in this warehouse.`);
    const id = add(productId);
    where.push(`(o.payload ->> 'productId' = ${id} or o.payload::jsonb -> 'lines' @> jsonb_build_array(jsonb_build_object('productId', ${id}::text)))`);
  }
  const rows = await db.query<EntryRow>(`${ENTRY_SQL} where ${where.join(' and ')} order by o.occurred_at desc, o.op_id limit ${add(query.limit ?? 200)}`, params);
  return rows.map(toEntry);
}

/** Rejected operations nobody has resolved yet, oldest first: each is still flagged. */
export async function rejectedOperations(db: Database, warehouseId: string): Promise<ActivityEntry[]> {
  const rows = await db.query<EntryRow>(`${ENTRY_SQL} where o.warehouse_id = $1 and o.status = 'rejected' and o.resolved_at is null order by o.received_at, o.op_id limit 1000`, [warehouseId]);
  return rows.map(toEntry);
}

export async function resolveRejected(db: Database, input: { warehouseId: string; opId: string; userId: string; note: string; now: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    // The clock before the step's row: a push writes operations under the clock too (lockOrder.ts).
    const { clock } = await takeChangeClock(tx, input.warehouseId);
    const [row] = await tx.query<{ status: string; resolved: boolean }>(
      'select status, resolved_at is not null as resolved from operations where op_id = $1 and warehouse_id = $2 for update',
      [input.opId, input.warehouseId],
    );
    if (!row) throw new ApiProblem(404, 'not-found', `There is no operation ${input.opId} in this warehouse.`);
    if (row.status !== 'rejected') throw new ApiProblem(409, 'conflict', `Operation ${input.opId} was not rejected (it is ${row.status}); only a rejected one is resolved.`);
    if (row.resolved) throw new ApiProblem(409, 'conflict', `Operation ${input.opId} was resolved already.`);
    await tx.query('update operations set resolved_at = $2, resolved_by = $3, resolution_note = $4, changed_at = $5::bigint where op_id = $1', [input.opId, input.now, input.userId, input.note, clock]);
  });
}

export async function deviceDetail(db: Database, deviceId: string, warehouseIds: readonly string[]): Promise<DeviceDetail> {
  const [device] = await listDevices(db, warehouseIds, deviceId);
  if (!device) throw new ApiProblem(404, 'not-found', `There is no device ${deviceId} in your warehouses.`);
  const [operations, rejected, syncs] = await Promise.all([
    // Only what the device did in the supervisor's warehouses: its work elsewhere is not theirs to see.
    db.query<EntryRow>(`${ENTRY_SQL} where o.device_id = $1 and o.warehouse_id = any($2::text[]) order by o.device_seq desc limit 100`, [deviceId, warehouseIds]),
    db.query<EntryRow>(`${ENTRY_SQL} where o.device_id = $1 and o.warehouse_id = any($2::text[]) and o.status = 'rejected' and o.resolved_at is null order by o.device_seq`, [deviceId, warehouseIds]),
    db.query<{ reportedAt: Date; pushed: number; pending: number; oldestPendingAt: Date | null; lastError: string | null; runStartedAt: Date | null; runMs: number | null; runPushed: number | null; runError: string | null }>(
      `select reported_at as "reportedAt", (last_seq - coalesce(lag(last_seq) over (order by reported_at), last_seq))::float8 as pushed, pending,
              oldest_pending_at as "oldestPendingAt", last_error as "lastError", run_started_at as "runStartedAt", run_ms as "runMs", run_pushed as "runPushed", run_error as "runError"
         from (select * from device_syncs where device_id = $1 and warehouse_id = any($2::text[]) order by reported_at desc limit 51) recent
        order by reported_at desc limit 50`,
      [deviceId, warehouseIds],
    ),
  ]);
  return {
    device: { ...device, lastSeenAt: iso(device.lastSeenAt), lastSyncAt: iso(device.lastSyncAt), statusAt: iso(device.statusAt) },
    operations: operations.map(toEntry),
    rejected: rejected.map(toEntry),
    syncs: syncs.map((s) => ({
      reportedAt: iso(s.reportedAt)!,
      pushed: Math.max(0, s.pushed),
      pending: s.pending,
      oldestPendingAt: iso(s.oldestPendingAt),
      lastError: s.lastError,
      run: s.runStartedAt === null ? null : { startedAt: iso(s.runStartedAt)!, durationMs: s.runMs ?? 0, pushed: s.runPushed ?? 0, error: s.runError },
    })),
  };
}

/** Per hour of the shift (by when the work was done) and device: operations, and how long after they reached the server. */
export async function shiftChart(db: Database, warehouseId: string, from: Date, to: Date): Promise<ShiftChart> {
  const rows = await db.query<{ hour: Date; deviceId: string; deviceName: string | null; operations: number; lagMedianMs: number; lagMaxMs: number }>(
    `select date_trunc('hour', occurred_at) as hour, device_id as "deviceId", (select name from devices d where d.device_id = o.device_id) as "deviceName", count(*)::int as operations,
            percentile_cont(0.5) within group (order by greatest(0, extract(epoch from received_at - occurred_at) * 1000))::float8 as "lagMedianMs",
            max(greatest(0, extract(epoch from received_at - occurred_at) * 1000))::float8 as "lagMaxMs"
       from operations o
      where warehouse_id = $1 and received_at >= $2 and occurred_at >= $2 and occurred_at < $3
      group by 1, 2 order by 1, 2`,
    [warehouseId, from, to],
  );
  return { from: from.toISOString(), to: to.toISOString(), hours: rows.map((r) => ({ ...r, hour: iso(r.hour)! })) };
}
