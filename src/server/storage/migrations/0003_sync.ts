/**
 * Sync: operations applied once, the ledger's effective times, counts in force,
 * counts waiting for review, short picks and flags, and the change clock on every row
 * a device pulls.
 *
 * Pull cursor invariant: every transaction that changes a warehouse's data first takes
 * the next value of `warehouses.change_clock` with an UPDATE, so the row stays locked
 * until it commits; clock values are therefore committed in order, a snapshot always
 * sees a complete prefix of them, and a pull "after clock c" never skips a change that
 * commits late.
 */
export const sync = `
alter table devices
  add column last_seq bigint not null default 0,
  add column last_sync_at timestamptz,
  add column last_status jsonb,
  add column status_at timestamptz;

create table operations (
  op_id uuid primary key,
  warehouse_id text not null references warehouses (id),
  device_id text not null references devices (device_id),
  device_seq bigint not null,
  user_id text not null references users (id),
  type text not null,
  -- json, not jsonb: stored as sent (cheaper to write); read back whole, never searched.
  payload json not null,
  -- When the worker did it by the device's clock, and on the server's clock.
  created_at timestamptz not null,
  occurred_at timestamptz not null,
  received_at timestamptz not null default now(),
  status text not null check (status in ('applied', 'rejected', 'review', 'undone')),
  why jsonb,
  message text,
  -- A supervisor, or the worker, may settle a rejected operation so it stops being flagged.
  resolved_at timestamptz,
  resolved_by text,
  resolution_note text,
  -- The change clock of the operation's fate when it changed after its push (a review
  -- decided, undone later, settled): what a pull tells the device. Null until then;
  -- the push's own answer gave the first fate, with its batch's clock (push_batches).
  changed_at bigint,
  unique (device_id, device_seq)
);
create index operations_device_changed on operations (device_id, changed_at, op_id) where changed_at is not null;

-- The clock of each push batch, by the sequence numbers it held: a retry is answered
-- with the clock its operations were recorded at. One small row per batch, so the
-- operations themselves are written before the clock is taken.
create table push_batches (
  device_id text not null,
  first_seq bigint not null,
  last_seq bigint not null,
  clock bigint not null,
  primary key (device_id, first_seq)
);
-- Supervisors look for what needs them; most operations are simply applied.
create index operations_needing_attention on operations (warehouse_id, status, received_at) where status in ('rejected', 'review');

alter table stock_movements
  add column occurred_at timestamptz not null default now(),
  add column op_id uuid,
  add column count_op_id uuid;
-- Opening stock was there before anything a device did: it sits at the start of time.
update stock_movements set occurred_at = '1970-01-01T00:00:00Z' where kind = 'opening';
create index stock_movements_bin_time on stock_movements (warehouse_id, bin_code, occurred_at);
-- Nothing looks a movement up by its id (the ledger is read by bin and time, an undo
-- by its operation within the bin): one index less for every step a device sends.
alter table stock_movements drop constraint stock_movements_pkey;
create index stock_movements_count on stock_movements (count_op_id) where count_op_id is not null;

-- Counts in force: the ledger keeps each one's snapshot true (see domain/ledger).
create table bin_counts (
  op_id uuid primary key,
  warehouse_id text not null,
  bin_code text not null,
  counted_at timestamptz not null,
  active boolean not null default true,
  foreign key (warehouse_id, bin_code) references bins (warehouse_id, code)
);
create index bin_counts_active on bin_counts (warehouse_id, bin_code) where active;

-- Counts over the warehouse's threshold wait here for a supervisor.
create table count_reviews (
  op_id uuid primary key references operations (op_id),
  warehouse_id text not null,
  bin_code text not null,
  counted_at timestamptz not null,
  lines jsonb not null,
  status text not null default 'waiting' check (status in ('waiting', 'approved', 'rejected', 'recount', 'withdrawn')),
  decided_by text,
  decided_at timestamptz,
  note text,
  changed_at bigint not null
);
create index count_reviews_waiting on count_reviews (warehouse_id, status);

create table short_picks (
  op_id uuid primary key references operations (op_id),
  warehouse_id text not null,
  task_id text not null,
  line_no integer not null,
  bin_code text not null,
  product_id text not null,
  qty integer not null,
  reason text not null,
  undone boolean not null default false
);

create table stock_flags (
  id bigint generated always as identity primary key,
  warehouse_id text not null,
  kind text not null check (kind in ('negative-stock', 'count-requested')),
  bin_code text not null,
  product_id text,
  lot text,
  op_id uuid not null,
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by text
);
create index stock_flags_open on stock_flags (warehouse_id, kind) where resolved_at is null;

alter table tasks add column worked_on_device text;
alter table task_lines
  add column done_qty integer not null default 0,
  add column short_qty integer;

create index products_changed on products (warehouse_id, changed_at, id);
create index bins_changed on bins (warehouse_id, changed_at, code);
create index tasks_changed on tasks (warehouse_id, changed_at, id);
`;
