/**
 * The change clock's history: one random token for every clock value a warehouse
 * takes (written in the statement that takes it, changeClock.ts). A device's pull
 * cursor carries a clock value with its token; a server restored from a backup that
 * has since reused that clock value has another token there, so the device is told
 * to download again however far the clock went after the restore (pullCursor.ts).
 *
 * What a restore brings back is this table as it was with the rest of the data (a
 * pg_dump restored into a fresh database, a copied PGlite folder): the tokens of the
 * values after the backup are gone, and the values taken again get new ones.
 *
 * Rows are small (about 50 bytes with the index) and only ever added; old ones may be
 * deleted (a cursor older than the oldest row kept is reset).
 */
export const changeHistory = `
create table change_history (
  warehouse_id text not null,
  clock bigint not null,
  token bigint not null,
  primary key (warehouse_id, clock)
);
-- Each warehouse's present clock gets its token now, so cursors given from here on carry one.
insert into change_history (warehouse_id, clock, token)
  select id, change_clock, floor(random() * 281474976710655)::bigint + 1 from warehouses;
`;
