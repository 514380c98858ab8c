/**
 * The cost of the common camera frame: 1280x720 with no code in it, while the worker
 * aims. A fresh reader (frameReader.ts) reads a run of such frames as the camera
 * would, one after another, so the blind pass it runs every few frames is counted
 * where it falls; the figure is the time per frame.
 */
import type { BarcodeEngine } from '../../src/scanning/camera/barcodeEngine';
import { FrameReader } from '../../src/scanning/camera/frameReader';
import { compose } from './hardImages';
import { median, percentile } from '../stats';

export interface EmptyFrameCost {
  readonly frames: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly meanMs: number;
  /** Reads on frames that show no code: must be 0. */
  readonly falseReads: number;
}

/** `scenes` different empty frames (carton, print, blur, noise), each held for `framesEach` frames. */
export async function emptyFrameCost(engine: BarcodeEngine, scenes = 8, framesEach = 24): Promise<EmptyFrameCost> {
  const ms: number[] = [];
  let falseReads = 0;
  const reader = new FrameReader(engine);
  // One warm-up run: the first frames pay for the engine's and the JIT's start.
  for (let i = 0; i < 6; i++) await reader.read(compose(null, { module: 1 }, 90_000 + i));
  for (let scene = 0; scene < scenes; scene++) {
    const frame = compose(null, { module: 1, blur: scene % 3, noise: 2 + (scene % 4) * 2 }, 7000 + scene);
    for (let i = 0; i < framesEach; i++) {
      const start = performance.now();
      if ((await reader.read(frame)) !== null) falseReads += 1;
      ms.push(performance.now() - start);
    }
  }
  const round = (n: number) => Number(n.toFixed(2));
  return { frames: ms.length, medianMs: round(median(ms)), p95Ms: round(percentile(ms, 95)), meanMs: round(ms.reduce((a, b) => a + b, 0) / ms.length), falseReads };
}

export function formatEmptyFrameCost(cost: EmptyFrameCost): string {
  return `empty 1280x720 frame (no code), app pipeline per frame: median ${cost.medianMs.toFixed(2)} ms, p95 ${cost.p95Ms.toFixed(2)} ms, mean ${cost.meanMs.toFixed(2)} ms over ${cost.frames} frames; false reads ${cost.falseReads}`;
}
