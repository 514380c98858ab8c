/**
 * Decodes every image under a folder and compares each read with the sibling
 * NAME.txt (an empty file: no code in the image). A UPC-A read as EAN-13 with a
 * leading 0, and UPC-E in either form, count as correct: they are the same GTIN.
 * The time of an image is the decoder's time until its read: for the app pipeline that
 * is every camera frame until two agreed (or it gave up), as "median frames" says.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { extname, join, relative, dirname, basename } from 'node:path';
import { readProductCode } from '../../src/domain/codes/gtin';
import { looksLikeGs1, parseGs1, encodeGs1Bracketed } from '../../src/domain/codes/gs1';
import type { Pixels } from '../../src/scanning/camera/barcodeEngine';
import { IMAGE_EXTENSIONS, readImage } from './imageFiles';
import { median, percentile } from '../stats';

export interface ImageDecoder {
  readonly name: string;
  /** The text read (null: none) and how many camera frames the decoder spent on it (1 for a single pass). */
  decode(pixels: Pixels): Promise<{ text: string | null; frames: number }>;
}

export interface Tally {
  images: number;
  correct: number;
  wrong: number;
  missed: number;
  /** Reads on images with no code. */
  falsePositives: number;
  ms: number[];
  frames: number[];
}

export interface DirectoryResult {
  readonly decoder: string;
  readonly folders: ReadonlyMap<string, Tally>;
  readonly total: Tally;
  /** Images read wrong or read where there is no code: path, read, expected. */
  readonly mistakes: readonly { path: string; read: string; expected: string }[];
}

const emptyTally = (): Tally => ({ images: 0, correct: 0, wrong: 0, missed: 0, falsePositives: 0, ms: [], frames: [] });

function gtinsOf(text: string): string[] {
  const read = readProductCode(text);
  return read.ok ? read.value.map((code) => code.gtin) : [];
}

/** GS1 element strings compare by their elements, whether spelled raw, with AIM prefix or bracketed. */
function gs1Form(text: string): string | null {
  if (!looksLikeGs1(text)) return null;
  const parsed = parseGs1(text, new Date('2026-01-01'));
  return parsed.ok ? encodeGs1Bracketed(parsed.value.elements) : null;
}

export function sameCode(read: string, expected: string): boolean {
  if (read === expected) return true;
  const expectedGtins = gtinsOf(expected);
  if (expectedGtins.length > 0 && gtinsOf(read).some((gtin) => expectedGtins.includes(gtin))) return true;
  const expectedGs1 = gs1Form(expected);
  return expectedGs1 !== null && gs1Form(read) === expectedGs1;
}

/** Every image under `dir`, sorted, with its expected text. */
export function imagesUnder(dir: string): { path: string; expected: string }[] {
  const found: { path: string; expected: string }[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (IMAGE_EXTENSIONS.has(extname(entry.name).toLowerCase())) {
        const textFile = join(folder, `${basename(entry.name, extname(entry.name))}.txt`);
        if (!existsSync(textFile)) throw new Error(`${path} has no ${basename(textFile)} with the expected text`);
        found.push({ path, expected: readFileSync(textFile, 'utf8').trim() });
      }
    }
  };
  walk(dir);
  return found;
}

export async function benchDirectory(dir: string, decoder: ImageDecoder): Promise<DirectoryResult> {
  const folders = new Map<string, Tally>();
  const total = emptyTally();
  const mistakes: { path: string; read: string; expected: string }[] = [];
  for (const { path, expected } of imagesUnder(dir)) {
    const pixels = readImage(path);
    const start = performance.now();
    const { text: read, frames } = await decoder.decode(pixels);
    const ms = performance.now() - start;
    const folder = relative(dir, dirname(path)) || '.';
    if (!folders.has(folder)) folders.set(folder, emptyTally());
    for (const tally of [folders.get(folder)!, total]) {
      tally.images += 1;
      tally.ms.push(ms);
      tally.frames.push(frames);
      if (expected === '') {
        if (read !== null) tally.falsePositives += 1;
      } else if (read === null) tally.missed += 1;
      else if (sameCode(read, expected)) tally.correct += 1;
      else tally.wrong += 1;
    }
    if (read !== null && (expected === '' || !sameCode(read, expected))) mistakes.push({ path: relative(dir, path), read, expected });
  }
  return { decoder: decoder.name, folders, total, mistakes };
}

export function summary(tally: Tally) {
  return {
    total: tally.images,
    correct: tally.correct,
    wrong: tally.wrong,
    missed: tally.missed,
    falsePositives: tally.falsePositives,
    medianMs: Number(median(tally.ms).toFixed(2)),
    p95Ms: Number(percentile(tally.ms, 95).toFixed(2)),
    medianFrames: median(tally.frames),
  };
}

/** A plain-text table: one row per folder, then the total. */
export function formatTable(result: DirectoryResult): string {
  const rows = [...result.folders.entries()].map(([folder, tally]) => [folder, summary(tally)] as const);
  rows.push(['total', summary(result.total)]);
  const header = ['folder', 'images', 'correct', 'wrong', 'missed', 'false reads', 'median ms', 'p95 ms', 'median frames'];
  const lines = rows.map(([folder, s]) => [folder, s.total, s.correct, s.wrong, s.missed, s.falsePositives, s.medianMs.toFixed(2), s.p95Ms.toFixed(2), s.medianFrames].map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [format(header), ...lines.map(format)].join('\n');
}
