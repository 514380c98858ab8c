/**
 * One sync: push the outbox's pending operations in order, in batches; then pull what
 * changed, page by page, reporting the device's status with each pull.
 *
 * Invariants:
 * - An operation is marked done only by the server's answer about it; a lost answer
 *   means the same operations go again, and the server answers them from its record.
 * - When the server expects an earlier sequence number than was sent (a gap), the
 *   device re-sends from there, acknowledged operations included (a server restored
 *   from a backup needs them again).
 * - A failure stops the sync where it is: nothing half-written stays, and the next
 *   sync starts from what was stored.
 * - When the server's data set changed (reset or restore) the device is told to
 *   download its warehouse again; its outbox stays and is pushed as before. After a
 *   restore of the same data set the next push starts from the newest acknowledged
 *   step, so what the server lost is sent again even when nothing is pending.
 * - "Update required" (the server reads only newer protocol versions) is not a failure
 *   of the device: nothing was read or written, the outbox stays exactly as it was, and
 *   the new app sends it. It is not recorded as the last sync error.
 */
import type { FloorDb } from '../device/floorDb';
import { deviceStatusOf, firstPendingSeq, readPushBatch, recordFates, storePulledPage, syncFailed, syncSucceeded } from '../device/syncStore';
import { deleteRecord, readRecord, writeRecord } from '../device/syncState';
import { readStorageHealth } from '../device/storageHealth';
import { catalogIsEmpty, markResyncNeeded, newestOutboxSeq, oldestOutboxSeq } from '../device/outboxViews';
import { pullResponseSchema, pushResponseSchema, MAX_PUSH_BATCH, PULL_PAGE_SIZE } from '../protocol/syncMessages';
import { apiPaths } from '../protocol/paths';
import { APP_VERSION } from '../protocol/version';
import type { ApiClient } from './apiClient';
import { SyncError } from './syncError';

export interface SyncOptions {
  readonly warehouseId: string;
  readonly signal?: AbortSignal;
  readonly batchSize?: number;
  readonly pageSize?: number;
  readonly now?: () => Date;
  readonly appVersion?: string;
}

export interface SyncReport {
  readonly pushed: number;
  readonly pulledPages: number;
  /** The server's data set changed: the warehouse must be downloaded again (the outbox is kept). */
  readonly resyncNeeded: boolean;
}

export async function pushOutbox(db: FloorDb, api: ApiClient, options: SyncOptions): Promise<number> {
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? MAX_PUSH_BATCH;
  const firstPending = await firstPendingSeq(db);
  // After a restore the server may lack acknowledged steps: start from the newest held (its fate, or the gap), and let a
  // server that lost every step of this device start its sequence at the oldest one held.
  const resendCheck = (await readRecord(db, 'resendCheck')) !== undefined;
  const oldestHeld = resendCheck ? await oldestOutboxSeq(db) : null;
  const startsAt = oldestHeld ?? firstPending;
  let from = firstPending ?? (resendCheck ? await newestOutboxSeq(db) : null);
  let pushed = 0;
  while (from !== null) {
    const batch = await readPushBatch(db, from, batchSize);
    if (batch.length === 0) break;
    const body = {
      warehouseId: options.warehouseId,
      sentAt: now().toISOString(),
      sequenceStartsAt: startsAt!,
      operations: batch.map((e) => ({ opId: e.opId, deviceSeq: e.deviceSeq, userId: e.userId, createdAt: e.createdAt, payload: e.payload })),
    };
    const answer = (await api.post(apiPaths.syncPush, body, pushResponseSchema, options.signal ? { signal: options.signal } : {}))!;
    await recordFates(db, answer.results, now());
    pushed += answer.results.length;
    if (answer.results.length === 0) {
      // The server expects another sequence number than the first sent: re-send from there, if the device still has it.
      const oldest = (await oldestOutboxSeq(db)) ?? answer.nextSeq;
      if (answer.nextSeq === from || answer.nextSeq < oldest) {
        throw new SyncError('bad-request', `The server expects operation ${answer.nextSeq} from this device, which it no longer holds (it holds ${oldest} onwards). Tell the supervisor.`);
      }
    }
    from = answer.nextSeq;
  }
  if (resendCheck) await deleteRecord(db, 'resendCheck');
  return pushed;
}

export async function pullChanges(db: FloorDb, api: ApiClient, options: SyncOptions): Promise<{ pages: number; resyncNeeded: boolean }> {
  const health = await readStorageHealth();
  const status = await deviceStatusOf(db, { persisted: health.persisted, usageBytes: health.usageBytes, quotaBytes: health.quotaBytes }, options.appVersion ?? APP_VERSION);
  const catalogWasEmpty = await catalogIsEmpty(db);
  let cursor = (await readRecord(db, 'pullCursor')) ?? null;
  let pages = 0;
  for (;;) {
    // The status goes with the first page only: it is the same for every page of this sync.
    const body = { warehouseId: options.warehouseId, cursor, limit: options.pageSize ?? PULL_PAGE_SIZE, ...(pages === 0 ? { status } : {}) };
    const page = (await api.post(apiPaths.syncPull, body, pullResponseSchema, options.signal ? { signal: options.signal } : {}))!;
    if (page.kind === 'reset') {
      await markResyncNeeded(db, page.dataEpoch);
      return { pages, resyncNeeded: true };
    }
    await storePulledPage(db, page, { catalogWasEmpty });
    pages++;
    cursor = page.cursor;
    if (!page.more) return { pages, resyncNeeded: false };
  }
}


/** Push, then pull; records the outcome on the device (last sync, or why it failed). */
export async function syncOnce(db: FloorDb, api: ApiClient, options: SyncOptions): Promise<SyncReport> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  // What this run did, told to the server with the next run's status (the sync history supervisors see).
  const run = { pushed: 0, pulledPages: 0 };
  const recordRun = (error: string | null) =>
    writeRecord(db, 'lastSyncRun', { startedAt: startedAt.toISOString(), durationMs: Math.max(0, now().getTime() - startedAt.getTime()), ...run, error: error?.slice(0, 500) ?? null });
  try {
    run.pushed = await pushOutbox(db, api, options);
    const pulled = await pullChanges(db, api, options);
    run.pulledPages = pulled.pages;
    if (!pulled.resyncNeeded) {
      // What arrived while pulling goes now, so a sync leaves nothing that could have gone.
      run.pushed += await pushOutbox(db, api, options);
      await syncSucceeded(db, now());
      await recordRun(null);
      return { pushed: run.pushed, pulledPages: pulled.pages, resyncNeeded: false };
    }
    await recordRun(null);
    return { pushed: run.pushed, pulledPages: pulled.pages, resyncNeeded: true };
  } catch (error) {
    if (error instanceof SyncError && error.reason === 'aborted') throw error;
    if (error instanceof SyncError && error.needsUpdate) {
      await recordRun(error.message).catch(() => undefined);
      throw error;
    }
    const failure = error instanceof SyncError ? error : new SyncError('server-error', error instanceof Error ? error.message : String(error));
    await syncFailed(db, failure.why, now()).catch(() => undefined);
    await recordRun(failure.message).catch(() => undefined);
    throw failure;
  }
}
