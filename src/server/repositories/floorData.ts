/**
 * What a device downloads of its warehouse, page by page, in key order. A page's
 * cursor is the key of its last row, so the next page starts right after it and
 * a download can stop and resume anywhere.
 */
import type { Queryable } from '../storage/database';
import type { Bin, Product, ProductCode, StockLine } from '../../domain/catalog/product';
import type { Task, TaskLine } from '../../domain/tasks/task';
import type { DownloadEntity, DownloadManifest } from '../../protocol/download';
import { ApiProblem } from '../problems';

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
  const [row] = await db.query<{ clock: string; epoch: string; products: number; bins: number; stock: number; tasks: number }>(
    `select w.change_clock::text as clock,
            (select value from server_meta where key = 'data_epoch') as epoch,
            (select count(*)::int from products where warehouse_id = w.id) as products,
            (select count(*)::int from bins where warehouse_id = w.id) as bins,
            (select count(*)::int from stock_balances where warehouse_id = w.id and qty <> 0) as stock,
            (select count(*)::int from tasks where warehouse_id = w.id and status in ('open', 'in-progress')) as tasks
       from warehouses w where w.id = $1`,
    [warehouseId],
  );
  if (row === undefined) return null;
  return { dataEpoch: row.epoch, changeClock: row.clock, counts: { products: row.products, bins: row.bins, stock: row.stock, tasks: row.tasks }, pageSize };
}

export async function productPage(db: Queryable, warehouseId: string, after: string | undefined, limit: number): Promise<Page<Product>> {
  const key = decodeCursor(after, 1);
  type Row = Omit<Product, 'codes'>;
  const rows = await db.query<Row>(
    `select id, sku, name, unit, zone, lot_tracked as "lotTracked", expiry_tracked as "expiryTracked"
       from products where warehouse_id = $1 and ($2::text is null or id > $2) order by id limit $3`,
    [warehouseId, key?.[0] ?? null, limit],
  );
  const codes = await db.query<ProductCode & { productId: string }>(
    `select product_id as "productId", gtin, pack_qty as "packQty", pack_level as "packLevel", symbology, printed
       from product_codes where warehouse_id = $1 and product_id = any($2::text[]) order by product_id, pack_qty, gtin`,
    [warehouseId, rows.map((row) => row.id)],
  );
  const codesOf = new Map<string, ProductCode[]>();
  for (const { productId, ...code } of codes) codesOf.set(productId, [...(codesOf.get(productId) ?? []), code]);
  return pageOf(rows, limit, (row) => ({ ...row, codes: codesOf.get(row.id) ?? [] }), (row) => [row.id]);
}

export async function binPage(db: Queryable, warehouseId: string, after: string | undefined, limit: number): Promise<Page<Bin>> {
  const key = decodeCursor(after, 1);
  const rows = await db.query<Bin>(
    `select code, zone, aisle, walk_seq as "walkSeq" from bins
      where warehouse_id = $1 and ($2::text is null or code > $2) order by code limit $3`,
    [warehouseId, key?.[0] ?? null, limit],
  );
  return pageOf(rows, limit, (row) => row, (row) => [row.code]);
}

export async function stockPage(db: Queryable, warehouseId: string, after: string | undefined, limit: number): Promise<Page<StockLine>> {
  const key = decodeCursor(after, 3);
  const rows = await db.query<StockLine>(
    `select bin_code as "binCode", product_id as "productId", lot, expiry::text as expiry, qty from stock_balances
      where warehouse_id = $1 and qty <> 0 and ($2::text is null or (bin_code, product_id, lot) > ($2, $3, $4))
      order by bin_code, product_id, lot limit $5`,
    [warehouseId, key?.[0] ?? null, key?.[1] ?? null, key?.[2] ?? null, limit],
  );
  return pageOf(rows, limit, (row) => row, (row) => [row.binCode, row.productId, row.lot]);
}

export async function taskPage(db: Queryable, warehouseId: string, after: string | undefined, limit: number): Promise<Page<Task>> {
  const key = decodeCursor(after, 1);
  type Row = Omit<Task, 'lines' | 'createdAt'> & { createdAt: Date };
  const rows = await db.query<Row>(
    `select id, kind, reference, status, assigned_to as "assignedTo", created_at as "createdAt" from tasks
      where warehouse_id = $1 and status in ('open', 'in-progress') and ($2::text is null or id > $2) order by id limit $3`,
    [warehouseId, key?.[0] ?? null, limit],
  );
  const lines = await db.query<TaskLine & { taskId: string }>(
    `select task_id as "taskId", line_no as "lineNo", bin_code as "binCode", product_id as "productId", lot, qty
       from task_lines where warehouse_id = $1 and task_id = any($2::text[]) order by task_id, line_no`,
    [warehouseId, rows.map((row) => row.id)],
  );
  const linesOf = new Map<string, TaskLine[]>();
  for (const { taskId, ...line } of lines) linesOf.set(taskId, [...(linesOf.get(taskId) ?? []), line]);
  return pageOf(
    rows,
    limit,
    (row) => ({ ...row, createdAt: new Date(row.createdAt).toISOString(), lines: linesOf.get(row.id) ?? [] }),
    (row) => [row.id],
  );
}

export const pageReaders: Record<DownloadEntity, (db: Queryable, warehouseId: string, after: string | undefined, limit: number) => Promise<Page<unknown>>> = {
  products: productPage,
  bins: binPage,
  stock: stockPage,
  tasks: taskPage,
};
