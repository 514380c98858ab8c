/**
 * Sign-in attempts (issue 12), claimed before a PIN is checked, shared by every server
 * process: per user name at a client address (the lock), per user name over every address
 * (the ceiling that slows) and per address over every user name (the brake). One table,
 * the unused part of the key empty: `username` is '' for an address's row, `address` ''
 * for a user's. User names are kept lower-case, as they are compared. The rules are in
 * security/signInThrottle.ts; the old per-name count goes.
 *
 * Also in this issue: a supervisor sees a device only through its syncs in their
 * warehouses, so the sync history is indexed by device and warehouse.
 */
export const signInAttempts = `
create table signin_attempts (
  scope text not null check (scope in ('address', 'user', 'user-at-address')),
  username text not null default '',
  address text not null default '',
  failures integer not null default 0,
  window_started_at timestamptz not null default now(),
  last_failure_at timestamptz,
  blocked_until timestamptz,
  -- attempts claimed, their PIN not yet answered (counted in failures until then)
  in_flight integer not null default 0,
  primary key (scope, username, address)
);

drop table signin_throttle;

create index device_syncs_device_warehouse on device_syncs (device_id, warehouse_id, reported_at desc);
`;
