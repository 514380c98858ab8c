/**
 * The decoding engines as the benchmark and the tests run them in Node: the same
 * modules the app's decoding worker runs, with the .wasm read from node_modules
 * instead of fetched from our server.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createZxingWasmEngine } from '../../src/scanning/camera/zxingWasmEngine';
import { createZxingJsEngine } from '../../src/scanning/camera/zxingJsEngine';
import type { BarcodeEngine } from '../../src/scanning/camera/barcodeEngine';

const require = createRequire(import.meta.url);

export async function nodeZxingWasmEngine(): Promise<BarcodeEngine> {
  const path = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
  const bytes = readFileSync(path);
  const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return createZxingWasmEngine({ wasmBinary });
}

/** The fallback engine; Node can only require the library's CommonJS build. */
export function nodeZxingJsEngine(): BarcodeEngine {
  return createZxingJsEngine(require('@zxing/library') as Parameters<typeof createZxingJsEngine>[0]);
}
