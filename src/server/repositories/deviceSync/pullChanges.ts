/**
 * A device's pull: what changed in its warehouse after its cursor, in commit order
 * (change clock, then kind, then key), in pages. Products, bins with their whole stock,
 * tasks, and the fate of the device's own operations.
 *
 * The page is read in one snapshot (repeatable read), which always holds a complete
 * prefix of the warehouse's clock values (see changeClock.ts); so a page never skips a
 * change that commits after it was read, and `clock` (the last value fully included)
 * tells the device which of its acknowledged operations the page already reflects.
 *
 * A cursor from another data set or from a history the server no longer has (a
 * restore, however far the clock went since) is answered reset (pullCursor.ts); the
 * next cursor carries the warehouse's clock in this snapshot with its token.
 */
import { inTurn } from '../../storage/inTurn';
import type { Database, Queryable } from '../../storage/database';
import type { PullResponse } from '../../../protocol/syncMessages';
import { ApiProblem } from '../../problems';
import { settingsColumns, settingsOf, type SettingsRow } from '../warehouseSettingsColumns';
import { productsJson, binsJson, tasksOf } from './pullEntities';
import { cursorIsForeign, decodePullCursor, encodePullCursor, KINDS, type Cursor, type Kind } from './pullCursor';

/** Placeholders for a statement built in pieces: each value is numbered where it is used. */
class Params {
  readonly values: (string | number)[] = [];
  add(value: string | number): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The rows of one kind after the cursor, as (clock, key), index-friendly: strictly after within the cursor's own kind. */
function changedSql(kind: Kind, index: number, cursor: Cursor, p: Params, owner: { warehouseId: string; deviceId: string }, upTo: string, limit: number): string {
  const table = { products: 'products', bins: 'bins', tasks: 'tasks', operations: 'operations' }[kind];
  const key = { products: 'id', bins: 'code', tasks: 'id', operations: 'op_id::text' }[kind];
  const whose = kind === 'operations' ? `device_id = ${p.add(owner.deviceId)}` : `warehouse_id = ${p.add(owner.warehouseId)}`;
  const clock = `${p.add(cursor.clock)}::bigint`;
  const after = index < cursor.kind ? `changed_at > ${clock}` : index > cursor.kind ? `changed_at >= ${clock}` : `(changed_at > ${clock} or (changed_at = ${clock} and ${key} > ${p.add(cursor.key)}))`;
  return `(select changed_at as clock, ${index} as kind, ${key} as key from ${table}
            where ${whose} and ${after} and changed_at <= ${p.add(upTo)}::bigint order by changed_at, ${key} limit ${p.add(limit)})`;
}

/** The page as JSON text (what the device parses with pullResponseSchema), or a reset. */
export type PullAnswer = { readonly json: string } | Extract<PullResponse, { kind: 'reset' }>;

export async function pullChanges(db: Database, input: { warehouseId: string; deviceId: string; cursor: string | null; limit: number }): Promise<PullAnswer> {
  return db.transaction(async (tx) => {
    const given = input.cursor === null ? null : decodePullCursor(input.cursor);
    const [meta] = await tx.query<SettingsRow & { epoch: string; clock: string; token: string | null; tokenAtCursor: string | null; oldestKept: string | null }>(
      `select (select value from server_meta where key = 'data_epoch') as epoch, w.change_clock::text as clock,
              (select token::text from change_history h where h.warehouse_id = w.id and h.clock = w.change_clock) as token,
              (select token::text from change_history h where h.warehouse_id = w.id and h.clock = $2::bigint) as "tokenAtCursor",
              (select min(clock)::text from change_history h where h.warehouse_id = w.id) as "oldestKept",
              ${settingsColumns('w')}
         from warehouses w where w.id = $1`,
      [input.warehouseId, given?.history?.clock ?? null],
    );
    if (!meta) throw new ApiProblem(404, 'not-found', `There is no warehouse ${input.warehouseId}.`);
    const cursor: Cursor = given ?? { epoch: meta.epoch, clock: '0', kind: -1, key: '', history: null };
    // Another data set, or a history the server no longer has (restored from a backup): start again.
    if (cursorIsForeign(cursor, meta)) return { kind: 'reset', dataEpoch: meta.epoch };

    const p = new Params();
    const parts = KINDS.map((kind, i) => changedSql(kind, i, cursor, p, input, meta.clock, input.limit));
    const rows = await tx.query<{ clock: string; kind: number; key: string }>(
      `select clock::text as clock, kind, key from (${parts.join(' union all ')}) c order by c.clock, c.kind, c.key limit ${p.add(input.limit)}`,
      p.values,
    );
    const keysOf = (kind: Kind) => rows.filter((r) => r.kind === KINDS.indexOf(kind)).map((r) => r.key);
    const [products, bins, tasks, operations] = await inTurn(
      () => productsJson(tx, input.warehouseId, keysOf('products')),
      () => binsJson(tx, input.warehouseId, keysOf('bins')),
      () => tasksOf(tx, input.warehouseId, keysOf('tasks')),
      () => fatesOf(tx, keysOf('operations')),
    );
    const last = rows.at(-1);
    const more = rows.length === input.limit;
    // The next cursor vouches for the history up to the warehouse's clock as this snapshot saw it.
    const history = meta.token === null ? cursor.history : { clock: meta.clock, token: meta.token };
    const next: Cursor = last ? { epoch: meta.epoch, clock: last.clock, kind: last.kind, key: last.key, history } : { ...cursor, history };
    // Fully included: everything up to the warehouse's clock when nothing more waits; else up to just before the last row's clock.
    const clock = more ? String(BigInt(last!.clock) - 1n) : meta.clock;
    // Products and bins come as JSON the database wrote; the rest is small.
    const rest = {
      binClocks: Object.fromEntries(rows.filter((r) => r.kind === KINDS.indexOf('bins')).map((r) => [r.key, r.clock])),
      taskClocks: Object.fromEntries(rows.filter((r) => r.kind === KINDS.indexOf('tasks')).map((r) => [r.key, r.clock])),
      tasks,
      operations,
      settings: settingsOf(meta),
      cursor: encodePullCursor(next),
      clock,
      more,
    };
    return { json: `{"kind":"changes","products":${products},"bins":${bins},${JSON.stringify(rest).slice(1)}` };
  }, { snapshot: true });
}

async function fatesOf(tx: Queryable, opIds: readonly string[]) {
  if (opIds.length === 0) return [];
  return tx.query<{ opId: string; status: 'applied' | 'rejected' | 'review' | 'undone'; why: { code: string } | null; message: string | null; clock: string; settled: boolean }>(
    `select op_id::text as "opId", status, why, message, changed_at::text as clock, resolved_at is not null as settled from operations where op_id = any($1::uuid[]) order by changed_at, op_id`,
    [opIds],
  );
}
