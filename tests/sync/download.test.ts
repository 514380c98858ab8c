import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createApiClient, type Credentials } from '../../src/sync/apiClient';
import { downloadWarehouse, hasCompleteDownload } from '../../src/sync/download';
import { signIn } from '../../src/sync/signIn';
import { deviceId } from '../../src/device/deviceIdentity';
import { readSession } from '../../src/device/session';
import { lookUpCode } from '../../src/device/lookup';
import { readDownload } from '../../src/device/downloadStore';
import { PRODUCTS_PER_BLOCK } from '../../src/device/floorDb';
import { SyncError } from '../../src/sync/syncError';
import { appOn, seededDatabase, type TestDatabase } from '../server/testServer';
import { freshDeviceDb } from '../device/deviceDb';

// The device's sync code against the real server over real HTTP (PGlite behind it).
describe('a device downloads its warehouse from the server', () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let baseUrl: string;
  beforeAll(async () => {
    test = await seededDatabase('pglite');
    app = await appOn(test.db);
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it('signs in, is interrupted mid-download, resumes, and then answers look-ups alone', async () => {
    const device = freshDeviceDb();
    const session = await signIn(device.db, 'picker1', '1111', createApiClient(() => null, baseUrl));
    expect(session.warehouse?.id).toBe('wh-main');
    const id = await deviceId(device.db);
    const api = createApiClient(() => ({ token: session.token, deviceId: id }) satisfies Credentials, baseUrl);

    const stop = new AbortController();
    let pagesSeen = 0;
    const interrupted = downloadWarehouse(device.db, api, 'wh-main', {
      pageSize: 500,
      signal: stop.signal,
      onProgress: ({ entity }) => {
        if (entity === 'products' && ++pagesSeen === 3) stop.abort();
      },
    });
    await expect(interrupted).rejects.toBeInstanceOf(SyncError);
    expect(await hasCompleteDownload(device.db, 'wh-main')).toBe(false);
    const storedBefore = (await readDownload(device.db))!.entities.products.stored;
    expect(storedBefore).toBeGreaterThanOrEqual(1500);
    expect(await device.db.productBlocks.count()).toBe(storedBefore / PRODUCTS_PER_BLOCK);

    const progress: number[] = [];
    const state = await downloadWarehouse(device.db, api, 'wh-main', {
      pageSize: 500,
      onProgress: ({ entity, state: s }) => entity === 'products' && progress.push(s.entities.products.stored),
    });
    expect(progress[0]).toBeGreaterThan(storedBefore); // resumed, did not start over
    expect(state.finishedAt).not.toBeNull();
    const [{ n }] = (await test.db.query<{ n: number }>(`select count(*)::int as n from products where warehouse_id = 'wh-main'`)) as [{ n: number }];
    const blocks = await device.db.productBlocks.toArray();
    expect(blocks.reduce((sum, block) => sum + block.products.length, 0)).toBe(n);
    expect(await device.db.tasks.count()).toBe(40);

    // The server goes away; the device still knows its warehouse.
    await app.close();
    const [code] = await test.db.query<{ printed: string }>(`select printed from product_codes where warehouse_id = 'wh-main' and pack_level = 'case' limit 1`);
    const found = await lookUpCode(device.db, code!.printed);
    expect(found.kind).toBe('product');
    expect((await readSession(device.db))?.user.username).toBe('picker1');
  });

  it('reports a wrong PIN with the server\'s reason and words', async () => {
    const other = await appOn(test.db);
    const url = await other.listen({ port: 0, host: '127.0.0.1' });
    const device = freshDeviceDb();
    const failure = await signIn(device.db, 'picker1', '0000', createApiClient(() => null, url)).catch((e: unknown) => e);
    await other.close();
    expect(failure).toBeInstanceOf(SyncError);
    expect(failure).toMatchObject({ reason: 'wrong-pin', message: 'User or PIN is wrong. Check both and try again.' });
  });

  it('says the server cannot be reached when nothing listens', async () => {
    const device = freshDeviceDb();
    const failure = await signIn(device.db, 'picker1', '1111', createApiClient(() => null, 'http://127.0.0.1:9')).catch((e: unknown) => e);
    expect(failure).toMatchObject({ reason: 'server-unavailable', passing: true });
  });
});
