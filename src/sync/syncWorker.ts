/**
 * The sync's own thread (a module Web Worker): it pushes the outbox and pulls what
 * changed (sync/syncEngine.ts), and runs the first download of a warehouse
 * (sync/download.ts), parsing the server's pages and writing IndexedDB with its own
 * connection, so none of that work runs on the page's thread, where the scanner's keys
 * and the flows are handled. The page hears of the changes as it hears another tab's
 * (Dexie's storagemutated over a BroadcastChannel) and asks for each job with a message
 * (sync/syncRunner.ts); this file only relays.
 *
 * Messages: in `{ type: 'sync' | 'download', id, warehouseId, credentials, appVersion? }`
 * and `{ type: 'abort', id }`; out `{ id, report }` (a sync), `{ id, progress }` and
 * `{ id, download }` (a download's pages and its end), `{ id, error }` (a SyncError's
 * fields) or `{ id, refusal }` (a DeviceRefusal's, such as storage full).
 */
import { openFloorDb } from '../device/floorDb';
import { DeviceRefusal } from '../device/refusals';
import { createApiClient, type Credentials } from './apiClient';
import { downloadWarehouse } from './download';
import { syncOnce } from './syncEngine';
import { SyncError } from './syncError';
import type { SyncRequest, SyncReply } from './syncRunner';

const db = openFloorDb();
let credentials: Credentials | null = null;
const api = createApiClient(() => credentials);
const running = new Map<number, AbortController>();

const post = (reply: SyncReply) => (self as unknown as { postMessage(message: SyncReply): void }).postMessage(reply);

const failed = (id: number) => (error: unknown) => {
  // A refusal of the device's own (storage full) keeps its reason across the thread.
  if (error instanceof DeviceRefusal) return post({ id, refusal: { reason: error.reason, why: error.why } });
  const failure = error instanceof SyncError ? error : new SyncError('server-error', error instanceof Error ? error.message : String(error));
  post({ id, error: { reason: failure.reason, message: failure.message, status: failure.status, retryAfterSeconds: failure.retryAfterSeconds } });
};

self.addEventListener('message', (event: MessageEvent<SyncRequest>) => {
  const request = event.data;
  if (request.type === 'abort') {
    running.get(request.id)?.abort();
    return;
  }
  credentials = request.credentials;
  const stop = new AbortController();
  running.set(request.id, stop);
  const { id, warehouseId } = request;
  const job =
    request.type === 'download'
      ? downloadWarehouse(db, api, warehouseId, { signal: stop.signal, onProgress: (progress) => post({ id, progress }) }).then((state) => post({ id, download: state }))
      : syncOnce(db, api, { warehouseId, signal: stop.signal, ...(request.appVersion ? { appVersion: request.appVersion } : {}) }).then((report) => post({ id, report }));
  job.catch(failed(id)).finally(() => running.delete(id));
});
