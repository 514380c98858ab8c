/**
 * A warehouse's floor settings as every query reads them (pull, push, download, the
 * change clock, the console): one list of columns and one mapping, so a new setting is
 * added in one place.
 */
import type { WarehouseSettings } from '../../domain/floor/warehouseSettings';

/** The columns of `warehouses` aliased `table`, named as SettingsRow's fields. */
export const settingsColumns = (table: string) =>
  `${table}.blind_count as "blindCount", ${table}.recount_units as "recountUnits", ${table}.recount_percent::float8 as "recountPercent", ${table}.step_limit as "stepLimit", ${table}.time_zone as "timeZone"`;

export interface SettingsRow {
  readonly blindCount: boolean;
  readonly recountUnits: number;
  readonly recountPercent: number;
  readonly stepLimit: number;
  readonly timeZone: string;
}

export const settingsOf = (row: SettingsRow): WarehouseSettings => ({
  blindCount: row.blindCount,
  recountThreshold: { units: row.recountUnits, percent: row.recountPercent },
  stepLimit: row.stepLimit,
  timeZone: row.timeZone,
});
