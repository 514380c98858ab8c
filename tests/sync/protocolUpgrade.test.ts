/**
 * An older app's outbox through a server upgrade and then the app's, on PGlite and
 * PostgreSQL (device code on fake-indexeddb, the real server over HTTP): the upgraded
 * server answers update-required, the outbox stays exactly as it was, syncing pauses;
 * the new app (a newer protocol version) then drains the same outbox, every step
 * applied exactly once, an answer lost on the way included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { createApiClient } from '../../src/sync/apiClient';
import { SyncError } from '../../src/sync/syncError';
import { startSyncScheduler, type SyncSchedulerState } from '../../src/sync/syncScheduler';
import { readRecord } from '../../src/device/syncState';
import { apiPaths } from '../../src/protocol/paths';
import { appOn, databaseKinds, seededDatabase, SMALL_MAIN, testConfig, type TestDatabase } from '../server/testServer';
import { balanceOf, floorOfSmallMain, putawayOf } from '../server/syncHelpers';
import { handheld, losingAnswers, type TestHandheld } from './syncDevice';

const floor = floorOfSmallMain();
const product = floor.line.productId;

describe.each(databaseKinds)('an older app’s outbox through an upgrade on %s', (kind) => {
  let test: TestDatabase;
  /** The server as it was (reads protocol 1), and as upgraded (reads protocol 2 only), on one database. */
  let before: FastifyInstance;
  let upgraded: FastifyInstance;
  const urls = { before: '', upgraded: '' };
  beforeAll(async () => {
    test = await seededDatabase(kind, [SMALL_MAIN]);
    before = await appOn(test.db);
    upgraded = await buildApp({ config: testConfig(), db: test.db, logger: false, readableProtocol: { oldest: 2, newest: 2 } });
    urls.before = await before.listen({ port: 0, host: '127.0.0.1' });
    urls.upgraded = await upgraded.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await upgraded.close();
    await before.close();
    await test.drop();
  });

  const appOfVersion = (device: TestHandheld, url: string, protocolVersion: number) => createApiClient(() => ({ token: device.session.token, deviceId: device.id }), url, undefined, protocolVersion);
  const outbox = async (device: TestHandheld) => (await device.db.outbox.orderBy('deviceSeq').toArray()).map((e) => ({ opId: e.opId, seq: e.deviceSeq, status: e.status, payload: e.payload }));
  const serverOps = async (device: TestHandheld) =>
    (await test.db.query<{ n: number; distinct: number }>('select count(*)::int as n, count(distinct device_seq)::int as distinct from operations where device_id = $1', [device.id]))[0]!;

  it('keeps every step on the device while an update is required, then sends each exactly once from the new app', async () => {
    const device = await handheld(urls.before, 'picker1', '1111');
    const start = await balanceOf(test.db, floor.emptyBin, product);
    // The old app (protocol 1) syncs three steps with the old server.
    device.api = appOfVersion(device, urls.before, 1);
    for (let i = 0; i < 3; i++) await device.record(putawayOf(floor.emptyBin, product, 1));
    await device.sync();
    // Offline for a while: five more steps wait. Meanwhile the server is upgraded.
    for (let i = 0; i < 5; i++) await device.record(putawayOf(floor.emptyBin, product, 1));
    const waiting = await outbox(device);
    device.api = appOfVersion(device, urls.upgraded, 1);
    const failure = await device.sync().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SyncError);
    expect(failure).toMatchObject({ reason: 'update-required', status: 426, needsUpdate: true, passing: true });
    expect(await outbox(device)).toEqual(waiting); // untouched: same steps, same statuses, same payloads
    expect(await readRecord(device.db, 'lastSyncError')).toBeUndefined(); // not an error of the device
    expect((await readRecord(device.db, 'lastSyncRun'))?.error).toContain('Reload the app');
    expect(await serverOps(device)).toEqual({ n: 3, distinct: 3 });

    // The scheduler pauses: its start, a new step and the network returning try once, then wait.
    let runs = 0;
    let state: SyncSchedulerState | null = null;
    const scheduler = startSyncScheduler({ run: () => (runs++, device.sync()), onState: (s) => (state = s), intervalMs: 50, debounceMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    scheduler.request('online');
    scheduler.request('step');
    await new Promise((resolve) => setTimeout(resolve, 100));
    scheduler.stop();
    expect(runs).toBe(1);
    expect(state).toMatchObject({ updateRequired: true, lastError: null });
    expect(await outbox(device)).toEqual(waiting);

    // The new app (protocol 2) after the service worker's update: the same outbox drains, the first answer lost on the way.
    device.api = losingAnswers(appOfVersion(device, urls.upgraded, 2), (path, call) => path === apiPaths.syncPush && call === 1);
    await expect(device.sync()).rejects.toMatchObject({ reason: 'server-unavailable' });
    device.api = appOfVersion(device, urls.upgraded, 2);
    await device.sync();
    expect((await outbox(device)).map((e) => e.status)).toEqual(Array(8).fill('applied'));
    expect(await serverOps(device)).toEqual({ n: 8, distinct: 8 });
    expect(await balanceOf(test.db, floor.emptyBin, product)).toBe(start + 8);
    expect((await device.db.bins.get(floor.emptyBin))!.stock.filter((l) => l.productId === product).reduce((s, l) => s + l.qty, 0)).toBe(start + 8);
  });
});
