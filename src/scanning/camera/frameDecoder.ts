/**
 * The page's side of the decoding worker: start it, hand it one frame at a time,
 * get the read back. The caller keeps at most one frame in flight, so a slow device
 * skips frames instead of queueing them.
 */
import type { FrameRead } from './barcodeEngine';
import type { FromDecodeWorker, ToDecodeWorker } from './decodeMessages';

export interface FrameDecoder {
  /** Resolves with the engine's name once it runs, and why it is the fallback if it is. */
  readonly ready: Promise<{ engine: string; fallbackReason: string | null }>;
  decode(frame: ImageData): Promise<FrameRead | null>;
  close(): void;
}

export function startFrameDecoder(): FrameDecoder {
  const worker = new Worker(new URL('./decodeWorker.ts', import.meta.url), { type: 'module', name: 'barcode-decoder' });
  const pending = new Map<number, { resolve: (value: FrameRead | null) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let markReady: (value: { engine: string; fallbackReason: string | null }) => void = () => {};
  let failReady: (error: Error) => void = () => {};
  const ready = new Promise<{ engine: string; fallbackReason: string | null }>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  worker.onmessage = (event: MessageEvent<FromDecodeWorker>) => {
    const message = event.data;
    if (message.kind === 'ready') markReady({ engine: message.engine, fallbackReason: message.fallbackReason });
    else if (message.kind === 'read') {
      pending.get(message.id)?.resolve(message.read);
      pending.delete(message.id);
    } else if (message.id === null) failReady(new Error(message.message));
    else {
      pending.get(message.id)?.reject(new Error(message.message));
      pending.delete(message.id);
    }
  };
  worker.onerror = (event) => {
    const error = new Error(`The barcode decoder stopped: ${event.message || 'its script failed to load'}`);
    failReady(error);
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  const send = (message: ToDecodeWorker, transfer: Transferable[] = []) => worker.postMessage(message, transfer);
  send({ kind: 'start' });
  return {
    ready,
    decode(frame) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const buffer = frame.data.buffer as ArrayBuffer;
        send({ kind: 'frame', id, width: frame.width, height: frame.height, buffer }, [buffer]);
      });
    },
    close() {
      worker.terminate();
      for (const { reject } of pending.values()) reject(new Error('The camera was closed.'));
      pending.clear();
    },
  };
}
