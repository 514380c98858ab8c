/**
 * Small named records the device keeps about itself: its id, the session, the
 * download's progress, the last sync. Typed here so callers never guess a shape.
 */
import type { SignedInUser } from '../protocol/auth';
import type { Warehouse } from '../domain/catalog/product';
import type { DownloadEntity } from '../protocol/download';
import type { CountSheet } from '../domain/floor/countSheet';
import type { FloorDb } from './floorDb';

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
