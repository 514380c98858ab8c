/**
 * The camera's decoding engine: ZXing's C++ core compiled to WebAssembly. Chosen by
 * measurement (docs/BENCHMARKS.md): more correct reads, fewer wrong ones and ~20x
 * faster than the TypeScript port. The .wasm is served by our own server and
 * precached by the service worker; it is never fetched from a CDN.
 *
 * Grey images go to the module's pixmap reader as they are: zxing-wasm's own
 * readBarcodes takes RGBA only and turns it into grey in JavaScript, a millisecond a
 * frame that the decoding passes (decodePasses.ts) have already spent. The options
 * are encoded as readBarcodes encodes them, from the package's own tables.
 */
import {
  BINARIZERS,
  CHARACTER_SETS,
  EAN_ADD_ON_SYMBOLS,
  TEXT_MODES,
  defaultReaderOptions,
  encodeFormats,
  prepareZXingModule,
  readBarcodes,
  type ReaderOptions,
  type ZXingReaderModule,
  type ZXingReaderOptions,
  type ZXingReadResult,
} from 'zxing-wasm/reader';
import type { BarcodeEngine, EngineFormat, EngineRead, Pixels, ReadOptions } from './barcodeEngine';
import type { GrayImage } from './grayImage';

/** The Emscripten module's heap, which zxing-wasm's types leave to @types/emscripten (not installed). */
type ReaderModule = ZXingReaderModule & { _malloc(bytes: number): number; _free(pointer: number): void; readonly HEAPU8: Uint8Array };

/** Where the engine's WebAssembly comes from: a URL of ours in the browser, the bytes in Node. */
export type WasmSource = { readonly wasmUrl: string } | { readonly wasmBinary: ArrayBuffer };

function readerOptions(options: ReadOptions): ReaderOptions {
  return {
    formats: [...options.formats],
    minLineCount: options.minLines,
    maxNumberOfSymbols: 1,
    // Labels on a warehouse floor are printed dark on light; not trying the inverted
    // image as well cut the median time per image by a fifth with the same reads.
    tryInvert: false,
    // GS1 data as the symbol holds it (GS after each variable field), as a hardware
    // scanner sends it; the default "HRI" brackets it, which is ambiguous when a lot
    // itself holds a bracket.
    textMode: 'Plain',
  };
}

function encoded(options: ReaderOptions): ZXingReaderOptions {
  const all = { ...defaultReaderOptions, ...options };
  return {
    ...all,
    formats: encodeFormats(all.formats),
    binarizer: BINARIZERS.indexOf(all.binarizer),
    eanAddOnSymbol: EAN_ADD_ON_SYMBOLS.indexOf(all.eanAddOnSymbol),
    textMode: TEXT_MODES.indexOf(all.textMode),
    characterSet: CHARACTER_SETS.indexOf(all.characterSet),
  };
}

function engineRead(result: Pick<ZXingReadResult, 'isValid' | 'format' | 'text' | 'symbologyIdentifier'> | undefined): EngineRead | null {
  if (!result?.isValid) return null;
  return { format: result.format as EngineFormat, text: result.text, symbologyIdentifier: result.symbologyIdentifier };
}

export async function createZxingWasmEngine(source: WasmSource): Promise<BarcodeEngine> {
  const module = (await prepareZXingModule({
    overrides:
      'wasmBinary' in source
        ? { wasmBinary: source.wasmBinary }
        : { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? source.wasmUrl : prefix + path) },
    fireImmediately: true,
  })) as ReaderModule;
  const encodedCache = new Map<string, ZXingReaderOptions>();
  return {
    name: 'zxing-wasm',
    countsLines: true,
    async read(pixels: Pixels, options): Promise<EngineRead | null> {
      const results = await readBarcodes(pixels as ImageData, readerOptions(options));
      return engineRead(results.find((r) => r.isValid));
    },
    readGray(image: GrayImage, options): Promise<EngineRead | null> {
      const key = `${options.formats.join()}|${options.minLines}`;
      let zxingOptions = encodedCache.get(key);
      if (zxingOptions === undefined) encodedCache.set(key, (zxingOptions = encoded(readerOptions(options))));
      const pointer = module._malloc(image.data.length);
      if (!pointer) throw new Error(`The decoder could not allocate ${image.data.length} bytes`);
      try {
        module.HEAPU8.set(image.data, pointer);
        const results = module.readBarcodesFromPixmap(pointer, image.width, image.height, zxingOptions);
        for (let i = 0; i < results.size(); i++) {
          const read = engineRead(results.get(i));
          if (read) return Promise.resolve(read);
        }
        return Promise.resolve(null);
      } finally {
        module._free(pointer);
      }
    },
  };
}
