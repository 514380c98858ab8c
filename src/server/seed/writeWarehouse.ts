/**
 * Writes a whole warehouse in one transaction, table by table, with one
 * `insert … select from unnest(arrays)` per chunk: a few statements for thousands
 * of rows, which is what makes seeding PGlite fast.
 */
import type { Queryable, SqlParam } from '../storage/database';
import type { WarehouseData } from './demoWarehouse';
import { localTimeZone } from '../../domain/floor/floorDate';

const CHUNK = 5000;

type Column = readonly [name: string, sqlType: string];

async function insertRows<Row>(
  tx: Queryable,
  table: string,
  columns: readonly Column[],
  rows: readonly Row[],
  values: (row: Row) => readonly (string | number | boolean | null)[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const arrays: (string | number | boolean | null)[][] = columns.map(() => []);
    for (const row of chunk) values(row).forEach((value, i) => arrays[i]!.push(value));
    const names = columns.map(([name]) => name).join(', ');
    const unnest = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
    await tx.query(`insert into ${table} (${names}) select * from unnest(${unnest})`, arrays as SqlParam[]);
  }
}

export async function writeWarehouse(tx: Queryable, data: WarehouseData, warehouseId = data.warehouse.id): Promise<void> {
  const w = warehouseId;
  // The demo's warehouses keep the server's time zone, as the migration gives existing ones.
  await tx.query('insert into warehouses (id, code, name, change_clock, time_zone) values ($1, $2, $3, 1, $4)', [w, data.warehouse.code, data.warehouse.name, localTimeZone()]);
  await insertRows(tx, 'zones', [['warehouse_id', 'text'], ['code', 'text'], ['name', 'text']], data.zones, (z) => [w, z.code, z.name]);
  await insertRows(
    tx,
    'bins',
    [['warehouse_id', 'text'], ['code', 'text'], ['zone', 'text'], ['aisle', 'text'], ['walk_seq', 'int'], ['changed_at', 'bigint']],
    data.bins,
    (b) => [w, b.code, b.zone, b.aisle, b.walkSeq, 1],
  );
  await insertRows(
    tx,
    'products',
    [['warehouse_id', 'text'], ['id', 'text'], ['sku', 'text'], ['name', 'text'], ['unit', 'text'], ['zone', 'text'], ['lot_tracked', 'boolean'], ['expiry_tracked', 'boolean'], ['changed_at', 'bigint']],
    data.products,
    (p) => [w, p.id, p.sku, p.name, p.unit, p.zone, p.lotTracked, p.expiryTracked, 1],
  );
  const codes = data.products.flatMap((p) => p.codes.map((c) => ({ productId: p.id, ...c })));
  await insertRows(
    tx,
    'product_codes',
    [['warehouse_id', 'text'], ['gtin', 'text'], ['product_id', 'text'], ['pack_qty', 'int'], ['pack_level', 'text'], ['symbology', 'text'], ['printed', 'text']],
    codes,
    (c) => [w, c.gtin, c.productId, c.packQty, c.packLevel, c.symbology, c.printed],
  );
  const stockColumns: Column[] = [['warehouse_id', 'text'], ['bin_code', 'text'], ['product_id', 'text'], ['lot', 'text'], ['expiry', 'date']];
  // Opening stock enters the ledger as movements; the balance is their sum.
  // Opening stock was there before anything a device did: it sits at the start of time.
  await insertRows(tx, 'stock_movements', [...stockColumns, ['qty_delta', 'int'], ['kind', 'text'], ['occurred_at', 'timestamptz']], data.stock, (s) => [w, s.binCode, s.productId, s.lot, s.expiry, s.qty, 'opening', '1970-01-01T00:00:00Z']);
  await insertRows(tx, 'stock_balances', [...stockColumns, ['qty', 'int'], ['changed_at', 'bigint']], data.stock, (s) => [w, s.binCode, s.productId, s.lot, s.expiry, s.qty, 1]);
  await insertRows(
    tx,
    'tasks',
    [['warehouse_id', 'text'], ['id', 'text'], ['kind', 'text'], ['reference', 'text'], ['status', 'text'], ['assigned_to', 'text'], ['due_at', 'timestamptz'], ['created_at', 'timestamptz'], ['changed_at', 'bigint']],
    data.tasks,
    (t) => [w, t.id, t.kind, t.reference, t.status, t.assignedTo, t.dueAt ?? null, t.createdAt, 1],
  );
  const lines = data.tasks.flatMap((t) => t.lines.map((l) => ({ taskId: t.id, ...l })));
  await insertRows(
    tx,
    'task_lines',
    [['warehouse_id', 'text'], ['task_id', 'text'], ['line_no', 'int'], ['bin_code', 'text'], ['product_id', 'text'], ['lot', 'text'], ['qty', 'int']],
    lines,
    (l) => [w, l.taskId, l.lineNo, l.binCode, l.productId, l.lot, l.qty],
  );
}
