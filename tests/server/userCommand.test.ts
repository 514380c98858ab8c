/**
 * `npm run user` and `npm run warehouse`, on PGlite and PostgreSQL: a new site's first
 * warehouse and admin, the PIN given, typed or piped in, weak PINs refused as the console
 * refuses them, clear errors for unknown warehouses, taken names and bad roles, and the
 * same audit as the console. One run goes through the real process and npm script.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/server/storage/migrate';
import { runUserCommand, type CommandIo } from '../../src/server/commands/userCommand';
import { runWarehouseCommand } from '../../src/server/commands/warehouseCommand';
import { verifyPin } from '../../src/server/security/pinHash';
import { localTimeZone } from '../../src/domain/floor/floorDate';
import { appOn, createTestDatabase, databaseKinds, signIn, type TestDatabase } from './testServer';

describe.each(databaseKinds)('the user command on %s', (kind) => {
  let test: TestDatabase;
  let lines: string[] = [];
  const io = (typed = ''): CommandIo => ({ out: (line) => lines.push(line), readPin: async () => typed });
  const user = (argv: string[], typed?: string) => runUserCommand(test.db, argv, io(typed));
  const stored = async (username: string) =>
    (await test.db.query<{ role: string; jobs: string[]; pin_hash: string; disabled: boolean; warehouses: string[] }>(
      `select role, jobs, pin_hash, disabled_at is not null as disabled, array(select warehouse_id from user_warehouses where user_id = u.id order by 1) as warehouses
         from users u where username = $1`,
      [username],
    ))[0];

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    await migrate(test.db);
  });
  afterAll(async () => {
    await test.drop();
  });
  const lastLine = () => lines.at(-1) ?? '';

  it('gives a new site its warehouses and its first admin, who signs in', async () => {
    await expect(user(['add', 'boss', '--role', 'admin', '--warehouses', 'MAIN', '--pin', '4826'])).rejects.toThrow(/Unknown warehouse MAIN: there is no warehouse yet \(add one with npm run warehouse/);
    await runWarehouseCommand(test.db, ['add', 'main', '--name', 'Main warehouse'], io());
    await runWarehouseCommand(test.db, ['add', 'YARD', '--name', 'Yard'], io());
    await expect(runWarehouseCommand(test.db, ['add', 'MAIN', '--name', 'Again'], io())).rejects.toThrow(/already a warehouse MAIN/);
    await expect(runWarehouseCommand(test.db, ['add', 'bad code!', '--name', 'x'], io())).rejects.toThrow(/warehouse code is/);
    // A warehouse's time zone: the server's own by default, or the one given, checked.
    await expect(runWarehouseCommand(test.db, ['add', 'EAST', '--name', 'East', '--time-zone', 'Mars/Base'], io())).rejects.toThrow(/not a time zone this server knows/);
    await runWarehouseCommand(test.db, ['add', 'EAST', '--name', 'East', '--time-zone', 'asia/shanghai'], io());
    expect(lastLine()).toBe('added warehouse EAST (wh-east): East, time zone Asia/Shanghai');
    expect(await test.db.query(`select code, time_zone from warehouses order by code`)).toEqual([
      { code: 'EAST', time_zone: 'Asia/Shanghai' },
      { code: 'MAIN', time_zone: localTimeZone() },
      { code: 'YARD', time_zone: localTimeZone() },
    ]);
    await test.db.query(`delete from warehouses where code = 'EAST'`);
    await user(['add', 'Boss', '--name', 'The Boss', '--role', 'admin', '--warehouses', 'MAIN,yard', '--pin', '4826']);
    expect(lastLine()).toBe('added Boss (admin, MAIN, yard)');
    const boss = await stored('Boss');
    expect(boss).toMatchObject({ role: 'admin', warehouses: ['wh-main', 'wh-yard'], disabled: false });
    expect(await verifyPin('4826', boss!.pin_hash)).toBe(true);
    const app = await appOn(test.db);
    try {
      const signedIn = await signIn(app, 'boss', '4826');
      expect(signedIn.body.warehouses.map((w) => w.id)).toEqual(['wh-main', 'wh-yard']);
    } finally {
      await app.close();
    }
  });

  it('reads the PIN from standard input when not given, and refuses a weak one as the console does', async () => {
    await user(['add', 'picker9', '--name', 'Pia Picker', '--role', 'worker', '--jobs', 'pick,putaway', '--warehouses', 'MAIN'], '5930\n');
    expect(await stored('picker9')).toMatchObject({ role: 'worker', jobs: ['pick', 'putaway'] });
    expect(await verifyPin('5930', (await stored('picker9'))!.pin_hash)).toBe(true);
    await expect(user(['add', 'weak1', '--role', 'worker', '--warehouses', 'MAIN'], '1234')).rejects.toThrow(/digits in a row/);
    await expect(user(['add', 'weak2', '--role', 'worker', '--warehouses', 'MAIN', '--pin', '7777'])).rejects.toThrow(/one digit repeated/);
    await expect(user(['add', 'weak3', '--role', 'worker', '--warehouses', 'MAIN'], '')).rejects.toThrow(/4 to 8 digits/);
    expect(await stored('weak1')).toBeUndefined();
  });

  it('says clearly what is wrong: a taken name in any case, a bad role or job, an unknown warehouse or user, a bad command', async () => {
    await expect(user(['add', 'PICKER9', '--role', 'worker', '--warehouses', 'MAIN', '--pin', '4826'])).rejects.toThrow(/already a user named PICKER9/);
    await expect(user(['add', 'x1', '--role', 'chief', '--warehouses', 'MAIN', '--pin', '4826'])).rejects.toThrow(/role: A role is one of worker, supervisor, admin/);
    await expect(user(['add', 'x1', '--role', 'worker', '--jobs', 'drive', '--warehouses', 'MAIN', '--pin', '4826'])).rejects.toThrow(/A job is one of pick, putaway, count/);
    await expect(user(['add', 'x1', '--role', 'worker', '--warehouses', 'MAIN,DOCK', '--pin', '4826'])).rejects.toThrow('Unknown warehouse DOCK: the warehouses are MAIN, YARD.');
    await expect(user(['add', 'x1', '--role', 'worker', '--pin', '4826'])).rejects.toThrow(/needs --role and --warehouses/);
    await expect(user(['add', 'has space', '--role', 'worker', '--warehouses', 'MAIN', '--pin', '4826'])).rejects.toThrow(/A user name is/);
    await expect(user(['disable', 'nobody'])).rejects.toThrow('There is no user named nobody.');
    await expect(user(['promote', 'boss'])).rejects.toThrow(/Unknown command promote/);
    await expect(user(['add', 'x1', '--frob'])).rejects.toThrow(/Unknown option '--frob'/);
    expect(await stored('x1')).toBeUndefined();
  });

  it('lists, disables, enables and resets a PIN, audited as the command line', async () => {
    lines = [];
    await user(['list']);
    expect(lines).toEqual([expect.stringMatching(/^Boss\tadmin\t-\tMAIN,YARD\tactive\tThe Boss$/), expect.stringMatching(/^picker9\tworker\tpick,putaway\tMAIN\tactive\tPia Picker$/)]);
    await user(['disable', 'PICKER9']);
    expect(await stored('picker9')).toMatchObject({ disabled: true });
    await user(['enable', 'picker9']);
    await user(['reset-pin', 'picker9'], '8142');
    expect(await verifyPin('8142', (await stored('picker9'))!.pin_hash)).toBe(true);
    await expect(user(['reset-pin', 'picker9', '--pin', '2222'])).rejects.toThrow(/one digit repeated/);
    const audit = await test.db.query<{ actor_id: string | null; actor_name: string; action: string; username: string }>('select actor_id, actor_name, action, username from user_changes order by id');
    expect(audit.map((a) => `${a.username} ${a.action}`)).toEqual(['Boss added', 'picker9 added', 'picker9 disabled', 'picker9 enabled', 'picker9 pin-reset']);
    expect(audit.every((a) => a.actor_id === null && a.actor_name.startsWith('command line'))).toBe(true);
  });

  it('runs as npm run user, the PIN piped in, and exits 1 with the reason on a refusal', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'handheld-user-command-'));
    const env = { ...process.env, LOG_LEVEL: 'silent', DATA_DIR: dataDir, DATABASE_URL: test.url ?? '' };
    try {
      const run = (script: string, args: string[], input = '') => spawnSync('npm', ['run', '-s', script, '--', ...args], { env, input, encoding: 'utf8', timeout: 120_000 });
      if (kind === 'pglite') expect(run('warehouse', ['add', 'MAIN', '--name', 'Main']).status).toBe(0);
      const added = run('user', ['add', 'piped', '--name', 'Piped In', '--role', 'supervisor', '--warehouses', 'MAIN'], '6047\n');
      expect(added.stderr).toBe('');
      expect(added.stdout.trim()).toBe('added piped (supervisor, MAIN)');
      expect(added.status).toBe(0);
      const refused = run('user', ['add', 'piped', '--role', 'worker', '--warehouses', 'MAIN'], '6047\n');
      expect(refused.status).toBe(1);
      expect(refused.stderr.trim()).toBe('There is already a user named piped (names are the same whatever their case): choose another name.');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
