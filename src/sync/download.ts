/**
 * The first download of a warehouse, entity by entity, page by page. The next
 * page is fetched while the current one is being stored, so the network and
 * IndexedDB work at the same time. Stopping (an abort, a lost network, a closed
 * app) loses at most the page in flight; the next run resumes after the last
 * stored page.
 */
import type { FloorDb } from '../device/floorDb';
import { beginDownload, finishDownload, readDownload, storePage } from '../device/downloadStore';
import type { DownloadState } from '../device/syncState';
import { downloadEntities, downloadManifestSchema, downloadPageSchemas, type DownloadEntity, type DownloadPage } from '../protocol/download';
import { apiPaths } from '../protocol/paths';
import type { ApiClient } from './apiClient';

export interface DownloadProgress {
  readonly entity: DownloadEntity | null;
  readonly state: DownloadState;
}

export interface DownloadOptions {
  readonly signal?: AbortSignal;
  readonly pageSize?: number;
  readonly onProgress?: (progress: DownloadProgress) => void;
}

/** True when the device holds a complete download of this warehouse. */
export async function hasCompleteDownload(db: FloorDb, warehouseId: string): Promise<boolean> {
  const state = await readDownload(db);
  return state !== null && state.warehouseId === warehouseId && state.finishedAt !== null;
}

export async function downloadWarehouse(db: FloorDb, api: ApiClient, warehouseId: string, options: DownloadOptions = {}): Promise<DownloadState> {
  const { signal, onProgress } = options;
  const manifest = await api.get(apiPaths.downloadManifest(warehouseId), downloadManifestSchema, signal ? { signal } : {});
  let state = await beginDownload(db, manifest);
  onProgress?.({ entity: null, state });
  const pageSize = options.pageSize ?? manifest.pageSize;

  for (const entity of downloadEntities) {
    const fetchPage = (after: string | null): Promise<DownloadPage<typeof entity>> => {
      const query = new URLSearchParams({ limit: String(pageSize) });
      if (after !== null) query.set('after', after);
      return api.get(`${apiPaths.downloadPage(warehouseId, entity)}?${query.toString()}`, downloadPageSchemas[entity], signal ? { signal } : {}) as Promise<DownloadPage<typeof entity>>;
    };
    if (state.entities[entity].done) continue;
    const ask = (after: string | null) => {
      const request = fetchPage(after);
      // A page asked for ahead may fail while another is being stored; that failure is
      // reported when the page is awaited, not as an unhandled rejection.
      request.catch(() => undefined);
      return request;
    };
    let inFlight = ask(state.entities[entity].cursor);
    for (;;) {
      const page = await inFlight;
      // Ask for the next page before storing this one: both proceed together.
      if (page.next !== null) inFlight = ask(page.next);
      state = await storePage(db, entity, page.items as never, page.next);
      onProgress?.({ entity, state });
      if (page.next === null) break;
    }
  }
  state = await finishDownload(db);
  onProgress?.({ entity: null, state });
  return state;
}
