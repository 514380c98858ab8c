/**
 * A handheld and a server restored from a backup, on PGlite (the data folder copied
 * back) and PostgreSQL (pg_dump, pg_restore into a fresh database): after other
 * devices pushed the clock past the handheld's cursor, its next sync is told to reset,
 * it downloads again and no longer shows what the server lost, its waiting step is
 * applied once, and the acknowledged steps the server lost are sent again, once.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { appOn, databaseKinds, signIn, SMALL_MAIN } from '../server/testServer';
import { balanceOf, DeviceOps, floorOfSmallMain, push, putawayOf } from '../server/syncHelpers';
import { restorableDatabase, type RestorableDatabase } from '../server/backups';
import { createApiClient } from '../../src/sync/apiClient';
import { downloadWarehouse, hasCompleteDownload } from '../../src/sync/download';
import { handheld, type TestHandheld } from './syncDevice';

const floor = floorOfSmallMain();
const product = floor.line.productId;
const lineBin = floor.line.binCode;

describe.each(databaseKinds)('a handheld after the server was restored from a backup on %s', (kind) => {
  let test: RestorableDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    test = await restorableDatabase(kind, [SMALL_MAIN]);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  /** The server (again) on the database as it is now, and the handheld pointed at it. */
  async function serve(device?: TestHandheld): Promise<string> {
    await app?.close();
    app = await appOn(test.db, { signInRatePerMinute: 1000 });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    if (device) device.api = createApiClient(() => ({ token: device.session.token, deviceId: device.id }), url);
    return url;
  }
  const shown = async (device: TestHandheld, bin: string) => (await device.db.bins.get(bin))!.stock.filter((l) => l.productId === product).reduce((s, l) => s + l.qty, 0);
  const anotherDevice = async () => {
    const signedIn = await signIn(app, 'picker1', '1111', randomUUID());
    return { signedIn, ops: new DeviceOps(signedIn.body.user.id) };
  };

  it('resets the handheld that holds stock the server lost, downloads again, and applies its waiting step once', async () => {
    const device = await handheld(await serve(), 'picker1', '1111');
    await app.close();
    await test.backup();
    await serve(device);

    // After the backup: another device puts away 7, and the handheld pulls it.
    const other = await anotherDevice();
    await push(app, other.signedIn, [other.ops.next(putawayOf(floor.emptyBin, product, 7))]);
    await device.sync();
    const held = await shown(device, floor.emptyBin);
    expect(held).toBe((await balanceOf(test.db, floor.emptyBin, product)));
    // A step done offline, waiting on the handheld.
    await device.record(putawayOf(lineBin, product, 2));

    await app.close();
    await test.restore();
    await serve(device);
    const lostBin = await balanceOf(test.db, floor.emptyBin, product);
    expect(lostBin).toBe(held - 7); // the restored server does not have the 7
    // Other devices push the clock past the handheld's cursor.
    const late = await anotherDevice();
    for (let i = 0; i < 3; i++) await push(app, late.signedIn, [late.ops.next(putawayOf(lineBin, product, 1))]);

    const report = await device.sync();
    expect(report.resyncNeeded).toBe(true);
    expect(await hasCompleteDownload(device.db, 'wh-main')).toBe(false);
    await downloadWarehouse(device.db, device.api, 'wh-main');
    expect(await shown(device, floor.emptyBin)).toBe(lostBin); // what the server lost is no longer shown
    await device.sync();
    expect((await device.db.outbox.toArray()).map((e) => e.status)).toEqual(['applied']);
    const [row] = await test.db.query<{ n: number }>('select count(*)::int as n from operations where device_id = $1', [device.id]);
    expect(row!.n).toBe(1);
    expect(await shown(device, lineBin)).toBe(await balanceOf(test.db, lineBin, product));
  });

  it('sends again the acknowledged steps the restored server lost, with nothing else waiting, each once', async () => {
    const device = await handheld(await serve(), 'picker1', '1111');
    await device.record(putawayOf(floor.emptyBin, product, 1));
    await device.sync();
    await app.close();
    await test.backup();
    await serve(device);
    // After the backup: three steps acknowledged, nothing waiting.
    for (let i = 0; i < 3; i++) await device.record(putawayOf(floor.emptyBin, product, 1));
    await device.sync();
    const acknowledged = await balanceOf(test.db, floor.emptyBin, product);

    await app.close();
    await test.restore();
    await serve(device);
    const late = await anotherDevice();
    for (let i = 0; i < 4; i++) await push(app, late.signedIn, [late.ops.next(putawayOf(lineBin, product, 1))]);
    expect(await balanceOf(test.db, floor.emptyBin, product)).toBe(acknowledged - 3);

    expect((await device.sync()).resyncNeeded).toBe(true);
    await downloadWarehouse(device.db, device.api, 'wh-main');
    await device.sync();
    const [row] = await test.db.query<{ n: number; distinct: number }>('select count(*)::int as n, count(distinct device_seq)::int as distinct from operations where device_id = $1', [device.id]);
    expect(row).toEqual({ n: 4, distinct: 4 });
    expect(await balanceOf(test.db, floor.emptyBin, product)).toBe(acknowledged);
    expect(await shown(device, floor.emptyBin)).toBe(acknowledged);
    await device.sync(); // the check is done once
    expect((await test.db.query<{ n: number }>('select count(*)::int as n from operations where device_id = $1', [device.id]))[0]!.n).toBe(4);
  });
});
