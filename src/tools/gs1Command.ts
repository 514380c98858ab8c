/**
 * `npm run -s gs1 [-- --json]`: reads GS1 data one input a line on stdin (bracketed,
 * raw with GS as the byte 0x1d, with or without an AIM prefix ]C1 ]e0 ]d2 ]Q3 ]J1, or
 * a GS1 Digital Link URI) and checks each with the app's own parser, by every rule of
 * GS1's Syntax Dictionary. Prints one line per input:
 * - with --json: {"ok":true,"elements":[{"ai":"01","value":"…"},…]} or {"ok":false,"reason":"…"};
 * - without: "ok  (01) GTIN 09506000134352  (10) batch/lot ABC" or "refused  <reason>".
 * For integrators checking their labels and for tests; exits 0 when every input was read.
 */
import { createInterface } from 'node:readline';
import { readGs1Elements, SYNTAX_DICTIONARY_RELEASE, titleOf } from '../domain/codes/gs1';

const args = process.argv.slice(2);
if (args.includes('--help') || args.some((arg) => arg !== '--json')) {
  console.error(`Usage: npm run -s gs1 [-- --json] < inputs.txt   (GS1 Syntax Dictionary ${SYNTAX_DICTIONARY_RELEASE})`);
  process.exit(args.includes('--help') ? 0 : 2);
}
const json = args.includes('--json');

function answer(line: string): string {
  const read = readGs1Elements(line);
  if (json) {
    return JSON.stringify(read.ok ? { ok: true, elements: read.elements.map(({ ai, value }) => ({ ai, value })) } : { ok: false, reason: read.error.message });
  }
  return read.ok ? `ok  ${read.elements.map(({ ai, value }) => `(${ai}) ${titleOf(ai)} ${value}`).join('  ')}` : `refused  ${read.error.message}`;
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) process.stdout.write(`${answer(line)}\n`);
