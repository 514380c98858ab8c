/**
 * Builds the server for tests on each database it must run on: embedded PGlite
 * (in memory) always, and PostgreSQL when DATABASE_URL is set, each test file on
 * a database of its own that is dropped afterwards.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { readConfig, type ServerConfig } from '../../src/server/config';
import type { Database } from '../../src/server/storage/database';
import { openPglite } from '../../src/server/storage/pglite';
import { openPostgres } from '../../src/server/storage/postgres';
import { migrate } from '../../src/server/storage/migrate';
import { seedDemoIfEmpty } from '../../src/server/seed/seedDemo';
import { MAIN_WAREHOUSE, type WarehouseShape } from '../../src/server/seed/demoWarehouse';
import { APP_VERSION } from '../../src/protocol/version';

export type DatabaseKind = 'pglite' | 'postgres';

export const databaseKinds: DatabaseKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase {
  readonly db: Database;
  /** PostgreSQL only: the connection string, for a server process of its own. */
  readonly url?: string;
  /** Opens another connection to the same data (a second server); PGlite shares its one instance. */
  openAnother(): Promise<Database>;
  drop(): Promise<void>;
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const db = await openPglite(null);
    return { db, openAnother: async () => ({ ...db, close: async () => undefined }), drop: () => db.close() };
  }
  const adminUrl = process.env.DATABASE_URL!;
  const name = `whtest_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const opened: Database[] = [];
  const open = async () => {
    const db = await openPostgres(url.toString(), 4);
    opened.push(db);
    return db;
  };
  const db = await open();
  return {
    db,
    url: url.toString(),
    openAnother: open,
    async drop() {
      await Promise.all(opened.map((d) => d.close().catch(() => undefined)));
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return { ...readConfig({ LOG_LEVEL: 'silent' }), staticDir: null, ...overrides };
}

export async function seededDatabase(kind: DatabaseKind, shapes?: readonly WarehouseShape[]): Promise<TestDatabase> {
  const test = await createTestDatabase(kind);
  await migrate(test.db);
  await seedDemoIfEmpty(test.db, shapes);
  return test;
}

/** The main demo warehouse, small: enough for sync tests, quick to seed. */
export const SMALL_MAIN: WarehouseShape = { ...MAIN_WAREHOUSE, products: 120, aislesPerZone: 1, baysPerAisle: 4, levels: 2, pickLists: 6, putawayTasks: 4, countTasks: 4 };

export async function appOn(db: Database, overrides: Partial<ServerConfig> = {}, now?: () => Date): Promise<FastifyInstance> {
  const app = await buildApp({ config: testConfig(overrides), db, logger: false, ...(now ? { now } : {}) });
  await app.ready();
  return app;
}

export interface SignedIn {
  readonly token: string;
  readonly deviceId: string;
  readonly headers: Record<string, string>;
  readonly body: { user: { id: string; role: string }; warehouses: { id: string }[] };
}

export async function signIn(app: FastifyInstance, username: string, pin: string, deviceId: string = randomUUID()): Promise<SignedIn> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, pin, deviceId, appVersion: APP_VERSION } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  const body = response.json<SignedIn['body'] & { token: string }>();
  return { token: body.token, deviceId, body, headers: { authorization: `Bearer ${body.token}`, 'x-device-id': deviceId } };
}
