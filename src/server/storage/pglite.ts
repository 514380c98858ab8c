import { mkdirSync, openSync, fsyncSync, closeSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable, SqlParam } from './database';
import { keepPrivate } from './privateFiles';

/**
 * PGlite keeps a real PostgreSQL data folder, but runs it with fsync off and
 * writes through Node's page cache. A commit therefore survives the process being
 * killed but not the machine losing power. After every writing transaction we
 * fsync the write-ahead log segments written since the last flush, which is what
 * PostgreSQL itself would do at commit; recovery at the next start replays them.
 *
 * PGlite unpacks a new data folder with mode 0666 and rewrites a few files at start
 * with modes of its own, whatever the umask: the folder is made private again once it
 * is open and when it closes (files PostgreSQL creates while running are 0600 already).
 */
export async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir !== null) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const pg = await PGlite.create(dataDir === null ? 'memory://' : dataDir);
  if (dataDir !== null) keepPrivate(dataDir);
  const walDir = dataDir === null ? null : join(dataDir, 'pg_wal');
  let lastFlushMs = 0;

  function flushWal(): void {
    if (walDir === null) return;
    const since = lastFlushMs;
    lastFlushMs = Date.now();
    for (const name of readdirSync(walDir)) {
      const path = join(walDir, name);
      const stat = statSync(path);
      if (!stat.isFile() || stat.mtimeMs < since - 1000) continue;
      const fd = openSync(path, 'r+');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    const dirFd = openSync(walDir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  }

  const run = async <Row extends object>(q: Pick<PGlite, 'query'>, sql: string, params: readonly SqlParam[] = []) =>
    (await q.query<Row>(sql, params as unknown[])).rows;

  return {
    kind: 'pglite',
    query: (sql, params) => run(pg, sql, params),
    execScript: async (sql) => void (await pg.exec(sql)),
    async transaction(work) {
      const result = await pg.transaction(async (tx) => {
        const scoped: Queryable = {
          query: (sql, params) => run(tx, sql, params),
          execScript: async (sql) => void (await tx.exec(sql)),
        };
        return work(scoped);
      });
      await pg.syncToFs();
      flushWal();
      return result;
    },
    async write<Row extends object>(sql: string, params?: readonly SqlParam[]) {
      // A statement of its own is its own transaction: flushed as one.
      const rows = await run<Row>(pg, sql, params);
      await pg.syncToFs();
      flushWal();
      return rows;
    },
    async close() {
      await pg.close();
      if (dataDir !== null) keepPrivate(dataDir);
    },
  };
}
