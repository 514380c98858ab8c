/** What the page and the decoding worker say to each other. */
import type { FrameRead } from './barcodeEngine';

export type ToDecodeWorker =
  | { readonly kind: 'start' }
  | { readonly kind: 'frame'; readonly id: number; readonly width: number; readonly height: number; readonly buffer: ArrayBuffer };

export type FromDecodeWorker =
  /** `fallbackReason` says why the WebAssembly engine is not the one running. */
  | { readonly kind: 'ready'; readonly engine: string; readonly fallbackReason: string | null }
  | { readonly kind: 'read'; readonly id: number; readonly read: FrameRead | null }
  | { readonly kind: 'failed'; readonly id: number | null; readonly message: string };
