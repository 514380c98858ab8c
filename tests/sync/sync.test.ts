/**
 * Device and server together (device code on fake-indexeddb, the real server over
 * HTTP on PGlite, and PostgreSQL when DATABASE_URL is set): the faults a handheld on
 * warehouse Wi-Fi meets, and that nothing is lost or applied twice through any of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { appOn, databaseKinds, seededDatabase, signIn, SMALL_MAIN, type TestDatabase } from '../server/testServer';
import { balanceOf, floorOfSmallMain, pickOf, putawayOf } from '../server/syncHelpers';
import { handheld, losingAnswers, type TestHandheld } from './syncDevice';
import { startServer, type RunningServer } from '../browser/server';
import { createApiClient, type ApiClient } from '../../src/sync/apiClient';
import { pullChanges, syncOnce } from '../../src/sync/syncEngine';
import { SyncError } from '../../src/sync/syncError';
import { downloadWarehouse, hasCompleteDownload } from '../../src/sync/download';
import { readRecord, writeRecord } from '../../src/device/syncState';
import { apiPaths } from '../../src/protocol/paths';

const floor = floorOfSmallMain();
const product = floor.line.productId;

describe.each(databaseKinds)('a handheld syncing with the server on %s', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let baseUrl: string;
  beforeAll(async () => {
    test = await seededDatabase(kind, [SMALL_MAIN]);
    app = await appOn(test.db);
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const serverOps = async (device: TestHandheld) =>
    (await test.db.query<{ n: number }>('select count(*)::int as n from operations where device_id = $1', [device.id]))[0]!.n;
  const shownQty = async (device: TestHandheld, bin: string, productId = product) => (await device.db.bins.get(bin))!.stock.filter((l) => l.productId === productId).reduce((s, l) => s + l.qty, 0);
  const outboxStatuses = async (device: TestHandheld) => (await device.db.outbox.orderBy('deviceSeq').toArray()).map((e) => e.status);

  it('sends a step done offline once, then shows the server\u2019s stock', async () => {
    const device = await handheld(baseUrl, 'picker1', '1111');
    const line = floor.pickLists[0]!.lines[0]!;
    const before = await balanceOf(test.db, line.binCode!, line.productId!, line.lot ?? '');
    await device.record(pickOf(floor.pickLists[0]!, line.lineNo, 1));
    expect(await shownQty(device, line.binCode!, line.productId!)).toBe(before - 1); // shown at once, offline
    const report = await device.sync();
    expect(report.pushed).toBe(1);
    expect(await outboxStatuses(device)).toEqual(['applied']);
    expect(await balanceOf(test.db, line.binCode!, line.productId!, line.lot ?? '')).toBe(before - 1);
    const bin = (await device.db.bins.get(line.binCode!))!;
    expect(bin.serverStock).toEqual(bin.stock); // the server holds it now: nothing laid on top
    expect(await shownQty(device, line.binCode!, line.productId!)).toBe(before - 1);
    expect(await readRecord(device.db, 'lastSyncAt')).toBeDefined();
  });

  it('applies nothing twice when the server commits and the answer is lost', async () => {
    const device = await handheld(baseUrl, 'picker1', '1111');
    const before = await balanceOf(test.db, floor.emptyBin, product);
    for (let i = 0; i < 5; i++) await device.record(putawayOf(floor.emptyBin, product, 1));
    const real = device.api;
    device.api = losingAnswers(real, (path, call) => path === apiPaths.syncPush && call === 1);
    await expect(device.sync()).rejects.toMatchObject({ reason: 'server-unavailable' });
    expect(await outboxStatuses(device)).toEqual(Array(5).fill('pending')); // not acknowledged: kept
    expect(await serverOps(device)).toBe(5); // but the server had them
    device.api = real;
    await device.sync();
    expect(await outboxStatuses(device)).toEqual(Array(5).fill('applied'));
    expect(await balanceOf(test.db, floor.emptyBin, product)).toBe(before + 5);
    expect(await shownQty(device, floor.emptyBin)).toBe(before + 5);
  });

  it('applies once when two tabs sync the same outbox at once, again and again', async () => {
    const device = await handheld(baseUrl, 'picker1', '1111');
    const before = await balanceOf(test.db, floor.emptyBin, product);
    for (let i = 0; i < 12; i++) await device.record(putawayOf(floor.emptyBin, product, 1));
    const tab = () => syncOnce(device.db, device.api, { warehouseId: 'wh-main', batchSize: 5 });
    for (let round = 0; round < 3; round++) await Promise.allSettled([tab(), tab(), tab(), tab()]);
    await tab();
    expect(await serverOps(device)).toBe(12);
    expect(await balanceOf(test.db, floor.emptyBin, product)).toBe(before + 12);
    expect(await outboxStatuses(device)).toEqual(Array(12).fill('applied'));
  });

  it('stops when the session expires mid-batch, asks for a sign-in, and carries on where it stopped', async () => {
    const device = await handheld(baseUrl, 'picker1', '1111');
    const before = await balanceOf(test.db, floor.emptyBin, product);
    for (let i = 0; i < 5; i++) await device.record(putawayOf(floor.emptyBin, product, 1));
    const real = device.api;
    let pushes = 0;
    device.api = {
      get: real.get,
      async post(path, body, schema, options) {
        const answer = await real.post(path, body, schema, options);
        // The token runs out right after the first batch.
        if (path === apiPaths.syncPush && ++pushes === 1) await test.db.transaction((tx) => tx.query(`update device_sessions set expires_at = now() - interval '1 second' where device_id = $1`, [device.id]));
        return answer;
      },
    };
    const failure = await syncOnce(device.db, device.api, { warehouseId: 'wh-main', batchSize: 2 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SyncError);
    expect((failure as SyncError).needsSignIn).toBe(true);
    expect(await outboxStatuses(device)).toEqual(['applied', 'applied', 'pending', 'pending', 'pending']);
    expect((await readRecord(device.db, 'lastSyncError'))?.why).toMatchObject({ code: 'sync-failed', reason: 'session-expired' });
    device.api = createApiClient(() => ({ token: device.session.token, deviceId: device.id }), baseUrl);
    await device.signInAgain('1111');
    await device.sync();
    expect(await outboxStatuses(device)).toEqual(Array(5).fill('applied'));
    expect(await balanceOf(test.db, floor.emptyBin, product)).toBe(before + 5);
    expect(await readRecord(device.db, 'lastSyncError')).toBeUndefined();
  });

  it('gets a poison operation rejected with a reason, shows it no more, and sends the ones behind it', async () => {
    const device = await handheld(baseUrl, 'picker1', '1111');
    const before = await balanceOf(test.db, floor.emptyBin, product);
    await device.record(putawayOf(floor.emptyBin, product, 1));
    const poison = await device.record(putawayOf(floor.emptyBin, product, 1));
    await device.record(putawayOf(floor.emptyBin, product, 1));
    // A step the server cannot read (as from a buggy app version), in the middle of the queue.
    const entry = (await device.db.outbox.get(poison))!;
    await device.db.outbox.put({ ...entry, payload: { ...(entry.payload as object), qty: -3 } });
    await device.sync();
    const outbox = await device.db.outbox.orderBy('deviceSeq').toArray();
    expect(outbox.map((e) => e.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(outbox[1]!.rejection).toMatchObject({ why: { code: 'op-bad-payload' } });
    expect(outbox[1]!.rejection!.message).toContain('qty');
    expect(await balanceOf(test.db, floor.emptyBin, product)).toBe(before + 2);
    expect(await shownQty(device, floor.emptyBin)).toBe(before + 2);
  });

  it('lets the worker fix a rejected step with a new one, and the server records it settled', async () => {
    const device = await handheld(baseUrl, 'picker1', '1111');
    const rejected = await device.record(putawayOf(floor.emptyBin, product, 1));
    const entry = (await device.db.outbox.get(rejected))!;
    await device.db.outbox.put({ ...entry, payload: { ...(entry.payload as object), productId: '' } });
    await device.sync();
    expect((await device.db.outbox.get(rejected))!.status).toBe('rejected');
    const fix = await device.record(putawayOf(floor.emptyBin, product, 1));
    await device.record({ type: 'rejection-settled', rejectedOpId: rejected, how: 'fixed', note: 'put away again with the product', fixedByOpId: fix });
    expect((await device.db.outbox.get(rejected))!.status).toBe('dismissed');
    await device.sync();
    const [row] = await test.db.query<{ resolved: boolean; note: string }>('select resolved_at is not null as resolved, resolution_note as note from operations where op_id = $1', [rejected]);
    expect(row).toEqual({ resolved: true, note: 'fixed on the device: put away again with the product' });
    expect(await outboxStatuses(device)).toEqual(['dismissed', 'applied', 'applied']);
  });

  it('stops flagging a rejected step once a supervisor resolved it, and tells the server how each sync run went', async () => {
    const device = await handheld(baseUrl, 'picker1', '1111');
    const rejected = await device.record(putawayOf(floor.emptyBin, product, 1));
    const entry = (await device.db.outbox.get(rejected))!;
    await device.db.outbox.put({ ...entry, payload: { ...(entry.payload as object), productId: 'NO-SUCH-PRODUCT' } });
    await device.sync();
    expect((await device.db.outbox.get(rejected))!.status).toBe('rejected');
    const supervisor = await signIn(app, 'super1', '9999');
    const resolve = await app.inject({ method: 'POST', url: apiPaths.console('wh-main', `rejected/${rejected}/resolve`), headers: supervisor.headers, payload: { note: 'Relabelled the bin' } });
    expect(resolve.statusCode).toBe(204);
    await device.sync();
    expect((await device.db.outbox.get(rejected))!.status).toBe('dismissed');
    // Each sync's status carries how the run before it went: the first had none before it.
    const history = await test.db.query<{ pushed: number | null; error: string | null }>('select run_pushed as pushed, run_error as error from device_syncs where device_id = $1 order by reported_at', [device.id]);
    expect(history.map((h) => h.pushed)).toEqual([null, 1]);
    expect(history.every((h) => h.error === null)).toBe(true);
  });

  it('re-sends from the gap when the server holds fewer of its operations than the device thinks (a restored backup)', async () => {
    const device = await handheld(baseUrl, 'picker1', '1111');
    for (let i = 0; i < 4; i++) await device.record(putawayOf(floor.emptyBin, product, 1));
    await device.sync();
    // The server loses the last two (restored from a backup taken before them).
    await test.db.transaction(async (tx) => {
      const lost = await tx.query<{ op_id: string }>('select op_id from operations where device_id = $1 and device_seq > 2', [device.id]);
      await tx.query('delete from stock_movements where op_id = any($1::uuid[])', [lost.map((r) => r.op_id)]);
      await tx.query(`update stock_balances b set qty = (select coalesce(sum(qty_delta), 0) from stock_movements m where m.warehouse_id = b.warehouse_id and m.bin_code = b.bin_code and m.product_id = b.product_id and m.lot = b.lot) where warehouse_id = 'wh-main' and bin_code = $1`, [floor.emptyBin]);
      await tx.query('delete from operations where device_id = $1 and device_seq > 2', [device.id]);
      await tx.query('update devices set last_seq = 2 where device_id = $1', [device.id]);
    });
    const before = await balanceOf(test.db, floor.emptyBin, product);
    await device.record(putawayOf(floor.emptyBin, product, 1));
    await device.sync();
    expect(await serverOps(device)).toBe(5);
    expect(await balanceOf(test.db, floor.emptyBin, product)).toBe(before + 3);
  });

  it('downloads again, keeping its outbox, when the server\u2019s data was reset', async () => {
    const device = await handheld(baseUrl, 'picker1', '1111');
    await device.record(putawayOf(floor.emptyBin, product, 2));
    const shown = await shownQty(device, floor.emptyBin);
    // The device's cursor names a data set the server no longer has.
    await writeRecord(device.db, 'pullCursor', Buffer.from(JSON.stringify(['another-data-set', '3', 4, ''])).toString('base64url'));
    // The step goes to the server before the pull finds the reset; here the pull comes first.
    expect(await pullChanges(device.db, device.api, { warehouseId: 'wh-main' })).toMatchObject({ resyncNeeded: true });
    expect(await hasCompleteDownload(device.db, 'wh-main')).toBe(false);
    await downloadWarehouse(device.db, device.api, 'wh-main');
    expect(await device.db.outbox.where('status').equals('pending').count()).toBe(1);
    expect(await shownQty(device, floor.emptyBin)).toBe(shown); // still shown on top of the fresh download
    await device.sync();
    expect(await outboxStatuses(device)).toEqual(['applied']);
  });
});

describe.runIf(databaseKinds.includes('postgres'))('two server processes on one PostgreSQL', () => {
  let test: TestDatabase;
  const servers: RunningServer[] = [];
  const urls: string[] = [];
  beforeAll(async () => {
    test = await seededDatabase('postgres', [SMALL_MAIN]);
    // Two real server processes (`npm run serve`), sharing nothing but the database.
    for (let i = 0; i < 2; i++) servers.push(await startServer({ DATABASE_URL: test.url! }));
    urls.push(...servers.map((s) => s.url));
  }, 180_000);
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await test.drop();
  });

  it('applies once when the device switches server between every request, answers lost on the way', async () => {
    const device = await handheld(urls[0]!, 'picker1', '1111');
    const before = await balanceOf(test.db, floor.emptyBin, product);
    for (let i = 0; i < 9; i++) await device.record(putawayOf(floor.emptyBin, product, 1));
    const clients = urls.map((url) => createApiClient(() => ({ token: device.session.token, deviceId: device.id }), url));
    let call = 0;
    const switching: ApiClient = {
      get: (path, schema, options) => clients[call++ % 2]!.get(path, schema, options),
      post: (path, body, schema, options) => clients[call++ % 2]!.post(path, body, schema, options),
    };
    device.api = losingAnswers(switching, (path, n) => path === apiPaths.syncPush && n % 2 === 1);
    for (let attempt = 0; attempt < 30 && (await device.db.outbox.where('status').equals('pending').count()) > 0; attempt++) {
      await syncOnce(device.db, device.api, { warehouseId: 'wh-main', batchSize: 2 }).catch(() => undefined);
    }
    expect(await device.db.outbox.where('status').equals('pending').count()).toBe(0);
    expect(await balanceOf(test.db, floor.emptyBin, product)).toBe(before + 9);
    const [row] = await test.db.query<{ n: number }>('select count(*)::int as n from operations where device_id = $1', [device.id]);
    expect(row?.n).toBe(9);
  });
});

describe('a request nobody answers', () => {
  it('is given up after the timeout, as a passing failure, so the next sync can go', async () => {
    const { createServer } = await import('node:net');
    // A server that accepts the connection and never answers.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const api = createApiClient(() => null, `http://127.0.0.1:${port}`, 300);
    const started = Date.now();
    const failure = await api.post(apiPaths.syncPull, {}, null).catch((e: unknown) => e);
    expect(failure).toMatchObject({ reason: 'server-unavailable', passing: true });
    expect(Date.now() - started).toBeLessThan(5000);
    silent.close();
  });
});
