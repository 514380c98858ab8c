import { describe, expect, it } from 'vitest';
import type { BarcodeEngine, EngineFormat, EngineRead, Pixels, ReadOptions } from './barcodeEngine';
import { FrameReader, readStill } from './frameReader';
import type { GrayImage } from './grayImage';

/** A frame of one grey: nothing code-like in it. */
const plain = (width = 1280, height = 720): Pixels => ({ data: new Uint8ClampedArray(width * height * 4).fill(170), width, height });

/** A frame with dark bars in the aim region: what the code finder marks. */
function barred(): Pixels {
  const frame = plain();
  for (let y = 300; y < 420; y++) for (let x = 500; x < 780; x++) if (Math.floor(x / 6) % 2 === 0) frame.data.fill(20, (y * 1280 + x) * 4, (y * 1280 + x) * 4 + 3);
  return frame;
}

/** An engine that answers `answer(options)` for every image and notes each call. */
function fakeEngine(answer: (options: ReadOptions, image: GrayImage) => EngineRead | null = () => null) {
  const calls: { width: number; height: number; formats: readonly EngineFormat[]; minLines: number }[] = [];
  const engine: BarcodeEngine = {
    name: 'fake',
    countsLines: true,
    read: () => Promise.reject(new Error('the passes hand the engine grey images')),
    readGray: (image, options) => {
      calls.push({ width: image.width, height: image.height, formats: options.formats, minLines: options.minLines });
      return Promise.resolve(answer(options, image));
    },
  };
  return { engine, calls };
}

const ean = (text = '4006381333931'): EngineRead => ({ format: 'EAN13', text, symbologyIdentifier: ']E0' });

describe('the certainty rule', () => {
  it('takes a 1D read only when it holds on 3 agreeing lines', async () => {
    const twoLines = fakeEngine((o) => (o.minLines <= 2 ? ean() : null));
    expect(await readStill(twoLines.engine, plain(320, 240))).toBeNull();
    const threeLines = fakeEngine((o) => (o.minLines <= 3 ? ean() : null));
    expect(await readStill(threeLines.engine, plain(320, 240))).toEqual({ text: '4006381333931', symbology: 'ean-13', framesNeeded: 2 });
  });

  it('asks UPC-E and EAN-8 for 4 lines, in their own format', async () => {
    const upce: EngineRead = { format: 'UPCE', text: '01234565', symbologyIdentifier: ']E0' };
    const three = fakeEngine((o) => (o.minLines <= 3 ? upce : null));
    expect(await readStill(three.engine, plain(320, 240))).toBeNull();
    const four = fakeEngine((o) => (o.formats.join() === 'EAN13,UPCA' ? null : upce));
    expect((await readStill(four.engine, plain(320, 240)))?.symbology).toBe('upc-e');
    expect(four.calls.some((c) => c.minLines === 4 && c.formats.join() === 'UPCE')).toBe(true);
  });

  it('does not take a UPC-E from an image that also reads as an EAN-13 (half an EAN-13 can read as a UPC-E)', async () => {
    const upce: EngineRead = { format: 'UPCE', text: '0101234000054', symbologyIdentifier: ']E0' };
    const piece = fakeEngine((o) => (o.formats.join() === 'EAN13,UPCA' ? ean('4012345000009') : upce));
    expect(await readStill(piece.engine, plain(320, 240))).toBeNull();
  });

  it('does not take a read whose text changes when more lines are asked', async () => {
    const unsure = fakeEngine((o) => (o.minLines <= 2 ? ean('4006381333931') : ean('5901234123457')));
    expect(await readStill(unsure.engine, plain(320, 240))).toBeNull();
  });

  it('takes a 2D code at once: its error correction is the check', async () => {
    const qr = fakeEngine((o) => (o.formats.includes('QRCode') ? { format: 'QRCode', text: 'A-01-02-3', symbologyIdentifier: ']Q1' } : null));
    expect(await readStill(qr.engine, plain(320, 240))).toEqual({ text: 'A-01-02-3', symbology: 'qr', framesNeeded: 2 });
  });
});

describe('the camera frame budget', () => {
  it('spends an empty frame on the aim region alone, with one blind pass every third frame', async () => {
    const { engine, calls } = fakeEngine();
    const reader = new FrameReader(engine);
    const perFrame: number[] = [];
    for (let i = 0; i < 6; i++) {
      const before = calls.length;
      await reader.read(plain());
      perFrame.push(calls.length - before);
    }
    expect(perFrame).toEqual([2, 2, 3, 2, 2, 3]);
    // The first passes: the aim region (1024x360 of 1280x720) for bars, at half size for 2D codes.
    expect(calls.slice(0, 2).map((c) => `${c.width}x${c.height}`)).toEqual(['1024x360', '512x180']);
  });

  it('runs found passes where the finder marks something, and stops at the budget', async () => {
    let now = 0;
    const { engine, calls } = fakeEngine(() => {
      now += 3; // every call costs 3 ms
      return null;
    });
    const reader = new FrameReader(engine, { budgetMs: 8, blindEvery: 1000 }, () => now);
    await reader.read(barred());
    // 2 first passes (6 ms), found passes until past 8 ms: one more.
    expect(calls.length).toBe(3);
  });

  it('runs at least one found pass even when the first passes outlast the budget', async () => {
    let now = 0;
    const { engine, calls } = fakeEngine(() => {
      now += 20;
      return null;
    });
    await new FrameReader(engine, { budgetMs: 8, blindEvery: 1000 }, () => now).read(barred());
    expect(calls.length).toBe(3);
  });

  it('reads the next frame first with the pass that read the last one', async () => {
    // Only a found pass (an image that is not the aim region's) reads the code.
    const { engine, calls } = fakeEngine((_, image) => (image.width !== 1024 && image.width !== 512 ? ean() : null));
    const reader = new FrameReader(engine, { budgetMs: 100, blindEvery: 1000 });
    expect((await reader.read(barred()))?.text).toBe('4006381333931');
    const before = calls.length;
    expect((await reader.read(barred()))?.text).toBe('4006381333931');
    // Two first passes, then the sticky pass and its 3-line check.
    expect(calls.length - before).toBe(4);
  });
});
