/**
 * Users in the console, on PGlite and PostgreSQL: an admin manages everyone; a
 * supervisor manages only workers of their own warehouses and can neither raise a role
 * nor grant a warehouse they are not in; every refusal is a 4xx with its reason and
 * writes nothing; every change is audited for the activity log (never a PIN); a disabled
 * user's sessions end and a reset PIN ends them too; names are unique in any case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { apiPaths } from '../../src/protocol/paths';
import { userChangeListSchema, userListSchema } from '../../src/protocol/users';
import { YARD_WAREHOUSE } from '../../src/server/seed/demoWarehouse';
import { runUserCommand } from '../../src/server/commands/userCommand';
import { appOn, databaseKinds, seededDatabase, signIn, SMALL_MAIN, type SignedIn, type TestDatabase } from './testServer';

describe.each(databaseKinds)('users in the console on %s', (kind) => {
  let test: TestDatabase;
  let app: FastifyInstance;
  let admin: SignedIn;
  let mainSupervisor: SignedIn;
  const ids: Record<string, string> = {};

  const as = (who: SignedIn, method: 'GET' | 'POST', url: string, payload?: unknown) => app.inject({ method, url, headers: who.headers, ...(payload === undefined ? {} : { payload: payload as object }) });
  const add = async (who: SignedIn, user: Record<string, unknown>) => as(who, 'POST', apiPaths.users, { displayName: 'Someone', jobs: ['pick'], pin: '4826', ...user });
  /** Everything a refused request must leave as it was. */
  const snapshot = async () => ({
    users: await test.db.query('select id, username, display_name, role, jobs, pin_hash, disabled_at from users order by id'),
    warehouses: await test.db.query('select user_id, warehouse_id from user_warehouses order by 1, 2'),
    audit: await test.db.query<{ n: number }>('select count(*)::int as n from user_changes'),
  });
  const changesIn = async (warehouseId: string) => userChangeListSchema.parse((await as(admin, 'GET', apiPaths.console(warehouseId, 'user-changes'))).json()).changes;

  beforeAll(async () => {
    test = await seededDatabase(kind, [SMALL_MAIN, { ...YARD_WAREHOUSE, products: 20 }]);
    app = await appOn(test.db, { signInRatePerMinute: 10_000 });
    // The first admin comes from the command, as on a new site.
    await runUserCommand(test.db, ['add', 'admin1', '--name', 'Ada Admin', '--role', 'admin', '--warehouses', 'MAIN,YARD', '--pin', '4826'], { out: () => undefined, readPin: async () => '' });
    admin = await signIn(app, 'admin1', '4826');
    for (const [username, role, warehouseIds] of [['supermain', 'supervisor', ['wh-main']], ['workmain', 'worker', ['wh-main']], ['workyard', 'worker', ['wh-yard']], ['workboth', 'worker', ['wh-main', 'wh-yard']]] as const) {
      const answer = await add(admin, { username, role, warehouseIds });
      expect(answer.statusCode, answer.body).toBe(201);
      ids[username] = answer.json<{ id: string }>().id;
    }
    mainSupervisor = await signIn(app, 'supermain', '4826');
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it('lists every user to an admin, and to a supervisor the users of their warehouses, saying whom they may manage', async () => {
    const all = userListSchema.parse((await as(admin, 'GET', apiPaths.users)).json());
    expect(all.users.map((u) => u.username)).toEqual(expect.arrayContaining(['admin1', 'super1', 'picker1', 'workyard']));
    expect(all.users.every((u) => u.notManageable === null)).toBe(true);
    expect(all.grantable.map((w) => w.code)).toEqual(['MAIN', 'YARD']);
    const mine = userListSchema.parse((await as(mainSupervisor, 'GET', apiPaths.users)).json());
    expect(mine.users.map((u) => u.username)).not.toContain('workyard');
    expect(mine.grantable.map((w) => w.code)).toEqual(['MAIN']);
    const manageable = (name: string) => mine.users.find((u) => u.username === name)!.notManageable;
    expect(manageable('workmain')).toBeNull();
    expect(manageable('workboth')).toMatch(/also works in wh-yard/);
    expect(manageable('admin1')).toMatch(/only an admin/);
    expect(JSON.stringify(mine)).not.toMatch(/scrypt/);
  });

  it('lets a supervisor add and change a worker of their warehouse, and audits it for the activity log without the PIN', async () => {
    const added = await add(mainSupervisor, { username: 'newpicker', displayName: 'Nia New', role: 'worker', jobs: ['pick', 'count'], warehouseIds: ['wh-main'] });
    expect(added.statusCode, added.body).toBe(201);
    const id = added.json<{ id: string }>().id;
    expect((await as(mainSupervisor, 'POST', apiPaths.user(id), { jobs: ['putaway'], displayName: 'Nia Newton' })).statusCode).toBe(204);
    const worker = await signIn(app, 'NewPicker', '4826');
    expect(worker.body.user).toMatchObject({ role: 'worker' });
    const changes = await changesIn('wh-main');
    expect(changes.find((c) => c.username === 'newpicker' && c.action === 'added')).toMatchObject({ actorName: 'supermain', changes: { role: { from: null, to: 'worker' }, jobs: { to: ['pick', 'count'] } } });
    expect(changes[0]).toMatchObject({ username: 'newpicker', action: 'changed', changes: { jobs: { from: ['pick', 'count'], to: ['putaway'] }, displayName: { from: 'Nia New', to: 'Nia Newton' } } });
    expect(await changesIn('wh-yard')).not.toContainEqual(expect.objectContaining({ username: 'newpicker' }));
    const audit = await test.db.query('select * from user_changes');
    expect(JSON.stringify(audit)).not.toMatch(/4826|scrypt/);
  });

  it('refuses a supervisor of MAIN every reach beyond their workers, with the reason, writing nothing', async () => {
    const before = await snapshot();
    const attempts: [what: string, url: string, body: unknown, reason: RegExp][] = [
      ['edit a YARD worker', apiPaths.user(ids.workyard!), { displayName: 'Taken' }, /wh-yard/],
      ['edit a worker also in YARD', apiPaths.user(ids.workboth!), { jobs: [] }, /also works in wh-yard/],
      ['edit an admin', apiPaths.user(admin.body.user.id), { displayName: 'Taken' }, /only an admin/],
      ['disable a supervisor', apiPaths.user('u-super1'), { disabled: true }, /only an admin/],
      ['reset an admin’s PIN', apiPaths.userPin(admin.body.user.id), { pin: '5930' }, /only an admin/],
      ['raise a worker to supervisor', apiPaths.user(ids.workmain!), { role: 'supervisor' }, /Only an admin makes a user a supervisor/],
      ['raise a worker to admin', apiPaths.user(ids.workmain!), { role: 'admin' }, /Only an admin makes a user a admin/],
      ['grant YARD', apiPaths.user(ids.workmain!), { warehouseIds: ['wh-main', 'wh-yard'] }, /You do not work in wh-yard/],
      ['add a supervisor', apiPaths.users, { username: 'sneaky', displayName: 'S', role: 'supervisor', jobs: [], warehouseIds: ['wh-main'], pin: '4826' }, /Only an admin/],
      ['add a YARD worker', apiPaths.users, { username: 'sneaky', displayName: 'S', role: 'worker', jobs: [], warehouseIds: ['wh-yard'], pin: '4826' }, /You do not work in wh-yard/],
    ];
    for (const [what, url, body, reason] of attempts) {
      const answer = await as(mainSupervisor, 'POST', url, body);
      expect(answer.statusCode, what).toBe(403);
      expect(answer.json().error, what).toMatchObject({ reason: 'forbidden', message: expect.stringMatching(reason) });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers malformed bodies with 4xx and what is wrong, never 5xx, writing nothing', async () => {
    const before = await snapshot();
    const user = { username: 'x1', displayName: 'X', role: 'worker', jobs: ['pick'], warehouseIds: ['wh-main'], pin: '4826' };
    const bad: [url: string, body: unknown][] = [
      [apiPaths.users, { ...user, username: 'a'.repeat(100_000) }],
      [apiPaths.users, { ...user, displayName: 'b'.repeat(100_000) }],
      [apiPaths.users, { ...user, username: 'nul\u0000name' }],
      [apiPaths.users, { ...user, displayName: 'Null\u0000Byte' }],
      [apiPaths.users, { ...user, role: 'chief' }],
      [apiPaths.users, { ...user, jobs: ['drive'] }],
      [apiPaths.users, { ...user, warehouseIds: [] }],
      [apiPaths.users, { ...user, warehouseIds: 'wh-main' }],
      [apiPaths.users, { ...user, warehouseIds: ['wh-nowhere'] }],
      [apiPaths.users, { ...user, pin: '1234' }],
      [apiPaths.users, { ...user, pin: '0000' }],
      [apiPaths.users, { ...user, pin: '12a4' }],
      [apiPaths.users, { ...user, pin: 4826 }],
      [apiPaths.users, null],
      [apiPaths.users, []],
      [apiPaths.user(ids.workmain!), {}],
      [apiPaths.user(ids.workmain!), { role: 'chief' }],
      [apiPaths.user(ids.workmain!), { pin: '5930' }],
      [apiPaths.user(ids.workmain!), { disabled: 'yes' }],
      [apiPaths.user(ids.workmain!), { displayName: 'c'.repeat(2_000_000) }],
      [apiPaths.user(ids.workmain!), { warehouseIds: ['wh-main', 'wh-nowhere'] }],
      [apiPaths.user('no-such-user'), { displayName: 'Ghost' }],
      [apiPaths.user('bad\u0000id'), { displayName: 'Ghost' }],
      [apiPaths.user('x'.repeat(90)), { displayName: 'Ghost' }],
      [apiPaths.userPin(ids.workmain!), { pin: '9876' }],
      [apiPaths.userPin(ids.workmain!), { pin: '1'.repeat(10_000) }],
    ];
    for (const [url, body] of bad) {
      const answer = await as(admin, 'POST', url, body);
      const label = `${url.slice(0, 60)} ${JSON.stringify(body)?.slice(0, 80)}`;
      expect(answer.statusCode, label).toBeGreaterThanOrEqual(400);
      expect(answer.statusCode, label).toBeLessThan(500);
      expect(answer.json(), label).toMatchObject({ error: { message: expect.stringMatching(/\w{3,}/) } });
    }
    const weak = await as(admin, 'POST', apiPaths.users, { ...user, pin: '1111' });
    expect(weak.json().error.message).toMatch(/one digit repeated/);
    const nowhere = await as(admin, 'POST', apiPaths.users, { ...user, warehouseIds: ['wh-nowhere'] });
    expect(nowhere.json().error).toMatchObject({ reason: 'invalid-data', message: 'There is no warehouse wh-nowhere.' });
    expect(await snapshot()).toEqual(before);
    const search = await as(admin, 'GET', `${apiPaths.console('wh-main', 'user-changes')}?from=yesterday`);
    expect(search.statusCode).toBe(400);
  });

  it('takes one of two adds of the same name at once (in any case) and answers the other 409', async () => {
    const answers = await Promise.all(['Twin', 'twin', 'TWIN'].map((username) => add(admin, { username, role: 'worker', warehouseIds: ['wh-main'] })));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
    for (const refused of answers.filter((a) => a.statusCode === 409)) expect(refused.json().error).toMatchObject({ reason: 'conflict', message: expect.stringMatching(/already a user named/) });
    const rows = await test.db.query<{ id: string }>(`select id from users where lower(username) = 'twin'`);
    expect(rows).toHaveLength(1);
    const audit = await test.db.query(`select 1 from user_changes where lower(username) = 'twin'`);
    expect(audit).toHaveLength(1);
    expect((await add(admin, { username: 'PICKER1', role: 'worker', warehouseIds: ['wh-main'] })).statusCode).toBe(409);
  });

  it('ends a disabled user’s sessions: their token is 401 user-disabled and they cannot sign in until enabled', async () => {
    const worker = await signIn(app, 'workmain', '4826');
    const download = apiPaths.downloadManifest('wh-main');
    expect((await as(worker, 'GET', download)).statusCode).toBe(200);
    expect((await as(mainSupervisor, 'POST', apiPaths.user(ids.workmain!), { disabled: true })).statusCode).toBe(204);
    const refused = await as(worker, 'GET', download);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error).toMatchObject({ reason: 'user-disabled', message: expect.stringMatching(/workmain was disabled/) });
    const signInAgain = await app.inject({ method: 'POST', url: apiPaths.signIn, payload: { username: 'workmain', pin: '4826', deviceId: worker.deviceId, appVersion: 'test' } });
    expect(signInAgain.statusCode).toBe(403);
    expect(signInAgain.json().error.reason).toBe('user-disabled');
    const wrongPin = await app.inject({ method: 'POST', url: apiPaths.signIn, payload: { username: 'workmain', pin: '5930', deviceId: worker.deviceId, appVersion: 'test' } });
    expect(wrongPin.json().error.reason).toBe('wrong-pin');
    const people = (await as(admin, 'GET', apiPaths.console('wh-main', 'people'))).json<{ people: { username: string }[] }>().people;
    expect(people.map((p) => p.username)).not.toContain('workmain');
    expect((await changesIn('wh-main'))[0]).toMatchObject({ username: 'workmain', action: 'disabled', actorName: 'supermain', changes: { disabled: { from: false, to: true } } });
    expect((await as(mainSupervisor, 'POST', apiPaths.user(ids.workmain!), { disabled: false })).statusCode).toBe(204);
    const back = await signIn(app, 'workmain', '4826');
    expect((await as(back, 'GET', download)).statusCode).toBe(200);
    expect((await as(worker, 'GET', download)).statusCode).toBe(401);
  });

  it('ends the sessions of a user whose PIN is reset; the new PIN signs in, the old one not', async () => {
    const worker = await signIn(app, 'workmain', '4826');
    expect((await as(mainSupervisor, 'POST', apiPaths.userPin(ids.workmain!), { pin: '5930' })).statusCode).toBe(204);
    const refused = await as(worker, 'GET', apiPaths.downloadManifest('wh-main'));
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error).toMatchObject({ reason: 'session-expired', message: expect.stringMatching(/PIN .* was reset/) });
    await expect(signIn(app, 'workmain', '4826')).rejects.toThrow(/401/);
    await signIn(app, 'workmain', '5930');
    const [entry] = await changesIn('wh-main');
    expect(entry).toMatchObject({ username: 'workmain', action: 'pin-reset', changes: {} });
  });

  it('lets an admin change roles and warehouses, but not disable themselves or change their own role', async () => {
    expect((await as(admin, 'POST', apiPaths.user(ids.workyard!), { role: 'supervisor', warehouseIds: ['wh-yard', 'wh-main'] })).statusCode).toBe(204);
    const [entry] = await changesIn('wh-main');
    expect(entry).toMatchObject({ username: 'workyard', actorName: 'admin1', changes: { role: { from: 'worker', to: 'supervisor' }, warehouseIds: { from: ['wh-yard'], to: ['wh-main', 'wh-yard'] } } });
    expect((await changesIn('wh-yard'))[0]).toMatchObject({ username: 'workyard' });
    const self = await as(admin, 'POST', apiPaths.user(admin.body.user.id), { disabled: true });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toMatch(/cannot disable yourself/);
    expect((await as(admin, 'POST', apiPaths.user(admin.body.user.id), { role: 'worker' })).statusCode).toBe(403);
    expect((await as(admin, 'POST', apiPaths.user(admin.body.user.id), { displayName: 'Ada A.' })).statusCode).toBe(204);
  });

  it('keeps a picker out of every user route', async () => {
    const picker = await signIn(app, 'picker1', '1111');
    for (const [method, url] of [['GET', apiPaths.users], ['POST', apiPaths.users], ['POST', apiPaths.user(ids.workmain!)], ['POST', apiPaths.userPin(ids.workmain!)], ['GET', apiPaths.console('wh-main', 'user-changes')]] as const) {
      const answer = await as(picker, method, url, method === 'POST' ? {} : undefined);
      expect(answer.statusCode, url).toBe(403);
    }
    expect((await as(mainSupervisor, 'GET', apiPaths.console('wh-yard', 'user-changes'))).statusCode).toBe(403);
  });
});
