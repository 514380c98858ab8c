/**
 * What a device downloads of its warehouse, page by page, in key order. A page's
 * cursor is the key of its last row, so the next page starts right after it and
 * a download can stop and resume anywhere.
 */
import type { Queryable } from '../storage/database';
import type { Task, TaskConflict, TaskLine } from '../../domain/tasks/task';
import type { DownloadEntity, DownloadManifest } from '../../protocol/download';
import { ApiProblem } from '../problems';
import { cursorAfterClock } from './deviceSync/pullCursor';
import { settingsColumns, settingsOf, type SettingsRow } from './warehouseSettingsColumns';

export interface Page<T> {
  readonly items: T[];
  readonly next: string | null;
}

export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, parts: number): string[] | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === parts && key.every((part) => typeof part === 'string')) return key as string[];
  } catch {
    // fall through to the problem below
  }
  throw new ApiProblem(400, 'bad-request', 'The download cursor is not one this server made. Restart the download.');
}

function pageOf<Row, T>(rows: Row[], limit: number, toItem: (row: Row) => T, keyOf: (row: Row) => string[]): Page<T> {
  const last = rows.at(-1);
  return { items: rows.map(toItem), next: rows.length === limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

export async function manifest(db: Queryable, warehouseId: string, pageSize: number): Promise<Omit<DownloadManifest, 'warehouseId'> | null> {
  const [row] = await db.query<SettingsRow & { clock: string; epoch: string; token: string | null; products: number; bins: number; stock_lines: number; tasks: number }>(
    `select w.change_clock::text as clock, ${settingsColumns('w')},
            (select value from server_meta where key = 'data_epoch') as epoch,
            (select token::text from change_history h where h.warehouse_id = w.id and h.clock = w.change_clock) as token,
            (select count(*)::int from products where warehouse_id = w.id) as products,
            (select count(*)::int from bins where warehouse_id = w.id) as bins,
            (select count(*)::int from stock_balances where warehouse_id = w.id and qty <> 0) as stock_lines,
            (select count(*)::int from tasks where warehouse_id = w.id and status in ('open', 'in-progress')) as tasks
       from warehouses w where w.id = $1`,
    [warehouseId],
  );
  if (row === undefined) return null;
  return {
    dataEpoch: row.epoch,
    changeClock: row.clock,
    pullCursor: cursorAfterClock(row.epoch, row.clock, row.token),
    counts: { products: row.products, bins: row.bins, tasks: row.tasks, stockLines: row.stock_lines },
    pageSize,
    settings: settingsOf(row),
  };
}

/**
 * A page whose JSON the database writes itself: the two big entities (products
 * with their codes, bins with their stock) are sent as PostgreSQL builds them, which on the
 * embedded database is several times faster than rows turned into objects and
 * back into JSON. The shape is the protocol's; the server tests check every page
 * against the shared schema.
 */
/** A product (alias p) with its codes, as the protocol's productSchema. */
export const PRODUCT_JSON = `json_build_object(
  'id', p.id, 'sku', p.sku, 'name', p.name, 'unit', p.unit, 'zone', p.zone,
  'lotTracked', p.lot_tracked, 'expiryTracked', p.expiry_tracked,
  'codes', coalesce((select json_agg(json_build_object('gtin', c.gtin, 'packQty', c.pack_qty, 'packLevel', c.pack_level,
                                                       'symbology', c.symbology, 'printed', c.printed) order by c.pack_qty, c.gtin)
                       from product_codes c where c.warehouse_id = p.warehouse_id and c.product_id = p.id), '[]'::json))`;

/** A bin (alias b) with its stock, as the protocol's binWithStockSchema. */
export const BIN_JSON = `json_build_object(
  'code', b.code, 'zone', b.zone, 'aisle', b.aisle, 'walkSeq', b.walk_seq,
  'stock', coalesce((select json_agg(json_build_object('binCode', s.bin_code, 'productId', s.product_id, 'lot', s.lot,
                                                       'expiry', s.expiry::text, 'qty', s.qty) order by s.product_id, s.lot)
                       from stock_balances s where s.warehouse_id = b.warehouse_id and s.bin_code = b.code and s.qty <> 0), '[]'::json))`;

export interface JsonPage {
  readonly json: string;
}

async function jsonPage(db: Queryable, sql: string, params: readonly (string | number | null)[], limit: number, keyOf: (last: string[]) => string[]): Promise<JsonPage> {
  const [row] = await db.query<{ items: string; n: number; last_key: string[] | null }>(sql, params);
  const items = row?.items ?? '[]';
  const next = row && row.n === limit && row.last_key ? encodeCursor(keyOf(row.last_key)) : null;
  return { json: `{"items":${items},"next":${JSON.stringify(next)}}` };
}

export async function productPage(db: Queryable, warehouseId: string, after: string | undefined, limit: number): Promise<JsonPage> {
  const key = decodeCursor(after, 1);
  return jsonPage(
    db,
    `select coalesce(json_agg(${PRODUCT_JSON} order by p.id), '[]'::json)::text as items,
            count(*)::int as n,
            array[max(p.id)] as last_key
       from (select * from products where warehouse_id = $1 and ($2::text is null or id > $2) order by id limit $3) p`,
    [warehouseId, key?.[0] ?? null, limit],
    limit,
    (last) => last,
  );
}

export async function binPage(db: Queryable, warehouseId: string, after: string | undefined, limit: number): Promise<JsonPage> {
  const key = decodeCursor(after, 1);
  return jsonPage(
    db,
    `select coalesce(json_agg(${BIN_JSON} order by b.code), '[]'::json)::text as items,
            count(*)::int as n,
            array[max(b.code)] as last_key
       from (select * from bins where warehouse_id = $1 and ($2::text is null or code > $2) order by code limit $3) b`,
    [warehouseId, key?.[0] ?? null, limit],
    limit,
    (last) => last,
  );
}

/**
 * A task (alias t) as devices and the console get it. The device's name is its one name
 * wherever it works (README, "Device names"); a rename touches the tasks it is shown on
 * (floorSettings.ts renameDevice), so devices pull it again.
 */
export const TASK_NAMED_COLUMNS = `(select d.name from devices d where d.device_id = t.worked_on_device) as "workedOnDeviceName", t.due_at as "dueAt"`;
const TASK_COLUMNS = `t.id, t.kind, t.reference, t.status, t.assigned_to as "assignedTo", (select display_name from users u where u.id = t.assigned_to) as "assignedToName",
  t.worked_on_device as "workedOnDevice", t.created_at as "createdAt", ${TASK_NAMED_COLUMNS}`;
type TaskRow = Omit<Task, 'lines' | 'createdAt' | 'conflicts' | 'dueAt'> & { createdAt: Date; dueAt: Date | null };

/** Each task's lines with the server's progress (every device's), and its conflicts not yet resolved. */
async function withLines(db: Queryable, warehouseId: string, rows: readonly TaskRow[]): Promise<Task[]> {
  const ids = rows.map((row) => row.id);
  const [lines, conflicts] = await Promise.all([
    db.query<Omit<TaskLine, 'short'> & { taskId: string; shortQty: number | null; shortReason: string | null }>(
      `select task_id as "taskId", line_no as "lineNo", bin_code as "binCode", product_id as "productId", lot, qty, done_qty as done, short_qty as "shortQty", short_reason as "shortReason"
         from task_lines where warehouse_id = $1 and task_id = any($2::text[]) order by task_id, line_no`,
      [warehouseId, ids],
    ),
    taskConflictsOf(db, warehouseId, ids),
  ]);
  const linesOf = new Map<string, TaskLine[]>();
  for (const { taskId, shortQty, shortReason, ...line } of lines) {
    // A line closed short before reasons were kept: "less than expected" is the neutral reading.
    const short = shortQty === null || shortQty <= 0 ? null : { qty: shortQty, reason: shortReason ?? 'less-than-expected' };
    linesOf.set(taskId, [...(linesOf.get(taskId) ?? []), { ...line, short }]);
  }
  return rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt).toISOString(), dueAt: isoOrNull(row.dueAt), lines: linesOf.get(row.id) ?? [], conflicts: conflicts.get(row.id) ?? [] }));
}

/** A timestamptz as the wire writes it, or null. */
export const isoOrNull = (at: Date | string | null): string | null => (at === null ? null : new Date(at).toISOString());

/** Open conflicts per task, with the devices' users and the decision's assignee by name. */
async function taskConflictsOf(db: Queryable, warehouseId: string, taskIds: readonly string[]): Promise<Map<string, TaskConflict[]>> {
  const rows = await db.query<{ taskId: string; kind: TaskConflict['kind']; lineNo: number | null; excess: number | null; devices: { deviceId: string; userName: string | null; deviceName: string | null }[]; decision: TaskConflict['decision']; at: Date }>(
    `select c.task_id as "taskId", c.kind, c.line_no as "lineNo", c.excess,
            (select coalesce(json_agg(json_build_object('deviceId', d.value->>'deviceId',
                     'userName', (select u.display_name from devices dv join users u on u.id = dv.user_id where dv.device_id = d.value->>'deviceId'),
                     'deviceName', (select dv.name from devices dv where dv.device_id = d.value->>'deviceId'))), '[]'::json)
               from jsonb_array_elements(c.devices) d) as devices,
            case when c.decision is null then null
                 else json_build_object('status', c.decision->>'status', 'assignedToName', (select u.display_name from users u where u.id = c.decision->>'assignedTo')) end as decision,
            c.updated_at as at
       from task_conflicts c where c.warehouse_id = $1 and c.task_id = any($2::text[]) and c.resolved_at is null order by c.id`,
    [warehouseId, taskIds],
  );
  const byTask = new Map<string, TaskConflict[]>();
  for (const { taskId, at, ...conflict } of rows) byTask.set(taskId, [...(byTask.get(taskId) ?? []), { ...conflict, at: new Date(at).toISOString() }]);
  return byTask;
}

/** Tasks by id, whatever their status (a pull tells the device of finished and cancelled ones too). */
export async function tasksByIds(db: Queryable, warehouseId: string, ids: readonly string[]): Promise<Task[]> {
  if (ids.length === 0) return [];
  return withLines(db, warehouseId, await db.query<TaskRow>(`select ${TASK_COLUMNS} from tasks t where t.warehouse_id = $1 and t.id = any($2::text[]) order by t.id`, [warehouseId, ids]));
}

export async function taskPage(db: Queryable, warehouseId: string, after: string | undefined, limit: number): Promise<Page<Task>> {
  const key = decodeCursor(after, 1);
  const rows = await db.query<TaskRow>(
    `select ${TASK_COLUMNS} from tasks t
      where t.warehouse_id = $1 and t.status in ('open', 'in-progress') and ($2::text is null or t.id > $2) order by t.id limit $3`,
    [warehouseId, key?.[0] ?? null, limit],
  );
  const tasks = await withLines(db, warehouseId, rows);
  return pageOf(tasks, limit, (task) => task, (task) => [task.id]);
}

export const pageReaders: Record<DownloadEntity, (db: Queryable, warehouseId: string, after: string | undefined, limit: number) => Promise<Page<unknown> | JsonPage>> = {
  products: productPage,
  bins: binPage,
  tasks: taskPage,
};
