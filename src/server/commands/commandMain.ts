/**
 * Runs `npm run user` and `npm run warehouse` on the configured database (DATABASE_URL,
 * else the embedded one in DATA_DIR, which the server must not hold open meanwhile),
 * migrated first. A refusal prints its reason and exits 1; nothing is half-written.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { readConfig } from '../config';
import { ApiProblem } from '../problems';
import { openDatabase } from '../storage/openDatabase';
import { migrate } from '../storage/migrate';
import { CommandError, runUserCommand, type CommandIo } from './userCommand';
import { runWarehouseCommand } from './warehouseCommand';

/** A PIN from a terminal (not echoed) or the first line of piped input. */
function readPin(prompt: string): Promise<string> {
  const terminal = process.stdin.isTTY === true;
  if (terminal) process.stdout.write(prompt);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input: process.stdin, output: silent, terminal });
  return new Promise((resolve) => {
    let answered = false;
    lines.once('line', (line) => {
      answered = true;
      if (terminal) process.stdout.write('\n');
      lines.close();
      resolve(line);
    });
    lines.once('close', () => {
      if (!answered) resolve('');
    });
  });
}

const [which, ...argv] = process.argv.slice(2);
const io: CommandIo = { out: (line) => console.log(line), readPin };
let code = 0;
try {
  const config = readConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrate(db);
    if (which === 'warehouse') await runWarehouseCommand(db, argv, io);
    else await runUserCommand(db, argv, io);
  } finally {
    await db.close();
  }
} catch (error) {
  // Refusals and bad arguments are the person's to fix: their message, no stack.
  const known = error instanceof CommandError || error instanceof ApiProblem || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
  console.error(known || error instanceof Error ? (error as Error).message : String(error));
  if (!known && error instanceof Error && error.stack) console.error(error.stack);
  code = 1;
}
process.exit(code);
