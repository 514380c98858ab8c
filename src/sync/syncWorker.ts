/**
 * The sync's own thread (a module Web Worker): it pushes the outbox and pulls what
 * changed (sync/syncEngine.ts), parsing the server's pages and writing IndexedDB with its
 * own connection, so none of that work runs on the page's thread, where the scanner's
 * keys and the flows are handled. The page hears of the changes as it hears another tab's
 * (Dexie's storagemutated over a BroadcastChannel) and asks for each sync with a message
 * (sync/syncRunner.ts); this file only relays.
 *
 * Messages: in `{ type: 'sync', id, warehouseId, credentials, appVersion? }` and
 * `{ type: 'abort', id }`; out `{ id, report }` or `{ id, error }` (a SyncError's fields).
 */
import { openFloorDb } from '../device/floorDb';
import { createApiClient, type Credentials } from './apiClient';
import { syncOnce } from './syncEngine';
import { SyncError } from './syncError';
import type { SyncRequest, SyncReply } from './syncRunner';

const db = openFloorDb();
let credentials: Credentials | null = null;
const api = createApiClient(() => credentials);
const running = new Map<number, AbortController>();

const post = (reply: SyncReply) => (self as unknown as { postMessage(message: SyncReply): void }).postMessage(reply);

self.addEventListener('message', (event: MessageEvent<SyncRequest>) => {
  const request = event.data;
  if (request.type === 'abort') {
    running.get(request.id)?.abort();
    return;
  }
  credentials = request.credentials;
  const stop = new AbortController();
  running.set(request.id, stop);
  syncOnce(db, api, { warehouseId: request.warehouseId, signal: stop.signal, ...(request.appVersion ? { appVersion: request.appVersion } : {}) }).then(
    (report) => post({ id: request.id, report }),
    (error: unknown) => {
      const failure = error instanceof SyncError ? error : new SyncError('server-error', error instanceof Error ? error.message : String(error));
      post({ id: request.id, error: { reason: failure.reason, message: failure.message, status: failure.status, retryAfterSeconds: failure.retryAfterSeconds } });
    },
  ).finally(() => running.delete(request.id));
});
