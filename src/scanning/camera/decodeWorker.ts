/**
 * The decoding worker: frames arrive as RGBA buffers, reads go back. A frame with no
 * code costs ~3 ms here, one with a hard code up to the reader's budget
 * (frameReader.ts); off the main thread it never holds up a tap or a beep.
 *
 * The engine is zxing-wasm, its .wasm served by our server (Vite gives it a hashed
 * URL of ours; the service worker precaches it), so the camera works offline. Where
 * WebAssembly is missing or its file cannot load, the TypeScript engine takes over.
 */
/// <reference lib="webworker" />
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { FrameReader } from './frameReader';
import type { BarcodeEngine } from './barcodeEngine';
import type { FromDecodeWorker, ToDecodeWorker } from './decodeMessages';

declare const self: DedicatedWorkerGlobalScope;

let reader: Promise<FrameReader> | null = null;

async function loadEngine(): Promise<{ engine: BarcodeEngine; fallbackReason: string | null }> {
  let fallbackReason = 'This browser has no WebAssembly.';
  if (typeof WebAssembly === 'object') {
    try {
      const { createZxingWasmEngine } = await import('./zxingWasmEngine');
      return { engine: await createZxingWasmEngine({ wasmUrl: new URL(wasmUrl, self.location.href).href }), fallbackReason: null };
    } catch (error) {
      fallbackReason = `The WebAssembly decoder did not load: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const [{ createZxingJsEngine }, library] = await Promise.all([import('./zxingJsEngine'), import('@zxing/library')]);
  return { engine: createZxingJsEngine(library), fallbackReason };
}

function reply(message: FromDecodeWorker): void {
  self.postMessage(message);
}

self.onmessage = async (event: MessageEvent<ToDecodeWorker>) => {
  const message = event.data;
  if (message.kind === 'start') {
    try {
      const loaded = loadEngine();
      // A new reader for each start: its turn through the passes begins afresh with the camera.
      reader = loaded.then((l) => new FrameReader(l.engine));
      const { engine: ready, fallbackReason } = await loaded;
      reply({ kind: 'ready', engine: ready.name, fallbackReason });
    } catch (error) {
      reply({ kind: 'failed', id: null, message: `No decoder could start: ${error instanceof Error ? error.message : String(error)}` });
    }
    return;
  }
  if (reader === null) {
    reply({ kind: 'failed', id: message.id, message: 'A frame arrived before the decoder was started.' });
    return;
  }
  try {
    const pixels = { data: new Uint8ClampedArray(message.buffer), width: message.width, height: message.height };
    const read = await (await reader).read(pixels);
    reply({ kind: 'read', id: message.id, read });
  } catch (error) {
    reply({ kind: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
  }
};
