/**
 * Makes camera-like frames that are harder than the shared test images: 1280x720,
 * with the code turned, blurred, under glare, at low contrast, or small in the frame,
 * plus frames with no code at all (the common case while a worker aims). Deterministic:
 * the same seed makes the same images, so runs compare.
 *
 * `npx tsx bench/scan/hardImages.ts DIR` writes them as PNG with the expected NAME.txt.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';
import type { Pixels } from '../../src/scanning/camera/barcodeEngine';
import { encodePng } from './imageFiles';
import { withCheckDigit } from '../../src/domain/codes/gtin';


interface Symbol {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

export interface Look {
  /** Pixels per module (narrowest bar). */
  readonly module: number;
  /** Degrees, clockwise. */
  readonly angle?: number;
  /** Centre of the code in the frame, as a fraction of the frame. */
  readonly at?: readonly [number, number];
  /** Grey of the bars and of the paper, 0–255. */
  readonly ink?: number;
  readonly paper?: number;
  /** Box-blur radius in pixels, applied three times (close to a Gaussian). */
  readonly blur?: number;
  /** A bright spot: centre as a fraction of the code's width from its left edge, radius in pixels, strength 0–255. */
  readonly glare?: { readonly x: number; readonly radius: number; readonly strength: number };
  /** Standard deviation of sensor noise, in grey levels. */
  readonly noise?: number;
}

let writerReady: Promise<unknown> | null = null;

function prepareWriter(): Promise<unknown> {
  if (writerReady === null) {
    const bytes = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/writer/zxing_writer.wasm'));
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    writerReady = prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  }
  return writerReady;
}

export type SymbolFormat = 'EAN13' | 'EAN8' | 'UPCA' | 'UPCE' | 'Code128' | 'QRCode' | 'DataMatrix';

/** The code's modules (0 = bar, 255 = space); GS1 texts are given in the bracketed form. */
export async function symbolOf(text: string, format: SymbolFormat): Promise<Symbol> {
  await prepareWriter();
  const gs1 = text.startsWith('(');
  const written = await writeBarcode(text, { format, options: gs1 ? 'gs1' : '', withQuietZones: false, withHRT: false } as Parameters<typeof writeBarcode>[1]);
  if (written.error) throw new Error(`Cannot draw ${format} "${text}": ${written.error}`);
  return written.symbol;
}

/** A small deterministic random generator (mulberry32). */
export function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A warehouse-ish background: a brown-grey carton with a gradient and some printed lines. */
function background(random: () => number, width: number, height: number): Float32Array {
  const grey = new Float32Array(width * height);
  const base = 120 + random() * 40;
  const slope = (random() - 0.5) * 0.05;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) grey[y * width + x] = base + slope * (x - width / 2) + Math.sin(y / 37) * 4;
  }
  // Lines of "text": short dark dashes, the things a decoder must not mistake for bars.
  for (let line = 0; line < 6; line++) {
    const top = Math.floor(random() * (height - 20));
    let x = Math.floor(random() * 200);
    while (x < width - 40) {
      const width = 2 + Math.floor(random() * 6);
      for (let y = top; y < top + 14; y++) for (let dx = 0; dx < width; dx++) grey[y * width + x + dx] = 40;
      x += width + 2 + Math.floor(random() * 10);
    }
  }
  return grey;
}

function boxBlur(grey: Float32Array, radius: number, width: number, height: number): Float32Array {
  const out = new Float32Array(grey.length);
  const pass = (from: Float32Array, to: Float32Array, horizontal: boolean) => {
    const [outer, inner] = horizontal ? [height, width] : [width, height];
    for (let o = 0; o < outer; o++) {
      const at = (i: number) => (horizontal ? o * width + i : i * width + o);
      let sum = 0;
      for (let i = -radius; i <= radius; i++) sum += from[at(Math.min(inner - 1, Math.max(0, i)))]!;
      for (let i = 0; i < inner; i++) {
        to[at(i)] = sum / (2 * radius + 1);
        sum += from[at(Math.min(inner - 1, i + radius + 1))]! - from[at(Math.max(0, i - radius))]!;
      }
    }
  };
  const temp = new Float32Array(grey.length);
  pass(grey, temp, true);
  pass(temp, out, false);
  return out;
}

/** Draws a code on a label onto a background frame, as a camera would see it. */
export function compose(symbol: Symbol | null, look: Look, seed: number, width = 1280, height = 720): Pixels {
  const random = randomFrom(seed);
  let grey = background(random, width, height);
  const ink = look.ink ?? 30;
  const paper = look.paper ?? 235;
  if (symbol !== null) {
    const isLinear = symbol.height > 1 && symbol.width > 2 * symbol.height;
    const cellWidth = look.module;
    // A 1D code's bars are drawn tall (about 0.6 of its width, as printed); a 2D code's cells are square.
    const cellHeight = isLinear ? Math.max(30, symbol.width * look.module * 0.6) / symbol.height : look.module;
    const codeWidth = symbol.width * cellWidth;
    const codeHeight = symbol.height * cellHeight;
    const margin = 10 * look.module;
    const [cx, cy] = [(look.at?.[0] ?? 0.5) * width, (look.at?.[1] ?? 0.5) * height];
    const radians = ((look.angle ?? 0) * Math.PI) / 180;
    const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
    const reach = Math.hypot(codeWidth + 2 * margin, codeHeight + 2 * margin) / 2 + 2;
    const sample = (x: number, y: number): number | null => {
      // Frame → label coordinates (origin at the code's top-left).
      const dx = x - cx;
      const dy = y - cy;
      const u = cos * dx + sin * dy + codeWidth / 2;
      const v = -sin * dx + cos * dy + codeHeight / 2;
      if (u < -margin || v < -margin || u >= codeWidth + margin || v >= codeHeight + margin) return null;
      if (u < 0 || v < 0 || u >= codeWidth || v >= codeHeight) return paper;
      const module = symbol.data[Math.floor(v / cellHeight) * symbol.width + Math.floor(u / cellWidth)]!;
      return module === 0 ? ink : paper;
    };
    for (let y = Math.max(0, Math.floor(cy - reach)); y < Math.min(height, cy + reach); y++) {
      for (let x = Math.max(0, Math.floor(cx - reach)); x < Math.min(width, cx + reach); x++) {
        // 3x3 samples a pixel: edges are grey, as through a lens.
        let sum = 0;
        let inside = 0;
        for (let sy = 0; sy < 3; sy++) {
          for (let sx = 0; sx < 3; sx++) {
            const value = sample(x + (sx + 0.5) / 3, y + (sy + 0.5) / 3);
            if (value !== null) {
              sum += value;
              inside += 1;
            }
          }
        }
        if (inside > 0) grey[y * width + x] = (sum + (9 - inside) * grey[y * width + x]!) / 9;
      }
    }
    if (look.glare) {
      const gx = cx + cos * (look.glare.x - 0.5) * codeWidth;
      const gy = cy + sin * (look.glare.x - 0.5) * codeWidth;
      const { radius, strength } = look.glare;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const d2 = ((x - gx) ** 2 + (y - gy) ** 2) / (radius * radius);
          if (d2 < 9) grey[y * width + x] = Math.min(255, grey[y * width + x]! + strength * Math.exp(-d2));
        }
      }
    }
  }
  if (look.blur) for (let i = 0; i < 3; i++) grey = boxBlur(grey, look.blur, width, height);
  const data = new Uint8ClampedArray(width * height * 4);
  const noise = look.noise ?? 3;
  for (let i = 0; i < grey.length; i++) {
    // Sum of three uniforms: near-Gaussian noise with standard deviation `noise`.
    const n = (random() + random() + random() - 1.5) * 2 * noise;
    const value = grey[i]! + n;
    data[i * 4] = value + 6; // a slightly warm white balance
    data[i * 4 + 1] = value;
    data[i * 4 + 2] = value - 6;
    data[i * 4 + 3] = 255;
  }
  return { data, width: width, height: height };
}

interface Case {
  readonly folder: string;
  readonly name: string;
  readonly text: string;
  readonly format: SymbolFormat;
  /** What a correct read is (defaults to the text). */
  readonly expected?: string;
  readonly look: Look;
}

const EAN13 = ['400638133393', '590123412345', '950110153000', '871039850396', '401234500000', '762221044928'].map(withCheckDigit);

function cases(): Case[] {
  const list: Case[] = [];
  const ean = (i: number) => EAN13[i % EAN13.length]!;
  [0, 8, 20, 35, 50, 90, 135, 180, 215, 270].forEach((angle, i) =>
    list.push({ folder: 'rotated', name: `ean13-${angle}deg`, text: ean(i), format: 'EAN13', look: { module: 3, angle } }),
  );
  [1, 2, 3].forEach((blur) =>
    [3, 4].forEach((module, i) => list.push({ folder: 'blurred', name: `blur${blur}-module${module}`, text: ean(blur + i), format: 'EAN13', look: { module, blur, angle: 4 } })),
  );
  list.push({ folder: 'blurred', name: 'upce-blur2', text: '01234565', format: 'UPCE', look: { module: 4, blur: 2 } });
  list.push({ folder: 'blurred', name: 'ean8-blur2', text: '96385074', format: 'EAN8', look: { module: 4, blur: 2 } });
  [0.2, 0.5, 0.8].forEach((x, i) =>
    [{ radius: 60, strength: 140 }, { radius: 110, strength: 200 }].forEach((glare, j) =>
      list.push({ folder: 'glare', name: `glare-${x}-${glare.radius}`, text: ean(i + j), format: 'EAN13', look: { module: 3, glare: { x, ...glare } } }),
    ),
  );
  [[90, 150], [110, 160], [130, 170], [150, 180], [60, 110]].forEach(([ink, paper], i) =>
    list.push({ folder: 'low-contrast', name: `ink${ink}-paper${paper}`, text: ean(i), format: 'EAN13', look: { module: 3, ink, paper, noise: 4 } }),
  );
  list.push({ folder: 'low-contrast', name: 'upca-ink120-paper165', text: '036000291452', format: 'UPCA', look: { module: 3, ink: 120, paper: 165 } });
  [1.2, 1.5, 1.8, 2.2].forEach((module, i) =>
    [[0.5, 0.5], [0.25, 0.3], [0.75, 0.7]].forEach((at, j) =>
      list.push({ folder: 'small', name: `module${module}-${j}`, text: ean(i + j), format: 'EAN13', look: { module, at: at as [number, number], angle: j * 3 } }),
    ),
  );
  list.push({ folder: 'labels', name: 'gs1-128-lot-expiry', text: '(01)09501101530003(17)271231(10)LOT42', format: 'Code128', look: { module: 2.5 } });
  list.push({ folder: 'labels', name: 'gs1-128-sscc', text: '(00)106141411234567897', format: 'Code128', look: { module: 2.5, angle: 5 } });
  list.push({ folder: 'labels', name: 'gs1-datamatrix', text: '(01)09501101530003(17)271231(10)LOT42(21)S123', format: 'DataMatrix', look: { module: 8 } });
  list.push({ folder: 'labels', name: 'bin-code128', text: 'A-01-02-3', format: 'Code128', look: { module: 3 } });
  list.push({ folder: 'labels', name: 'bin-qr', text: 'B-12-04-1', format: 'QRCode', look: { module: 10, angle: 12 } });
  list.push({ folder: 'labels', name: 'ean8', text: '96385074', format: 'EAN8', look: { module: 4 } });
  list.push({ folder: 'labels', name: 'upce', text: '01234565', format: 'UPCE', look: { module: 4, angle: 10 } });
  list.push({ folder: 'labels', name: 'upca', text: '036000291452', format: 'UPCA', look: { module: 3 } });
  return list;
}

export const NO_CODE_FRAMES = 12;

/** Writes every case and the frames with no code into `dir`; returns how many images were written. */
export async function writeHardImages(dir: string): Promise<number> {
  let written = 0;
  for (const [i, c] of cases().entries()) {
    mkdirSync(join(dir, c.folder), { recursive: true });
    const pixels = compose(await symbolOf(c.text, c.format), c.look, 1000 + i);
    writeFileSync(join(dir, c.folder, `${c.name}.png`), encodePng(pixels));
    writeFileSync(join(dir, c.folder, `${c.name}.txt`), `${c.expected ?? c.text}\n`);
    written += 1;
  }
  mkdirSync(join(dir, 'no-code'), { recursive: true });
  for (let i = 0; i < NO_CODE_FRAMES; i++) {
    const pixels = compose(null, { module: 1, blur: i % 3, noise: 2 + (i % 4) * 2 }, 5000 + i);
    writeFileSync(join(dir, 'no-code', `frame-${i}.png`), encodePng(pixels));
    writeFileSync(join(dir, 'no-code', `frame-${i}.txt`), '');
    written += 1;
  }
  return written;
}

if (process.argv[1]?.endsWith('hardImages.ts')) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('Usage: npx tsx bench/scan/hardImages.ts DIR');
    process.exit(2);
  }
  console.log(`${await writeHardImages(dir)} images written to ${dir}`);
}
