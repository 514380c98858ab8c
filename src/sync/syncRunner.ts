/**
 * Runs the page's sync jobs in the sync worker (sync/syncWorker.ts): each sync the
 * scheduler asks for, and the first download of a warehouse. Parsing pages and storing
 * them never holds the page's thread: a scan is answered while a pull of thousands of
 * bins is stored, and the download screen's bars move while 200,000 products are
 * written. Where the worker cannot start (no module workers, a test without a browser)
 * the job runs on the page as before, its code loaded only then.
 *
 * Invariants: one sync at a time is the scheduler's (it waits for each run's answer,
 * and the Web Lock spans tabs); an aborted job is answered `aborted`, as in the page; the
 * worker's failures arrive as the same SyncError (reason, message, status, retry-after)
 * or DeviceRefusal (storage full) the page would have thrown.
 */
import type { FloorDb } from '../device/floorDb';
import { DeviceRefusal, type RefusalReason } from '../device/refusals';
import type { DownloadState } from '../device/syncState';
import type { Why } from '../domain/why';
import type { ApiClient, Credentials } from './apiClient';
import type { DownloadProgress } from './download';
import type { SyncReport } from './syncEngine';
import { SyncError, type SyncErrorReason } from './syncError';

type Job = { readonly id: number; readonly warehouseId: string; readonly credentials: Credentials | null };
export type SyncRequest = (Job & { readonly type: 'sync'; readonly appVersion?: string }) | (Job & { readonly type: 'download' }) | { readonly type: 'abort'; readonly id: number };

export type SyncReply =
  | { readonly id: number; readonly report: SyncReport }
  | { readonly id: number; readonly progress: DownloadProgress }
  | { readonly id: number; readonly download: DownloadState }
  | { readonly id: number; readonly refusal: { readonly reason: RefusalReason; readonly why: Why } }
  | { readonly id: number; readonly error: { readonly reason: SyncErrorReason; readonly message: string; readonly status: number | null; readonly retryAfterSeconds: number | null } };

export interface SyncRunner {
  run(warehouseId: string, signal: AbortSignal): Promise<SyncReport>;
  download(warehouseId: string, signal: AbortSignal, onProgress: (progress: DownloadProgress) => void): Promise<DownloadState>;
  stop(): void;
}

/** Where the worker's module is: the built file (vite.config.ts names it), or its source under the dev server. */
const WORKER_URL = import.meta.env.DEV ? '/src/sync/syncWorker.ts' : '/assets/syncWorker.js';

interface Waiting {
  readonly resolve: (result: never) => void;
  readonly reject: (error: unknown) => void;
  readonly onProgress?: (progress: DownloadProgress) => void;
}

export function startSyncRunner(options: { db: FloorDb; api: ApiClient; credentials: () => Credentials | null; workerUrl?: string }): SyncRunner {
  let worker: Worker | null = null;
  let broken = typeof Worker === 'undefined';
  let next = 0;
  const waiting = new Map<number, Waiting>();

  const workerOf = (): Worker | null => {
    if (broken) return null;
    if (worker) return worker;
    try {
      worker = new Worker(options.workerUrl ?? WORKER_URL, { type: 'module', name: 'sync' });
    } catch {
      broken = true;
      return null;
    }
    worker.onmessage = (event: MessageEvent<SyncReply>) => {
      const reply = event.data;
      const caller = waiting.get(reply.id);
      if (!caller) return;
      if ('progress' in reply) return caller.onProgress?.(reply.progress);
      waiting.delete(reply.id);
      if ('report' in reply) caller.resolve(reply.report as never);
      else if ('download' in reply) caller.resolve(reply.download as never);
      else if ('refusal' in reply) caller.reject(new DeviceRefusal(reply.refusal.reason, reply.refusal.why));
      else caller.reject(new SyncError(reply.error.reason, reply.error.message, reply.error.status, reply.error.retryAfterSeconds));
    };
    // The worker's module did not load (or died): jobs waiting are told, the next ones run on the page.
    worker.onerror = (event) => {
      event.preventDefault();
      broken = true;
      worker?.terminate();
      worker = null;
      for (const caller of waiting.values()) caller.reject(new SyncError('server-error', 'The sync could not run in the background; it runs on the page from now on.'));
      waiting.clear();
    };
    return worker;
  };

  /** Posts one job to the worker and waits for its answer. */
  const inWorker = <R>(target: Worker, request: SyncRequest & { type: 'sync' | 'download' }, signal: AbortSignal, onProgress?: (progress: DownloadProgress) => void) =>
    new Promise<R>((resolve, reject) => {
      if (signal.aborted) return reject(new SyncError('aborted', 'Stopped.'));
      waiting.set(request.id, { resolve: resolve as (result: never) => void, reject, ...(onProgress ? { onProgress } : {}) });
      signal.addEventListener('abort', () => target.postMessage({ type: 'abort', id: request.id } satisfies SyncRequest), { once: true });
      target.postMessage(request);
    });

  return {
    async run(warehouseId, signal) {
      const target = workerOf();
      if (target === null) {
        const { syncOnce } = await import('./syncEngine');
        return syncOnce(options.db, options.api, { warehouseId, signal });
      }
      return inWorker<SyncReport>(target, { type: 'sync', id: ++next, warehouseId, credentials: options.credentials() }, signal);
    },
    async download(warehouseId, signal, onProgress) {
      const target = workerOf();
      if (target === null) {
        const { downloadWarehouse } = await import('./download');
        return downloadWarehouse(options.db, options.api, warehouseId, { signal, onProgress });
      }
      return inWorker<DownloadState>(target, { type: 'download', id: ++next, warehouseId, credentials: options.credentials() }, signal, onProgress);
    },
    stop() {
      worker?.terminate();
      worker = null;
      for (const caller of waiting.values()) caller.reject(new SyncError('aborted', 'Stopped.'));
      waiting.clear();
    },
  };
}
