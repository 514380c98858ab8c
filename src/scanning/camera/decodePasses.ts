/**
 * The passes that read one camera frame, cheapest first, and the rule that makes a
 * read from them certain.
 *
 * - The first passes, on every frame: the aim region (where the viewfinder asks the
 *   worker to hold the code) at full size for bars, at half size for 2D codes, and the
 *   code finder (codeFinder.ts) over a coarse copy of the whole frame. A frame with
 *   nothing code-like in it costs these alone.
 * - Found passes: each place the finder marks, turned level at its own angle (or,
 *   already level, with room around it), then cropped close, contrast-stretched and
 *   shrunk (glare, faded print, a blurred code seen close), and the 2D codes it marks.
 * - Blind passes, for what the finder misses: copies of the aim region turned by ±20°
 *   and ±40° (ZXing reads bars only about level or a quarter turn), stretched, shrunk,
 *   and the whole frame.
 *
 * Sharpening was tried and left out: on the 387 shared images it read 3 codes the other
 * passes missed, and 5 wrong on 3 agreeing lines.
 *
 * Certainty (single frame): a 2D code is certain by its error correction; a 1D read
 * counts when it holds on 3 agreeing scan lines (4 for UPC-E and EAN-8, whose check
 * digit is weaker, and only where the same image holds no EAN-13 or UPC-A, which a
 * short code can be a piece of). Then two camera frames must agree (frameAgreement.ts).
 */
import { aimRegionInPixels } from './aimRegion';
import { barsDirection, findCodes, type Candidate } from './codeFinder';
import { clip, grayOf, pixelsOf, searchGrayOf, shrunk, stretched, turned, wholeOf, type GrayImage, type Region } from './grayImage';
import { WEAK_FORMATS, type BarcodeEngine, type EngineFormat, type EngineRead, type Pixels } from './barcodeEngine';

export const BAR_FORMATS: readonly EngineFormat[] = ['EAN13', 'EAN8', 'UPCA', 'UPCE', 'Code128'];
export const MATRIX_FORMATS: readonly EngineFormat[] = ['QRCode', 'DataMatrix'];
const LONG_FORMATS: readonly EngineFormat[] = ['EAN13', 'UPCA'];
export const STRONG_MIN_LINES = 3;
export const WEAK_MIN_LINES = 4;

/** Frames smaller than this on both sides (a still image, a crop) are searched whole. */
const AIM_FROM = { width: 640, height: 360 };
/** Side of the finder's search pixel in frame pixels. */
const SEARCH_STEP = 4;

/** One frame being read: the grey copies the passes share, made once. */
export class FrameWork {
  private readonly grays = new Map<string, GrayImage>();
  private found: Candidate[] | null = null;
  private readonly levels = new Map<number, { image: GrayImage; turned: boolean }>();

  constructor(readonly frame: Pixels) {}

  get isLarge(): boolean {
    return this.frame.width >= AIM_FROM.width && this.frame.height >= AIM_FROM.height;
  }

  /** The aim box the viewfinder draws (aimRegion.ts); a small image is all aim. */
  get aim(): Region {
    return this.isLarge ? aimRegionInPixels(this.frame.width, this.frame.height) : wholeOf(this.frame);
  }

  gray(key: string, make: () => GrayImage): GrayImage {
    let image = this.grays.get(key);
    if (image === undefined) this.grays.set(key, (image = make()));
    return image;
  }

  regionGray(region: Region, scale = 1): GrayImage {
    return this.gray(`${region.x},${region.y},${region.width},${region.height}/${scale}`, () => grayOf(this.frame, region, scale));
  }

  candidates(): Candidate[] {
    if (this.found === null) this.found = this.isLarge ? findCodes(searchGrayOf(this.frame, SEARCH_STEP), SEARCH_STEP, this.frame) : [];
    return this.found;
  }

  /**
   * A candidate's bars turned level (their direction measured on the code itself), or,
   * when they are nearly level or upright already, the candidate with as much around it
   * again: a tight crop of a code the engine could read where it is mostly changes how
   * the engine's binarizer sees its surroundings (on one ZXing test image that turned a
   * right read into a wrong one on five lines). The tight crop comes next (`close`): it
   * is what reads a blurred code.
   */
  level(rank: number): GrayImage | null {
    return this.levelled(rank)?.image ?? null;
  }

  /** The tight crop of a candidate that `level` did not turn; null for one it turned (that one is tight already). */
  close(rank: number): GrayImage | null {
    const levelled = this.levelled(rank);
    return levelled && !levelled.turned ? this.regionGray(this.bars(rank)!.region) : null;
  }

  private levelled(rank: number): { image: GrayImage; turned: boolean } | null {
    const candidate = this.bars(rank);
    if (!candidate) return null;
    let levelled = this.levels.get(rank);
    if (levelled === undefined) {
      const image = this.regionGray(candidate.region);
      const { angle } = barsDirection(image);
      const { x, y, width, height } = candidate.region;
      levelled =
        Math.abs(angle) >= 6 && Math.abs(angle) <= 84
          ? { image: turned(image, -angle), turned: true }
          : { image: this.regionGray(clip({ x: x - width / 2, y: y - height / 2, width: 2 * width, height: 2 * height }, this.frame)), turned: false };
      this.levels.set(rank, levelled);
    }
    return levelled;
  }

  private bars(rank: number): Candidate | undefined {
    return this.candidates().filter((c) => c.kind === 'bars')[rank];
  }

  matrix(rank: number): GrayImage | null {
    const candidate = this.candidates().filter((c) => c.kind === 'matrix')[rank];
    return candidate ? this.regionGray(candidate.region) : null;
  }
}

export interface Pass {
  readonly name: string;
  /** first: every frame; found: on what the finder marked; blind: now and then, for what it missed. */
  readonly stage: 'first' | 'found' | 'blind';
  readonly formats: readonly EngineFormat[];
  /** The image this pass reads, or null when the frame offers none (no such candidate). */
  image(work: FrameWork): GrayImage | null;
}

const pass = (name: string, stage: Pass['stage'], formats: readonly EngineFormat[], image: (work: FrameWork) => GrayImage | null): Pass => ({ name, stage, formats, image });

/** The centre of the aim region, turned: a turned copy of all of it would cost four times as much. */
function aimCentre(work: FrameWork): GrayImage {
  const aim = work.aim;
  const side = Math.min(aim.width, aim.height * 1.8);
  return work.regionGray(clip({ x: aim.x + (aim.width - side) / 2, y: aim.y, width: side, height: aim.height }, work.frame));
}

export const PASSES: readonly Pass[] = [
  pass('aim bars', 'first', BAR_FORMATS, (w) => w.regionGray(w.aim)),
  pass('aim 2D', 'first', MATRIX_FORMATS, (w) => (w.isLarge ? w.gray('aim/2', () => shrunk(w.regionGray(w.aim), 2)) : w.regionGray(w.aim))),
  ...[0, 1].flatMap((rank) => [
    pass(`found ${rank + 1} level`, 'found', BAR_FORMATS, (w) => w.level(rank)),
    pass(`found ${rank + 1} close`, 'found', BAR_FORMATS, (w) => w.close(rank)),
    pass(`found ${rank + 1} 2D`, 'found', MATRIX_FORMATS, (w) => w.matrix(rank)),
    pass(`found ${rank + 1} stretched`, 'found', BAR_FORMATS, (w) => {
      const level = w.level(rank);
      return level && w.gray(`stretched${rank}`, () => stretched(level));
    }),
    pass(`found ${rank + 1} shrunk`, 'found', BAR_FORMATS, (w) => {
      const level = w.level(rank);
      return level && level.width >= 200 ? w.gray(`shrunk${rank}`, () => shrunk(level, 2)) : null;
    }),
  ]),
  ...[20, -20, 40, -40].map((degrees) => pass(`aim turned ${degrees}°`, 'blind', BAR_FORMATS, (w) => w.gray(`turned${degrees}`, () => turned(aimCentre(w), degrees)))),
  pass('aim stretched', 'blind', BAR_FORMATS, (w) => w.gray('aim stretched', () => stretched(w.regionGray(w.aim)))),
  pass('aim shrunk', 'blind', [...BAR_FORMATS, ...MATRIX_FORMATS], (w) => (w.isLarge || w.aim.width >= 300 ? w.gray('aim shrunk', () => shrunk(w.regionGray(w.aim), 2)) : null)),
  pass('whole bars', 'blind', BAR_FORMATS, (w) => (w.isLarge ? w.regionGray(wholeOf(w.frame)) : null)),
  pass('whole 2D', 'blind', MATRIX_FORMATS, (w) => (w.isLarge ? w.gray('whole/2', () => shrunk(w.regionGray(wholeOf(w.frame)), 2)) : null)),
];

/** What one pass read: the engine's read, and whether it is certain on its own. */
export interface PassRead extends EngineRead {
  readonly pass: string;
  readonly firm: boolean;
}

async function engineRead(engine: BarcodeEngine, image: GrayImage, formats: readonly EngineFormat[], minLines: number): Promise<EngineRead | null> {
  const options = { formats, minLines };
  return engine.readGray ? engine.readGray(image, options) : engine.read(pixelsOf(image), options);
}

/** Runs one pass: a read on two lines, then, for bars, the same image asked for the lines the certainty rule wants. */
export async function runPass(engine: BarcodeEngine, work: FrameWork, which: Pass): Promise<PassRead | null> {
  const image = which.image(work);
  if (image === null || image.width < 8 || image.height < 8) return null;
  const read = await engineRead(engine, image, which.formats, 2);
  if (read === null) return null;
  if (MATRIX_FORMATS.includes(read.format)) return { ...read, pass: which.name, firm: true };
  // As the engine was asked before this pipeline: all of the pass's formats on 3 lines,
  // then only a weak read's own format on 4 (asking one format alone on 3 lines lets a
  // wrong EAN-13 of the ZXing test images through).
  let again = await engineRead(engine, image, which.formats, STRONG_MIN_LINES);
  if (again !== null && WEAK_FORMATS.has(again.format)) {
    again = await engineRead(engine, image, [again.format], WEAK_MIN_LINES);
    // Half of an EAN-13 holds what reads as a UPC-E or an EAN-8 (a turned copy, a crop
    // that cuts the code): where the same image also reads as an EAN-13 or UPC-A, the
    // short read is that code's piece.
    if (again !== null && (await engineRead(engine, image, LONG_FORMATS, 2)) !== null) again = null;
  }
  return { ...read, pass: which.name, firm: again?.text === read.text };
}
