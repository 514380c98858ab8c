/**
 * `npm run warehouse -- …`: the warehouses a new site starts with, so its first admin
 * can be given one (products, bins and stock then come by CSV in the console).
 *
 *   add <CODE> --name "Main warehouse" [--time-zone Asia/Shanghai]   (default: the server's zone)
 *   list
 */
import { hasControlCharacter } from '../../protocol/wireText';
import { knownTimeZone, localTimeZone } from '../../domain/floor/floorDate';
import { parseArgs } from 'node:util';
import type { Database } from '../storage/database';
import { CommandError, type CommandIo } from './userCommand';

export const WAREHOUSE_USAGE = `Usage: npm run warehouse -- <command>
  add <CODE> --name "Warehouse name" [--time-zone Europe/Berlin]
  list`;

const CODE = /^[A-Z0-9][A-Z0-9_-]{0,15}$/;

export async function runWarehouseCommand(db: Database, argv: readonly string[], io: Pick<CommandIo, 'out'>): Promise<void> {
  const { positionals, values } = parseArgs({ args: [...argv], allowPositionals: true, options: { name: { type: 'string' }, 'time-zone': { type: 'string' } } });
  const [command, given, ...extra] = positionals;
  if (extra.length > 0) throw new CommandError(`Unexpected ${extra.join(' ')} (quote a name with spaces).\n${WAREHOUSE_USAGE}`);
  if (command === 'list') {
    const rows = await db.query<{ id: string; code: string; name: string }>('select id, code, name from warehouses order by code');
    if (rows.length === 0) io.out('No warehouses yet.');
    for (const w of rows) io.out(`${w.code}\t${w.id}\t${w.name}`);
    return;
  }
  if (command !== 'add') throw new CommandError(`Unknown command ${command ?? '(none)'}.\n${WAREHOUSE_USAGE}`);
  const code = (given ?? '').toUpperCase();
  if (!CODE.test(code)) throw new CommandError('A warehouse code is 1 to 16 letters, digits, dashes or underscores, e.g. MAIN.');
  const name = values.name?.trim() ?? '';
  if (name === '' || name.length > 100 || hasControlCharacter(name)) throw new CommandError('Give the warehouse a --name of 1 to 100 characters.');
  const timeZone = values['time-zone'] === undefined ? localTimeZone() : knownTimeZone(values['time-zone'].trim());
  if (timeZone === null) throw new CommandError(`"${values['time-zone']}" is not a time zone this server knows. Give an IANA name such as Asia/Shanghai, Europe/Berlin or UTC.`);
  const [row] = await db.query<{ id: string }>(
    'insert into warehouses (id, code, name, change_clock, time_zone) values ($1, $2, $3, 1, $4) on conflict do nothing returning id',
    [`wh-${code.toLowerCase()}`, code, name, timeZone],
  );
  if (!row) throw new CommandError(`There is already a warehouse ${code}.`);
  io.out(`added warehouse ${code} (${row.id}): ${name}, time zone ${timeZone}`);
}
