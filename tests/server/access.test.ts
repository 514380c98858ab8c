import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { apiErrorSchema } from '../../src/protocol/errors';
import { deviceListSchema } from '../../src/protocol/devices';
import { appOn, databaseKinds, seededDatabase, signIn, type TestDatabase } from './testServer';

describe.each(databaseKinds)('sessions and roles on %s', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    test = await seededDatabase(kind);
    app = await appOn(test.db);
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const reasonOf = (body: unknown) => apiErrorSchema.parse(body).error.reason;

  it('refuses every signed-in route without a token', async () => {
    for (const url of ['/api/warehouses/wh-main/download', '/api/warehouses/wh-main/download/products', '/api/supervisor/devices']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(401);
      expect(reasonOf(response.json())).toBe('not-signed-in');
    }
    expect((await app.inject({ method: 'POST', url: '/api/auth/sign-out' })).statusCode).toBe(401);
  });

  it('refuses a token sent from another device', async () => {
    const picker = await signIn(app, 'picker1', '1111');
    const response = await app.inject({
      method: 'GET',
      url: '/api/warehouses/wh-main/download',
      headers: { ...picker.headers, 'x-device-id': randomUUID() },
    });
    expect(response.statusCode).toBe(401);
    expect(reasonOf(response.json())).toBe('wrong-device');
  });

  it('refuses an expired session and says so', async () => {
    const picker = await signIn(app, 'picker1', '1111');
    await test.db.query(`update device_sessions set expires_at = now() - interval '1 minute' where device_id = $1`, [picker.deviceId]);
    const response = await app.inject({ method: 'GET', url: '/api/warehouses/wh-main/download', headers: picker.headers });
    expect(response.statusCode).toBe(401);
    expect(reasonOf(response.json())).toBe('session-expired');
  });

  it('ends a session on sign-out, and the previous one when the device signs in again', async () => {
    const first = await signIn(app, 'counter1', '2222');
    const second = await signIn(app, 'counter1', '2222', first.deviceId);
    const old = await app.inject({ method: 'GET', url: '/api/warehouses/wh-main/download', headers: first.headers });
    expect(reasonOf(old.json())).toBe('session-expired');
    expect((await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: second.headers })).statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/warehouses/wh-main/download', headers: second.headers });
    expect(after.statusCode).toBe(401);
  });

  it('checks the supervisor role on the server', async () => {
    const picker = await signIn(app, 'picker1', '1111');
    const refused = await app.inject({ method: 'GET', url: '/api/supervisor/devices', headers: picker.headers });
    expect(refused.statusCode).toBe(403);
    expect(reasonOf(refused.json())).toBe('forbidden');
    const supervisor = await signIn(app, 'super1', '9999');
    const allowed = await app.inject({ method: 'GET', url: '/api/supervisor/devices', headers: supervisor.headers });
    expect(allowed.statusCode).toBe(200);
    const { devices } = deviceListSchema.parse(allowed.json());
    expect(devices.some((d) => d.deviceId === picker.deviceId && d.username === 'picker1')).toBe(true);
  });

  it('stores only a hash of each token', async () => {
    const picker = await signIn(app, 'picker1', '1111');
    const rows = await test.db.query<{ token_hash: string }>('select token_hash from device_sessions where device_id = $1', [picker.deviceId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).not.toContain(picker.token);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
