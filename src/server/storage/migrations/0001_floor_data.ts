/**
 * The first schema: warehouses, people and their device sessions, master data,
 * stock as a ledger of movements with its derived balance, and tasks.
 *
 * Stock invariant: stock_balances is the sum of stock_movements per
 * warehouse × bin × product × lot, kept in the same transaction as each movement.
 * Quantities are whole units of the product's each.
 */
export const floorData = `
create table server_meta (
  key text primary key,
  value text not null
);

create table warehouses (
  id text primary key,
  code text not null unique,
  name text not null,
  -- Bumped by every transaction that changes the warehouse's data; rows keep the
  -- value that changed them, so devices can pull what changed (issue: sync).
  change_clock bigint not null default 0
);

create table users (
  id text primary key,
  username text not null unique,
  display_name text not null,
  role text not null check (role in ('worker', 'supervisor', 'admin')),
  jobs text[] not null default '{}',
  pin_hash text not null,
  created_at timestamptz not null default now()
);

create table user_warehouses (
  user_id text not null references users (id) on delete cascade,
  warehouse_id text not null references warehouses (id) on delete cascade,
  primary key (user_id, warehouse_id)
);

-- Repeated wrong PINs lock a user name for a while. Kept in the database, not in
-- a server's memory, so several servers share one count.
create table signin_throttle (
  username text primary key,
  failures integer not null default 0,
  locked_until timestamptz
);

create table devices (
  device_id text primary key,
  user_id text references users (id) on delete set null,
  warehouse_id text references warehouses (id) on delete set null,
  app_version text,
  user_agent text,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now()
);

-- Only a hash of each token is stored, so a copy of the database signs nobody in.
create table device_sessions (
  token_hash text primary key,
  user_id text not null references users (id) on delete cascade,
  device_id text not null references devices (device_id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index device_sessions_device on device_sessions (device_id);

create table zones (
  warehouse_id text not null references warehouses (id) on delete cascade,
  code text not null,
  name text not null,
  primary key (warehouse_id, code)
);

create table products (
  warehouse_id text not null references warehouses (id) on delete cascade,
  id text not null,
  sku text not null,
  name text not null,
  unit text not null,
  zone text not null,
  lot_tracked boolean not null default false,
  expiry_tracked boolean not null default false,
  changed_at bigint not null default 0,
  primary key (warehouse_id, id),
  unique (warehouse_id, sku),
  foreign key (warehouse_id, zone) references zones (warehouse_id, code)
);

create table product_codes (
  warehouse_id text not null,
  gtin char(14) not null,
  product_id text not null,
  pack_qty integer not null check (pack_qty > 0),
  pack_level text not null check (pack_level in ('each', 'inner', 'case')),
  symbology text not null check (symbology in ('ean-13', 'ean-8', 'upc-a', 'upc-e', 'gtin-14')),
  printed text not null,
  primary key (warehouse_id, gtin),
  foreign key (warehouse_id, product_id) references products (warehouse_id, id) on delete cascade
);
create index product_codes_product on product_codes (warehouse_id, product_id);

create table bins (
  warehouse_id text not null,
  code text not null,
  zone text not null,
  aisle text not null,
  walk_seq integer not null,
  changed_at bigint not null default 0,
  primary key (warehouse_id, code),
  foreign key (warehouse_id, zone) references zones (warehouse_id, code)
);

create table stock_movements (
  id bigint generated always as identity primary key,
  warehouse_id text not null,
  bin_code text not null,
  product_id text not null,
  lot text not null default '',
  expiry date,
  qty_delta integer not null,
  kind text not null,
  note text,
  created_at timestamptz not null default now(),
  foreign key (warehouse_id, bin_code) references bins (warehouse_id, code),
  foreign key (warehouse_id, product_id) references products (warehouse_id, id)
);

create table stock_balances (
  warehouse_id text not null,
  bin_code text not null,
  product_id text not null,
  lot text not null default '',
  expiry date,
  qty integer not null,
  changed_at bigint not null default 0,
  primary key (warehouse_id, bin_code, product_id, lot),
  foreign key (warehouse_id, bin_code) references bins (warehouse_id, code),
  foreign key (warehouse_id, product_id) references products (warehouse_id, id)
);
create index stock_balances_product on stock_balances (warehouse_id, product_id);

create table tasks (
  warehouse_id text not null references warehouses (id) on delete cascade,
  id text not null,
  kind text not null check (kind in ('pick', 'putaway', 'count')),
  reference text not null,
  status text not null check (status in ('open', 'in-progress', 'done', 'cancelled')),
  assigned_to text references users (id) on delete set null,
  created_at timestamptz not null default now(),
  changed_at bigint not null default 0,
  primary key (warehouse_id, id)
);

create table task_lines (
  warehouse_id text not null,
  task_id text not null,
  line_no integer not null,
  bin_code text,
  product_id text,
  lot text,
  qty integer,
  primary key (warehouse_id, task_id, line_no),
  foreign key (warehouse_id, task_id) references tasks (warehouse_id, id) on delete cascade
);
`;
