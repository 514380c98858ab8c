import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { apiErrorSchema } from '../../src/protocol/errors';
import { migrate } from '../../src/server/storage/migrate';
import { appOn, createTestDatabase, type TestDatabase } from './testServer';

// Headers, limits and static serving do not depend on the database: PGlite only.
describe('the HTTP surface', () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  const staticDir = mkdtempSync(join(tmpdir(), 'handheld-static-'));
  beforeAll(async () => {
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Handheld</title>');
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'assets', 'index-AbCdEf12.js'), 'console.log(1)');
    test = await createTestDatabase('pglite');
    await migrate(test.db);
    app = await appOn(test.db, { staticDir, bodyLimitBytes: 4096 });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it('sends a Content-Security-Policy allowing only its own origin, and the usual headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('serves index.html for deep links, and a JSON 404 for unknown API paths', async () => {
    const deepLink = await app.inject({ method: 'GET', url: '/find' });
    expect(deepLink.statusCode).toBe(200);
    expect(deepLink.body).toContain('<title>Handheld</title>');
    expect(deepLink.headers['cache-control']).toBe('no-cache');
    const api = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(apiErrorSchema.parse(api.json()).error.reason).toBe('not-found');
  });

  it('lets hashed assets be cached for good', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-AbCdEf12.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('refuses a body over the limit with a reason', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x'.repeat(10_000), pin: '1111' }),
    });
    expect(response.statusCode).toBe(413);
    expect(apiErrorSchema.parse(response.json()).error.reason).toBe('payload-too-large');
  });

  it('refuses JSON that does not parse, with a reason', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(response.statusCode).toBe(400);
    expect(apiErrorSchema.parse(response.json()).error.reason).toBe('bad-request');
  });
});
