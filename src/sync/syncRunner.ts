/**
 * Runs one sync for the page's scheduler in the sync worker (sync/syncWorker.ts), so
 * parsing pull pages and storing them never holds the page's thread: a scan is answered
 * while a pull of thousands of bins is stored. Where the worker cannot start (no module
 * workers, a test without a browser) the sync runs on the page as before, loaded only
 * then.
 *
 * Invariants: one sync at a time is the scheduler's (it waits for each run's answer,
 * and the Web Lock spans tabs); an aborted run is answered `aborted`, as in the page; the
 * worker's failures arrive as the same SyncError (reason, message, status, retry-after).
 */
import type { FloorDb } from '../device/floorDb';
import type { ApiClient, Credentials } from './apiClient';
import type { SyncReport } from './syncEngine';
import { SyncError, type SyncErrorReason } from './syncError';

export type SyncRequest = { readonly type: 'sync'; readonly id: number; readonly warehouseId: string; readonly credentials: Credentials | null; readonly appVersion?: string } | { readonly type: 'abort'; readonly id: number };

export type SyncReply =
  | { readonly id: number; readonly report: SyncReport }
  | { readonly id: number; readonly error: { readonly reason: SyncErrorReason; readonly message: string; readonly status: number | null; readonly retryAfterSeconds: number | null } };

export interface SyncRunner {
  run(warehouseId: string, signal: AbortSignal): Promise<SyncReport>;
  stop(): void;
}

/** Where the worker's module is: the built file (vite.config.ts names it), or its source under the dev server. */
const WORKER_URL = import.meta.env.DEV ? '/src/sync/syncWorker.ts' : '/assets/syncWorker.js';

export function startSyncRunner(options: { db: FloorDb; api: ApiClient; credentials: () => Credentials | null; workerUrl?: string }): SyncRunner {
  let worker: Worker | null = null;
  let broken = typeof Worker === 'undefined';
  let next = 0;
  const waiting = new Map<number, { resolve: (report: SyncReport) => void; reject: (error: unknown) => void }>();

  const inPage = async (warehouseId: string, signal: AbortSignal): Promise<SyncReport> => {
    const { syncOnce } = await import('./syncEngine');
    return syncOnce(options.db, options.api, { warehouseId, signal });
  };

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
      waiting.delete(reply.id);
      if (!caller) return;
      if ('report' in reply) caller.resolve(reply.report);
      else caller.reject(new SyncError(reply.error.reason, reply.error.message, reply.error.status, reply.error.retryAfterSeconds));
    };
    // The worker's module did not load (or died): runs waiting are told, the next ones run on the page.
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

  return {
    run(warehouseId, signal) {
      const target = workerOf();
      if (target === null) return inPage(warehouseId, signal);
      const id = ++next;
      return new Promise<SyncReport>((resolve, reject) => {
        if (signal.aborted) return reject(new SyncError('aborted', 'Stopped.'));
        waiting.set(id, { resolve, reject });
        signal.addEventListener('abort', () => target.postMessage({ type: 'abort', id } satisfies SyncRequest), { once: true });
        target.postMessage({ type: 'sync', id, warehouseId, credentials: options.credentials() } satisfies SyncRequest);
      });
    },
    stop() {
      worker?.terminate();
      worker = null;
      for (const caller of waiting.values()) caller.reject(new SyncError('aborted', 'Stopped.'));
      waiting.clear();
    },
  };
}
