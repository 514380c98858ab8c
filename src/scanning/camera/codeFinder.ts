/**
 * Finds where in a frame a barcode may be, and how it is turned, on a coarse grey copy
 * of the frame (a pixel for each 4x4), in well under a millisecond: so the extra
 * decoding passes run on a region that looks like a code, at its own angle, and a
 * frame that shows nothing code-like costs no more than the first pass.
 *
 * The method is the structure tensor per cell: the sums of gx², gy² and gx·gy over a
 * few pixels. Bars give strong gradients all in one direction (high energy, high
 * coherence) and the direction across the bars is the tensor's main axis; a 2D code
 * gives strong gradients in two directions (high energy, low coherence). Neighbouring
 * cells of one kind (and, for bars, of one direction) join into a candidate; a candidate
 * must cover a few cells in both directions, so a line of small print (a row of short
 * strokes) is seldom one. It only says where to look: ZXing still decides what is there.
 */
import type { GrayImage, Region } from './grayImage';

export interface Candidate {
  /** In the frame's pixels, with a margin for the quiet zone. */
  readonly region: Region;
  /** Bars: the direction across them, in degrees clockwise from the x axis, −90 to 90. Matrix: 0. */
  readonly angle: number;
  readonly kind: 'bars' | 'matrix';
  /** Larger is more code-like (cells times their contrast). */
  readonly score: number;
}

export interface FinderSettings {
  /** Side of a cell in search-image pixels. */
  readonly cell: number;
  /** Mean squared gradient a cell must have (grey levels²) to count: a printed code is contrasty. */
  readonly minEnergy: number;
  /** Coherence (0–1) above which a cell is bars, below `matrixCoherence` a 2D code. */
  readonly barsCoherence: number;
  readonly matrixCoherence: number;
  /** Two bar cells join when their directions differ by less than this (degrees). */
  readonly joinWithin: number;
  /** Least cells a candidate must have, and least rows and columns of cells it must span. */
  readonly minCells: number;
  readonly minSpan: number;
}

export const FINDER: FinderSettings = { cell: 4, minEnergy: 220, barsCoherence: 0.55, matrixCoherence: 0.45, joinWithin: 20, minCells: 5, minSpan: 2 };

interface Cell {
  readonly energy: number;
  readonly coherence: number;
  /** Direction across the bars, radians, in (−π/2, π/2]. */
  readonly theta: number;
  readonly xx: number;
  readonly yy: number;
  readonly xy: number;
}

/** The structure tensor of each cell; null for a cell too flat to be print (most of a frame, so no object is made for it). */
function cellsOf(image: GrayImage, size: number, minEnergy: number): { cells: (Cell | null)[]; columns: number; rows: number } {
  const columns = Math.floor((image.width - 2) / size);
  const rows = Math.floor((image.height - 2) / size);
  const cells: (Cell | null)[] = new Array(columns * rows).fill(null);
  const { data, width } = image;
  for (let cy = 0; cy < rows; cy++) {
    for (let cx = 0; cx < columns; cx++) {
      let xx = 0;
      let yy = 0;
      let xy = 0;
      for (let y = 1 + cy * size, yEnd = y + size; y < yEnd; y++) {
        for (let x = 1 + cx * size, xEnd = x + size, p = y * width + x; x < xEnd; x++, p++) {
          const gx = data[p + 1]! - data[p - 1]!;
          const gy = data[p + width]! - data[p - width]!;
          xx += gx * gx;
          yy += gy * gy;
          xy += gx * gy;
        }
      }
      const energy = (xx + yy) / (size * size);
      if (energy < minEnergy) continue;
      const coherence = xx + yy === 0 ? 0 : Math.sqrt((xx - yy) ** 2 + 4 * xy * xy) / (xx + yy);
      cells[cy * columns + cx] = { energy, coherence, theta: 0.5 * Math.atan2(2 * xy, xx - yy), xx, yy, xy };
    }
  }
  return { cells, columns, rows };
}

/** Angle between two directions across bars, which are the same modulo 180°, in degrees. */
function apart(a: number, b: number): number {
  const d = Math.abs(a - b) % Math.PI;
  return (Math.min(d, Math.PI - d) * 180) / Math.PI;
}

/**
 * Candidates in `search` (a grey copy of the frame shrunk `step` times), best first;
 * regions in frame pixels, clipped to `frame`.
 */
export function findCodes(search: GrayImage, step: number, frame: { readonly width: number; readonly height: number }, settings: FinderSettings = FINDER): Candidate[] {
  const { cells, columns, rows } = cellsOf(search, settings.cell, settings.minEnergy);
  const kindOf = (cell: Cell | null): 'bars' | 'matrix' | null => {
    if (cell === null || cell.energy < settings.minEnergy) return null;
    if (cell.coherence >= settings.barsCoherence) return 'bars';
    return cell.coherence <= settings.matrixCoherence ? 'matrix' : null;
  };
  const kinds = cells.map(kindOf);
  const seen = new Uint8Array(cells.length);
  const found: Candidate[] = [];
  for (let start = 0; start < cells.length; start++) {
    const kind = kinds[start];
    if (!kind || seen[start]) continue;
    // Flood over neighbours of the same kind; bars also of about the same direction.
    const stack = [start];
    seen[start] = 1;
    let count = 0;
    let [xx, yy, xy, contrast] = [0, 0, 0, 0];
    let [left, top, right, bottom] = [columns, rows, -1, -1];
    const seed = cells[start]!.theta;
    while (stack.length > 0) {
      const at = stack.pop()!;
      const cell = cells[at]!;
      const [cx, cy] = [at % columns, Math.floor(at / columns)];
      count += 1;
      xx += cell.xx;
      yy += cell.yy;
      xy += cell.xy;
      contrast += Math.sqrt(cell.energy);
      left = Math.min(left, cx);
      right = Math.max(right, cx);
      top = Math.min(top, cy);
      bottom = Math.max(bottom, cy);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const [nx, ny] = [cx + dx, cy + dy];
          if (nx < 0 || ny < 0 || nx >= columns || ny >= rows) continue;
          const next = ny * columns + nx;
          if (seen[next] || kinds[next] !== kind) continue;
          if (kind === 'bars' && apart(cells[next]!.theta, seed) > settings.joinWithin) continue;
          seen[next] = 1;
          stack.push(next);
        }
      }
    }
    if (count < settings.minCells || right - left + 1 < settings.minSpan || bottom - top + 1 < settings.minSpan) continue;
    const scale = settings.cell * step;
    // A quiet zone of about a cell each side, and more across the bars (a code's first and last bars can fade into it).
    const margin = 2 * scale;
    const x = left * scale - margin;
    const y = top * scale - margin;
    const region = clipTo({ x, y, width: (right - left + 1) * scale + 2 * margin, height: (bottom - top + 1) * scale + 2 * margin }, frame);
    const angle = kind === 'bars' ? (0.5 * Math.atan2(2 * xy, xx - yy) * 180) / Math.PI : 0;
    found.push({ region, angle, kind, score: contrast });
  }
  return piecesJoined(found, settings.joinWithin, frame).sort((a, b) => b.score - a.score);
}

/**
 * One code can fall into several candidates (a JPEG block or glare breaks its cells
 * apart), and a crop of a piece of an EAN-13 reads as a wrong UPC-E or EAN-8: bar
 * candidates of about one direction whose regions (with their margins) meet are one
 * code; a candidate mostly inside another is that one's piece.
 */
function piecesJoined(found: Candidate[], within: number, frame: { readonly width: number; readonly height: number }): Candidate[] {
  const joined = [...found];
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < joined.length && !merged; i++) {
      for (let j = i + 1; j < joined.length && !merged; j++) {
        const [a, b] = [joined[i]!, joined[j]!];
        const sameCode = a.kind === b.kind && (a.kind === 'matrix' || apart((a.angle * Math.PI) / 180, (b.angle * Math.PI) / 180) < within);
        const inside = overlap(a.region, b.region) > 0.5 * Math.min(area(a.region), area(b.region));
        if (!(sameCode && overlap(a.region, b.region) > 0) && !inside) continue;
        const main = a.score >= b.score ? a : b;
        joined[i] = sameCode ? { ...main, region: union(a.region, b.region, frame), score: a.score + b.score } : main;
        joined.splice(j, 1);
        merged = true;
      }
    }
  }
  return joined;
}

const area = (r: Region) => r.width * r.height;

function union(a: Region, b: Region, frame: { readonly width: number; readonly height: number }): Region {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return clipTo({ x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y }, frame);
}

function overlap(a: Region, b: Region): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clipTo(region: Region, frame: { readonly width: number; readonly height: number }): Region {
  const x = Math.max(0, Math.floor(region.x));
  const y = Math.max(0, Math.floor(region.y));
  return { x, y, width: Math.min(frame.width, Math.ceil(region.x + region.width)) - x, height: Math.min(frame.height, Math.ceil(region.y + region.height)) - y };
}

/**
 * The direction across the bars of a grey image of one code, measured finely (the
 * coarse search image aliases thin bars; this looks at every other pixel of the code
 * itself): degrees clockwise from the x axis, −90 to 90, and how sure (coherence 0–1).
 */
export function barsDirection(image: GrayImage): { angle: number; coherence: number } {
  const { data, width, height } = image;
  let [xx, yy, xy] = [0, 0, 0];
  // Sobel, not a plain difference: its gradients are near isotropic, so the angle has
  // no pull towards the axes or the diagonals.
  for (let y = 1; y < height - 1; y += 2) {
    for (let x = 1, p = y * width + 1; x < width - 1; x += 2, p += 2) {
      const [a, b, c] = [data[p - width - 1]!, data[p - width]!, data[p - width + 1]!];
      const [d, f] = [data[p - 1]!, data[p + 1]!];
      const [g, h, i] = [data[p + width - 1]!, data[p + width]!, data[p + width + 1]!];
      const gx = c + 2 * f + i - a - 2 * d - g;
      const gy = g + 2 * h + i - a - 2 * b - c;
      xx += gx * gx;
      yy += gy * gy;
      xy += gx * gy;
    }
  }
  if (xx + yy === 0) return { angle: 0, coherence: 0 };
  return { angle: (0.5 * Math.atan2(2 * xy, xx - yy) * 180) / Math.PI, coherence: Math.sqrt((xx - yy) ** 2 + 4 * xy * xy) / (xx + yy) };
}
