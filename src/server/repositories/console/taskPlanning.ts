/**
 * Supervisors make and assign the floor's work. A pick list's lines are placed on the
 * bins that hold the product, earliest expiry first, then in walk order; a putaway
 * task's lines have no bin (the device suggests one); a count task lists bins in walk
 * order. Every write takes the change clock, so devices pull the task on their next sync.
 *
 * Left for later: a pick list does not reserve stock, so two lists made at once may
 * both place lines on the same units; the picker short-picks what is not there.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../storage/database';
import type { NewTask, TaskSummary } from '../../../protocol/console';
import type { RowProblem } from '../../../domain/masterData/importRows';
import { mayDo, type FloorJob, type Role } from '../../../domain/people/roles';
import { normaliseBinCode } from '../../../domain/codes/binCode';
import { checkLotEntry } from '../../../domain/floor/lotEntry';
import { explain } from '../../../domain/why';
import { ApiProblem } from '../../problems';
import { readWarehouseSettings, takeChangeClock } from '../deviceSync/changeClock';
import { isoOrNull, TASK_NAMED_COLUMNS } from '../floorData';
import { dueProblemInEnglish, readDueTime } from '../../../domain/tasks/dueTime';

interface PlannedLine {
  readonly binCode: string | null;
  readonly productId: string | null;
  readonly lot: string | null;
  readonly qty: number | null;
}

/** A task ready to write, or the problems that stop it (by line of the input: 1 is the first line). */
type Planned = { readonly lines: PlannedLine[]; readonly problems: RowProblem[] };

export async function listTasks(db: Queryable, warehouseId: string): Promise<TaskSummary[]> {
  const rows = await db.query<Omit<TaskSummary, 'createdAt' | 'dueAt'> & { createdAt: Date; dueAt: Date | null }>(
    `select t.id, t.kind, t.reference, t.status, u.username as "assignedTo", t.worked_on_device as "workedOnDevice", t.created_at as "createdAt", ${TASK_NAMED_COLUMNS},
            count(l.line_no)::int as lines,
            count(l.line_no) filter (where l.short_qty is not null or (l.qty is not null and l.done_qty >= l.qty) or (l.qty is null and l.done_qty > 0))::int as "linesDone"
       from tasks t left join task_lines l on l.warehouse_id = t.warehouse_id and l.task_id = t.id
       left join users u on u.id = t.assigned_to
      where t.warehouse_id = $1 and (t.status in ('open', 'in-progress') or t.created_at > now() - interval '7 days')
      group by t.warehouse_id, t.id, u.username order by t.created_at desc, t.id limit 1000`,
    [warehouseId],
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString(), dueAt: isoOrNull(r.dueAt) }));
}

export async function floorPeople(db: Queryable, warehouseId: string) {
  return db.query<{ id: string; username: string; displayName: string; role: string; jobs: string[] }>(
    `select u.id, u.username, u.display_name as "displayName", u.role, u.jobs from users u join user_warehouses w on w.user_id = u.id
      where w.warehouse_id = $1 and u.disabled_at is null order by u.username`,
    [warehouseId],
  );
}

/** The user a task goes to, by username or id, who must work in the warehouse and do the job. */
export async function assigneeOf(db: Queryable, warehouseId: string, who: string | null, job: FloorJob): Promise<string | null> {
  if (who === null) return null;
  const [user] = await db.query<{ id: string; role: Role; jobs: FloorJob[] }>(
    `select u.id, u.role, u.jobs from users u join user_warehouses w on w.user_id = u.id and w.warehouse_id = $1
      where (u.username = $2 or u.id = $2) and u.disabled_at is null`,
    [warehouseId, who],
  );
  if (!user) throw new ApiProblem(422, 'invalid-data', `Nobody called ${who} works in this warehouse (or their user is disabled).`);
  if (!mayDo(user, job)) throw new ApiProblem(422, 'invalid-data', `${who} does not do ${job} work; choose someone who does, or leave the task open.`);
  return user.id;
}

async function productsBySku(db: Queryable, warehouseId: string, skus: readonly string[]) {
  const rows = await db.query<{ id: string; sku: string; lotTracked: boolean }>(
    'select id, sku, lot_tracked as "lotTracked" from products where warehouse_id = $1 and sku = any($2::text[])',
    [warehouseId, [...new Set(skus)]],
  );
  return new Map(rows.map((r) => [r.sku, r]));
}

/** Pick lines on the bins holding each product: earliest expiry first, then walk order, until the quantity is covered. */
export async function planPick(db: Queryable, warehouseId: string, lines: readonly { line: number; sku: string; qty: number }[]): Promise<Planned> {
  const products = await productsBySku(db, warehouseId, lines.map((l) => l.sku));
  const ids = [...products.values()].map((p) => p.id);
  const stock = await db.query<{ productId: string; binCode: string; qty: number }>(
    `select s.product_id as "productId", s.bin_code as "binCode", sum(s.qty)::float8 as qty from stock_balances s join bins b on b.warehouse_id = s.warehouse_id and b.code = s.bin_code
      where s.warehouse_id = $1 and s.product_id = any($2::text[]) and s.qty > 0
      group by s.product_id, s.bin_code, b.walk_seq order by min(s.expiry) nulls last, b.walk_seq, s.bin_code`,
    [warehouseId, ids],
  );
  const left = new Map<string, number>(stock.map((s) => [`${s.productId}\u0000${s.binCode}`, s.qty]));
  const planned: PlannedLine[] = [];
  const problems: RowProblem[] = [];
  for (const line of lines) {
    const product = products.get(line.sku);
    if (!product) {
      problems.push({ line: line.line, column: 'sku', message: `There is no product with SKU ${line.sku} in this warehouse.` });
      continue;
    }
    let wanted = line.qty;
    const placed: PlannedLine[] = [];
    for (const s of stock.filter((x) => x.productId === product.id)) {
      const key = `${s.productId}\u0000${s.binCode}`;
      const take = Math.min(wanted, left.get(key) ?? 0);
      if (take <= 0) continue;
      left.set(key, (left.get(key) ?? 0) - take);
      placed.push({ binCode: s.binCode, productId: product.id, lot: null, qty: take });
      wanted -= take;
      if (wanted === 0) break;
    }
    if (wanted > 0) problems.push({ line: line.line, column: 'qty', message: `Only ${line.qty - wanted} of SKU ${line.sku} are in stock (this list asks ${line.qty}).` });
    else planned.push(...placed);
  }
  return { lines: planned, problems };
}

export async function planPutaway(db: Queryable, warehouseId: string, lines: readonly { line: number; sku: string; qty: number; lot?: string | undefined }[]): Promise<Planned> {
  const products = await productsBySku(db, warehouseId, lines.map((l) => l.sku));
  const planned: PlannedLine[] = [];
  const problems: RowProblem[] = [];
  for (const line of lines) {
    const product = products.get(line.sku);
    if (!product) {
      problems.push({ line: line.line, column: 'sku', message: `There is no product with SKU ${line.sku} in this warehouse.` });
      continue;
    }
    let lot: string | null = null;
    if (line.lot) {
      const checked = checkLotEntry(line.lot);
      if (!product.lotTracked) problems.push({ line: line.line, column: 'lot', message: `SKU ${line.sku} is not lot-tracked; leave the lot empty.` });
      else if (!checked.ok) problems.push({ line: line.line, column: 'lot', message: explain(checked.why) });
      else lot = checked.value;
    }
    planned.push({ binCode: null, productId: product.id, lot, qty: line.qty });
  }
  return { lines: planned, problems };
}

export async function planCount(db: Queryable, warehouseId: string, by: { bins?: readonly string[] | undefined; zone?: string | undefined; notCountedForDays?: number | undefined }, now: Date): Promise<Planned> {
  const ways = [by.bins, by.zone, by.notCountedForDays].filter((w) => w !== undefined).length;
  if (ways !== 1) throw new ApiProblem(400, 'bad-request', 'Say which bins to count in one way: a list of bins, a zone, or bins not counted for a number of days.');
  let rows: { code: string }[];
  const problems: RowProblem[] = [];
  if (by.bins) {
    const codes = by.bins.map((b) => normaliseBinCode(b) ?? b);
    rows = await db.query<{ code: string }>('select code from bins where warehouse_id = $1 and code = any($2::text[]) order by walk_seq, code', [warehouseId, codes]);
    const found = new Set(rows.map((r) => r.code));
    codes.forEach((code, i) => {
      if (!found.has(code)) problems.push({ line: i + 1, column: 'bin', message: `There is no bin ${code} in this warehouse.` });
    });
  } else if (by.zone) {
    rows = await db.query<{ code: string }>('select code from bins where warehouse_id = $1 and zone = $2 order by walk_seq, code', [warehouseId, by.zone.toUpperCase()]);
    if (rows.length === 0) problems.push({ line: 1, column: 'zone', message: `Zone ${by.zone} has no bins.` });
  } else {
    const since = new Date(now.getTime() - by.notCountedForDays! * 86_400_000);
    rows = await db.query<{ code: string }>(
      `select b.code from bins b where b.warehouse_id = $1
          and not exists (select 1 from bin_counts c where c.warehouse_id = b.warehouse_id and c.bin_code = b.code and c.counted_at >= $2)
        order by b.walk_seq, b.code limit 2000`,
      [warehouseId, since],
    );
    if (rows.length === 0) problems.push({ line: 1, column: null, message: `Every bin was counted in the last ${by.notCountedForDays} days.` });
  }
  return { lines: [...new Set(rows.map((r) => r.code))].map((binCode) => ({ binCode, productId: null, lot: null, qty: null })), problems };
}

/** Writes planned tasks in one transaction with one clock: all of them, or (on an error) none. */
export async function writeTasks(db: Database, warehouseId: string, tasks: readonly { kind: NewTask['kind']; reference: string; assignedTo: string | null; dueAt: string | null; lines: readonly PlannedLine[] }[], now: Date): Promise<{ id: string; reference: string; lines: number }[]> {
  return db.transaction(async (tx) => {
    const { clock } = await takeChangeClock(tx, warehouseId);
    const made = tasks.map((t) => ({ ...t, id: `${{ pick: 'PL', putaway: 'PA', count: 'CT' }[t.kind]}-${randomUUID().slice(0, 8).toUpperCase()}` }));
    await tx.query(
      `insert into tasks (warehouse_id, id, kind, reference, status, assigned_to, due_at, created_at, changed_at)
       select $2, x.id, x.kind, x.reference, 'open', x.assigned, x.due, $3, $4::bigint from json_to_recordset($1::json) as x(id text, kind text, reference text, assigned text, due timestamptz)`,
      [JSON.stringify(made.map((t) => ({ id: t.id, kind: t.kind, reference: t.reference, assigned: t.assignedTo, due: t.dueAt }))), warehouseId, now, clock],
    );
    await tx.query(
      `insert into task_lines (warehouse_id, task_id, line_no, bin_code, product_id, lot, qty)
       select $2, x.task, x.line, x.bin, x.product, x.lot, x.qty from json_to_recordset($1::json) as x(task text, line int, bin text, product text, lot text, qty int)`,
      [JSON.stringify(made.flatMap((t) => t.lines.map((l, i) => ({ task: t.id, line: i + 1, bin: l.binCode, product: l.productId, lot: l.lot, qty: l.qty })))), warehouseId],
    );
    return made.map((t) => ({ id: t.id, reference: t.reference, lines: t.lines.length }));
  });
}

const JOB: Record<NewTask['kind'], FloorJob> = { pick: 'pick', putaway: 'putaway', count: 'count' };

/** A due time as written, read in the warehouse's zone; null for none, or the problem in English. */
export async function dueOf(db: Queryable, warehouseId: string, written: string | null | undefined, now: Date): Promise<{ dueAt: string | null } | { problem: string }> {
  if (written === null || written === undefined || written.trim() === '') return { dueAt: null };
  const { timeZone } = await readWarehouseSettings(db, warehouseId);
  const reading = readDueTime(written, timeZone, now);
  return reading.ok ? { dueAt: reading.dueAt } : { problem: dueProblemInEnglish(reading.problem) };
}

/** A task made by hand in the console, or by an ERP through the same route. */
export async function createTask(db: Database, warehouseId: string, task: NewTask, now: Date): Promise<{ id: string; reference: string; lines: number }> {
  const due = await dueOf(db, warehouseId, task.due, now);
  if ('problem' in due) throw new ApiProblem(422, 'invalid-data', `Due: ${due.problem}`);
  const assignedTo = await assigneeOf(db, warehouseId, task.assignedTo, JOB[task.kind]);
  const numbered = task.kind === 'count' ? [] : task.lines.map((l, i) => ({ ...l, line: i + 1 }));
  const planned = task.kind === 'pick' ? await planPick(db, warehouseId, numbered) : task.kind === 'putaway' ? await planPutaway(db, warehouseId, numbered) : await planCount(db, warehouseId, task, now);
  if (planned.problems.length > 0) throw new ApiProblem(422, 'invalid-data', planned.problems.map((p) => `${task.kind === 'count' ? 'Bin' : 'Line'} ${p.line}: ${p.message}`).join(' '));
  const [made] = await writeTasks(db, warehouseId, [{ kind: task.kind, reference: task.reference, assignedTo, dueAt: due.dueAt, lines: planned.lines }], now);
  return made!;
}

/** Gives an open task to someone, or back to the open list; a task a device has started stays where it is. */
/**
 * Gives an open task to a worker or puts it back on the open list. The decision is kept
 * (who, when, to whom): a worker's step that arrives later and was done without knowing
 * it leaves the task as decided, and is listed as a conflict (domain/ledger/applyOperations).
 */
export async function assignTask(db: Database, input: { warehouseId: string; taskId: string; assignedTo: string | null; decidedBy?: string; now?: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    const [task] = await tx.query<{ kind: NewTask['kind']; status: string; device: string | null }>(
      'select kind, status, worked_on_device as device from tasks where warehouse_id = $1 and id = $2 for update',
      [input.warehouseId, input.taskId],
    );
    if (!task) throw new ApiProblem(404, 'not-found', `There is no task ${input.taskId} in this warehouse.`);
    if (task.status !== 'open') throw new ApiProblem(409, 'conflict', `Task ${input.taskId} is ${task.status}${task.device ? ` on device ${task.device.slice(0, 8)}` : ''}; only an open task is reassigned.`);
    const userId = await assigneeOf(tx, input.warehouseId, input.assignedTo, JOB[task.kind]);
    const { clock } = await takeChangeClock(tx, input.warehouseId);
    await tx.query(
      'update tasks set assigned_to = $3, worked_on_device = null, changed_at = $4::bigint, decided_at = $5, decided_by = $6, decided_to = $3 where warehouse_id = $1 and id = $2',
      [input.warehouseId, input.taskId, userId, clock, input.now ?? new Date(), input.decidedBy ?? null],
    );
  });
}
