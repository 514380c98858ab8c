/**
 * Users managed in the console and from the command line (issue 12).
 *
 * - `users.disabled_at / disabled_by`: a disabled user cannot sign in, and every
 *   session they hold is refused from their next request (the sessions are ended too).
 * - `device_sessions.ended_because`: why a session was ended for its user ('disabled',
 *   'pin-reset'), so the device is told in words.
 * - `users.pin_changed_at`: when the PIN was last set by someone (never the PIN itself).
 * - User names are unique whatever their case: `Picker1` is `picker1`.
 * - `user_changes`: the audit of every change to a user, who made it (a user, or the
 *   command line, with no id), what changed (before and after, never a PIN) and when.
 *   `warehouse_ids` are the user's warehouses before and after the change: the activity
 *   log of each of them shows it.
 */
export const userManagement = `
alter table users
  add column disabled_at timestamptz,
  add column disabled_by text,
  add column pin_changed_at timestamptz;

alter table device_sessions add column ended_because text;

create unique index users_username_any_case on users (lower(username));

create table user_changes (
  id bigint generated always as identity primary key,
  changed_at timestamptz not null default now(),
  actor_id text,
  actor_name text not null,
  user_id text not null references users (id),
  username text not null,
  action text not null check (action in ('added', 'changed', 'disabled', 'enabled', 'pin-reset')),
  changes jsonb not null default '{}',
  warehouse_ids text[] not null default '{}'
);
create index user_changes_time on user_changes (changed_at);
create index user_changes_warehouses on user_changes using gin (warehouse_ids);
`;
