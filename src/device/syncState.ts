/**
 * Small named records the device keeps about itself: its id, the session, the
 * download's progress, the last sync. Typed here so callers never guess a shape.
 */
import type { SignedInUser } from '../protocol/auth';
import type { Warehouse } from '../domain/catalog/product';
import type { DownloadEntity } from '../protocol/download';
import type { CountSheet } from '../domain/floor/countSheet';
import type { WarehouseSettings } from '../domain/floor/warehouseSettings';
import type { Why } from '../domain/why';
import type { SyncRun } from '../protocol/syncMessages';
import type { FloorDb } from './floorDb';
import type { StepNotKept } from './stepsNotKept';

export interface DeviceSession {
  readonly token: string;
  readonly expiresAt: string;
  readonly user: SignedInUser;
  readonly warehouses: readonly Warehouse[];
  /** Chosen at sign-in (skipped when the user has one warehouse); null until chosen. */
  readonly warehouse: Warehouse | null;
  readonly signedInAt: string;
}

export interface EntityProgress {
  readonly total: number;
  readonly stored: number;
  /** Cursor after the last stored page; null before the first page. */
  readonly cursor: string | null;
  readonly done: boolean;
}

export interface DownloadState {
  readonly warehouseId: string;
  readonly dataEpoch: string;
  readonly changeClock: string;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly entities: Record<DownloadEntity, EntityProgress>;
}

export interface SyncRecords {
  deviceId: string;
  session: DeviceSession;
  download: DownloadState;
  /** The warehouse whose data the floor tables hold. */
  floorWarehouseId: string;
  lastSyncAt: string;
  /** Set once the device has held data, to tell an eviction from a first start. */
  everHeldData: string;
  /** The last sequence number given to an operation on this device (gapless from 1). */
  lastDeviceSeq: number;
  /** The bin being counted, kept with every scan so a reload resumes the count. */
  countDraft: CountSheet;
  /** The warehouse's floor settings, as last received from the server. */
  warehouseSettings: WarehouseSettings;
  /** Where the next pull starts (made by the server). */
  pullCursor: string;
  /** Why the last sync failed, when it did; cleared by the next that succeeds. */
  lastSyncError: { readonly why: Why; readonly at: string };
  /** The last sync run (succeeded or failed), reported with the next sync's status. */
  lastSyncRun: SyncRun;
  /** Set when the server's data was reset or restored: the warehouse is downloaded again, the outbox kept. */
  resyncNeeded: string;
  /**
   * Set when the same data set was restored from a backup: the server may lack steps it
   * had acknowledged, so the next push starts from the newest one held (the server
   * answers its fate, or the gap to send again from) even with nothing pending.
   */
  resendCheck: string;
  /**
   * This browser's app data was cleared since it was last used (found by the device's
   * own marker, or told by the server at sign-in): what may have been lost. Shown until
   * the worker has read it.
   */
  storageLost: { readonly previousDeviceId: string | null; readonly pendingAtLastSync: number | null; readonly lastSyncAt: string | null; readonly noticedAt: string };
  /** Steps shown as saved and refused when written at the next start, until the worker read them (stepsNotKept.ts). */
  stepsNotKept: readonly StepNotKept[];
}

export async function readRecord<K extends keyof SyncRecords>(db: FloorDb, key: K): Promise<SyncRecords[K] | undefined> {
  const entry = await db.syncState.get(key);
  return entry?.value as SyncRecords[K] | undefined;
}

export async function writeRecord<K extends keyof SyncRecords>(db: FloorDb, key: K, value: SyncRecords[K]): Promise<void> {
  await db.syncState.put({ key, value });
}

export async function deleteRecord(db: FloorDb, key: keyof SyncRecords): Promise<void> {
  await db.syncState.delete(key);
}
