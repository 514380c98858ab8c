/**
 * `npm run user -- …`: users from the command line, for the first admin of a new site
 * and for whoever holds the server. It acts as an admin of every warehouse, under the
 * same rules, checks and audit as the console (the audit names it "command line").
 *
 *   add <username> --name "Display Name" --role admin|supervisor|worker
 *       [--jobs pick,putaway,count] --warehouses MAIN,YARD [--pin 2468]
 *   list
 *   disable <username> | enable <username>
 *   reset-pin <username> [--pin 2468]
 *
 * Without --pin the PIN is read from standard input (asked for, unshown, on a terminal).
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { Database } from '../storage/database';
import { parseOr400 } from '../problems';
import { newPinSchema, newUserSchema } from '../../protocol/users';
import { z } from '../../protocol/zod';
import { hashPin } from '../security/pinHash';
import { addUser, changeUser, listUsers, resetPin, userIdByName, type Manager } from '../repositories/console/users';

export interface CommandIo {
  out(line: string): void;
  /** The PIN typed or piped in (asked with this prompt on a terminal). */
  readPin(prompt: string): Promise<string>;
}

export const USER_USAGE = `Usage: npm run user -- <command>
  add <username> --name "Display Name" --role admin|supervisor|worker [--jobs pick,putaway,count] --warehouses MAIN,YARD [--pin PIN]
  list
  disable <username>
  enable <username>
  reset-pin <username> [--pin PIN]
Without --pin the PIN is read from standard input (asked for on a terminal).`;

export class CommandError extends Error {}

const list = (text: string | undefined) => (text ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '');

function commandLineActor(): string {
  try {
    return `command line (${userInfo().username})`;
  } catch {
    return 'command line';
  }
}

/** Warehouse codes (MAIN, YARD) to ids, or an error naming those unknown and those there are. */
async function warehouseIdsOf(db: Database, codes: readonly string[]): Promise<string[]> {
  const all = await db.query<{ id: string; code: string }>('select id, code from warehouses order by code');
  const unknown = codes.filter((code) => !all.some((w) => w.code.toLowerCase() === code.toLowerCase()));
  if (unknown.length > 0) {
    const known = all.length > 0 ? `the warehouses are ${all.map((w) => w.code).join(', ')}` : 'there is no warehouse yet (add one with npm run warehouse -- add CODE --name "Name")';
    throw new CommandError(`Unknown warehouse ${unknown.join(', ')}: ${known}.`);
  }
  return codes.map((code) => all.find((w) => w.code.toLowerCase() === code.toLowerCase())!.id);
}

async function pinFrom(io: CommandIo, given: string | undefined): Promise<string> {
  const pin = given ?? (await io.readPin('PIN (4 to 8 digits): ')).trim();
  return parseOr400(newPinSchema, pin, 'PIN');
}

export async function runUserCommand(db: Database, argv: readonly string[], io: CommandIo): Promise<void> {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' }, jobs: { type: 'string' }, warehouses: { type: 'string' }, pin: { type: 'string' } },
  });
  const [command, username, ...extra] = positionals;
  if (extra.length > 0) throw new CommandError(`Unexpected ${extra.join(' ')} (quote a display name with spaces).\n${USER_USAGE}`);
  if (!['add', 'list', 'disable', 'enable', 'reset-pin'].includes(command ?? '')) throw new CommandError(`Unknown command ${command ?? '(none)'}.\n${USER_USAGE}`);
  const all = await db.query<{ id: string; code: string }>('select id, code from warehouses');
  const codeOf = (id: string) => all.find((w) => w.id === id)?.code ?? id;
  const manager: Manager = { actor: { id: null, name: commandLineActor() }, role: 'admin', warehouseIds: all.map((w) => w.id) };
  if (command === 'list') {
    const { users } = await listUsers(db, manager);
    if (users.length === 0) io.out('No users yet.');
    for (const u of users) {
      io.out([u.username, u.role, u.jobs.join(',') || '-', u.warehouseIds.map(codeOf).join(',') || '-', u.disabledAt ? `disabled ${u.disabledAt}` : 'active', u.displayName].join('\t'));
    }
    return;
  }
  if (username === undefined) throw new CommandError(`Name the user.\n${USER_USAGE}`);
  if (command === 'add') {
    if (values.role === undefined || values.warehouses === undefined) throw new CommandError(`add needs --role and --warehouses.\n${USER_USAGE}`);
    const warehouseIds = await warehouseIdsOf(db, list(values.warehouses));
    const input = parseOr400(z.omit(newUserSchema, { pin: true }), { username, displayName: values.name ?? username, role: values.role, jobs: list(values.jobs), warehouseIds }, 'new user');
    const pin = await pinFrom(io, values.pin);
    await addUser(db, manager, { ...input, pinHash: await hashPin(pin) });
    io.out(`added ${input.username} (${input.role}, ${list(values.warehouses).join(', ')})`);
  } else if (command === 'disable' || command === 'enable') {
    await changeUser(db, manager, await userIdByName(db, username), { disabled: command === 'disable' });
    io.out(`${command}d ${username}${command === 'disable' ? ': their sessions have ended' : ''}`);
  } else {
    const userId = await userIdByName(db, username);
    const pin = await pinFrom(io, values.pin);
    await resetPin(db, manager, userId, await hashPin(pin));
    io.out(`reset the PIN of ${username}: their sessions have ended`);
  }
}
