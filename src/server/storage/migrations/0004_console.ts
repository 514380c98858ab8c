/**
 * The supervisor's console: what a product's unit costs (to value count variances),
 * each device's sync history, flags settled with a note, and a cheap time index for
 * the activity log and the charts.
 *
 * The time index is BRIN: operations arrive roughly in received order, so a block
 * range index finds a time window for a fraction of what a B-tree costs every push.
 */
export const consoleTables = `
alter table products add column unit_cost numeric(14, 4) check (unit_cost >= 0);

create table device_syncs (
  id bigint generated always as identity primary key,
  device_id text not null references devices (device_id) on delete cascade,
  warehouse_id text not null,
  reported_at timestamptz not null,
  -- The device's last sequence number the server held when it reported: steps pushed
  -- between two reports are the difference.
  last_seq bigint not null,
  pending integer not null,
  oldest_pending_at timestamptz,
  last_error text,
  -- The device's run before this report, as it told it.
  run_started_at timestamptz,
  run_ms integer,
  run_pushed integer,
  run_error text
);
create index device_syncs_device on device_syncs (device_id, reported_at desc);
create index device_syncs_warehouse on device_syncs (warehouse_id, reported_at);

alter table stock_flags add column resolution_note text;

create index operations_received on operations using brin (received_at);
`;
