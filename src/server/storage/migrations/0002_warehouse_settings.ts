/**
 * Warehouse settings for the floor: blind counting and the recount threshold (both
 * limits must be passed for a recount). Defaults match the domain's defaults.
 */
export const warehouseSettings = `
alter table warehouses
  add column blind_count boolean not null default true,
  add column recount_units integer not null default 2 check (recount_units >= 0),
  add column recount_percent numeric(6, 2) not null default 5 check (recount_percent >= 0);
`;
