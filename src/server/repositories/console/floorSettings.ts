/**
 * A warehouse's floor settings as supervisors see and change them (blind counting, the
 * recount threshold, the per-step limit, the time zone), and the names of its devices.
 *
 * - A save is checked whole by domain/floor/warehouseSettings.ts before anything is
 *   written: a setting out of range is a 400 naming it, and nothing of the save applies.
 * - A save names the settings version it was made on. One that changes nothing (a
 *   double submit, or someone else saved the same) is answered as done; one that would
 *   change what another supervisor saved since that version is refused (409, saying who
 *   and when), so nobody undoes a change they never saw.
 * - A save takes the warehouse's change clock, as every write devices pull does: the
 *   settings travel with every pull page, read in the page's snapshot, so devices have
 *   them at their next sync (changeClock.ts; lock order: the warehouse's row only).
 * - A device's name is one per device; a supervisor names a device working in one of
 *   their warehouses (404 otherwise). Two renames at once take turns on the device's
 *   row: the last stands, both are recorded.
 * - Tasks carry the names of the devices they name (the one working on it, those in its
 *   open conflicts: floorData.ts), so a rename touches every task still to do that names
 *   the device, in each warehouse it is in, with that warehouse's change clock: other
 *   devices pull the new name on their next sync. Lock order (lockOrder.ts): the device's
 *   row, the tasks sorted (warehouse, id), then each warehouse's clock in id order. A task
 *   comes to name the device as its worker only through the device's own push, which locks
 *   the device's row first, so none is missed; one a concurrent over-pick on another device
 *   makes name it commits with its own clock and is pulled with the name read then. Tasks
 *   finished keep the name they were pulled with on the devices that hold them.
 */
import type { Database, Queryable } from '../../storage/database';
import type { SettingsChangeRequest, SettingsView } from '../../../protocol/warehouseSettings';
import { checkSettingsChange, flatSettings, settingProblemInEnglish, settingsDifferences } from '../../../domain/floor/warehouseSettings';
import { localTimeZone } from '../../../domain/floor/floorDate';
import { ApiProblem } from '../../problems';
import { takeChangeClock } from '../deviceSync/changeClock';
import { settingsColumns, settingsOf, type SettingsRow } from '../warehouseSettingsColumns';
import { recordWarehouseChange, warehouseChangesIn } from './warehouseChanges';
import type { UserActor } from './userAudit';

/** How many of the last settings changes the screen lists. */
const CHANGES_SHOWN = 50;

export async function settingsView(db: Database, warehouseId: string): Promise<SettingsView> {
  const [row] = await db.query<SettingsRow & { version: number }>(`select ${settingsColumns('w')}, w.settings_version as version from warehouses w where w.id = $1`, [warehouseId]);
  if (!row) throw new ApiProblem(404, 'not-found', `There is no warehouse ${warehouseId}.`);
  const changes = await warehouseChangesIn(db, warehouseId, { from: new Date(0), limit: CHANGES_SHOWN, subject: 'settings' });
  return { settings: settingsOf(row), version: row.version, serverTimeZone: localTimeZone(), changes };
}

/** Applies a save of the settings, or refuses it whole; answers whether anything changed. */
export async function saveSettings(db: Database, input: { warehouseId: string; actor: UserActor; change: SettingsChangeRequest; now: Date }): Promise<{ changed: boolean }> {
  const { version, ...fields } = input.change;
  return db.transaction(async (tx) => {
    const [row] = await tx.query<SettingsRow & { version: number }>(`select ${settingsColumns('w')}, w.settings_version as version from warehouses w where w.id = $1 for update`, [input.warehouseId]);
    if (!row) throw new ApiProblem(404, 'not-found', `There is no warehouse ${input.warehouseId}.`);
    const current = settingsOf(row);
    const checked = checkSettingsChange(current, fields);
    if (checked.settings === null) throw new ApiProblem(400, 'bad-request', `Nothing was saved. ${checked.problems.map(settingProblemInEnglish).join(' ')}`);
    const changes = settingsDifferences(current, checked.settings);
    if (Object.keys(changes).length === 0) return { changed: false };
    if (version !== row.version) {
      const [last] = await warehouseChangesIn(tx, input.warehouseId, { from: new Date(0), limit: 1, subject: 'settings' });
      const by = last ? ` by ${last.actorName} at ${last.changedAt}` : '';
      throw new ApiProblem(409, 'conflict', `The settings were changed${by} after you opened them (version ${version}, now ${row.version}). Nothing was saved: look at them again and save what you still want.`);
    }
    const next = flatSettings(checked.settings);
    await tx.query(
      `update warehouses set blind_count = $2, recount_units = $3, recount_percent = $4, step_limit = $5, time_zone = $6, settings_version = settings_version + 1 where id = $1`,
      [input.warehouseId, next.blindCount, next.recountUnits, next.recountPercent, next.stepLimit, next.timeZone],
    );
    await takeChangeClock(tx, input.warehouseId);
    await recordWarehouseChange(tx, { warehouseId: input.warehouseId, actor: input.actor, subject: 'settings', deviceId: null, changes, at: input.now });
    return { changed: true };
  });
}

/** Names a device of this warehouse (null or empty: no name); answers whether the name changed. */
export async function renameDevice(db: Database, input: { warehouseId: string; deviceId: string; name: string | null; actor: UserActor; now: Date }): Promise<{ changed: boolean }> {
  const name = input.name === null || input.name.trim() === '' ? null : input.name.trim();
  return db.transaction(async (tx) => {
    // A device of this warehouse: in it now, or in none yet while its user works here (as the device list shows it).
    const [device] = await tx.query<{ name: string | null }>(
      `select d.name from devices d
        where d.device_id = $1
          and (d.warehouse_id = $2 or (d.warehouse_id is null and exists (select 1 from user_warehouses uw where uw.user_id = d.user_id and uw.warehouse_id = $2)))
        for update of d`,
      [input.deviceId, input.warehouseId],
    );
    if (!device) throw new ApiProblem(404, 'not-found', `There is no device ${input.deviceId} working in this warehouse: a device is named in the warehouse it works in.`);
    if (device.name === name) return { changed: false };
    await tx.query('update devices set name = $2 where device_id = $1', [input.deviceId, name]);
    await touchTasksNaming(tx, input.deviceId);
    await recordWarehouseChange(tx, { warehouseId: input.warehouseId, actor: input.actor, subject: 'device-name', deviceId: input.deviceId, changes: { name: { from: device.name, to: name } }, at: input.now });
    return { changed: true };
  });
}

/** Gives every task still to do that names the device (its worker, or one of its open conflicts) a new change clock. */
async function touchTasksNaming(tx: Queryable, deviceId: string): Promise<void> {
  const tasks = await tx.query<{ warehouseId: string; id: string }>(
    `select t.warehouse_id as "warehouseId", t.id from tasks t
      where t.status in ('open', 'in-progress')
        and (t.worked_on_device = $1
             or exists (select 1 from task_conflicts c where c.warehouse_id = t.warehouse_id and c.task_id = t.id and c.resolved_at is null
                           and c.devices @> jsonb_build_array(jsonb_build_object('deviceId', $1::text))))
      order by t.warehouse_id, t.id for update of t`,
    [deviceId],
  );
  const byWarehouse = new Map<string, string[]>();
  for (const task of tasks) byWarehouse.set(task.warehouseId, [...(byWarehouse.get(task.warehouseId) ?? []), task.id]);
  for (const [warehouseId, ids] of [...byWarehouse].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const { clock } = await takeChangeClock(tx, warehouseId);
    await tx.query('update tasks set changed_at = $3::bigint where warehouse_id = $1 and id = any($2::text[])', [warehouseId, ids, clock]);
  }
}
