/**
 * CSV exports for spreadsheets and other systems: the stock per bin x product x lot as
 * the ledger has it now, and the ledger's movements in a time window. Built in memory:
 * fine for a warehouse's stock (hundreds of thousands of rows); a year of movements
 * should be exported a window at a time.
 */
import type { Queryable } from '../../storage/database';
import { writeCsv } from '../../../domain/csv/csvTable';

export async function stockCsv(db: Queryable, warehouseId: string): Promise<string> {
  const rows = await db.query<{ bin: string; zone: string; sku: string; name: string; lot: string; expiry: string | null; qty: number; unitCost: string | null }>(
    `select s.bin_code as bin, b.zone, p.sku, p.name, s.lot, to_char(s.expiry, 'YYYY-MM-DD') as expiry, s.qty, p.unit_cost::text as "unitCost"
       from stock_balances s join bins b on b.warehouse_id = s.warehouse_id and b.code = s.bin_code
       join products p on p.warehouse_id = s.warehouse_id and p.id = s.product_id
      where s.warehouse_id = $1 and s.qty <> 0 order by b.walk_seq, s.bin_code, p.sku, s.lot`,
    [warehouseId],
  );
  return writeCsv(
    ['bin', 'zone', 'sku', 'name', 'lot', 'expiry', 'qty', 'unit_cost', 'value'],
    rows.map((r) => [r.bin, r.zone, r.sku, r.name, r.lot, r.expiry, r.qty, r.unitCost === null ? null : Number(r.unitCost), r.unitCost === null ? null : Math.round(Number(r.unitCost) * r.qty * 100) / 100]),
  );
}

export async function ledgerCsv(db: Queryable, warehouseId: string, from: Date, to: Date): Promise<string> {
  const rows = await db.query<{ at: Date; bin: string; sku: string; lot: string; expiry: string | null; delta: number; kind: string; opId: string | null; username: string | null; deviceId: string | null; note: string | null }>(
    `select m.occurred_at as at, m.bin_code as bin, p.sku, m.lot, to_char(m.expiry, 'YYYY-MM-DD') as expiry, m.qty_delta as delta, m.kind, m.op_id::text as "opId",
            u.username, o.device_id as "deviceId", m.note
       from stock_movements m join products p on p.warehouse_id = m.warehouse_id and p.id = m.product_id
       left join operations o on o.op_id = m.op_id left join users u on u.id = o.user_id
      where m.warehouse_id = $1 and m.occurred_at >= $2 and m.occurred_at < $3 order by m.occurred_at, m.bin_code, p.sku`,
    [warehouseId, from, to],
  );
  return writeCsv(
    ['occurred_at', 'bin', 'sku', 'lot', 'expiry', 'qty_change', 'kind', 'operation', 'user', 'device', 'note'],
    rows.map((r) => [new Date(r.at).toISOString(), r.bin, r.sku, r.lot, r.expiry, r.delta, r.kind, r.opId, r.username, r.deviceId, r.note]),
  );
}
