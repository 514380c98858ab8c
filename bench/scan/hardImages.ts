/**
 * Makes camera-like frames that are harder than the shared test images, from what real
 * floors do to labels: 1280x720, the code turned (up to 50°, or upside down), tilted
 * away, sheared, wrinkled, blurred or shaken, under glare, at low contrast, small on a
 * high rack, JPEG-compressed, several of these at once, GS1 and bin labels; and frames
 * with no code, plain or cluttered with print, corrugated board and a shelf edge.
 *
 * Each case draws its parameters from the seed: tune the decoder on one seed and
 * report it on another, so the figures are of frames it was not tuned on.
 *
 * `npx tsx bench/scan/hardImages.ts DIR [SEED]` writes them (PNG, or JPEG for the jpeg
 * folder) with the expected NAME.txt.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { withCheckDigit } from '../../src/domain/codes/gtin';
import { encodePng } from './imageFiles';
import { compose, randomFrom, symbolOf, type Look, type SymbolFormat } from './labelDrawing';

export { compose, randomFrom, symbolOf, type Look, type SymbolFormat } from './labelDrawing';

/**
 * The seed the pipeline was tuned on; the benchmark reports REPORT_SEED, whose frames
 * nobody looked at while tuning. (Seed 2 was the first held-out set: it showed a UPC-E
 * read from a piece of an EAN-13, which led to the finder joining a code's pieces and
 * the long-code check in decodePasses.ts, so it is held out no more.)
 */
export const TUNING_SEED = 1;
export const REPORT_SEED = 3;

interface Case {
  readonly folder: string;
  readonly name: string;
  readonly text: string;
  readonly format: SymbolFormat;
  readonly look: Look;
  /** JPEG quality when the frame is saved as JPEG (as a phone's pipeline or a web upload does). */
  readonly jpegQuality?: number;
}

const EAN13 = ['400638133393', '590123412345', '950110153000', '871039850396', '401234500000', '762221044928', '871234567890', '540123456789'].map(withCheckDigit);

function cases(seed: number): Case[] {
  const random = randomFrom(seed);
  const between = (low: number, high: number) => low + random() * (high - low);
  const sign = () => (random() < 0.5 ? -1 : 1);
  const ean = () => EAN13[Math.floor(random() * EAN13.length)]!;
  const near = (): [number, number] => [between(0.35, 0.65), between(0.4, 0.6)];
  const list: Case[] = [];
  const add = (folder: string, count: number, make: (i: number) => Omit<Case, 'folder' | 'name' | 'text' | 'format'> & Partial<Pick<Case, 'text' | 'format'>>) => {
    for (let i = 0; i < count; i++) {
      const made = make(i);
      list.push({ folder, name: `${folder}-${i}`, text: made.text ?? ean(), format: made.format ?? 'EAN13', ...made });
    }
  };
  add('rotated', 12, (i) => ({ look: { module: between(2.5, 3.5), angle: sign() * between(10, 50) + (i % 4 === 3 ? 180 : 0), at: near() } }));
  add('tilted', 8, () => ({ look: { module: between(2.5, 3.5), perspective: between(0.2, 0.45) * sign(), shear: between(-0.15, 0.15), angle: between(-8, 8), at: near() } }));
  add('wrinkled', 8, () => ({ look: { module: between(2.5, 3.5), wrinkle: { amplitude: between(1.5, 4), wavelength: between(40, 90) }, angle: between(-10, 10), at: near() } }));
  add('blurred', 10, (i) => ({ look: { module: between(3, 4.5), ...(i % 2 === 0 ? { blur: Math.round(between(1, 2)) } : { motion: Math.round(between(4, 9)) }), angle: between(-6, 6), at: near() } }));
  add('glare', 6, () => ({ look: { module: between(2.5, 3.5), glare: { x: between(0.2, 0.8), radius: between(50, 120), strength: between(120, 220) }, angle: between(-10, 10), at: near() } }));
  add('low-contrast', 6, () => {
    const ink = between(70, 140);
    return { look: { module: between(2.5, 3.5), ink, paper: ink + between(35, 60), noise: 4, at: near() } };
  });
  add('small', 10, () => ({ look: { module: between(1.2, 2), angle: between(-12, 12), at: [between(0.3, 0.7), between(0.35, 0.65)] } }));
  add('jpeg', 8, () => ({ look: { module: between(2, 3.5), angle: sign() * between(0, 30), blur: random() < 0.5 ? 1 : 0, at: near() }, jpegQuality: Math.round(between(20, 45)) }));
  add('floor', 10, () => ({
    look: {
      module: between(2, 3.5),
      angle: sign() * between(5, 40),
      blur: random() < 0.4 ? 1 : 0,
      ...(random() < 0.4 ? { glare: { x: between(0.2, 0.8), radius: between(50, 90), strength: between(100, 160) } } : {}),
      ...(random() < 0.4 ? { perspective: between(0.1, 0.3) } : {}),
      ink: between(25, 70),
      paper: between(190, 240),
      noise: between(3, 6),
      at: near(),
    },
    jpegQuality: Math.round(between(35, 60)),
  }));
  const labels: readonly { text: string; format: SymbolFormat; module: number }[] = [
    { text: '(01)09501101530003(17)271231(10)LOT42', format: 'Code128', module: 2.5 },
    { text: '(00)106141411234567897', format: 'Code128', module: 2.5 },
    { text: '(01)09501101530003(17)271231(10)LOT42(21)S123', format: 'DataMatrix', module: 8 },
    { text: 'A-01-02-3', format: 'Code128', module: 3 },
    { text: 'B-12-04-1', format: 'QRCode', module: 9 },
    { text: '96385074', format: 'EAN8', module: 4 },
    { text: '01234565', format: 'UPCE', module: 4 },
    { text: '036000291452', format: 'UPCA', module: 3 },
  ];
  add('labels', labels.length * 2, (i) => {
    const label = labels[i % labels.length]!;
    return { text: label.text, format: label.format, look: { module: label.module * between(0.8, 1.1), angle: sign() * between(0, 35), at: near(), blur: i >= labels.length ? 1 : 0 } };
  });
  return list;
}

/** Frames with no code: plain cartons, and cartons with print, stripes, a shelf edge and a mesh. */
export const NO_CODE_FRAMES = 16;

/** Writes every case of `seed` and the frames with no code into `dir`; returns how many images were written. */
export async function writeHardImages(dir: string, seed = REPORT_SEED): Promise<number> {
  let written = 0;
  const write = (folder: string, name: string, pixels: ReturnType<typeof compose>, expected: string, jpegQuality?: number) => {
    mkdirSync(join(dir, folder), { recursive: true });
    if (jpegQuality === undefined) writeFileSync(join(dir, folder, `${name}.png`), encodePng(pixels));
    else writeFileSync(join(dir, folder, `${name}.jpg`), jpeg.encode({ data: pixels.data, width: pixels.width, height: pixels.height }, jpegQuality).data);
    writeFileSync(join(dir, folder, `${name}.txt`), `${expected}\n`);
    written += 1;
  };
  for (const [i, c] of cases(seed).entries()) write(c.folder, c.name, compose(await symbolOf(c.text, c.format), c.look, seed * 10_000 + i), c.text, c.jpegQuality);
  for (let i = 0; i < NO_CODE_FRAMES; i++) {
    const look: Look = { module: 1, blur: i % 3 === 2 ? 1 : 0, noise: 2 + (i % 4) * 2, clutter: i % 2 === 1 };
    write('no-code', `frame-${i}`, compose(null, look, seed * 10_000 + 5000 + i), '', i % 4 === 3 ? 40 : undefined);
  }
  return written;
}

if (process.argv[1]?.endsWith('hardImages.ts')) {
  const [dir, seed] = process.argv.slice(2);
  if (!dir) {
    console.error('Usage: npx tsx bench/scan/hardImages.ts DIR [SEED]');
    process.exit(2);
  }
  console.log(`${await writeHardImages(dir, seed ? Number(seed) : REPORT_SEED)} images written to ${dir}`);
}
