/**
 * What a simulated fleet needs on the server: a worker of its own for each device (one
 * PIN hash for all, made once: scrypt is slow on purpose, and the bench measures the
 * sign-ins, not the seeding), and a place for each device's putaways (an empty bin and a
 * product without lots, one bin per device where the warehouse has enough).
 */
import type { Database } from '../../src/server/storage/database';
import { hashPin } from '../../src/server/security/pinHash';
import { generateWarehouse, type WarehouseShape } from '../../src/server/seed/demoWarehouse';
import type { DevicePlace } from './simulatedDevice';

export const FLEET_PIN = '2468';

export async function addFleetUsers(db: Database, count: number, warehouseId: string): Promise<{ username: string; pin: string }[]> {
  const pinHash = await hashPin(FLEET_PIN);
  const users = Array.from({ length: count }, (_, i) => ({ id: `u-fleet-${String(i + 1).padStart(4, '0')}`, username: `fleet${String(i + 1).padStart(4, '0')}` }));
  for (let i = 0; i < users.length; i += 500) {
    const some = users.slice(i, i + 500);
    const values = some.map((_, j) => `($${j * 2 + 1}, $${j * 2 + 2}, $${j * 2 + 2}, 'worker', '{pick,putaway,count}'::text[], $${some.length * 2 + 1})`).join(', ');
    await db.query(`insert into users (id, username, display_name, role, jobs, pin_hash) values ${values} on conflict (id) do nothing`, [...some.flatMap((u) => [u.id, u.username]), pinHash]);
    const links = some.map((_, j) => `($${j + 1}, $${some.length + 1})`).join(', ');
    await db.query(`insert into user_warehouses (user_id, warehouse_id) values ${links} on conflict do nothing`, [...some.map((u) => u.id), warehouseId]);
  }
  return users.map((u) => ({ username: u.username, pin: FLEET_PIN }));
}

export function fleetPlaces(shape: WarehouseShape): DevicePlace[] {
  const data = generateWarehouse(shape);
  const stocked = new Set(data.stock.map((s) => s.binCode));
  const bins = data.bins.filter((b) => !stocked.has(b.code));
  const products = data.products.filter((p) => !p.lotTracked && !p.expiryTracked);
  return bins.map((bin, i) => ({ binCode: bin.code, productId: products[i % products.length]!.id }));
}
