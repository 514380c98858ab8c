/**
 * The camera's decoding engine: ZXing's C++ core compiled to WebAssembly. Chosen by
 * measurement (docs/BENCHMARKS.md): more correct reads, fewer wrong ones and ~20x
 * faster than the TypeScript port. The .wasm is served by our own server and
 * precached by the service worker; it is never fetched from a CDN.
 */
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { BarcodeEngine, EngineFormat, EngineRead, Pixels } from './barcodeEngine';

/** Where the engine's WebAssembly comes from: a URL of ours in the browser, the bytes in Node. */
export type WasmSource = { readonly wasmUrl: string } | { readonly wasmBinary: ArrayBuffer };

export async function createZxingWasmEngine(source: WasmSource): Promise<BarcodeEngine> {
  await prepareZXingModule({
    overrides:
      'wasmBinary' in source
        ? { wasmBinary: source.wasmBinary }
        : { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? source.wasmUrl : prefix + path) },
    fireImmediately: true,
  });
  return {
    name: 'zxing-wasm',
    countsLines: true,
    async read(pixels: Pixels, options): Promise<EngineRead | null> {
      const results = await readBarcodes(pixels as ImageData, {
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
      });
      const first = results.find((r) => r.isValid);
      if (!first) return null;
      return { format: first.format as EngineFormat, text: first.text, symbologyIdentifier: first.symbologyIdentifier };
    },
  };
}
