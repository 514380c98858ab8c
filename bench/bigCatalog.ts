/**
 * The generated catalog the speed figures run on (200,000 products, 50,000 bins by
 * default), seeded into an embedded database folder. Seeding takes about 40 s, so a
 * folder seeded once can be named in BENCH_BIG_TEMPLATE and is then copied for each
 * server instead (the server writes to its folder; the template stays as seeded).
 */
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../src/server/storage/pglite';
import { migrate } from '../src/server/storage/migrate';
import { seedDemoIfEmpty } from '../src/server/seed/seedDemo';
import { YARD_WAREHOUSE, benchmarkWarehouse, type WarehouseShape } from '../src/server/seed/demoWarehouse';

export const BIG_PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 200_000);
export const BIG_BINS = Number(process.env.BENCH_BINS ?? 50_000);

export const bigShape = (): WarehouseShape => benchmarkWarehouse(BIG_PRODUCTS, BIG_BINS);

/** Seeds the catalog into `dataDir` (an empty folder); the milliseconds it took. */
export async function seedBig(dataDir: string, shape: WarehouseShape = bigShape()): Promise<number> {
  const start = Date.now();
  const db = await openPglite(join(dataDir, 'pglite'));
  await migrate(db);
  await seedDemoIfEmpty(db, [shape, YARD_WAREHOUSE]);
  await db.close();
  return Date.now() - start;
}

/** A fresh data folder holding the big catalog: a copy of BENCH_BIG_TEMPLATE when it exists, else seeded now. */
export async function bigCatalogFolder(): Promise<{ dir: string; seedMs: number | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'handheld-bench-'));
  const template = process.env.BENCH_BIG_TEMPLATE;
  if (template && existsSync(join(template, 'pglite'))) {
    cpSync(template, dir, { recursive: true });
    return { dir, seedMs: null };
  }
  return { dir, seedMs: await seedBig(dir) };
}
