/**
 * The protocol version on push and pull, on PGlite and PostgreSQL: today's apps (no
 * header) and the current version are read; a server that reads only newer versions
 * answers 426 update-required before reading or writing anything; a newer app than
 * the server waits (503); a header that is not a version is a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { apiErrorSchema } from '../../src/protocol/errors';
import { healthSchema } from '../../src/protocol/health';
import { PROTOCOL_VERSION, PROTOCOL_VERSION_HEADER, READABLE_PROTOCOL } from '../../src/protocol/version';
import { appOn, databaseKinds, seededDatabase, signIn, SMALL_MAIN, testConfig, type TestDatabase } from './testServer';
import { DeviceOps, STATUS, floorOfSmallMain, putawayOf } from './syncHelpers';

const floor = floorOfSmallMain();
const product = floor.line.productId;

describe.each(databaseKinds)('the protocol version on %s', (kind) => {
  let test: TestDatabase;
  let today: FastifyInstance;
  /** The same database behind a server that reads protocol 2 and 3 only. */
  let newer: FastifyInstance;
  beforeAll(async () => {
    test = await seededDatabase(kind, [SMALL_MAIN]);
    today = await appOn(test.db);
    newer = await buildApp({ config: testConfig(), db: test.db, logger: false, readableProtocol: { oldest: 2, newest: 3 } });
    await newer.ready();
  });
  afterAll(async () => {
    await newer.close();
    await today.close();
    await test.drop();
  });

  const pushBody = (ops: DeviceOps) => ({ warehouseId: 'wh-main', sentAt: new Date().toISOString(), operations: [ops.next(putawayOf(floor.emptyBin, product, 1))] });
  const stored = async (deviceId: string) => {
    const [row] = await test.db.query<{ ops: number; seq: string | null; status: unknown }>(
      'select (select count(*)::int from operations where device_id = $1) as ops, (select last_seq::text from devices where device_id = $1) as seq, (select last_status from devices where device_id = $1) as status',
      [deviceId],
    );
    return row!;
  };

  it('reads a push without the header (apps from before it) and one with the current version', async () => {
    const device = await signIn(today, 'picker1', '1111');
    const ops = new DeviceOps(device.body.user.id);
    const bare = await today.inject({ method: 'POST', url: '/api/sync/push', headers: device.headers, payload: pushBody(ops) });
    expect(bare.statusCode, bare.body).toBe(200);
    const versioned = await today.inject({ method: 'POST', url: '/api/sync/push', headers: { ...device.headers, [PROTOCOL_VERSION_HEADER]: String(PROTOCOL_VERSION) }, payload: pushBody(ops) });
    expect(versioned.statusCode, versioned.body).toBe(200);
    expect((await stored(device.deviceId)).ops).toBe(2);
  });

  it('answers an older app 426 update-required with the versions it reads, and reads or writes nothing', async () => {
    const device = await signIn(today, 'picker1', '1111');
    const ops = new DeviceOps(device.body.user.id);
    const before = await stored(device.deviceId);
    for (const headers of [device.headers, { ...device.headers, [PROTOCOL_VERSION_HEADER]: '1' }]) {
      const push = await newer.inject({ method: 'POST', url: '/api/sync/push', headers, payload: pushBody(ops) });
      expect(push.statusCode).toBe(426);
      const { error } = apiErrorSchema.parse(push.json());
      expect(error).toMatchObject({ reason: 'update-required', readable: { oldest: 2, newest: 3 } });
      expect(error.message).toContain('Reload the app');
      const pull = await newer.inject({ method: 'POST', url: '/api/sync/pull', headers, payload: { warehouseId: 'wh-main', cursor: null, status: STATUS } });
      expect(pull.statusCode).toBe(426);
      expect(apiErrorSchema.parse(pull.json()).error.reason).toBe('update-required');
    }
    // Not even the device's status was recorded: the check comes before the body is read.
    expect(await stored(device.deviceId)).toEqual(before);
  });

  it('answers 426 before the body is read, so an older app’s body that no longer parses still hears update-required', async () => {
    const device = await signIn(today, 'picker1', '1111');
    const push = await newer.inject({ method: 'POST', url: '/api/sync/push', headers: { ...device.headers, [PROTOCOL_VERSION_HEADER]: '1' }, payload: { an: 'old shape' } });
    expect(push.statusCode).toBe(426);
  });

  it('reads the versions in its range, tells a newer app to wait (503), and refuses a header that is not a version (400)', async () => {
    const device = await signIn(today, 'picker1', '1111');
    const ops = new DeviceOps(device.body.user.id);
    const sent = (version: string) => newer.inject({ method: 'POST', url: '/api/sync/push', headers: { ...device.headers, [PROTOCOL_VERSION_HEADER]: version }, payload: pushBody(ops) });
    expect((await sent('2')).statusCode).toBe(200);
    expect((await sent('3')).statusCode).toBe(200);
    const ahead = await sent('4');
    expect(ahead.statusCode).toBe(503);
    expect(apiErrorSchema.parse(ahead.json()).error).toMatchObject({ reason: 'unavailable', readable: { oldest: 2, newest: 3 }, retryAfterSeconds: 60 });
    for (const bad of ['abc', '0', '-1', '2.5', '9999999']) {
      const refused = await sent(bad);
      expect(refused.statusCode, bad).toBe(400);
      expect(apiErrorSchema.parse(refused.json()).error.message).toContain(PROTOCOL_VERSION_HEADER);
    }
    expect((await stored(device.deviceId)).ops).toBe(2);
  });

  it('states the versions it reads in /api/health', async () => {
    expect(healthSchema.parse((await today.inject({ method: 'GET', url: '/api/health' })).json()).protocol).toEqual(READABLE_PROTOCOL);
    expect(healthSchema.parse((await newer.inject({ method: 'GET', url: '/api/health' })).json()).protocol).toEqual({ oldest: 2, newest: 3 });
  });
});
