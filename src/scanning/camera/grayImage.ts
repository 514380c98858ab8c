/**
 * Grey images and the few changes the decoding passes make to a frame: the grey of
 * a region at a scale, a turned copy, a contrast stretch, a shrunk copy.
 *
 * Plain loops over typed arrays, no canvas: the same code runs in the decoding worker
 * and in Node (the benchmark, the tests). Grey is ITU-R BT.601 luminance, with
 * transparent pixels read as white paper, as the engines see it.
 */
import type { Pixels } from './barcodeEngine';

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

export interface GrayImage {
  /** One byte a pixel, row by row. */
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** A rectangle of a frame, in the frame's pixels. */
export interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const wholeOf = (image: { readonly width: number; readonly height: number }): Region => ({ x: 0, y: 0, width: image.width, height: image.height });

/** The region clipped to the image, with whole-pixel edges. */
export function clip(region: Region, image: { readonly width: number; readonly height: number }): Region {
  const x = Math.max(0, Math.floor(region.x));
  const y = Math.max(0, Math.floor(region.y));
  const right = Math.min(image.width, Math.ceil(region.x + region.width));
  const bottom = Math.min(image.height, Math.ceil(region.y + region.height));
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

/**
 * The grey of `region` of the frame, shrunk by a whole `scale` (each output pixel the
 * mean of scale x scale pixels: a downscaled copy evens out noise and blur rather
 * than aliasing fine bars into false ones). The weights are zxing-wasm's own (306,
 * 601, 117 of 1024, alpha ignored as it ignores it), so a grey copy at full size
 * reads exactly as the frame handed to the engine would.
 */
export function grayOf(frame: Pixels, region: Region = wholeOf(frame), scale = 1): GrayImage {
  const area = clip(region, frame);
  const width = Math.floor(area.width / scale);
  const height = Math.floor(area.height / scale);
  const out = new Uint8Array(width * height);
  const { data } = frame;
  if (scale === 1 && LITTLE_ENDIAN && data.byteOffset % 4 === 0) {
    // Every frame's aim region comes this way: one 32-bit read a pixel (R in the low
    // byte) is a quarter faster than four byte reads.
    const pixels = new Uint32Array(data.buffer, data.byteOffset, data.length >> 2);
    for (let y = 0; y < height; y++) {
      let p = (area.y + y) * frame.width + area.x;
      for (let i = y * width, end = i + width; i < end; i++, p++) {
        const v = pixels[p]!;
        out[i] = (306 * (v & 255) + 601 * ((v >>> 8) & 255) + 117 * ((v >>> 16) & 255) + 512) >> 10;
      }
    }
    return { data: out, width, height };
  }
  if (scale === 1) {
    for (let y = 0; y < height; y++) {
      let p = ((area.y + y) * frame.width + area.x) * 4;
      const end = y * width + width;
      for (let i = y * width; i < end; i++, p += 4) out[i] = (306 * data[p]! + 601 * data[p + 1]! + 117 * data[p + 2]! + 512) >> 10;
    }
    return { data: out, width, height };
  }
  const divisor = 1024 * scale * scale;
  for (let y = 0; y < height; y++) {
    const rowStart = (area.y + y * scale) * frame.width + area.x;
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let sy = 0; sy < scale; sy++) {
        for (let sx = 0, p = (rowStart + sy * frame.width + x * scale) * 4; sx < scale; sx++, p += 4) sum += 306 * data[p]! + 601 * data[p + 1]! + 117 * data[p + 2]!;
      }
      out[y * width + x] = (sum + (divisor >> 1)) / divisor;
    }
  }
  return { data: out, width, height };
}

/**
 * A quick, coarse grey of the whole frame for finding where codes may be: one pixel
 * for each `step` x `step` block, the mean of four of its pixels' green (green carries
 * most of the luminance; reading a quarter of the frame keeps this well under a
 * millisecond).
 */
export function searchGrayOf(frame: Pixels, step: number): GrayImage {
  const width = Math.floor(frame.width / step);
  const height = Math.floor(frame.height / step);
  const out = new Uint8Array(width * height);
  const { data } = frame;
  const half = step >> 1;
  const rowBytes = frame.width * 4;
  for (let y = 0; y < height; y++) {
    const top = (y * step + (half >> 1)) * rowBytes + 1;
    const bottom = top + half * rowBytes;
    for (let x = 0, p = (half >> 1) * 4; x < width; x++, p += step * 4) {
      out[y * width + x] = (data[top + p]! + data[top + p + half * 4]! + data[bottom + p]! + data[bottom + p + half * 4]! + 2) >> 2;
    }
  }
  return { data: out, width, height };
}

/** RGBA pixels of a grey image, as the engines take them. */
export function pixelsOf(image: GrayImage): Pixels {
  const data = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0, p = 0; i < image.data.length; i++, p += 4) {
    const g = image.data[i]!;
    data[p] = g;
    data[p + 1] = g;
    data[p + 2] = g;
    data[p + 3] = 255;
  }
  return { data, width: image.width, height: image.height };
}

/**
 * The image turned by `degrees` (clockwise) about its centre, on a canvas large enough
 * to hold all of it, the corners filled with the image's mean grey (paper, not black
 * bars). Bilinear, so turned bars keep grey edges instead of steps.
 */
export function turned(image: GrayImage, degrees: number): GrayImage {
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  // Less a hair, so a quarter turn (cos 90° is 6e-17, not 0) does not gain a column.
  const width = Math.ceil(Math.abs(image.width * cos) + Math.abs(image.height * sin) - 1e-9);
  const height = Math.ceil(Math.abs(image.width * sin) + Math.abs(image.height * cos) - 1e-9);
  const out = new Uint8Array(width * height);
  const fill = meanOf(image);
  const [cx, cy, ox, oy] = [image.width / 2, image.height / 2, width / 2, height / 2];
  const src = image.data;
  const maxX = image.width - 1;
  const maxY = image.height - 1;
  for (let y = 0; y < height; y++) {
    // Output → source: turn back by `degrees`.
    const dy = y + 0.5 - oy;
    let sx = cos * (0.5 - ox) + sin * dy + cx - 0.5;
    let sy = -sin * (0.5 - ox) + cos * dy + cy - 0.5;
    for (let x = 0; x < width; x++, sx += cos, sy -= sin) {
      if (sx < 0 || sy < 0 || sx > maxX || sy > maxY) {
        out[y * width + x] = fill;
        continue;
      }
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const x1 = Math.min(x0 + 1, maxX);
      const y1 = Math.min(y0 + 1, maxY);
      const fx = sx - x0;
      const fy = sy - y0;
      const top = src[y0 * image.width + x0]! * (1 - fx) + src[y0 * image.width + x1]! * fx;
      const bottom = src[y1 * image.width + x0]! * (1 - fx) + src[y1 * image.width + x1]! * fx;
      out[y * width + x] = top * (1 - fy) + bottom * fy + 0.5;
    }
  }
  return { data: out, width, height };
}

function meanOf(image: GrayImage): number {
  let sum = 0;
  for (let i = 0; i < image.data.length; i += 7) sum += image.data[i]!;
  return Math.round(sum / Math.ceil(image.data.length / 7));
}

/**
 * Contrast stretched so the darkest 1 % is black and the lightest 1 % white: faded
 * thermal print and labels under glare keep their bars but lose their range.
 */
export function stretched(image: GrayImage): GrayImage {
  const histogram = new Uint32Array(256);
  for (const g of image.data) histogram[g]! += 1;
  const tail = image.data.length / 100;
  let low = 0;
  for (let seen = 0; low < 255 && (seen += histogram[low]!) < tail; ) low++;
  let high = 255;
  for (let seen = 0; high > 0 && (seen += histogram[high]!) < tail; ) high--;
  if (high - low < 8) return image;
  const table = new Uint8Array(256);
  for (let g = 0; g < 256; g++) table[g] = Math.max(0, Math.min(255, Math.round(((g - low) * 255) / (high - low))));
  const out = new Uint8Array(image.data.length);
  for (let i = 0; i < out.length; i++) out[i] = table[image.data[i]!]!;
  return { data: out, width: image.width, height: image.height };
}

/** Shrunk by a whole factor, each pixel the mean of the block. */
export function shrunk(image: GrayImage, factor: number): GrayImage {
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const out = new Uint8Array(width * height);
  const src = image.data;
  if (factor === 2) {
    // Every frame shrinks the aim region by two for 2D codes: without the inner loops.
    for (let y = 0; y < height; y++) {
      let top = 2 * y * image.width;
      let bottom = top + image.width;
      for (let i = y * width, end = i + width; i < end; i++, top += 2, bottom += 2) out[i] = (src[top]! + src[top + 1]! + src[bottom]! + src[bottom + 1]! + 2) >> 2;
    }
    return { data: out, width, height };
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let sy = 0; sy < factor; sy++) for (let sx = 0; sx < factor; sx++) sum += src[(y * factor + sy) * image.width + x * factor + sx]!;
      out[y * width + x] = sum / (factor * factor) + 0.5;
    }
  }
  return { data: out, width, height };
}
