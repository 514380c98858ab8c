/**
 * Seeds an empty database with the demo warehouses and users. Safe to call from
 * several servers starting at once: an advisory lock serialises them and the
 * second finds the work done.
 */
import type { Database } from '../storage/database';
import { hashPin } from '../security/pinHash';
import { DEMO_USERS, MAIN_WAREHOUSE, YARD_WAREHOUSE, generateWarehouse, type WarehouseShape } from './demoWarehouse';
import { writeWarehouse } from './writeWarehouse';

const SEED_LOCK = 727_002;

export interface SeedResult {
  readonly seeded: boolean;
  readonly warehouses: number;
}

export async function seedDemoIfEmpty(db: Database, shapes: readonly WarehouseShape[] = [MAIN_WAREHOUSE, YARD_WAREHOUSE]): Promise<SeedResult> {
  // Hash outside the transaction: it is slow on purpose and holds no lock.
  const users = await Promise.all(DEMO_USERS.map(async (user) => ({ ...user, pinHash: await hashPin(user.pin) })));
  const result = await db.transaction(async (tx): Promise<SeedResult> => {
    await tx.query('select pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const [existing] = await tx.query<{ n: number }>('select count(*)::int as n from warehouses');
    if ((existing?.n ?? 0) > 0) return { seeded: false, warehouses: existing!.n };
    for (const user of users) {
      await tx.query('insert into users (id, username, display_name, role, jobs, pin_hash) values ($1, $2, $3, $4, $5::text[], $6)', [
        user.id, user.username, user.displayName, user.role, user.jobs, user.pinHash,
      ]);
    }
    for (const shape of shapes) await writeWarehouse(tx, generateWarehouse(shape));
    const known = new Set(shapes.map((s) => s.warehouse.id));
    for (const user of users) {
      for (const warehouseId of user.warehouseIds.filter((id) => known.has(id))) {
        await tx.query('insert into user_warehouses (user_id, warehouse_id) values ($1, $2)', [user.id, warehouseId]);
      }
    }
    return { seeded: true, warehouses: shapes.length };
  });
  // Fresh tables have no statistics; without them the planner scans whole tables.
  if (result.seeded) await db.query('analyze');
  return result;
}
