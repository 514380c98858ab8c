import { randomUUID } from 'node:crypto';
import type { Database } from './database';
import { migrations } from './migrations';
import { localTimeZone } from '../../domain/floor/floorDate';

/** Any fixed number: the advisory lock that lets one server at a time migrate. */
const MIGRATION_LOCK = 727_001;

/**
 * Applies the migrations this database lacks, each in its own transaction.
 * Several servers may start at once on one PostgreSQL: a transaction-scoped
 * advisory lock makes the others wait, then find the work done.
 */
export async function migrate(db: Database, options: { timeZone?: string } = {}): Promise<number[]> {
  // The zone the warehouses there when time zones came take: the server's own (or UTC).
  const serverZone = options.timeZone ?? localTimeZone();
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.execScript(`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`);
  });
  const applied: number[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const rows = await tx.query<{ version: number }>('select version from schema_migrations where version = $1', [migration.version]);
      if (rows.length > 0) return false;
      await tx.execScript(migration.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [migration.version, migration.name]);
      if (migration.version === 1) {
        // A new data set gets a new epoch; a device that sees the epoch change knows
        // the server was reset or restored and must resync.
        await tx.query(`insert into server_meta (key, value) values ('data_epoch', $1)`, [randomUUID()]);
      }
      if (migration.version === 11) await tx.query('update warehouses set time_zone = $1', [serverZone]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
