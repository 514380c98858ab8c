/**
 * Reads camera frames with the decoding passes (decodePasses.ts) under a per-frame
 * budget, so that the common frame, the one with no code while the worker aims, stays
 * cheap, and a hard code is still read within a few frames.
 *
 * Invariants:
 * - Every frame runs the first passes (the aim region) and the finder; a frame that
 *   shows nothing code-like runs nothing else, except one blind pass every
 *   `blindEvery` frames, in turn (a code the finder misses is met within a cycle).
 * - Found passes run while the frame's time is under `budgetMs` (at least one when
 *   the finder marked something); the next frame resumes the list where this one
 *   stopped, so over a few frames of a code held in view every pass has had its turn.
 *   The camera loop keeps one frame in flight, so the budget bounds how long a read
 *   keeps the loop waiting.
 * - The pass that last read a code goes first on the next frame: the second frame that
 *   must agree is read by the same pass at once.
 * - A read is certain per frame by the rule in decodePasses.ts; the first certain read
 *   ends the frame.
 * - Still images (the benchmark's files, a test's frame) are read by `readStill`:
 *   every pass in order, no budget: what the camera reaches over a cycle of frames.
 */
import { appText, type BarcodeEngine, type FrameRead, type Pixels, CAMERA_FORMATS, WEAK_FORMATS } from './barcodeEngine';
import { FrameWork, PASSES, STRONG_MIN_LINES, WEAK_MIN_LINES, runPass, type Pass, type PassRead } from './decodePasses';

export interface ReaderSettings {
  /** Time a frame may spend on found passes, counted from its start (ms). */
  readonly budgetMs: number;
  /** A frame with nothing code-like runs one blind pass every this many frames. */
  readonly blindEvery: number;
}

/** Measured on 1280x720 frames (docs/BENCHMARKS.md): first passes ~3 ms here; a slow handheld is several times slower. */
export const CAMERA_READER: ReaderSettings = { budgetMs: 8, blindEvery: 3 };

const FIRST = PASSES.filter((p) => p.stage === 'first');
const FOUND = PASSES.filter((p) => p.stage === 'found');
const BLIND = PASSES.filter((p) => p.stage === 'blind');

function frameRead(read: PassRead): FrameRead {
  return { ...appText(read), framesNeeded: 2 };
}

export class FrameReader {
  private frames = 0;
  private nextFound = 0;
  private nextBlind = 0;
  private lastPass: Pass | null = null;

  constructor(
    private readonly engine: BarcodeEngine,
    private readonly settings: ReaderSettings = CAMERA_READER,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Reads one camera frame; null when nothing certain was read in it. */
  async read(frame: Pixels): Promise<FrameRead | null> {
    if (!this.engine.readGray) return readWithoutPasses(this.engine, frame);
    const start = this.clock();
    const work = new FrameWork(frame);
    this.frames += 1;
    const sticky = this.lastPass !== null && this.lastPass.stage !== 'first' ? [this.lastPass] : [];
    for (const which of [...FIRST, ...sticky]) {
      const read = await this.tryPass(work, which);
      if (read) return read;
    }
    if (work.candidates().length > 0) {
      // At least one found pass, even where the first passes alone outlast the budget
      // (a slow handheld): else a hard code would wait for the blind passes.
      for (let tried = 0; tried < FOUND.length && (tried === 0 || this.clock() - start < this.settings.budgetMs); tried++) {
        const which = FOUND[this.nextFound]!;
        this.nextFound = (this.nextFound + 1) % FOUND.length;
        const read = await this.tryPass(work, which);
        if (read) return read;
      }
    }
    if (this.frames % this.settings.blindEvery === 0) {
      const which = BLIND[this.nextBlind]!;
      this.nextBlind = (this.nextBlind + 1) % BLIND.length;
      return this.tryPass(work, which);
    }
    return null;
  }

  private async tryPass(work: FrameWork, which: Pass): Promise<FrameRead | null> {
    const read = await runPass(this.engine, work, which);
    if (read?.firm) {
      this.lastPass = which;
      return frameRead(read);
    }
    if (this.lastPass === which) this.lastPass = null;
    return null;
  }
}

/** Reads a still image with every pass in order, no budget; null when no pass read a code for certain. */
export async function readStill(engine: BarcodeEngine, pixels: Pixels): Promise<FrameRead | null> {
  if (!engine.readGray) return readWithoutPasses(engine, pixels);
  const work = new FrameWork(pixels);
  for (const which of PASSES) {
    const read = await runPass(engine, work, which);
    if (read?.firm) return frameRead(read);
  }
  return null;
}

/**
 * An engine that cannot take grey images (the fallback, ZXing's TypeScript port, ~15 ms
 * a frame) reads the frame once, as before the passes; one that cannot count lines is
 * made up for with more agreeing frames (3 for the weak formats).
 */
async function readWithoutPasses(engine: BarcodeEngine, pixels: Pixels): Promise<FrameRead | null> {
  let read = await engine.read(pixels, { formats: CAMERA_FORMATS, minLines: STRONG_MIN_LINES });
  if (read === null) return null;
  const weak = WEAK_FORMATS.has(read.format);
  if (weak && engine.countsLines) read = await engine.read(pixels, { formats: [read.format], minLines: WEAK_MIN_LINES });
  if (read === null) return null;
  return { ...appText(read), framesNeeded: engine.countsLines ? 2 : weak ? 3 : 2 };
}
