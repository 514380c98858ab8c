/**
 * One task, one device (issue 11): who holds a task, who took it over from whom, and
 * work that met someone else's on a task, for the supervisor.
 *
 * - `tasks.decided_at / decided_by / decided_to`: a supervisor's last decision about who
 *   works the task (assign, back to open); a worker's late step does not undo it.
 * - `task_lines.done_by`: units done per device ({deviceId: units}), so an over-pick names
 *   every device that picked the line; `short_reason` the reason of a line closed short.
 * - `task_conflicts`: an over-pick (a line picked above its quantity, `excess`, with the
 *   devices in `devices`) or a step after a supervisor's decision (`decision`: the task as
 *   the supervisor left it). One open row per task and `conflict_key`; a later step of
 *   the same kind updates it. Resolved by a supervisor with a note.
 * - `task_takeovers`: an explicit take-over, from whom (user, device) to whom.
 */
export const taskOwnership = `
alter table tasks
  add column decided_at timestamptz,
  add column decided_by text,
  add column decided_to text;

alter table task_lines
  add column done_by jsonb not null default '{}',
  add column short_reason text;

create table task_conflicts (
  id bigint generated always as identity primary key,
  warehouse_id text not null references warehouses (id),
  task_id text not null,
  kind text not null check (kind in ('over-pick', 'worked-after-decision')),
  conflict_key text not null,
  line_no integer,
  excess integer,
  op_id uuid not null,
  device_id text not null,
  user_id text not null,
  devices jsonb not null,
  decision jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by text,
  resolution_note text
);
create unique index task_conflicts_open_key on task_conflicts (warehouse_id, task_id, conflict_key) where resolved_at is null;
create index task_conflicts_open on task_conflicts (warehouse_id, created_at) where resolved_at is null;

create table task_takeovers (
  op_id uuid primary key references operations (op_id),
  warehouse_id text not null references warehouses (id),
  task_id text not null,
  from_user text,
  from_device text,
  to_user text not null,
  to_device text not null,
  taken_at timestamptz not null default now()
);
create index task_takeovers_task on task_takeovers (warehouse_id, task_id, taken_at);
`;
