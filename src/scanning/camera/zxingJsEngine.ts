/**
 * The engine for browsers without WebAssembly (or where the .wasm failed to load):
 * ZXing's TypeScript port (@zxing/library). It is the app's only copy of that code: the
 * decoding worker imports it on demand, into a chunk of its own that is runtime-cached
 * rather than precached (vite.config.ts), and the camera panel uses the MediaDevices
 * API, not @zxing/browser, to list cameras and open the stream. It reads fewer codes,
 * more slowly, and no UPC-E (a known bug of the port), and it cannot count scan lines,
 * so the camera makes up for it by asking more frames to agree (barcodeEngine.ts).
 */
import type * as ZxingLibrary from '@zxing/library';
import type { BarcodeEngine, EngineFormat, EngineRead, Pixels } from './barcodeEngine';

type Library = typeof ZxingLibrary;

/** Luminance as ITU-R BT.601, with transparent pixels read as white paper. */
export function luminanceOf(pixels: Pixels): Uint8ClampedArray {
  const { data } = pixels;
  const out = new Uint8ClampedArray(pixels.width * pixels.height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    const alpha = data[p + 3]! / 255;
    out[i] = (0.299 * data[p]! + 0.587 * data[p + 1]! + 0.114 * data[p + 2]!) * alpha + 255 * (1 - alpha);
  }
  return out;
}

const GS = '\u001d';

/**
 * The port names no AIM identifier, but it marks GS1 data: a GS1-128 read starts "]C1"
 * (with the ASSUME_GS1 hint), a GS1 DataMatrix or QR with the GS of its leading FNC1.
 */
function withSymbology(format: EngineFormat, read: string): EngineRead {
  // With ASSUME_GS1 the port also writes a GS for an FNC1 after the data of a plain
  // Code 128 (seen on bin labels drawn by zxing-wasm's writer); a GS at the end means nothing.
  const text = format === 'Code128' && read.endsWith(GS) ? read.slice(0, -1) : read;
  if (format === 'Code128' && text.startsWith(']C1')) return { format, text: text.slice(3), symbologyIdentifier: ']C1' };
  if (format === 'DataMatrix' && text.startsWith(GS)) return { format, text, symbologyIdentifier: ']d2' };
  if (format === 'QRCode' && text.startsWith(GS)) return { format, text, symbologyIdentifier: ']Q3' };
  return { format, text, symbologyIdentifier: '' };
}

/**
 * The library is handed in: the browser bundle imports its ES module build, Node can
 * only require its CommonJS build (the package declares no ES module entry for Node).
 */
export function createZxingJsEngine(library: Library): BarcodeEngine {
  const { BarcodeFormat, BinaryBitmap, ChecksumException, DecodeHintType, FormatException, HybridBinarizer, MultiFormatReader, NotFoundException, RGBLuminanceSource } = library;
  const TO_LIBRARY: Readonly<Record<EngineFormat, ZxingLibrary.BarcodeFormat>> = {
    EAN13: BarcodeFormat.EAN_13,
    EAN8: BarcodeFormat.EAN_8,
    UPCA: BarcodeFormat.UPC_A,
    UPCE: BarcodeFormat.UPC_E,
    Code128: BarcodeFormat.CODE_128,
    QRCode: BarcodeFormat.QR_CODE,
    DataMatrix: BarcodeFormat.DATA_MATRIX,
  };
  const FROM_LIBRARY = new Map(Object.entries(TO_LIBRARY).map(([engine, format]) => [format, engine as EngineFormat]));
  const reader = new MultiFormatReader();
  let formatsKey = '';
  return {
    name: 'zxing-js',
    countsLines: false,
    read(pixels: Pixels, options): Promise<EngineRead | null> {
      const key = options.formats.join();
      if (key !== formatsKey) {
        const hints = new Map<ZxingLibrary.DecodeHintType, unknown>([
          [DecodeHintType.POSSIBLE_FORMATS, options.formats.map((f) => TO_LIBRARY[f])],
          [DecodeHintType.TRY_HARDER, true],
          // A GS1-128 then reads with its "]C1" and GS separators, as zxing-wasm's does.
          [DecodeHintType.ASSUME_GS1, true],
        ]);
        reader.setHints(hints);
        formatsKey = key;
      }
      const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminanceOf(pixels), pixels.width, pixels.height)));
      // The library warns on the console for every format that does not match the
      // image (a DataMatrix reader meeting a 1D code…): on every frame, about nothing.
      const warn = console.warn;
      console.warn = (...args: unknown[]) => {
        if (!(typeof args[0] === 'string' && args[0].startsWith('MultiFormatReader: non-ReaderException'))) warn(...args);
      };
      try {
        const result = reader.decodeWithState(bitmap);
        const format = FROM_LIBRARY.get(result.getBarcodeFormat());
        return Promise.resolve(format ? withSymbology(format, result.getText()) : null);
      } catch (error) {
        // The port says "no code here" or "not readable" by throwing; anything else is a fault.
        if (error instanceof NotFoundException || error instanceof ChecksumException || error instanceof FormatException) return Promise.resolve(null);
        throw error;
      } finally {
        console.warn = warn;
        reader.reset();
      }
    },
  };
}
