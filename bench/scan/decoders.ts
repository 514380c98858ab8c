/** The decoders the benchmark compares: the app's pipeline, and each engine on its own. */
import { CAMERA_FORMATS, readFrame, type BarcodeEngine } from '../../src/scanning/camera/barcodeEngine';
import { nodeZxingJsEngine, nodeZxingWasmEngine } from './nodeEngines';
import type { ImageDecoder } from './scanBench';

/** What the app runs on each camera frame: zxing-wasm with the certainty rule (barcodeEngine.ts). */
export function pipelineDecoder(engine: BarcodeEngine, name = 'app pipeline'): ImageDecoder {
  return { name, decode: async (pixels) => (await readFrame(engine, pixels))?.text ?? null };
}

/** One pass of an engine at its own default certainty (ZXing: 2 agreeing scan lines). */
export function singlePassDecoder(engine: BarcodeEngine, name: string): ImageDecoder {
  return { name, decode: async (pixels) => (await engine.read(pixels, { formats: CAMERA_FORMATS, minLines: 2 }))?.text ?? null };
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
