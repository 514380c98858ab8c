/**
 * The server process killed (SIGKILL) while it applies a push batch, then started
 * again on the same data folder: every operation it acknowledged is there, the rest
 * are sent again, and each is applied once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { handheld } from './syncDevice';
import { putawayOf } from '../server/syncHelpers';
import { syncOnce } from '../../src/sync/syncEngine';
import { apiPaths } from '../../src/protocol/paths';
import { openPglite } from '../../src/server/storage/pglite';
import { generateWarehouse, MAIN_WAREHOUSE } from '../../src/server/seed/demoWarehouse';
import type { ApiClient } from '../../src/sync/apiClient';
import { toStoredBin } from '../../src/device/floorDb';

const dataDir = mkdtempSync(join(tmpdir(), 'handheld-killed-'));
const port = 20_000 + Math.floor(Math.random() * 20_000);
const baseUrl = `http://127.0.0.1:${port}`;
let server: ChildProcess | null = null;

async function start(): Promise<void> {
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', STATIC_DIR: join(dataDir, 'no-app'), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 120_000;
  while (!(await fetch(`${baseUrl}/api/health`).then((r) => r.ok).catch(() => false))) {
    if (Date.now() > deadline) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function kill(): Promise<void> {
  const running = server!;
  const exited = new Promise((resolve) => running.once('exit', resolve));
  running.kill('SIGKILL');
  await exited;
  server = null;
}

afterAll(async () => {
  if (server) await kill();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the server killed in the middle of a push', () => {
  it('keeps every acknowledged operation and applies the rest once after a restart', async () => {
    await start();
    const device = await handheld(baseUrl, 'picker1', '1111', { download: false });
    const data = generateWarehouse(MAIN_WAREHOUSE);
    const emptyBin = data.bins.find((b) => !data.stock.some((s) => s.binCode === b.code))!;
    const bin = emptyBin.code;
    // The device needs only that bin of its warehouse here.
    await device.db.bins.put(toStoredBin({ ...emptyBin, stock: [] }));
    const product = data.products.find((p) => !p.lotTracked)!.id;
    const total = 1200;
    for (let i = 0; i < total; i++) await device.record(putawayOf(bin, product, 1));

    // Each round: the batch after the first acknowledged one is cut short by a kill, at a different moment.
    for (const delayMs of [0, 15, 60]) {
      const real = device.api;
      let pushes = 0;
      const killing: ApiClient = {
        get: real.get,
        post(path, body, schema, options) {
          const answer = real.post(path, body, schema, options);
          if (path === apiPaths.syncPush && ++pushes === 2) setTimeout(() => void kill(), delayMs);
          return answer;
        },
      };
      await expect(syncOnce(device.db, killing, { warehouseId: 'wh-main', batchSize: 200 })).rejects.toBeTruthy();
      if (server) await kill();
      // Every operation the device holds as acknowledged survived the kill.
      const acknowledged = (await device.db.outbox.toArray()).filter((e) => e.status === 'applied').map((e) => e.opId);
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(await countOnServer(acknowledged)).toBe(acknowledged.length);
      await start();
    }
    await syncOnce(device.db, device.api, { warehouseId: 'wh-main', batchSize: 200 });
    await kill();
    const db = await openPglite(join(dataDir, 'pglite'));
    try {
      const [ops] = await db.query<{ n: number; distinct_seq: number }>('select count(*)::int as n, count(distinct device_seq)::int as distinct_seq from operations where device_id = $1', [device.id]);
      expect(ops).toEqual({ n: total, distinct_seq: total });
      const [balance] = await db.query<{ qty: number }>(`select qty from stock_balances where warehouse_id = 'wh-main' and bin_code = $1 and product_id = $2`, [bin, product]);
      expect(balance?.qty).toBe(total);
    } finally {
      await db.close();
    }
    expect(await device.db.outbox.where('status').equals('pending').count()).toBe(0);
  }, 240_000); // four starts of a server seeding the full demo warehouse: minutes on a loaded 2-core machine
});

/** Opens the data folder while the server is stopped, and counts which of the operations it holds. */
async function countOnServer(opIds: readonly string[]): Promise<number> {
  const db = await openPglite(join(dataDir, 'pglite'));
  try {
    const [row] = await db.query<{ n: number }>('select count(*)::int as n from operations where op_id = any($1::uuid[])', [opIds]);
    return row?.n ?? 0;
  } finally {
    await db.close();
  }
}
