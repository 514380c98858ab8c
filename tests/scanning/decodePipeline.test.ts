/**
 * The decoding pipeline (decodePasses.ts, frameReader.ts) on frames the test draws:
 * what zxing-wasm alone misses and the passes read, nothing read where there is no
 * code, and the camera's reader reaching a scan within a few frames of a code held in view.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CAMERA_FORMATS, type BarcodeEngine, type Pixels } from '../../src/scanning/camera/barcodeEngine';
import { FrameReader, readStill } from '../../src/scanning/camera/frameReader';
import { FrameAgreement } from '../../src/scanning/camera/frameAgreement';
import { nodeZxingWasmEngine } from '../../bench/scan/nodeEngines';
import { compose, randomFrom, symbolOf, type Look } from '../../bench/scan/hardImages';

let engine: BarcodeEngine;
beforeAll(async () => {
  engine = await nodeZxingWasmEngine();
});

const EAN = '4006381333931';

/** zxing-wasm on its own, at its defaults (2 agreeing lines, all its tries). */
const alone = async (pixels: Pixels) => (await engine.read(pixels, { formats: CAMERA_FORMATS, minLines: 2 }))?.text ?? null;

/** Frames of one code held in view, 50 ms apart, until two agree: the scan and how many frames it took. */
async function held(pixels: Pixels, reader = new FrameReader(engine), frames = 30): Promise<{ text: string | null; frames: number }> {
  const agreement = new FrameAgreement();
  for (let frame = 1; frame <= frames; frame++) {
    const scan = agreement.offer(await reader.read(pixels), frame * 50);
    if (scan) return { text: scan.text, frames: frame };
  }
  return { text: null, frames };
}

describe('the decoding passes', () => {
  it('read an EAN-13 turned 30°, which zxing-wasm alone misses, and the camera scans it within a few frames', async () => {
    const frame = compose(await symbolOf(EAN, 'EAN13'), { module: 3, angle: 30 }, 11);
    expect(await alone(frame)).toBeNull();
    expect((await readStill(engine, frame))?.text).toBe(EAN);
    const scan = await held(frame);
    expect(scan.text).toBe(EAN);
    expect(scan.frames).toBeLessThanOrEqual(3);
  });

  it('read codes turned at other angles, upside down and outside the aim box', async () => {
    const looks: Look[] = [
      { module: 3, angle: -42 },
      { module: 3, angle: 200 },
      { module: 2.5, angle: 15, at: [0.2, 0.2] },
    ];
    for (const look of looks) expect((await readStill(engine, compose(await symbolOf(EAN, 'EAN13'), look, 12)))?.text, JSON.stringify(look)).toBe(EAN);
  });

  it('read nothing on frames of noise, carton, small print and stripes', async () => {
    const random = randomFrom(5);
    const frames: Pixels[] = [compose(null, { module: 1, clutter: true }, 21), compose(null, { module: 1, clutter: true, blur: 1 }, 22), compose(null, { module: 1, noise: 12 }, 23)];
    const data = new Uint8ClampedArray(1280 * 720 * 4).map((_, i) => (i % 4 === 3 ? 255 : random() * 256));
    frames.push({ data, width: 1280, height: 720 });
    for (const frame of frames) {
      expect(await readStill(engine, frame)).toBeNull();
      expect((await held(frame, new FrameReader(engine), 12)).text).toBeNull();
    }
  });

  it('keep a code in the aim box the first pass: one frame read, the next agrees', async () => {
    const frame = compose(await symbolOf(EAN, 'EAN13'), { module: 3 }, 13);
    expect(await held(frame)).toEqual({ text: EAN, frames: 2 });
  });
});
