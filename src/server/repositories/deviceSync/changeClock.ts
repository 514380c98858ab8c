/**
 * The warehouse's change clock. Every transaction that changes what devices pull
 * takes the next value first: the UPDATE locks the warehouse's row until commit, so
 * values are committed in order and a pull after clock c never skips a change that
 * commits late (see migration 0003). Writers of one warehouse take turns for their
 * writes only: a push first locks the bins and tasks it touches (ledgerSnapshot.ts),
 * reads and decides, and takes the clock just before it writes.
 *
 * The same statement records a random token for the value taken (change_history,
 * migration 0009): no other lock and no extra round trip, one small row. A pull cursor
 * carries a value with its token, and a restored server that took that value again
 * has another token there (pullCursor.ts).
 */
import { randomInt } from 'node:crypto';
import type { Queryable } from '../../storage/database';
import type { WarehouseSettings } from '../../../domain/floor/warehouseSettings';
import { ApiProblem } from '../../problems';
import { settingsColumns, settingsOf, type SettingsRow } from '../warehouseSettingsColumns';

export interface ClockTurn {
  readonly clock: string;
  readonly settings: WarehouseSettings;
}

export async function readWarehouseSettings(tx: Queryable, warehouseId: string): Promise<WarehouseSettings> {
  const [row] = await tx.query<SettingsRow>(`select ${settingsColumns('w')} from warehouses w where w.id = $1`, [warehouseId]);
  if (!row) throw new ApiProblem(404, 'not-found', `There is no warehouse ${warehouseId}.`);
  return settingsOf(row);
}

/**
 * What a push writes with the clock, in the same statement: the bins it touched get the
 * value, and its batch is recorded with it. The clock's row lock is held to the commit,
 * so every round trip after it makes the warehouse's other writers wait that much longer.
 */
export interface ClockedWithTurn {
  readonly bins?: readonly string[];
  readonly pushBatch?: { readonly deviceId: string; readonly firstSeq: number; readonly lastSeq: number };
}

export async function takeChangeClock(tx: Queryable, warehouseId: string, withTurn: ClockedWithTurn = {}): Promise<ClockTurn> {
  const params: (string | number | readonly string[])[] = [warehouseId, String(randomInt(1, 2 ** 48))];
  const add = (value: string | number | readonly string[]) => `$${params.push(value)}`;
  const bins = withTurn.bins?.length ? `, touched as (update bins b set changed_at = turn.change_clock from turn where b.warehouse_id = $1 and b.code = any(${add(withTurn.bins)}::text[]))` : '';
  const batch = withTurn.pushBatch
    ? `, batch as (insert into push_batches (device_id, first_seq, last_seq, clock) select ${add(withTurn.pushBatch.deviceId)}, ${add(withTurn.pushBatch.firstSeq)}::bigint, ${add(withTurn.pushBatch.lastSeq)}::bigint, change_clock from turn)`
    : '';
  const [row] = await tx.query<SettingsRow & { clock: string }>(
    `with turn as (update warehouses set change_clock = change_clock + 1 where id = $1 returning *),
          history as (insert into change_history (warehouse_id, clock, token) select id, change_clock, $2::bigint from turn)${bins}${batch}
     select turn.change_clock::text as clock, ${settingsColumns('turn')} from turn`,
    params,
  );
  if (!row) throw new ApiProblem(404, 'not-found', `There is no warehouse ${warehouseId}.`);
  return { clock: row.clock, settings: settingsOf(row) };
}
