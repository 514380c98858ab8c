/**
 * A smoke test of the fleet load (`npm run bench:load` measures it in full): 100
 * simulated handhelds over real HTTP sign in at once and work at the floor's pace for
 * 20 s against one server. Any failed request or step fails the test. On PostgreSQL when
 * DATABASE_URL is set (where a site's fleet runs), else on the embedded database.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFleet } from '../../bench/fleet/fleetRun';
import { addFleetUsers, fleetPlaces } from '../../bench/fleet/fleetFloor';
import { appOn, databaseKinds, seededDatabase, SMALL_MAIN, type TestDatabase } from './testServer';

const kind = databaseKinds.includes('postgres') ? 'postgres' : 'pglite';

describe(`a fleet of 100 handhelds on ${kind}`, () => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  beforeAll(async () => {
    test = await seededDatabase(kind, [SMALL_MAIN]);
    app = await appOn(test.db);
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app?.close();
    await test?.drop();
  });

  it('signs in at once and syncs for 20 s with no error, every step applied once', async () => {
    const users = await addFleetUsers(test.db, 100, SMALL_MAIN.warehouse.id);
    const figures = await runFleet({ urls: [url], devices: 100, seconds: 20, warehouseId: SMALL_MAIN.warehouse.id, users, places: fleetPlaces(SMALL_MAIN) });
    expect(figures.errors).toEqual({});
    expect(figures.signIn.n).toBe(100);
    // At the floor's pace, 100 devices in 20 s send about 600 steps and pull about 130 times.
    expect(figures.push.n).toBeGreaterThan(200);
    expect(figures.pull.n).toBeGreaterThan(60);
    // Every step the devices were told was applied is in the server's book, once.
    const [row] = await test.db.query<{ n: number }>(`select count(*)::int as n from operations where user_id like 'u-fleet-%' and status = 'applied'`);
    expect(row!.n).toBe(figures.stepsApplied);
    expect(figures.stepsApplied).toBeGreaterThan(300);
  }, 120_000);
});
