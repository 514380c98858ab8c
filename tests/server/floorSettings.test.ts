/**
 * The warehouse's floor settings and its devices' names in the console (issue 14), on
 * PGlite and PostgreSQL: a supervisor reads and saves the settings; each change is
 * audited (who, when, before and after) and pulled by devices; bad input is a 400 saying
 * what to type, with nothing saved; a double submit saves once; a save made on settings
 * someone changed since is refused; a supervisor of another warehouse reaches nothing.
 * Devices get names shown wherever the console lists them. The server judges expiry by
 * the day in the warehouse's time zone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { apiPaths } from '../../src/protocol/paths';
import { settingsViewSchema, warehouseChangeListSchema, type SettingsView } from '../../src/protocol/warehouseSettings';
import { deviceListSchema } from '../../src/protocol/devices';
import { activityListSchema, deviationListSchema } from '../../src/protocol/console';
import { localTimeZone } from '../../src/domain/floor/floorDate';
import { YARD_WAREHOUSE } from '../../src/server/seed/demoWarehouse';
import { runUserCommand } from '../../src/server/commands/userCommand';
import type { Task } from '../../src/domain/tasks/task';
import { appOn, createTestDatabase, databaseKinds, seededDatabase, signIn, SMALL_MAIN, type SignedIn, type TestDatabase } from './testServer';
import { migrate } from '../../src/server/storage/migrate';
import { migrations } from '../../src/server/storage/migrations';
import { DeviceOps, floorOfSmallMain, manifestCursor, pickOf, pull, push, putawayOf } from './syncHelpers';

const floor = floorOfSmallMain();
const MAIN = 'wh-main';

describe.each(databaseKinds)('warehouse settings and device names on %s', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let supervisor: SignedIn;
  let other: SignedIn;
  let yardSupervisor: SignedIn;
  let picker: SignedIn;

  const as = (who: SignedIn, method: 'GET' | 'POST', url: string, payload?: unknown) => app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const settingsUrl = (warehouseId = MAIN) => apiPaths.console(warehouseId, 'settings');
  const view = async (who = supervisor): Promise<SettingsView> => {
    const answer = await as(who, 'GET', settingsUrl());
    expect(answer.statusCode, answer.body).toBe(200);
    return settingsViewSchema.parse(answer.json());
  };
  const save = (who: SignedIn, body: Record<string, unknown>, warehouseId = MAIN) => as(who, 'POST', settingsUrl(warehouseId), body);
  /** Everything a refused request must leave as it was. */
  const snapshot = async () => ({
    warehouses: await test.db.query('select id, blind_count, recount_units, recount_percent::text, step_limit, time_zone, settings_version, change_clock::text from warehouses order by id'),
    devices: await test.db.query('select device_id, name from devices order by device_id'),
    audit: await test.db.query('select id::text from warehouse_changes order by id'),
  });

  beforeAll(async () => {
    test = await seededDatabase(kind, [SMALL_MAIN, { ...YARD_WAREHOUSE, products: 20 }]);
    app = await appOn(test.db, { signInRatePerMinute: 10_000 });
    const command = (args: string[]) => runUserCommand(test.db, args, { out: () => undefined, readPin: async () => '' });
    await command(['add', 'supermain2', '--name', 'Second Supervisor', '--role', 'supervisor', '--warehouses', 'MAIN', '--pin', '4826']);
    await command(['add', 'superyard', '--name', 'Yard Supervisor', '--role', 'supervisor', '--warehouses', 'YARD', '--pin', '4826']);
    supervisor = await signIn(app, 'super1', '9999');
    other = await signIn(app, 'supermain2', '4826');
    yardSupervisor = await signIn(app, 'superyard', '4826');
    picker = await signIn(app, 'picker1', '1111');
    // The picker's device syncs once: it is now a device of MAIN.
    await pull(app, picker, await manifestCursor(app, picker));
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it('shows the settings with their version, the server’s zone as the demo’s, and no changes yet', async () => {
    const shown = await view();
    expect(shown.settings).toEqual({ blindCount: true, recountThreshold: { units: 2, percent: 5 }, stepLimit: 1000, timeZone: localTimeZone() });
    expect(shown.version).toBe(1);
    expect(shown.serverTimeZone).toBe(localTimeZone());
    expect(shown.changes).toEqual([]);
  });

  it('saves a change whole, audits who changed what from what, and devices pull it at their next sync', async () => {
    const cursor = await manifestCursor(app, picker);
    const clockBefore = (await snapshot()).warehouses.find((w) => (w as { id: string }).id === MAIN) as { change_clock: string };
    const answer = await save(supervisor, { version: 1, blindCount: false, recountUnits: 3, recountPercent: 7.5, stepLimit: 400, timeZone: 'asia/shanghai' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toEqual({ changed: true });
    const shown = await view(other);
    expect(shown.settings).toEqual({ blindCount: false, recountThreshold: { units: 3, percent: 7.5 }, stepLimit: 400, timeZone: 'Asia/Shanghai' });
    expect(shown.version).toBe(2);
    expect(shown.changes).toHaveLength(1);
    expect(shown.changes[0]).toMatchObject({
      actorName: 'super1',
      subject: 'settings',
      deviceId: null,
      changes: { blindCount: { from: true, to: false }, recountUnits: { from: 2, to: 3 }, recountPercent: { from: 5, to: 7.5 }, stepLimit: { from: 1000, to: 400 }, timeZone: { from: localTimeZone(), to: 'Asia/Shanghai' } },
    });
    // The save took the warehouse's change clock, as every write devices pull does.
    const clockAfter = (await snapshot()).warehouses.find((w) => (w as { id: string }).id === MAIN) as { change_clock: string };
    expect(BigInt(clockAfter.change_clock)).toBeGreaterThan(BigInt(clockBefore.change_clock));
    const page = await pull(app, picker, cursor);
    expect(page.kind === 'changes' && page.settings).toEqual(shown.settings);
    // And a device downloading the warehouse afresh gets them too.
    const manifest = (await as(picker, 'GET', apiPaths.downloadManifest(MAIN))).json<{ settings: unknown }>();
    expect(manifest.settings).toEqual(shown.settings);
  });

  it('saves a double submit once: the repeat changes nothing and is answered so', async () => {
    const { version } = await view();
    const body = { version, stepLimit: 450 };
    const [first, second] = [await save(supervisor, body), await save(supervisor, body)];
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect([first.json(), second.json()]).toEqual([{ changed: true }, { changed: false }]);
    const shown = await view();
    expect(shown.version).toBe(version + 1);
    expect(shown.changes.filter((c) => c.changes.stepLimit?.to === 450)).toHaveLength(1);
  });

  it('refuses a save made on settings another supervisor changed since, saying who; both saves of the same at once take one', async () => {
    const { version } = await view();
    expect((await save(other, { version, recountUnits: 5 })).json()).toEqual({ changed: true });
    const before = await snapshot();
    const stale = await save(supervisor, { version, recountUnits: 6 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/changed by supermain2 at .* after you opened them/);
    expect(await snapshot()).toEqual(before);
    // A stale save that asks for what is already there changes nothing and is not refused.
    expect((await save(supervisor, { version, recountUnits: 5 })).json()).toEqual({ changed: false });
    // Two saves on one version at once: one applies, the other is refused; nothing is lost unseen.
    const now = (await view()).version;
    const answers = await Promise.all([save(supervisor, { version: now, stepLimit: 300 }), save(other, { version: now, stepLimit: 350 })]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const after = await view();
    expect(after.version).toBe(now + 1);
    expect([300, 350]).toContain(after.settings.stepLimit);
  });

  it('answers bad input with a 400 saying what to type, and saves nothing of it', async () => {
    const { version } = await view();
    const before = await snapshot();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ version, recountUnits: -1 }, /Recount threshold \(units\): "-1" is not a whole number from 0 to 1,000,000/],
      [{ version, stepLimit: 0 }, /Per-step quantity limit: "0" is not a whole number from 1 to 1,000,000/],
      [{ version, stepLimit: 1_000_001 }, /Per-step quantity limit: "1000001"/],
      [{ version, recountPercent: 100.5 }, /Recount threshold \(percent\): "100.5" is not a number from 0 to 100/],
      [{ version, timeZone: 'Mars/Olympus_Mons' }, /Time zone: "Mars\/Olympus_Mons" is not a time zone this server knows/],
      [{ version, timeZone: '+08:00' }, /not a time zone/],
      // One good setting beside a bad one: nothing of the save applies.
      [{ version, blindCount: true, stepLimit: 2.5 }, /Nothing was saved.*Per-step quantity limit: "2.5"/],
      [{ version, stepLimit: '500' }, /stepLimit/],
      [{ version, blindCount: 'yes' }, /blindCount/],
      [{ version, colour: 'red' }, /colour|Unrecognized/i],
      [{ stepLimit: 500 }, /version/],
      [{ version: 0, stepLimit: 500 }, /version/],
      [{ version, timeZone: 'A'.repeat(65) }, /timeZone/],
    ];
    for (const [body, reason] of cases) {
      const answer = await save(supervisor, body);
      expect(answer.statusCode, JSON.stringify(body)).toBe(400);
      expect(answer.json().error.message, JSON.stringify(body)).toMatch(reason);
    }
    for (const raw of ['not json', '[]', 'null']) {
      const answer = await app.inject({ method: 'POST', url: settingsUrl(), headers: { ...supervisor.headers, 'content-type': 'application/json' }, payload: raw });
      expect(answer.statusCode, raw).toBe(400);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('keeps a supervisor of another warehouse, a worker and a warehouse nobody has out, changing nothing', async () => {
    const before = await snapshot();
    const { version } = await view();
    expect((await as(yardSupervisor, 'GET', settingsUrl())).statusCode).toBe(403);
    expect((await save(yardSupervisor, { version, stepLimit: 5 })).statusCode).toBe(403);
    expect((await save(picker, { version, stepLimit: 5 })).statusCode).toBe(403);
    expect((await as(picker, 'GET', settingsUrl())).statusCode).toBe(403);
    expect((await save(supervisor, { version, stepLimit: 5 }, 'wh-nope')).statusCode).toBe(403);
    expect((await as(yardSupervisor, 'GET', apiPaths.console(MAIN, 'changes'))).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
    // Their own warehouse's settings are theirs, and MAIN's stay as they were.
    const yard = settingsViewSchema.parse((await as(yardSupervisor, 'GET', settingsUrl('wh-yard'))).json());
    expect((await save(yardSupervisor, { version: yard.version, stepLimit: 5 }, 'wh-yard')).json()).toEqual({ changed: true });
    expect((await view()).settings.stepLimit).not.toBe(5);
  });

  it('names a device for the console: listed by name with its user, in the activity, and audited', async () => {
    const url = apiPaths.deviceName(MAIN, picker.deviceId);
    const answer = await as(supervisor, 'POST', url, { name: '  Cold room 2 ' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toEqual({ changed: true });
    // A double submit: the second changes nothing and writes no audit row.
    expect((await as(supervisor, 'POST', url, { name: 'Cold room 2' })).json()).toEqual({ changed: false });
    const devices = deviceListSchema.parse((await as(other, 'GET', apiPaths.supervisorDevices)).json()).devices;
    expect(devices.find((d) => d.deviceId === picker.deviceId)).toMatchObject({ name: 'Cold room 2', username: 'picker1' });
    const detail = (await as(other, 'GET', apiPaths.deviceDetail(picker.deviceId))).json<{ device: { name: string } }>();
    expect(detail.device.name).toBe('Cold room 2');
    // Its steps carry the name wherever the console lists them.
    const ops = new DeviceOps(picker.body.user.id);
    await push(app, picker, [ops.next(putawayOf(floor.emptyBin, floor.line.productId, 1))]);
    const activity = activityListSchema.parse((await as(supervisor, 'GET', `${apiPaths.console(MAIN, 'activity')}?device=${picker.deviceId}`)).json()).entries;
    expect(activity.length).toBeGreaterThan(0);
    expect(activity.every((e) => e.deviceName === 'Cold room 2')).toBe(true);
    const changes = warehouseChangeListSchema.parse((await as(supervisor, 'GET', apiPaths.console(MAIN, 'changes'))).json()).changes.filter((c) => c.subject === 'device-name');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ actorName: 'super1', deviceId: picker.deviceId, changes: { name: { from: null, to: 'Cold room 2' } } });
  });

  it('records both of two renames at once, the last standing; takes a name away with an empty one', async () => {
    const url = apiPaths.deviceName(MAIN, picker.deviceId);
    const answers = await Promise.all([as(supervisor, 'POST', url, { name: 'Dock A' }), as(other, 'POST', url, { name: 'Dock B' })]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    const [last, first] = warehouseChangeListSchema.parse((await as(supervisor, 'GET', apiPaths.console(MAIN, 'changes'))).json()).changes.filter((c) => c.subject === 'device-name');
    // The second took its turn after the first: its "before" is the first's "after".
    expect(last!.changes.name!.from).toBe(first!.changes.name!.to);
    const [row] = await test.db.query<{ name: string }>('select name from devices where device_id = $1', [picker.deviceId]);
    expect(row!.name).toBe(last!.changes.name!.to);
    expect((await as(supervisor, 'POST', url, { name: '' })).json()).toEqual({ changed: true });
    expect((await test.db.query<{ name: string | null }>('select name from devices where device_id = $1', [picker.deviceId]))[0]!.name).toBeNull();
    await as(supervisor, 'POST', url, { name: 'Cold room 2' });
  });

  it('refuses bad names and devices of other warehouses, changing nothing', async () => {
    const before = await snapshot();
    const url = apiPaths.deviceName(MAIN, picker.deviceId);
    for (const body of [{ name: 'x'.repeat(41) }, { name: 'tab\there' }, { name: 'nul\u0000' }, { name: 5 }, {}, { name: 'ok', extra: 1 }]) {
      const answer = await as(supervisor, 'POST', url, body);
      expect(answer.statusCode, JSON.stringify(body)).toBe(400);
    }
    // A yard supervisor: MAIN's path is not theirs, and the picker's device does not work in YARD.
    expect((await as(yardSupervisor, 'POST', url, { name: 'Mine now' })).statusCode).toBe(403);
    const fromYard = await as(yardSupervisor, 'POST', apiPaths.deviceName('wh-yard', picker.deviceId), { name: 'Mine now' });
    expect(fromYard.statusCode).toBe(404);
    expect(fromYard.json().error.message).toMatch(/no device .* working in this warehouse/);
    expect((await as(supervisor, 'POST', apiPaths.deviceName(MAIN, 'no-such-device'), { name: 'Ghost' })).statusCode).toBe(404);
    expect((await as(picker, 'POST', url, { name: 'My phone' })).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('judges expiry by the day in the warehouse’s time zone: at 01:00 in Shanghai a lot that expired on 31 December has', async () => {
    // A pick list line of a lot- and expiry-tracked product; its bin gets two lots of our own.
    const products = new Map(floor.data.products.map((p) => [p.id, p]));
    const found = floor.pickLists.flatMap((task) => task.lines.map((line) => ({ task, line }))).find(({ line }) => products.get(line.productId!)?.expiryTracked && (line.qty ?? 0) >= 2)!;
    const { task, line }: { task: Task; line: Task['lines'][number] } = found;
    await test.db.transaction(async (tx) => {
      // The bin's own lots of the product expire late: only our two lots decide which is first.
      await tx.query(`update stock_balances set expiry = '2099-01-01' where warehouse_id = $1 and bin_code = $2 and product_id = $3`, [MAIN, line.binCode, line.productId]);
      for (const [lot, expiry] of [['L-DEC', '2026-12-31'], ['L-FEB', '2027-02-01']] as const) {
        await tx.query(`insert into stock_movements (warehouse_id, bin_code, product_id, lot, expiry, qty_delta, kind, occurred_at) values ($1, $2, $3, $4, $5, 5, 'opening', '1970-01-01T00:00:00Z')`, [MAIN, line.binCode, line.productId, lot, expiry]);
        await tx.query(`insert into stock_balances (warehouse_id, bin_code, product_id, lot, expiry, qty, changed_at) values ($1, $2, $3, $4, $5, 5, 1)`, [MAIN, line.binCode, line.productId, lot, expiry]);
      }
    });
    const moment = new Date('2026-12-31T17:00:00Z'); // 01:00 on 1 January in Shanghai
    const late = await appOn(test.db, { signInRatePerMinute: 10_000 }, () => moment);
    try {
      const lateSupervisor = await signIn(late, 'super1', '9999');
      const device = await signIn(late, 'picker1', '1111');
      const ops = new DeviceOps(device.body.user.id);
      const pickFeb = async () => {
        const op = ops.next({ ...pickOf(task, line.lineNo, 1), lot: 'L-FEB' }, moment);
        expect((await push(late, device, [op], moment)).results[0]!.status).toBe('applied');
        const listed = deviationListSchema.parse((await late.inject({ method: 'GET', url: apiPaths.console(MAIN, 'deviations'), headers: lateSupervisor.headers })).json()).deviations;
        return listed.filter((d) => d.opId === op.opId).map((d) => d.kind);
      };
      const setZone = async (timeZone: string) => {
        const { version } = settingsViewSchema.parse((await late.inject({ method: 'GET', url: settingsUrl(), headers: lateSupervisor.headers })).json());
        expect((await late.inject({ method: 'POST', url: settingsUrl(), headers: lateSupervisor.headers, payload: { version, timeZone } })).statusCode).toBe(200);
      };
      await setZone('Asia/Shanghai');
      // L-DEC has expired in Shanghai: L-FEB is the first good lot, no deviation.
      expect(await pickFeb()).toEqual([]);
      await setZone('UTC');
      // In UTC it is still 31 December: L-DEC is good and first, so L-FEB is not FEFO.
      expect(await pickFeb()).toEqual(['not-fefo']);
    } finally {
      await late.close();
    }
  });
});

describe.each(databaseKinds)('migration 11 on %s', (kind) => {
  it('gives the warehouses already there the server’s time zone and keeps their settings; later ones default to UTC', async () => {
    const test = await createTestDatabase(kind);
    try {
      await test.db.transaction(async (tx) => {
        await tx.execScript('create table schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())');
        for (const m of migrations.filter((m) => m.version < 11)) await tx.execScript(m.sql);
        await tx.query(`insert into schema_migrations (version, name) select v, 'old' from generate_series(1, 10) as v`);
        await tx.query(`insert into warehouses (id, code, name, step_limit, blind_count) values ('wh-old', 'OLD', 'Old', 250, false)`);
        await tx.query(`insert into devices (device_id) values ('dev-old')`);
      });
      expect(await migrate(test.db, { timeZone: 'Asia/Shanghai' })).toContain(11);
      expect(await test.db.query('select id, time_zone, settings_version, step_limit, blind_count from warehouses')).toEqual([{ id: 'wh-old', time_zone: 'Asia/Shanghai', settings_version: 1, step_limit: 250, blind_count: false }]);
      expect(await test.db.query('select device_id, name from devices')).toEqual([{ device_id: 'dev-old', name: null }]);
      // Once only: a server starting later in another zone changes nothing.
      expect(await migrate(test.db, { timeZone: 'Europe/Berlin' })).toEqual([]);
      await test.db.query(`insert into warehouses (id, code, name) values ('wh-new', 'NEW', 'New')`);
      expect(await test.db.query(`select id, time_zone from warehouses order by id`)).toEqual([
        { id: 'wh-new', time_zone: 'UTC' },
        { id: 'wh-old', time_zone: 'Asia/Shanghai' },
      ]);
      // The database refuses names beyond the limit, whatever writes them.
      await expect(test.db.query(`update devices set name = repeat('x', 41)`)).rejects.toThrow();
    } finally {
      await test.drop();
    }
  });
});
