/**
 * `npm run bench:scan -- --dir DIR [--json] [--decoder pipeline|zxing-wasm|zxing-js]`
 *
 * Decodes every image under DIR with the app's decoding code and settings (in Node)
 * and prints, per folder and in total: correct, wrong, missed, false reads on images
 * with no code, median and p95 ms per image; then what a 1280x720 camera frame with
 * no code costs the app pipeline (emptyFrames.ts). With --json the last line is one
 * JSON object with the totals and that cost.
 */
import { parseArgs } from 'node:util';
import { benchDirectory, formatTable, summary } from './scanBench';
import { makeDecoder, type DecoderName } from './decoders';
import { emptyFrameCost, formatEmptyFrameCost } from './emptyFrames';
import { nodeZxingWasmEngine } from './nodeEngines';

const { values } = parseArgs({
  options: { dir: { type: 'string' }, json: { type: 'boolean', default: false }, decoder: { type: 'string', default: 'pipeline' } },
});
const names: readonly DecoderName[] = ['pipeline', 'zxing-wasm', 'zxing-js'];
if (!values.dir) {
  console.error('Usage: npm run bench:scan -- --dir DIR [--json] [--decoder pipeline|zxing-wasm|zxing-js]');
  process.exit(2);
}
if (!names.includes(values.decoder as DecoderName)) {
  console.error(`--decoder must be one of ${names.join(', ')}; got "${values.decoder}"`);
  process.exit(2);
}
const decoder = await makeDecoder(values.decoder as DecoderName);
const result = await benchDirectory(values.dir, decoder);
console.log(`${decoder.name}, ${values.dir}`);
console.log(formatTable(result));
for (const mistake of result.mistakes) console.log(`  ${mistake.expected === '' ? 'false read' : 'wrong'}: ${mistake.path} read ${JSON.stringify(mistake.read)}, expected ${JSON.stringify(mistake.expected)}`);
const empty = await emptyFrameCost(await nodeZxingWasmEngine());
console.log(formatEmptyFrameCost(empty));
if (values.json) console.log(JSON.stringify({ ...summary(result.total), emptyFrame: empty }));
