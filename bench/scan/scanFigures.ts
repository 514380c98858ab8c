/**
 * The scanning figures of `npm run bench`: every decoder on the shared test images and
 * on our own harder frames (drawn from REPORT_SEED, not the seed the passes were tuned
 * on), and what a 1280x720 frame with no code costs, in one run, as a Markdown section.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDirectory, summary, type DirectoryResult } from './scanBench';
import { HELD_FRAMES, makeDecoder, type DecoderName } from './decoders';
import { REPORT_SEED, writeHardImages } from './hardImages';
import { emptyFrameCost } from './emptyFrames';
import { nodeZxingWasmEngine } from './nodeEngines';

const DECODERS: readonly DecoderName[] = ['pipeline', 'zxing-wasm', 'zxing-js'];

function cells(label: string, s: ReturnType<typeof summary>): string {
  return `| ${label} | ${s.total} | ${s.correct} | ${s.wrong} | ${s.missed} | ${s.falsePositives} | ${s.medianMs.toFixed(2)} | ${s.p95Ms.toFixed(2)} | ${s.medianFrames} |`;
}

const row = (result: DirectoryResult) => cells(result.decoder, summary(result.total));
const folderRows = (result: DirectoryResult) => [...result.folders.entries()].map(([folder, tally]) => cells(folder, summary(tally))).join('\n');

const HEAD = '| Decoder | Images | Correct | Wrong | Missed | False reads | Median ms | p95 ms | Median frames |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|';
const FOLDER_HEAD = HEAD.replace('Decoder', 'Folder');

export async function measureScanning(sharedDir: string): Promise<{ markdown: string; pipeline: ReturnType<typeof summary> }> {
  const hardDir = mkdtempSync(join(tmpdir(), 'hard-frames-'));
  try {
    await writeHardImages(hardDir, REPORT_SEED);
    const shared: DirectoryResult[] = [];
    const hard: DirectoryResult[] = [];
    for (const name of DECODERS) {
      const decoder = await makeDecoder(name);
      shared.push(await benchDirectory(sharedDir, decoder));
      hard.push(await benchDirectory(hardDir, decoder));
    }
    const empty = await emptyFrameCost(await nodeZxingWasmEngine());
    const mistakes = (results: DirectoryResult[]) =>
      results.flatMap((r) => r.mistakes.map((m) => `${r.decoder}: ${m.path} read ${m.read}${m.expected ? `, expected ${m.expected}` : ' (no code there)'}`));
    const markdown = `## Scanning: decoding images

\`npm run bench:scan -- --dir DIR [--json] [--decoder …]\` runs the same code on any folder;
here every decoder ran once over every image, in Node, in the same run. "App pipeline" is
what the camera does with a code held in view: the decoding passes (aim region, then what
the code finder marks, turned level, stretched, shrunk, then blind passes in turn) under
the per-frame budget, frame after frame until two frames agree, at most ${HELD_FRAMES} frames
(src/scanning/camera/frameReader.ts); its time is all those frames' and "median frames"
says how many. The other rows are each engine alone at its defaults, one pass (zxing-js
is the fallback where WebAssembly is missing).

**A 1280x720 camera frame with no code (the common case while aiming), app pipeline:
median ${empty.medianMs.toFixed(2)} ms, p95 ${empty.p95Ms.toFixed(2)} ms, mean ${empty.meanMs.toFixed(2)} ms per frame over ${empty.frames} frames, ${empty.falseReads} false reads**
(bench/scan/emptyFrames.ts: 8 carton frames, each held 24 frames, so the blind pass of every third frame is counted).

### The shared images (${sharedDir}: 387 ZXing test images, EAN-13/EAN-8/UPC-A/UPC-E)

Targets for the app pipeline: zero wrong reads, at least 275 correct.

${HEAD}
${shared.map(row).join('\n')}

App pipeline per folder:

${FOLDER_HEAD}
${folderRows(shared[0]!)}

### Our harder frames (1280x720, bench/scan/hardImages.ts, seed ${REPORT_SEED})

${HEAD}
${hard.map(row).join('\n')}

App pipeline per folder:

${FOLDER_HEAD}
${folderRows(hard[0]!)}

Wrong and false reads of every decoder, both sets:
${mistakes([...shared, ...hard]).map((m) => `- ${m}`).join('\n') || '- none'}
`;
    return { markdown, pipeline: summary(shared[0]!.total) };
  } finally {
    rmSync(hardDir, { recursive: true, force: true });
  }
}
