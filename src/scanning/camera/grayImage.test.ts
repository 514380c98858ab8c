import { describe, expect, it } from 'vitest';
import { grayOf, searchGrayOf, shrunk, stretched, turned, type GrayImage } from './grayImage';
import { barsDirection, findCodes } from './codeFinder';

const rgba = (width: number, height: number, grey: (x: number, y: number) => number) => {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set([grey(x, y), grey(x, y), grey(x, y), 255], (y * width + x) * 4);
  return { data, width, height };
};

/** Vertical bars 4 px wide across an image, turned `degrees` clockwise about the centre. */
const bars = (width: number, height: number, degrees: number): GrayImage => {
  const r = (degrees * Math.PI) / 180;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = Math.floor((Math.cos(r) * (x - width / 2) + Math.sin(r) * (y - height / 2)) / 4) % 2 === 0 ? 30 : 220;
  return { data, width, height };
};

describe('grey images', () => {
  it('are luminance with zxing-wasm\u2019s own weights, so a grey copy reads as the frame would', () => {
    const frame = { data: new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 10, 20, 30, 255]), width: 4, height: 1 };
    expect([...grayOf(frame).data]).toEqual([76, 150, 29, 18]);
  });

  it('shrink by averaging blocks, in the frame\u2019s region', () => {
    const frame = rgba(8, 4, (x) => (x % 2 === 0 ? 0 : 200));
    expect([...grayOf(frame, { x: 2, y: 0, width: 4, height: 4 }, 2).data]).toEqual([100, 100, 100, 100]);
    expect([...shrunk(grayOf(frame), 2).data]).toEqual(new Array(8).fill(100));
    expect(searchGrayOf(rgba(16, 8, () => 90), 4)).toMatchObject({ width: 4, height: 2 });
  });

  it('stretch faded print to the full range', () => {
    const faded: GrayImage = { data: Uint8Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 120 : 160)), width: 20, height: 10 };
    expect(new Set(stretched(faded).data)).toEqual(new Set([0, 255]));
  });

  it('turn an image clockwise on a canvas that holds all of it', () => {
    const image: GrayImage = { data: Uint8Array.from({ length: 12 }, (_, i) => i * 20), width: 4, height: 3 };
    const quarter = turned(image, 90);
    expect([quarter.width, quarter.height]).toEqual([3, 4]);
    // Clockwise: the bottom-left pixel comes to the top-left.
    expect(quarter.data[0]).toBe(image.data[8]);
  });

  it('measure the direction across bars, and turning by minus it levels them', () => {
    for (const degrees of [0, 25, -40]) {
      const { angle, coherence } = barsDirection(bars(200, 200, degrees));
      expect(Math.abs(angle - degrees)).toBeLessThan(3);
      expect(coherence).toBeGreaterThan(0.8);
      expect(Math.abs(barsDirection(turned(bars(200, 200, degrees), -angle)).angle)).toBeLessThan(3);
    }
  });
});

describe('the code finder', () => {
  it('marks a patch of bars with its region and nothing on a plain frame', () => {
    const frame = rgba(640, 360, (x, y) => (x >= 300 && x < 460 && y >= 120 && y < 240 ? (Math.floor(x / 5) % 2 === 0 ? 25 : 230) : 140));
    const [found] = findCodes(searchGrayOf(frame, 4), 4, frame);
    expect(found?.kind).toBe('bars');
    expect(found!.region.x).toBeLessThanOrEqual(300);
    expect(found!.region.x + found!.region.width).toBeGreaterThanOrEqual(460);
    expect(findCodes(searchGrayOf(rgba(640, 360, () => 140), 4), 4, { width: 640, height: 360 })).toEqual([]);
  });
});
