/**
 * Issue 14: devices get names, warehouses a time zone, and changes to either are audited.
 *
 * - `devices.name`: what supervisors call a handheld ("Cold room 2"), plain text of 1 to
 *   40 characters, or none (the console shows its id). One name per device, wherever it
 *   works: a handheld is one thing in a supervisor's hand.
 * - `warehouses.time_zone`: the IANA zone whose calendar says which day it is on the
 *   floor (domain/floor/floorDate.ts). The migration runner sets every warehouse there
 *   at this moment to the server's own zone (migrate.ts); later warehouses get it when
 *   made (the command, the demo seed); 'UTC' is the default of last resort.
 * - `warehouses.settings_version`: counts saves of the floor settings; a save names the
 *   version it was made on, and one made on an older version is refused (README,
 *   "Choices made": a stale save).
 * - `warehouse_changes`: one row per change, written in the change's own transaction:
 *   who, when, which warehouse, what (`settings`, or a device's `device-name`), and each
 *   field before and after.
 */
export const namesAndSettings = `
alter table devices add column name text check (name is null or char_length(name) between 1 and 40);

alter table warehouses
  add column time_zone text not null default 'UTC' check (char_length(time_zone) between 1 and 64),
  add column settings_version integer not null default 1;

create table warehouse_changes (
  id bigint generated always as identity primary key,
  changed_at timestamptz not null default now(),
  warehouse_id text not null references warehouses (id) on delete cascade,
  actor_id text,
  actor_name text not null,
  subject text not null check (subject in ('settings', 'device-name')),
  device_id text,
  changes jsonb not null default '{}'
);
create index warehouse_changes_by_warehouse on warehouse_changes (warehouse_id, changed_at desc, id desc);
`;
