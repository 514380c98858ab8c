/**
 * CSV import of products (with their codes and pack quantities), bins and opening
 * stock. Every row is checked against the file and the warehouse first
 * (domain/masterData); then, in one transaction with one change clock, everything is
 * written, or only the valid rows when the supervisor chose so explicitly, or nothing.
 *
 * - A product row is the whole product: its codes replace the codes it had.
 * - A bin row creates its zone when the warehouse has none of that name.
 * - A stock row sets the quantity of a bin x product x lot now: the ledger gets the
 *   difference as an 'import' movement, so history stays whole. It is meant for opening
 *   stock; on a live floor a count is the way to correct a bin.
 */
import type { Database, Queryable } from '../../storage/database';
import type { ImportReport } from '../../../protocol/console';
import { yieldingWork } from '../../yieldingWork';
import { IMPORT_COLUMNS, type BinRecord, type ImportKind, type ProductRecord, type StockRecord, type WarehouseHolding } from '../../../domain/masterData/importRows';
import { checkFile } from '../../csvCheck/checkFile';
import { checkInWorker, IN_WORKER_FROM_CHARS } from '../../csvCheck/checkInWorker';
import type { HoldingKeys } from '../../../domain/masterData/holdingKeys';
import { takeChangeClock } from '../deviceSync/changeClock';
import { lockBins } from '../lockOrder';

/** What the warehouse holds that the file's rows name (holdingKeys.ts): only those, so a big catalog is not read whole. */
export async function holdingFor(db: Queryable, warehouseId: string, keys: HoldingKeys): Promise<WarehouseHolding> {
  const [zones, bins, products, codes] = await Promise.all([
    db.query<{ code: string }>('select code from zones where warehouse_id = $1', [warehouseId]),
    db.query<{ code: string }>('select code from bins where warehouse_id = $1 and code = any($2::text[])', [warehouseId, keys.bins]),
    db.query<{ id: string; sku: string; lotTracked: boolean; expiryTracked: boolean }>(
      'select id, sku, lot_tracked as "lotTracked", expiry_tracked as "expiryTracked" from products where warehouse_id = $1 and sku = any($2::text[])',
      [warehouseId, keys.skus],
    ),
    db.query<{ gtin: string; sku: string }>(
      'select c.gtin, p.sku from product_codes c join products p on p.warehouse_id = c.warehouse_id and p.id = c.product_id where c.warehouse_id = $1 and c.gtin = any($2::text[])',
      [warehouseId, keys.gtins],
    ),
  ]);
  return {
    zones: new Set(zones.map((z) => z.code)),
    bins: new Set(bins.map((b) => b.code)),
    products: new Map(products.map((p) => [p.sku, p])),
    codeOwners: new Map(codes.map((c) => [c.gtin, c.sku])),
  };
}

export async function importCsv(db: Database, input: { warehouseId: string; kind: ImportKind; csv: string; mode: 'check' | 'all' | 'valid-only' }): Promise<ImportReport> {
  const columns = [...IMPORT_COLUMNS[input.kind]];
  // Read and checked first, outside the transaction (only reads): in slices here, or in a worker for a big file.
  const file = { kind: input.kind, csv: input.csv, keepValid: input.mode !== 'check' };
  const holdingOf = (keys: HoldingKeys) => holdingFor(db, input.warehouseId, keys);
  const checked = input.csv.length >= IN_WORKER_FROM_CHARS ? await checkInWorker(file, holdingOf) : await checkFile(file, yieldingWork, holdingOf);
  const report = (imported: number): ImportReport => ({
    kind: input.kind, mode: input.mode, rows: checked.rows, valid: checked.validCount, problems: [...checked.problems], problemsNotListed: checked.problemCount - checked.problems.length, imported, columns,
  });
  const writes = input.mode === 'check' || (input.mode === 'all' && checked.problemCount > 0) ? [] : checked.valid.map((v) => v.record);
  if (writes.length === 0) return report(0);
  await db.transaction(async (tx) => {
    // The bins first, as a push locks them (lockOrder.ts); the clock (and with it the warehouse's
    // turn to write) only then: devices' pushes wait for the writes, not for the checking.
    if (input.kind !== 'products') await lockBins(tx, input.warehouseId, (writes as (BinRecord | StockRecord)[]).map((w) => ('binCode' in w ? w.binCode : w.code)));
    const { clock } = await takeChangeClock(tx, input.warehouseId);
    if (input.kind === 'products') await writeProducts(tx, input.warehouseId, writes as ProductRecord[], clock);
    else if (input.kind === 'bins') await writeBins(tx, input.warehouseId, writes as BinRecord[], clock);
    else await writeStock(tx, input.warehouseId, writes as StockRecord[], clock);
  });
  // PGlite runs no autovacuum: after a big import its planner must learn the tables' new sizes, or it scans them whole.
  if (db.kind === 'pglite' && writes.length > 1000) await db.query('analyze');
  return report(writes.length);
}

async function writeProducts(tx: Queryable, warehouseId: string, products: readonly ProductRecord[], clock: string): Promise<void> {
  const rows = await tx.query<{ id: string; sku: string }>(
    `insert into products (warehouse_id, id, sku, name, unit, zone, lot_tracked, expiry_tracked, unit_cost, changed_at)
     select $2, coalesce(p.id, 'P-' || x.sku), x.sku, x.name, x.unit, x.zone, x.lot, x.expiry, x.cost, $3::bigint
       from json_to_recordset($1::json) as x(sku text, name text, unit text, zone text, lot boolean, expiry boolean, cost numeric)
       left join products p on p.warehouse_id = $2 and p.sku = x.sku
     on conflict (warehouse_id, id) do update set name = excluded.name, unit = excluded.unit, zone = excluded.zone, lot_tracked = excluded.lot_tracked,
       expiry_tracked = excluded.expiry_tracked, unit_cost = excluded.unit_cost, changed_at = excluded.changed_at
     returning id, sku`,
    [JSON.stringify(products.map((p) => ({ sku: p.sku, name: p.name, unit: p.unit, zone: p.zone, lot: p.lotTracked, expiry: p.expiryTracked, cost: p.unitCost }))), warehouseId, clock],
  );
  const idOf = new Map(rows.map((r) => [r.sku, r.id]));
  await tx.query('delete from product_codes where warehouse_id = $1 and product_id = any($2::text[])', [warehouseId, [...idOf.values()]]);
  await tx.query(
    `insert into product_codes (warehouse_id, gtin, product_id, pack_qty, pack_level, symbology, printed)
     select $2, x.gtin, x.product, x.qty, x.level, x.symbology, x.printed from json_to_recordset($1::json) as x(gtin text, product text, qty int, level text, symbology text, printed text)`,
    [JSON.stringify(products.flatMap((p) => p.codes.map((c) => ({ gtin: c.gtin, product: idOf.get(p.sku), qty: c.packQty, level: c.packLevel, symbology: c.symbology, printed: c.printed })))), warehouseId],
  );
}

async function writeBins(tx: Queryable, warehouseId: string, bins: readonly BinRecord[], clock: string): Promise<void> {
  await tx.query(
    `insert into zones (warehouse_id, code, name) select distinct $2, x.zone, 'Zone ' || x.zone from json_to_recordset($1::json) as x(zone text) on conflict do nothing`,
    [JSON.stringify(bins.map((b) => ({ zone: b.zone }))), warehouseId],
  );
  await tx.query(
    `insert into bins (warehouse_id, code, zone, aisle, walk_seq, changed_at)
     select $2, x.code, x.zone, x.aisle, x.walk_seq, $3::bigint from json_to_recordset($1::json) as x(code text, zone text, aisle text, walk_seq int)
     on conflict (warehouse_id, code) do update set zone = excluded.zone, aisle = excluded.aisle, walk_seq = excluded.walk_seq, changed_at = excluded.changed_at`,
    [JSON.stringify(bins.map((b) => ({ code: b.code, zone: b.zone, aisle: b.aisle, walk_seq: b.walkSeq }))), warehouseId, clock],
  );
}

async function writeStock(tx: Queryable, warehouseId: string, stock: readonly StockRecord[], clock: string): Promise<void> {
  const binCodes = [...new Set(stock.map((s) => s.binCode))];
  // The bins are locked (importCsv, before the clock): the difference is taken from the book as it stands.
  const json = JSON.stringify(stock.map((s) => ({ bin: s.binCode, product: s.productId, lot: s.lot, expiry: s.expiry, qty: s.qty })));
  await tx.query(
    `insert into stock_movements (warehouse_id, bin_code, product_id, lot, expiry, qty_delta, kind, note, occurred_at)
     select $2, x.bin, x.product, x.lot, x.expiry, x.qty - coalesce(b.qty, 0), 'import', 'CSV import', now()
       from json_to_recordset($1::json) as x(bin text, product text, lot text, expiry date, qty int)
       left join stock_balances b on b.warehouse_id = $2 and b.bin_code = x.bin and b.product_id = x.product and b.lot = x.lot
      where x.qty <> coalesce(b.qty, 0)`,
    [json, warehouseId],
  );
  await tx.query(
    `insert into stock_balances (warehouse_id, bin_code, product_id, lot, expiry, qty)
     select $2, x.bin, x.product, x.lot, x.expiry, x.qty from json_to_recordset($1::json) as x(bin text, product text, lot text, expiry date, qty int)
     on conflict (warehouse_id, bin_code, product_id, lot) do update set qty = excluded.qty, expiry = coalesce(excluded.expiry, stock_balances.expiry)`,
    [json, warehouseId],
  );
  await tx.query('update bins set changed_at = $3::bigint where warehouse_id = $1 and code = any($2::text[])', [warehouseId, binCodes, clock]);
}
