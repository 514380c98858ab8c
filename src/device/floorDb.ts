/**
 * The device's database: everything the floor needs, in IndexedDB through Dexie.
 * This folder is the only place that imports Dexie.
 *
 * Invariants:
 * - The floor data (products, bins, stock, tasks) is of one warehouse, the one in
 *   the session; switching warehouse clears it, and that is refused while the
 *   outbox holds unsent operations.
 * - The outbox is never cleared by anything but the server's acknowledgement
 *   (issue: sync); app updates only add schema versions, never drop a table.
 * - Each download page is written with its cursor in one transaction, so a
 *   download resumes exactly where the last stored page ended.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Bin, Product, StockLine } from '../domain/catalog/product';
import type { Task } from '../domain/tasks/task';
import type { OperationStatus } from '../protocol/outbox';

export interface StoredProduct extends Product {
  /** Every GTIN-14 of the product (each, inner, case): the look-up index. */
  readonly gtins: readonly string[];
}

export interface StoredStockLine extends StockLine {
  /** `bin|product|lot`, the line's identity. */
  readonly key: string;
}

export interface OutboxEntry {
  /** Made on the device (UUID); the server applies each id once. */
  readonly opId: string;
  /** Gapless from 1 on this device. */
  readonly deviceSeq: number;
  readonly type: string;
  readonly payload: unknown;
  readonly createdAt: string;
  readonly status: OperationStatus;
  /** The server's reason when it rejected the operation. */
  readonly rejection?: { readonly reason: string; readonly message: string };
  readonly userId: string;
  readonly warehouseId: string;
}

export interface SyncStateEntry {
  readonly key: string;
  readonly value: unknown;
}

export type FloorDb = Dexie & {
  products: EntityTable<StoredProduct, 'id'>;
  bins: EntityTable<Bin, 'code'>;
  stock: EntityTable<StoredStockLine, 'key'>;
  tasks: EntityTable<Task, 'id'>;
  outbox: EntityTable<OutboxEntry, 'opId'>;
  syncState: EntityTable<SyncStateEntry, 'key'>;
};

export const FLOOR_DB_NAME = 'warehouse-handheld';

export function openFloorDb(name: string = FLOOR_DB_NAME): FloorDb {
  const db = new Dexie(name) as FloorDb;
  // Version 1. A later schema adds db.version(2)…; Dexie upgrades in place and
  // keeps every table not named, so an app update never loses the outbox.
  db.version(1).stores({
    products: 'id, *gtins, sku',
    bins: 'code, zone, walkSeq',
    stock: 'key, binCode, productId',
    tasks: 'id, kind, status, assignedTo',
    outbox: 'opId, &deviceSeq, status, createdAt',
    syncState: 'key',
  });
  return db;
}

export function stockKey(line: Pick<StockLine, 'binCode' | 'productId' | 'lot'>): string {
  return `${line.binCode}|${line.productId}|${line.lot}`;
}

/** The floor data tables, cleared together when the device changes warehouse. */
export function floorTables(db: FloorDb) {
  return [db.products, db.bins, db.stock, db.tasks] as const;
}
