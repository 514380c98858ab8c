import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { apiErrorSchema } from '../../src/protocol/errors';
import { signInResponseSchema } from '../../src/protocol/auth';
import { APP_VERSION } from '../../src/protocol/version';
import { FREE_ATTEMPTS } from '../../src/server/security/signInThrottle';
import { appOn, databaseKinds, seededDatabase, signIn, type TestDatabase } from './testServer';

describe.each(databaseKinds)('sign-in on %s', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let secondServer: FastifyInstance;
  beforeAll(async () => {
    test = await seededDatabase(kind);
    app = await appOn(test.db);
    // A second server on the same database: the wrong-PIN count must be shared.
    secondServer = await appOn(await test.openAnother());
  });
  afterAll(async () => {
    await app.close();
    await secondServer.close();
    await test.drop();
  });

  const attempt = (server: FastifyInstance, username: string, pin: string) =>
    server.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, pin, deviceId: randomUUID(), appVersion: APP_VERSION } });

  it('signs a demo user in with a token bound to the device and the user\'s warehouses', async () => {
    const response = await attempt(app, 'picker1', '1111');
    expect(response.statusCode).toBe(200);
    const body = signInResponseSchema.parse(response.json());
    expect(body.user).toMatchObject({ username: 'picker1', role: 'worker', jobs: ['pick', 'putaway'] });
    expect(body.warehouses.map((w) => w.id)).toEqual(['wh-main']);
    expect(body.token.length).toBeGreaterThanOrEqual(40);
  });

  it('tells a browser whose app data was cleared what its old device last reported, through the cookie it set', async () => {
    const old = await signIn(app, 'picker1', '1111');
    const first = await attempt(app, 'picker1', '1111');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/^handheld-device=[0-9a-f-]{36}; Path=\/api\/auth; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    expect(signInResponseSchema.parse(first.json()).previousDevice).toBeNull();
    // The old device reported 3 steps waiting at its last sync.
    const status = { appVersion: 'test', pending: 3, oldestPendingAt: null, rejected: 0, lastSyncAt: '2026-11-23T10:00:00.000Z', persisted: false, usageBytes: null, quotaBytes: null, lastError: null };
    expect((await app.inject({ method: 'POST', url: '/api/sync/pull', headers: old.headers, payload: { warehouseId: 'wh-main', cursor: null, limit: 1, status } })).statusCode).toBe(200);
    // The same browser comes back as a new device (its storage was cleared), with the old cookie.
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { cookie: `other=1; handheld-device=${old.deviceId}` },
      payload: { username: 'picker1', pin: '1111', deviceId: randomUUID(), appVersion: APP_VERSION },
    });
    expect(signInResponseSchema.parse(again.json()).previousDevice).toEqual({ deviceId: old.deviceId, pendingAtLastSync: 3, lastSyncAt: '2026-11-23T10:00:00.000Z' });
    // The same device signing in again is no news.
    const same = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { cookie: `handheld-device=${old.deviceId}` }, payload: { username: 'picker1', pin: '1111', deviceId: old.deviceId, appVersion: APP_VERSION } });
    expect(signInResponseSchema.parse(same.json()).previousDevice).toBeNull();
  });

  it('gives the supervisor both warehouses', async () => {
    const { body } = await signIn(app, 'super1', '9999');
    expect(body.warehouses.map((w) => w.id).sort()).toEqual(['wh-main', 'wh-yard']);
  });

  it('stores PINs hashed with scrypt, never in clear', async () => {
    const rows = await test.db.query<{ pin_hash: string }>('select pin_hash from users');
    expect(rows.length).toBe(3);
    for (const row of rows) expect(row.pin_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('refuses a wrong PIN and an unknown user with the same words', async () => {
    const wrong = await attempt(app, 'counter1', '0000');
    const unknown = await attempt(app, 'nobody', '0000');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(apiErrorSchema.parse(wrong.json()).error).toEqual(apiErrorSchema.parse(unknown.json()).error);
    expect(apiErrorSchema.parse(wrong.json()).error.reason).toBe('wrong-pin');
  });

  it('explains a malformed request field by field', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: '', pin: '12', deviceId: 'x' } });
    expect(response.statusCode).toBe(400);
    const { error } = apiErrorSchema.parse(response.json());
    expect(error.reason).toBe('bad-request');
    expect(error.message).toContain('A PIN is 4 to 8 digits.');
    expect(error.message).toContain('deviceId');
  });

  it('locks a user name at an address after repeated wrong PINs, across servers, even for the right PIN', async () => {
    for (let n = 1; n < FREE_ATTEMPTS; n++) {
      const server = n % 2 === 0 ? app : secondServer;
      expect((await attempt(server, 'super1', '1234')).statusCode).toBe(401);
    }
    const locking = await attempt(app, 'super1', '1234');
    expect(locking.statusCode).toBe(429);
    expect(Number(locking.headers['retry-after'])).toBeGreaterThan(0);
    const rightPin = await attempt(secondServer, 'super1', '9999');
    expect(rightPin.statusCode).toBe(429);
    const { error } = apiErrorSchema.parse(rightPin.json());
    expect(error.reason).toBe('too-many-attempts');
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.message).toMatch(/Try again in \d+ seconds, or ask a supervisor\./);
    // The lock is the only thing in the way: lifted, the right PIN works and clears the count.
    await test.db.query(`update signin_attempts set blocked_until = now() - interval '1 second' where scope = 'user-at-address' and username = 'super1'`);
    expect((await attempt(secondServer, 'super1', '9999')).statusCode).toBe(200);
    expect(await test.db.query(`select 1 from signin_attempts where scope = 'user-at-address' and username = 'super1'`)).toEqual([]);
  });

  it('brakes wrong PINs from one address over every user name, in the database, and only that address', async () => {
    const limited = await appOn(test.db, { signInRatePerMinute: 3 });
    const from = (remoteAddress: string, username: string) =>
      limited.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress, payload: { username, pin: '0000', deviceId: randomUUID(), appVersion: APP_VERSION } });
    const codes: number[] = [];
    for (let n = 0; n < 5; n++) codes.push((await from('10.9.9.9', `stuffed-${n}`)).statusCode);
    // Two wrong, the third fills the brake (and says so), the rest are held back unchecked.
    expect(codes).toEqual([401, 401, 429, 429, 429]);
    const held = apiErrorSchema.parse((await from('10.9.9.9', 'stuffed-9')).json()).error;
    expect(held.reason).toBe('too-many-attempts');
    expect(held.message).toMatch(/^Too many wrong PINs from this network\. Try again in \d+ seconds, or ask a supervisor\.$/);
    expect((await from('10.9.9.10', 'stuffed-0')).statusCode).toBe(401);
    await limited.close();
  });
});
