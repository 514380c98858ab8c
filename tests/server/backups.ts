/**
 * A backup and a restore as an operator makes them, for tests of what a restored
 * server tells its devices: on PGlite a copy of the data folder (closed first), on
 * PostgreSQL pg_dump, then pg_restore into a fresh database.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../../src/server/storage/database';
import { openPglite } from '../../src/server/storage/pglite';
import { openPostgres } from '../../src/server/storage/postgres';
import { migrate } from '../../src/server/storage/migrate';
import { seedDemoIfEmpty } from '../../src/server/seed/seedDemo';
import type { WarehouseShape } from '../../src/server/seed/demoWarehouse';
import { createTestDatabase, type DatabaseKind } from './testServer';

export interface RestorableDatabase {
  /** The database as the server uses it now (another one after a restore). */
  readonly db: Database;
  /** Takes the backup (PGlite: the database is closed and opened again around the copy). */
  backup(): Promise<void>;
  /** Puts the backup in place of the data and opens it. */
  restore(): Promise<Database>;
  drop(): Promise<void>;
}

async function withAdmin(work: (admin: pg.Client) => Promise<void>): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL! });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

export async function restorableDatabase(kind: DatabaseKind, shapes: readonly WarehouseShape[]): Promise<RestorableDatabase> {
  const folder = mkdtempSync(join(tmpdir(), 'handheld-restore-'));
  if (kind === 'pglite') {
    const data = join(folder, 'pglite');
    const copy = join(folder, 'backup');
    let db = await openPglite(data);
    await migrate(db);
    await seedDemoIfEmpty(db, shapes);
    return {
      get db() {
        return db;
      },
      async backup() {
        await db.close();
        cpSync(data, copy, { recursive: true });
        db = await openPglite(data);
      },
      async restore() {
        await db.close();
        rmSync(data, { recursive: true, force: true });
        cpSync(copy, data, { recursive: true });
        db = await openPglite(data);
        return db;
      },
      async drop() {
        await db.close().catch(() => undefined);
        rmSync(folder, { recursive: true, force: true });
      },
    };
  }
  const live = await createTestDatabase('postgres');
  await migrate(live.db);
  await seedDemoIfEmpty(live.db, shapes);
  const dump = join(folder, 'backup.dump');
  let db = live.db;
  let url = live.url!;
  /** The databases restored into, each fresh; the newest is the one in use. */
  const restored: { name: string; db: Database }[] = [];
  return {
    get db() {
      return db;
    },
    async backup() {
      execFileSync('pg_dump', ['--format=custom', `--file=${dump}`, url]);
    },
    async restore() {
      const name = `whrestore_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
      await withAdmin(async (admin) => void (await admin.query(`create database ${name}`)));
      const target = new URL(live.url!);
      target.pathname = `/${name}`;
      url = target.toString();
      execFileSync('pg_restore', ['--no-owner', `--dbname=${url}`, dump]);
      db = await openPostgres(url, 4);
      restored.push({ name, db });
      return db;
    },
    async drop() {
      for (const r of restored) await r.db.close().catch(() => undefined);
      await live.drop();
      await withAdmin(async (admin) => {
        for (const r of restored) await admin.query(`drop database if exists ${r.name} with (force)`);
      });
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
