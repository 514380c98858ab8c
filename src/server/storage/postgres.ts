import pg from 'pg';
import type { Database, Queryable, SqlParam } from './database';

// Dates and int8 come back as text; the repositories say what they expect.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export async function openPostgres(connectionString: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle connection the database closed (a restart, a failover) is dropped and
  // replaced by the pool; it must not take the server down.
  pool.on('error', (error) => console.error('PostgreSQL closed an idle connection:', error.message));
  // Fail at start, with the driver's reason, rather than on the first request.
  const probe = await pool.connect();
  probe.release();

  const run = async <Row extends object>(q: pg.Pool | pg.PoolClient, sql: string, params: readonly SqlParam[] = []) =>
    (await q.query<Row>(sql, params as unknown[])).rows;

  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    // synchronous_commit is on by default: a statement's own commit returns once the WAL is on disk.
    write: (sql, params) => run(pool, sql, params),
    execScript: async (sql) => void (await pool.query(sql)),
    async transaction(work, options) {
      const client = await pool.connect();
      try {
        await client.query(options?.snapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ' : 'BEGIN');
        const scoped: Queryable = {
          query: (sql, params) => run(client, sql, params),
          execScript: async (sql) => void (await client.query(sql)),
        };
        const result = await work(scoped);
        // synchronous_commit is on by default: COMMIT returns once the WAL is on disk.
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
