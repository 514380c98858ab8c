import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { healthSchema } from '../../src/protocol/health';
import { appOn, createTestDatabase, databaseKinds, type TestDatabase } from './testServer';
import { migrate } from '../../src/server/storage/migrate';
import { migrations } from '../../src/server/storage/migrations';

describe.each(databaseKinds)('health on %s', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
    await migrate(test.db);
    app = await appOn(test.db);
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it('answers ok with the database kind and the version, without a session', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    const body = healthSchema.parse(response.json());
    expect(body.db).toBe(kind);
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('runs migrations once, however often the server starts', async () => {
    expect(await migrate(test.db)).toEqual([]);
    const rows = await test.db.query<{ n: number }>('select count(*)::int as n from schema_migrations');
    expect(rows[0]?.n).toBe(migrations.length);
  });
});
