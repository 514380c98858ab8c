/**
 * Issue 14 on PGlite and PostgreSQL: tasks have a due time, made by hand, by an ERP
 * through the same route, or from a CSV's `due` column (read on the warehouse's clocks;
 * a bad one is a row report and nothing is made); devices download and pull it. Tasks
 * carry the name of the device working on them, and a rename reaches other devices on
 * their next pull; a device of another warehouse, and its name, stay there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { apiPaths } from '../../src/protocol/paths';
import { createdTasksSchema, taskSummaryListSchema } from '../../src/protocol/console';
import { pullResponseSchema, type PullResponse } from '../../src/protocol/syncMessages';
import { taskSchema } from '../../src/protocol/catalog';
import { floorDate } from '../../src/domain/floor/floorDate';
import { migrations } from '../../src/server/storage/migrations';
import { runUserCommand } from '../../src/server/commands/userCommand';
import { YARD_WAREHOUSE } from '../../src/server/seed/demoWarehouse';
import { appOn, databaseKinds, seededDatabase, signIn, SMALL_MAIN, type SignedIn, type TestDatabase } from './testServer';
import { DeviceOps, floorOfSmallMain, manifestCursor, pull, pullAll, push, STATUS } from './syncHelpers';

const MAIN = 'wh-main';
const ZONE = 'Asia/Shanghai';
const floor = floorOfSmallMain();
const sku = floor.data.products.find((p) => p.id === floor.line.productId)!.sku;
/** Tomorrow on the floor in Shanghai, and a time then as the warehouse writes it and as the instant it is. */
const tomorrow = floorDate(Date.now() + 86_400_000, ZONE);
const at = (hhmm: string) => new Date(`${tomorrow}T${hhmm}:00+08:00`).toISOString();

describe.each(databaseKinds)('task due times and device names on %s', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let supervisor: SignedIn;
  let yardSupervisor: SignedIn;
  let picker: SignedIn;
  let watcher: SignedIn;
  let watcherCursor: string;

  const as = (who: SignedIn, method: 'GET' | 'POST', url: string, payload?: unknown) => app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const url = (rest: string) => apiPaths.console(MAIN, rest);
  const taskCount = async () => (await test.db.query<{ n: number }>('select count(*)::int as n from tasks'))[0]!.n;
  const listed = async (reference: string) => taskSummaryListSchema.parse((await as(supervisor, 'GET', url('tasks'))).json()).tasks.find((t) => t.reference === reference);
  const pullIn = async (who: SignedIn, warehouseId: string, cursor: string | null): Promise<Extract<PullResponse, { kind: 'changes' }>> => {
    const answer = await app.inject({ method: 'POST', url: '/api/sync/pull', headers: who.headers, payload: { warehouseId, cursor, status: STATUS } });
    expect(answer.statusCode, answer.body).toBe(200);
    const page = pullResponseSchema.parse(answer.json());
    if (page.kind !== 'changes') throw new Error('unexpected reset');
    return page;
  };

  beforeAll(async () => {
    test = await seededDatabase(kind, [SMALL_MAIN, { ...YARD_WAREHOUSE, products: 20 }]);
    await test.db.query('update warehouses set time_zone = $1', [ZONE]);
    app = await appOn(test.db, { signInRatePerMinute: 10_000 });
    const command = (args: string[]) => runUserCommand(test.db, args, { out: () => undefined, readPin: async () => '' });
    await command(['add', 'superyard', '--name', 'Yard Supervisor', '--role', 'supervisor', '--warehouses', 'YARD', '--pin', '4826']);
    supervisor = await signIn(app, 'super1', '9999');
    yardSupervisor = await signIn(app, 'superyard', '4826');
    picker = await signIn(app, 'picker1', '1111');
    watcher = await signIn(app, 'picker1', '1111');
    await pull(app, picker, await manifestCursor(app, picker));
    watcherCursor = await manifestCursor(app, watcher);
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it('migrates: tasks get a nullable due_at, and the demo’s pick lists are due over the shift from the seed’s clock', async () => {
    const [column] = await test.db.query<{ type: string; nullable: string }>(`select data_type as type, is_nullable as nullable from information_schema.columns where table_name = 'tasks' and column_name = 'due_at'`);
    expect(column).toEqual({ type: 'timestamp with time zone', nullable: 'YES' });
    const [version] = await test.db.query<{ v: number }>('select max(version)::int as v from schema_migrations');
    expect(version?.v).toBe(migrations.at(-1)!.version);
    const seeded = await test.db.query<{ kind: string; due: Date | null }>(`select kind, due_at as due from tasks where warehouse_id = $1`, [MAIN]);
    const picks = seeded.filter((t) => t.kind === 'pick');
    expect(picks.length).toBeGreaterThan(0);
    const now = Date.now();
    for (const { due } of picks) {
      expect(due).not.toBeNull();
      const ms = new Date(due!).getTime();
      // Seeded moments ago: due from a quarter hour to a little over eight hours on, on the quarter hour.
      expect(ms).toBeGreaterThan(now);
      expect(ms).toBeLessThan(now + 8.5 * 3_600_000);
      expect(ms % (15 * 60_000)).toBe(0);
    }
    expect(new Set(picks.map((p) => new Date(p.due!).getTime())).size).toBeGreaterThan(1);
    expect(seeded.filter((t) => t.kind !== 'pick').every((t) => t.due === null)).toBe(true);
  });

  it('makes a task by hand (or by an ERP) due on the warehouse’s clocks; devices download and pull it', async () => {
    const made = await as(supervisor, 'POST', url('tasks'), { kind: 'pick', reference: 'SO-DUE-1', assignedTo: 'picker1', due: `${tomorrow} 14:30`, lines: [{ sku, qty: 1 }] });
    expect(made.statusCode, made.body).toBe(201);
    const erp = await as(supervisor, 'POST', url('tasks'), { kind: 'putaway', reference: 'PO-DUE-1', assignedTo: null, due: at('09:15').replace('.000Z', 'Z'), lines: [{ sku, qty: 1 }] });
    expect(erp.statusCode, erp.body).toBe(201);
    const none = await as(supervisor, 'POST', url('tasks'), { kind: 'count', reference: 'CT-NO-DUE', assignedTo: null, due: '', zone: floor.data.bins[0]!.zone });
    expect(none.statusCode, none.body).toBe(201);
    expect((await listed('SO-DUE-1'))?.dueAt).toBe(at('14:30'));
    expect((await listed('PO-DUE-1'))?.dueAt).toBe(at('09:15'));
    expect((await listed('CT-NO-DUE'))?.dueAt).toBeNull();

    const pulled = await pullAll(app, watcher, watcherCursor);
    const task = pulled.tasks.find((t) => t.reference === 'SO-DUE-1');
    expect(task).toMatchObject({ dueAt: at('14:30'), workedOnDeviceName: null });
    const page = await as(picker, 'GET', `${apiPaths.downloadPage(MAIN, 'tasks')}?limit=500`);
    const downloaded = (page.json() as { items: unknown[] }).items.map((item) => taskSchema.parse(item));
    expect(downloaded.find((t) => t.reference === 'SO-DUE-1')?.dueAt).toBe(at('14:30'));
    expect(downloaded.filter((t) => t.kind === 'pick').every((t) => t.dueAt !== null)).toBe(true);
    watcherCursor = pulled.cursor;
  });

  it('refuses a bad due time by hand with its reason, making nothing', async () => {
    const before = await taskCount();
    const cases: [unknown, number, RegExp][] = [
      ['tomorrow', 422, /"tomorrow" is not a due time: write the warehouse’s date and time as/],
      [`${tomorrow} 25:00`, 422, /names a time the clock does not have/],
      ['2026-02-30 10:00', 422, /names a day the calendar does not have/],
      ['2099-05-01 10:00', 422, /days from now; a due time is within 366 days/],
      ['+275760-09-13T00:00:00Z', 422, /is not a due time/],
      // Refused at the door, like every control character the server is sent.
      [`${tomorrow} 14:30\u0000`, 400, /due: holds a NUL character/],
      ['9'.repeat(100_000), 400, /due/],
      [1_700_000_000_000, 400, /due/],
    ];
    for (const [due, status, words] of cases) {
      const answer = await as(supervisor, 'POST', url('tasks'), { kind: 'pick', reference: 'SO-BAD-DUE', assignedTo: null, due, lines: [{ sku, qty: 1 }] });
      expect(answer.statusCode, String(due).slice(0, 40)).toBe(status);
      expect(answer.json().error.message).toMatch(words);
      // A reason a person reads, not the whole of what was sent back at them.
      expect(answer.body.length).toBeLessThan(2_000);
    }
    expect(await taskCount()).toBe(before);
  });

  it('reads a CSV’s due column; a bad due is reported by line and column, and nothing is imported', async () => {
    const csv = [`order,sku,qty,due`, `SO-CSV-D1,${sku},1,${tomorrow} 16:00`, `SO-CSV-D1,${sku},1,`, `SO-CSV-D2,${sku},1,${at('11:00')}`, `SO-CSV-D3,${sku},1,`].join('\n');
    const before = await taskCount();
    const bad = csv.replace(`${tomorrow} 16:00`, `${tomorrow.slice(0, 8)}32 16:00`) + `\nSO-CSV-D4,${sku},1,${'9'.repeat(50_000)}\nSO-CSV-D2,${sku},1,${tomorrow} 12:00\n`;
    const refused = await as(supervisor, 'POST', url('tasks-csv'), { kind: 'pick', csv: bad, assignedTo: null, mode: 'all' });
    expect(refused.statusCode).toBe(200);
    const report = createdTasksSchema.parse(refused.json());
    expect(report.tasks).toEqual([]);
    expect(report.problems).toEqual([
      { line: 2, column: 'due', message: expect.stringContaining('names a day the calendar does not have') },
      { line: 6, column: 'due', message: expect.stringMatching(/^The due time is 50000 characters long/) },
      { line: 7, column: 'due', message: expect.stringContaining('order SO-CSV-D2 is due') },
    ]);
    expect(report.problems.every((p) => p.message.length < 300)).toBe(true);
    expect(await taskCount()).toBe(before);

    const made = await as(supervisor, 'POST', url('tasks-csv'), { kind: 'pick', csv, assignedTo: null, mode: 'all' });
    expect(made.statusCode, made.body).toBe(201);
    expect(createdTasksSchema.parse(made.json()).tasks.map((t) => t.reference)).toEqual(['SO-CSV-D1', 'SO-CSV-D2', 'SO-CSV-D3']);
    expect((await listed('SO-CSV-D1'))?.dueAt).toBe(at('16:00'));
    expect((await listed('SO-CSV-D2'))?.dueAt).toBe(at('11:00'));
    expect((await listed('SO-CSV-D3'))?.dueAt).toBeNull();
    // A receipt without the column is as before.
    const receipt = await as(supervisor, 'POST', url('tasks-csv'), { kind: 'putaway', csv: `receipt,sku,qty\nPO-CSV-D1,${sku},2\n`, assignedTo: null, mode: 'all' });
    expect(receipt.statusCode, receipt.body).toBe(201);
    expect((await listed('PO-CSV-D1'))?.dueAt).toBeNull();
  });

  it('sends the name of the device working on a task; a rename reaches the other devices on their next pull', async () => {
    const ops = new DeviceOps(picker.body.user.id);
    const taken = await push(app, picker, [ops.next({ type: 'task-taken', taskId: floor.pickList.id, takeOver: false })]);
    expect(taken.results[0]?.status).toBe('applied');
    const first = await pullAll(app, watcher, watcherCursor);
    expect(first.tasks.find((t) => t.id === floor.pickList.id)).toMatchObject({ workedOnDevice: picker.deviceId, workedOnDeviceName: null });

    const renamed = await as(supervisor, 'POST', apiPaths.deviceName(MAIN, picker.deviceId), { name: "Pat's scanner 2" });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const after = await pullAll(app, watcher, first.cursor);
    // Only the tasks that name the device come again, with its new name.
    expect(after.tasks.map((t) => t.id)).toEqual([floor.pickList.id]);
    expect(after.tasks[0]).toMatchObject({ workedOnDevice: picker.deviceId, workedOnDeviceName: "Pat's scanner 2" });
    // The console's list has the same field.
    expect((await listed(floor.pickList.reference))?.workedOnDeviceName).toBe("Pat's scanner 2");
    // A second pull has nothing more; a rename to the same name touches nothing.
    expect((await pullAll(app, watcher, after.cursor)).tasks).toEqual([]);
    await as(supervisor, 'POST', apiPaths.deviceName(MAIN, picker.deviceId), { name: "Pat's scanner 2" });
    expect((await pullAll(app, watcher, after.cursor)).tasks).toEqual([]);
    watcherCursor = after.cursor;
  });

  it('keeps another warehouse’s device and its name there: its rename reaches none of this warehouse’s pulls', async () => {
    const yardDevice = await signIn(app, 'super1', '9999');
    // The device works in the yard: it downloads the yard's data.
    expect((await as(yardDevice, 'GET', apiPaths.downloadManifest('wh-yard'))).statusCode).toBe(200);
    const yardTask = 'YARD-PL-1001';
    const pushed = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: yardDevice.headers,
      payload: { warehouseId: 'wh-yard', sentAt: new Date().toISOString(), operations: [new DeviceOps(yardDevice.body.user.id).next({ type: 'task-taken', taskId: yardTask, takeOver: false })] },
    });
    expect(pushed.statusCode, pushed.body).toBe(200);
    const [mainClock] = await test.db.query<{ clock: string }>('select change_clock::text as clock from warehouses where id = $1', [MAIN]);
    const renamed = await as(yardSupervisor, 'POST', apiPaths.deviceName('wh-yard', yardDevice.deviceId), { name: 'Yard secret 7' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    // The rename took the yard's clock only; MAIN's devices pull nothing of it.
    const [mainAfter] = await test.db.query<{ clock: string }>('select change_clock::text as clock from warehouses where id = $1', [MAIN]);
    expect(mainAfter!.clock).toBe(mainClock!.clock);
    const main = await pullAll(app, watcher, watcherCursor);
    expect(main.tasks).toEqual([]);
    expect(JSON.stringify(main.pages)).not.toContain('Yard secret 7');
    // A MAIN supervisor cannot rename it, and a device of MAIN asking for the yard's feed is refused.
    expect((await as(supervisor, 'POST', apiPaths.deviceName(MAIN, yardDevice.deviceId), { name: 'Mine' })).statusCode).toBe(404);
    const foreign = await app.inject({ method: 'POST', url: '/api/sync/pull', headers: watcher.headers, payload: { warehouseId: 'wh-yard', cursor: null, status: STATUS } });
    expect(foreign.statusCode).toBe(403);
    // Where it works, the yard's devices see it by its name.
    const yard = await pullIn(yardSupervisor, 'wh-yard', null);
    expect(yard.tasks.find((t) => t.id === yardTask)).toMatchObject({ workedOnDevice: yardDevice.deviceId, workedOnDeviceName: 'Yard secret 7' });
    expect(JSON.stringify(yard)).not.toContain("Pat's scanner 2");
  });
});
