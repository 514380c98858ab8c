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

export async function takeChangeClock(tx: Queryable, warehouseId: string): Promise<ClockTurn> {
  const [row] = await tx.query<SettingsRow & { clock: string }>(
    `with turn as (update warehouses set change_clock = change_clock + 1 where id = $1 returning *),
          history as (insert into change_history (warehouse_id, clock, token) select id, change_clock, $2::bigint from turn)
     select turn.change_clock::text as clock, ${settingsColumns('turn')} from turn`,
    [warehouseId, String(randomInt(1, 2 ** 48))],
  );
  if (!row) throw new ApiProblem(404, 'not-found', `There is no warehouse ${warehouseId}.`);
  return { clock: row.clock, settings: settingsOf(row) };
}
