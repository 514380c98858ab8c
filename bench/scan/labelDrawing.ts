/**
 * Draws a code on a label into a camera-like frame: the label turned, tilted away
 * (perspective), sheared, wrinkled, under glare, blurred or shaken, at low contrast,
 * on a carton with print and edges around it. Deterministic: the same seed draws the
 * same frame.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, writeBarcode } from 'zxing-wasm/writer';
import type { Pixels } from '../../src/scanning/camera/barcodeEngine';

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
  /** Perspective of a label tilted away: modules widen from one end of the code to the other by this share (0.3: 30 % each way). */
  readonly perspective?: number;
  /** Bars slanted against the label's edges: pixels across per pixel along the bars. */
  readonly shear?: number;
  /** A wrinkled or curved label: bars waved by `amplitude` pixels every `wavelength` pixels, with shading in its folds. */
  readonly wrinkle?: { readonly amplitude: number; readonly wavelength: number };
  /** A shaking hand: horizontal motion blur over this many pixels. */
  readonly motion?: number;
  /** The background: a plain carton, or one with dense print, corrugated stripes and a shelf edge (no code, many edges). */
  readonly clutter?: boolean;
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
function background(random: () => number, width: number, height: number, clutter: boolean): Float32Array {
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
  if (clutter) addClutter(grey, random, width, height);
  return grey;
}

/** What a warehouse frame shows besides codes: a block of small print, corrugated board, a shelf edge, a mesh. */
function addClutter(grey: Float32Array, random: () => number, width: number, height: number): void {
  const fill = (x0: number, y0: number, w: number, h: number, value: number) => {
    for (let y = Math.max(0, y0); y < Math.min(height, y0 + h); y++) for (let x = Math.max(0, x0); x < Math.min(width, x0 + w); x++) grey[y * width + x] = value;
  };
  // Small print: rows of letters as strokes 1–3 px wide, 9 px tall.
  const [px, py] = [Math.floor(random() * width * 0.5), Math.floor(random() * height * 0.5)];
  for (let row = 0; row < 10; row++) {
    for (let x = px; x < px + 420; ) {
      const stroke = 1 + Math.floor(random() * 3);
      fill(x, py + row * 14, stroke, 9, 35);
      x += stroke + 1 + Math.floor(random() * 5) + (random() < 0.15 ? 8 : 0);
    }
  }
  // Corrugated board seen on edge: regular vertical stripes.
  const cx = Math.floor(random() * width * 0.6);
  for (let x = cx; x < cx + 300; x += 7) fill(x, Math.floor(height * 0.6), 3, 90, 90);
  // A shelf edge across the frame, and a mesh of thin lines.
  fill(0, Math.floor(height * (0.15 + random() * 0.1)), width, 10, 60);
  const mx = Math.floor(random() * width * 0.6);
  const my = Math.floor(random() * height * 0.4);
  for (let i = 0; i < 12; i++) {
    fill(mx + i * 16, my, 2, 180, 70);
    fill(mx, my + i * 16, 180, 2, 70);
  }
}

function motionBlur(grey: Float32Array, length: number, width: number, height: number): Float32Array {
  const out = new Float32Array(grey.length);
  const half = Math.floor(length / 2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let d = -half; d <= half; d++) sum += grey[y * width + Math.min(width - 1, Math.max(0, x + d))]!;
      out[y * width + x] = sum / (2 * half + 1);
    }
  }
  return out;
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

/**
 * Where along the label a point `x` of the drawn code falls, when the modules widen
 * linearly from (1 − p) at the left to (1 + p) at the right (a label tilted away).
 * Outside the code, unchanged.
 */
function unwarp(x: number, width: number, p: number): number {
  if (p === 0 || x < 0 || x >= width) return x;
  // Drawn position of label position L: x = (1 − p)·L + p·L²/W, so x runs 0..W as L does.
  const a = p / width;
  const b = 1 - p;
  return (-b + Math.sqrt(b * b + 4 * a * x)) / (2 * a);
}

/** Draws a code on a label onto a background frame, as a camera would see it. */
export function compose(symbol: Symbol | null, look: Look, seed: number, width = 1280, height = 720): Pixels {
  const random = randomFrom(seed);
  let grey = background(random, width, height, look.clutter ?? false);
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
      const v = -sin * dx + cos * dy + codeHeight / 2;
      let u = cos * dx + sin * dy + codeWidth / 2;
      if (u < -margin || v < -margin || u >= codeWidth + margin || v >= codeHeight + margin) return null;
      let shade = 0;
      if (look.wrinkle) {
        const phase = (2 * Math.PI * v) / look.wrinkle.wavelength;
        u += look.wrinkle.amplitude * Math.sin(phase);
        shade = 18 * Math.cos(phase * 1.7);
      }
      u = unwarp(u - (look.shear ?? 0) * (v - codeHeight / 2), codeWidth, look.perspective ?? 0);
      if (u < 0 || v < 0 || u >= codeWidth || v >= codeHeight) return paper - shade;
      const module = symbol.data[Math.floor(v / cellHeight) * symbol.width + Math.floor(u / cellWidth)]!;
      return (module === 0 ? ink : paper) - shade;
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
  if (look.motion) grey = motionBlur(grey, look.motion, width, height);
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

