/**
 * Reads what a batch of operations touches, for the ledger's pure rules
 * (domain/ledger): a few statements per batch, whatever its size.
 */
import { inTurn } from '../../storage/inTurn';
import { lockBins, lockTasks } from '../lockOrder';
import type { Queryable } from '../../storage/database';
import { binsTouched, type FloorOperation } from '../../../domain/floor/operations';
import type { IncomingOperation } from '../../../domain/ledger/applyOperations';
import { bookKey, type BookLine, type CountReviewState, type KnownOperation, type LedgerSnapshot, type OperationStatus, type TaskLineState, type TaskState, type VarianceLine } from '../../../domain/ledger/ledgerWork';
import { stockKey, type CountMark, type EntryKind, type LedgerEntry } from '../../../domain/ledger/stockLedger';
import type { TaskKind, TaskStatus } from '../../../domain/tasks/task';
import type { WarehouseSettings } from '../../../domain/floor/warehouseSettings';

const taskOf = (op: FloorOperation): string | null => ('taskId' in op ? op.taskId : null);
const productsOf = (op: FloorOperation): string[] => (op.type === 'count' ? op.lines.map((l) => l.productId) : 'productId' in op ? [op.productId] : []);

export const entryColumns = `bin_code as "binCode", product_id as "productId", lot, expiry::text as expiry, qty_delta as delta,
  (extract(epoch from occurred_at) * 1000)::float8 as at, kind, op_id::text as "opId", count_op_id::text as "countOpId"`;

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key !== null) groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}

export async function readLedgerSnapshot(tx: Queryable, warehouseId: string, batch: readonly IncomingOperation[], settings: WarehouseSettings): Promise<LedgerSnapshot> {
  const targetIds = batch.flatMap(({ op }) => (op.type === 'undo' ? [op.undoesOpId] : op.type === 'rejection-settled' ? [op.rejectedOpId] : []));
  // An unreadable step (rejected: its payload is null, its text opaque) is known by its fate only.
  const targetRows = targetIds.length === 0 ? [] : await tx.query<{ opId: string; deviceId: string; userId: string; userName: string | null; payload: FloorOperation | null; status: OperationStatus; at: number }>(
    `select o.op_id::text as "opId", o.device_id as "deviceId", o.user_id as "userId", u.display_name as "userName", o.payload, o.status, (extract(epoch from o.occurred_at) * 1000)::float8 as at
       from operations o left join users u on u.id = o.user_id where o.op_id = any($1::uuid[]) and o.warehouse_id = $2`,
    [targetIds, warehouseId],
  );
  const operations = new Map<string, KnownOperation>(targetRows.map((r) => [r.opId, { opId: r.opId, deviceId: r.deviceId, userId: r.userId, op: r.payload, status: r.status, at: Math.round(r.at) }]));
  const allOps = [...batch.map((b) => b.op), ...targetRows.flatMap((r) => (r.payload === null ? [] : [r.payload]))];

  // An undo's step is among allOps (its target row), so binsTouched needs no target here.
  const binCodes = [...new Set(allOps.flatMap((op) => binsTouched(op)))];
  const productIds = [...new Set(allOps.flatMap(productsOf))];
  const taskIds = [...new Set(allOps.flatMap((op) => taskOf(op) ?? []))];
  // Lock what the batch touches, in the one order every writer keeps (lockOrder.ts): until
  // this transaction ends, nobody else changes these bins or tasks, so what is read next
  // stays true while the batch decides and writes.
  const bins = (await lockBins(tx, warehouseId, binCodes)).map((code) => ({ code }));
  await lockTasks(tx, warehouseId, taskIds);
  // Counts waiting for review on these bins: late work may reach back into their book (domain/ledger/reviewRecompute).
  // A waiting review changes only under its bin's lock, taken just above.
  const reviewRows = binCodes.length === 0 ? [] : await tx.query<{ opId: string; binCode: string; at: number; lines: VarianceLine[] }>(
    `select op_id::text as "opId", bin_code as "binCode", (extract(epoch from counted_at) * 1000)::float8 as at, lines
       from count_reviews where warehouse_id = $1 and status = 'waiting' and bin_code = any($2::text[]) order by counted_at, op_id`,
    [warehouseId, binCodes],
  );
  const waitingReviews: CountReviewState[] = reviewRows.map((r) => ({ ...r, at: Math.round(r.at) }));
  // The committed book at each count's moment (the batch's counts and the waiting ones) is summed up to it.
  const counts = [
    ...batch.flatMap(({ op, offsetMs }) => (op.type === 'count' ? [{ binCode: op.binCode, at: Date.parse(op.startedAt) + offsetMs }] : [])),
    ...waitingReviews.map((r) => ({ binCode: r.binCode, at: r.at })),
  ];
  // At a pick's moment it is the balance less what came after (usually little: picks are recent), for the deviation checks.
  const picks = batch.flatMap(({ op, deviceAt, offsetMs }) => (op.type === 'pick' ? [{ binCode: op.binCode, at: deviceAt + offsetMs }] : []));

  const [products, taskRows, lineRows, binRows, bookRows, laterRows, entriesByOp, entriesAtCount] = await inTurn(
    () => tx.query<{ id: string; lotTracked: boolean; expiryTracked: boolean }>(
      `select id, lot_tracked as "lotTracked", expiry_tracked as "expiryTracked" from products where warehouse_id = $1 and id = any($2::text[])`,
      [warehouseId, productIds],
    ),
    () => taskIds.length === 0 ? Promise.resolve([]) : tx.query<{ id: string; kind: TaskKind; status: TaskStatus; assignedTo: string | null; workedOnDevice: string | null; assigneeName: string | null; decidedAt: number | null; decidedTo: string | null }>(
      `select t.id, t.kind, t.status, t.assigned_to as "assignedTo", t.worked_on_device as "workedOnDevice", u.display_name as "assigneeName",
              (extract(epoch from t.decided_at) * 1000)::float8 as "decidedAt", t.decided_to as "decidedTo"
         from tasks t left join users u on u.id = t.assigned_to where t.warehouse_id = $1 and t.id = any($2::text[])`,
      [warehouseId, taskIds],
    ),
    () => taskIds.length === 0 ? Promise.resolve([]) : tx.query<TaskLineState & { taskId: string; lineNo: number }>(
      `select task_id as "taskId", line_no as "lineNo", bin_code as "binCode", product_id as "productId", qty, done_qty as done, short_qty as "shortQty", short_reason as "shortReason", done_by as "doneBy"
         from task_lines where warehouse_id = $1 and task_id = any($2::text[])`,
      [warehouseId, taskIds],
    ),
    // The bins' balances and their counts in force, in one round trip.
    () => tx.query<{ binCode: string; productId: string | null; lot: string | null; expiry: string | null; qty: number | null; countOpId: string | null; countedAt: number | null }>(
      `select bin_code as "binCode", product_id as "productId", lot, expiry::text as expiry, qty, null as "countOpId", null::float8 as "countedAt"
         from stock_balances where warehouse_id = $1 and bin_code = any($2::text[])
       union all
       select bin_code, null, null, null, null, op_id::text, (extract(epoch from counted_at) * 1000)::float8
         from bin_counts where warehouse_id = $1 and active and bin_code = any($2::text[])`,
      [warehouseId, binCodes],
    ),
    () => counts.length === 0
      ? Promise.resolve([])
      : tx.query<{ i: string; productId: string; lot: string; expiry: string | null; qty: number }>(
          `select c.i::text as i, m.product_id as "productId", m.lot, max(m.expiry)::text as expiry, sum(m.qty_delta)::float8 as qty
             from unnest($2::text[], $3::timestamptz[]) with ordinality as c(bin, at, i)
             join stock_movements m on m.warehouse_id = $1 and m.bin_code = c.bin and m.occurred_at <= c.at
            group by c.i, m.product_id, m.lot`,
          [warehouseId, counts.map((c) => c.binCode), counts.map((c) => new Date(c.at).toISOString())],
        ),
    () => picks.length === 0
      ? Promise.resolve([])
      : tx.query<{ i: string; productId: string; lot: string; qty: number }>(
          `select c.i::text as i, m.product_id as "productId", m.lot, sum(m.qty_delta)::float8 as qty
             from unnest($2::text[], $3::timestamptz[]) with ordinality as c(bin, at, i)
             join stock_movements m on m.warehouse_id = $1 and m.bin_code = c.bin and m.occurred_at > c.at
            group by c.i, m.product_id, m.lot`,
          [warehouseId, picks.map((c) => c.binCode), picks.map((c) => new Date(c.at).toISOString())],
        ),
    () => targetIds.length === 0 ? Promise.resolve([]) : tx.query<LedgerEntry>(`select ${entryColumns} from stock_movements where warehouse_id = $1 and bin_code = any($2::text[]) and op_id = any($3::uuid[]) and kind <> 'before-count'`, [warehouseId, binCodes, targetIds]),
    () => targetIds.length === 0 ? Promise.resolve([]) : tx.query<LedgerEntry>(`select ${entryColumns} from stock_movements where count_op_id = any($1::uuid[])`, [targetIds]),
  );

  const linesOf = groupBy(lineRows, (l) => l.taskId);
  const tasks = new Map<string, TaskState>(
    taskRows.map((t) => [t.id, { id: t.id, kind: t.kind, status: t.status, assignedTo: t.assignedTo, workedOnDevice: t.workedOnDevice, decision: t.decidedAt === null ? null : { assignedTo: t.decidedTo, at: Math.round(t.decidedAt) }, lines: new Map((linesOf.get(t.id) ?? []).map(({ taskId: _, lineNo, ...line }) => [lineNo, line])) }]),
  );
  const committedBooks = new Map<string, Map<string, BookLine>>();
  for (const count of counts) committedBooks.set(bookKey(count.binCode, count.at), new Map());
  for (const row of bookRows) {
    const count = counts[Number(row.i) - 1]!;
    committedBooks.get(bookKey(count.binCode, count.at))!.set(stockKey({ binCode: count.binCode, productId: row.productId, lot: row.lot }), { productId: row.productId, lot: row.lot, expiry: row.expiry, qty: row.qty });
  }
  for (const [i, pick] of picks.entries()) {
    const key = bookKey(pick.binCode, pick.at);
    if (committedBooks.has(key)) continue;
    const book = new Map<string, BookLine>();
    for (const b of binRows) if (b.binCode === pick.binCode && b.productId !== null) book.set(stockKey({ binCode: b.binCode, productId: b.productId, lot: b.lot! }), { productId: b.productId, lot: b.lot!, expiry: b.expiry, qty: b.qty! });
    for (const later of laterRows) {
      if (Number(later.i) !== i + 1) continue;
      const k = stockKey({ binCode: pick.binCode, productId: later.productId, lot: later.lot });
      const line = book.get(k) ?? { productId: later.productId, lot: later.lot, expiry: null, qty: 0 };
      book.set(k, { ...line, qty: line.qty - later.qty });
    }
    committedBooks.set(key, book);
  }
  const activeCounts = new Map<string, CountMark[]>();
  for (const row of binRows) if (row.countOpId !== null) activeCounts.set(row.binCode, [...(activeCounts.get(row.binCode) ?? []), { opId: row.countOpId, at: Math.round(row.countedAt!) }]);
  const asEntry = (e: LedgerEntry): LedgerEntry => ({ ...e, at: Math.round(e.at), kind: e.kind as EntryKind });

  return {
    products: new Map(products.map((p) => [p.id, { lotTracked: p.lotTracked, expiryTracked: p.expiryTracked }])),
    bins: new Set(bins.map((b) => b.code)),
    tasks,
    userNames: new Map([
      ...taskRows.flatMap((t) => (t.assignedTo && t.assigneeName ? [[t.assignedTo, t.assigneeName] as const] : [])),
      ...targetRows.flatMap((r) => (r.userName ? [[r.userId, r.userName] as const] : [])),
    ]),
    balances: new Map(binRows.flatMap((b) => (b.productId !== null ? [[stockKey({ binCode: b.binCode, productId: b.productId, lot: b.lot! }), b.qty!] as const] : []))),
    committedBooks,
    activeCounts,
    operations,
    entriesByOp: groupBy(entriesByOp.map(asEntry), (e) => e.opId),
    entriesAtCount: groupBy(entriesAtCount.map(asEntry), (e) => e.countOpId),
    threshold: settings.recountThreshold,
    stepLimit: settings.stepLimit,
    timeZone: settings.timeZone,
    waitingReviews,
  };
}
