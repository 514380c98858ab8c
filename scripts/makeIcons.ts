/**
 * Draws the app icons (a barcode on the app's navy) as PNG files without any image
 * library: `npx tsx scripts/makeIcons.ts`. The outputs are committed in public/icons.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const NAVY = [0x0b, 0x1f, 0x33];
const AMBER = [0xff, 0xc1, 0x07];
const WHITE = [0xff, 0xff, 0xff];

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => number[]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  const rows = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 3 + 1)] = 0;
    for (let x = 0; x < size; x++) rows.set(pixel(x, y), y * (size * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

// Bar widths of a made-up barcode, in modules.
const BARS = [2, 1, 1, 3, 1, 2, 2, 1, 3, 1, 1, 2, 1, 1, 2, 3, 1, 2];

function icon(size: number, safeZone: number): Buffer {
  const inner = size * safeZone;
  const left = (size - inner) / 2;
  const modules = BARS.reduce((a, b) => a + b, 0);
  const moduleWidth = (inner * 0.8) / modules;
  const barsLeft = left + inner * 0.1;
  const top = left + inner * 0.22;
  const bottom = left + inner * 0.7;
  const lineTop = left + inner * 0.78;
  const lineBottom = left + inner * 0.84;
  return png(size, (x, y) => {
    if (y >= lineTop && y < lineBottom && x >= barsLeft && x < barsLeft + inner * 0.8) return AMBER;
    if (y < top || y >= bottom || x < barsLeft) return NAVY;
    let position = (x - barsLeft) / moduleWidth;
    for (const [i, width] of BARS.entries()) {
      if (position < width) return i % 2 === 0 ? WHITE : NAVY;
      position -= width;
    }
    return NAVY;
  });
}

writeFileSync('public/icons/icon-192.png', icon(192, 0.9));
writeFileSync('public/icons/icon-512.png', icon(512, 0.9));
// Maskable icons are cropped to a circle or squircle: keep the drawing in the inner 70%.
writeFileSync('public/icons/maskable-512.png', icon(512, 0.7));
