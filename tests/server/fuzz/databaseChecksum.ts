import type { Database } from '../../../src/server/storage/database';

/** Tables a refused request may change on purpose: a wrong PIN is counted. */
const CHANGED_BY_REFUSALS = new Set(['signin_throttle', 'schema_migrations']);

/** One text for the whole content of every table, so two readings differ when any row did. */
export async function databaseChecksum(db: Database): Promise<string> {
  const tables = await db.query<{ name: string }>("select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name");
  const parts = tables.filter((t) => !CHANGED_BY_REFUSALS.has(t.name)).map((t) => `select '${t.name}' as name, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as sum from ${t.name} x`);
  const rows = await db.query<{ name: string; sum: string }>(parts.join(' union all '));
  return rows.map((r) => `${r.name}=${r.sum}`).sort().join(',');
}
