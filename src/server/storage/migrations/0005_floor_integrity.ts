/**
 * Floor integrity (issue 11): the warehouse's per-step quantity limit, deviations
 * recorded against the operations they belong to, and count reviews that settle
 * themselves when late work brings the count back inside the threshold.
 *
 * - `step_limit`: units in one step above which a step is a deviation (the device asks
 *   the worker to confirm; the server records it either way). Same bounds as the wire.
 * - `deviations`: one row per operation and kind. `on_device`: the worker confirmed it;
 *   `by_server`: the server found it from its own book; both may be true. The step was
 *   applied all the same (it physically happened); a supervisor resolves it with a note.
 * - `count_reviews`: `auto-approved` is a review the server settled itself (note says
 *   why); `recomputed_at` when late work last changed its book; `lines_at_arrival` the
 *   lines as they were when the count arrived, for the history.
 */
export const floorIntegrity = `
alter table warehouses add column step_limit integer not null default 1000 check (step_limit between 1 and 1000000);

create table deviations (
  id bigint generated always as identity primary key,
  warehouse_id text not null references warehouses (id),
  op_id uuid not null references operations (op_id),
  kind text not null check (kind in ('lot-not-in-bin', 'not-fefo', 'over-step-limit', 'empty-bin-held-stock', 'more-than-bin-holds')),
  on_device boolean not null,
  by_server boolean not null,
  bin_code text not null,
  product_id text,
  lot text,
  qty integer,
  -- The facts the server saw: the book at the step's moment, the FEFO lot, the limit.
  facts jsonb not null default '{}',
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by text,
  resolution_note text,
  unique (op_id, kind)
);
create index deviations_open on deviations (warehouse_id, created_at) where resolved_at is null;

alter table count_reviews drop constraint count_reviews_status_check;
alter table count_reviews add constraint count_reviews_status_check check (status in ('waiting', 'approved', 'rejected', 'recount', 'withdrawn', 'auto-approved'));
alter table count_reviews
  add column recomputed_at timestamptz,
  add column lines_at_arrival jsonb;
create index count_reviews_decided on count_reviews (warehouse_id, decided_at) where decided_at is not null;
`;
