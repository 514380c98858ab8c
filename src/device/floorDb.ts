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
 *
 * Layout: IndexedDB in Chromium costs about 70 µs per record written, whatever its
 * size, while index entries are cheap. So products are stored in blocks of fifty
 * (indexed by every GTIN and product id they hold), and each bin holds
 * its own stock lines (indexed by the products in it). A 200,000-product catalog
 * is then a few thousand records, not half a million; a bin record is also the
 * natural unit of a stock change and of a count's snapshot.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { BinWithStock, Product } from '../domain/catalog/product';
import type { Task } from '../domain/tasks/task';
import { applyEffect, effectBin, reverseEffectsOf, type FloorOperation, type ShortReason } from '../domain/floor/operations';
import type { Why } from '../domain/why';

/** Products stored together; `blockId` is the id of the first product in it. */
export interface ProductBlock {
  readonly blockId: string;
  readonly products: readonly Product[];
  /** Every GTIN-14 of every product in the block (each, inner, case): the look-up index. */
  readonly gtins: readonly string[];
  readonly productIds: readonly string[];
}

export interface StoredBin extends BinWithStock {
  /** The products the bin holds: the index from a product to its bins. */
  readonly productIds: readonly string[];
  /** The bin's stock as the server last said; `stock` is that with this device's operations not yet in it on top. */
  readonly serverStock: BinWithStock['stock'];
  /** The change clock of that server state: operations the server recorded at or before it are in serverStock. */
  readonly serverClock: string;
}

/**
 * What became of an operation: pending until the server acknowledges it, then the
 * server's fate; a rejected operation the worker dismissed (with a reason) is dismissed.
 */
export type OutboxStatus = 'pending' | 'applied' | 'review' | 'rejected' | 'undone' | 'dismissed';

export interface OutboxEntry {
  /** Made on the device (UUID); the server applies each id once. */
  readonly opId: string;
  /** Gapless from 1 on this device. */
  readonly deviceSeq: number;
  readonly type: string;
  readonly payload: unknown;
  readonly createdAt: string;
  readonly status: OutboxStatus;
  /** The server's reason when it rejected the operation (a reason code with facts, and the English words). */
  readonly rejection?: { readonly why: Why; readonly message: string };
  /** The change clock the server recorded it at; null until acknowledged. */
  readonly clock?: string | null;
  readonly acknowledgedAt?: string;
  readonly userId: string;
  readonly warehouseId: string;
  /** The flow step it records (see domain/floor/flow): one entry per key, whatever repeats the write. */
  readonly stepKey?: string;
}

/**
 * A task as the server last sent it, with the change clock of that state: this device's
 * steps the server recorded at or before it are in the lines' progress (taskLineProgress.ts).
 * Absent in tasks stored before progress came with them.
 */
export interface StoredTask extends Task {
  readonly serverClock?: string;
}

/** A task as this device works it: what is done per line, and what Undo can take back. */
export interface TaskProgress {
  readonly taskId: string;
  readonly startedAt: string;
  /** Per line number: units done, and the shortfall when the line was closed short. */
  readonly lines: Readonly<Record<number, { readonly done: number; readonly short: { readonly qty: number; readonly reason: ShortReason } | null }>>;
  readonly finished: boolean;
  /** Operations of this task not undone, oldest first: Undo takes back the last. */
  readonly opIds: readonly string[];
}

export interface SyncStateEntry {
  readonly key: string;
  readonly value: unknown;
}

export type FloorDb = Dexie & {
  productBlocks: EntityTable<ProductBlock, 'blockId'>;
  bins: EntityTable<StoredBin, 'code'>;
  tasks: EntityTable<StoredTask, 'id'>;
  outbox: EntityTable<OutboxEntry, 'opId'>;
  syncState: EntityTable<SyncStateEntry, 'key'>;
  taskProgress: EntityTable<TaskProgress, 'taskId'>;
};

export const FLOOR_DB_NAME = 'warehouse-handheld';

export function openFloorDb(name: string = FLOOR_DB_NAME): FloorDb {
  // Dexie's query cache is off: a step written in IndexedDB's own API (stepTransactions.ts)
  // is announced to the live queries, which then read it, never a result cached before it.
  const db = new Dexie(name, { cache: 'disabled' }) as FloorDb;
  // Version 1. A later schema adds db.version(2)…; Dexie upgrades in place and
  // keeps every table not named, so an app update never loses the outbox.
  db.version(1).stores({
    productBlocks: 'blockId, *gtins, *productIds',
    bins: 'code, *productIds',
    tasks: 'id, kind, status, assignedTo',
    outbox: 'opId, &deviceSeq, status, createdAt',
    syncState: 'key',
  });
  // Version 2 only adds: an app update never drops a table the outbox or progress lives in.
  db.version(2).stores({ taskProgress: 'taskId' });
  // Version 3: bins by zone, for putaway suggestions (an index only; no data moves).
  db.version(3).stores({ bins: 'code, *productIds, zone' });
  // Version 4: each bin keeps the server's stock beside what the device shows. A bin
  // from before holds the server's stock with this device's pending steps on top: take
  // them back off to find the server's.
  db.version(4).upgrade(async (tx) => {
    const pending = (await tx.table<OutboxEntry>('outbox').toArray()).filter((e) => (e.status as string) === 'pending' || (e.status as string) === 'sent').sort((a, b) => b.deviceSeq - a.deviceSeq);
    await tx
      .table<StoredBin>('bins')
      .toCollection()
      .modify((bin: { serverStock?: StoredBin['stock']; serverClock?: string; stock: StoredBin['stock']; code: string }) => {
        bin.serverStock = serverStockBefore(bin.code, bin.stock, pending);
        bin.serverClock = '0';
      });
  });
  // Version 5: each step's idempotency key, unique, so a repeated write of one step records nothing.
  db.version(5).stores({ outbox: 'opId, &deviceSeq, status, createdAt, &stepKey' });
  return db;
}

/** Products a block holds; small enough to rewrite when one product changes. */
export const PRODUCTS_PER_BLOCK = 50;

export function toProductBlocks(products: readonly Product[]): ProductBlock[] {
  const blocks: ProductBlock[] = [];
  for (let start = 0; start < products.length; start += PRODUCTS_PER_BLOCK) {
    const members = products.slice(start, start + PRODUCTS_PER_BLOCK);
    blocks.push({
      blockId: members[0]!.id,
      products: members,
      gtins: members.flatMap((product) => product.codes.map((code) => code.gtin)),
      productIds: members.map((product) => product.id),
    });
  }
  return blocks;
}

/** A bin as the server sent it: what it shows is the server's stock until the device's own steps are laid on top. */
export function toStoredBin(bin: BinWithStock, serverClock = '0'): StoredBin {
  return withStock({ ...bin, serverStock: bin.stock, serverClock, productIds: [] }, bin.stock);
}

/** The bin showing `stock`, with the index of its products. */
export function withStock(bin: StoredBin, stock: StoredBin['stock']): StoredBin {
  return { ...bin, stock, productIds: [...new Set(stock.map((line) => line.productId))] };
}

/** The server's stock under a bin's shown stock: the pending steps (newest first) taken back off. */
function serverStockBefore(binCode: string, shown: StoredBin['stock'], pendingNewestFirst: readonly OutboxEntry[]): StoredBin['stock'] {
  let stock = shown;
  for (const entry of pendingNewestFirst) {
    for (const effect of reverseEffectsOf(entry.payload as FloorOperation)) {
      if (effectBin(effect) === binCode) stock = applyEffect(stock, effect, (line) => ({ ...line, binCode }));
    }
  }
  return stock;
}

/** The floor data tables, cleared together when the device changes warehouse. */
export function floorTables(db: FloorDb) {
  return [db.productBlocks, db.bins, db.tasks] as const;
}
