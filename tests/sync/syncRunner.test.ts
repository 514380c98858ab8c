import { afterEach, describe, expect, it } from 'vitest';
import { DeviceRefusal } from '../../src/device/refusals';
import { startSyncRunner, type SyncReply, type SyncRequest } from '../../src/sync/syncRunner';
import { SyncError } from '../../src/sync/syncError';
import type { DownloadState } from '../../src/device/syncState';
import type { FloorDb } from '../../src/device/floorDb';
import type { ApiClient } from '../../src/sync/apiClient';

/** A worker that records what the page posts, and answers as the test says. */
class FakeWorker {
  static last: FakeWorker | null = null;
  readonly posted: SyncRequest[] = [];
  onmessage: ((event: MessageEvent<SyncReply>) => void) | null = null;
  onerror: ((event: { preventDefault(): void }) => void) | null = null;
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(request: SyncRequest) {
    this.posted.push(request);
  }
  answer(reply: SyncReply) {
    this.onmessage?.({ data: reply } as MessageEvent<SyncReply>);
  }
  terminate() {
    this.terminated = true;
  }
}

const state = { warehouseId: 'wh-main', finishedAt: '2026-12-03T10:00:00.000Z' } as DownloadState;
const runner = () => {
  (globalThis as { Worker?: unknown }).Worker = FakeWorker;
  return startSyncRunner({ db: {} as FloorDb, api: {} as ApiClient, credentials: () => ({ token: 't', deviceId: 'd' }), workerUrl: '/sync.js' });
};

afterEach(() => {
  delete (globalThis as { Worker?: unknown }).Worker;
});

describe('the first download in the sync worker', () => {
  it('posts the job, relays each page stored, and resolves with the finished state', async () => {
    const progress: unknown[] = [];
    const done = runner().download('wh-main', new AbortController().signal, (p) => progress.push(p));
    const worker = FakeWorker.last!;
    expect(worker.posted).toEqual([{ type: 'download', id: 1, warehouseId: 'wh-main', credentials: { token: 't', deviceId: 'd' } }]);
    worker.answer({ id: 1, progress: { entity: 'products', state } });
    worker.answer({ id: 1, progress: { entity: 'bins', state } });
    worker.answer({ id: 1, download: state });
    await expect(done).resolves.toEqual(state);
    expect(progress).toEqual([
      { entity: 'products', state },
      { entity: 'bins', state },
    ]);
  });

  it('keeps a storage refusal a refusal across the thread, so the worker reads "storage full" in their words', async () => {
    const done = runner().download('wh-main', new AbortController().signal, () => undefined);
    FakeWorker.last!.answer({ id: 1, refusal: { reason: 'storage-full', why: { code: 'storage-full' } } });
    const failure = await done.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeviceRefusal);
    expect((failure as DeviceRefusal).reason).toBe('storage-full');
  });

  it('asks the worker to stop when the screen goes, and answers aborted when stopped', async () => {
    const stop = new AbortController();
    const sync = runner();
    const done = sync.download('wh-main', stop.signal, () => undefined);
    stop.abort();
    expect(FakeWorker.last!.posted.at(-1)).toEqual({ type: 'abort', id: 1 });
    sync.stop();
    const failure = await done.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SyncError);
    expect((failure as SyncError).reason).toBe('aborted');
    expect(FakeWorker.last!.terminated).toBe(true);
  });

  it('does not confuse the answers of two jobs', async () => {
    const sync = runner();
    const download = sync.download('wh-main', new AbortController().signal, () => undefined);
    const other = sync.run('wh-main', new AbortController().signal);
    const worker = FakeWorker.last!;
    worker.answer({ id: 2, error: { reason: 'offline', message: 'No network.', status: null, retryAfterSeconds: null } });
    worker.answer({ id: 1, download: state });
    await expect(download).resolves.toEqual(state);
    await expect(other).rejects.toMatchObject({ reason: 'offline' });
  });
});
