/**
 * A server restored from a backup, on PGlite (a copy of the data folder) and
 * PostgreSQL (pg_dump, pg_restore into a fresh database): a device whose cursor holds
 * history the backup lacks is told to download again even after other devices pushed
 * the clock past it; a cursor from the history the backup holds carries on.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { decodePullCursor } from '../../src/server/repositories/deviceSync/pullCursor';
import { appOn, databaseKinds, signIn, SMALL_MAIN } from './testServer';
import { DeviceOps, floorOfSmallMain, manifestCursor, pull, pullAll, push, putawayOf } from './syncHelpers';
import { restorableDatabase, type RestorableDatabase } from './backups';

const floor = floorOfSmallMain();
const product = floor.line.productId;

describe.each(databaseKinds)('a restore from a backup on %s', (kind) => {
  let test: RestorableDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    test = await restorableDatabase(kind, [SMALL_MAIN]);
    app = await appOn(test.db, { signInRatePerMinute: 1000 });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const clockNow = async () => (await test.db.query<{ clock: string }>(`select change_clock::text as clock from warehouses where id = 'wh-main'`))[0]!.clock;

  it('tells a device whose cursor is from the lost history to download again, however far the clock went since', async () => {
    const a = await signIn(app, 'picker1', '1111', randomUUID());
    const opsA = new DeviceOps(a.body.user.id);
    await push(app, a, [opsA.next(putawayOf(floor.emptyBin, product, 1))]);
    const beforeBackup = (await pullAll(app, a, await manifestCursor(app, a))).cursor;
    await app.close();
    await test.backup();
    app = await appOn(test.db, { signInRatePerMinute: 1000 });

    // After the backup: the device's steps and what it pulled are history the backup lacks.
    await push(app, a, [opsA.next(putawayOf(floor.emptyBin, product, 5))]);
    await push(app, a, [opsA.next(putawayOf(floor.emptyBin, product, 5))]);
    const lost = (await pullAll(app, a, beforeBackup)).cursor;
    expect((await pull(app, a, lost)).kind).toBe('changes');

    await app.close();
    await test.restore();
    app = await appOn(test.db, { signInRatePerMinute: 1000 });
    // Other devices push the clock past the device's cursor.
    const b = await signIn(app, 'picker1', '1111', randomUUID());
    const opsB = new DeviceOps(b.body.user.id);
    for (let i = 0; i < 4; i++) await push(app, b, [opsB.next(putawayOf(floor.line.binCode, product, 1))]);
    expect(BigInt(await clockNow())).toBeGreaterThan(BigInt(decodePullCursor(lost).clock)); // the clock alone no longer tells

    expect(await pull(app, a, lost)).toMatchObject({ kind: 'reset' });
    // The history the backup holds carries on: a cursor from before it, and one from after the restore.
    const kept = await pullAll(app, a, beforeBackup);
    expect(kept.pages.length).toBeGreaterThan(0);
    expect((await pull(app, b, kept.cursor)).kind).toBe('changes');
    expect((await pull(app, b, await manifestCursor(app, b))).kind).toBe('changes');
  });

  it('still reads a cursor from before the history (no token) by its epoch and clock', async () => {
    const device = await signIn(app, 'picker1', '1111', randomUUID());
    const { epoch } = decodePullCursor(await manifestCursor(app, device));
    const legacy = (clock: string) => Buffer.from(JSON.stringify([epoch, clock, 4, ''])).toString('base64url');
    expect((await pull(app, device, legacy('1'))).kind).toBe('changes');
    expect((await pull(app, device, legacy(String(BigInt(await clockNow()) + 1n)))).kind).toBe('reset');
  });
});
