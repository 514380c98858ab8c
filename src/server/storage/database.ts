/**
 * The server's one door to its database. Two implementations speak the same SQL:
 * embedded PGlite (a data folder, the default) and PostgreSQL (DATABASE_URL).
 *
 * Invariant: when `transaction` resolves, what it wrote is durable. PostgreSQL
 * gives that at COMMIT; PGlite runs with fsync off, so its implementation flushes
 * the write-ahead log to disk itself before resolving. Nothing may be acknowledged
 * to a device before that.
 */
export type SqlParam = string | number | boolean | null | Date | readonly (string | number | boolean | null)[];

export interface Queryable {
  query<Row extends object>(sql: string, params?: readonly SqlParam[]): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  execScript(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction; resolves only once the commit is durable.
   * `snapshot`: one snapshot for all its reads (PostgreSQL's repeatable read, set with
   * the BEGIN, no round trip of its own; PGlite's one connection sees no other writer).
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>, options?: { readonly snapshot?: boolean }): Promise<T>;
  /**
   * One statement on its own, durable when it resolves: PostgreSQL commits it by itself
   * (one round trip, where a transaction around it takes three); PGlite flushes as after
   * a transaction.
   */
  write<Row extends object>(sql: string, params?: readonly SqlParam[]): Promise<Row[]>;
  close(): Promise<void>;
}
