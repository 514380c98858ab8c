/**
 * One lock order for every writer (src/server/repositories/lockOrder.ts): pushes, stock,
 * bin and product imports, task creation and assignment, and renames of devices taking
 * tasks from each other (a rename touches the tasks naming the device) run together on
 * the same bins and tasks, and none of them deadlocks or answers 5xx. Meaningful on PostgreSQL (real concurrency);
 * run on PGlite too, where every transaction takes its turn.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { apiPaths } from '../../src/protocol/paths';
import { appOn, databaseKinds, seededDatabase, signIn, SMALL_MAIN, type SignedIn, type TestDatabase } from './testServer';
import { DeviceOps, floorOfSmallMain, putawayOf } from './syncHelpers';

const floor = floorOfSmallMain();
const RUN_MS = 8_000;

describe.each(databaseKinds)('writers together on %s', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let supervisor: SignedIn;
  beforeAll(async () => {
    test = await seededDatabase(kind, [SMALL_MAIN]);
    app = await appOn(test.db, { signInRatePerMinute: 1000 });
    supervisor = await signIn(app, 'super1', '9999');
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const deadlocks = async () => (kind === 'postgres' ? Number((await test.db.query<{ n: string }>('select deadlocks::text as n from pg_stat_database where datname = current_database()'))[0]!.n) : 0);

  it('sees 0 deadlocks and 0 5xx with pushes, imports and task planning at once', async () => {
    const bins = floor.data.bins.slice(0, 8);
    const products = floor.data.products.filter((p) => !p.lotTracked).slice(0, 4);
    const shuffled = <T>(items: readonly T[]) => [...items].sort(() => Math.random() - 0.5);
    const deadlocksBefore = await deadlocks();
    const statuses: number[] = [];
    const until = Date.now() + RUN_MS;
    const loop = async (step: () => Promise<number>) => {
      while (Date.now() < until) statuses.push(await step());
    };
    const url = (rest: string) => apiPaths.console('wh-main', rest);
    const post = async (path: string, payload: object) => (await app.inject({ method: 'POST', url: path, headers: supervisor.headers, payload })).statusCode;

    const pusher = async () => {
      const device = await signIn(app, 'super1', '9999');
      const ops = new DeviceOps(device.body.user.id);
      return async () => {
        const batch = shuffled(bins).slice(0, 4).map((b) => ops.next(putawayOf(b.code, products[0]!.id, 1)));
        return (await app.inject({ method: 'POST', url: apiPaths.syncPush, headers: device.headers, payload: { warehouseId: 'wh-main', sentAt: new Date().toISOString(), operations: batch } })).statusCode;
      };
    };
    const stockImport = () => post(url('import'), { kind: 'stock', mode: 'all', csv: ['bin,sku,qty', ...shuffled(bins).map((b) => `${b.code},${products[1]!.sku},${1 + Math.floor(Math.random() * 50)}`)].join('\n') });
    const binImport = () => post(url('import'), { kind: 'bins', mode: 'all', csv: ['code,zone,aisle,walk_seq', ...shuffled(bins).map((b) => `${b.code},${b.zone},${b.aisle},${b.walkSeq}`)].join('\n') });
    const productImport = () => post(url('import'), { kind: 'products', mode: 'all', csv: ['sku,name,zone', ...shuffled(products).map((p) => `${p.sku},${p.name.replaceAll(',', ' ').replaceAll('"', '')},${p.zone}`)].join('\n') });
    let made = 0;
    const planTask = async () => {
      made += 1;
      const status = await post(url('tasks'), { kind: 'putaway', reference: `LOCK-${made}`, assignedTo: null, lines: [{ sku: products[2]!.sku, qty: 1 }] });
      return status;
    };

    // Two devices take the same pick lists from each other while a supervisor renames them both.
    const lists = floor.data.tasks.filter((t) => t.kind === 'pick').map((t) => t.id);
    const taker = async () => {
      const device = await signIn(app, 'super1', '9999');
      await app.inject({ method: 'GET', url: apiPaths.downloadManifest('wh-main'), headers: device.headers });
      const ops = new DeviceOps(device.body.user.id);
      const step = async () => {
        const batch = shuffled(lists).slice(0, 3).map((taskId) => ops.next({ type: 'task-taken', taskId, takeOver: true }));
        return (await app.inject({ method: 'POST', url: apiPaths.syncPush, headers: device.headers, payload: { warehouseId: 'wh-main', sentAt: new Date().toISOString(), operations: batch } })).statusCode;
      };
      return { device, step };
    };
    const takers = await Promise.all([taker(), taker()]);
    let renames = 0;
    const rename = async () => {
      renames += 1;
      return post(apiPaths.deviceName('wh-main', takers[renames % 2]!.device.deviceId), { name: `Scanner ${renames}` });
    };

    const pushers = await Promise.all([pusher(), pusher(), pusher()]);
    await Promise.all([...pushers.map((p) => loop(p)), ...takers.map((t) => loop(t.step)), loop(rename), loop(stockImport), loop(binImport), loop(productImport), loop(planTask)]);

    expect(statuses.length).toBeGreaterThan(20);
    expect(renames).toBeGreaterThan(1);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s >= 200 && s < 300)).toBe(true);
    // Statistics reach pg_stat_database when each backend next goes idle.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await deadlocks()) - deadlocksBefore).toBe(0);
  }, 60_000);
});
