/** The decoders the benchmark compares: the app's pipeline, and each engine on its own. */
import { CAMERA_FORMATS, appText, type BarcodeEngine, type Pixels } from '../../src/scanning/camera/barcodeEngine';
import { FrameReader } from '../../src/scanning/camera/frameReader';
import { FrameAgreement } from '../../src/scanning/camera/frameAgreement';
import { nodeZxingJsEngine, nodeZxingWasmEngine } from './nodeEngines';
import type { ImageDecoder } from './scanBench';

/** How long the camera sees one image: 30 frames, 1.5 s at the camera loop's 20 frames a second. */
export const HELD_FRAMES = 30;
const FRAME_INTERVAL_MS = 50;

/**
 * What the camera does with a code held still in view: a fresh reader (frameReader.ts)
 * reads the image as one frame after another, under its per-frame budget, until two
 * frames agree (frameAgreement.ts) or HELD_FRAMES have passed. The read is the scan;
 * `frames` says how many frames it took.
 */
export function pipelineDecoder(engine: BarcodeEngine, name = 'app pipeline'): ImageDecoder {
  return {
    name,
    async decode(pixels: Pixels) {
      const reader = new FrameReader(engine);
      const agreement = new FrameAgreement();
      for (let frame = 1; frame <= HELD_FRAMES; frame++) {
        const scan = agreement.offer(await reader.read(pixels), frame * FRAME_INTERVAL_MS);
        if (scan) return { text: scan.text, frames: frame };
      }
      return { text: null, frames: HELD_FRAMES };
    },
  };
}

/**
 * One pass of an engine at its own default certainty (ZXing: 2 agreeing scan lines),
 * its read turned into the text the app would use (a GS1 code with its AIM prefix, as
 * the engine's symbology identifier gives it), so GS1 labels compare as the pipeline's do.
 */
export function singlePassDecoder(engine: BarcodeEngine, name: string): ImageDecoder {
  return {
    name,
    async decode(pixels) {
      const read = await engine.read(pixels, { formats: CAMERA_FORMATS, minLines: 2 });
      return { text: read ? appText(read).text : null, frames: 1 };
    },
  };
}

export type DecoderName = 'pipeline' | 'zxing-wasm' | 'zxing-js';

export async function makeDecoder(name: DecoderName): Promise<ImageDecoder> {
  switch (name) {
    case 'pipeline':
      return pipelineDecoder(await nodeZxingWasmEngine());
    case 'zxing-wasm':
      return singlePassDecoder(await nodeZxingWasmEngine(), 'zxing-wasm alone, default settings');
    case 'zxing-js':
      return singlePassDecoder(nodeZxingJsEngine(), 'zxing-js (@zxing/library) alone, TRY_HARDER');
  }
}
