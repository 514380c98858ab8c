/** Reads PNG, JPEG and GIF files into RGBA pixels, as a camera frame arrives in the app. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { GifReader } from 'omggif';
import type { Pixels } from '../../src/scanning/camera/barcodeEngine';

export const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif']);

export function readImage(path: string): Pixels {
  const bytes = readFileSync(path);
  switch (extname(path).toLowerCase()) {
    case '.png': {
      const png = PNG.sync.read(bytes);
      return { data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), width: png.width, height: png.height };
    }
    case '.jpg':
    case '.jpeg': {
      const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
      return { data: new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), width: image.width, height: image.height };
    }
    case '.gif': {
      const gif = new GifReader(bytes);
      const data = new Uint8ClampedArray(gif.width * gif.height * 4);
      gif.decodeAndBlitFrameRGBA(0, data);
      return { data, width: gif.width, height: gif.height };
    }
    default:
      throw new Error(`${path}: not an image this benchmark reads (png, jpg, gif)`);
  }
}

export function encodePng(pixels: Pixels): Buffer {
  const png = new PNG({ width: pixels.width, height: pixels.height });
  png.data = Buffer.from(pixels.data.buffer, pixels.data.byteOffset, pixels.data.length);
  return PNG.sync.write(png);
}
