import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { deviceListSchema } from '../../src/protocol/devices';
import { deviceDetailSchema } from '../../src/protocol/console';
import { apiPaths } from '../../src/protocol/paths';
import { pushResponseSchema, type PushedOperation } from '../../src/protocol/syncMessages';
import { generateWarehouse, YARD_WAREHOUSE } from '../../src/server/seed/demoWarehouse';
import { hashPin } from '../../src/server/security/pinHash';
import { appOn, databaseKinds, seededDatabase, signIn, SMALL_MAIN, type SignedIn, type TestDatabase } from './testServer';
import { countOf, DeviceOps, putawayOf, STATUS } from './syncHelpers';

// A supervisor of Main sees Main only: no route, id or device detail shows or changes Yard's data.

const main = generateWarehouse(SMALL_MAIN);
const yard = generateWarehouse(YARD_WAREHOUSE);
const untracked = (data: typeof main) => {
  const tracked = new Set(data.products.filter((p) => p.lotTracked).map((p) => p.id));
  return data.stock.find((s) => !tracked.has(s.productId) && s.qty >= 10)!;
};

describe.each(databaseKinds)('warehouse isolation on %s', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let mainSupervisor: SignedIn;
  let bothSupervisor: SignedIn;
  const ops = { mainApplied: '', mainRejected: '', yardApplied: '', yardRejected: '', yardCount: '' };
  const devices = { both: '', yardOnly: '', notInOneYet: '', yardUserNotInOneYet: '' };
  const yardIds = { task: '', flag: '', deviation: '', conflict: '' };

  async function push(device: SignedIn, warehouseId: string, operations: PushedOperation[]) {
    const response = await app.inject({ method: 'POST', url: apiPaths.syncPush, headers: device.headers, payload: { warehouseId, sentAt: new Date().toISOString(), operations } });
    expect(response.statusCode, response.body).toBe(200);
    return pushResponseSchema.parse(response.json()).results.map((r) => r.status);
  }
  async function pullWithStatus(device: SignedIn, warehouseId: string) {
    const response = await app.inject({ method: 'POST', url: apiPaths.syncPull, headers: device.headers, payload: { warehouseId, cursor: null, limit: 1, status: STATUS } });
    expect(response.statusCode, response.body).toBe(200);
  }
  async function addUser(id: string, role: string, jobs: string[], pin: string, warehouseIds: string[]) {
    await test.db.query('insert into users (id, username, display_name, role, jobs, pin_hash) values ($1, $1, $1, $2, $3::text[], $4)', [id, role, jobs, await hashPin(pin)]);
    for (const w of warehouseIds) await test.db.query('insert into user_warehouses (user_id, warehouse_id) values ($1, $2)', [id, w]);
  }

  beforeAll(async () => {
    test = await seededDatabase(kind, [SMALL_MAIN, YARD_WAREHOUSE]);
    app = await appOn(test.db, { signInRatePerMinute: 1000 });
    await addUser('supermain', 'supervisor', [], '4444', ['wh-main']);
    await addUser('floater', 'worker', ['pick', 'putaway', 'count'], '5555', ['wh-main', 'wh-yard']);
    await addUser('yardhand', 'worker', ['putaway'], '6666', ['wh-yard']);
    mainSupervisor = await signIn(app, 'supermain', '4444');
    bothSupervisor = await signIn(app, 'super1', '9999');

    // One handheld works in Main, then in Yard: an applied and a rejected step in each.
    const both = await signIn(app, 'floater', '5555');
    devices.both = both.deviceId;
    const bothOps = new DeviceOps('floater');
    const [m1, m2] = [bothOps.next(putawayOf(untracked(main).binCode, untracked(main).productId, 2)), bothOps.next(putawayOf('Z-99-99-9', untracked(main).productId, 1))];
    await pullWithStatus(both, 'wh-main');
    expect(await push(both, 'wh-main', [m1, m2])).toEqual(['applied', 'rejected']);
    const yardLine = untracked(yard);
    const [y1, y2] = [bothOps.next(putawayOf(yardLine.binCode, yardLine.productId, 3)), bothOps.next(putawayOf('Z-99-99-9', yardLine.productId, 1))];
    await pullWithStatus(both, 'wh-yard');
    expect(await push(both, 'wh-yard', [y1, y2])).toEqual(['applied', 'rejected']);
    Object.assign(ops, { mainApplied: m1.opId, mainRejected: m2.opId, yardApplied: y1.opId, yardRejected: y2.opId });

    // Another only ever in Yard, with a count far off the book that waits for a supervisor.
    const yardOnly = await signIn(app, 'floater', '5555');
    devices.yardOnly = yardOnly.deviceId;
    const yardOps = new DeviceOps('floater');
    const count = yardOps.next(countOf(yardLine.binCode, new Date(), [{ productId: yardLine.productId, counted: 0 }]));
    await pullWithStatus(yardOnly, 'wh-yard');
    expect(await push(yardOnly, 'wh-yard', [count])).toEqual(['review']);
    ops.yardCount = count.opId;

    // Signed in, no warehouse chosen yet: one whose user works in Main, one whose user works only in Yard.
    devices.notInOneYet = (await signIn(app, 'floater', '5555')).deviceId;
    devices.yardUserNotInOneYet = (await signIn(app, 'yardhand', '6666')).deviceId;

    // Yard's own things a supervisor settles: a task, a flag, a deviation, a task conflict.
    yardIds.task = yard.tasks.find((t) => t.status === 'open' && t.assignedTo === null)!.id;
    const [flag] = await test.db.query<{ id: string }>(`insert into stock_flags (warehouse_id, kind, bin_code, op_id) values ('wh-yard', 'count-requested', $1, $2) returning id::text`, [yardLine.binCode, y1.opId]);
    const [deviation] = await test.db.query<{ id: string }>(
      `insert into deviations (warehouse_id, op_id, kind, on_device, by_server, bin_code, product_id, qty) values ('wh-yard', $1, 'over-step-limit', true, false, $2, $3, 3) returning id::text`,
      [y1.opId, yardLine.binCode, yardLine.productId],
    );
    const [conflict] = await test.db.query<{ id: string }>(
      `insert into task_conflicts (warehouse_id, task_id, kind, conflict_key, op_id, device_id, user_id, devices) values ('wh-yard', $1, 'worked-after-decision', $2, $3, $2, 'floater', '[]') returning id::text`,
      [yardIds.task, devices.both, y1.opId],
    );
    Object.assign(yardIds, { flag: flag!.id, deviation: deviation!.id, conflict: conflict!.id });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  const get = (who: SignedIn, url: string) => app.inject({ method: 'GET', url, headers: who.headers });
  const post = (who: SignedIn, url: string, payload: object) => app.inject({ method: 'POST', url, headers: who.headers, payload });

  it('lists the devices that worked in Main, one now in Yard as last seen in Main, and none only ever in Yard', async () => {
    const { devices: list } = deviceListSchema.parse((await get(mainSupervisor, apiPaths.supervisorDevices)).json());
    const byId = new Map(list.map((d) => [d.deviceId, d]));
    expect(byId.has(devices.yardOnly)).toBe(false);
    expect(byId.has(devices.yardUserNotInOneYet)).toBe(false);
    expect(byId.get(devices.notInOneYet)).toMatchObject({ warehouseId: null, username: 'floater' });
    expect(byId.get(devices.both)).toMatchObject({ warehouseId: 'wh-main', username: null, status: null, rejectedOpen: 1 });
    // A supervisor of both sees it where it is now, with every rejected step.
    const { devices: all } = deviceListSchema.parse((await get(bothSupervisor, apiPaths.supervisorDevices)).json());
    expect(all.find((d) => d.deviceId === devices.both)).toMatchObject({ warehouseId: 'wh-yard', username: 'floater', rejectedOpen: 2 });
    expect(all.some((d) => d.deviceId === devices.yardOnly)).toBe(true);
  });

  it('shows a device\'s detail with its Main steps and syncs only, and a device only ever in Yard as not found', async () => {
    const detail = deviceDetailSchema.parse((await get(mainSupervisor, apiPaths.deviceDetail(devices.both))).json());
    expect(detail.operations.map((o) => o.opId).sort()).toEqual([ops.mainApplied, ops.mainRejected].sort());
    expect(detail.rejected.map((o) => o.opId)).toEqual([ops.mainRejected]);
    expect(detail.syncs).toHaveLength(1);
    const everything = deviceDetailSchema.parse((await get(bothSupervisor, apiPaths.deviceDetail(devices.both))).json());
    expect(everything.operations).toHaveLength(4);
    expect(everything.syncs).toHaveLength(2);
    for (const deviceId of [devices.yardOnly, devices.yardUserNotInOneYet]) {
      const response = await get(mainSupervisor, apiPaths.deviceDetail(deviceId));
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: { reason: 'not-found' } });
    }
  });

  /** What a refused request must leave as it was. */
  const snapshot = () =>
    test.db.query(
      `select (select json_agg(json_build_object('op', op_id, 'status', status, 'resolved', resolved_at) order by op_id) from operations) as operations,
              (select json_agg(json_build_object('task', id, 'to', assigned_to, 'status', status) order by warehouse_id, id) from tasks) as tasks,
              (select json_agg(status order by op_id) from count_reviews) as reviews,
              (select json_agg(resolved_at order by id) from stock_flags) as flags,
              (select json_agg(resolved_at order by id) from deviations) as deviations,
              (select json_agg(resolved_at order by id) from task_conflicts) as conflicts,
              (select count(*) from stock_balances) as balances, (select count(*) from products) as products`,
    );

  it('refuses every console route of a warehouse the supervisor does not work in, changing nothing', async () => {
    const before = await snapshot();
    const yardRoute = (rest: string) => apiPaths.console('wh-yard', rest);
    const note = { note: 'settled' };
    const requests: [string, string, object | null][] = [
      ['GET', yardRoute('activity'), null],
      ['GET', yardRoute('chart'), null],
      ['GET', yardRoute('rejected'), null],
      ['POST', yardRoute(`rejected/${ops.yardRejected}/resolve`), note],
      ['GET', yardRoute('exceptions'), null],
      ['POST', yardRoute(`flags/${yardIds.flag}/resolve`), note],
      ['POST', yardRoute(`task-conflicts/${yardIds.conflict}/resolve`), note],
      ['GET', yardRoute('deviations'), null],
      ['POST', yardRoute(`deviations/${yardIds.deviation}/resolve`), note],
      ['GET', apiPaths.countReviews('wh-yard'), null],
      ['GET', yardRoute('count-reviews-history'), null],
      ['POST', apiPaths.countReviewDecision('wh-yard', ops.yardCount), { decision: 'approve' }],
      ['POST', yardRoute('count-reviews-bulk'), { opIds: [ops.yardCount], decision: 'approve' }],
      ['GET', yardRoute('tasks'), null],
      ['POST', yardRoute('tasks'), { kind: 'count', reference: 'Sneaky', assignedTo: null, bins: [untracked(yard).binCode] }],
      ['POST', yardRoute('tasks-csv'), { kind: 'pick', csv: `order,sku,qty\nSO-1,${yard.products[0]!.sku},1`, assignedTo: null, mode: 'all' }],
      ['POST', yardRoute(`tasks/${yardIds.task}/assign`), { assignedTo: 'floater' }],
      ['GET', yardRoute('people'), null],
      ['POST', yardRoute('import'), { kind: 'bins', csv: 'code,zone,aisle,walk_seq\nQ-01-01-1,Q,01,1', mode: 'all' }],
      ['GET', yardRoute('export/stock.csv'), null],
      ['GET', yardRoute('export/ledger.csv'), null],
    ];
    for (const [method, url, payload] of requests) {
      const response = method === 'GET' ? await get(mainSupervisor, url) : await post(mainSupervisor, url, payload!);
      expect(response.statusCode, `${method} ${url}`).toBe(403);
      expect(response.json(), `${method} ${url}`).toMatchObject({ error: { reason: 'forbidden', message: 'You do not work in warehouse wh-yard.' } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses Yard\'s ids sent through Main\'s routes as not found in Main, changing nothing', async () => {
    const before = await snapshot();
    const mainRoute = (rest: string) => apiPaths.console('wh-main', rest);
    const note = { note: 'settled' };
    const requests: [string, object][] = [
      [mainRoute(`rejected/${ops.yardRejected}/resolve`), note],
      [mainRoute(`flags/${yardIds.flag}/resolve`), note],
      [mainRoute(`task-conflicts/${yardIds.conflict}/resolve`), note],
      [mainRoute(`deviations/${yardIds.deviation}/resolve`), note],
      [apiPaths.countReviewDecision('wh-main', ops.yardCount), { decision: 'approve' }],
      [mainRoute(`tasks/${yardIds.task}/assign`), { assignedTo: 'floater' }],
    ];
    for (const [url, payload] of requests) {
      const response = await post(mainSupervisor, url, payload);
      expect(response.statusCode, url).toBe(404);
      expect(response.json(), url).toMatchObject({ error: { reason: 'not-found' } });
    }
    // A selection decided at once names the Yard count as failed, and decides nothing.
    const bulk = await post(mainSupervisor, mainRoute('count-reviews-bulk'), { opIds: [ops.yardCount], decision: 'approve' });
    expect(bulk.json()).toMatchObject({ decided: [], failed: [{ opId: ops.yardCount }] });
    // Yard's products, bins and people are not Main's to use in a task.
    const yardSku = yard.products.find((p) => !main.products.some((m) => m.sku === p.sku))?.sku;
    const yardBin = yard.bins.find((b) => !main.bins.some((m) => m.code === b.code))?.code;
    expect(yardSku && yardBin).toBeTruthy();
    expect((await post(mainSupervisor, mainRoute('tasks'), { kind: 'pick', reference: 'Yard SKU', assignedTo: null, lines: [{ sku: yardSku, qty: 1 }] })).statusCode).toBe(422);
    expect((await post(mainSupervisor, mainRoute('tasks'), { kind: 'count', reference: 'Yard bin', assignedTo: null, bins: [yardBin] })).statusCode).toBe(422);
    expect((await post(mainSupervisor, mainRoute('tasks'), { kind: 'count', reference: 'Yard person', assignedTo: 'yardhand', bins: [untracked(main).binCode] })).statusCode).toBe(422);
    const activity = await get(mainSupervisor, `${mainRoute('activity')}?device=${devices.yardOnly}`);
    expect(activity.json()).toEqual({ entries: [] });
    const people = await get(mainSupervisor, mainRoute('people'));
    expect(people.json<{ people: { username: string }[] }>().people.map((p) => p.username)).not.toContain('yardhand');
    expect(await snapshot()).toEqual(before);
  });

  it('lets a supervisor of Yard settle the same ids: they were real, only not Main\'s', async () => {
    const yardRoute = (rest: string) => apiPaths.console('wh-yard', rest);
    const note = { note: 'settled' };
    expect((await post(bothSupervisor, yardRoute(`rejected/${ops.yardRejected}/resolve`), note)).statusCode).toBe(204);
    expect((await post(bothSupervisor, yardRoute(`flags/${yardIds.flag}/resolve`), note)).statusCode).toBe(204);
    expect((await post(bothSupervisor, yardRoute(`task-conflicts/${yardIds.conflict}/resolve`), note)).statusCode).toBe(204);
    expect((await post(bothSupervisor, yardRoute(`deviations/${yardIds.deviation}/resolve`), note)).statusCode).toBe(204);
    expect((await post(bothSupervisor, apiPaths.countReviewDecision('wh-yard', ops.yardCount), { decision: 'reject' })).statusCode).toBe(204);
    expect((await post(bothSupervisor, yardRoute(`tasks/${yardIds.task}/assign`), { assignedTo: 'floater' })).statusCode).toBe(204);
  });
});
