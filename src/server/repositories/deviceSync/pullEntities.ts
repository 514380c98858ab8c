/** The rows a pull page names, as JSON the database builds (products, bins) or as objects (tasks). */
import type { Queryable } from '../../storage/database';
import { BIN_JSON, PRODUCT_JSON, tasksByIds } from '../floorData';

export async function productsJson(tx: Queryable, warehouseId: string, ids: readonly string[]): Promise<string> {
  if (ids.length === 0) return '[]';
  const [row] = await tx.query<{ items: string }>(
    `select coalesce(json_agg(${PRODUCT_JSON} order by p.id), '[]'::json)::text as items from products p where p.warehouse_id = $1 and p.id = any($2::text[])`,
    [warehouseId, ids],
  );
  return row?.items ?? '[]';
}

export async function binsJson(tx: Queryable, warehouseId: string, codes: readonly string[]): Promise<string> {
  if (codes.length === 0) return '[]';
  const [row] = await tx.query<{ items: string }>(
    `select coalesce(json_agg(${BIN_JSON} order by b.code), '[]'::json)::text as items from bins b where b.warehouse_id = $1 and b.code = any($2::text[])`,
    [warehouseId, codes],
  );
  return row?.items ?? '[]';
}

export const tasksOf = tasksByIds;
